"""Write small files so that a crash leaves either the old bytes or the new ones, never a mix.

temp file in the same folder → chmod 600 → write → fsync → os.replace → fsync the folder. Used for key slots
and anything else written outside SQLCipher.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def staged(path: Path, data: bytes) -> Iterator[Path]:
    """`data` in a synced 0600 temp file beside `path`; removed on the way out unless the caller renamed it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        yield Path(tmp)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    with staged(path, data) as tmp:
        os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable: on POSIX the directory entry lives in the folder's own blocks."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported (Windows); os.replace is still atomic there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
