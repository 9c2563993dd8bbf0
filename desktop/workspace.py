"""The unlocked workspace: the case list, the editor, and autosave.

Built only when the store is being unlocked (while the key is derived on the store thread), so the unlock
dialog appears without paying for the form. `clear()` drops every piece of case data it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casework.model import CaseFile, CaseSummary, summary_of
from desktop.errors import show_error
from desktop.operations import cases as case_ops
from desktop.tasks import TaskManager
from storage.errors import CaseConflict
from widgets.case_edit import CaseEdit
from widgets.case_list_model import CaseListModel

if TYPE_CHECKING:
    from storage.store import SaveResult

AUTOSAVE_DELAY_MS = 700
"""Autosave this long after the last keystroke: a crash loses at most about a second of typing."""


class CaseWorkspace(QSplitter):
    status_message = Signal(str)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.active = False
        self._dirty = False
        self._saving = False

        self.model = CaseListModel()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, alias, A-number or case number  (Ctrl+F)")
        self.search.setAccessibleName("Search cases")
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Cases")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.editor = CaseEdit()
        self.no_case = QLabel("Select a case in the list, or start a new one with Ctrl+N.")
        self.no_case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.no_case)
        self.right.addWidget(self.editor)
        self.addWidget(left)
        self.addWidget(self.right)
        self.setStretchFactor(1, 2)
        self.setSizes([460, 740])

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.editor.value_changed.connect(self._on_editor_value_changed)
        self.model.modelReset.connect(self._on_model_reset)

    # ----- lifecycle -----------------------------------------------------------------------------------------

    def activate(self, resume_case_id: str | None, draft: CaseFile | None) -> None:
        """Load the list; then reopen `resume_case_id`, or show `draft` (unsaved edits kept over a lock)."""
        self.active = True

        def listed(cases: list[CaseSummary]) -> None:
            if not self.active:
                return
            self.model.set_cases(cases)
            self._update_count()
            if draft is not None:
                self._show_case(draft)
                self._dirty = True
                self.save_now()
            elif resume_case_id is not None:
                self.open_case(resume_case_id)

        case_ops.list_cases(tasks=self.tasks, parent=self).success(listed)

    def deactivate(self) -> tuple[str | None, CaseFile | None]:
        """Save what can be saved, clear every widget; return (open case id, unsaveable draft or None)."""
        self.autosave_timer.stop()
        case_id, draft = self.editor.case_id(), None
        if case_id and self._dirty:
            if self.editor.check():
                draft = self.editor.value()  # cannot be saved yet: kept in memory only, restored on unlock
            else:
                self.save_now()
        self.active = False
        self.model.clear()
        self.search.clear()
        self.editor.clear()
        self.right.setCurrentWidget(self.no_case)
        self._dirty = False
        self.count_label.clear()
        return case_id, draft

    def has_unsaveable_edits(self) -> bool:
        return self._dirty and self.editor.case_id() is not None and bool(self.editor.check())

    # ----- cases -------------------------------------------------------------------------------------------

    def new_case(self) -> None:
        if self._can_leave_case():
            case_ops.new_case(tasks=self.tasks, parent=self).success(self._on_case_created)

    def _on_case_created(self, result: SaveResult) -> None:
        if not self.active:
            return
        self.search.clear()
        self.model.upsert(summary_of(result.case))
        self._update_count()
        self._show_case(result.case)
        self.editor.focus_field("subject.family_name")

    def open_case(self, case_id: str) -> None:
        if case_id == self.editor.case_id() or not self._can_leave_case():
            return
        case_ops.load_case(tasks=self.tasks, parent=self, case_id=case_id).success(self._show_case)

    def _show_case(self, case: CaseFile) -> None:
        if not self.active:
            return
        self.editor.set_value(case)
        self.right.setCurrentWidget(self.editor)
        self.editor.set_save_state("Saved")
        self._dirty = False
        self._select_row_of(case.id)

    def _can_leave_case(self) -> bool:
        """Flush the current case; refuse to leave it while fields are invalid (its edits would be lost)."""
        if not self._dirty:
            return True
        errors = self.editor.check()
        if errors:
            self.editor.show_errors(errors)
            self.editor.focus_field(errors[0].field)
            self._select_row_of(self.editor.case_id())
            self.status_message.emit("Fix the highlighted fields first: this case is not saved yet.")
            return False
        self.save_now()
        return True

    # ----- autosave ------------------------------------------------------------------------------------------

    def _on_editor_value_changed(self, _editor: object) -> None:
        self._dirty = True
        self.editor.set_save_state("Unsaved changes…")
        self.autosave_timer.start()

    def save_now(self) -> None:
        """Save the open case if it has unsaved, valid edits. One save is in flight at a time."""
        self.autosave_timer.stop()
        if not self._dirty or self.editor.case_id() is None:
            return
        if self._saving:
            self.autosave_timer.start()  # try again when the save in flight has landed
            return
        errors = self.editor.check()
        self.editor.show_errors(errors)
        if errors:
            n = len(errors)
            self.editor.set_save_state(f"Not saved: fix {n} field{'s' if n > 1 else ''}")
            return
        case = self.editor.value()
        self._saving = True
        self._dirty = False
        self.editor.set_save_state("Saving…")
        (case_ops.save_case(tasks=self.tasks, parent=self, case=case)
         .success(self._on_saved)
         .failure(self._on_save_failed))

    def _on_saved(self, result: SaveResult) -> None:
        self._saving = False
        if not self.active:
            return  # a save that landed after the lock: its data must not reappear in the locked window
        if self.editor.case_id() == result.case.id:
            self.editor.mark_saved(result.case)
            self.editor.set_save_state("Unsaved changes…" if self._dirty else "Saved")
        self.model.upsert(summary_of(result.case))
        self._select_row_of(self.editor.case_id())

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True
        self.editor.set_save_state("Not saved")
        if not isinstance(exc, CaseConflict):
            self.autosave_timer.start(5000)  # e.g. a full disk: retry, the edits stay on screen
        show_error(self, exc)

    # ----- list ----------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_case(self.model.case_at(current.row()).id)

    def _on_model_reset(self) -> None:
        self._select_row_of(self.editor.case_id())

    def _select_row_of(self, case_id: str | None) -> None:
        row = self.model.row_of(case_id) if case_id else -1
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        try:
            if row >= 0:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
            else:
                self.table.clearSelection()
        finally:
            sm.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(f"{total} cases" if shown == total else f"{shown} of {total} cases")
