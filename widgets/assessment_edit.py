"""The assessment form, built entirely from a Policy: categories, factor rows, records, determination.

No factor, category or determination is named in this module; a new policy file renders its own form.
Every input carries an accessible name and description taken from the policy text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casework.assessment import (
    Assessment,
    CategoryAnswer,
    CategoryFinding,
    FactorAnswer,
    FactorFinding,
    OtherFactor,
    ThreatAnswer,
    WorkflowEvent,
)
from casework.model import ImmigrationHistory
from casework.policy import Category, Policy
from widgets.form_section import FormSection
from widgets.record_table_edit import ID, Column, RecordTableEdit, is_blank

CATEGORY_WORDS = {CategoryAnswer.UNANSWERED: "— not answered —", CategoryAnswer.APPLIES: "Applies",
                  CategoryAnswer.DOES_NOT_APPLY: "Does not apply", CategoryAnswer.UNKNOWN: "Unknown"}
FACTOR_WORDS = {FactorAnswer.UNANSWERED: "— not answered —", FactorAnswer.PRESENT: "Present",
                FactorAnswer.ABSENT: "Absent", FactorAnswer.UNKNOWN: "Unknown"}
THREAT_WORDS = {ThreatAnswer.UNANSWERED: "— not answered —", ThreatAnswer.CURRENT_THREAT: "Is a current threat",
                ThreatAnswer.NOT_A_CURRENT_THREAT: "Is not a current threat", ThreatAnswer.UNKNOWN: "Unknown"}


E = TypeVar("E", bound=StrEnum)


def _combo(words: Mapping[E, str], name: str, description: str = "") -> QComboBox:
    combo = QComboBox()
    for value, text in words.items():
        combo.addItem(text, value)
    combo.setAccessibleName(name)
    if description:
        combo.setAccessibleDescription(description)
        combo.setToolTip(description)
    return combo


def _text(name: str, description: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(22 * lines + 10)
    edit.setAccessibleName(name)
    if description:
        edit.setAccessibleDescription(description)
    return edit


def _line(name: str, placeholder: str = "", description: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    if description:
        edit.setAccessibleDescription(description)
    return edit


class AssessmentEdit(FormSection):
    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._fixed = Assessment(policy.id, policy.version, policy.sha256)
        self._history: tuple[WorkflowEvent, ...] = ()

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Policy status")
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c36a;")
        self.banner.hide()
        heading = QLabel(f"Assessed under: {policy.title} ({policy.issuer}, signed {policy.signed.isoformat()}, "
                         f"version {policy.version}).\n{policy.principle}")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.banner)
        self.form.addRow(heading)

        self.assessed_on = QDateEdit()
        self.assessed_on.setCalendarPopup(True)
        self.assessed_on.setDisplayFormat("yyyy-MM-dd")
        self.add_field("assessment.assessed_on", "Assessment &date", self.assessed_on,
                       "The date the assessment is made; the policy in force on it applies")
        self.assessed_on.dateChanged.connect(self._on_assessed_on_changed)

        records = QWidget()
        records_layout = QVBoxLayout(records)
        records_layout.setContentsMargins(0, 0, 0, 0)
        self.record_boxes: dict[str, QCheckBox] = {}
        for kind in policy.records:
            box = QCheckBox(kind.label)
            box.setAccessibleName(f"Reviewed: {kind.label}")
            if kind.insufficient_alone:
                box.setAccessibleDescription("Not enough on its own: review the full record too")
            records_layout.addWidget(box)
            box.toggled.connect(self.changed)
            self.record_boxes[kind.id] = box
        self.add_field("assessment.records_reviewed", "&Records reviewed", records,
                       "Obtain and review the entire criminal and administrative record, aggravating and mitigating")
        self._fields["assessment.records_reviewed"] = next(iter(self.record_boxes.values()), records)
        self.records_note = _text("Records note", "Which records, from where, and what could not be obtained", 2)
        self.add_field("assessment.records_note", "Records &note", self.records_note)
        self.records_note.textChanged.connect(self.changed)

        self.category_answer: dict[str, QComboBox] = {}
        self.category_basis: dict[str, QPlainTextEdit] = {}
        self.category_evidence: dict[str, QLineEdit] = {}
        self.cutoff_hint: QLabel | None = None
        for category in policy.categories:
            self._add_category(category)
            if category.cutoff is not None:
                self.border_notes = _text("Border notes", "Compelling or mitigating facts; review of the cutoff date")
                self.add_field("assessment.border_notes", "Border &notes", self.border_notes,
                               "Compelling or mitigating facts, and the review of an entry date near the cutoff")
                self.border_notes.textChanged.connect(self.changed)
            if category.weighs_factors:
                self._add_factors()

        self.determination = QComboBox()
        self.determination.addItem("— not chosen —", "")
        for d in policy.determinations:
            self.determination.addItem(d.label, d.id)
        self.add_field("assessment.determination", "D&etermination", self.determination,
                       "The officer's decision; the software never decides")
        self.determination.currentIndexChanged.connect(self._on_determination_changed)
        self.determination_detail = _line("Determination detail")
        self.add_field("assessment.determination_detail", "Detail", self.determination_detail)
        self.determination_detail.textChanged.connect(self.changed)
        self.rationale = _text("Rationale", "Why, on the totality of the facts; address every factor found present", 6)
        self.add_field("assessment.rationale", "R&ationale", self.rationale,
                       "Why, on the totality of the facts; address every factor found present")
        self.rationale.textChanged.connect(self.changed)
        never = ", ".join(policy.never_factors)
        never_label = QLabel(f"Never factors in deciding to take enforcement action: {never}.")
        never_label.setWordWrap(True)
        self.form.addRow(never_label)
        self.attested = QCheckBox("I attest that none of these was considered.")
        self.attested.setStyleSheet("QCheckBox { font-weight: bold; }")
        self.add_field("assessment.attested", "Attestation", self.attested,
                       f"Civil-rights attestation: {never} shall never be factors")
        self.attested.toggled.connect(self.changed)
        self._on_determination_changed()

    # ----- building ------------------------------------------------------------------------------------------

    def _add_category(self, category: Category) -> None:
        box = QGroupBox(category.label)
        layout = QVBoxLayout(box)
        condition = QLabel(category.condition)
        condition.setWordWrap(True)
        condition.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(condition)
        if category.cutoff is not None:
            self.cutoff_hint = QLabel()
            self.cutoff_hint.setWordWrap(True)
            self.cutoff_hint.setAccessibleName("Cutoff hint")
            layout.addWidget(self.cutoff_hint)
        self.form.addRow(box)
        path = f"assessment.categories.{category.id}"
        answer = _combo(CATEGORY_WORDS, f"{category.label}: finding", category.condition)
        basis = _text(f"{category.label}: basis", "The facts this finding rests on", 2)
        evidence = _line(f"{category.label}: evidence", "Documents, reports, records")
        self.add_field(f"{path}.answer", "Finding", answer, category.condition)
        self.add_field(f"{path}.basis", "Basis", basis, "The facts this finding rests on")
        self.add_field(f"{path}.evidence", "Evidence", evidence, "Documents, reports, records")
        answer.currentIndexChanged.connect(self.changed)
        basis.textChanged.connect(self.changed)
        evidence.textChanged.connect(self.changed)
        self.category_answer[category.id] = answer
        self.category_basis[category.id] = basis
        self.category_evidence[category.id] = evidence

    def _add_factors(self) -> None:
        self.factor_answer: dict[str, QComboBox] = {}
        self.factor_evidence: dict[str, QLineEdit] = {}
        self.factor_source: dict[str, QLineEdit] = {}
        for kind, title in (("aggravating", "Aggravating factors (weigh toward enforcement action)"),
                            ("mitigating", "Mitigating factors (weigh toward declining enforcement action)")):
            box = QGroupBox(title)
            grid = QGridLayout(box)
            for col, text in enumerate(("Factor", "Finding", "Evidence", "Source")):
                header = QLabel(text)
                header.setStyleSheet("font-weight: bold;")
                grid.addWidget(header, 0, col)
            for row, factor in enumerate(self.policy.factors_of(kind), start=1):
                name = QLabel(f"{factor.id}  {factor.label}")
                name.setWordWrap(True)
                name.setToolTip(factor.help)
                answer = _combo(FACTOR_WORDS, f"{factor.id} {factor.label}: finding", factor.help)
                evidence = _line(f"{factor.id} {factor.label}: evidence", "Evidence", factor.help)
                source = _line(f"{factor.id} {factor.label}: source", "Source")
                name.setBuddy(answer)
                grid.addWidget(name, row, 0)
                grid.addWidget(answer, row, 1)
                grid.addWidget(evidence, row, 2)
                grid.addWidget(source, row, 3)
                grid.setColumnStretch(0, 3)
                grid.setColumnStretch(2, 3)
                grid.setColumnStretch(3, 1)
                path = f"assessment.factors.{factor.id}"
                self._register(f"{path}.answer", answer)
                self._register(f"{path}.evidence", evidence)
                self._register(f"{path}.source", source)
                answer.currentIndexChanged.connect(self.changed)
                evidence.textChanged.connect(self.changed)
                source.textChanged.connect(self.changed)
                self.factor_answer[factor.id] = answer
                self.factor_evidence[factor.id] = evidence
                self.factor_source[factor.id] = source
            self.form.addRow(box)
        self.other_factors = RecordTableEdit(
            [Column("kind", "Kind", choices=(("aggravating", "Aggravating"), ("mitigating", "Mitigating"))),
             Column("description", "Other factor"), Column("evidence", "Evidence"), Column("source", "Source")],
            noun="other factor",
        )
        self.add_field("assessment.other_factors", "&Other factors", self.other_factors,
                       "The lists are examples, not exhaustive: add any other aggravating or mitigating factor")
        self.other_factors.value_changed.connect(self.changed)
        self.weighing = _text("Weighing", "The aggravating and mitigating factors weighed against each other", 5)
        self.add_field("assessment.weighing", "&Weighing", self.weighing,
                       "The aggravating and mitigating factors weighed against each other, in words")
        self.weighing.textChanged.connect(self.changed)
        self.current_threat = _combo(THREAT_WORDS, "Current threat to public safety")
        self.add_field("assessment.current_threat", "Current &threat", self.current_threat,
                       "The overriding question: is the person a current threat to public safety?")
        self.current_threat.currentIndexChanged.connect(self.changed)

    def _register(self, path: str, widget: QWidget) -> None:
        """A field that lives in a grid rather than a form row: addressable, with errors shown as tooltips."""
        self._fields[path] = widget

    # ----- value --------------------------------------------------------------------------------------------

    def value(self) -> Assessment:
        p = self.policy
        other = tuple(OtherFactor(r["kind"] or "aggravating", r["description"].strip(), r["evidence"].strip(),
                                  r["source"].strip(), id=r[ID])
                      for r in self.other_factors.value() if not is_blank({**r, "kind": ""}))
        return replace(
            self._fixed,
            assessed_on=self._assessed_on(),
            records_reviewed=tuple(k for k, box in self.record_boxes.items() if box.isChecked()),
            records_note=self.records_note.toPlainText(),
            categories=tuple(CategoryFinding(c.id, CategoryAnswer(self.category_answer[c.id].currentData()),
                                             self.category_basis[c.id].toPlainText(),
                                             self.category_evidence[c.id].text().strip())
                             for c in p.categories),
            border_notes=self.border_notes.toPlainText() if hasattr(self, "border_notes") else "",
            factors=tuple(FactorFinding(f.id, FactorAnswer(self.factor_answer[f.id].currentData()),
                                        self.factor_evidence[f.id].text().strip(),
                                        self.factor_source[f.id].text().strip()) for f in p.factors),
            other_factors=other,
            weighing=self.weighing.toPlainText(),
            current_threat=ThreatAnswer(self.current_threat.currentData()),
            determination=self.determination.currentData() or "",
            determination_detail=self.determination_detail.text().strip(),
            rationale=self.rationale.toPlainText(),
            attested=self.attested.isChecked(),
            history=self._history,
        )

    def set_value(self, a: Assessment) -> None:
        self._loading = True
        try:
            self._fixed = Assessment(a.policy_id, a.policy_version, a.policy_sha256)
            self._history = a.history
            day = a.assessed_on or date.today()
            self.assessed_on.setDate(QDate(day.year, day.month, day.day))
            for kind, box in self.record_boxes.items():
                box.setChecked(kind in a.records_reviewed)
            self.records_note.setPlainText(a.records_note)
            for c in self.policy.categories:
                finding = a.category(c.id)
                self.category_answer[c.id].setCurrentIndex(self.category_answer[c.id].findData(finding.answer.value))
                self.category_basis[c.id].setPlainText(finding.basis)
                self.category_evidence[c.id].setText(finding.evidence)
            if hasattr(self, "border_notes"):
                self.border_notes.setPlainText(a.border_notes)
            for f in self.policy.factors:
                factor = a.factor(f.id)
                self.factor_answer[f.id].setCurrentIndex(self.factor_answer[f.id].findData(factor.answer.value))
                self.factor_evidence[f.id].setText(factor.evidence)
                self.factor_source[f.id].setText(factor.source)
            self.other_factors.set_value([{"kind": o.kind, "description": o.description, "evidence": o.evidence,
                                           "source": o.source, ID: o.id} for o in a.other_factors])
            self.weighing.setPlainText(a.weighing)
            self.current_threat.setCurrentIndex(self.current_threat.findData(a.current_threat.value))
            self.determination.setCurrentIndex(max(0, self.determination.findData(a.determination)))
            self.determination_detail.setText(a.determination_detail)
            self.rationale.setPlainText(a.rationale)
            self.attested.setChecked(a.attested)
        finally:
            self._loading = False
        self._on_determination_changed()
        self._show_policy_status()

    def set_history(self, history: tuple[WorkflowEvent, ...]) -> None:
        self._history = history

    # ----- live hints ----------------------------------------------------------------------------------------

    def show_cutoff_hint(self, history: ImmigrationHistory) -> None:
        """Say where the last entry date falls against the border-security cutoff, as the officer types."""
        category = next((c for c in self.policy.categories if c.cutoff is not None), None)
        if category is None or self.cutoff_hint is None or category.cutoff is None:
            return
        cutoff = category.cutoff
        entry = history.last_entry
        earliest, latest = entry.earliest(), entry.latest()
        word = "after" if cutoff.comparison == "after" else "on or after"
        if earliest is None or latest is None:
            text = f"Cutoff: entries {word} {cutoff.day.isoformat()}. The last entry date is not recorded."
        elif earliest == latest == cutoff.day:
            text = f"Last entry {entry} is exactly the cutoff date: needs review."
        elif (earliest > cutoff.day) if cutoff.comparison == "after" else (earliest >= cutoff.day):
            text = f"Last entry {entry} is {word} the cutoff of {cutoff.day.isoformat()}."
        elif (latest <= cutoff.day) if cutoff.comparison == "after" else (latest < cutoff.day):
            text = f"Last entry {entry} is before the cutoff of {cutoff.day.isoformat()}."
        else:
            text = (f"Last entry {entry} ({entry.precision.value} only) may fall either side of the cutoff: "
                    "needs review.")
        self.cutoff_hint.setText(text)

    def _assessed_on(self) -> date:
        day = self.assessed_on.date()
        return date(day.year(), day.month(), day.day())

    def _show_policy_status(self) -> None:
        status = self.policy.status_on(self._assessed_on())
        self.banner.setVisible(status != "in force")
        self.banner.setText(f"{self.policy.title} ({self.policy.version}) was {status}. "
                            "Check which guidance applied on the assessment date.")

    def _on_assessed_on_changed(self, _d: QDate) -> None:
        self._show_policy_status()
        self.changed()

    def _on_determination_changed(self, *_args: object) -> None:
        d = self.policy.determination(self.determination.currentData() or "")
        need = bool(d and d.needs_detail)
        self.determination_detail.setEnabled(need)
        self.determination_detail.setPlaceholderText(d.needs_detail if need and d else "")
        self.changed()
