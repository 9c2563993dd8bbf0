"""The assessment form, built entirely from a Policy: its categories and what each asks, its factor kinds,
its sections, its records, determinations and wording.

No category, factor, question or determination is named in this module: a policy of another shape (the
interim guidance's presumed priorities with conditions and pre-approval, a fixture of a third shape) renders
its own form. Each question of the policy becomes an input of its kind (text, line, choice, multi, date) at
the path "assessment.<question id>", so the checklist jumps to it; a section shows only while the policy asks
it. Every input carries an accessible name and description taken from the policy text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
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
    Acknowledgement,
    Answer,
    Assessment,
    CategoryAnswer,
    CategoryFinding,
    FactorAnswer,
    FactorFinding,
    OtherFactor,
    Reassessment,
    WorkflowEvent,
)
from casework.cutoff import Position, classify, comparison_words
from casework.dates import PartialDate
from casework.facts import FACTS
from casework.model import ImmigrationHistory
from casework.policy import Category, Policy, Question, Section
from widgets.common import LINE_MAX_WIDTH, ErrorLabel, WrapCheckBox
from widgets.form_section import FormSection
from widgets.record_table_edit import ID, Column, RecordTableEdit, is_blank
from widgets.translated import translated

NOT_ANSWERED = QT_TRANSLATE_NOOP("AssessmentEdit", "— not answered —")


def _combo(items: list[tuple[str, str]], name: str, description: str = "") -> QComboBox:
    """A choice of (value, text) items, "not answered" first."""
    combo = QComboBox()
    # As wide as the field allows, not as its longest choice (a long one, or a translation, would push the form
    # wider than a small screen): the open list shows each choice whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.addItem(translated("AssessmentEdit", NOT_ANSWERED), "")
    for value, text in items:
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


def _note(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setAccessibleName(name)
    return label


def _titled_box(title: str) -> QGroupBox:
    """A group box whose title wraps (a QGroupBox title cannot, and a long one would widen the whole form)."""
    box = QGroupBox()
    box.setAccessibleName(title)
    layout = QVBoxLayout(box)
    heading = QLabel(title)
    heading.setWordWrap(True)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    heading.setStyleSheet("font-weight: bold;")
    layout.addWidget(heading)
    return box


@dataclass
class _QuestionInput:
    """One question's input: read and written as an Answer whatever its kind."""

    question: Question
    widget: QWidget
    boxes: dict[str, QCheckBox]

    def value(self) -> Answer:
        q, w = self.question, self.widget
        if q.kind == "multi":
            return Answer(q.id, values=tuple(k for k, box in self.boxes.items() if box.isChecked()))
        if isinstance(w, QComboBox):
            return Answer(q.id, w.currentData() or "")
        if isinstance(w, QPlainTextEdit):
            return Answer(q.id, w.toPlainText())
        assert isinstance(w, QLineEdit)
        return Answer(q.id, w.text().strip())

    def set_value(self, answer: Answer) -> None:
        w = self.widget
        if self.question.kind == "multi":
            for key, box in self.boxes.items():
                box.setChecked(key in answer.values)
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(answer.value)))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(answer.value)
        elif isinstance(w, QLineEdit):
            w.setText(answer.value)


class AssessmentEdit(FormSection):
    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._fixed = Assessment(policy.id, policy.version, policy.sha256)
        self._history: tuple[WorkflowEvent, ...] = ()
        self._acknowledgements: tuple[Acknowledgement, ...] = ()
        self._reassessed_from: Reassessment | None = None
        self._kept: tuple[tuple[CategoryFinding, ...], tuple[FactorFinding, ...], tuple[Answer, ...]] = ((), (), ())
        self.category_answer: dict[str, QComboBox] = {}
        self.category_basis: dict[str, QPlainTextEdit] = {}
        self.category_evidence: dict[str, QLineEdit] = {}
        self.cutoff_hints: dict[str, QLabel] = {}
        """One hint per prong with a cutoff, by "category/prong"."""
        self.cutoff_hint: QLabel | None = None
        """The first hint about the last entry date (where most policies put their cutoff)."""
        self.factor_answer: dict[str, QComboBox] = {}
        self.factor_evidence: dict[str, QLineEdit] = {}
        self.factor_source: dict[str, QLineEdit] = {}
        self.other_factors: RecordTableEdit | None = None
        self.questions: dict[str, _QuestionInput] = {}
        self.section_rows: dict[str, list[QWidget]] = {}

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Policy status"))
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c36a;")
        self.banner.hide()
        heading = _note(self.tr("Assessed under: {title} ({issuer}, signed {signed}, version {version}).").format(
            title=policy.title, issuer=policy.issuer, signed=policy.signed.isoformat(), version=policy.version)
            + f"\n{policy.principle}")
        self.form.addRow(self.banner)
        self.form.addRow(heading)

        self.assessed_on = QDateEdit()
        self.assessed_on.setCalendarPopup(True)
        self.assessed_on.setDisplayFormat("yyyy-MM-dd")
        self.add_field("assessment.assessed_on", self.tr("Assess&ment date"), self.assessed_on,
                       self.tr("The date the assessment is made; the policy in force on it applies"))
        self.assessed_on.dateChanged.connect(self._on_assessed_on_changed)
        self._add_records()

        title = QLabel(policy.word("form.categories"))
        title.setStyleSheet("font-weight: bold; font-size: 13pt; margin-top: 6px;")
        self.form.addRow(title)
        for category in policy.categories:
            self._add_category(category)

        self.determination = QComboBox()
        self.determination.addItem(self.tr("— not chosen —"), "")
        for d in policy.determinations:
            self.determination.addItem(d.label, d.id)
        self.add_field("assessment.determination", self.tr("&Determination"), self.determination,
                       self.tr("The officer's decision; the software never decides"))
        self.determination.currentIndexChanged.connect(self._on_determination_changed)
        self.determination_detail = _line(self.tr("Determination detail"))
        self.add_field("assessment.determination_detail", self.tr("Detail"), self.determination_detail)
        self.determination_detail.textChanged.connect(self.changed)
        for section in policy.sections:  # after the determination: a section may be asked because of it
            self._add_section(section)
        self.rationale = _text(self.tr("Rationale"), self.tr("Why, on the totality of the facts; address every factor "
                                                             "found present"), 6)
        self.add_field("assessment.rationale", self.tr("Rationa&le"), self.rationale,
                       self.tr("Why, on the totality of the facts; address every factor found present"))
        self.rationale.textChanged.connect(self.changed)
        self.form.addRow(_note(policy.word("form.never_factors"), self.tr("Never factors")))
        self.attested = WrapCheckBox(policy.word("form.attestation"))
        self.attested.setStyleSheet("QCheckBox { font-weight: bold; }")
        self.add_field("assessment.attested", self.tr("Attestation"), self.attested,
                       self.tr("Civil-rights attestation: {never_factors} shall never be factors").format(
                           never_factors=", ".join(policy.never_factors)))
        self.attested.toggled.connect(self.changed)
        self._on_determination_changed()

    # ----- building ------------------------------------------------------------------------------------------

    def _add_records(self) -> None:
        records = QWidget()
        layout = QVBoxLayout(records)
        layout.setContentsMargins(0, 0, 0, 0)
        self.record_boxes: dict[str, QCheckBox] = {}
        for kind in self.policy.records:
            box = WrapCheckBox(kind.label)
            box.setAccessibleName(self.tr("Reviewed: {record}").format(record=kind.label))
            if kind.insufficient_alone:
                box.setAccessibleDescription(self.tr("Not enough on its own: review the full record too"))
            layout.addWidget(box)
            box.toggled.connect(self.changed)
            self.record_boxes[kind.id] = box
        self.add_field("assessment.records_reviewed", self.tr("Records re&viewed"), records,
                       self.tr("Obtain and review the entire criminal and administrative record, aggravating and "
                               "mitigating"))
        self._fields["assessment.records_reviewed"] = next(iter(self.record_boxes.values()), records)
        self.records_note = _text(self.tr("Records note"), self.tr("Which records, from where, and what could not be "
                                                                   "obtained"), 2)
        self.add_field("assessment.records_note", self.tr("Records note"), self.records_note)
        self.records_note.textChanged.connect(self.changed)

    def _add_category(self, category: Category) -> None:
        p = self.policy
        box = _titled_box(category.label)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(_note(category.condition))
        for prong in category.prongs:
            if prong.cutoff is not None:
                hint = _note("", self.tr("Cutoff hint"))
                hint.setStyleSheet("color: #5c4400;")
                layout.addWidget(hint)
                self.cutoff_hints[f"{category.id}/{prong.id}"] = hint
                if self.cutoff_hint is None and prong.cutoff.fact == "history.last_entry":
                    self.cutoff_hint = hint
        self.form.addRow(box)
        path = f"assessment.categories.{category.id}"
        words = [(a.value, p.word(f"finding.{a.value}")) for a in
                 (CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY, CategoryAnswer.UNKNOWN)]
        answer = _combo(words, self.tr("{label}: finding").format(label=category.label), category.condition)
        basis = _text(self.tr("{label}: basis").format(label=category.label),
                      self.tr("The facts this finding rests on"), 2)
        evidence = _line(self.tr("{label}: evidence").format(label=category.label),
                         self.tr("Documents, reports, records"))
        self.add_field(f"{path}.answer", self.tr("Finding"), answer, category.condition)
        self.add_field(f"{path}.basis", self.tr("Basis"), basis, self.tr("The facts this finding rests on"))
        self.add_field(f"{path}.evidence", self.tr("Evidence"), evidence, self.tr("Documents, reports, records"))
        answer.currentIndexChanged.connect(self.changed)
        basis.textChanged.connect(self.changed)
        evidence.textChanged.connect(self.changed)
        self.category_answer[category.id] = answer
        self.category_basis[category.id] = basis
        self.category_evidence[category.id] = evidence
        if category.weighs_factors:
            self._add_factors()
        for q in category.questions:
            self._add_question(q)

    def _add_factors(self) -> None:
        p = self.policy
        words = [(a.value, p.word(f"factor.{a.value}")) for a in
                 (FactorAnswer.PRESENT, FactorAnswer.ABSENT, FactorAnswer.UNKNOWN)]
        for kind in p.factor_kinds:
            box = _titled_box(kind.title)
            outer = box.layout()
            assert isinstance(outer, QVBoxLayout)
            grid = QGridLayout()
            outer.addLayout(grid)
            for col, text in enumerate((self.tr("Finding"), self.tr("Evidence"), self.tr("Source"))):
                header = QLabel(text)
                header.setStyleSheet("font-weight: bold;")
                grid.addWidget(header, 0, col)
            # Each factor on two lines (its name, then finding, evidence and source), so the box fits a
            # narrow pane without cutting off the Source column; a third shows an error under evidence or source.
            for i, factor in enumerate(p.factors_of(kind.id)):
                row = 1 + 3 * i
                name = QLabel(f"{factor.id}  {factor.label}")
                name.setWordWrap(True)
                name.setToolTip(factor.help)
                named = f"{factor.id} {factor.label}"
                answer = _combo(words, self.tr("{label}: finding").format(label=named), factor.help)
                evidence = _line(self.tr("{label}: evidence").format(label=named), self.tr("Evidence"), factor.help)
                source = _line(self.tr("{label}: source").format(label=named), self.tr("Source"))
                name.setBuddy(answer)
                answer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                answer.setMinimumContentsLength(9)
                answer.setMaximumWidth(LINE_MAX_WIDTH)  # a 4K screen does not stretch it either
                evidence.setMaximumWidth(LINE_MAX_WIDTH)
                source.setMaximumWidth(LINE_MAX_WIDTH)
                grid.addWidget(name, row, 0, 1, 3)
                grid.addWidget(answer, row + 1, 0)
                grid.addWidget(evidence, row + 1, 1)
                grid.addWidget(source, row + 1, 2)
                path = f"assessment.factors.{factor.id}"
                self._fields[f"{path}.answer"] = answer
                self._fields[f"{path}.evidence"] = evidence
                self._fields[f"{path}.source"] = source
                for col, name in ((1, "evidence"), (2, "source")):
                    error = ErrorLabel()
                    grid.addWidget(error, row + 2, col)
                    self._errors[f"{path}.{name}"] = error
                answer.currentIndexChanged.connect(self.changed)
                evidence.textChanged.connect(self.changed)
                source.textChanged.connect(self.changed)
                self.factor_answer[factor.id] = answer
                self.factor_evidence[factor.id] = evidence
                self.factor_source[factor.id] = source
            grid.setColumnStretch(0, 2)  # each column grows up to its fields' cap, then the spare goes right
            grid.setColumnStretch(1, 3)
            grid.setColumnStretch(2, 2)
            self.form.addRow(box)
        kinds = tuple((k.id, k.label) for k in p.factor_kinds if k.others_allowed)
        if kinds:
            self.other_factors = RecordTableEdit(
                [Column("kind", self.tr("Kind"), choices=kinds, placeholder=self.tr("— choose —")),
                 Column("description", self.tr("Other factor")), Column("evidence", self.tr("Evidence")),
                 Column("source", self.tr("Source"))], noun=self.tr("other factor"))
            self.add_field("assessment.other_factors", self.tr("Othe&r factors"), self.other_factors,
                           self.tr("The lists are examples, not exhaustive: add any other factor"))
            self.other_factors.value_changed.connect(self.changed)

    def _add_question(self, q: Question, rows: list[QWidget] | None = None) -> None:
        path = f"assessment.{q.id}"
        boxes: dict[str, QCheckBox] = {}
        widget: QWidget
        if q.kind == "text":
            widget = _text(q.label, q.help, 3)
            widget.textChanged.connect(self.changed)
        elif q.kind in ("line", "date"):
            widget = _line(q.label, self.tr("YYYY-MM-DD") if q.kind == "date" else "", q.help)
            widget.textChanged.connect(self.changed)
        elif q.kind == "choice":
            widget = _combo([(o.id, o.label) for o in q.options], q.label, q.help)
            widget.currentIndexChanged.connect(self.changed)
        else:
            widget = QWidget()
            layout = QVBoxLayout(widget)
            layout.setContentsMargins(0, 0, 0, 0)
            for o in q.options:
                box = WrapCheckBox(o.label)
                box.setAccessibleName(f"{q.label}: {o.label}")  # the policy's words (translated with it)
                box.toggled.connect(self.changed)
                layout.addWidget(box)
                boxes[o.id] = box
        self.add_field(path, q.label, widget, q.help)
        if boxes:
            self._fields[path] = next(iter(boxes.values()))
        holder = widget.parentWidget()  # the row's holder (input and its error line)
        if rows is not None and holder is not None:
            rows.append(holder)
        self.questions[q.id] = _QuestionInput(q, widget, boxes)

    def _add_section(self, section: Section) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        title = QLabel(section.title)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        if section.help:
            layout.addWidget(_note(section.help))
        self.form.addRow(box)
        rows: list[QWidget] = [box]
        for q in section.questions:
            self._add_question(q, rows)
        self.section_rows[section.id] = rows

    # ----- value --------------------------------------------------------------------------------------------

    def value(self) -> Assessment:
        p = self.policy
        kept_categories, kept_factors, kept_answers = self._kept
        other: tuple[OtherFactor, ...] = ()
        if self.other_factors is not None:
            other = tuple(OtherFactor(r["kind"], r["description"].strip(),  # no kind until the officer chooses
                                      r["evidence"].strip(), r["source"].strip(), id=r[ID])
                          for r in self.other_factors.value() if not is_blank({**r, "kind": ""}))
        answers = tuple(a for a in (i.value() for i in self.questions.values()) if not a.is_blank)
        return Assessment(
            p.id, p.version, self._fixed.policy_sha256,
            assessed_on=self._assessed_on(),
            records_reviewed=tuple(k for k, box in self.record_boxes.items() if box.isChecked()),
            records_note=self.records_note.toPlainText(),
            categories=tuple(CategoryFinding(c.id, CategoryAnswer(self.category_answer[c.id].currentData()),
                                             self.category_basis[c.id].toPlainText(),
                                             self.category_evidence[c.id].text().strip())
                             for c in p.categories) + kept_categories,
            factors=tuple(FactorFinding(f.id, FactorAnswer(self.factor_answer[f.id].currentData()),
                                        self.factor_evidence[f.id].text().strip(),
                                        self.factor_source[f.id].text().strip()) for f in p.factors) + kept_factors,
            other_factors=other,
            determination=self.determination.currentData() or "",
            determination_detail=self.determination_detail.text().strip(),
            rationale=self.rationale.toPlainText(),
            attested=self.attested.isChecked(),
            history=self._history,
            answers=answers + kept_answers,
            acknowledgements=self._acknowledgements,
            reassessed_from=self._reassessed_from,
        )

    def set_value(self, a: Assessment) -> None:
        p = self.policy
        self._loading = True
        try:
            self._fixed = Assessment(a.policy_id, a.policy_version, a.policy_sha256)
            self._history = a.history
            self._acknowledgements = a.acknowledgements
            self._reassessed_from = a.reassessed_from
            # Findings and answers this policy does not know are kept as they came (the checklist names them).
            self._kept = (tuple(c for c in a.categories if p.category(c.category_id) is None),
                          tuple(f for f in a.factors if p.factor(f.factor_id) is None),
                          tuple(x for x in a.answers if x.question not in self.questions))
            day = a.assessed_on or date.today()
            self.assessed_on.setDate(QDate(day.year, day.month, day.day))
            for kind, box in self.record_boxes.items():
                box.setChecked(kind in a.records_reviewed)
            self.records_note.setPlainText(a.records_note)
            for c in p.categories:
                finding = a.category(c.id)
                self.category_answer[c.id].setCurrentIndex(self.category_answer[c.id].findData(finding.answer.value))
                self.category_basis[c.id].setPlainText(finding.basis)
                self.category_evidence[c.id].setText(finding.evidence)
            for f in p.factors:
                factor = a.factor(f.id)
                self.factor_answer[f.id].setCurrentIndex(self.factor_answer[f.id].findData(factor.answer.value))
                self.factor_evidence[f.id].setText(factor.evidence)
                self.factor_source[f.id].setText(factor.source)
            if self.other_factors is not None:
                self.other_factors.set_value([{"kind": o.kind, "description": o.description, "evidence": o.evidence,
                                               "source": o.source, ID: o.id} for o in a.other_factors])
            for qid, inp in self.questions.items():
                inp.set_value(a.answer(qid))
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

    def set_acknowledgement(self, key: str, note: str) -> None:
        """The officer's note on a review item (an empty note withdraws it): an edit like any other."""
        kept = tuple(x for x in self._acknowledgements if x.key != key)
        self._acknowledgements = kept + ((Acknowledgement(key, note.strip()),) if note.strip() else ())
        self.changed()

    # ----- live hints ----------------------------------------------------------------------------------------

    def show_cutoff_hint(self, history: ImmigrationHistory) -> None:
        """Say where each cutoff's date falls, as the officer types (casework.cutoff decides, one place)."""
        for category in self.policy.categories:
            for prong in category.prongs:
                cut = prong.cutoff
                hint = self.cutoff_hints.get(f"{category.id}/{prong.id}")
                if cut is None or hint is None:
                    continue
                fact = FACTS[cut.fact]
                needs_review = False
                if cut.fact == "history.last_entry":
                    position = classify(history.last_entry, cut.day, cut.comparison)
                    text = self._last_entry_hint(position, history.last_entry, cut.day, cut.comparison)
                    needs_review = (position is Position.ON_THE_DAY and cut.review_on_the_day) \
                        or position is Position.STRADDLES
                elif cut.fact == "encounter.occurred_at":
                    text = (self.tr("Cutoff for {prong}: the encounter date after {day}.") if cut.comparison == "after"
                            else self.tr("Cutoff for {prong}: the encounter date on or after {day}.")).format(
                                prong=prong.label, day=cut.day.isoformat())
                else:
                    text = (f"Cutoff for {prong.label}: the {fact.name} {comparison_words(cut.comparison)} "
                            f"{cut.day.isoformat()}.")
                hint.setText(text + (" " + self.tr("Needs review: acknowledge it in the checklist.")
                                     if needs_review else ""))

    def _last_entry_hint(self, position: Position, value: PartialDate, day: date, comparison: str) -> str:
        """Where the last entry falls (casework.cutoff.classify decides), as a sentence in the window's language;
        in English the words of casework.cutoff.describe."""
        after = comparison == "after"
        if position is Position.UNKNOWN:
            text = self.tr("Cutoff: after {cut}. The last entry date is not recorded.") if after \
                else self.tr("Cutoff: on or after {cut}. The last entry date is not recorded.")
        elif position is Position.ON_THE_DAY:
            text = self.tr("The last entry ({value}) is exactly the cutoff date {cut} (does not qualify as “after”).") \
                if after else self.tr("The last entry ({value}) is exactly the cutoff date {cut} (qualifies as "
                                      "“on or after”).")
        elif position is Position.QUALIFIES:
            text = self.tr("The last entry ({value}) is after the cutoff of {cut}.") if after \
                else self.tr("The last entry ({value}) is on or after the cutoff of {cut}.")
        elif position is Position.DOES_NOT_QUALIFY:
            text = self.tr("The last entry ({value}) is not after the cutoff of {cut}.") if after \
                else self.tr("The last entry ({value}) is not on or after the cutoff of {cut}.")
        elif value.precision.value == "month":
            text = self.tr("The last entry ({value}, month only) may fall either side of the cutoff of {cut}.")
        else:
            text = self.tr("The last entry ({value}, year only) may fall either side of the cutoff of {cut}.")
        return text.format(value=value, cut=day.isoformat())

    def _assessed_on(self) -> date:
        day = self.assessed_on.date()
        return date(day.year(), day.month(), day.day())

    def _show_policy_status(self) -> None:
        day = self._assessed_on()
        status = self.policy.status_on(day)
        note = self.policy.note_on(day)
        if status != "in force":
            self.banner.setText(self.tr("{title} ({version}) was {status}. Check which guidance applied on the "
                                        "assessment date.").format(title=self.policy.title,
                                                                   version=self.policy.version, status=status))
        elif note:
            self.banner.setText(self.tr("{title} ({version}) was in force on {day}.").format(
                title=self.policy.title, version=self.policy.version, day=day.isoformat()) + f" {note}")
        self.banner.setVisible(status != "in force" or bool(note))

    def _on_assessed_on_changed(self, _d: QDate) -> None:
        self._show_policy_status()
        self.changed()

    def _on_determination_changed(self, *_args: object) -> None:
        d = self.policy.determination(self.determination.currentData() or "")
        need = bool(d and d.needs_detail)
        self.determination_detail.setEnabled(need)
        self.determination_detail.setPlaceholderText(d.needs_detail if need and d else "")
        self.changed()

    def changed(self, *_args: object) -> None:
        """An edit: sections follow what is asked, then the form tells its listeners."""
        self._show_sections()
        super().changed()

    def _show_sections(self) -> None:
        """A section is shown while the policy asks it (the same conditions the checklist applies)."""
        if not self.section_rows:
            return
        findings = [CategoryAnswer(self.category_answer[c.id].currentData()) for c in self.policy.categories]
        d = self.policy.determination(self.determination.currentData() or "")
        holds = {"always": True, "action": d is not None and d.action,
                 "no_category_applies": CategoryAnswer.UNANSWERED not in findings
                 and CategoryAnswer.APPLIES not in findings}
        for section in self.policy.sections:
            shown = all(holds[c] for c in section.asked_when)
            for row in self.section_rows[section.id]:
                self.form.setRowVisible(row, shown)
