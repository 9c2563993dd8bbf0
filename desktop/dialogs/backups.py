"""File ▸ Backups: the profile's encrypted backups, Back up now, Restore, and how long scheduled ones are kept.

Listing reads every backup whole to check it against its checksum, and backing up writes and checks a copy
of the store: both run on the store thread (storage.backup), with progress here and Cancel for the backup
(the copy stops and nothing is left behind). A restore is the main window's to run (it closes the store,
swaps the files with the replaced store kept aside, and opens the restored one): this dialog asks which
backup and its passphrase, then hands over and closes. Retention is two settings, bounded where read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as S
from desktop.dialogs.base import AppDialog
from desktop.dialogs.history import local_time
from desktop.errors import show_error
from storage.errors import Cancelled, UserFacingError

if TYPE_CHECKING:
    from desktop.tasks import TaskManager
    from storage.backup import Backup, Listing, Retention
    from storage.paths import StorePaths


def retention(settings: QSettings) -> Retention:
    """The retention settings as storage.backup.Retention (imported on first use, off the launch path)."""
    from storage.backup import Retention

    return Retention(S.BACKUP_DAILY_DAYS.get(settings), S.BACKUP_WEEKLY_WEEKS.get(settings))


def megabytes(size: int) -> str:
    """A backup's size in the window's number format ("12,3 MB" in Spanish)."""
    from widgets.translated import locale_number

    return f"{locale_number(size / 1_000_000, 1)} MB"


class BackupsDialog(AppDialog):
    COLUMNS = 5

    def __init__(self, parent: QWidget | None, tasks: TaskManager, paths: StorePaths, settings: QSettings,
                 restore: Callable[[Backup, str], object]) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("Backups"))
        self.tasks = tasks
        self.paths = paths
        self.settings = settings
        self._restore = restore
        self.listings: list[Listing] = []
        self._cancel: threading.Event | None = None
        self._working = False
        intro = QLabel(self.tr("Backups are encrypted with the store's own key (they hold no plaintext) and "
                               "checked after writing. They are kept in %1. To keep a copy elsewhere, copy a whole "
                               "backup folder — it holds its own casefile.keys.")
                       .replace("%1", str(paths.data_dir / "backups")))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Reason"), self.tr("Cases"),
                                              self.tr("Size"), self.tr("Checked")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        table_label = QLabel(self.tr("&Backups, newest first"))
        table_label.setBuddy(self.table)

        self.backup_button = QPushButton(self.tr("Back &up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setToolTip(self.tr("Put the selected backup in place of the store; the store it "
                                               "replaces is kept aside, whole"))
        self.restore_button.clicked.connect(self.ask_restore)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # SQLite reports no fraction for a copy: a busy bar, and what is going on
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Status"))
        self.cancel_button = QPushButton(self.tr("&Cancel backup"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        keep = QGroupBox(self.tr("Scheduled backups (one a day, a minute after unlocking)"))
        self.daily = QSpinBox()
        self.daily.setRange(*S.BACKUP_DAILY_RANGE)
        self.daily.setSuffix(self.tr(" days"))
        self.daily.setValue(S.BACKUP_DAILY_DAYS.get(settings))
        self.weekly = QSpinBox()
        self.weekly.setRange(*S.BACKUP_WEEKLY_RANGE)
        self.weekly.setSuffix(self.tr(" weeks"))
        self.weekly.setValue(S.BACKUP_WEEKLY_WEEKS.get(settings))
        form = QFormLayout(keep)
        self.add_row(form, self.tr("Keep one a &day for"), self.daily)
        self.add_row(form, self.tr("then one a &week for"), self.weekly)
        self.daily.valueChanged.connect(lambda v: S.BACKUP_DAILY_DAYS.set(settings, int(v)))
        self.weekly.valueChanged.connect(lambda v: S.BACKUP_WEEKLY_WEEKS.set(settings, int(v)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(progress_row)
        layout.addWidget(self.progress_label)
        layout.addWidget(keep)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._busy_with(None)
        self.refresh()

    # ----- the list ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read and check every backup on the store thread (each is read whole against its checksum)."""
        from storage.backup import scan_backups

        paths = self.paths
        self._busy_with(self.tr("Checking the backups…"))
        (self.tasks.run_op(parent=self, op=lambda _store: scan_backups(paths))
         .success(self._listed)
         .failure(self._failed))

    def _listed(self, listings: list[Listing]) -> None:
        self._busy_with(None)
        self.listings = listings
        self.table.setRowCount(len(listings))
        for row, item in enumerate(listings):
            b = item.backup
            cells = ([local_time(b.taken_at.astimezone(UTC).isoformat()), self.reason_label(b.reason), str(b.cases),
                      megabytes(item.size), self.tr("Yes: matches its checksum")] if b is not None else
                     [item.folder.name, "", "", megabytes(item.size), item.problem])
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 4:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        if listings:
            self.table.setCurrentCell(0, 0)
        self.progress_label.setText(self.tr("%n backup(s).", "", len(listings)) if listings
                                    else self.tr("No backups yet."))
        self._update_buttons()

    def reason_label(self, reason: str) -> str:
        if reason == "scheduled":
            return self.tr("Daily")
        if reason == "manual":
            return self.tr("By hand")
        if reason.startswith("before-migration-"):
            return self.tr("Before an upgrade (from version %1)").replace("%1", reason.rsplit("-", 1)[1])
        return reason

    def selected(self) -> Listing | None:
        row = self.table.currentRow()
        return self.listings[row] if 0 <= row < len(self.listings) else None

    def _update_buttons(self) -> None:
        busy = self._cancel is not None or self._working
        chosen = self.selected()
        self.backup_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and chosen is not None and chosen.backup is not None)

    def _busy_with(self, text: str | None, *, cancellable: bool = False) -> None:
        self._working = text is not None
        self.progress.setVisible(text is not None)
        self.cancel_button.setVisible(cancellable)
        if text is not None:
            self.progress_label.setText(text)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._cancel = None
        self._busy_with(None)
        if isinstance(exc, Cancelled):
            self.progress_label.setText(self.tr("Backup cancelled; nothing was kept."))
        elif isinstance(exc, UserFacingError):
            self.progress_label.setText(str(exc))
        else:
            self.progress_label.setText(self.tr("The backups could not be read or written."))
            show_error(self, exc)
        self.progress_label.setAccessibleDescription(self.progress_label.text())
        self._update_buttons()

    # ----- back up now ---------------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        if self._cancel is not None:
            return
        cancel = self._cancel = threading.Event()
        self._busy_with(self.tr("Writing and checking a backup…"), cancellable=True)
        self.cancel_button.setFocus()
        (self.tasks.run_op(parent=self, op=lambda store: store.backup(cancelled=cancel.is_set))
         .success(self._backed_up)
         .failure(self._failed))

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.progress_label.setText(self.tr("Cancelling…"))

    def _backed_up(self, made: Backup) -> None:
        self._cancel = None
        self.refresh()
        self.progress_label.setText(self.tr("Backed up %1 cases to %2 (checked).")
                                    .replace("%1", str(made.cases)).replace("%2", made.name))

    # ----- restore -------------------------------------------------------------------------------------------

    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.backup is None:
            return
        backup = chosen.backup
        ask = QInputDialog(self)
        ask.setWindowTitle(self.tr("Restore a backup"))
        ask.setLabelText(self.tr("Restore the backup taken %1 (%2 cases)? Casefile closes the store, keeps it "
                                 "aside whole in a replaced-… folder, puts the backup in its place and opens it. "
                                 "Work saved since the backup stays only in the store kept aside.\n\nThe "
                                 "passphrase in use when the backup was taken:")
                         .replace("%1", local_time(backup.taken_at.astimezone(UTC).isoformat()))
                         .replace("%2", str(backup.cases)))
        ask.setTextEchoMode(QLineEdit.EchoMode.Password)
        ask.setOkButtonText(self.tr("Restore"))
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(lambda passphrase: self._restore_with(backup, passphrase))
        self.restore_prompt = ask
        ask.open()

    def _restore_with(self, backup: Backup, passphrase: str) -> None:
        self.finish()  # the window takes over: it closes the store, so this list would be stale
        self._restore(backup, passphrase)

    def reject(self) -> None:
        if self._cancel is not None:
            self._cancel.set()  # closing the dialog stops a backup under way
        super().reject()
