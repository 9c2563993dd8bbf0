"""File ▸ Import…: choose exchange files (or review bundles), see what each would do, import with progress and
Cancel, and read per file what happened.

The reading, checking and importing are storage.transfer's (the same as `casefile import`), run on the store
thread: `look_at_files` for the preview (nothing written), then `take_in_files` (one transaction per file, each
audited by the store). The window keeps nothing of the files once the result is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog
from desktop.errors import show_error
from desktop.tasks import Progress, TaskManager, run_long_op
from storage.transfer import ImportItem, ImportOutcome, Kind, look_at_files, take_in_files
from widgets.translated import tr_message

if TYPE_CHECKING:
    from storage.store import CaseStore


class ImportPreviewDialog(AppDialog):
    """What importing the chosen files would do: each file's case and whether it is new, already in the store,
    a review bundle, or refused (and why). Import starts `importer(items, replace)`."""

    def __init__(self, parent: QWidget | None, items: Sequence[ImportItem],
                 importer: Callable[[list[ImportItem], bool], object]) -> None:
        super().__init__(parent, self.tr("Import cases"))
        self.items = list(items)
        self._importer = importer
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.table = QTableWidget(len(self.items), 3)
        self.table.setAccessibleName(self.tr("Files to import"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Will be"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        words = {Kind.NEW: self.tr("imported (new)"), Kind.PRESENT: self.tr("already in the store"),
                 Kind.BUNDLE: self.tr("received for review"), Kind.REFUSED: self.tr("refused")}
        for row, item in enumerate(self.items):
            for column, text in enumerate((item.path.name, words[item.kind], tr_message(item.detail))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(item.path) if column == 0 else text)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.replace = QCheckBox(self.tr("&Replace cases already in the store (each is saved as its next revision)"))
        self.replace.setAccessibleName(self.tr("Replace cases already in the store"))
        self.replace.setVisible(any(i.kind is Kind.PRESENT for i in self.items))
        self.replace.toggled.connect(self._update)
        self.warning = QLabel(self.tr("Exchange files are plaintext case data: delete them once imported."))
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton()
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.replace)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self._update()

    def to_import(self) -> list[ImportItem]:
        wanted = {Kind.NEW, Kind.BUNDLE} | ({Kind.PRESENT} if self.replace.isChecked() else set())
        return [i for i in self.items if i.kind in wanted]

    def _update(self) -> None:
        counts = Counter(i.kind for i in self.items)
        parts = [self.tr("%n new", "", counts[Kind.NEW]) if counts[Kind.NEW] else "",
                 self.tr("%n already in the store", "", counts[Kind.PRESENT]) if counts[Kind.PRESENT] else "",
                 self.tr("%n review bundle(s)", "", counts[Kind.BUNDLE]) if counts[Kind.BUNDLE] else "",
                 self.tr("%n refused", "", counts[Kind.REFUSED]) if counts[Kind.REFUSED] else ""]
        self.summary.setText(self.tr("%n file(s): ", "", len(self.items)) + ", ".join(p for p in parts if p) + ".")
        n = len(self.to_import())
        self.import_button.setText(self.tr("&Import %n file(s)", "", n))
        self.import_button.setEnabled(n > 0)
        if n:
            self.import_button.setDefault(True)

    def save(self) -> None:
        self.finish()
        self._importer(self.to_import(), self.replace.isChecked())


class ImportResultDialog(AppDialog):
    """Per file, what the import did (imported, unchanged, received, or not imported and why)."""

    def __init__(self, parent: QWidget | None, outcomes: Sequence[ImportOutcome], skipped: Sequence[ImportItem]
                 ) -> None:
        super().__init__(parent, self.tr("Import finished"))
        done = sum(o.imported for o in outcomes)
        self.headline = QLabel(self.tr("%n file(s) imported", "", done)
                               + (self.tr("; %n not", "", len(outcomes) + len(skipped) - done)
                                  if len(outcomes) + len(skipped) > done else "") + ".")
        self.headline.setAccessibleName(self.tr("Result"))
        lines = [tr_message(o.message) for o in outcomes]
        lines += [self.tr("%1: not imported: %2").replace("%1", i.path.name).replace("%2", tr_message(i.detail))
                  for i in skipped]
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("What happened to each file"))
        self.details.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(700, 360)


class ImportFlow(QObject):
    """Choose files → preview → import (progress, Cancel) → result. `window` is the main window (its tasks,
    status bar; the dialogs are kept on it as `import_*` for tests and scripts)."""

    def __init__(self, window: QWidget, tasks: TaskManager, say: Callable[[str], object]) -> None:
        super().__init__(window)  # a QObject for its texts' own translation context
        self.window = window
        self.tasks = tasks
        self.say = say
        self.preview: ImportPreviewDialog | None = None
        self.result: ImportResultDialog | None = None
        self.progress: Progress | None = None

    def choose(self) -> None:
        dialog = QFileDialog(self.window, self.tr("Import cases"), "",
                             self.tr("Exchange files and review bundles (*.json);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.look_at([Path(n) for n in names]))
        self.file_dialog = dialog
        dialog.open()

    def look_at(self, paths: list[Path]) -> None:
        """Read and check the files on the store thread (nothing written), then show the preview."""
        if not paths:
            return

        def op(store: CaseStore, progress: Progress) -> list[ImportItem]:
            return look_at_files(store, paths, progress=progress.report, cancelled=progress.cancelled)

        handle, self.progress, self.progress_dialog = run_long_op(self.tasks, parent=self.window,
                                                  label=self.tr("Reading the files…"), op=op)
        handle.success(self._show_preview).failure(lambda exc: show_error(self.window, exc))

    def _locked(self) -> bool:
        """The window locked meanwhile: nothing about the files (names, case numbers) is shown over it."""
        return not getattr(self.window, "unlocked", True)

    def _show_preview(self, items: list[ImportItem]) -> None:
        if self._locked():
            return

        def start(chosen: list[ImportItem], replace: bool) -> None:
            skipped = [i for i in items if i not in chosen]
            self.take_in(chosen, replace, skipped)

        dlg = ImportPreviewDialog(self.window, items, start)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dlg
        dlg.open()

    def take_in(self, items: list[ImportItem], replace: bool, skipped: list[ImportItem]) -> None:
        def op(store: CaseStore, progress: Progress) -> list[ImportOutcome]:
            return take_in_files(store, items, replace=replace, progress=progress.report,
                                 cancelled=progress.cancelled)

        def done(outcomes: list[ImportOutcome]) -> None:
            if self._locked():
                return
            dlg = ImportResultDialog(self.window, outcomes, skipped)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.result = dlg
            dlg.open()
            self.say(dlg.headline.text())

        handle, self.progress, self.progress_dialog = run_long_op(self.tasks, parent=self.window,
                                                  label=self.tr("Importing cases…"), op=op)
        handle.success(done).failure(lambda exc: show_error(self.window, exc))
