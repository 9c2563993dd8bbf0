"""The append-only, hash-chained audit log inside the encrypted store.

Each entry's hash covers its own fields and the hash of the entry before, so removing or editing an entry
breaks the chain from that point on. `verify_chain` walks it; sync to the office (a later issue) sends it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from storage.database import Connection

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    case_id: str | None
    detail: str
    prev_hash: str
    hash: str


def entry_hash(seq: int, at: str, actor: str, action: str, case_id: str | None, detail: str, prev: str) -> str:
    payload = json.dumps([seq, at, actor, action, case_id, detail, prev], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: Connection, actor: str, action: str, case_id: str | None = None, detail: str = "") -> AuditEntry:
    """Append one entry. Call inside the caller's transaction so the entry commits with the change it records."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    h = entry_hash(seq, at, actor, action, case_id, detail, prev)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
        (seq, at, actor, action, case_id, detail, prev, h),
    )
    return AuditEntry(seq, at, actor, action, case_id, detail, prev, h)


def entries(conn: Connection, case_id: str | None = None) -> list[AuditEntry]:
    sql = "SELECT seq, at, actor, action, case_id, detail, prev_hash, hash FROM audit_log"
    rows = conn.execute(sql + " WHERE case_id = ? ORDER BY seq", (case_id,)) if case_id else conn.execute(
        sql + " ORDER BY seq"
    )
    return [AuditEntry(*r) for r in rows]


def verify_chain(conn: Connection) -> int | None:
    """The seq of the first entry that breaks the chain, or None when the whole log is intact."""
    prev = GENESIS
    for e in entries(conn):
        if e.prev_hash != prev or entry_hash(e.seq, e.at, e.actor, e.action, e.case_id, e.detail, prev) != e.hash:
            return e.seq
        prev = e.hash
    return None
