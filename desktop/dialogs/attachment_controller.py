"""Wires the editor's Attachments section to the store: add (with progress), thumbnails, the viewer, removing,
and opening in another program (with its temporary copy deleted when the officer leaves the case or locks).

One per case workspace. It follows the case on screen by itself: whenever the section shows another case (or
none — a lock clears the editor), viewers close, thumbnails of the old case are dropped and temporary copies
are deleted.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from casework.attachments import display_name, human_size
from casework.model import Attachment
from desktop.dialogs.attachment_outside import (
    NoProgramOpened,
    OutsideCopies,
    confirm_outside,
    open_outside,
    sweep_leftovers,
)
from desktop.dialogs.attachment_viewer import AttachmentViewer
from desktop.errors import show_error
from desktop.operations import attachments as ops
from desktop.tasks import TaskManager
from storage.errors import UserFacingError
from widgets.translated import tr_message

if TYPE_CHECKING:
    from desktop.save_queue import CaseSaveQueue
    from storage.store import SaveResult
    from widgets.case_edit import CaseEdit


class AttachmentController(QObject):
    def __init__(self, tasks: TaskManager, editor: CaseEdit, parent: QWidget, *,
                 queue: Callable[[], CaseSaveQueue | None], on_saved: Callable[[SaveResult], object],
                 flush: Callable[[], object], copies: OutsideCopies | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.editor = editor
        self.section = editor.attachments
        self.window = parent
        self._queue = queue
        self._on_saved = on_saved
        self._flush = flush
        self.copies = copies or OutsideCopies()
        sweep_leftovers(self.copies.root)  # copies a crashed session left behind
        self.viewers: list[AttachmentViewer] = []
        self._case_id: str | None = None
        self._thumbs: dict[str, QImage | None] = {}
        self._pending: list[Path] = []
        """Files on their way into the store, in order."""
        self.confirm_box: QDialog | None = None
        """The question open now (remove, open in another program), for tests and for closing on lock."""
        self.section.files_chosen.connect(self.add_files)
        self.section.view_requested.connect(self.view)
        self.section.open_outside_requested.connect(self.open_outside)
        self.section.remove_requested.connect(self.remove)
        self.section.caption_requested.connect(self.ask_caption)
        self.section.items_changed.connect(self._on_items_changed)

    # ----- following the case on screen ---------------------------------------------------------------------

    def _on_items_changed(self) -> None:
        case_id = self.editor.case_id()
        if case_id != self._case_id:
            # Thumbnails stay (in memory) while the officer moves between cases, and go at the lock.
            self.leave_case(keep_thumbnails=case_id is not None)
            self._case_id = case_id
        self._load_thumbnails()

    def leave_case(self, *, keep_thumbnails: bool = False) -> None:
        """The officer left the case (or locked): close viewers and questions, delete temporary copies, and
        (unless `keep_thumbnails`: moving to another case) forget the thumbnails."""
        for viewer in self.viewers:
            viewer.close()
        self.viewers.clear()
        if self.confirm_box is not None:
            with contextlib.suppress(RuntimeError):  # already closed and deleted
                self.confirm_box.close()
            self.confirm_box = None
        if not keep_thumbnails:
            self._thumbs.clear()
        self.copies.remove_all()
        self._pending.clear()
        self.section.set_progress("")

    def _load_thumbnails(self) -> None:
        case_id = self._case_id
        wanted = [a for a in self.section.value() if a.sha256 not in self._thumbs]
        for a in self.section.value():
            if a.sha256 in self._thumbs:
                self.section.set_thumbnail(a.id, self._thumbs[a.sha256])
        if case_id is None or not wanted:
            return
        for a in wanted:
            self._thumbs[a.sha256] = None  # asked for once

        def made(found: dict[str, QImage | None]) -> None:
            if self._case_id is None:
                return  # locked meanwhile: no picture is kept
            self._thumbs.update(found)  # by content: the same picture whichever case cites it
            for a in self.section.value():
                if a.sha256 in found:
                    self.section.set_thumbnail(a.id, found[a.sha256])

        def failed(_exc: BaseException) -> None:
            # No thumbnail is no loss (the generic icon stays; the viewer says what is wrong); ask again next time.
            for a in wanted:
                if self._thumbs.get(a.sha256) is None:
                    self._thumbs.pop(a.sha256, None)

        ops.thumbnails(tasks=self.tasks, parent=self.window, case_id=case_id, items=wanted).success(made).failure(
            failed)

    # ----- actions ----------------------------------------------------------------------------------------

    def add_files(self, paths: list[str]) -> None:
        queue = self._queue()
        if queue is None or not self.editor.case_id():
            return
        self._flush()  # what was typed goes in first
        for text in paths:
            path = Path(text)
            self._pending.append(path)

            def done(result: SaveResult, path: Path = path) -> None:
                self._added(path)
                self._on_saved(result)
                if result.case.attachments:
                    self.section.select(result.case.attachments[-1].id)

            def failed(exc: BaseException, path: Path = path) -> None:
                self._added(path)
                show_error(self.window, exc)

            ops.add_attachment(queue=queue, path=path).success(done).failure(failed)
        self._show_progress()

    def _show_progress(self) -> None:
        """"Adding “name” (size)…" for the file the store is on now, and how many wait behind it."""
        if not self._pending:
            self.section.set_progress("")
            return
        path = self._pending[0]
        try:
            size = tr_message(human_size(path.stat().st_size))
        except OSError:
            size = "?"
        text = self.tr("Adding “{name}” ({size})…").format(name=display_name(path.name), size=size)
        if len(self._pending) > 1:
            text += " " + self.tr("Waiting: {n}.").format(n=len(self._pending) - 1)
        self.section.set_progress(text)

    def _added(self, path: Path) -> None:
        if path in self._pending:
            self._pending.remove(path)
        self._show_progress()

    def view(self, attachment: Attachment) -> None:
        case_id = self._case_id
        if case_id is None:
            return

        def show(found: tuple[Attachment, bytes]) -> None:
            if self._case_id != case_id:
                return
            item, data = found
            viewer = AttachmentViewer(self.window, item, data)
            viewer.open_outside_requested.connect(self.open_outside)
            viewer.finished.connect(lambda _r: self._forget(viewer))
            self.viewers.append(viewer)
            viewer.show()

        ops.open_attachment(tasks=self.tasks, parent=self.window, case_id=case_id, item_id=attachment.id
                            ).success(show)

    def _forget(self, viewer: AttachmentViewer) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)
        viewer.deleteLater()

    def open_outside(self, attachment: Attachment) -> None:
        case_id = self._case_id
        parent = self.viewers[-1] if self.viewers and self.viewers[-1].isVisible() else self.window
        if case_id is None:
            return

        def write(found: tuple[Attachment, bytes]) -> None:
            if self._case_id != case_id:
                return
            item, data = found
            try:
                open_outside(self.copies, item, data)
            except NoProgramOpened:
                show_error(parent, UserFacingError(self.tr(
                    "No program on this computer opened “{name}” ({kind}); the temporary copy was deleted again. "
                    "View it in Casefile instead.").format(name=display_name(item.file_name), kind=item.media_type)))
            except OSError as exc:
                show_error(parent, UserFacingError(self.tr("The temporary copy could not be written: {reason}")
                                                   .format(reason=exc.strerror or exc)))

        def go() -> None:
            if self._case_id == case_id:
                ops.open_attachment(tasks=self.tasks, parent=self.window, case_id=case_id, item_id=attachment.id,
                                    outside=True).success(write)

        self.confirm_box = confirm_outside(parent, attachment, go)

    def remove(self, attachment: Attachment) -> None:
        if self._queue() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove attachment"),
                          self.tr("Remove “{name}” from this case?").format(name=display_name(attachment.file_name)),
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("Earlier revisions of the case, and memos printed from them, still list it; "
                                       "its content stays in the encrypted store for them."))
        yes = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self._case_id

        def decided(button: object) -> None:
            queue = self._queue()
            if button is not yes or queue is None or self._case_id != case_id:
                return
            self._flush()
            ops.remove_attachment(queue=queue, item_id=attachment.id).success(self._on_saved)

        box.accept_button = yes  # type: ignore[attr-defined]
        box.buttonClicked.connect(decided)
        self.confirm_box = box
        box.open()

    def ask_caption(self, attachment: Attachment) -> None:
        """A line printed under the file's name in the memo's exhibits ("Passport, photo page")."""
        if self._queue() is None:
            return
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Caption"))
        dialog.setLabelText(self.tr("Caption of “{name}” (printed with the exhibits in the memo):").format(
            name=display_name(attachment.file_name)))
        dialog.setTextValue(attachment.caption)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_id = self._case_id

        def chosen(text: str) -> None:
            queue = self._queue()
            if queue is None or self._case_id != case_id:
                return
            ops.caption_attachment(queue=queue, item_id=attachment.id, caption=text).success(self._on_saved)

        dialog.textValueSelected.connect(chosen)
        self.confirm_box = dialog
        dialog.open()
