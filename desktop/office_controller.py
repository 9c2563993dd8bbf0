"""The window's Office menu and Sync button: settings, joining, members, sync (by hand and by itself), conflicts,
the review queue, and the per-case sync marks in the case list.

Nothing here talks to the office or the store on the GUI thread: the store thread runs what needs the store
(desktop.tasks), a thread of its own asks whether the office answers (desktop.sync_worker). A sync by hand first
hands the open case's edits to the store (CaseWorkspace.after_saving); the automatic sync starts only when no
save is pending or on its way, no sync or dialog of this menu is open, and the office answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from desktop import settings as S
from desktop.sync_worker import SyncRunner
from storage.errors import Cancelled, UserFacingError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QToolBar

    from desktop.main_window import MainWindow
    from storage.office.probe import ProbeResult
    from storage.office.status import LinkStatus
    from storage.store import CaseStore, Changes
    from storage.sync import SyncReport


class OfficeController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.runner = SyncRunner(self.tasks, self)
        self.status: LinkStatus | None = None
        self.supervisor_profile = False
        self.settings_action = QAction(self.tr("Office &settings…"), window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.settings_action.triggered.connect(lambda: self.ask_settings())
        self.join_action = QAction(self.tr("&Join an office…"), window)
        self.join_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.join_action.triggered.connect(lambda: self.ask_settings(joining=True))
        self.members_action = QAction(self.tr("&Members…"), window)
        self.members_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.members_action.triggered.connect(self.ask_members)
        self.sync_action = QAction(self.tr("S&ync"), window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setToolTip(self.tr("Sync with the office (Ctrl+Shift+S)"))
        self.sync_action.triggered.connect(self.sync)
        self.conflicts_action = QAction(self.tr("Resolve &conflicts…"), window)
        self.conflicts_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.conflicts_action.triggered.connect(lambda: self.ask_conflicts())
        self.queue_action = QAction(self.tr("&Review queue…"), window)
        self.queue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.queue_action.triggered.connect(self.ask_review_queue)
        window.addAction(self.sync_action)
        window.addAction(self.queue_action)
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self._on_auto_timer_timeout)
        self.runner.probed.connect(self._on_runner_probed)
        self.tasks.store_changed.connect(self._on_tasks_store_changed)
        self.set_enabled(False)

    def actions(self) -> list[QAction]:
        return [self.settings_action, self.join_action, self.members_action, self.sync_action,
                self.conflicts_action, self.queue_action]

    def build(self, menu: QMenu, toolbar: QToolBar) -> None:
        for a in (self.sync_action, self.conflicts_action, self.queue_action):
            menu.addAction(a)
        menu.addSeparator()
        for a in (self.settings_action, self.join_action, self.members_action):
            menu.addAction(a)
        toolbar.addAction(self.sync_action)

    def set_enabled(self, enabled: bool) -> None:
        status = self.status if enabled else None
        linked = status is not None and status.linked
        self.settings_action.setEnabled(enabled)
        self.join_action.setEnabled(enabled and not linked)
        self.members_action.setEnabled(linked)
        self.sync_action.setEnabled(linked)
        self.conflicts_action.setEnabled(linked)
        self.queue_action.setEnabled(enabled and self.supervisor_profile)

    # ----- unlock / lock -----------------------------------------------------------------------------------

    def unlocked(self, supervisor_profile: bool) -> None:
        self.supervisor_profile = supervisor_profile
        self.refresh_status()

    def locked(self) -> None:
        self.auto_timer.stop()
        self.runner.cancel()
        self.status = None
        self.set_enabled(False)

    def refresh_status(self) -> None:
        """Read the link (no network) and enable the menu; refill the list's sync marks; (re)arm auto-sync."""
        from storage.office.status import link_status

        def got(status: LinkStatus) -> None:
            if not self.window.unlocked:
                return
            self.status = status
            self.set_enabled(True)
            self.refresh_marks()
            if status.linked and S.OFFICE_AUTO_SYNC.get(self.window.settings):
                self.auto_timer.start(S.OFFICE_AUTO_SYNC_MINUTES.get(self.window.settings) * 60_000)
            else:
                self.auto_timer.stop()

        self.tasks.run_op(parent=None, op=link_status).success(got).failure(self._quiet)

    def refresh_marks(self, ids: list[str] | None = None) -> None:
        """The case list's sync marks (all cases, or `ids`) from the store."""
        if self.status is None or not self.status.linked:
            return

        def op(store: CaseStore) -> dict[str, tuple[str, str]]:
            from storage.sync_marks import sync_marks

            return {k: (m.state.value, m.new_decision) for k, m in sync_marks(store, ids).items()}

        def got(marks: dict[str, tuple[str, str]]) -> None:
            ws = self.window.workspace
            if ws is not None and self.window.unlocked:
                ws.model.set_sync_marks(marks, replace_all=ids is None)

        self.tasks.run_op(parent=None, op=op).success(got).failure(self._quiet)

    def _on_tasks_store_changed(self, changes: Changes) -> None:
        if changes.cases and self.status is not None and self.status.linked and self.window.unlocked:
            self.refresh_marks(sorted(changes.case_ids) if changes.case_ids else None)

    def case_viewed(self, case_id: str) -> None:
        """The officer opened the case: its "new decision" mark goes (the store recorded the view)."""
        ws = self.window.workspace
        if ws is None or case_id not in ws.model.sync_marks:
            return
        state, decision = ws.model.sync_marks[case_id]
        if decision:
            ws.model.set_sync_marks({case_id: (state, "")}, replace_all=False)
        if state == "conflict":
            self.window.statusBar().showMessage(self.tr(
                "This case was changed both here and at the office: Office ▸ Resolve conflicts… (or the list's "
                "context menu) shows both values side by side."), 15000)

    @staticmethod
    def _quiet(_exc: BaseException) -> None:
        """Refreshes that fail (locked meanwhile) change nothing on screen."""

    # ----- sync by hand ----------------------------------------------------------------------------------

    def sync(self) -> None:
        if not self.window.unlocked or self.status is None or not self.status.linked:
            self.window.statusBar().showMessage(self.tr("Join an office first: Office ▸ Join an office…"), 8000)
            return
        if self.runner.running:
            self.window.statusBar().showMessage(self.tr("A sync is already running."), 5000)
            return
        ws = self.window.ensure_workspace()
        ws.after_saving(self._open_sync_dialog)  # says in the status bar why not, when the edits cannot be stored

    def _open_sync_dialog(self) -> None:
        from desktop.dialogs.sync_dialog import SyncDialog

        dlg = SyncDialog(self.window, self.runner)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.synced.connect(self._on_synced)
        dlg.stopped.connect(self._on_stopped)
        dlg.resolve_requested.connect(self.ask_conflicts)
        self.window.sync_dialog = dlg
        dlg.open()
        dlg.start()

    def _on_synced(self, report: SyncReport) -> None:
        from desktop.dialogs.sync_dialog import summary_text

        if not self.window.unlocked:
            return
        self.window.statusBar().showMessage(summary_text(self.window, report), 30000)
        self.refresh_status()
        ws = self.window.workspace
        if ws is not None:
            ws.reload_if_clean()

    def _on_stopped(self, text: str) -> None:
        """A sync that did not finish (cancelled, or the office went away mid-way): say why, and show what it did
        get done — the cases that went up or came down before it stopped are synced on both sides."""
        self.window.statusBar().showMessage(text, 15000)
        if not self.window.unlocked:
            return
        self.refresh_status()
        ws = self.window.workspace
        if ws is not None:
            ws.reload_if_clean()

    # ----- sync by itself --------------------------------------------------------------------------------

    def _on_auto_timer_timeout(self) -> None:
        if self._may_sync_by_itself():
            self.runner.probe()

    def _may_sync_by_itself(self) -> bool:
        ws = self.window.workspace
        if not self.window.unlocked or ws is None or self.runner.running or self.tasks.busy:
            return False
        if ws.queue is not None and (ws.queue.unsaved or not ws.queue.settled):
            return False  # never while a save is pending or on its way
        dlg = getattr(self.window, "sync_dialog", None)
        return not (dlg is not None and dlg.isVisible())

    def _on_runner_probed(self, result: ProbeResult | None) -> None:
        if result is None or not result.ok:
            self.window.statusBar().showMessage(self.tr("The office is not reachable; Casefile syncs when it is."),
                                                8000)
            return
        if not self._may_sync_by_itself():
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError) and not isinstance(exc, Cancelled):
                self.window.statusBar().showMessage(self.tr("Automatic sync: %1").replace("%1", str(exc)), 15000)
            if isinstance(exc, UserFacingError) and self.window.unlocked:
                self.refresh_status()  # what went up or came down before it stopped

        self.runner.run(parent=None).success(self._on_synced).failure(failed)

    # ----- dialogs -----------------------------------------------------------------------------------------

    def ask_settings(self, joining: bool = False) -> None:
        from desktop.dialogs.office_settings import OfficeSettingsDialog
        from storage.office.status import link_status

        def got(status: LinkStatus) -> None:
            dlg = OfficeSettingsDialog(self.window, self.tasks, status, can_create=self.supervisor_profile,
                                       joining=joining)
            dlg.on_linked = self.refresh_status
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.window.office_dialog = dlg
            dlg.open()

        self.tasks.run_op(parent=self.window, op=link_status).success(got)

    def ask_members(self) -> None:
        from desktop.dialogs.office_members import OfficeMembersDialog

        dlg = OfficeMembersDialog(self.window, self.tasks)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.members_dialog = dlg
        dlg.open()
        dlg.load()

    def ask_conflicts(self, case_id: str | None = None) -> None:
        """The side-by-side dialog for `case_id` (or the open case, or the first case with a conflict)."""
        from desktop.dialogs.conflict_dialog import open_conflicts

        open_conflicts(self, case_id)

    def ask_review_queue(self) -> None:
        from desktop.dialogs.office_review import open_review_queue

        open_review_queue(self)
