"""One mapping from SQLite/SQLCipher and OS errors to errors a person can act on.

Used by the store's open, create and transaction paths and by the command line, so the same failure reads
the same everywhere: busy (another window or process), read-only folder, permission denied, disk full, a
file where a folder belongs (or the reverse), and real damage. Only damage advises restoring a backup:
telling someone whose store is merely busy or on a full disk to restore a backup would lose their newest work.

SQLite's own codes are not always specific enough (a full disk while opening shows up as "disk I/O error"
when the shared-memory file cannot grow, a read-only folder as "unable to open database file"); for those
the folder itself is examined (`diagnose`) to name the cause.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from casework.i18n import QT_TRANSLATE_NOOP
from storage.errors import (
    DiskFull,
    StorageFull,
    StoreBusy,
    StoreCorrupt,
    StorePermissionDenied,
    StoreReadOnly,
    StoreUnavailable,
    UserFacingError,
    WrongKindOfPath,
)
from storage.paths import StorePaths

# SQLite primary result codes (https://www.sqlite.org/rescode.html); extended codes carry them in the low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

LOW_SPACE_BYTES = 1 << 20
"""Less free space than this in the profile's folder counts as a full disk when SQLite is vague."""

NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
NO_PERMISSION = (errno.EACCES, errno.EPERM)


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a sqlite3/sqlcipher3 error, or None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_disk_full(exc: BaseException) -> bool:
    return sqlite_code(exc) == SQLITE_FULL or (isinstance(exc, OSError) and exc.errno in NO_SPACE)


def is_busy(exc: BaseException) -> bool:
    return sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)


OPEN_STORE = QT_TRANSLATE_NOOP("storage", "open the case store")
"""What "…so Casefile cannot ___" says by default (a Message, so a translation can say it too)."""


def user_error(exc: BaseException, data_dir: Path, *, doing: str = OPEN_STORE) -> UserFacingError | None:
    """The user-facing error for `exc`, or None when it is neither an OS nor a SQLite error this knows.

    `doing` completes "…so Casefile cannot ___" (e.g. "open the case store", "change the passphrase").
    A UserFacingError is returned unchanged.
    """
    if isinstance(exc, UserFacingError):
        return exc
    paths = StorePaths(Path(data_dir))
    code = sqlite_code(exc)
    if code is not None:
        return _from_sqlite(exc, code, paths, doing)
    if isinstance(exc, OSError):
        return _from_os(exc, paths, doing)
    return None


def translated(exc: BaseException, data_dir: Path, *, doing: str = OPEN_STORE) -> BaseException:
    """`user_error(exc)` when there is one, else `exc` itself: for `raise translated(exc, …) from exc`."""
    return user_error(exc, data_dir, doing=doing) or exc


def opening_error(exc: BaseException, paths: StorePaths) -> UserFacingError:
    """What a SQLite error (or the store's own StorageFull) while opening the store means; damage if unknown."""
    if isinstance(exc, StorageFull):
        return disk_full(paths.data_dir, OPEN_STORE)
    return user_error(exc, paths.data_dir) or damaged(paths, exc)


def check_data_dir(data_dir: Path, *, doing: str = OPEN_STORE) -> None:
    """Raise WrongKindOfPath when the profile folder, or a folder above it, is a file, and
    StorePermissionDenied when the folder may not be looked into (so "no store here" is never said of a
    store that is merely out of reach)."""
    data_dir = Path(data_dir)
    if (blocker := _file_in_the_way(data_dir)) is not None:
        raise not_a_folder(blocker)
    try:
        os.stat(StorePaths(data_dir).database)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as exc:
        if exc.errno in NO_PERMISSION:
            raise permission_denied(data_dir, doing) from None


def damaged(paths: StorePaths, exc: BaseException) -> StoreCorrupt:
    """Real damage: the only case whose advice is a backup."""
    return StoreCorrupt(QT_TRANSLATE_NOOP(
        "storage", "The case store {database} is damaged ({problem}). Nothing has been changed; restore it from a "
        "backup or ask office IT.").format(database=paths.database, problem=exc))


def _from_sqlite(exc: BaseException, code: int, paths: StorePaths, doing: str) -> UserFacingError | None:
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreBusy()
    if code == SQLITE_FULL:
        return disk_full(paths.data_dir, doing)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(paths, exc)
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_IOERR):
        found = diagnose(paths, doing)
        if found is not None:
            return found
        if code == SQLITE_READONLY:
            return StoreReadOnly(QT_TRANSLATE_NOOP(
                "storage", "The case store {database} cannot be written to ({problem}), so Casefile cannot {doing}. "
                "Nothing has been changed; check the folder's permissions or ask office IT.").format(
                database=paths.database, problem=exc, doing=doing))
        return StoreUnavailable(QT_TRANSLATE_NOOP(
            "storage", "Casefile cannot {doing}: the disk reported a problem with {database} ({problem}). Nothing "
            "has been changed; check the disk or ask office IT.").format(database=paths.database, problem=exc,
                                                                         doing=doing))
    return None


def _from_os(exc: OSError, paths: StorePaths, doing: str) -> UserFacingError:
    where = Path(exc.filename) if isinstance(exc.filename, str | os.PathLike) else paths.data_dir
    if exc.errno in NO_SPACE:
        return disk_full(paths.data_dir, doing)
    if exc.errno == errno.EROFS:
        return read_only(paths.data_dir, doing)
    if exc.errno in NO_PERMISSION:
        return permission_denied(where, doing)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and (blocker := _file_in_the_way(paths.data_dir)) is not None:
        return not_a_folder(blocker)
    if exc.errno == errno.EISDIR:
        return not_a_file(where, doing)
    return StoreUnavailable(QT_TRANSLATE_NOOP(
        "storage", "Casefile cannot {doing}: {problem} ({path}). Nothing has been changed.").format(
        doing=doing, problem=exc.strerror or type(exc).__name__, path=where))


def diagnose(paths: StorePaths, doing: str) -> UserFacingError | None:
    """Look at the profile's folder for the reason SQLite could not open or write the store, or None.

    Checks, in order: a file where the folder should be, a folder where a store file should be, whether a
    file can be created and written in the folder (read-only, permission, full), the free space, and whether
    the database file itself may be opened for writing.
    """
    if (blocker := _file_in_the_way(paths.data_dir)) is not None:
        return not_a_folder(blocker)
    for p in (paths.database, paths.key_file, *(paths.database.with_name(paths.database.name + s)
                                                  for s in ("-wal", "-shm", "-journal"))):
        if p.is_dir():
            return not_a_file(p, doing)
    if not paths.data_dir.is_dir():
        return None
    problem = _probe_write(paths.data_dir)
    if problem is not None:
        if problem.errno in (errno.EROFS, *NO_PERMISSION):  # no new file may be made here: read-only to us
            return read_only(paths.data_dir, doing)
        return user_error(OSError(problem.errno, problem.strerror), paths.data_dir, doing=doing)
    with contextlib.suppress(OSError):
        st = os.statvfs(paths.data_dir)
        if st.f_bavail * st.f_frsize < LOW_SPACE_BYTES:
            return disk_full(paths.data_dir, doing)
    for p in (paths.database, paths.key_file):
        try:
            os.close(os.open(p, os.O_RDWR))
        except FileNotFoundError:
            continue
        except OSError as exc:
            return user_error(exc, paths.data_dir, doing=doing)
    return None


def _probe_write(folder: Path) -> OSError | None:
    """Create, write and remove a small file in `folder`; the OSError that stopped it, or None."""
    probe = folder / f".casefile-probe-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    except OSError as exc:
        return exc
    try:
        os.write(fd, bytes(64 * 1024))  # a full disk still has room for an empty file's name
        os.fsync(fd)
    except OSError as exc:
        return exc
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)
    return None


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest of `folder` and its parents that exists as something other than a folder, if any."""
    for p in (folder, *folder.parents):
        try:
            st = os.stat(p)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return None  # cannot look: the open itself will say why
        return None if stat.S_ISDIR(st.st_mode) else p
    return None


def disk_full(data_dir: Path, doing: str) -> DiskFull:
    return DiskFull(QT_TRANSLATE_NOOP(
        "storage", "The disk holding {folder} is full, so Casefile cannot {doing}. Nothing has been changed; free "
        "some space and try again.").format(folder=data_dir, doing=doing))


def read_only(data_dir: Path, doing: str) -> StoreReadOnly:
    if doing.startswith("open"):
        return StoreReadOnly(QT_TRANSLATE_NOOP(
            "storage", "The profile folder {folder} is read-only, so Casefile cannot {doing} (it records each "
            "unlock there). Nothing has been changed; make the folder writable or ask office IT.").format(
            folder=data_dir, doing=doing))
    return StoreReadOnly(QT_TRANSLATE_NOOP(
        "storage", "The profile folder {folder} is read-only, so Casefile cannot {doing}. Nothing has been "
        "changed; make the folder writable or ask office IT.").format(folder=data_dir, doing=doing))


def permission_denied(path: Path, doing: str) -> StorePermissionDenied:
    return StorePermissionDenied(QT_TRANSLATE_NOOP(
        "storage", "Casefile is not allowed to use {path} (permission denied), so it cannot {doing}. Nothing has "
        "been changed; check the folder's owner and permissions or ask office IT.").format(path=path, doing=doing))


def not_a_folder(path: Path) -> WrongKindOfPath:
    return WrongKindOfPath(QT_TRANSLATE_NOOP(
        "storage", "{path} is a file, not a folder, so it cannot hold a Casefile profile. Nothing has been "
        "changed; give the profile's folder with --data-dir or CASEFILE_DATA_DIR.").format(path=path))


def not_a_file(path: Path, doing: str) -> WrongKindOfPath:
    return WrongKindOfPath(QT_TRANSLATE_NOOP(
        "storage", "{path} is a folder, not a file, so Casefile cannot {doing}. Nothing has been changed; move "
        "that folder away or ask office IT.").format(path=path, doing=doing))
