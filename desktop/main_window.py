"""The main window: the lock / unlock cycle, menus and dialogs around the case workspace.

State machine: LOCKED (no store open, no case data in any widget) ⇄ UNLOCKED. Locking (Ctrl+L or idle)
hands the pending edits to the store first (they land before the store closes), closes every dialog, clears
every widget, closes the store (dropping the key) and asks for the passphrase; unlocking reopens the case that
was open, with any edits the store could not take yet (kept in memory only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casework.errors import PolicyError
from desktop import settings as S
from desktop.dialogs.unlock import UnlockDialog, ask_unless_open_elsewhere
from desktop.errors import error_text, show_error
from desktop.idle import IdleWatcher
from desktop.operations import profile as profile_ops
from desktop.tasks import TaskManager
from storage.errors import StorageFull, StoreUnavailable, TooManyAttempts, UserFacingError, WrongPassphrase
from storage.paths import StorePaths
from widgets import focus_ring, wheel_guard
from widgets.common import clamp_to_screen, fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QTableView

    from casework.model import Officer
    from casework.policy import Policy
    from desktop.cli_memo import MemoCheck
    from desktop.operations.memo import RenderedMemo
    from desktop.workspace import CaseWorkspace
    from printing.memo import MemoSettings
    from storage.backup import Backup
    from storage.store import CaseStore
    from widgets.case_edit import CaseEdit
    from widgets.case_list_model import CaseListModel

log = logging.getLogger(__name__)
SCHEDULED_BACKUP_DELAY_MS = 60_000
"""The daily backup waits a minute after unlocking, so the first minute's work never queues behind it."""


@dataclass
class Demo:
    passphrase: str


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, tasks: TaskManager, settings: QSettings, *, demo: Demo | None = None) -> None:
        super().__init__()
        wheel_guard.install()  # no input in any window changes on a wheel event unless it has the focus
        focus_ring.install()  # a focus that can be seen, in every window
        self.paths = StorePaths(data_dir)
        self.tasks = tasks
        self.settings = settings
        self.demo = demo
        self.officer: Officer | None = None
        self.workspace: CaseWorkspace | None = None
        self._discard_confirmed = False
        self.unlock_dialog: UnlockDialog | None = None
        self.setWindowTitle(self.tr("Casefile — DEMO (fictional cases)") if demo else self.tr("Casefile"))

        self.locked_page = QWidget()
        locked_layout = QVBoxLayout(self.locked_page)
        self.locked_label = QLabel(self.tr("Casefile is locked."))
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("&Unlock…"))
        self.unlock_button.clicked.connect(self.ask_unlock)
        locked_layout.addStretch(1)
        locked_layout.addWidget(self.locked_label)
        locked_layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        locked_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.locked_page)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.demo_banner = QLabel(self.tr("DEMO — every case here is fictional, and the passphrase is public. Do not "
                                          "enter "
                                  "real case data."))
        self.demo_banner.setObjectName("demo-banner")
        self.demo_banner.setAccessibleName(self.tr("Demo"))
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setStyleSheet("QLabel#demo-banner { background: #5c2d91; color: white; font-weight: bold; "
                                       "padding: 4px; }")
        self.demo_banner.setVisible(demo is not None)
        central_layout.addWidget(self.demo_banner)
        central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.idle = IdleWatcher(S.SECURITY_AUTOLOCK_MINUTES.get(settings) * 60.0, self)
        self.idle.idle.connect(self.lock)
        geometry = S.UI_MAIN_GEOMETRY.get(self.settings)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        clamp_to_screen(self)  # a small laptop (1024×700) or a geometry saved on a bigger screen
        self._clipboard_from_case = False
        QApplication.clipboard().dataChanged.connect(self._on_clipboard_changed)
        self._set_actions_enabled(False)

    # ----- the workspace, built on first unlock -------------------------------------------------------------

    def ensure_workspace(self) -> CaseWorkspace:
        if self.workspace is None:
            from desktop.workspace import CaseWorkspace  # not needed to show the unlock dialog

            self.workspace = CaseWorkspace(self.tasks)
            self.workspace.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.workspace.history_requested.connect(self.show_history)
            self.workspace.case_opened.connect(self.office.case_viewed)
            self.workspace.conflicts_requested.connect(self.office.ask_conflicts)
            if state := S.UI_MAIN_SPLITTER.get(self.settings):
                self.workspace.restoreState(state)
            self.workspace.restore_list_state(S.UI_CASE_LIST_HEADER.get(self.settings))
            self.pages.addWidget(self.workspace)
        return self.workspace

    # Shortcuts for tests and scripts: the workspace's parts.
    @property
    def editor(self) -> CaseEdit:
        return self.ensure_workspace().editor

    @property
    def model(self) -> CaseListModel:
        return self.ensure_workspace().model

    @property
    def search(self) -> QLineEdit:
        return self.ensure_workspace().search

    @property
    def table(self) -> QTableView:
        return self.ensure_workspace().table

    @property
    def count_label(self) -> QLabel:
        return self.ensure_workspace().count_label

    # ----- actions -------------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New case"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self.ensure_workspace().new_case())
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.ensure_workspace().focus_search())
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.print_action = QAction(self.tr("&Print memo…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.preview_memo)
        self.verify_action = QAction(self.tr("&Verify a memo…"), self)
        self.verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.verify_action.triggered.connect(self.ask_verify_memo)
        self.policy_diff_action = QAction(self.tr("Co&mpare policy versions…"), self)
        self.policy_diff_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.policy_diff_action.triggered.connect(self.ask_policy_diff)
        self.reassess_action = QAction(self.tr("Re-assess &under another policy version…"), self)
        self.reassess_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.reassess_action.triggered.connect(self.ask_reassess)
        self.preferences_action = QAction(self.tr("P&references…"), self)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.ask_preferences)
        self.passphrase_action = QAction(self.tr("Change pass&phrase…"), self)
        self.passphrase_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.passphrase_action.triggered.connect(self.ask_change_passphrase)
        self.delete_action = QAction(self.tr("&Delete draft case…"), self)
        self.delete_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.delete_action.setToolTip(self.tr("Delete the draft case selected in the list (Delete in the list)"))
        self.delete_action.triggered.connect(lambda: self.ensure_workspace().ask_delete())
        self.import_action = QAction(self.tr("&Import cases…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("&Export cases…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.ask_export)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # the platform's Quit key is empty on some (Windows)
        quit_action.triggered.connect(self.close)
        for a in (self.new_action, self.find_action, self.lock_action):
            file_menu.addAction(a)
            self.addAction(a)
        file_menu.addAction(self.delete_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.verify_action)
        for a in (self.print_action, self.verify_action, self.preferences_action):
            self.addAction(a)  # their shortcuts work wherever the focus is in the window
        file_menu.addSeparator()
        file_menu.addAction(self.policy_diff_action)
        file_menu.addAction(self.reassess_action)
        self._add_record_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addAction(self.passphrase_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        from desktop.office_controller import OfficeController

        self.office = OfficeController(self)
        # Alt+I: the one letter of "Office" no screen of this window uses (the walker checks every screen).
        office_menu = self.menuBar().addMenu(self.tr("Off&ice"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction(self.tr("&About Casefile"), self)
        self.about_action.setShortcut(QKeySequence("Ctrl+F1"))
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        self.addAction(self.shortcuts_action)
        self.quit_action = quit_action
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        self.new_action.setToolTip(self.tr("New case (Ctrl+N)"))
        self.lock_action.setToolTip(self.tr("Lock Casefile (Ctrl+L)"))
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.print_action)
        toolbar.addAction(self.lock_action)
        self.office.build(office_menu, toolbar)
        for a in self.all_actions():
            self.addAction(a)  # every menu's shortcut works wherever the focus is in the window

    def _set_actions_enabled(self, enabled: bool) -> None:
        for a in (self.new_action, self.find_action, self.lock_action, self.passphrase_action, self.print_action,
                  self.verify_action, self.policy_diff_action, self.reassess_action, self.delete_action,
                  self.history_action, self.backups_action, self.import_action, self.export_action):
            a.setEnabled(enabled)
        if not enabled:
            self.office.locked()

    # ----- start, unlock, lock ---------------------------------------------------------------------------

    def start(self) -> None:
        """After show(): set up a profile on first run, else ask for the passphrase."""
        if self.demo is not None:
            # The demo store is throwaway and its passphrase is public: open it straight away.
            (profile_ops.unlock_store(tasks=self.tasks, parent=self, data_dir=self.paths.data_dir,
                                      passphrase=self.demo.passphrase)
             .success(self._on_store_opened))
            self.ensure_workspace()
        elif not self.paths.exists():
            self.ask_setup()
        else:
            self.ask_unlock()

    def ask_setup(self) -> None:
        from desktop.dialogs.setup import ProfileSetupDialog

        def create(officer: Officer, passphrase: str) -> None:
            def created(store: CaseStore) -> None:
                dlg.done_creating()
                self._on_store_opened(store)

            def failed(exc: BaseException) -> None:
                if isinstance(exc, UserFacingError):
                    dlg.failed(str(exc))
                else:
                    dlg.failed(self.tr("The store could not be created."))
                    show_error(dlg, exc)

            (profile_ops.create_store(tasks=self.tasks, parent=dlg, data_dir=self.paths.data_dir,
                                      officer=officer, passphrase=passphrase, role=dlg.role())
             .success(created)
             .failure(failed))
            self.ensure_workspace()  # built on this thread while the key is derived on the store thread

        dlg = ProfileSetupDialog(self, str(self.paths.data_dir), create)
        dlg.rejected.connect(self.close)
        self.setup_dialog = dlg
        dlg.open()

    def ask_unlock(self) -> None:
        if self.unlock_dialog is not None and self.unlock_dialog.isVisible():
            self.unlock_dialog.raise_()
            return
        who = self.officer.name if self.officer else ""
        dlg = UnlockDialog(self, who, self.tr("Store: {folder}").format(folder=self.paths.data_dir), self._unlock,
                           hint=self.tr("Demo passphrase: {passphrase}").format(passphrase=self.demo.passphrase)
                           if self.demo else "")
        if self.demo is None and self.officer is None:  # at start; after a lock this window's own store is closing
            ask_unless_open_elsewhere(dlg, self.paths.data_dir)
        dlg.rejected.connect(self.close)
        self.unlock_dialog = dlg
        dlg.open()
        self._to_front(dlg)

    def adopt_unlock_dialog(self, dlg: UnlockDialog, pending: list[str]) -> None:
        """Take over the dialog shown before this window existed (desktop.startup), and any passphrase already
        entered in it."""
        self.unlock_dialog = dlg
        dlg._unlock = self._unlock
        dlg.rejected.connect(self.close)
        for passphrase in pending:
            self._unlock(passphrase)
        pending.clear()

    def front_unlock_dialog(self) -> None:
        """Once this window is shown: make the prompt shown before it existed its own dialog (transient for it,
        so a window manager keeps it in front) and raise and activate it. A parentless prompt opened first
        could end up behind the window that was shown after it."""
        dlg = self.unlock_dialog
        if dlg is None or dlg.parentWidget() is self:
            return
        focused = dlg.focusWidget()
        dlg.setParent(self, dlg.windowFlags())  # hides it; what is typed in it stays
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.show()
        self._to_front(dlg)
        if focused is not None:
            focused.setFocus()

    @staticmethod
    def _to_front(dlg: QDialog) -> None:
        dlg.raise_()
        dlg.activateWindow()

    def _unlock(self, passphrase: str) -> None:
        dlg = self.unlock_dialog
        assert dlg is not None

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase):
                dlg.wrong(error_text(exc), exc.wait_s)
            elif isinstance(exc, TooManyAttempts):
                dlg.wrong(error_text(exc), exc.seconds)
            elif isinstance(exc, StoreUnavailable | StorageFull):
                dlg.wrong(error_text(exc))  # busy, read-only, no permission, disk full: worth another try once fixed
            elif isinstance(exc, UserFacingError):
                dlg.failed(error_text(exc))
            else:
                dlg.failed(self.tr("The store could not be opened."))
                show_error(dlg, exc)

        def opened(store: CaseStore) -> None:
            dlg.succeeded()
            self.activateWindow()  # the keyboard comes back to the window (its shortcuts work at once)
            self._on_store_opened(store)

        (profile_ops.unlock_store(tasks=self.tasks, parent=dlg, data_dir=self.paths.data_dir, passphrase=passphrase)
         .success(opened)
         .failure(failed))
        self.ensure_workspace()  # built on this thread while the key is derived on the store thread

    def _on_store_opened(self, store: CaseStore) -> None:
        self.officer = store.officer
        workspace = self.ensure_workspace()
        self.pages.setCurrentWidget(workspace)
        self._set_actions_enabled(True)
        self.idle.timeout_s = S.SECURITY_AUTOLOCK_MINUTES.get(self.settings) * 60.0
        self.idle.start()
        self.statusBar().showMessage(self.tr("Unlocked · {officer} · {office}").format(
            officer=store.officer.name, office=store.officer.office), 5000)
        workspace.set_profile(store.officer, store.role)
        workspace.activate()
        from casework.model import Role

        self.office.unlocked(store.role is Role.SUPERVISOR)
        self._warn_about_the_store(store)
        QTimer.singleShot(SCHEDULED_BACKUP_DELAY_MS, self._scheduled_backup)

    def _on_clipboard_changed(self) -> None:
        """Remember whether the clipboard was filled from this window while a case could be on it (some
        platforms do not report ownership, so "copied while Casefile was unlocked and in front" counts)."""
        if self.unlocked and QApplication.activeWindow() is not None:
            self._clipboard_from_case = True

    def _warn_about_the_store(self, store: CaseStore) -> None:
        """Say so when the store opened damaged (read-only) or its audit log failed its check: the cases stay
        readable either way."""
        from storage.store import StoreDamaged

        problems = []
        if store.damage is not None:
            problems.append(str(StoreDamaged(store.paths, store.damage)))
        if store.audit_check is not None and not store.audit_check.ok:
            problems.append(self.tr("The audit log failed its check: {problem}. Your cases are unaffected; tell "
                                    "office IT (casefile audit verify names the entry).")
                            .format(problem=store.audit_check.message))
        if not problems:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check the case store"), "\n\n".join(problems),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store_warning = box
        box.open()
        self.statusBar().showMessage(self.tr("The case store needs attention: see the message."), 15000)

    def _scheduled_backup(self) -> None:
        """Once a day, an encrypted backup of the store (storage.backup), on the store thread."""
        if not self.unlocked:
            return

        def done(made: object) -> None:
            if made is not None and self.unlocked:
                self.statusBar().showMessage(self.tr("Backed up the case store."), 5000)

        from desktop.dialogs.backups import retention

        keep = retention(self.settings)  # read (and bounded) here, used on the store thread
        (self.tasks.run_op(parent=None, op=lambda store: None if store.damage else store.backup_if_due(keep))
         .success(done)
         .failure(lambda exc: self.statusBar().showMessage(
             self.tr("The scheduled backup failed: {problem}").format(problem=exc), 15000)))

    @property
    def unlocked(self) -> bool:
        return self.workspace is not None and self.pages.currentWidget() is self.workspace

    def lock(self) -> None:
        """Save, close dialogs, clear every widget, close the store, and ask for the passphrase."""
        if not self.unlocked:
            return
        assert self.workspace is not None
        self.idle.stop()
        self.workspace.deactivate()  # its saves and the revision's close are queued before the store closes
        how = "auto_locked" if self.sender() is self.idle else "locked"
        self.tasks.run_op(parent=None, op=lambda store: store.record_event(how)).failure(lambda _exc: None)
        if self._clipboard_from_case or QApplication.clipboard().ownsClipboard():
            QApplication.clipboard().clear()  # text copied from a case must not outlive the unlocked session
        self._clipboard_from_case = False
        self.statusBar().clearMessage()
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog | QMessageBox) and w.isVisible() and w is not self.unlock_dialog:
                w.reject()
        self.pages.setCurrentWidget(self.locked_page)
        self._set_actions_enabled(False)
        self.tasks.close_store()
        log.info("locked")
        self.ask_unlock()

    def ask_preferences(self) -> None:
        from desktop.dialogs.preferences import PreferencesDialog

        dlg = PreferencesDialog(self, self.settings)
        dlg.accepted.connect(self._on_preferences_saved)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preferences_dialog = dlg
        dlg.open()

    def _on_preferences_saved(self) -> None:
        self.idle.timeout_s = S.SECURITY_AUTOLOCK_MINUTES.get(self.settings) * 60.0
        if self.unlocked:
            self.office.refresh_status()  # arms or stops the automatic sync

    # ----- help ----------------------------------------------------------------------------------------------

    def all_actions(self) -> list[QAction]:
        """Every action of the window's menus, in menu order (Help ▸ Keyboard shortcuts lists these, so the list
        follows the menus and cannot drift from them)."""
        found: list[QAction] = []

        def walk(actions: list[QAction]) -> None:
            for a in actions:
                if a.menu() is not None:
                    walk(a.menu().actions())
                elif not a.isSeparator() and a not in found:
                    found.append(a)

        walk(self.menuBar().actions())
        return found

    def show_shortcuts(self) -> None:
        from desktop.dialogs.shortcuts import ShortcutsDialog

        dlg = ShortcutsDialog(self, self.all_actions())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dlg
        dlg.open()

    def show_about(self) -> None:
        from desktop.dialogs.about import AboutDialog

        dlg = AboutDialog(self, self.tasks if self.unlocked else None)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog = dlg
        dlg.open()

    # ----- memos ---------------------------------------------------------------------------------------------

    def memo_settings(self) -> MemoSettings:
        from printing.memo import MemoSettings

        return MemoSettings(agency=S.PRINT_AGENCY.get(self.settings), handling=S.PRINT_HANDLING.get(self.settings),
                            office=self.officer.office if self.officer else "",
                            memo_for=S.PRINT_MEMO_FOR.get(self.settings), through=S.PRINT_THROUGH.get(self.settings),
                            paper=S.PRINT_PAPER.get(self.settings))

    def preview_memo(self) -> None:
        """Save the open case, then (once every edit is stored) render its memo off the GUI thread and show the
        preview. The memo prints the stored record, so it waits for the last keystroke to be stored."""
        ws = self.workspace
        case_id = ws.editor.case_id() if ws is not None and ws.active else None
        if ws is None or case_id is None:
            self.statusBar().showMessage(self.tr("Open a case to print its memo."), 5000)
            return
        from desktop.operations import memo as memo_ops

        def render() -> None:
            if not self.unlocked or ws.editor.case_id() != case_id:
                return
            (memo_ops.render_case_memo(tasks=self.tasks, parent=self, case_id=case_id,
                                       settings=self.memo_settings(), policies=ws.editor.policies,
                                       translated_copy=S.PRINT_TRANSLATED_COPY.get(self.settings))
             .success(self._show_memo))

        ws.after_saving(render)  # says in the status bar why not, when the edits cannot be stored

    def _show_memo(self, memo: RenderedMemo) -> None:
        if not self.unlocked:
            return
        from desktop.dialogs.memo_preview import MemoPreviewDialog
        from desktop.operations import memo as memo_ops

        def record(how: str) -> None:
            memo_ops.record_print(tasks=self.tasks, parent=dlg, memo=memo, how=how)

        ws = self.workspace
        policies = ws.editor.policies if ws is not None else None

        def make_copy(kind: str, name: str) -> None:
            """A copy for a recipient under the kind's disclosure profile (its own seal, logged when printed)."""
            assert policies is not None
            (memo_ops.render_case_memo(tasks=self.tasks, parent=self, case_id=memo.case.id,
                                       settings=self.memo_settings(), policies=policies,
                                       recipient_type=kind, recipient=name, translated_copy=memo.translated_copy)
             .success(self._show_memo))

        copy = memo.rendered.spec.get("copy") or {}
        dlg = MemoPreviewDialog(self, memo.case.case_number, memo.pdf, record, protected_dirs=[self.paths.data_dir],
                                make_copy=make_copy if policies is not None else None,
                                copy_for=str(copy.get("recipient", "")) if isinstance(copy, dict) else "")
        fit_to_screen(dlg)  # its buttons stay on a 900 px tall screen
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.memo_dialog = dlg
        dlg.open()

    # ----- policy versions -----------------------------------------------------------------------------------

    def ask_policy_diff(self) -> None:
        from desktop.dialogs.policy_diff import PolicyDiffDialog

        dlg = PolicyDiffDialog(self, self.ensure_workspace().editor.policies)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.policy_dialog = dlg
        dlg.open()

    def ask_reassess(self) -> None:
        """Show what changed from the open draft's policy to another version, and re-assess under it."""
        from desktop.dialogs.policy_diff import PolicyDiffDialog

        ws = self.workspace
        case = ws.editor.value() if ws is not None and ws.editor.case_id() is not None else None
        a = case.assessment if case is not None else None
        if ws is None or a is None:
            self.statusBar().showMessage(self.tr("Open a case with an assessment to re-assess it."), 8000)
            return
        try:
            old = ws.editor.policies.get(a.policy_id, a.policy_version)
        except PolicyError as exc:
            self.statusBar().showMessage(self.tr("Not re-assessed: {problem}.").format(problem=exc), 8000)
            return

        def reassess(new: Policy) -> None:
            problem = ws.editor.reassess_under(new)
            self.statusBar().showMessage(problem or self.tr("Re-assessed under {title} ({version}): the checklist "
                                                            "shows what to answer again.")
                                         .format(title=new.title, version=new.version), 10000)

        dlg = PolicyDiffDialog(self, ws.editor.policies, old=old, reassess=reassess)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.policy_dialog = dlg
        dlg.open()

    def ask_verify_memo(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, self.tr("Verify a memo, or scans of a paper copy"), "",
                             self.tr("Memos and scans (*.pdf *.png *.jpg *.jpeg)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.verify_memo_files([Path(n) for n in names]))
        dialog.open()

    def verify_memo(self, path: Path) -> None:
        self.verify_memo_files([path])

    def verify_memo_files(self, paths: list[Path]) -> None:
        """Check a memo PDF, or scans or photos of a paper copy, against the store; show what was found."""
        from casework.seal import SealError
        from desktop.dialogs.verify_result import VerifyResultDialog
        from desktop.operations import memo as memo_ops

        try:
            files = [(p.name, p.read_bytes()) for p in paths]
        except OSError as exc:
            show_error(self, UserFacingError(self.tr("{file} cannot be read: {problem}.").format(
                file=exc.filename, problem=exc.strerror)))
            return
        source = paths[0].name if len(paths) == 1 else self.tr("%n file(s)", "", len(paths))

        def shown(check: MemoCheck) -> None:
            dlg = VerifyResultDialog(self, check, source)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.verify_box = dlg
            dlg.open()

        def failed(exc: BaseException) -> None:
            show_error(self, UserFacingError(f"{source}: {exc}.") if isinstance(exc, SealError) else exc)

        policies = self.workspace.editor.policies if self.workspace is not None else None
        (memo_ops.check_memo(tasks=self.tasks, parent=self, files=files, policies=policies)
         .success(shown).failure(failed))

    # ----- import and export (desktop.dialogs.import_cases, export_cases) -------------------------------------

    def ask_import(self) -> None:
        from desktop.dialogs.import_cases import ImportFlow

        if not self.unlocked:
            return
        self.import_flow = ImportFlow(self, self.tasks, lambda text: self.statusBar().showMessage(text, 10000))
        self.import_flow.choose()

    def ask_export(self) -> None:
        from desktop.dialogs.export_cases import ExportFlow

        ws = self.workspace
        if ws is None or not self.unlocked:
            return
        index = ws.table.currentIndex()
        selected = ws.model.case_at(index.row()) if index.isValid() else None
        if selected is None and (open_id := ws.editor.case_id()) is not None and ws.model.row_of(open_id) >= 0:
            selected = ws.model.case_at(ws.model.row_of(open_id))
        ws.flush()  # the export reads the store: hand it the edits on screen first (queued before it)
        self.export_flow = ExportFlow(self, self.tasks, [self.paths.data_dir],
                                      lambda text: self.statusBar().showMessage(text, 10000))
        self.export_flow.ask(selected, ws.model.total())

    # ----- passphrase ----------------------------------------------------------------------------------------

    def ask_change_passphrase(self) -> None:
        from desktop.dialogs.change_passphrase import ChangePassphraseDialog

        def changed(_changes: object) -> None:
            dlg.succeeded()
            self.statusBar().showMessage(self.tr("Passphrase changed."), 5000)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError):
                dlg.failed(str(exc))
            else:
                show_error(dlg, exc)

        def change(old: str, new: str) -> None:
            (profile_ops.change_passphrase(tasks=self.tasks, parent=dlg, old=old, new=new)
             .success(changed)
             .failure(failed))

        context = [*self.officer.name.split(), self.officer.officer_id] if self.officer else []
        dlg = ChangePassphraseDialog(self, change, context)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    # ----- the record: a case's history, backups ----------------------------------------------------------------

    def _add_record_actions(self, menu: QMenu) -> None:
        self.history_action = QAction(self.tr("Case &history…"), self)
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.history_action.setToolTip(self.tr("Who did what to the open or selected case, and whether the audit "
                                               "log checks out (Ctrl+Shift+H)"))
        self.history_action.triggered.connect(lambda: self.show_history(None))
        self.addAction(self.history_action)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backups_action.triggered.connect(self.show_backups)
        menu.addSeparator()
        menu.addAction(self.history_action)
        menu.addAction(self.backups_action)

    def show_history(self, case_id: str | None = None) -> None:
        """The History of `case_id`, else of the case open in the editor, else of the one selected in the list."""
        from desktop.dialogs.history import HistoryDialog

        ws = self.workspace
        if ws is None or not self.unlocked:
            return
        if case_id is None:
            index = ws.table.currentIndex()
            case_id = ws.editor.case_id() or (ws.model.case_at(index.row()).id if index.isValid() else None)
        row = ws.model.row_of(case_id) if case_id else -1
        if case_id is None or row < 0:
            self.statusBar().showMessage(self.tr("Open or select a case to see its history."), 8000)
            return
        dlg = HistoryDialog(self, self.tasks, case_id, ws.model.case_at(row).case_number)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dlg
        dlg.open()

    def show_backups(self) -> None:
        from desktop.dialogs.backups import BackupsDialog

        if not self.unlocked:
            return
        dlg = BackupsDialog(self, self.tasks, self.paths, self.settings, self.restore_backup)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backups_dialog = dlg
        dlg.open()

    def restore_backup(self, backup: Backup, passphrase: str) -> None:
        """Put `backup` in place of the store: the pending edits are stored first, the store is closed (the
        window shows its locked page meanwhile), the store thread swaps the files (the replaced store kept
        aside) and opens the restored store, which the window then shows as after an unlock. If anything
        fails on the way, the window stays locked and asks for the passphrase, as after a lock. A wrong
        passphrase is found first, while the store is still open (and counted, as at unlock)."""
        from storage.backup import check_passphrase

        if not self.unlocked:
            return
        (self.tasks.run_op(parent=self, op=lambda store: check_passphrase(store.paths, backup, passphrase),
                           label=self.tr("Checking the backup's passphrase…"))
         .success(lambda _none: self._swap_in(backup, passphrase)))

    def _swap_in(self, backup: Backup, passphrase: str) -> None:
        from storage.store import CaseStore

        if not self.unlocked:
            return
        assert self.workspace is not None
        self.idle.stop()
        self.workspace.deactivate()  # its saves are queued before the store closes
        self.statusBar().clearMessage()
        self.pages.setCurrentWidget(self.locked_page)
        self.locked_label.setText(self.tr("Restoring the backup…"))
        self.unlock_button.setEnabled(False)
        self._set_actions_enabled(False)
        aside: list[Path] = []
        data_dir, folder = self.paths.data_dir, backup.folder

        def opener() -> CaseStore:
            store, replaced = CaseStore.restore(data_dir, folder, passphrase)
            aside.append(replaced)
            return store

        def restored(store: CaseStore) -> None:
            self._after_restore()
            self._on_store_opened(store)
            self.statusBar().showMessage(self.tr("Restored the backup of %1 (%2 cases). The store it replaced is "
                                                 "kept in %3.").replace("%1", backup.name)
                                         .replace("%2", str(backup.cases)).replace("%3", str(aside[0])), 15000)

        def failed(exc: BaseException) -> None:
            self._after_restore()
            show_error(self, exc)
            self.ask_unlock()

        (self.tasks.open_store(parent=self, opener=opener, label=self.tr("Restoring the backup…"))
         .success(restored)
         .failure(failed))

    def _after_restore(self) -> None:
        self.locked_label.setText(self.tr("Casefile is locked."))
        self.unlock_button.setEnabled(True)

    # ----- closing -------------------------------------------------------------------------------------------

    def _confirm_discard(self, reason: str) -> None:
        """Ask (without blocking) whether to quit although the open case has edits the store has not taken."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"), reason,
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Quit anyway and lose those changes?"))
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("Quit and lose changes"), QMessageBox.ButtonRole.DestructiveRole)
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
        """Quit: hand the pending edits to the store and wait (briefly) until it took them; if it could not
        (fields to fix, a conflict, a full disk), ask before losing them."""
        ws = self.workspace
        if ws is not None and ws.active:
            ws.flush()
            self.tasks.wait_idle()
            if ws.has_unsaved_edits() and not self._discard_confirmed:
                event.ignore()
                self._confirm_discard(ws.unsaved_reason())
                return
            ws.deactivate()  # ends the case's revision
        if ws is not None:
            S.UI_MAIN_SPLITTER.set(self.settings, bytes(ws.saveState().data()))
            S.UI_CASE_LIST_HEADER.set(self.settings, ws.list_state())
        S.UI_MAIN_GEOMETRY.set(self.settings, bytes(self.saveGeometry().data()))
        self.settings.sync()
        self.idle.stop()
        self.office.locked()  # a sync on its way stops at its next office call
        self.tasks.close_store()
        self.tasks.wait_idle()
        event.accept()
