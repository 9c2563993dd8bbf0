"""Opening an attachment in another program: the one place Casefile writes attachment content outside its store.

Another program can only open a file, so this makes a temporary, unencrypted copy — after a warning that says
so. Each copy is written 0600 into a 0700 folder of its own under a per-user root:

    $XDG_RUNTIME_DIR/casefile-outside/   (Linux: a per-user tmpfs, in memory, emptied at logout), else
    <system temp>/casefile-outside-<user id>/

Copies are deleted when the officer leaves the case, when Casefile locks, and when it quits (also at interpreter
exit). A crash leaves them behind, so every start sweeps the root of folders whose process is gone
(`sweep_leftovers`). Deleting cannot reach the other program's own copies (recent files, caches): the warning
says that too.
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from casework.attachments import display_name, outside_name
from casework.model import Attachment

log = logging.getLogger(__name__)


def outside_root() -> Path:
    """Where temporary copies go (see the module docstring)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / "casefile-outside"
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"casefile-outside-{uid}"


def _private_dir(path: Path) -> Path:
    """`path` as a folder only this user can enter (refused if someone else made it first)."""
    path.mkdir(mode=0o700, exist_ok=True)
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or (
            hasattr(os, "getuid") and info.st_uid != os.getuid()):
        raise OSError(f"{path} is not a private folder of this user")
    os.chmod(path, 0o700)
    return path


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: not ours to judge
    return True


def sweep_leftovers(root: Path | None = None) -> int:
    """Delete copies left by a Casefile that did not quit cleanly (a crash, a kill); return how many folders."""
    root = root or outside_root()
    removed = 0
    if not root.is_dir():
        return 0
    for folder in root.iterdir():
        pid_text = folder.name.split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


class OutsideCopies:
    """The temporary copies this process made, to delete them all at once."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or outside_root()
        self._folders: list[Path] = []
        atexit.register(self.remove_all)

    def write(self, attachment: Attachment, data: bytes) -> Path:
        """Write the copy (0600, in a fresh 0700 folder) and return its path."""
        _private_dir(self.root)
        folder = self.root / f"{os.getpid()}-{secrets.token_hex(8)}"
        folder.mkdir(mode=0o700)
        self._folders.append(folder)
        path = folder / outside_name(attachment)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return path

    def remove(self, path: Path) -> None:
        """Delete one copy (and its folder) now: no program took it."""
        folder = path.parent
        if folder in self._folders:
            self._folders.remove(folder)
        shutil.rmtree(folder, ignore_errors=True)

    def remove_all(self) -> int:
        """Delete every copy this process made; return how many folders went."""
        folders, self._folders = self._folders, []
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():  # e.g. a Windows program holding the file open: tried again at the next start
                log.warning("a temporary attachment copy could not be deleted yet")
        return len(folders)

    @property
    def paths(self) -> list[Path]:
        return [p for folder in self._folders if folder.is_dir() for p in folder.iterdir()]


def confirm_outside(parent: QWidget | None, attachment: Attachment, then: Callable[[], object]) -> QMessageBox:
    """Ask (without blocking) before any plaintext copy is made, saying what happens to it; `then()` runs only
    when the officer agrees."""
    title = QCoreApplication.translate("AttachmentOutside", "Open in another program")
    question = QCoreApplication.translate("AttachmentOutside", "Open “{name}” in another program?")
    box = QMessageBox(QMessageBox.Icon.Warning, title, question.format(name=display_name(attachment.file_name)),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    why = QCoreApplication.translate(
        "AttachmentOutside",
        "Another program can only open a file, so Casefile will write a temporary, unencrypted copy of this "
        "attachment to {folder}. It is deleted when you leave this case, lock Casefile or quit. The other "
        "program may keep copies of its own (recent files, thumbnails) that Casefile cannot delete.")
    box.setInformativeText(why.format(folder=outside_root()))
    go = box.addButton(QCoreApplication.translate("AttachmentOutside", "Make a temporary copy and open it"),
                       QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accept_button = go  # type: ignore[attr-defined]
    box.buttonClicked.connect(lambda button: then() if button is go else None)
    box.open()
    return box


class NoProgramOpened(Exception):
    """The desktop has no program for the copy's type (the copy is already deleted again)."""


def open_outside(copies: OutsideCopies, attachment: Attachment, data: bytes) -> Path:
    """Write the copy and hand it to the desktop's program for its type; NoProgramOpened (the copy deleted at
    once: a plaintext file nobody opened must not wait for the lock) when the desktop has none."""
    path = copies.write(attachment, data)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        copies.remove(path)
        log.warning("no program opened the temporary attachment copy; it was deleted")
        raise NoProgramOpened
    return path

