"""Files the app writes for the user (exports, memos) never clobber what matters.

A path given with `-o` (or chosen in a save dialog) is refused when it lies inside the profile's data folder
(the store, its key slots, backups), when it is one of the command's own inputs, or when it already exists and
the user did not say `--force`. The write itself is atomic and the file is 0600: exports and memos are
plaintext case data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from casework.i18n import QT_TRANSLATE_NOOP
from storage.atomic import atomic_write_bytes, fsync_dir
from storage.errors import UserFacingError


class OutputRefused(UserFacingError):
    """The output path would overwrite something that must not be overwritten; nothing was written."""

    title = "Not written"


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


_NOT_A_FOLDER = QT_TRANSLATE_NOOP("storage", "{path} is a file, not a folder (nothing was written).")
_NOT_WRITTEN = QT_TRANSLATE_NOOP("storage", "{path} could not be written: {problem} (nothing was written).")


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_path(path: Path, *, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = (),
                      force: bool = False, kind: str = "file", new_folder_ok: bool = False) -> Path:
    """Return the resolved target, or raise OutputRefused with a message that names the problem.

    `kind` is "file" (a single output file) or "folder" (a folder that will receive files). With
    `new_folder_ok`, a file's folder may be missing (write_outputs creates it).
    """
    target = _resolved(path)
    for folder in protected_dirs:
        if _inside(target, _resolved(folder)):
            raise OutputRefused(QT_TRANSLATE_NOOP(
                "storage", "{path} is inside the profile's data folder {folder}; write it somewhere else (nothing "
                "was written).").format(path=path, folder=folder))
    for source in inputs:
        if _resolved(source) == target:
            raise OutputRefused(QT_TRANSLATE_NOOP(
                "storage", "{path} is also the input of this command; write to another file (nothing was "
                "written).").format(path=path))
    if kind == "folder":
        if target.exists() and not target.is_dir():
            raise OutputRefused(_NOT_A_FOLDER.format(path=path))
        return target
    if target.is_dir():
        raise OutputRefused(QT_TRANSLATE_NOOP("storage", "{path} is a folder; give a file name (nothing was "
                                              "written).").format(path=path))
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputRefused(_NOT_A_FOLDER.format(path=target.parent))
    if not target.parent.is_dir() and not new_folder_ok:
        raise OutputRefused(QT_TRANSLATE_NOOP("storage", "the folder {path} does not exist (nothing was written)."
                                              ).format(path=target.parent))
    if target.exists() and not force:
        raise OutputRefused(QT_TRANSLATE_NOOP("storage", "{path} already exists; use --force to replace it "
                                              "(nothing was written).").format(path=path))
    return target


def write_output(path: Path, data: bytes, *, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = (),
                 force: bool = False) -> Path:
    """Check `path` (see check_output_path), then write `data` atomically as a 0600 file."""
    target = check_output_path(path, protected_dirs=protected_dirs, inputs=inputs, force=force)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise OutputRefused(_NOT_WRITTEN.format(path=path, problem=exc.strerror or exc)) from None
    return target


def write_outputs(files: Mapping[Path, bytes], *, protected_dirs: Iterable[Path] = (),
                  inputs: Iterable[Path] = (), force: bool = False) -> list[Path]:
    """Write several files, all or none (`casefile export --all`).

    Every target is checked first (see check_output_path); then each is written and synced under a temporary
    name beside its target, and only when all of them are on disk are they renamed into place. A failure on
    the way (a full disk) removes the temporary files and any folder made for them: nothing is left
    half-written. Files are 0600, new folders 0700.
    """
    protected, sources = list(protected_dirs), list(inputs)
    targets = {check_output_path(p, protected_dirs=protected, inputs=sources, force=force, new_folder_ok=True): data
               for p, data in files.items()}
    made: list[Path] = []
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in targets.items():
            made.extend(_make_folders(target.parent))
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), 0o600)
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
    except OSError as exc:
        for tmp, _target in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        where = exc.filename or (staged[-1][1] if staged else "the output folder")
        raise OutputRefused(_NOT_WRITTEN.format(path=where, problem=exc.strerror or exc)) from None
    for tmp, target in staged:
        os.replace(tmp, target)
    for folder in {target.parent for target in targets}:
        fsync_dir(folder)
    return list(targets)


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and any missing parents (0700); return those created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    for p in missing:
        p.mkdir(mode=0o700)
    return missing
