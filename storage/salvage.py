"""Salvage: copy every case and revision that can still be read from a damaged store into a new one.

The damaged store is only read (it stays exactly as it was, for office IT or a later, better tool). The new
store gets the same passphrase, officer, role and signing key — so memos printed from the old store still
verify against the revisions that came across, and by their print records, which come across too — the
attachments the cases cite, and the old store's audit log — every entry that still reads and chains from the
first, with its original seq, time and hashes — followed by an entry saying what was salvaged and what was not.

When the -wal file is damaged (storage.wal), SQLite reads only the frames before the damage. Salvage also
reads a repaired copy whose later frames SQLite replays (storage.wal.repaired_copy: salts and checksums
recomputed, nothing else changed; every page read is still authenticated by SQLCipher's HMAC), so the saves
after the damaged frame come across too; whatever the copy cannot read is taken from the store as SQLite
sees it.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from casework.body import load_body
from storage import audit, database, keyslot, wal
from storage.store import CaseStore, _transaction


@dataclass(frozen=True, slots=True)
class SalvageReport:
    target: Path
    cases: int
    revisions: int
    unreadable: tuple[str, ...]
    """One line per case or revision that could not be read, naming it (never its content)."""


class _Source(Protocol):
    """Something salvage reads from: the damaged store, or a repaired copy of it."""

    @property
    def conn(self) -> database.Connection: ...

    def reconnect(self) -> database.Connection: ...


class _CopyReader:
    """Read-only connections to a repaired copy, renewed after each failed read (as CaseStore.reconnect)."""

    def __init__(self, connect: Callable[[], database.Connection]) -> None:
        self._connect = connect
        self._conn = connect()

    @property
    def conn(self) -> database.Connection:
        return self._conn

    def reconnect(self) -> database.Connection:
        with contextlib.suppress(Exception):
            self._conn.close()
        self._conn = self._connect()
        return self._conn

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()


def salvage(source: CaseStore, target_dir: Path, passphrase: str) -> SalvageReport:
    """Copy what `source` (opened, typically read-only because damaged) can still read into a new store."""
    with tempfile.TemporaryDirectory(prefix=".casefile-salvage-", dir=Path(target_dir).absolute().parent) as tmp:
        readers: list[_Source] = [source]
        copy: _CopyReader | None = None
        if source.damage is not None and source.damage.wal is not None:
            db = source.paths.database
            repaired = wal.repaired_copy(db, db.with_name(db.name + "-wal"), Path(tmp))
            if repaired is not None:
                copy = _CopyReader(lambda: source.connect_copy(repaired))
                readers.insert(0, copy)  # the newer saves first; the store as SQLite sees it fills the gaps
        try:
            return _salvage(source, readers, target_dir, passphrase, repaired=copy is not None)
        finally:
            if copy is not None:
                copy.close()


def _salvage(source: CaseStore, readers: list[_Source], target_dir: Path, passphrase: str, *,
             repaired: bool) -> SalvageReport:
    unreadable: list[str] = []
    if source.damage is not None and source.damage.wal is not None:
        found = source.damage.wal
        unreadable.append(f"the -wal file is damaged at frame {found.first_bad} of {found.frames}: salvage read "
                          "past it; what was stored only in that frame is lost" if repaired else found.describe())
    ids: list[str] = []
    listed, failure = False, ""
    for reader in readers:
        try:
            ids += [r[0] for r in reader.conn.execute("SELECT id FROM cases") if r[0] not in ids]
            listed = True
        except database.DatabaseError as exc:
            reader.reconnect()
            failure = f"the case list itself ({exc})"
    if not listed:
        unreadable.append(failure)
    target = CaseStore.create(target_dir, passphrase, source.officer, role=source.role,
                              kdf=keyslot.FIPS_KDF if source.fips_key_slots else None,
                              recovery_key=source.recovery_public_key)  # same office recovery key, same FIPS-ness
    cases = revisions = 0
    copied: list[str] = []
    try:
        tconn = target.conn
        with _transaction(tconn):
            key = _first(readers, "SELECT signing_key FROM profile WHERE id = 1")
            if key is not None and key[0] is not None:  # memos printed from the old store still verify
                tconn.execute("UPDATE profile SET signing_key = ? WHERE id = 1", (key[0],))
            exchange = _first(readers, "SELECT exchange_key FROM profile WHERE id = 1")
            if exchange is not None and exchange[0] is not None:  # the office's keys are wrapped to it
                tconn.execute("UPDATE profile SET exchange_key = ? WHERE id = 1", (exchange[0],))
            columns = _columns(readers, "cases")
            for case_id in ids:
                readable = _readable_revisions(readers, case_id, unreadable)
                rows = [dict(zip(columns, r, strict=True)) for reader in readers
                        if (r := _read(reader, "SELECT * FROM cases WHERE id = ?", (case_id,))) is not None
                        and _decodes(r[columns.index("body")])]
                row = max(rows, key=lambda r: int(str(r["revision"])), default=None)
                if row is None:
                    unreadable.append(f"case {case_id}: its current version")
                if readable and (row is None or readable[-1][0] > int(str(row["revision"]))):
                    row = _row_from_revision(target, *readable[-1])  # the newest revision that still reads
                if row is None:
                    continue
                row["revision_open"] = 0
                tconn.execute(f"INSERT INTO cases ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                              list(row.values()))
                if not any(n == row["revision"] for n, _at, _body in readable):
                    readable.append((int(str(row["revision"])), str(row["updated_at"]), str(row["body"])))
                for n, saved_at, body in readable:
                    tconn.execute("INSERT INTO case_revisions (case_id, revision, saved_at, body) VALUES (?,?,?,?)",
                                  (case_id, n, saved_at, body))
                revisions += len(readable)
                cases += 1
                copied.append(case_id)
            # a damaged source is read unmigrated, its search keys maybe older: rebuilt from the bodies at first open
            tconn.execute("INSERT OR IGNORE INTO search_backfill (id) VALUES (1)")
            prints = _copy_rows(readers, tconn, "memo_prints", "case_id", copied, "memo print records", unreadable)
            blobs = _copy_attachments(readers, tconn, unreadable)
            for table in _OFFICE_TABLES:  # the office link, its keys and member lists, deletions not yet pushed, the
                # records a pull refused (read again at each sync: the cursor has passed them)
                _copy_table(readers, tconn, table, unreadable)
            for table in _OFFICE_CASE_TABLES:  # where each case stands with the office, open conflicts, notices
                if _has_table(readers, table):
                    _copy_rows(readers, tconn, table, "case_id", copied, table.replace("_", " "), unreadable)
            behind = tconn.execute(  # salvaged below the revision last in step with the office: its newer copy
                "UPDATE sync_state SET office_rev = 0, synced_revision = (SELECT revision FROM cases c WHERE "
                "c.id = sync_state.case_id) WHERE synced_revision > (SELECT revision FROM cases c WHERE "
                "c.id = sync_state.case_id)").rowcount
            if behind:  # is read again and taken as it stands, never pushed over with the older text
                tconn.execute("UPDATE office_link SET cursor = 0")
            numbers = [int(str(got[0])) for reader in readers
                       if (got := _read(reader, "SELECT next_sequence FROM profile WHERE id = 1", ())) is not None]
            if numbers:  # the highest, so no case number is ever given twice
                tconn.execute("UPDATE profile SET next_sequence = ? WHERE id = 1", (max(numbers),))
            carried = _carry_audit_log(readers, tconn, unreadable)
            audit.append(tconn, source.officer.officer_id, "store_salvaged", None,
                         f"from {source.paths.database}: {cases} cases, {revisions} revisions, {prints} print "
                         f"records, {blobs} attachments, {carried} audit entries, {len(unreadable)} unreadable")
    except BaseException:
        target.close()
        raise
    target.close()
    return SalvageReport(target.paths.data_dir, cases, revisions, tuple(unreadable))


def _carry_audit_log(readers: list[_Source], tconn: database.Connection, unreadable: list[str]) -> int:
    """The old store's audit history, so the salvaged store's log still shows who did what before the damage:
    the longest prefix any reader has that chains from the first entry (storage.audit.verified_prefix) becomes
    the new store's log, its head signed with the profile's key (the old one, copied just before). Entries
    past the first one that no longer reads or chains are named; they stay in the damaged store, untouched."""
    best: list[audit.AuditEntry] = []
    listed = 0
    for reader in readers:
        found: list[audit.AuditEntry] = []
        try:
            cursor = reader.conn.execute("SELECT * FROM audit_log ORDER BY seq")
            names = [d[0] for d in cursor.description]
            for row in cursor:  # a damaged page ends the read: the entries before it still count
                values = dict(zip(names, row, strict=True))
                found.append(audit.AuditEntry(
                    int(values["seq"]), str(values["at"]), str(values["actor"]), str(values["action"]),
                    None if values["case_id"] is None else str(values["case_id"]), str(values["detail"]),
                    str(values["prev_hash"]), str(values["hash"]), str(values.get("device") or ""),
                    str(values.get("digest") or "")))
        except database.DatabaseError:
            reader.reconnect()
        listed = max(listed, max((e.seq for e in found), default=0))
        for sql in ("SELECT max(seq) FROM audit_log", "SELECT seq FROM audit_head WHERE id = 1"):
            # how long the log is, even when a damaged page ended the read above before its end
            if (got := _read(reader, sql, ())) is not None and got[0] is not None:
                listed = max(listed, int(str(got[0])))
        prefix = audit.verified_prefix(found)
        if len(prefix) > len(best):
            best = prefix
    if len(best) < listed or not best:
        first = len(best) + 1
        unreadable.append(f"the audit log from entry {first} on: it no longer reads or chains (the damaged store "
                          "keeps it as it was)" if listed else "the audit log")
    if best:
        audit.adopt(tconn, best)
    return len(best)


def _columns(readers: list[_Source], table: str) -> list[str]:
    for reader in readers:
        try:
            return [d[0] for d in reader.conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        except database.DatabaseError:
            reader.reconnect()
    raise database.DatabaseError(f"the {table} table cannot be read in any copy of the store")


_OFFICE_TABLES = ("office_link", "office_keys", "office_rosters", "case_tombstones", "sync_refused")
_OFFICE_CASE_TABLES = ("sync_state", "sync_conflicts", "decision_notices")
"""Without these a salvaged laptop would lose its office membership, push every case as new against an empty
base (a storm of false conflicts) and bring deleted drafts back from the office."""


def _has_table(readers: list[_Source], table: str) -> bool:
    """Whether the source's schema has `table` at all (a damaged store is read unmigrated, maybe older)."""
    return any(_read(reader, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)) is not None
               for reader in readers)


def _copy_table(readers: list[_Source], tconn: database.Connection, table: str, unreadable: list[str]) -> int:
    """Every row of `table` from the first reader that reads it whole; named as unreadable otherwise."""
    if not _has_table(readers, table):
        return 0
    for reader in readers:
        try:
            cursor = reader.conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except database.DatabaseError:
            reader.reconnect()
            continue
        insert = f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        for row in rows:
            tconn.execute(insert, tuple(row))
        return len(rows)
    unreadable.append(f"the {table.replace('_', ' ')} table")
    return 0


def _copy_rows(readers: list[_Source], tconn: database.Connection, table: str, key: str, keys: list[str],
               what: str, unreadable: list[str]) -> int:
    """The rows of `table` whose `key` is one of `keys`, from the first reader that reads them (a print record
    keeps a printed draft undeletable and old memos verifying page by page). Names what could not be read."""
    try:
        columns = _columns(readers, table)
    except database.DatabaseError:
        unreadable.append(f"the {table} table")
        return 0
    insert = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    copied = 0
    for value in keys:
        for reader in readers:
            try:
                rows = reader.conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (value,)).fetchall()
            except database.DatabaseError:
                reader.reconnect()
                continue
            for row in rows:
                copied += tconn.execute(insert, tuple(row)).rowcount
            break
        else:
            unreadable.append(f"case {value}: its {what}")
    return copied


def _copy_attachments(readers: list[_Source], tconn: database.Connection, unreadable: list[str]) -> int:
    """Every attachment's content that still reads and still matches its SHA-256 (storage.attachments), from
    the first reader that has it whole: the salvaged cases and revisions cite them by hash. One that none
    has whole is named by its hash."""
    from storage import attachments
    from storage.errors import StoreCorrupt

    hashes: list[str] = []
    listed = False
    for reader in readers:
        try:
            hashes += [r[0] for r in reader.conn.execute("SELECT sha256 FROM attachment_blobs") if r[0] not in hashes]
            listed = True
        except database.DatabaseError:
            reader.reconnect()
    if not listed:
        unreadable.append("the attachments' list")
        return 0
    copied = 0
    for sha in hashes:
        for reader in readers:
            try:
                data = attachments.get_blob(reader.conn, sha)
            except attachments.AttachmentMissing:
                continue
            except (database.DatabaseError, StoreCorrupt):
                reader.reconnect()
                continue
            attachments.put_blob(tconn, data)
            copied += 1
            break
        else:
            unreadable.append(f"attachment {sha}")
    return copied


def _decodes(body: object) -> bool:
    try:
        load_body(str(body))
    except (ValueError, TypeError):
        return False
    return True


def _row_from_revision(target: CaseStore, revision: int, saved_at: str, body: str) -> dict[str, object]:
    """A cases row rebuilt from a revision's body, when the current row is lost."""
    from storage.store import _row

    case = load_body(body)
    values = _row(case)
    names = ["id", "case_number", "revision", "status", "family_name", "given_names", "a_number", "aliases",
             "created_at", "updated_at", "body", "search_text"]
    row = dict(zip(names, values, strict=True))
    row["body"], row["revision"], row["updated_at"] = body, revision, saved_at
    return row


def _read(source: _Source, sql: str, args: tuple[object, ...]) -> tuple[object, ...] | None:
    """One row, or None when it cannot be read (then a fresh connection for the next read: see reconnect)."""
    try:
        row = source.conn.execute(sql, args).fetchone()
    except database.DatabaseError:
        source.reconnect()
        return None
    return tuple(row) if row is not None else None


def _first(readers: list[_Source], sql: str) -> tuple[object, ...] | None:
    for reader in readers:
        if (row := _read(reader, sql, ())) is not None:
            return row
    return None


def _readable_revisions(readers: list[_Source], case_id: str, unreadable: list[str]) -> list[tuple[int, str, str]]:
    """(revision, saved_at, body) of every revision of the case that can still be read and decoded from any
    reader (the first reader's wins), oldest first; the ones none can read are named."""
    kept: dict[int, tuple[str, str]] = {}
    numbers: set[int] = set()
    listed = False
    for reader in readers:
        try:
            found = [int(r[0]) for r in reader.conn.execute(
                "SELECT revision FROM case_revisions WHERE case_id = ? ORDER BY revision", (case_id,))]
            listed = True
        except database.DatabaseError:
            reader.reconnect()
            continue
        numbers.update(found)
        for n in found:
            if n in kept:
                continue
            row = _read(reader, "SELECT saved_at, body FROM case_revisions WHERE case_id = ? AND revision = ?",
                        (case_id, n))
            if row is not None and _decodes(row[1]):
                kept[n] = (str(row[0]), str(row[1]))
    if not listed:
        unreadable.append(f"case {case_id}: its list of revisions")
    unreadable += [f"case {case_id}: revision {n}" for n in sorted(numbers - kept.keys())]
    return [(n, *kept[n]) for n in sorted(kept)]
