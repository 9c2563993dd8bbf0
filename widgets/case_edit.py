"""The case editor: every section of a case file in tabs, with inline errors and a save-state line.

`value()` is the case as shown (which may have field errors: `check()` lists them); `set_value()` loads a
case; `value_changed` fires on every edit by the user (never on a load), which drives autosave.
"""

from __future__ import annotations

from dataclasses import replace

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

from casework.labels import label
from casework.model import CaseFile
from casework.validation import FieldError, validate_case
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: CaseFile | None = None
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
            scroll.setWidget(section)
            self._scrolls.append(scroll)
            self.tabs.addTab(scroll, title)
            section.value_changed.connect(self._on_section_value_changed)
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
        self._show_header(case)
        self.show_errors([])

    def mark_saved(self, saved: CaseFile) -> None:
        """Take the revision and timestamps of a save without touching what the user is typing."""
        self._base = replace(self._base or saved, revision=saved.revision, updated_at=saved.updated_at,
                             case_number=saved.case_number, created_at=saved.created_at)
        self._show_header(saved)

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
        self.status.setText(f"{label(case.status)} · revision {case.revision}" if case.case_number else "")

    def _on_section_value_changed(self, _section: object) -> None:
        if self._base is not None:
            self.value_changed.emit(self)
