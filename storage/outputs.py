"""Files the app writes for the user (exports, memos) never clobber what matters.

A path given with `-o` (or chosen in a save dialog) is refused when it lies inside the profile's data folder
(the store, its key slots, backups), when it is one of the command's own inputs, or when it already exists and
the user did not say `--force`. The write itself is atomic and the file is 0600: exports and memos are
plaintext case data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from storage.atomic import atomic_write_bytes
from storage.errors import UserFacingError


class OutputRefused(UserFacingError):
    """The output path would overwrite something that must not be overwritten; nothing was written."""

    title = "Not written"


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_path(path: Path, *, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = (),
                      force: bool = False, kind: str = "file") -> Path:
    """Return the resolved target, or raise OutputRefused with a message that names the problem.

    `kind` is "file" (a single output file) or "folder" (a folder that will receive files).
    """
    target = _resolved(path)
    for folder in protected_dirs:
        if _inside(target, _resolved(folder)):
            raise OutputRefused(f"{path} is inside the profile's data folder {folder}; write it somewhere else "
                                "(nothing was written).")
    for source in inputs:
        if _resolved(source) == target:
            raise OutputRefused(f"{path} is also the input of this command; write to another file "
                                "(nothing was written).")
    if kind == "folder":
        if target.exists() and not target.is_dir():
            raise OutputRefused(f"{path} is a file, not a folder (nothing was written).")
        return target
    if target.is_dir():
        raise OutputRefused(f"{path} is a folder; give a file name (nothing was written).")
    if not target.parent.is_dir():
        raise OutputRefused(f"the folder {target.parent} does not exist (nothing was written).")
    if target.exists() and not force:
        raise OutputRefused(f"{path} already exists; use --force to replace it (nothing was written).")
    return target


def write_output(path: Path, data: bytes, *, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = (),
                 force: bool = False) -> Path:
    """Check `path` (see check_output_path), then write `data` atomically as a 0600 file."""
    target = check_output_path(path, protected_dirs=protected_dirs, inputs=inputs, force=force)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise OutputRefused(f"{path} could not be written: {exc.strerror or exc} (nothing was written).") from None
    return target
