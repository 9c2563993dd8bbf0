"""User-level actions on a case's attachments, as background ops. Windows call these, never `store.*` directly.

Adding and removing change the case, so they go through its save queue (behind any save on its way, and the
saves after them build on their result). Reading a file, hashing it and writing it into the store all happen
on the store thread: the window never waits for a large scan.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop.tasks import Op, TaskManager
from storage.attachments import read_file
from widgets.attachments_preview import thumbnail

if TYPE_CHECKING:
    from casework.model import Attachment
    from desktop.save_queue import CaseSaveQueue
    from storage.store import CaseStore, SaveResult


def add_attachment(*, queue: CaseSaveQueue, path: Path) -> Op[SaveResult]:
    """Read `path` and attach it to the queue's case (AttachmentNotAccepted names the file and the rule)."""
    case_id = queue.case_id
    return queue.step(lambda store: store.add_attachment(case_id, read_file(path), path.name))


def remove_attachment(*, queue: CaseSaveQueue, item_id: str) -> Op[SaveResult]:
    case_id = queue.case_id
    return queue.step(lambda store: store.remove_attachment(case_id, item_id))


def caption_attachment(*, queue: CaseSaveQueue, item_id: str, caption: str) -> Op[SaveResult]:
    case_id = queue.case_id
    return queue.step(lambda store: store.caption_attachment(case_id, item_id, caption))


def open_attachment(*, tasks: TaskManager, parent: QWidget | None, case_id: str, item_id: str,
                    outside: bool = False) -> Op[tuple[Attachment, bytes]]:
    """The content for the viewer (or, `outside`, for a temporary copy); the store records either."""
    return tasks.run_op(parent=parent, op=lambda store: store.open_attachment(case_id, item_id, outside=outside),
                        label="Opening the attachment…")


def thumbnails(*, tasks: TaskManager, parent: QWidget | None, case_id: str,
               items: list[Attachment]) -> Op[dict[str, QImage | None]]:
    """Thumbnails by content hash, decoded in memory on the store thread (QImage is safe off the GUI thread)."""

    def op(store: CaseStore) -> dict[str, QImage | None]:
        out: dict[str, QImage | None] = {}
        for a in items:
            if store.has_blob(a.sha256):
                _item, data = store.attachment_preview(case_id, a.id)
                out[a.sha256] = thumbnail(data, a.media_type)
            else:
                out[a.sha256] = None  # cited but not on this laptop (yet): the generic icon stays
        return out

    return tasks.run_op(parent=parent, op=op)
