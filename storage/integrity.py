"""Is the store whole? SQLCipher's page authentication, SQLite's own structure check, and every case body.

Run after an unclean exit (the open-marker file was left behind) and by `casefile doctor`, before anything
can write: the -wal file's frames first (storage.wal: committed saves SQLite's recovery would silently drop),
then the store on read-only connections. A store that fails
is opened read-only (nothing more is written into damage) and `casefile salvage` copies what can still be
read into a new store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from casework.body import load_body
from storage import wal
from storage.database import Connection, DatabaseError, connect
from storage.paths import StorePaths

MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    problems: tuple[str, ...] = ()
    unreadable_cases: tuple[str, ...] = field(default=())
    wal: wal.WalScan | None = None
    """Set when the -wal file holds committed saves SQLite cannot replay (the first problem says so)."""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unreadable_cases

    def summary(self) -> str:
        parts = list(self.problems[:3])
        if self.unreadable_cases:
            parts.append(f"{len(self.unreadable_cases)} case(s) cannot be read")
        more = len(self.problems) - 3
        return "; ".join(parts) + (f"; and {more} more problem(s)" if more > 0 else "")


def check_store(conn: Connection, reconnect: Callable[[], Connection] | None = None) -> IntegrityReport:
    """Every page's HMAC (cipher_integrity_check), the b-trees (integrity_check), and every case body read: as
    JSON in one scan when the pages are whole, else case by case, each decoded, to name the unreadable ones.

    SQLCipher refuses every read on a connection once a page failed its check: `reconnect` gives a fresh one
    (and this closes the connections it made), so one damaged case does not hide all the ones after it.
    """
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchmany(MAX_REPORTED)]
    except DatabaseError as exc:
        problems.append(f"page check stopped: {exc}")
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchmany(MAX_REPORTED)
        if [tuple(r) for r in rows] != [("ok",)]:
            problems += [str(r[0]) for r in rows]
    except DatabaseError as exc:
        problems.append(f"structure check stopped: {exc}")
    if not problems:
        # Every page is authentic and the structure whole, so every body reads: one scan, each body checked
        # as JSON by SQLite itself (decoding 10,000 cases one by one took seconds; bench.trust).
        try:
            bad = [r[0] for r in conn.execute("SELECT id FROM cases WHERE NOT json_valid(body)")]
        except DatabaseError as exc:
            return IntegrityReport((f"the cases cannot be read: {exc}",))
        return IntegrityReport((), tuple(bad))
    unreadable: list[str] = []
    fresh = reconnect() if reconnect else None
    reader = fresh or conn
    try:
        ids = [r[0] for r in reader.execute("SELECT id FROM cases")]
    except DatabaseError as exc:
        if fresh is not None:
            fresh.close()
        return IntegrityReport((*problems, f"the case list cannot be read: {exc}"))
    for case_id in ids:  # around the damage: case by case, each decoded, a fresh connection after a failure
        try:
            row = reader.execute("SELECT body FROM cases WHERE id = ?", (case_id,)).fetchone()
            load_body(row[0])
        except (DatabaseError, ValueError, TypeError) as exc:
            unreadable.append(case_id)
            if isinstance(exc, DatabaseError) and reconnect is not None:
                if fresh is not None:
                    fresh.close()
                fresh = reader = reconnect()
    if fresh is not None:
        fresh.close()
    return IntegrityReport(tuple(problems), tuple(unreadable))


def check_before_open(paths: StorePaths, key: bytes) -> IntegrityReport:
    """The whole check, before the store is opened for writing: the -wal file's frames (read directly, since
    SQLite's recovery would drop saves after a damaged frame without a word and the next write would overwrite
    them), then `check_store` on read-only connections (which cannot checkpoint into damage)."""
    found = wal.scan(paths.database.with_name(paths.database.name + "-wal"))
    conn = connect(paths.database, key, read_only=True)
    try:
        report = check_store(conn, lambda: connect(paths.database, key, read_only=True))
    finally:
        conn.close()
    if found is not None and found.damaged:
        return IntegrityReport((found.describe(), *report.problems), report.unreadable_cases, found)
    return report
