"""The case editor: every section of a case file in tabs, with inline errors and a save-state line.

`value()` is the case as shown (which may have field errors: `check()` lists them); `set_value()` loads a
case; `value_changed` fires on every edit by the user (never on a load), which drives autosave.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casework.assessment import ReviewDecision
from casework.checks import Item, review_items
from casework.labels import label
from casework.model import CaseFile
from casework.policy import PolicyLibrary
from casework.validation import FieldError, validate_case
from casework.workflow import WorkflowError, review, start_assessment, submit
from widgets import wheel_guard
from widgets.assessment_panel import AssessmentPanel
from widgets.encounter_edit import EncounterEdit
from widgets.form_section import FormSection
from widgets.history_edit import HistoryEdit
from widgets.record_section import OffensesEdit, TiesEdit
from widgets.subject_edit import SubjectEdit


class NotesEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.add_field("notes", "&Notes", self.notes)
        self.notes.textChanged.connect(self.changed)


class CaseEdit(QWidget):
    value_changed = Signal(object)

    def __init__(self, policies: PolicyLibrary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_guard.install()  # a wheel passing over the form must never change a finding
        self._base: CaseFile | None = None
        self._actor = ""
        self.policies = policies or PolicyLibrary.bundled()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.save_state = QLabel()
        self.save_state.setAccessibleName("Save state")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        header.addWidget(self.save_state)

        self.subject = SubjectEdit()
        self.encounter = EncounterEdit()
        self.history = HistoryEdit()
        self.offenses = OffensesEdit()
        self.ties = TiesEdit()
        self.notes = NotesEdit()
        self.tabs = QTabWidget()
        self.sections: list[tuple[str, FormSection]] = [
            ("&Subject", self.subject), ("&Encounter", self.encounter), ("&History", self.history),
            ("O&ffenses", self.offenses), ("Family and &ties", self.ties), ("Notes", self.notes),
        ]
        self._scrolls: list[QScrollArea] = []
        for title, section in self.sections:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(section)
            self._scrolls.append(scroll)
            self.tabs.addTab(scroll, title)
            section.value_changed.connect(self._on_section_value_changed)
        self.assessment = AssessmentPanel(self.policies)
        self.tabs.addTab(self.assessment, "&Assessment")
        self.assessment.value_changed.connect(self._on_section_value_changed)
        self.assessment.start_requested.connect(self._on_assessment_start_requested)
        self.assessment.submit_requested.connect(self._on_assessment_submit_requested)
        self.assessment.review_requested.connect(self._on_assessment_review_requested)
        self.assessment.field_activated.connect(self.focus_field)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    # ----- value --------------------------------------------------------------------------------------------

    def case_id(self) -> str | None:
        return self._base.id if self._base else None

    def value(self) -> CaseFile:
        if self._base is None:
            raise RuntimeError("no case loaded")
        family, other = self.ties.value()
        return replace(
            self._base,
            subject=self.subject.value(),
            encounter=self.encounter.value(),
            history=self.history.value(),
            offenses=self.offenses.value(),
            family=family,
            other_ties=other,
            notes=self.notes.notes.toPlainText(),
            assessment=self.assessment.value(),
        )

    def set_value(self, case: CaseFile) -> None:
        self._base = case
        self.subject.set_value(case.subject)
        self.encounter.set_value(case.encounter)
        self.history.set_value(case.history)
        self.offenses.set_value(case.offenses)
        self.ties.set_value(case.family, case.other_ties)
        self.notes._loading = True
        try:
            self.notes.notes.setPlainText(case.notes)
        finally:
            self.notes._loading = False
        self.assessment.set_value(case.assessment)
        self._show_header(case)
        self.show_errors([])
        self.refresh_items()

    def mark_saved(self, saved: CaseFile) -> None:
        """Take the revision, status and history of a save without touching what the user is typing."""
        self._base = replace(self._base or saved, revision=saved.revision, updated_at=saved.updated_at,
                             case_number=saved.case_number, created_at=saved.created_at, status=saved.status)
        if saved.assessment is not None and self.assessment.form is not None:
            self.assessment.form.set_history(saved.assessment.history)
        self._show_header(saved)
        self.refresh_items()

    def set_actor(self, actor: str) -> None:
        """Who signs workflow steps taken in this editor (the profile's officer ID)."""
        self._actor = actor

    def items(self) -> list[Item]:
        """What is open or contradictory in the case on screen (recomputed on every edit)."""
        if self._base is None:
            return []
        case = self.value()
        policy = self.assessment.policy or self.policies.latest()
        return review_items(case, policy)

    def refresh_items(self) -> None:
        if self._base is None:
            return
        policy = self.assessment.policy
        self.assessment.show_context(self.history.value())
        self.assessment.show_items(self.items(), self._base.status,
                                   policy.requires_supervisor_concurrence if policy else False)

    def clear(self) -> None:
        """Drop the case from every field (used when the app locks)."""
        empty = CaseFile(id="", case_number="")
        self.set_value(empty)
        self._base = None
        self.title.clear()
        self.status.clear()
        self.save_state.clear()

    def check(self) -> list[FieldError]:
        return validate_case(self.value())

    # ----- errors and focus ---------------------------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        for _title, section in self.sections:
            section.show_errors(errors)

    def focus_field(self, path: str) -> bool:
        """Show the tab holding `path` and put the cursor in its input; False if no such field."""
        if path.startswith("assessment."):
            self.tabs.setCurrentWidget(self.assessment)
            return self.assessment.focus_field(path)
        for i, (_title, section) in enumerate(self.sections):
            widget = section.field(path)
            if widget is not None:
                self.tabs.setCurrentIndex(i)
                self._scrolls[i].ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def set_save_state(self, text: str) -> None:
        self.save_state.setText(text)

    def _show_header(self, case: CaseFile) -> None:
        self.title.setText(f"{case.case_number}  {case.subject.display_name}".strip())
        if not case.case_number:
            self.status.setText("")
            return
        updated = case.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if case.updated_at else "not saved"
        self.status.setText(f"{label(case.status)} · revision {case.revision} · saved {updated}")
        self.status.setToolTip(f"Officer: {case.officer.name} ({case.officer.officer_id}), {case.officer.office}\n"
                               f"Created: {case.created_at.astimezone():%Y-%m-%d %H:%M}" if case.created_at else "")

    def _on_section_value_changed(self, _section: object) -> None:
        if self._base is not None:
            self.refresh_items()
            self.value_changed.emit(self)

    # ----- workflow ------------------------------------------------------------------------------------------

    def _apply(self, case: CaseFile) -> None:
        """Show a workflow step's result and let autosave record it (the store writes it to the audit log)."""
        self.set_value(case)
        self.value_changed.emit(self)

    def _on_assessment_start_requested(self) -> None:
        if self._base is not None:
            self._apply(start_assessment(self.value(), self.policies.latest(), date.today()))
            self.focus_field("assessment.records_reviewed")

    def _on_assessment_submit_requested(self) -> None:
        policy = self.assessment.policy
        if self._base is None or policy is None:
            return
        try:
            self._apply(submit(self.value(), policy, self._actor, datetime.now(UTC)))
        except WorkflowError as exc:
            self.assessment.show_message(f"Not submitted: {exc}. The list shows what is left.")
            if exc.items:
                self.focus_field(exc.items[0].field)

    def _on_assessment_review_requested(self, decision: ReviewDecision, comment: str) -> None:
        if self._base is None:
            return
        try:
            self._apply(review(self.value(), decision, comment, self._actor, datetime.now(UTC)))
        except WorkflowError as exc:
            self.assessment.show_message(f"Not recorded: {exc}.")
