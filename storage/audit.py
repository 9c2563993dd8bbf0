"""The append-only, hash-chained audit log inside the encrypted store, with a signed chain head.

Each entry's hash covers its own fields and the hash of the entry before, so editing or removing an entry
breaks the chain from that point on. That alone does not catch someone who rewrites the rows and recomputes
every hash, or who deletes the newest entries: so every append also signs the chain head (the last sequence
number and hash) with the profile's Ed25519 key, in the same transaction. `verify_chain` checks both and
names the first entry at fault. Entries hold what happened, never case text: the action, the case id, the
revision and which fields changed, and the SHA-256 of the record written.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import platform
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import signing
from storage.database import Connection

GENESIS = "0" * 64
ALTERED = "audit_log_altered"
"""The entry Casefile writes when it finds the log changed behind its back before appending to it."""
HEAD_MESSAGE = "casefile-audit-head-v1|{seq}|{hash}"


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
    device: str = ""
    digest: str = ""


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """What `verify_chain` found: `first_bad` is the seq of the first entry at fault (None when intact)."""

    ok: bool
    first_bad: int | None
    message: str
    entries: int = 0


def entry_hash(seq: int, at: str, actor: str, action: str, case_id: str | None, detail: str, prev: str,
               device: str = "", digest: str = "") -> str:
    fields: list[object] = [seq, at, actor, action, case_id, detail, prev]
    if device or digest:  # entries written before migration 0008 have neither, and keep their original hash
        fields += [device, digest]
    return _sha256(_encode(fields).encode("utf-8")).hexdigest()


_encode = json.JSONEncoder(ensure_ascii=False).encode
"""json.dumps(…, ensure_ascii=False) byte for byte, without building an encoder per entry (verify hashes
100,000 entries in one pass: bench.trust)."""
_sha256 = hashlib.sha256


def _timestamp() -> str:
    """UTC with its offset, to 1/100 s: 2026-11-25T21:40:01.23+00:00."""
    now = datetime.now(UTC)
    return f"{now:%Y-%m-%dT%H:%M:%S}.{now.microsecond // 10_000:02d}+00:00"


DEVICE = platform.node()[:64]
"""The machine an entry was written on (its host name: no case data)."""


def append(conn: Connection, actor: str, action: str, case_id: str | None = None, detail: str = "", *,
           digest: str = "") -> AuditEntry:
    """Append one entry and re-sign the chain head. Call inside the caller's transaction, so the entry and the
    head commit with the change they record."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    head = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    deferred = _DEFERRED.get(id(conn))
    if head is not None and (row is None or tuple(head) != tuple(row)) and action != ALTERED and not deferred:
        # Someone changed the log outside Casefile since the head was signed. Signing the new head would hide
        # that, so it is written into the log first, where it stays.
        last = f"it now ends at entry {row[0]}" if row else "it is now empty"
        append(conn, actor, ALTERED, None, f"the signed head was entry {head[0]}; {last}")
        row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = _timestamp()
    h = entry_hash(seq, at, actor, action, case_id, detail, prev, DEVICE, digest)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, device, digest)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, actor, action, case_id, detail, prev, h, DEVICE, digest),
    )
    if deferred is None:
        _sign_head(conn, seq, h, signing.profile_key(conn))
    else:
        _DEFERRED[id(conn)] = True  # checked once; the head is signed when the batch ends
    return AuditEntry(seq, at, actor, action, case_id, detail, prev, h, DEVICE, digest)


def append_many(conn: Connection, actor: str, items: list[tuple[str, str | None, str, str]]) -> None:
    """Append (action, case_id, detail, digest) entries in order, as `append` one by one would — the same chain,
    the same check of the signed head before the first — with one INSERT for all (a sync page: the statements,
    not the hashing, were the cost). Call inside the caller's transaction."""
    if not items:
        return
    first_action, first_case, first_detail, first_digest = items[0]
    entry = append(conn, actor, first_action, first_case, first_detail, digest=first_digest)
    seq, prev = entry.seq, entry.hash
    rows = []
    for action, case_id, detail, digest in items[1:]:
        seq += 1
        at = _timestamp()
        h = entry_hash(seq, at, actor, action, case_id, detail, prev, DEVICE, digest)
        rows.append((seq, at, actor, action, case_id, detail, prev, h, DEVICE, digest))
        prev = h
    if not rows:
        return
    conn.executemany("INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, device, digest)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    if _DEFERRED.get(id(conn)) is None:
        _sign_head(conn, seq, prev, signing.profile_key(conn))


_DEFERRED: dict[int, bool] = {}
"""Connections (by id) inside deferred_head → whether the block's first append already checked the head."""


@contextlib.contextmanager
def deferred_head(conn: Connection) -> Iterator[None]:
    """Many entries in one transaction (a sync batch), the chain head signed once at the end instead of after
    each — it still commits with the entries it covers. The first append checks the head as usual."""
    if id(conn) in _DEFERRED:
        yield
        return
    _DEFERRED[id(conn)] = False
    try:
        yield
    finally:
        used = _DEFERRED.pop(id(conn), False)
    if used:
        row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        if row is not None:
            _sign_head(conn, row[0], row[1], signing.profile_key(conn))


def _sign_head(conn: Connection, seq: int, h: str, key: Ed25519PrivateKey) -> None:
    signature = base64.b64encode(key.sign(HEAD_MESSAGE.format(seq=seq, hash=h).encode())).decode()
    conn.execute("INSERT INTO audit_head (id, seq, hash, signature) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                 " SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature", (seq, h, signature))


_COLUMNS = "seq, at, actor, action, case_id, detail, prev_hash, hash, device, digest"


def entries(conn: Connection, case_id: str | None = None) -> list[AuditEntry]:
    sql = f"SELECT {_COLUMNS} FROM audit_log"
    rows = conn.execute(sql + " WHERE case_id = ? ORDER BY seq", (case_id,)) if case_id else conn.execute(
        sql + " ORDER BY seq"
    )
    return [AuditEntry(*r) for r in rows]


def verify_chain(conn: Connection, *, since: tuple[int, str] | None = None) -> ChainCheck:
    """Walk the chain (from `since` = (seq, hash) of an entry already verified, or from the start) and check
    the signed head. Never raises for a bad log: it reports."""
    start_seq, prev = since if since else (0, GENESIS)
    if since:
        row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (start_seq,)).fetchone()
        if row is None or row[0] != prev:
            return ChainCheck(False, start_seq, f"audit entry {start_seq}, verified before, was changed or removed")
    count, expected_seq = 0, start_seq + 1
    last = (start_seq, prev)
    # One pass over plain rows (no objects per entry): 100,000 entries are checked in well under a second.
    rows = conn.execute(f"SELECT {_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq", (start_seq,))
    for seq, at, actor, action, case_id, detail, prev_hash, h, device, digest in rows:
        if seq != expected_seq:
            return ChainCheck(False, expected_seq, f"audit entry {expected_seq} is missing", count)
        if prev_hash != prev or entry_hash(seq, at, actor, action, case_id, detail, prev, device, digest) != h:
            return ChainCheck(False, seq, f"audit entry {seq} ({action}) was changed", count)
        prev, expected_seq, count = h, seq + 1, count + 1
    if count:
        last = (expected_seq - 1, prev)
    head = conn.execute("SELECT seq, hash, signature FROM audit_head WHERE id = 1").fetchone()
    if head is None:
        if last[0] == 0:
            return ChainCheck(False, 1, "the audit log is empty: every store has at least its creation entry", count)
        return ChainCheck(False, last[0], "the audit log's signed head is missing", count)
    head_seq, head_hash, signature = head
    try:
        signing.profile_public_key(conn).verify(base64.b64decode(signature),
                                                HEAD_MESSAGE.format(seq=head_seq, hash=head_hash).encode())
    except (InvalidSignature, ValueError):
        return ChainCheck(False, head_seq, "the audit log's head signature is not valid: the log was rewritten",
                          count)
    if head_seq > last[0]:
        return ChainCheck(False, last[0] + 1, f"audit entries {last[0] + 1}–{head_seq} were removed", count)
    if head_seq < last[0]:
        return ChainCheck(False, head_seq + 1, f"audit entries after {head_seq} were added without the profile's "
                          "key", count)
    if head_hash != last[1]:
        return ChainCheck(False, head_seq, f"the audit log up to entry {head_seq} was rewritten: its hashes no "
                          "longer match the signed head", count)
    return ChainCheck(True, None, f"the audit log is intact ({last[0]} entries)", count)


def verified_prefix(found: list[AuditEntry]) -> list[AuditEntry]:
    """The longest run of `found` (in seq order) that chains from the start: entry 1 on the genesis hash, each
    next entry on the one before, every hash recomputed. Salvage carries exactly this much of a damaged log."""
    kept: list[AuditEntry] = []
    prev = GENESIS
    for e in found:
        if e.seq != len(kept) + 1 or e.prev_hash != prev or entry_hash(
                e.seq, e.at, e.actor, e.action, e.case_id, e.detail, prev, e.device, e.digest) != e.hash:
            break
        kept.append(e)
        prev = e.hash
    return kept


def adopt(conn: Connection, carried: list[AuditEntry]) -> None:
    """Make `carried` (a verified prefix of another store's log: salvage) this store's log, replacing what it
    has, and sign its head with this profile's key, in the caller's transaction. The entries keep their seq,
    time and hashes, so the history of the store they came from reads on unchanged and the next append chains
    onto it."""
    if not carried or verified_prefix(carried) != carried:
        raise ValueError("only a log that chains from its first entry can be adopted")
    conn.execute("DELETE FROM audit_log")
    conn.execute("DELETE FROM audit_checkpoint")
    conn.executemany(
        "INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, device, digest)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(e.seq, e.at, e.actor, e.action, e.case_id, e.detail, e.prev_hash, e.hash, e.device, e.digest)
         for e in carried])
    _sign_head(conn, carried[-1].seq, carried[-1].hash, signing.profile_key(conn))


def seal_existing_head(conn: Connection) -> None:
    """Sign the head of a log written before heads were signed (stores older than migration 0006): trust on
    first open after the upgrade, so an upgraded store is not reported as tampered with."""
    if conn.execute("SELECT 1 FROM audit_head WHERE id = 1").fetchone() is not None:
        return
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if row is not None:
        _sign_head(conn, row[0], row[1], signing.profile_key(conn))
