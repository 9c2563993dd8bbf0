"""One Casefile at a time per profile: an exclusive lock on `casefile.lock` in the data folder.

A second window or process that opens the same profile is refused at once — before the slow key derivation —
with "Casefile is already open on this profile in another window or process." Two apps on one store would
otherwise wait on each other's write locks and overwrite each other's edits.

The lock is the operating system's (flock on POSIX, msvcrt.locking on Windows), tied to an open file: it is
released when the store closes, and also when the process dies, however it dies. So a lock file left behind
by a killed process never blocks anyone; the file itself stays (removing it would race with the next opener)
and holds nothing.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os

from storage import error_map
from storage.errors import StoreBusy
from storage.lock_probe import lock_fd, unlock_fd
from storage.paths import StorePaths

log = logging.getLogger(__name__)

UNSUPPORTED = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP))
"""Filesystems without locks (some network and FUSE mounts): the profile opens unlocked rather than not at all."""

_lock, _unlock = lock_fd, unlock_fd


class ProfileLock:
    """Held from `acquire` until `release` (or until the process ends). Not thread-safe; one per open store."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @classmethod
    def acquire(cls, paths: StorePaths, *, doing: str = error_map.OPEN_STORE) -> ProfileLock:
        """Lock the profile, or raise StoreBusy (another holder) or the folder's problem (error_map).

        The data folder must exist.
        """
        try:
            fd = os.open(paths.lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            # Usually the folder itself (read-only, full, not a folder): name that rather than the lock file.
            raise (error_map.diagnose(paths, doing) or error_map.translated(exc, paths.data_dir, doing=doing)) \
                from None
        try:
            _lock(fd)
        except BlockingIOError:
            os.close(fd)
            raise StoreBusy() from None
        except OSError as exc:
            if exc.errno in UNSUPPORTED:
                log.warning("this folder's filesystem has no file locks; a second window is not kept out")
                return cls(fd)
            os.close(fd)
            raise error_map.user_error(exc, paths.data_dir, doing=doing) or exc from None
        return cls(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let the next window or process in; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __del__(self) -> None:
        self.release()


def is_locked(paths: StorePaths) -> bool:
    """Whether another window or process holds the profile now (for a message before asking a passphrase)."""
    try:
        lock = ProfileLock.acquire(paths)
    except StoreBusy:
        return True
    except Exception:
        return False
    lock.release()
    return False
