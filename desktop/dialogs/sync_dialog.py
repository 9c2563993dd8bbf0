"""Office ▸ Sync (Ctrl+Shift+S): first what would go up and come down, then the sync, with progress and Cancel.

The preview and the run are both store-thread work (desktop.sync_worker); this dialog only shows them. Cancel
during the preview closes the dialog; during the run it stops the sync between two office calls — what was
already taken in or sent stays, consistent on both sides, and the next sync carries on. Held-back cases (a
conflict waiting for a person) are listed with a button that leads to the side-by-side dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error
from storage.errors import Cancelled, UserFacingError
from storage.office.backend import OfficeUnreachable
from widgets.translated import tr_message

if TYPE_CHECKING:
    from desktop.sync_worker import SyncRunner
    from storage.sync import SyncReport
    from storage.sync_preview import PreviewCase, SyncPreview


class SyncDialog(QDialog):
    synced = Signal(object)
    """The SyncReport of a finished sync (also sent when the dialog is closed right after)."""
    stopped = Signal(str)
    """A sync that did not finish: why (cancelled, or the office's error message)."""
    resolve_requested = Signal(str)
    """The case id whose conflicts the officer wants to resolve now."""

    def __init__(self, parent: QWidget | None, runner: SyncRunner) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync with the office"))
        self.runner = runner
        self.preview: SyncPreview | None = None
        self.report: SyncReport | None = None
        self.phase = "preview"
        """preview → ready → running → done | stopped."""
        self.headline = QLabel(self.tr("Looking at what to sync…"))
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setAccessibleName(self.tr("Sync status"))
        self.up_label = QLabel(self.tr("Goes &up to the office"))
        self.up_list = QListWidget()
        self.up_list.setAccessibleName(self.tr("Cases that go up to the office"))
        self.up_label.setBuddy(self.up_list)
        self.down_label = QLabel(self.tr("Comes &down from the office"))
        self.down_list = QListWidget()
        self.down_list.setAccessibleName(self.tr("Cases that come down from the office"))
        self.down_label.setBuddy(self.down_list)
        self.held_label = QLabel(self.tr("&Held back: a conflict to resolve first"))
        self.held_list = QListWidget()
        self.held_list.setAccessibleName(self.tr("Cases held back by a conflict"))
        self.held_label.setBuddy(self.held_list)
        self.held_list.setMaximumHeight(96)
        self.resolve_button = QPushButton(self.tr("&Resolve conflicts…"))
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.refused = QLabel()
        self.refused.setWordWrap(True)
        self.refused.setTextFormat(Qt.TextFormat.PlainText)
        self.refused.setAccessibleName(self.tr("Records that will be refused"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setRange(0, 0)
        self.progress_text = QLabel()
        self.progress_text.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox()
        self.sync_button = self.buttons.addButton(self.tr("&Sync now"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sync_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button.clicked.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(self.up_label, 0, 0)
        grid.addWidget(self.down_label, 0, 1)
        grid.addWidget(self.up_list, 1, 0)
        grid.addWidget(self.down_list, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 1)
        layout.addWidget(self.held_label)
        layout.addWidget(self.held_list)
        layout.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.refused)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        for w in (self.held_label, self.held_list, self.resolve_button, self.refused):
            w.hide()
        self.setMinimumSize(620, 420)
        runner.progress.connect(self._on_runner_progress)

    # ----- the preview ---------------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the dialog and ask the store thread what a sync would do."""
        self.phase = "preview"
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setEnabled(False)
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress_text.setText(self.tr("Reading the office…"))
        (self.runner.preview(parent=self)
         .success(self._on_preview)
         .failure(self._on_failed))

    def _on_preview(self, preview: SyncPreview) -> None:
        if self.phase != "preview":
            return
        self.preview = preview
        self.phase = "ready"
        self._fill(self.up_list, preview.up, self.tr("Nothing changed here since the last sync."))
        self._fill(self.down_list, preview.down, self.tr("Nothing new at the office."))
        self.up_label.setText(self.tr("Goes &up to the office: %n case(s)", "", len(preview.up)))
        self.down_label.setText(self.tr("Comes &down from the office: %n case(s)", "", len(preview.down)))
        self._show_held(preview.held)
        self.refused.setVisible(bool(preview.refused))
        if preview.refused:
            self.refused.setText(self.tr("Will be refused (recorded in the audit log):") + "\n"
                                 + "\n".join(" ".join(tr_message(r).split()) for r in preview.refused))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_text.setText("")
        if preview.nothing_to_do:
            self.headline.setText(self.tr("Nothing to send or take in. Sync anyway to compare both sides."))
        else:
            self.headline.setText(" ".join((self.tr("Goes up: %n case(s).", "", len(preview.up)),
                                            self.tr("Comes down: %n case(s).", "", len(preview.down)),
                                            self.tr("Sync now?"))))
        self.sync_button.setEnabled(True)
        self.sync_button.setDefault(True)
        self.sync_button.setFocus()

    def _fill(self, box: QListWidget, cases: list[PreviewCase], empty: str) -> None:
        box.clear()
        for c in cases:
            name = c.name or self.tr("(no name yet)")
            text = f"{c.case_number} — " + (self.tr("deletion of this case") if c.deleted else name) + \
                (self.tr(" (new here)") if c.new else "") + (self.tr(" (deleted here: it comes back)") if c.back
                                                              else "")
            box.addItem(text)
            box.item(box.count() - 1).setData(Qt.ItemDataRole.UserRole, c.case_id)
        if not cases and empty:
            box.addItem(empty)
            box.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    # ----- the run -------------------------------------------------------------------------------------------

    def _show_held(self, held: list[PreviewCase]) -> None:
        """The held-back section and its button, whenever a case waits for a person (before or after a sync)."""
        self._fill(self.held_list, held, "")
        self.held_label.setText(self.tr("&Held back until a person chooses (a conflict): %n case(s)", "", len(held)))
        for w in (self.held_label, self.held_list, self.resolve_button):
            w.setVisible(bool(held))
        self.resolve_button.setEnabled(bool(held))

    def start_sync(self) -> None:
        if self.phase == "stopped":  # Sync again: look at what is left first
            self.start()
            return
        if self.phase != "ready":
            return
        self.phase = "running"
        expected = len(self.preview.up) + len(self.preview.down) if self.preview else 0
        self.sync_button.setEnabled(False)
        self.resolve_button.setEnabled(False)
        self.headline.setText(self.tr("Syncing… Cancel stops between two steps; nothing half-done is kept."))
        self.progress.setRange(0, max(expected, 1))
        self.progress.setValue(0)
        self.cancel_button.setFocus()
        (self.runner.run(parent=self, expected=expected)
         .success(self._on_synced)
         .failure(self._on_failed))

    def _on_runner_progress(self, phase: str, done: int, total: int) -> None:
        if self.phase != "running":
            return
        words = {"pulling": self.tr("Taking in what is new at the office…"),
                 "pushing": self.tr("Sending what changed here…")}
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_text.setText(words.get(phase, self.tr("Working…")) + " "
                                   + self.tr("%1 of %2 steps").replace("%1", str(done)).replace("%2", str(total)))

    def _on_synced(self, report: SyncReport) -> None:
        self.report = report
        self.phase = "done"
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress_text.setText("")
        # Why this laptop's own changes were not sent (a colleague submitted the case meanwhile…), one line each.
        self.headline.setText("\n".join([summary_text(self, report), *(_sentence(tr_message(why))
                                                                        for why in report.set_aside)]))
        from storage.sync_preview import PreviewCase

        named = {c.case_id: c for c in ((self.preview.held + self.preview.up + self.preview.down)
                                        if self.preview else [])}
        self._show_held([named.get(i) or PreviewCase(i, number, "") for i, number in
                         zip(report.held_ids, report.held, strict=True)])
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self.synced.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        was = self.phase
        self.phase = "stopped"
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_text.setText("")
        self.cancel_button.setText(self.tr("&Close"))
        self.cancel_button.setEnabled(True)
        self.resolve_button.setEnabled(self.held_list.isVisible() and self.held_list.count() > 0)
        if was == "running":  # what is left can be synced from here, after a fresh look at it
            self.sync_button.setText(self.tr("Sync &again"))
            self.sync_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            message = self.tr("Sync cancelled. What was already sent or taken in is kept on both sides; the next "
                              "sync carries on from there.")
        elif isinstance(exc, OfficeUnreachable) and was == "running":
            message = self.tr("The office went out of reach during the sync: %1 What was already sent or taken in "
                              "is kept on both sides; the next sync carries on from there.").replace("%1", str(exc))
        elif isinstance(exc, UserFacingError):
            message = (self.tr("Not synced: ") if was == "running" else self.tr("Cannot sync now: ")) + str(exc)
        else:
            message = self.tr("The sync failed; see the details.")
            show_error(self, exc)
        self.headline.setText(message)
        if was == "running":
            self.stopped.emit(message)

    def _on_resolve_button_clicked(self) -> None:
        item = self.held_list.currentItem() or self.held_list.item(0)
        if item is not None:
            self.resolve_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
            self.reject()

    # ----- closing -------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: during the run, stop the sync (the dialog stays until it has stopped); otherwise close."""
        if self.phase == "running":
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.headline.setText(self.tr("Stopping the sync after the current step…"))
            return
        if self.phase == "preview":
            self.runner.cancel()  # the preview stops at its next page
        super().reject()


def _sentence(text: str) -> str:
    """A clause of the CLI's summary line as a sentence of its own."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def summary_text(context: QWidget, report: SyncReport) -> str:
    """One line on a finished sync, for the dialog and the status bar."""
    return SyncSummary(context).text(report)


class SyncSummary(QObject):
    """The summary's texts, in a translation context of their own whoever shows them."""

    def text(self, report: SyncReport) -> str:
        parts = [self.tr("Synced: %n sent", "", report.pushed), self.tr("%n taken in", "", report.pulled)]
        if report.merged:
            parts.append(self.tr("%n merged", "", report.merged))
        if report.conflicts:
            parts.append(self.tr("%n conflict(s) to resolve", "", report.conflicts))
        if report.rejected:
            parts.append(self.tr("%n refused (see the audit log)", "", len(report.rejected)))
        if report.waiting:
            parts.append(self.tr("%n waiting", "", len(report.waiting)))
        if report.set_aside:
            parts.append(self.tr("%n case(s) with your changes not sent", "", len(report.set_aside)))
        if report.in_step:
            step = self.tr("both sides in step: %n case(s)", "", report.cases)
            if report.deletions:
                step += self.tr(", %n deletion(s)", "", report.deletions)
        elif waits_for_a_person(report):
            step = self.tr("%n case(s) held back by a conflict that waits for a person (another sync will not "
                           "settle it): Resolve conflicts…", "", len(report.held))
        else:
            step = self.tr("the sides differ: sync again")
        return ", ".join(parts) + self.tr(" — %1.").replace("%1", step)


def waits_for_a_person(report: SyncReport) -> bool:
    """The sides differ only by open conflicts: both hold the same office revisions, nothing else is held back or
    refused (another sync changes nothing until a person chooses)."""
    return bool(report.held) and not report.rejected and set(report.waiting) <= set(report.held_ids) \
        and report.office_cases == report.local_cases and report.office_digest == report.local_digest
