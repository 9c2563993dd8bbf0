"""Encrypted backups of a profile: taken while it is open, checked after writing, restored without losing the
store they replace.

A backup is a folder `backups/<UTC time>-<reason>/` holding `casefile.db`, `casefile.keys` and a small
`manifest.json` (when, why, schema version, number of cases, SHA-256 of the database file; no case data).
The database is written by SQLite itself from one consistent snapshot that includes every commit still in the
-wal file (`VACUUM INTO`), encrypted with the store's own key — the key never has to leave SQLCipher — and
then checked by attaching it under that key: `integrity_check` and a count of its cases. Copying the files
by hand misses the saves still in -wal; this does not.

Taken before every migration, on demand (`casefile backup`, File ▸ Backups), and at most daily on unlock
when due; a restore keeps the store it replaces aside, whole. Retention (`Retention`, a setting in the
window) keeps the newest of each day for a week and of each week for a month by default; backups taken
before a migration, or by hand, are kept until there are five newer ones of that kind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import database, keyslot
from storage.atomic import fsync_dir
from storage.errors import Cancelled, TooManyAttempts, UserFacingError, WrongPassphrase
from storage.lockfile import ProfileLock
from storage.paths import StorePaths
from storage.throttle import ProfileLockedOut, UnlockThrottle

MANIFEST = "manifest.json"
FORMAT = "casefile.backup"
FORMAT_VERSION = 1
DAILY_DAYS = 7
WEEKLY_WEEKS = 4
KEEP_SPECIAL = 5
DAILY_RANGE = (1, 31)
WEEKLY_RANGE = (0, 26)
"""How far retention can be set: at least today's backup is kept; weekly ones for at most half a year."""
PROGRESS_STEPS = 100
"""SQLite VM steps between two looks at the cancel flag while the copy is written."""


@dataclass(frozen=True, slots=True)
class Retention:
    """How long scheduled backups are kept: the newest of each day for `daily_days` days, then the newest of
    each week for `weekly_weeks` weeks. Out-of-range values (a hand-edited settings file) are clamped here,
    where they are used, as well as where they are read."""

    daily_days: int = DAILY_DAYS
    weekly_weeks: int = WEEKLY_WEEKS

    def __post_init__(self) -> None:
        object.__setattr__(self, "daily_days", min(max(int(self.daily_days), DAILY_RANGE[0]), DAILY_RANGE[1]))
        object.__setattr__(self, "weekly_weeks", min(max(int(self.weekly_weeks), WEEKLY_RANGE[0]),
                                                     WEEKLY_RANGE[1]))


class BackupError(UserFacingError):
    title = "Backup"


@dataclass(frozen=True, slots=True)
class Backup:
    folder: Path
    taken_at: datetime
    reason: str
    schema_version: int
    cases: int
    db_sha256: str

    @property
    def name(self) -> str:
        return self.folder.name


def backups_dir(paths: StorePaths) -> Path:
    return paths.data_dir / "backups"


def create_backup(conn: database.Connection, paths: StorePaths, reason: str, *, dest: Path | None = None,
                  now: datetime | None = None, cancelled: Callable[[], bool] | None = None) -> Backup:
    """Write and check a backup of the open store `conn`; BackupError (nothing left behind) if either fails.

    `cancelled()` is polled while the copy is written (SQLite's progress handler): when it turns true the copy
    stops, the partial folder is removed and Cancelled is raised."""
    now = now or datetime.now(UTC)
    root = dest or backups_dir(paths)
    folder = root / f"{now:%Y%m%dT%H%M%S}.{now.microsecond // 1000:03d}Z-{reason}"
    tmp = root / f".{folder.name}.partial"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp.mkdir(mode=0o700)
        db = tmp / "casefile.db"
        if cancelled is not None:
            conn.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)
        try:
            conn.execute("VACUUM INTO ?", (str(db),))
        finally:
            if cancelled is not None:
                conn.set_progress_handler(None, 0)
        if cancelled is not None and cancelled():
            raise Cancelled()
        os.chmod(db, 0o600)
        shutil.copyfile(paths.key_file, tmp / "casefile.keys")
        os.chmod(tmp / "casefile.keys", 0o600)
        version, cases = _check(conn, db)
        backup = Backup(folder, now, reason, version, cases, _sha256(db))
        (tmp / MANIFEST).write_text(json.dumps(_manifest(backup), indent=2) + "\n", encoding="utf-8")
        os.chmod(tmp / MANIFEST, 0o600)
        for f in tmp.iterdir():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, folder)
        fsync_dir(root)
        return backup
    except Cancelled:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except (OSError, database.DatabaseError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if cancelled is not None and cancelled():
            raise Cancelled() from None  # the progress handler interrupted the copy
        raise BackupError(f"The backup could not be written to {root} ({exc}); the store is unchanged.") from None


def _check(conn: database.Connection, db: Path) -> tuple[int, int]:
    """Attach the new file under the store's own key (ATTACH without KEY uses it) and read it back."""
    conn.execute("ATTACH DATABASE ? AS backup_check", (str(db),))
    try:
        # quick_check reads every page (so SQLCipher checks each page's HMAC) and the structure of every
        # b-tree; a copy VACUUM just wrote has its indexes built afresh, which integrity_check would add.
        result = conn.execute("PRAGMA backup_check.quick_check").fetchone()[0]
        if result != "ok":
            raise database.DatabaseError(f"the written copy fails its integrity check: {result}")
        version = int(conn.execute("PRAGMA backup_check.user_version").fetchone()[0])
        cases = int(conn.execute("SELECT count(*) FROM backup_check.cases").fetchone()[0])
        return version, cases
    finally:
        conn.execute("DETACH DATABASE backup_check")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _manifest(b: Backup) -> dict[str, object]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "taken_at": b.taken_at.isoformat(),
            "reason": b.reason, "schema_version": b.schema_version, "cases": b.cases, "db_sha256": b.db_sha256}


def read_backup(folder: Path) -> Backup:
    """A backup folder's manifest, checked against its files; BackupError says what is wrong."""
    try:
        doc = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or doc.get("format_version") != FORMAT_VERSION:
            raise ValueError("not a Casefile backup manifest")
        backup = Backup(folder, datetime.fromisoformat(doc["taken_at"]), str(doc["reason"]),
                        int(doc["schema_version"]), int(doc["cases"]), str(doc["db_sha256"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"{folder} is not a readable Casefile backup ({exc}).") from None
    if not (folder / "casefile.keys").is_file():
        raise BackupError(f"The backup {folder.name} has no key file; it cannot be opened.")
    if _sha256(folder / "casefile.db") != backup.db_sha256:
        raise BackupError(f"The backup {folder.name} is damaged: its database no longer matches its checksum.")
    return backup


def list_backups(paths: StorePaths, root: Path | None = None) -> list[Backup]:
    """Every readable backup, newest first (damaged ones are skipped here; read_backup names the problem)."""
    root = root or backups_dir(paths)
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith("."):
            try:
                found.append(read_backup(folder))
            except BackupError:
                continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


@dataclass(frozen=True, slots=True)
class Listing:
    """A folder in backups/, as File ▸ Backups shows it: the backup when it reads and matches its checksum,
    else what is wrong with it; and its size on disk."""

    folder: Path
    backup: Backup | None
    problem: str
    size: int


def scan_backups(paths: StorePaths, root: Path | None = None) -> list[Listing]:
    """Every backup folder, newest first, each checked against its manifest's checksum (reads every byte:
    run it off the GUI thread). Damaged ones are listed with their problem rather than hidden."""
    root = root or backups_dir(paths)
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        try:
            found.append(Listing(folder, read_backup(folder), "", size))
        except BackupError as exc:
            found.append(Listing(folder, None, str(exc), size))
    return sorted(found, key=lambda item: item.folder.name, reverse=True)  # names start with the UTC time


def check_passphrase(paths: StorePaths, backup: Backup, passphrase: str) -> None:
    """Does `passphrase` open the backup's key file? The profile's lockout and wait apply, and a wrong one
    counts as a failed unlock (a restore is no way around the throttle). Raises BackupError when wrong."""
    throttle = UnlockThrottle(paths.throttle, mirror=paths.key_file)
    if throttle.locked_out():
        raise ProfileLockedOut()
    if (wait := throttle.seconds_left()) > 0:
        raise TooManyAttempts(wait)
    try:
        keyslot.read_key_file(backup.folder / "casefile.keys").unwrap(passphrase)
    except WrongPassphrase:
        throttle.record_failure()
        raise BackupError("That passphrase does not open this backup (it needs the passphrase in use when the "
                          "backup was taken); nothing was changed.") from None


def restore_closed(paths: StorePaths, backup: Backup) -> Path:
    """Restore `backup` while no window or process has the store open: takes the profile's lock for the
    swap (StoreBusy, nothing changed, when something holds it); returns the folder the replaced store is in."""
    lock = ProfileLock.acquire(paths, doing="restore a backup")
    try:
        return restore_backup(paths, backup.folder)
    finally:
        lock.release()


def restore_backup(paths: StorePaths, backup_folder: Path, *, now: datetime | None = None) -> Path:
    """Put a backup in place of the profile's store, which must be closed (hold its lock). The store it
    replaces is moved aside, whole, into `replaced-<time>/` in the data folder; returns that folder."""
    backup = read_backup(backup_folder)
    now = now or datetime.now(UTC)
    aside = paths.data_dir / f"replaced-{now:%Y%m%dT%H%M%S}Z"
    try:
        aside.mkdir(mode=0o700)
        for f in (paths.database, paths.key_file, *(paths.database.with_name(paths.database.name + s)
                                                     for s in ("-wal", "-shm"))):
            if f.exists():
                os.replace(f, aside / f.name)
        for name in ("casefile.db", "casefile.keys"):
            tmp = paths.data_dir / f".{name}.restoring"
            shutil.copyfile(backup.folder / name, tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, paths.data_dir / name)
        fsync_dir(paths.data_dir)
    except OSError as exc:
        raise BackupError(f"The restore stopped ({exc}). The store it was replacing is in {aside}; nothing was "
                          "deleted.") from None
    return aside


def due(backups: list[Backup], now: datetime, every: timedelta = timedelta(days=1)) -> bool:
    """Whether a scheduled backup is due: none taken on schedule within `every`."""
    scheduled = [b for b in backups if b.reason == "scheduled"]
    return not scheduled or now - max(b.taken_at for b in scheduled) >= every


def to_prune(backups: list[Backup], now: datetime, retention: Retention | None = None) -> list[Backup]:
    """Backups past retention: keep the newest of each of the last `daily_days` days and of each of the last
    `weekly_weeks` weeks, and the KEEP_SPECIAL newest of every other reason (before-migration, before-restore,
    manual)."""
    retention = retention or Retention()
    keep: set[Path] = set()
    by_reason: dict[str, list[Backup]] = {}
    for b in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        by_reason.setdefault(b.reason, []).append(b)
    scheduled = by_reason.pop("scheduled", [])
    days: set[object] = set()
    weeks: set[object] = set()
    for b in scheduled:
        age = now - b.taken_at
        day, week = b.taken_at.date(), b.taken_at.isocalendar()[:2]
        if (now.date() - day).days < retention.daily_days and day not in days:  # today and the days before
            days.add(day)
            weeks.add(week)  # a week with a daily backup kept needs no other
            keep.add(b.folder)
        elif age < timedelta(weeks=retention.weekly_weeks) and week not in weeks:
            weeks.add(week)
            keep.add(b.folder)
    for items in by_reason.values():
        keep.update(b.folder for b in items[:KEEP_SPECIAL])
    return [b for b in backups if b.folder not in keep]


def prune(backups: list[Backup], now: datetime, retention: Retention | None = None) -> list[Backup]:
    removed = to_prune(backups, now, retention)
    for b in removed:
        shutil.rmtree(b.folder, ignore_errors=True)
    return removed
