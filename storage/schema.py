"""Numbered migrations on PRAGMA user_version, one transaction per file.

Each `storage/migrations/NNNN_name.sql` whose number is above the stored version is applied in order, and the
version is bumped inside the same transaction, so a failed migration leaves the file exactly as it was.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources

from storage.database import Connection, DatabaseError, complete_statement
from storage.errors import DatabaseTooNew, DatabaseTooOld, MigrationFailed

log = logging.getLogger(__name__)

SCHEMA_MIN_VERSION = 1
"""Oldest store this program can still upgrade."""
SCHEMA_VERSION = 16
"""The version this program writes; equals the highest migration number (a test checks)."""


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    purpose: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        m = re.match(r"^(\d{4})_(\w+)\.sql$", entry.name)
        if m:
            sql = entry.read_text(encoding="utf-8")
            first = sql.splitlines()[0] if sql else ""
            purpose = first.removeprefix("-- purpose:").strip() if first.startswith("-- purpose:") else m[2]
            found.append(Migration(int(m[1]), m[2], purpose, sql))
    return sorted(found, key=lambda mig: mig.number)


def user_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: Connection, path: object) -> int:
    """Refuse, in plain words, a store this program cannot open; return its version."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"The case store {path} was written by a newer version of Casefile (schema {version}; this "
            f"version knows up to {SCHEMA_VERSION}). Update Casefile to open it; nothing has been changed."
        )
    if 0 < version < SCHEMA_MIN_VERSION:
        raise DatabaseTooOld(
            f"The case store {path} uses schema {version}, older than this version of Casefile can upgrade "
            f"(oldest: {SCHEMA_MIN_VERSION}). Open it with an earlier release first."
        )
    return version


def migrate(conn: Connection, path: object = "the store") -> int:
    """Bring the store up to SCHEMA_VERSION; return how many migrations ran."""
    current = check_version(conn, path)
    ran = 0
    for mig in migrations():
        if mig.number <= current:
            continue
        log.info("applying migration %04d: %s", mig.number, mig.purpose)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(mig.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {mig.number}")
            conn.execute("COMMIT")
        except DatabaseError as exc:
            conn.execute("ROLLBACK")
            raise MigrationFailed(
                f"Upgrading the case store {path} to schema {mig.number} ({mig.purpose}) failed: {exc}. "
                "The store was left as it was."
            ) from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran += 1
    return ran


def _statements(sql: str) -> list[str]:
    """Split a migration into statements: at each semicolon that ends a complete statement (so a trigger's
    BEGIN … END stays whole; our migrations hold no semicolons inside literals)."""
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    out, pending = [], ""
    for piece in body.split(";"):
        pending += piece + ";"
        if complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip().removesuffix(";").strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip().removesuffix(";").strip())
    return out
