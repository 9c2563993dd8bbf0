"""Salvage: copy every case and revision that can still be read from a damaged store into a new one.

The damaged store is only read (it stays exactly as it was, for office IT or a later, better tool). The new
store gets the same passphrase, officer, role and signing key — so memos printed from the old store still
verify against the revisions that came across, and by their print records, which come across too — and an
audit log that starts with what was salvaged and
what was not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casework.body import load_body
from storage import audit, database, keyslot
from storage.store import CaseStore, _transaction


@dataclass(frozen=True, slots=True)
class SalvageReport:
    target: Path
    cases: int
    revisions: int
    unreadable: tuple[str, ...]
    """One line per case or revision that could not be read, naming it (never its content)."""


def salvage(source: CaseStore, target_dir: Path, passphrase: str) -> SalvageReport:
    """Copy what `source` (opened, typically read-only because damaged) can still read into a new store."""
    unreadable: list[str] = []
    if source.damage is not None and source.damage.wal is not None:  # saves SQLite cannot replay
        unreadable.append(source.damage.wal.describe())
    try:
        ids = [r[0] for r in source.conn.execute("SELECT id FROM cases")]
    except database.DatabaseError as exc:
        source.reconnect()
        ids = []
        unreadable.append(f"the case list itself ({exc})")
    target = CaseStore.create(target_dir, passphrase, source.officer, role=source.role,
                              kdf=keyslot.FIPS_KDF if source.fips_key_slots else None,
                              recovery_key=source.recovery_public_key)  # same office recovery key, same FIPS-ness
    cases = revisions = 0
    copied: list[str] = []
    try:
        tconn = target.conn
        with _transaction(tconn):
            key = _read(source, "SELECT signing_key FROM profile WHERE id = 1", ())
            if key is not None and key[0] is not None:  # memos printed from the old store still verify
                tconn.execute("UPDATE profile SET signing_key = ? WHERE id = 1", (key[0],))
            columns = [d[0] for d in source.conn.execute("SELECT * FROM cases LIMIT 0").description]
            for case_id in ids:
                readable = _readable_revisions(source, case_id, unreadable)
                current = _read(source, "SELECT * FROM cases WHERE id = ?", (case_id,))
                row = dict(zip(columns, current, strict=True)) if current is not None else None
                if row is not None and not _decodes(row["body"]):
                    row = None
                if row is None:
                    unreadable.append(f"case {case_id}: its current version")
                    if not readable:
                        continue
                    row = _row_from_revision(target, *readable[-1])  # the newest revision that still reads
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
            prints = _copy_print_records(source, tconn, copied, unreadable)
            _copy_attachments(source, tconn, unreadable)
            number = _read(source, "SELECT next_sequence FROM profile WHERE id = 1", ())
            if number is not None:
                tconn.execute("UPDATE profile SET next_sequence = ? WHERE id = 1", (number[0],))
            audit.append(tconn, source.officer.officer_id, "store_salvaged", None,
                         f"from {source.paths.database}: {cases} cases, {revisions} revisions, {prints} print "
                         f"records, {len(unreadable)} unreadable")
    except BaseException:
        target.close()
        raise
    target.close()
    return SalvageReport(target.paths.data_dir, cases, revisions, tuple(unreadable))


def _copy_print_records(source: CaseStore, tconn: database.Connection, case_ids: list[str],
                        unreadable: list[str]) -> int:
    """The memo print records of the cases that came across: a printed draft stays undeletable (its paper
    must stay verifiable) and old memos still verify page by page against what they were printed with."""
    try:
        columns = [d[0] for d in source.conn.execute("SELECT * FROM memo_prints LIMIT 0").description]
    except database.DatabaseError:
        source.reconnect()
        unreadable.append("the memo print records")
        return 0
    copied = 0
    for case_id in case_ids:
        try:
            rows = source.conn.execute("SELECT * FROM memo_prints WHERE case_id = ?", (case_id,)).fetchall()
        except database.DatabaseError:
            source.reconnect()
            unreadable.append(f"case {case_id}: its memo print records")
            continue
        for row in rows:
            tconn.execute(f"INSERT INTO memo_prints ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                          tuple(row))
            copied += 1
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


def _read(source: CaseStore, sql: str, args: tuple[object, ...]) -> tuple[object, ...] | None:
    """One row, or None when it cannot be read (then a fresh connection for the next read: see reconnect)."""
    try:
        row = source.conn.execute(sql, args).fetchone()
    except database.DatabaseError:
        source.reconnect()
        return None
    return tuple(row) if row is not None else None


def _readable_revisions(source: CaseStore, case_id: str,
                        unreadable: list[str]) -> list[tuple[int, str, str]]:
    """(revision, saved_at, body) of every revision of the case that can still be read and decoded."""
    try:
        numbers = [r[0] for r in source.conn.execute("SELECT revision FROM case_revisions WHERE case_id = ? ORDER BY "
                                              "revision", (case_id,))]
    except database.DatabaseError:
        source.reconnect()
        unreadable.append(f"case {case_id}: its list of revisions")
        return []
    kept = []
    for n in numbers:
        row = _read(source, "SELECT saved_at, body FROM case_revisions WHERE case_id = ? AND revision = ?",
                    (case_id, n))
        if row is None or not _decodes(row[1]):
            unreadable.append(f"case {case_id}: revision {n}")
            continue
        kept.append((int(n), str(row[0]), str(row[1])))
    return kept


def _copy_attachments(source: CaseStore, tconn: database.Connection, unreadable: list[str]) -> int:
    """Every attachment's content that still reads and still matches its SHA-256 (storage.attachments): the
    salvaged cases and revisions cite them by hash. One that does not is named by its hash."""
    from storage import attachments
    from storage.errors import StoreCorrupt

    try:
        hashes = [r[0] for r in source.conn.execute("SELECT sha256 FROM attachment_blobs")]
    except database.DatabaseError:
        source.reconnect()
        unreadable.append("the attachments' list")
        return 0
    copied = 0
    for sha in hashes:
        try:
            data = attachments.get_blob(source.conn, sha)
        except (database.DatabaseError, StoreCorrupt):
            source.reconnect()
            unreadable.append(f"attachment {sha}")
            continue
        attachments.put_blob(tconn, data)
        copied += 1
    return copied
