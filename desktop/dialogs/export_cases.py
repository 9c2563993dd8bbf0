"""File ▸ Export…: the selected case or every case, as exchange files, with progress and Cancel.

One case goes to a file chosen in a save dialog; several go into a chosen folder, each named by its case
number. The writing is storage.transfer.export_cases (the same as `casefile export -o` / `--all`): never into
the data folder (also through a symlink), never over an existing file unless the officer said so, all files or
none, 0600, and a `case_exported` audit entry per case once they are on disk. Cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog
from desktop.errors import show_error
from desktop.tasks import Progress, TaskManager, run_long_op
from storage.errors import Cancelled
from storage.transfer import export_cases, export_name

if TYPE_CHECKING:
    from casework.model import CaseSummary
    from storage.store import CaseStore


class ExportDialog(AppDialog):
    """Which cases to export (the one selected in the list, or all), and whether files already in the chosen
    folder may be replaced. OK goes on to the file or folder dialog."""

    def __init__(self, parent: QWidget | None, selected: CaseSummary | None, total: int,
                 chosen: Callable[[bool, bool], object]) -> None:
        super().__init__(parent, self.tr("Export cases"))
        self._chosen = chosen
        self.one = QRadioButton(self.tr("The &selected case: %1").replace(
            "%1", f"{selected.case_number} ({selected.display_name or '—'})" if selected else self.tr("none")))
        self.all = QRadioButton(self.tr("&All %n case(s), into a folder", "", total))
        self.group = QButtonGroup(self)
        self.group.addButton(self.one)
        self.group.addButton(self.all)
        self.one.setEnabled(selected is not None)
        self.all.setEnabled(total > 0)
        (self.one if selected is not None else self.all).setChecked(True)
        self.replace = QCheckBox(self.tr("&Replace files of the same name already in the folder"))
        self.replace.setEnabled(self.all.isChecked())
        self.all.toggled.connect(self.replace.setEnabled)
        warning = QLabel(self.tr("Exchange files are plaintext: anyone with the file can read the case. Keep them "
                                 "on an encrypted drive and delete them when done. The export is recorded in the "
                                 "audit log."))
        warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(selected is not None or total > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.one)
        layout.addWidget(self.all)
        layout.addWidget(self.replace)
        layout.addWidget(warning)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        self.finish()
        self._chosen(self.all.isChecked(), self.replace.isChecked() and self.all.isChecked())


class ExportFlow(QObject):
    """Scope → file or folder → export (progress, Cancel) → what was written (kept on the window for tests).
    A QObject for its texts' own translation context."""

    def __init__(self, window: QWidget, tasks: TaskManager, protected_dirs: list[Path],
                 say: Callable[[str], object]) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.protected_dirs = protected_dirs
        self.say = say
        self.dialog: ExportDialog | None = None
        self.done_box: QMessageBox | None = None
        self.progress: Progress | None = None

    def ask(self, selected: CaseSummary | None, total: int) -> None:
        def chosen(all_cases: bool, replace: bool) -> None:
            if all_cases:
                self._choose_folder(replace)
            elif selected is not None:
                self._choose_file(selected)

        dlg = ExportDialog(self.window, selected, total, chosen)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()

    def _choose_file(self, case: CaseSummary) -> None:
        dialog = QFileDialog(self.window, self.tr("Export the case as"), export_name(case.case_number, case.id),
                             self.tr("Exchange files (*.json)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The save dialog asks before replacing a file, so the officer's yes is the --force of the CLI.
        dialog.fileSelected.connect(lambda name: self.export([case.id], Path(name), folder=False, force=True))
        self.file_dialog = dialog
        dialog.open()

    def _choose_folder(self, replace: bool) -> None:
        dialog = QFileDialog(self.window, self.tr("Export every case into the folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.export(None, Path(name), folder=True, force=replace))
        self.file_dialog = dialog
        dialog.open()

    def export(self, case_ids: list[str] | None, output: Path, *, folder: bool, force: bool) -> None:
        """Write the cases (None: every case in the store) on the store thread with progress and Cancel; say
        what was written, or why not."""
        protected = list(self.protected_dirs)

        def op(store: CaseStore, progress: Progress) -> list[Path]:
            ids = case_ids if case_ids is not None else [s.id for s in store.list_cases()]
            return export_cases(store, ids, output, folder=folder, protected_dirs=protected, force=force,
                                progress=progress.report, cancelled=progress.cancelled)

        def done(written: list[Path]) -> None:
            if not getattr(self.window, "unlocked", True):
                return  # locked meanwhile: the files are written (and audited); nothing is shown over the lock
            where = str(output)
            text = self.tr("Exported %n case(s) to %1.", "", len(written)).replace("%1", where)
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"), text,
                              QMessageBox.StandardButton.Ok, self.window)
            box.setInformativeText(self.tr("These files are plaintext case data: handle them with care."))
            box.setDetailedText("\n".join(p.name for p in written))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.done_box = box
            box.open()
            self.say(text)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.say(self.tr("Export cancelled: nothing was written."))
            else:
                show_error(self.window, exc)

        handle, self.progress, self.progress_dialog = run_long_op(self.tasks, parent=self.window,
                                                  label=self.tr("Exporting cases…"), op=op)
        handle.success(done).failure(failed)
