"""The main window: case list and editor, autosave, and the lock / unlock cycle.

State machine: LOCKED (no store open, no case data in any widget) ⇄ UNLOCKED. Locking (Ctrl+L or idle)
saves the draft first, closes every dialog, clears every widget, closes the store (dropping the key) and asks
for the passphrase; unlocking reopens the case that was open, with any draft that could not be saved yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casework.model import CaseFile, Officer
from desktop import settings as S
from desktop.dialogs.change_passphrase import ChangePassphraseDialog
from desktop.dialogs.setup import ProfileSetupDialog
from desktop.dialogs.unlock import UnlockDialog
from desktop.errors import show_error
from desktop.idle import IdleWatcher
from desktop.operations import cases as case_ops
from desktop.operations import profile as profile_ops
from desktop.tasks import TaskManager
from storage.errors import CaseConflict, UserFacingError, WrongPassphrase
from storage.paths import StorePaths
from storage.store import CaseStore, SaveResult, TooManyAttempts
from widgets.case_edit import CaseEdit
from widgets.case_list_model import CaseListModel

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 700
"""Autosave this long after the last keystroke: a crash loses at most about a second of typing."""


@dataclass
class Demo:
    passphrase: str


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, tasks: TaskManager, settings: QSettings, *, demo: Demo | None = None) -> None:
        super().__init__()
        self.paths = StorePaths(data_dir)
        self.tasks = tasks
        self.settings = settings
        self.demo = demo
        self.officer: Officer | None = None
        self._dirty = False
        self._saving = False
        self._resume_case_id: str | None = None
        self._resume_draft: CaseFile | None = None
        self._discard_confirmed = False
        self.unlock_dialog: UnlockDialog | None = None
        self.setWindowTitle("Casefile — DEMO (fictional cases)" if demo else "Casefile")

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
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        self.table.setWordWrap(False)
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.editor = CaseEdit()
        self.editor.setEnabled(False)
        self.no_case = QLabel("Select a case in the list, or start a new one with Ctrl+N.")
        self.no_case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.no_case)
        self.right.addWidget(self.editor)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 740])

        self.locked_page = QWidget()
        locked_layout = QVBoxLayout(self.locked_page)
        self.locked_label = QLabel("Casefile is locked.")
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton("&Unlock…")
        self.unlock_button.clicked.connect(self.ask_unlock)
        locked_layout.addStretch(1)
        locked_layout.addWidget(self.locked_label)
        locked_layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        locked_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.locked_page)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self._build_actions()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.idle = IdleWatcher(S.SECURITY_AUTOLOCK_MINUTES.get(settings) * 60.0, self)
        self.idle.idle.connect(self.lock)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.editor.value_changed.connect(self._on_editor_value_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self._restore_geometry()
        self._set_unlocked(False)

    # ----- actions -------------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = QAction("&New case", self, shortcut=QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_case)
        self.find_action = QAction("&Find", self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._on_find_triggered)
        self.lock_action = QAction("&Lock", self, shortcut=QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.passphrase_action = QAction("Change &passphrase…", self)
        self.passphrase_action.triggered.connect(self.ask_change_passphrase)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for a in (self.new_action, self.find_action, self.lock_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.passphrase_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        for a in (self.new_action, self.find_action, self.lock_action):
            self.addAction(a)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        self.new_action.setToolTip("New case (Ctrl+N)")
        self.lock_action.setToolTip("Lock Casefile (Ctrl+L)")
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.lock_action)

    # ----- start, unlock, lock ---------------------------------------------------------------------------

    def start(self) -> None:
        """After show(): set up a profile on first run, else ask for the passphrase."""
        if self.demo is not None:
            self._open_demo()
        elif not self.paths.exists():
            self.ask_setup()
        else:
            self.ask_unlock()

    def ask_setup(self) -> None:
        def create(officer: Officer, passphrase: str) -> None:
            (profile_ops.create_store(tasks=self.tasks, parent=dlg, data_dir=self.paths.data_dir,
                                      officer=officer, passphrase=passphrase)
             .success(lambda store: (dlg.done_creating(), self._on_store_opened(store)))
             .failure(lambda exc: dlg.failed(str(exc)) if isinstance(exc, UserFacingError)
                      else (dlg.failed("The store could not be created."), show_error(dlg, exc))))

        dlg = ProfileSetupDialog(self, str(self.paths.data_dir), create)
        dlg.rejected.connect(self.close)
        self.setup_dialog = dlg
        dlg.open()

    def ask_unlock(self) -> None:
        if self.unlock_dialog is not None and self.unlock_dialog.isVisible():
            self.unlock_dialog.raise_()
            return
        dlg = UnlockDialog(self, self._who(), f"Store: {self.paths.data_dir}", self._unlock,
                           hint=f"Demo passphrase: {self.demo.passphrase}" if self.demo else "")
        dlg.rejected.connect(self.close)
        self.unlock_dialog = dlg
        dlg.open()

    def _who(self) -> str:
        return self.officer.name if self.officer else ""

    def _unlock(self, passphrase: str) -> None:
        dlg = self.unlock_dialog
        assert dlg is not None

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase):
                dlg.wrong(str(exc), exc.wait_s)
            elif isinstance(exc, TooManyAttempts):
                dlg.wrong(str(exc), exc.seconds)
            elif isinstance(exc, UserFacingError):
                dlg.failed(str(exc))
            else:
                dlg.failed("The store could not be opened.")
                show_error(dlg, exc)

        (profile_ops.unlock_store(tasks=self.tasks, parent=dlg, data_dir=self.paths.data_dir, passphrase=passphrase)
         .success(lambda store: (dlg.succeeded(), self._on_store_opened(store)))
         .failure(failed))

    def _on_store_opened(self, store: CaseStore) -> None:
        self.officer = store.officer
        self._set_unlocked(True)
        self.statusBar().showMessage(f"Unlocked · {store.officer.name} · {store.officer.office}", 5000)
        case_ops.list_cases(tasks=self.tasks, parent=self).success(self._on_cases_listed)

    def _on_cases_listed(self, cases: list) -> None:
        if not self.unlocked:
            return
        self.model.set_cases(cases)
        self._update_count()
        resume, draft = self._resume_case_id, self._resume_draft
        self._resume_case_id = self._resume_draft = None
        if draft is not None:
            self._show_case(draft)
            self._dirty = True
            self.save_now()
        elif resume is not None:
            self.open_case(resume)

    def lock(self) -> None:
        """Save, close dialogs, clear every widget, close the store, and ask for the passphrase."""
        if self.pages.currentWidget() is self.locked_page:
            return
        self.autosave_timer.stop()
        draft = None
        if self.editor.case_id():
            self._resume_case_id = self.editor.case_id()
            if self._dirty:
                if self.editor.check():
                    draft = self.editor.value()  # cannot be saved yet: kept in memory only, restored on unlock
                else:
                    self.save_now()
        self._resume_draft = draft
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog | QMessageBox) and w.isVisible() and w is not self.unlock_dialog:
                w.reject()
        self._set_unlocked(False)
        self.tasks.close_store()
        log.info("locked")
        self.ask_unlock()

    @property
    def unlocked(self) -> bool:
        return self.pages.currentWidget() is self.splitter

    def _set_unlocked(self, unlocked: bool) -> None:
        if not unlocked:
            self.idle.stop()
            self.model.clear()
            self.search.clear()
            self.editor.clear()
            self.editor.setEnabled(False)
            self.right.setCurrentWidget(self.no_case)
            self._dirty = False
            self.count_label.clear()
        else:
            self.idle.timeout_s = S.SECURITY_AUTOLOCK_MINUTES.get(self.settings) * 60.0
            self.idle.start()
        self.pages.setCurrentWidget(self.splitter if unlocked else self.locked_page)
        for a in (self.new_action, self.find_action, self.lock_action, self.passphrase_action):
            a.setEnabled(unlocked)

    def _open_demo(self) -> None:
        """The demo store is throwaway and its passphrase is public: open it straight away."""
        assert self.demo is not None
        passphrase = self.demo.passphrase
        (profile_ops.unlock_store(tasks=self.tasks, parent=self, data_dir=self.paths.data_dir,
                                  passphrase=passphrase)
         .success(self._on_store_opened))

    # ----- cases -------------------------------------------------------------------------------------------

    def new_case(self) -> None:
        if not self._can_leave_case():
            return
        case_ops.new_case(tasks=self.tasks, parent=self).success(self._on_case_created)

    def _on_case_created(self, result: SaveResult) -> None:
        if not self.unlocked:
            return
        self.search.clear()
        self.model.upsert(case_ops.summary_of(result.case))
        self._update_count()
        self._show_case(result.case)
        self.editor.focus_field("subject.family_name")

    def open_case(self, case_id: str) -> None:
        if case_id == self.editor.case_id() or not self._can_leave_case():
            return
        case_ops.load_case(tasks=self.tasks, parent=self, case_id=case_id).success(self._show_case)

    def _show_case(self, case: CaseFile) -> None:
        if not self.unlocked:
            return
        self.editor.set_value(case)
        self.editor.setEnabled(True)
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
            self.statusBar().showMessage("Fix the highlighted fields first: this case is not saved yet.", 8000)
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
        if not self.unlocked:
            return  # a save that landed after the lock: its data must not reappear in the locked window
        if self.editor.case_id() == result.case.id:
            self.editor.mark_saved(result.case)
            self.editor.set_save_state("Unsaved changes…" if self._dirty else "Saved")
        self.model.upsert(case_ops.summary_of(result.case))
        self._select_row_of(self.editor.case_id())

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._dirty = True
        self.editor.set_save_state("Not saved")
        if not isinstance(exc, CaseConflict):
            self.autosave_timer.start(5000)  # e.g. a full disk: retry, the edits stay on screen
        show_error(self, exc)

    # ----- list ----------------------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _on_find_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_table_current_row_changed(self, current, _previous) -> None:
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

    # ----- passphrase ----------------------------------------------------------------------------------------

    def ask_change_passphrase(self) -> None:
        def change(old: str, new: str) -> None:
            (profile_ops.change_passphrase(tasks=self.tasks, parent=dlg, old=old, new=new)
             .success(lambda _c: (dlg.succeeded(), self.statusBar().showMessage("Passphrase changed.", 5000)))
             .failure(lambda exc: dlg.failed(str(exc)) if isinstance(exc, UserFacingError) else show_error(dlg, exc)))

        officer = self.officer or Officer()
        context = [*officer.name.split(), officer.officer_id]
        dlg = ChangePassphraseDialog(self, change, context)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    # ----- window state --------------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = S.UI_MAIN_GEOMETRY.get(self.settings)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        splitter = S.UI_MAIN_SPLITTER.get(self.settings)
        if splitter:
            self.splitter.restoreState(splitter)

    def _confirm_discard(self) -> None:
        """Ask (without blocking) whether to quit although the open case has unsaveable edits."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          "This case has fields that need fixing, so its latest changes are not saved.",
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("Quit anyway and lose those changes?")
        keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.addButton("Quit and lose changes", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided(_result: int) -> None:
            if box.clickedButton() is not keep and box.clickedButton() is not None:
                self._discard_confirmed = True
                self.close()

        box.finished.connect(decided)
        self.discard_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty and self.editor.case_id() and self.editor.check() and not self._discard_confirmed:
            event.ignore()
            self._confirm_discard()
            return
        self.save_now()
        S.UI_MAIN_GEOMETRY.set(self.settings, bytes(self.saveGeometry().data()))
        S.UI_MAIN_SPLITTER.set(self.settings, bytes(self.splitter.saveState().data()))
        self.settings.sync()
        self.idle.stop()
        self.tasks.close_store()
        self.tasks.wait_idle()
        event.accept()
