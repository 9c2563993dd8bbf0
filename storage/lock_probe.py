"""The profile lock's operating-system calls, and a probe of it that loads nothing else.

storage.lockfile holds the lock while a store is open. The window asks `held_elsewhere` before it shows the
passphrase prompt (a second window is told at once that the profile is open, instead of after the slow key
derivation), and that check runs before the prompt is painted, so this module imports only the standard library.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

BUSY = "Casefile is already open on this profile in another window or process."
"""storage.errors.StoreBusy's message (context "storage"), for a caller that must not import storage.errors."""

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def lock_fd(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            raise BlockingIOError(errno.EWOULDBLOCK, "locked") from exc

    def unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def lock_fd(fd: int) -> None:
        """Take the lock without waiting; BlockingIOError when another open file holds it."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def held_elsewhere(lock_file: Path) -> bool:
    """Whether another window or process holds the lock now. No lock file, or one that cannot be read or
    locked at all (a filesystem without locks), counts as free: opening the store then says what is wrong."""
    try:
        fd = os.open(lock_file, os.O_RDWR)
    except OSError:
        return False
    try:
        lock_fd(fd)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            unlock_fd(fd)
        os.close(fd)
    return False
