"""The encrypted local case store: one SQLCipher database per officer profile.

A `CaseStore` owns one connection and is used from one thread only (see `storage.worker`). Every mutation is
one transaction that also appends to the audit log, and returns a `SaveResult` whose `changes` say which views
need refreshing.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casework.case_number import format_case_number
from casework.model import CaseFile, CaseStatus, CaseSummary, Encounter, Officer, summary_of
from casework.seal import Seal, SealCheck, record_digest
from casework.search import haystack
from casework.serial import canonical_json, from_jsonable
from casework.validation import validate_case
from casework.workflow import reopen_on_edit
from storage import audit, database, keyslot, schema
from storage.errors import (
    CaseConflict,
    CaseNotFound,
    InvalidCase,
    StorageFull,
    StoreCorrupt,
    StoreExists,
    StoreLocked,
    StoreNotFound,
    TooManyAttempts,
    WrongPassphrase,
)
from storage.paths import StorePaths
from storage.throttle import UnlockThrottle

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation touched, so views refresh only what changed (and not the view that made the change)."""

    cases: bool = False
    profile: bool = False
    audit: bool = False


@dataclass(frozen=True, slots=True)
class SaveResult:
    case: CaseFile
    changes: Changes


def _now() -> datetime:
    """UTC now, to the millisecond (what the store and the exchange format keep)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _local_minute(now: datetime) -> datetime:
    """The encounter time a new case starts with: now, in the laptop's zone, to the minute."""
    return now.astimezone().replace(second=0, microsecond=0)


class CaseStore:
    """Open with `CaseStore.create` or `CaseStore.open`; all methods run on the thread that opened it."""

    def __init__(self, paths: StorePaths, conn: database.Connection, key_file: keyslot.KeyFile) -> None:
        self.paths = paths
        self._conn: database.Connection | None = conn
        self._key_file = key_file
        self._officer = self._read_profile()

    # ----- opening ---------------------------------------------------------------------------------------

    @classmethod
    def create(
        cls, data_dir: Path, passphrase: str, officer: Officer, *, kdf: keyslot.KdfParams | None = None
    ) -> CaseStore:
        """Set up a new profile: a fresh data key, its passphrase slot, and an empty migrated database."""
        paths = StorePaths(Path(data_dir))
        if paths.exists():
            raise StoreExists(f"A case store already exists in {paths.data_dir}; it has not been touched.")
        paths.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = keyslot.new_data_key()
        key_file = keyslot.new_key_file().with_passphrase(data_key, passphrase, kdf)
        conn = database.connect(paths.database, data_key, create=True)
        try:
            schema.migrate(conn, paths.database)
            with _transaction(conn):
                conn.execute(
                    "INSERT INTO profile (id, officer_name, officer_id, office, created_at) VALUES (1, ?, ?, ?, ?)",
                    (officer.name, officer.officer_id, officer.office, _now().isoformat()),
                )
                audit.append(conn, officer.officer_id, "profile_created")
            key_file.write(paths.key_file)
            store = cls(paths, conn, key_file)
            store._ensure_signing_key()
        except BaseException:
            conn.close()
            for p in (paths.database, paths.key_file, *_sidecars(paths.database)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            raise
        return store

    @classmethod
    def open(cls, data_dir: Path, passphrase: str) -> CaseStore:
        """Unlock an existing profile. Slow (the KDF): never call on the GUI thread.

        Raises StoreNotFound, StoreCorrupt, WrongPassphrase, TooManyAttempts, DatabaseTooNew/TooOld.
        """
        paths = StorePaths(Path(data_dir))
        if not paths.exists():
            raise StoreNotFound(f"There is no case store in {paths.data_dir}. Set up a profile first.")
        if not paths.database.exists():
            raise StoreCorrupt(
                f"The key file is in {paths.data_dir} but the case database {paths.database.name} is missing. "
                "Restore it from a backup; nothing has been changed."
            )
        key_file = keyslot.read_key_file(paths.key_file)
        throttle = UnlockThrottle(paths.throttle)
        if (wait := throttle.seconds_left()) > 0:
            raise TooManyAttempts(wait)
        try:
            data_key = key_file.unwrap(passphrase)
        except WrongPassphrase:
            raise WrongPassphrase(wait_s=throttle.record_failure()) from None
        failures = throttle.reset()
        return cls.open_with_key(paths, data_key, key_file, failed_attempts=failures)

    @classmethod
    def open_with_key(
        cls, paths: StorePaths, data_key: bytes, key_file: keyslot.KeyFile, *, failed_attempts: int = 0
    ) -> CaseStore:
        conn = database.connect(paths.database, data_key)
        try:
            version_before = schema.user_version(conn)
            schema.migrate(conn, paths.database)
            store = cls(paths, conn, key_file)
            if version_before < SEARCH_TEXT_SCHEMA:
                store._backfill_search_text()  # once, right after migration 0003 (it reads every case body)
            store._ensure_signing_key()
            with _transaction(conn):
                detail = f"after {failed_attempts} failed attempts" if failed_attempts else ""
                audit.append(conn, store._officer.officer_id, "unlocked", detail=detail)
        except database.DatabaseError as exc:
            conn.close()
            if isinstance(exc, database.OperationalError) and _is_disk_full(exc):
                raise StorageFull() from exc
            raise StoreCorrupt(
                f"The case store {paths.database} is damaged ({exc}). Nothing has been changed; restore it from "
                "a backup or ask office IT."
            ) from None
        except BaseException:
            conn.close()
            raise
        return store

    def _backfill_search_text(self) -> None:
        """Fill search_text for rows written before migration 0003 (text folding is Python, not SQL)."""
        rows = self.conn.execute("SELECT id, body FROM cases WHERE search_text = ''").fetchall()
        if not rows:
            return
        with _transaction(self.conn):
            for case_id, body in rows:
                self.conn.execute("UPDATE cases SET search_text = ? WHERE id = ?",
                                  (haystack(summary_of(_decode(body))), case_id))

    # ----- memo seals -----------------------------------------------------------------------------------------

    def _ensure_signing_key(self) -> None:
        """Give the profile its Ed25519 key on first use (kept only inside the encrypted database)."""
        row = self.conn.execute("SELECT signing_key FROM profile WHERE id = 1").fetchone()
        if row and row[0] is None:
            raw = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
            with _transaction(self.conn):
                self.conn.execute("UPDATE profile SET signing_key = ? WHERE id = 1", (raw,))

    def _signing_key(self) -> Ed25519PrivateKey:
        raw = self.conn.execute("SELECT signing_key FROM profile WHERE id = 1").fetchone()[0]
        return Ed25519PrivateKey.from_private_bytes(bytes(raw))

    def signing_key_id(self, key: Ed25519PrivateKey | None = None) -> str:
        public = (key or self._signing_key()).public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return hashlib.sha256(public).hexdigest()[:16]

    def seal(self, case_id: str) -> Seal:
        """A signed seal for the case as stored now (its current revision)."""
        row = self.conn.execute("SELECT case_number, revision, body FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound(f"There is no case with id {case_id} in this store.")
        key = self._signing_key()
        unsigned = Seal(row[0], row[1], record_digest(row[2]), self.signing_key_id(key), "")
        signature = base64.b64encode(key.sign(unsigned.message())).decode()
        return replace(unsigned, signature=signature)

    def check_seal(self, seal: Seal) -> SealCheck:
        """Does a printed seal match this store: the current revision, an older one, nothing, or a forgery?"""
        public = self._signing_key().public_key()
        try:
            public.verify(base64.b64decode(seal.signature), seal.message())
        except (InvalidSignature, ValueError):
            return SealCheck("forged", "The seal's signature is not valid for this profile: the memo's digest or "
                             "QR code was altered, or it was printed by another profile.")
        row = self.conn.execute("SELECT id, revision FROM cases WHERE case_number = ?", (seal.case_number,)).fetchone()
        if row is None:
            return SealCheck("unknown", f"Case {seal.case_number} is not in this store.")
        body = self.conn.execute("SELECT body FROM case_revisions WHERE case_id = ? AND revision = ?",
                                 (row[0], seal.revision)).fetchone()
        if body is None or record_digest(body[0]) != seal.digest:
            return SealCheck("unknown", f"No saved revision of case {seal.case_number} has this digest.")
        if seal.revision == row[1]:
            return SealCheck("match", f"The memo matches case {seal.case_number} as stored (revision {row[1]}).")
        return SealCheck("superseded", f"The memo was printed from revision {seal.revision} of case "
                         f"{seal.case_number}; it has since been changed (now revision {row[1]}).")

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> database.Connection:
        if self._conn is None:
            raise StoreLocked("The case store is locked.")
        return self._conn

    # ----- profile -----------------------------------------------------------------------------------------

    def _read_profile(self) -> Officer:
        row = self.conn.execute("SELECT officer_name, officer_id, office FROM profile WHERE id = 1").fetchone()
        if row is None:
            raise StoreCorrupt(f"The case store {self.paths.database} has no profile.")
        return Officer(*row)

    @property
    def officer(self) -> Officer:
        return self._officer

    def change_passphrase(self, old: str, new: str, *, kdf: keyslot.KdfParams | None = None) -> Changes:
        """Rewrap the passphrase slot under `new`. The database itself is not re-encrypted."""
        data_key = self._key_file.unwrap(old)
        key_file = self._key_file.with_passphrase(data_key, new, kdf)
        key_file.write(self.paths.key_file)
        self._key_file = key_file
        with _transaction(self.conn):
            audit.append(self.conn, self._officer.officer_id, "passphrase_changed")
        return Changes(audit=True)

    # ----- cases -------------------------------------------------------------------------------------------

    def new_case(self) -> SaveResult:
        """Create and save an empty case with the next case number."""
        now = _now()
        encounter = Encounter(occurred_at=_local_minute(now))
        return self._insert(CaseFile(id="", case_number="", created_at=now, encounter=encounter))

    def _insert(self, case: CaseFile) -> SaveResult:
        _check(case)
        with _transaction(self.conn):
            return self._insert_in_transaction(case, _now())

    def _insert_in_transaction(self, case: CaseFile, now: datetime) -> SaveResult:
        if not case.case_number:
            seq = self.conn.execute("SELECT next_sequence FROM profile WHERE id = 1").fetchone()[0]
            self.conn.execute("UPDATE profile SET next_sequence = next_sequence + 1 WHERE id = 1")
            case = replace(case, case_number=format_case_number(now.year, self._officer.officer_id, seq))
        case = replace(
            case,
            id=case.id or uuid.uuid4().hex,
            officer=case.officer if case.officer.officer_id else self._officer,
            created_at=case.created_at or now,
            updated_at=now,
            revision=1,
        )
        row = _row(case)
        try:
            self.conn.execute(
                "INSERT INTO cases (id, case_number, revision, status, family_name, given_names, a_number,"
                " aliases, created_at, updated_at, body, search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                row,
            )
        except database.IntegrityError:
            raise CaseConflict(
                f"A case with the number {case.case_number} or the same id is already in the store."
            ) from None
        self._record_revision(case, row[BODY])
        audit.append(self.conn, self._officer.officer_id, "case_created", case.id, f"revision {case.revision}")
        return SaveResult(case, Changes(cases=True, audit=True))

    def update_case(self, case: CaseFile) -> SaveResult:
        """Save an edited case as the next revision, in one transaction.

        `case.revision` must be the revision it was loaded at; otherwise CaseConflict (someone else saved it),
        and nothing is written.
        """
        _check(case)
        with _transaction(self.conn):
            return self._update_in_transaction(case)

    def _update_in_transaction(self, case: CaseFile, action: str = "case_edited") -> SaveResult:
        found = self.conn.execute("SELECT revision, status FROM cases WHERE id = ?", (case.id,)).fetchone()
        if found is None:
            raise CaseNotFound(f"Case {case.case_number} is no longer in the store.")
        stored_revision, stored_status = found
        if stored_revision != case.revision:
            raise CaseConflict(
                f"Case {case.case_number} was saved elsewhere (revision {stored_revision}) since it was opened "
                f"(revision {case.revision}). Reopen it to see the latest version."
            )
        now = _now()
        if stored_status != CaseStatus.DRAFT.value:  # only a submitted or reviewed case can be reopened
            stored = self.get_case(case.id)
            case = reopen_on_edit(stored, case, self._officer.officer_id, now)
        if case.status.value != stored_status:
            action = STATUS_ACTIONS.get(case.status, action)
        case = replace(case, revision=case.revision + 1, updated_at=now)
        row = _row(case)
        self.conn.execute(
            "UPDATE cases SET case_number=?, revision=?, status=?, family_name=?, given_names=?, a_number=?,"
            " aliases=?, created_at=?, updated_at=?, body=?, search_text=? WHERE id=?",
            (*row[1:], case.id),
        )
        self._record_revision(case, row[BODY])
        audit.append(self.conn, self._officer.officer_id, action, case.id, f"revision {case.revision}")
        return SaveResult(case, Changes(cases=True, audit=True))

    def import_cases(self, cases: list[CaseFile], *, replace_existing: bool = False) -> list[SaveResult]:
        """Add imported cases, in ONE transaction: all are saved, or none.

        A case whose id is already in the store is refused (CaseConflict) unless `replace_existing`, in which
        case the import is saved as the stored case's next revision, so its history is kept.
        """
        for case in cases:
            _check(case)
        results = []
        with _transaction(self.conn):
            for case in cases:
                row = self.conn.execute(
                    "SELECT revision, created_at FROM cases WHERE id = ?", (case.id,)
                ).fetchone() if case.id else None
                if row is None:
                    results.append(self._insert_in_transaction(case, _now()))
                    continue
                if not replace_existing:
                    raise CaseConflict(f"Case {case.case_number or case.id} is already in the store.")
                current = replace(case, revision=row[0], created_at=datetime.fromisoformat(row[1]))
                results.append(self._update_in_transaction(current, "case_imported"))
        return results

    def _record_revision(self, case: CaseFile, body: str) -> None:
        """Keep `body` (the canonical JSON just written to the cases row) as this revision, for seals and history."""
        self.conn.execute(
            "INSERT INTO case_revisions (case_id, revision, saved_at, body) VALUES (?,?,?,?)",
            (case.id, case.revision, case.updated_at.isoformat() if case.updated_at else "", body),
        )

    def get_case(self, case_id: str) -> CaseFile:
        row = self.conn.execute("SELECT body FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound(f"There is no case with id {case_id} in this store.")
        return _decode(row[0])

    def find_case(self, reference: str) -> CaseFile:
        """A case by its case number (any letter case) or id."""
        row = self.conn.execute(
            "SELECT body FROM cases WHERE case_number = ? COLLATE NOCASE OR id = ?", (reference.strip(), reference)
        ).fetchone()
        if row is None:
            raise CaseNotFound(f"There is no case {reference!r} in this store.")
        return _decode(row[0])

    def has_case(self, case_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None

    def list_cases(self) -> list[CaseSummary]:
        """Every case's list columns, newest first; reads no case bodies."""
        rows = self.conn.execute(LIST_QUERY).fetchall()
        statuses = {s.value: s for s in CaseStatus}
        return [
            CaseSummary(
                r[0], r[1], r[2], r[3], tuple(json.loads(r[4])) if r[4] != "[]" else (), r[5], statuses[r[6]],
                datetime.fromisoformat(r[7]), r[8], r[9],
            )
            for r in rows
        ]

    def count_cases(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def revisions(self, case_id: str) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT revision FROM case_revisions WHERE case_id = ? ORDER BY revision", (case_id,)
        )]

    def record_event(self, action: str, case_id: str | None = None, detail: str = "") -> Changes:
        """Append an audit entry for something that happened outside the store (an export, a print)."""
        with _transaction(self.conn):
            audit.append(self.conn, self._officer.officer_id, action, case_id, detail)
        return Changes(audit=True)

    def audit_entries(self, case_id: str | None = None) -> list[audit.AuditEntry]:
        return audit.entries(self.conn, case_id)


LIST_QUERY = (
    "SELECT id, case_number, family_name, given_names, aliases, a_number, status, updated_at, revision, search_text "
    "FROM cases ORDER BY updated_at DESC"
)
"""Served from the covering index cases_list (migration 0005): no case body is read or decrypted."""

SEARCH_TEXT_SCHEMA = 3
"""The migration that added cases.search_text; older stores get it filled from the case bodies once."""

STATUS_ACTIONS = {
    CaseStatus.DRAFT: "case_reopened",
    CaseStatus.SUBMITTED: "case_submitted",
    CaseStatus.CONCURRED: "case_concurred",
    CaseStatus.RETURNED: "case_returned",
    CaseStatus.NONCONCURRED: "case_nonconcurred",
}
"""The audit action recorded when a save changes the case's workflow status."""


def _check(case: CaseFile) -> None:
    errors = validate_case(case)
    if errors:
        raise InvalidCase(errors)


BODY = 10
"""Index of the canonical JSON body in `_row`'s tuple."""


def _row(case: CaseFile) -> tuple[object, ...]:
    s = case.subject
    return (
        case.id, case.case_number, case.revision, case.status.value, s.family_name, s.given_names, s.a_number,
        json.dumps(list(s.aliases), ensure_ascii=False),
        case.created_at.isoformat() if case.created_at else "",
        case.updated_at.isoformat() if case.updated_at else "",
        canonical_json(case),
        haystack(summary_of(case)),
    )


def _decode(body: str) -> CaseFile:
    return from_jsonable(CaseFile, json.loads(body), "case")


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


@contextlib.contextmanager
def _transaction(conn: database.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error; a full disk becomes StorageFull."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(Exception):
            conn.execute("ROLLBACK")
        if isinstance(exc, database.OperationalError) and _is_disk_full(exc):
            raise StorageFull() from exc
        raise


def _is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    return "full" in text or code == 13 or getattr(exc, "errno", None) == errno.ENOSPC
