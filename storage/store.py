"""The encrypted local case store: one SQLCipher database per officer profile.

A `CaseStore` owns one connection and is used from one thread only (see `storage.worker`). Every mutation is
one transaction that also appends to the audit log, and returns a `SaveResult` whose `changes` say which views
need refreshing.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from casework import search
from casework.assessment import ReviewDecision, WorkflowEvent
from casework.attachments import clean_file_name, display_name
from casework.body import BODY_VERSION, VERSION_KEY, dump_body, load_body, upgrade
from casework.case_number import format_case_number
from casework.diff import changed_fields
from casework.errors import PolicyError
from casework.i18n import QT_TRANSLATE_NOOP, Message, message_of
from casework.ids import case_id_for_content, new_id, with_item_ids
from casework.labels import label, status_word
from casework.model import Attachment, CaseFile, CaseStatus, CaseSummary, Encounter, Officer, Role
from casework.passphrase import officer_words
from casework.policy import Policy, PolicyLibrary
from casework.seal import Seal, SealCheck, record_digest
from casework.serial import canonical_json, plain_canonical_json, to_jsonable
from casework.text import nfc
from casework.validation import check_officer_id, check_officer_name, validate_case
from casework.workflow import (
    DecisionState,
    WorkflowError,
    content_digest,
    decision_state,
    edit_refusal,
    is_editable,
    reopen,
    review,
    reviewed_digest,
    submit,
    submitter,
)
from storage import attachments as blobs
from storage import audit, database, error_map, keyslot, schema, search_terms, signing
from storage import backup as backups
from storage.errors import (
    CaseConflict,
    CaseNotFound,
    InvalidCase,
    ProfileRefused,
    ReadOnlyCase,
    StorageFull,
    StoreBusy,
    StoreCorrupt,
    StoreExists,
    StoreLocked,
    StoreNotFound,
    TooManyAttempts,
    UserFacingError,
    WorkflowRefused,
    WrongPassphrase,
)
from storage.integrity import IntegrityReport, check_before_open
from storage.lockfile import ProfileLock
from storage.paths import StorePaths
from storage.throttle import ProfileLockedOut, UnlockThrottle

log = logging.getLogger(__name__)
_NO_STORE = QT_TRANSLATE_NOOP("storage", "There is no case store in {folder}. Set up a profile first.")


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation touched, so views refresh only what changed (and not the view that made the change)."""

    cases: bool = False
    profile: bool = False
    audit: bool = False
    case_ids: frozenset[str] = frozenset()
    """The cases written, when `cases` is set (empty: possibly all of them)."""


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


class StoreDamaged(UserFacingError):
    """A write to a store that failed its integrity check (it is open read-only)."""

    title = "Case store damaged"

    def __init__(self, paths: StorePaths, report: IntegrityReport) -> None:
        newest = backups.list_backups(paths)
        advice = (f"The newest backup is {newest[0].name} ({newest[0].taken_at:%Y-%m-%d %H:%M} UTC); restore it "
                  "with File ▸ Backups… or 'casefile restore', or " if newest else "There is no backup; ")
        super().__init__(
            f"The case store {paths.database} is damaged ({report.summary()}). It is open read-only, so nothing "
            f"more is written into it. {advice}copy every readable case into a new store with 'casefile salvage'."
        )
        self.report = report


class CaseStore:
    """Open with `CaseStore.create` or `CaseStore.open`; all methods run on the thread that opened it."""

    def __init__(self, paths: StorePaths, conn: database.Connection, key_file: keyslot.KeyFile) -> None:
        self.paths = paths
        self._conn: database.Connection | None = conn
        self._key_file = key_file
        self._listeners: list[Callable[[Changes], object]] = []
        self._policy_library: PolicyLibrary | None = None
        self._officer, self._role = self._read_profile()
        self._lock: ProfileLock | None = None  # set by create/open_with_key, released by close
        self.audit_check: audit.ChainCheck | None = None
        """What the unlock-time audit check found (None when not checked, e.g. right after setup)."""
        self.damage: IntegrityReport | None = None
        """Set when an integrity check failed: the store is open read-only, for reading and salvage."""
        self._data_key: bytes | None = None  # for reconnect(); SQLCipher holds the key in memory anyway
        self._key_prefixes = search_terms.KeyPrefixes()

    # ----- opening ---------------------------------------------------------------------------------------

    @classmethod
    def create(
        cls, data_dir: Path, passphrase: str, officer: Officer, *, role: Role = Role.OFFICER,
        kdf: keyslot.KdfParams | None = None, recovery_key: X25519PublicKey | None = None,
    ) -> CaseStore:
        """Set up a new profile: a fresh data key, its passphrase slot, and an empty migrated database.

        `kdf=keyslot.FIPS_KDF` makes a FIPS profile (PBKDF2-HMAC-SHA512); `recovery_key`, the office's public
        recovery key (storage.recovery), adds a recovery slot so office IT can reset a forgotten passphrase.

        Refuses an officer name or ID holding invisible characters (ProfileRefused: casework.validation's rules,
        which the CLI and the set-up dialog also say at their fields) and a passphrase casework's rule refuses
        (PassphraseRefused) before anything is written. Holds the profile's lock (storage.lockfile) until close. A
        folder, disk or permission problem raises its own error (storage.error_map) and leaves no half-made store
        behind.
        """
        if problem := check_officer_name(officer.name) or check_officer_id(officer.officer_id):
            raise ProfileRefused(problem)
        paths = StorePaths(Path(data_dir))
        error_map.check_data_dir(paths.data_dir)
        if paths.exists():
            raise StoreExists(f"A case store already exists in {paths.data_dir}; it has not been touched.")
        data_key = keyslot.new_data_key()
        key_file = keyslot.new_key_file().with_passphrase(data_key, passphrase, kdf,
                                                          context=officer_words(officer.name, officer.officer_id))
        if recovery_key is not None:
            key_file = key_file.with_recovery(data_key, recovery_key)
        doing = QT_TRANSLATE_NOOP("storage", "set up the profile")
        try:
            paths.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(paths.data_dir, 0o700)  # also when it was made before (by the window's settings, say)
        except OSError as exc:
            raise error_map.translated(exc, paths.data_dir, doing=doing) from exc
        lock = ProfileLock.acquire(paths, doing=doing)
        conn: database.Connection | None = None
        try:
            conn = database.connect(paths.database, data_key, create=True)
            schema.migrate(conn, paths.database)
            with _transaction(conn):
                conn.execute(
                    "INSERT INTO profile (id, officer_name, officer_id, office, created_at, role) VALUES (1,?,?,?,?,?)",
                    (officer.name, officer.officer_id, officer.office, _now().isoformat(), role.value),
                )
                audit.append(conn, officer.officer_id, "profile_created", detail=f"role {role.value}"
                             + (f", recovery key {key_file.recovery_slot.recipient}" if key_file.recovery_slot else "")
                             + (", FIPS key slots (PBKDF2-HMAC-SHA512)" if key_file.fips else ""))
            key_file.write(paths.key_file)
            store = cls(paths, conn, key_file)
            store._backfill_search_index()  # no cases yet: only forgets that the index has to be filled
            store._ensure_signing_key()
            store._lock, store._data_key = lock, data_key
            _write_open_marker(paths)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            for p in (paths.database, paths.key_file, *_sidecars(paths.database)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()
            lock.release()
            if isinstance(exc, StorageFull):
                raise error_map.disk_full(paths.data_dir, doing) from exc
            raise error_map.translated(exc, paths.data_dir, doing=doing) from exc
        log.info("profile created")
        return store

    @classmethod
    def open(cls, data_dir: Path, passphrase: str, *, check_integrity: bool = False) -> CaseStore:
        """Unlock an existing profile. Slow (the KDF): never call on the GUI thread.

        Raises StoreNotFound, StoreCorrupt, WrongPassphrase, TooManyAttempts, ProfileLockedOut (too many wrong
        passphrases: only `CaseStore.recover` opens it), DatabaseTooNew/TooOld.
        """
        paths = StorePaths(Path(data_dir))
        error_map.check_data_dir(paths.data_dir)
        if not paths.exists():
            raise StoreNotFound(_NO_STORE.format(folder=paths.data_dir))
        if not paths.database.exists():
            raise StoreCorrupt(QT_TRANSLATE_NOOP(
                "storage", "The key file is in {folder} but the case database {name} is missing. Restore it from a "
                "backup; nothing has been changed.").format(folder=paths.data_dir, name=paths.database.name))
        lock = ProfileLock.acquire(paths)  # before the slow KDF: a second window is refused at once
        try:
            key_file = keyslot.read_key_file(paths.key_file)
            throttle = UnlockThrottle(paths.throttle, mirror=paths.key_file)
            if throttle.locked_out():
                raise ProfileLockedOut()
            if (wait := throttle.seconds_left()) > 0:
                raise TooManyAttempts(wait)
            try:
                data_key = key_file.unwrap(passphrase)
            except WrongPassphrase:
                raise WrongPassphrase(wait_s=throttle.record_failure()) from None
            store = cls.open_with_key(paths, data_key, key_file, failed_attempts=throttle.recorded(), lock=lock,
                                      check_integrity=check_integrity)
            if store.damage is None:  # the failures are in the audit log now: forget them (not before)
                throttle.reset()
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_with_key(
        cls, paths: StorePaths, data_key: bytes, key_file: keyslot.KeyFile, *,
        failed_attempts: Sequence[float] = (),
        lock: ProfileLock | None = None, check_integrity: bool = False,
    ) -> CaseStore:
        """Open with the data key already unwrapped, holding `lock` (taken here when not given) until close.

        A SQLite error becomes the error it stands for (storage.error_map): busy, read-only, disk full…, and
        "damaged" only for real damage.
        """
        lock = lock or ProfileLock.acquire(paths)
        try:
            if check_integrity or _open_marker(paths).exists():  # asked for, or the last session did not close
                # Checked on read-only connections, so nothing (not even the checkpoint a closing connection
                # makes) writes into damage before it is found.
                report = check_before_open(paths, data_key)
                if not report.ok:
                    log.warning("integrity check failed: store opened read-only")
                    # A fresh connection: SQLCipher refuses every read on one after a page failed its HMAC.
                    store = cls(paths, database.connect(paths.database, data_key, read_only=True), key_file)
                    store.damage, store._lock, store._data_key = report, lock, data_key
                    return store
            conn = database.connect(paths.database, data_key)
        except BaseException as exc:
            lock.release()
            if isinstance(exc, database.DatabaseError | StorageFull):
                raise error_map.opening_error(exc, paths) from None
            raise
        try:
            version_before = schema.user_version(conn)
            if 0 < version_before < schema.SCHEMA_VERSION:
                schema.check_version(conn, paths.database)  # a store too new or too old is refused untouched
                backups.create_backup(conn, paths, f"before-migration-{version_before}")
            schema.migrate(conn, paths.database)
            store = cls(paths, conn, key_file)
            store._backfill_search_index()  # after migration 0009 (or an index version bump): reads every body
            store._ensure_signing_key()
            if version_before < AUDIT_HEAD_SCHEMA:
                with _transaction(conn):
                    audit.seal_existing_head(conn)
            # Checked before anything is appended: an append re-signs the head, and notes a mismatch it finds.
            store.audit_check = store.check_audit_since_last_time()
            if not store.audit_check.ok:
                log.warning("audit log check failed at entry %s", store.audit_check.first_bad)
            store._close_open_revisions()  # edits of a session that ended without closing (a crash, a kill)
            with _transaction(conn):
                for at in failed_attempts:  # wrong passphrases since the last unlock, when they were entered
                    when = datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds") if at else "unknown time"
                    audit.append(conn, store._officer.officer_id, "unlock_failed", detail=f"at {when}")
                detail = f"after {len(failed_attempts)} failed attempts" if failed_attempts else ""
                audit.append(conn, store._officer.officer_id, "unlocked", detail=detail)
            store._lock, store._data_key = lock, data_key
            _write_open_marker(paths)
        except BaseException as exc:
            conn.close()
            lock.release()
            if isinstance(exc, database.DatabaseError | StorageFull):
                raise error_map.opening_error(exc, paths) from None
            raise
        log.info("store opened")
        return store

    def _backfill_search_index(self) -> None:
        """Fill every case's search keys while search_backfill holds its row (set by the migration that made or
        changed the index): text folding is Python, not SQL. One transaction with the row's removal, so an
        interrupted backfill runs again at the next open; the triggers carry the keys into the index."""
        if self.damage is not None or not self.conn.execute("SELECT 1 FROM search_backfill").fetchone():
            return
        with self._tx():
            for case_id, body in self.conn.execute("SELECT id, body FROM cases").fetchall():
                self.conn.execute("UPDATE cases SET search_text = ? WHERE id = ?",
                                  (search.index_text(_decode(body)), case_id))
            self.conn.execute("DELETE FROM search_backfill")

    # ----- memo seals -----------------------------------------------------------------------------------------

    def _ensure_signing_key(self) -> None:
        """Give the profile its Ed25519 key on first use (kept only inside the encrypted database)."""
        with self._tx():
            signing.profile_key(self.conn)

    def _signing_key(self) -> Ed25519PrivateKey:
        return signing.profile_key(self.conn)

    def signing_key_id(self, key: Ed25519PrivateKey | None = None) -> str:
        return signing.key_id(signing.public_bytes((key or self._signing_key()).public_key()))

    def seal(self, case_id: str) -> Seal:
        """A signed seal for the case as stored now. Its open revision is closed first, so the revision a memo
        cites never changes afterwards."""
        self.close_revision(case_id)
        row = self.conn.execute("SELECT case_number, revision, body FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound(QT_TRANSLATE_NOOP("storage", "There is no case with id {id} in this store.").format(
                id=case_id))
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
        """Checkpoint and close the database, then let the next window or process open the profile. A damaged
        store is not checkpointed: even on a read-only connection a checkpoint empties a -wal file whose header
        SQLite cannot read, and that file holds the saves salvage is for."""
        if self._conn is not None:
            if self.damage is None:
                with contextlib.suppress(Exception):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None
            if self.damage is None:
                with contextlib.suppress(OSError):
                    _open_marker(self.paths).unlink()  # a clean close: no check needed next time
            log.info("store closed")
        lock = self._lock
        if lock is not None:
            lock.release()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reconnect(self) -> database.Connection:
        """A fresh connection to the same store. SQLCipher refuses every read on a connection after one page
        failed its HMAC check, so reading around damage (salvage) needs a new one after each failure."""
        if self._data_key is None:
            raise StoreLocked(QT_TRANSLATE_NOOP("storage", "The case store is locked."))
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = database.connect(self.paths.database, self._data_key, read_only=self.damage is not None)
        return self._conn

    def connect_copy(self, db: Path) -> database.Connection:
        """A read-only connection to a copy of this store's database, under its key (salvage reads a repaired
        copy of a store whose -wal file is damaged: storage.wal.repaired_copy)."""
        if self._data_key is None:
            raise StoreLocked("The case store is locked.")
        return database.connect(db, self._data_key, read_only=True)

    def _tx(self) -> contextlib.AbstractContextManager[None]:
        """A write transaction — refused while the store is open read-only because it is damaged. Inside
        sync_batch, a savepoint: each step stays all or nothing within the batch's one transaction."""
        if self.damage is not None:
            raise StoreDamaged(self.paths, self.damage)
        if self._batch_depth:
            return self._savepoint()
        return _transaction(self.conn)

    @property
    def conn(self) -> database.Connection:
        if self._conn is None:
            raise StoreLocked(QT_TRANSLATE_NOOP("storage", "The case store is locked."))
        return self._conn

    # ----- profile -----------------------------------------------------------------------------------------

    def _read_profile(self) -> tuple[Officer, Role]:
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(profile)")}
        role = "role" if "role" in columns else "'officer'"  # read before migration 0006 when opening old stores
        row = self.conn.execute(f"SELECT officer_name, officer_id, office, {role} FROM profile WHERE id = 1").fetchone()
        if row is None:
            raise StoreCorrupt(f"The case store {self.paths.database} has no profile.")
        return Officer(*row[:3]), Role(row[3])

    @property
    def officer(self) -> Officer:
        return self._officer

    def change_passphrase(self, old: str, new: str, *, kdf: keyslot.KdfParams | None = None) -> Changes:
        """Rewrap the passphrase slot under `new`. The database itself is not re-encrypted.

        All or nothing (keyslot.replace_key_file): the new key file and the audit entry both land, or the old
        passphrase still works and PassphraseNotChanged says why. PassphraseRefused for a passphrase
        casework's rule refuses; WrongPassphrase for a wrong `old`.
        """
        data_key = self._key_file.unwrap(old)
        key_file = self._key_file.with_passphrase(
            data_key, new, kdf, context=officer_words(self._officer.name, self._officer.officer_id))

        def record() -> None:
            with self._tx():
                audit.append(self.conn, self._officer.officer_id, "passphrase_changed")

        keyslot.replace_key_file(self.paths.key_file, key_file, record, data_dir=self.paths.data_dir)
        self._key_file = key_file
        return Changes(audit=True)

    # ----- change broadcast ----------------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[Changes], object]) -> None:
        """Call `listener(changes)` after every committed mutation (on the store thread), so every view can
        refresh from what changed instead of from what its own widget did."""
        self._listeners.append(listener)

    def _announce(self, changes: Changes) -> Changes:
        for listener in self._listeners:
            try:
                listener(changes)
            except Exception:  # a view's refresh must never undo or hide a committed save
                log.exception("a change listener failed")
        return changes

    def _saved(self, result: SaveResult) -> SaveResult:
        self._announce(result.changes)
        return result

    # ----- cases -------------------------------------------------------------------------------------------

    def new_case(self) -> SaveResult:
        """Create and save an empty case with the next case number (revision 1; the first edits open revision 2)."""
        now = _now()
        encounter = Encounter(occurred_at=_local_minute(now))
        case = self._prepare(CaseFile(id="", case_number="", created_at=now, encounter=encounter))
        with self._tx():
            result = self._insert_in_transaction(case, now)
        return self._saved(result)

    def _prepare(self, case: CaseFile) -> CaseFile:
        """What every write stores: text in NFC, every list item with a stable id, and valid fields."""
        case = _tidy(case)
        _check(case)
        return case

    def _insert_in_transaction(self, case: CaseFile, now: datetime, *, action: str = "case_created",
                               detail: str = "") -> SaveResult:
        while not case.case_number:  # a number already held (a case pulled back after a restore) is skipped
            seq = self.conn.execute("SELECT next_sequence FROM profile WHERE id = 1").fetchone()[0]
            self.conn.execute("UPDATE profile SET next_sequence = next_sequence + 1 WHERE id = 1")
            number = format_case_number(now.year, self._officer.officer_id, seq)
            if self.conn.execute("SELECT 1 FROM cases WHERE case_number = ?", (number,)).fetchone() is None:
                case = replace(case, case_number=number)
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
        self._record_revision(case, _body(row))
        audit.append(self.conn, self._officer.officer_id, action, case.id, _detail(case.revision, detail),
                     digest=record_digest(_body(row)))
        return SaveResult(case, Changes(cases=True, audit=True, case_ids=frozenset({case.id})))

    def update_case(self, case: CaseFile, *, over_latest: bool = False) -> SaveResult:
        """Save an edit of a draft case, in one transaction.

        Consecutive saves of one editing session update the same open revision (see `close_revision`), so an
        hour of typing makes one revision, not hundreds. `case.revision` and `case.updated_at` must be those it
        was loaded or last saved at; otherwise CaseConflict (it was saved elsewhere) and nothing is written —
        unless `over_latest`, the user's "Keep mine": their version is saved on top of the latest one.
        Refused: a case that is not a draft (ReadOnlyCase: reopen it first) and any change of its status
        (only submit, review and reopen change that). The workflow history is kept as stored.
        """
        case = _tidy(case)
        with self._tx():
            stored = self._stored(case.id)
            _check_edit(case, stored.case)  # free text it held from before a rule, unchanged, is carried
            if not over_latest:
                _check_base(case, stored)
            if not is_editable(stored.status):
                raise ReadOnlyCase(QT_TRANSLATE_NOOP(
                    "storage", "Case {number} is {status}, so it cannot be changed. Reopen it for editing first (the "
                    "reason is kept in its history).").format(number=stored.case.case_number,
                                                             status=status_word(stored.status)))
            self._check_editor(stored.case)
            if case.status is not stored.status:
                raise WorkflowRefused(QT_TRANSLATE_NOOP(
                    "storage", "The status of case {number} changes only by submitting, reviewing or reopening it, "
                    "never by saving.").format(number=stored.case.case_number))
            # The case number, creation time and workflow history belong to the store, never to an edit.
            case = replace(_with_history_of(case, stored.case), case_number=stored.case.case_number,
                           created_at=stored.case.created_at, attachments=stored.case.attachments)
            result = self._write(case, stored, coalesce=True)
        return self._saved(result)

    def close_revision(self, case_id: str) -> Changes:
        """End the open revision of `case_id`, if any: the next save starts a new one. Called when the officer
        leaves the case, locks, prints, submits, exports or syncs, so that what was shown, printed or sent
        stays one revision forever."""
        if self.damage is not None:
            return Changes()  # read-only: nothing was written that could be open (and print, export, leave work)
        with self._tx():
            closed = self._close_revision_in_transaction(case_id)
        return self._announce(Changes(audit=True, case_ids=frozenset({case_id}))) if closed else Changes()

    def _close_revision_in_transaction(self, case_id: str) -> bool:
        row = self.conn.execute("SELECT revision, revision_open, body FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None or not row[1]:
            return False
        revision, _open, body = row
        self.conn.execute("UPDATE cases SET revision_open = 0 WHERE id = ?", (case_id,))
        before = self.conn.execute(
            "SELECT body FROM case_revisions WHERE case_id = ? AND revision < ? ORDER BY revision DESC LIMIT 1",
            (case_id, revision),
        ).fetchone()
        old = upgrade(json.loads(before[0])) if before else {}  # revision 1 is never open: always found
        fields = changed_fields(old, upgrade(json.loads(body)))
        audit.append(self.conn, self._officer.officer_id, "case_edited", case_id,
                     f"revision {revision}; fields: {', '.join(fields) if fields else 'none'}",
                     digest=record_digest(body))
        return True

    def _check_editor(self, case: CaseFile) -> None:
        """ReadOnlyCase when this profile may not change the content of `case` (a colleague's submitted case
        after a reopen: casework.workflow.edit_refusal)."""
        if (problem := edit_refusal(case, self._officer.officer_id)) is not None:
            raise ReadOnlyCase(QT_TRANSLATE_NOOP("storage", "Case {number}: {problem}.").format(
                number=case.case_number, problem=problem))

    def _close_open_revisions(self) -> None:
        ids = [r[0] for r in self.conn.execute(OPEN_REVISIONS_QUERY)]
        if ids:
            with self._tx():
                for case_id in ids:
                    self._close_revision_in_transaction(case_id)

    # ----- workflow steps ----------------------------------------------------------------------------------

    @property
    def role(self) -> Role:
        return self._role

    def _policies(self) -> PolicyLibrary:
        if self._policy_library is None:
            self._policy_library = PolicyLibrary.bundled()
        return self._policy_library

    def _policy_of(self, case: CaseFile) -> Policy:
        """The policy version the case's assessment was made under; WorkflowError when there is none to use."""
        a = case.assessment
        if a is None:
            raise WorkflowError(QT_TRANSLATE_NOOP("casework", "start the assessment before submitting"))
        try:
            return self._policies().get(a.policy_id, a.policy_version)
        except PolicyError as exc:
            raise WorkflowError(str(exc)) from None

    def submit_case(self, case_id: str) -> SaveResult:
        """The officer submits the case as stored (save pending edits first). Refused while anything blocks."""

        def step(case: CaseFile, now: datetime) -> CaseFile:
            return submit(case, self._policy_of(case), self._officer.officer_id, now)

        return self._step(case_id, step, "case_submitted")

    def review_case(self, case_id: str, decision: ReviewDecision, comment: str = "", *,
                    read: str | None = None) -> SaveResult:
        """A supervisor profile concurs, returns or non-concurs; never the officer who submitted the case.
        `read`: the reviewed_digest of the case as the supervisor read it — refused if the stored case has changed
        since (a sync can take in a new revision between reading and deciding)."""

        def step(case: CaseFile, now: datetime) -> CaseFile:
            if read is not None and reviewed_digest(case) != read:
                raise WorkflowError(QT_TRANSLATE_NOOP(
                    "storage", "the case changed after you opened it; read it again before deciding"))
            return review(case, decision, comment, self._officer.officer_id, now, role=self._role)

        return self._step(case_id, step, f"case_{decision.value}")

    def reopen_case(self, case_id: str, reason: str) -> SaveResult:
        """Make a submitted or reviewed case a draft again; the reason is kept in its history and the audit log."""
        return self._step(case_id, lambda case, now: reopen(case, reason, self._officer.officer_id, now,
                                                             role=self._role), "case_reopened")

    def receive_submission(self, case: CaseFile, sender: str, *, key_id: str) -> SaveResult:
        """A supervisor's profile takes in a case an officer submitted (from a verified review bundle).

        It arrives as submitted only when this profile is a supervisor's, the sender is the officer who submitted
        it and not this profile, and the policy's submission rules hold for it; a copy already here is replaced
        only while it is still waiting for review. Anything else is refused, naming why.
        """
        me = self._officer.officer_id
        if self._role is not Role.SUPERVISOR:
            raise WorkflowRefused("Only a supervisor profile takes in cases for review; import the case as an "
                                  "exchange file instead (it arrives as a draft).")
        if case.status is not CaseStatus.SUBMITTED or submitter(case) != sender:
            raise WorkflowRefused(f"Case {case.case_number} was not submitted by {sender}, who signed the bundle.")
        if sender == me:
            raise WorkflowRefused(f"Case {case.case_number} was submitted by this profile; a supervisor other than "
                                  "the submitting officer must review it.")
        case = self._prepare(case)
        try:  # the submission rules, checked again on this side
            submit(replace(case, status=CaseStatus.DRAFT), self._policy_of(case), sender, _now())
        except WorkflowError as exc:
            raise WorkflowRefused(f"Case {case.case_number} cannot be taken in for review: {exc}.") from None
        with self._tx():
            detail = f"from {sender}, key {key_id}"
            if not self.has_case(case.id):
                result = self._insert_in_transaction(case, _now(), action="case_received_for_review",
                                                     detail=detail)
            else:
                stored = self._stored(case.id)
                if stored.status is not CaseStatus.SUBMITTED:
                    raise WorkflowRefused(f"Case {case.case_number} is already {label(stored.status).lower()} here; "
                                          "the bundle is not taken in.")
                result = self._write(case, stored, coalesce=False, action="case_received_for_review",
                                     detail=detail)
        return self._saved(result)

    def _step(self, case_id: str, step: Callable[[CaseFile, datetime], CaseFile], action: str) -> SaveResult:
        """Apply one workflow step to the stored case as a new, closed revision (one transaction)."""
        with self._tx():
            self._close_revision_in_transaction(case_id)
            stored = self._stored(case_id)
            try:
                changed = step(stored.case, _next_time(stored.updated_at))
            except WorkflowError as exc:
                raise WorkflowRefused(QT_TRANSLATE_NOOP("storage", "Case {number}: {problem}.").format(
                    number=stored.case.case_number, problem=message_of(exc)), list(exc.items)) from None
            result = self._write(changed, stored, coalesce=False, action=action)
        return self._saved(result)

    # ----- the write itself --------------------------------------------------------------------------------

    def _stored(self, case_id: str) -> _Stored:
        row = self.conn.execute("SELECT revision, status, updated_at, revision_open, body FROM cases WHERE id = ?",
                                (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound(QT_TRANSLATE_NOOP("storage", "There is no case with id {id} in this store.").format(
                id=case_id))
        return _Stored(row[0], CaseStatus(row[1]), datetime.fromisoformat(row[2]), bool(row[3]), load_body(row[4]))

    def _write(self, case: CaseFile, stored: _Stored, *, coalesce: bool, action: str = "",
               detail: str = "") -> SaveResult:
        """Write `case` over the stored row: into the open revision when `coalesce` and one is open, else as
        the next revision (audited now, or when it closes if it stays open for more edits)."""
        now = _next_time(stored.updated_at)
        reuse = coalesce and stored.open
        case = replace(case, revision=stored.revision if reuse else stored.revision + 1, updated_at=now)
        row = _row(case)
        self.conn.execute(
            "UPDATE cases SET case_number=?, revision=?, status=?, family_name=?, given_names=?, a_number=?,"
            " aliases=?, created_at=?, updated_at=?, body=?, search_text=?, revision_open=? WHERE id=?",
            (*row[1:], int(coalesce), case.id),
        )
        if reuse:
            self.conn.execute("UPDATE case_revisions SET saved_at = ?, body = ? WHERE case_id = ? AND revision = ?",
                              (now.isoformat(), row[BODY], case.id, case.revision))
        else:
            self._record_revision(case, _body(row))
        if not coalesce:
            audit.append(self.conn, self._officer.officer_id, action, case.id, _detail(case.revision, detail),
                         digest=record_digest(_body(row)))
        return SaveResult(case, Changes(cases=True, audit=not coalesce, case_ids=frozenset({case.id})))

    def import_cases(self, cases: list[CaseFile], *, replace_existing: bool = False,
                     attachment_data: Sequence[bytes] = ()) -> list[SaveResult]:
        """Add imported cases, in ONE transaction: all are saved, or none.

        An import never raises a status: a new case arrives as a draft (its history says what the file
        claimed). A case whose id is already in the store is refused (CaseConflict) unless `replace_existing`:
        then a draft is saved as its next revision (keeping its case number, officer and creation time when the
        file leaves them out), and a submitted or reviewed case is left alone when the file holds the same
        record, refused when it differs. A file without an id gets one derived from its content, so importing
        it twice finds the first copy. `attachment_data`: the content the cases' attachments cite (the exchange
        file carries it); a case citing content that is neither here nor given is refused (AttachmentMissing).
        """
        prepared = [self._prepare(_with_content_id(case)) for case in cases]
        results = []
        with self._tx():
            for data in attachment_data:  # the attachments the file carries: kept with the cases, or not at all
                blobs.put_blob(self.conn, data)
            for case in prepared:
                self._check_blobs_here(case)
                if not self.has_case(case.id):
                    results.append(self._insert_in_transaction(_as_imported(case, self._officer.officer_id),
                                                               _now(), action="case_imported"))
                    continue
                if not replace_existing:
                    stored_number = self.conn.execute("SELECT case_number FROM cases WHERE id = ?",
                                                      (case.id,)).fetchone()[0]
                    raise CaseConflict(QT_TRANSLATE_NOOP("storage", "This case is already in the store as {number}.")
                                       .format(number=stored_number))
                results.append(self._replace_in_transaction(case))
        for result in results:
            self._announce(result.changes)
        return results

    def _replace_in_transaction(self, case: CaseFile) -> SaveResult:
        self._close_revision_in_transaction(case.id)
        stored = self._stored(case.id)
        old = stored.case
        if case.case_number and case.case_number != old.case_number:
            raise CaseConflict(f"The file gives case {old.case_number} the case number {case.case_number}; "
                               "case numbers never change. Fix the file and import it again.")
        case = replace(case, case_number=old.case_number, created_at=old.created_at,
                       officer=case.officer if case.officer.officer_id else old.officer, status=old.status)
        case = _with_history_of(case, old)
        if _content(case) == _content(old):
            return SaveResult(old, Changes())  # the same record: nothing to write
        if not is_editable(old.status):
            raise ReadOnlyCase(QT_TRANSLATE_NOOP(
                "storage", "Case {number} is {status}; the file differs from it. Reopen the case for editing before "
                "replacing it.").format(number=old.case_number, status=status_word(old.status)))
        self._check_editor(old)
        return self._write(case, stored, coalesce=False, action="case_imported")

    def _record_revision(self, case: CaseFile, body: str) -> None:
        """Keep `body` (the canonical JSON just written to the cases row) as this revision, for seals and history."""
        self.conn.execute(
            "INSERT INTO case_revisions (case_id, revision, saved_at, body) VALUES (?,?,?,?)",
            (case.id, case.revision, case.updated_at.isoformat() if case.updated_at else "", body),
        )

    def view_case(self, case_id: str) -> CaseFile:
        """The case as an officer opens it in the window: read, and the view recorded in the audit log (who
        looked at which case, when — not what they saw). A damaged store (read-only) is read without recording."""
        case = self.get_case(case_id)
        if self.damage is None:
            with self._tx():
                audit.append(self.conn, self._officer.officer_id, "case_viewed", case_id, f"revision {case.revision}")
                self.conn.execute("DELETE FROM decision_notices WHERE case_id = ?", (case_id,))  # seen now
        return case

    def get_case(self, case_id: str) -> CaseFile:
        row = self.conn.execute("SELECT body FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise CaseNotFound(QT_TRANSLATE_NOOP("storage", "There is no case with id {id} in this store.").format(
                id=case_id))
        return _decode(row[0])

    def find_case(self, reference: str) -> CaseFile:
        """A case by its case number (any letter case) or id."""
        row = self.conn.execute(
            "SELECT body FROM cases WHERE case_number = ? COLLATE NOCASE OR id = ?", (reference.strip(), reference)
        ).fetchone()
        if row is None:
            raise CaseNotFound(QT_TRANSLATE_NOOP("storage", "There is no case {reference} in this store.").format(
                reference=repr(reference)))
        return _decode(row[0])

    def has_case(self, case_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is not None

    def list_cases(self, ids: Collection[str] | None = None) -> list[CaseSummary]:
        """Every case's list columns (or those of `ids`), newest first; reads no case bodies. At 100,000 cases
        prefer `case_page`, which reads one page."""
        if ids is None:
            return [_summary(r) for r in self.conn.execute(LIST_QUERY)]
        found = self._summaries(list(ids))
        return sorted(found.values(), key=lambda c: (c.updated_at or datetime.min.replace(tzinfo=UTC)), reverse=True)

    def _summaries(self, ids: list[str]) -> dict[str, CaseSummary]:
        """The list rows of `ids`, by id (from the covering index cases_lookup)."""
        out: dict[str, CaseSummary] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for r in self.conn.execute(LOOKUP_QUERY + f"({','.join('?' * len(part))})", part):
                out[r[0]] = _summary(r)
        return out

    def case_page(self, request: search.ListRequest) -> search.CasePage:
        """What the case list asks for: the best matches of `request.query`, or else one page of rows in
        `request.sort` order after `request.after_id` (keyset paging on an index: the 500th page costs what the
        first does). Reads no case bodies."""
        total = self.count_cases()
        if request.query.strip():
            return self.search_cases(request.query, limit=min(request.limit, search.SEARCH_LIMIT), total=total)
        table, key, id_col = PAGE_ORDER.get(request.sort, PAGE_ORDER["updated"])
        op, direction = ("<", "DESC") if request.descending else (">", "ASC")
        where, args = "", []
        if request.after_id is not None:
            where = (f"WHERE ({key}, {id_col}) {op} ((SELECT {key} FROM {table} WHERE {id_col} = ?), ?)")
            args = [request.after_id, request.after_id]
        ids = [r[0] for r in self.conn.execute(
            f"SELECT {id_col} FROM {table} {where} ORDER BY {key} {direction}, {id_col} {direction} LIMIT ?",
            [*args, request.limit + 1])]
        found = self._summaries(ids[:request.limit])
        return search.CasePage([found[i] for i in ids[:request.limit] if i in found], total,
                               len(ids) > request.limit)

    def search_cases(self, text: str, *, limit: int = search.SEARCH_LIMIT, total: int | None = None
                     ) -> search.CasePage:
        """The cases whose names (in any spelling or script), numbers, date of birth, places, charges or status
        match `text`, best first, each with why it matched (casework.search). Candidates come from the FTS5
        index inside this store, stage by stage (exact keys, prefixes, sounds) until `limit` are found."""
        query = search.parse_query(text)
        total = self.count_cases() if total is None else total
        if query.empty:
            return search.CasePage([], total, False)
        candidates: dict[str, list[search.KeyRow]] = {}
        cap = limit
        for stage in search.fts_stages(query, lambda prefix: self._key_prefixes.keys(self.conn, prefix)):
            if len(candidates) >= cap:
                break
            for case_id, keys in self.conn.execute(
                    "SELECT s.case_id, s.keys FROM case_fts JOIN case_search s ON s.n = case_fts.rowid "
                    "WHERE case_fts MATCH ? LIMIT ?", (stage, cap + 1)):
                if case_id not in candidates:
                    candidates[case_id] = search.keys_from_json(keys)
        matches = search.rank(query, candidates.items(), limit=limit)
        found = self._summaries([m.case_id for m in matches])
        return search.CasePage([found[m.case_id] for m in matches if m.case_id in found], total,
                               len(candidates) > cap, {m.case_id: m.why for m in matches})

    def count_cases(self) -> int:
        """How many cases the store holds: kept by triggers (migration 0012), as counting 100,000 cases reads a
        whole index (~100 ms) — too slow for unlocking, let alone every keystroke."""
        try:
            return int(self.conn.execute("SELECT n FROM case_count WHERE id = 1").fetchone()[0])
        except database.OperationalError:  # a damaged store opened read-only, before its migrations
            return int(self.conn.execute("SELECT count(*) FROM cases").fetchone()[0])

    def revisions(self, case_id: str) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT revision FROM case_revisions WHERE case_id = ? ORDER BY revision", (case_id,)
        )]

    def record_event(self, action: str, case_id: str | None = None, detail: str = "", *,
                     also: Callable[[database.Connection], object] | None = None) -> Changes:
        """Append an audit entry for something that happened outside the store (an export, a print).

        `also(conn)` writes what the event is about (a print record, say) in the same transaction, so the entry
        and the record it speaks of are kept together or not at all."""
        with self._tx():
            if also is not None:
                also(self.conn)
            audit.append(self.conn, self._officer.officer_id, action, case_id, detail)
        return self._announce(Changes(audit=True, case_ids=frozenset({case_id}) if case_id else frozenset()))

    def audit_entries(self, case_id: str | None = None) -> list[audit.AuditEntry]:
        return audit.entries(self.conn, case_id)

    # ----- backups ----------------------------------------------------------------------------------------

    def backup(self, reason: str = "manual", *, dest: Path | None = None,
               cancelled: Callable[[], bool] | None = None) -> backups.Backup:
        """Write and check an encrypted backup (storage.backup), and record it in the audit log. `cancelled()`
        is polled while the copy is written (Cancelled, nothing left behind, when it turns true)."""
        made = backups.create_backup(self.conn, self.paths, reason, dest=dest, cancelled=cancelled)
        self.record_event("backup_created", detail=f"{made.name}, {made.cases} cases"
                          + (" (outside the profile folder)" if dest else ""))
        return made

    def backup_if_due(self, retention: backups.Retention | None = None) -> backups.Backup | None:
        """The scheduled backup, when a day has passed since the last one; older ones past `retention` go."""
        now = datetime.now(UTC)
        existing = backups.list_backups(self.paths)
        if not backups.due(existing, now):
            return None
        made = self.backup("scheduled")
        backups.prune([made, *existing], now, retention)
        return made

    @classmethod
    def restore(cls, data_dir: Path, backup_folder: Path, passphrase: str) -> tuple[CaseStore, Path]:
        """Put a backup in place of the profile's store (which must be closed) and open it: the backup is
        checked, `passphrase` must open it (the lockout and the wait apply; a wrong one is counted), the store
        it replaces is kept aside whole, and the restore is recorded in the restored store's audit log.
        Returns the open store and the folder the replaced one is in. `casefile restore` and File ▸ Backups."""
        paths = StorePaths(Path(data_dir))
        backup = backups.read_backup(backup_folder)  # damaged or foreign: refused before anything changes
        backups.check_passphrase(paths, backup, passphrase)
        aside = backups.restore_closed(paths, backup)  # refused (StoreBusy) while anything has the store open
        store = cls.open(paths.data_dir, passphrase)
        try:
            store.record_event("backup_restored", detail=f"{backup.name}; the replaced store is in {aside.name}")
        except BaseException:
            store.close()
            raise
        log.info("backup restored")
        return store, aside

    def revision_times(self, case_id: str) -> list[tuple[int, str]]:
        """(revision, saved_at) of every stored revision of the case, oldest first (for its History view)."""
        return [(int(r[0]), str(r[1])) for r in self.conn.execute(
            "SELECT revision, saved_at FROM case_revisions WHERE case_id = ? ORDER BY revision", (case_id,))]

    def verify_audit(self) -> audit.ChainCheck:
        """Check the whole audit log and its signed head (`casefile audit verify`)."""
        return audit.verify_chain(self.conn)

    def check_audit_since_last_time(self) -> audit.ChainCheck:
        """Check the entries added since the last successful check (done at every unlock), then remember how
        far the log is verified. A failure is reported, never fixed, and does not block access to the cases."""
        row = self.conn.execute("SELECT seq, hash FROM audit_checkpoint WHERE id = 1").fetchone()
        result = audit.verify_chain(self.conn, since=(row[0], row[1]) if row else None)
        if result.ok:
            last = self.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            with self._tx():
                self.conn.execute("INSERT INTO audit_checkpoint (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) "
                                  "DO UPDATE SET seq = excluded.seq, hash = excluded.hash", last)
        return result

    # ----- office sync (storage.sync drives these; each is one transaction) ----------------------------------

    _batch_depth = 0
    _savepoints = 0

    @contextlib.contextmanager
    def sync_batch(self) -> Iterator[None]:
        """Many sync steps (a page pulled, a batch of pushes answered) in ONE transaction — a commit per case
        would cost more than the work — each step still all or nothing (a savepoint); if the batch fails as a
        whole, none of it is kept and the cursor stays where it was."""
        with self._tx(), audit.deferred_head(self.conn):
            self._batch_depth += 1
            try:
                yield
            finally:
                self._batch_depth -= 1

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._savepoints += 1
        name = f"casefile_step_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def profile_signing_key(self) -> Ed25519PrivateKey:
        """The profile's Ed25519 key, for what the profile signs outside the store (office records, rosters)."""
        return self._signing_key()

    def sync_outgoing(self) -> list[OutgoingCase]:
        """Every case changed since it was last in step with the office (or never synced), without open
        conflicts: what a push sends. Open revisions are closed first, so what goes up stays one revision."""
        self._close_open_revisions()
        changed = self.conn.execute(OUTGOING_QUERY).fetchall()
        bodies: dict[str, tuple[str, str | None]] = {}
        ids = [r[0] for r in changed]
        for start in range(0, len(ids), _IN_CHUNK):  # only now the bodies, of the cases that go up
            chunk = ids[start:start + _IN_CHUNK]
            bodies.update((r[0], (r[1], r[2])) for r in self.conn.execute(
                f"SELECT c.id, c.body, s.base_body FROM cases c LEFT JOIN sync_state s ON s.case_id = c.id "
                f"WHERE c.id IN ({','.join('?' * len(chunk))})", chunk))
        return [OutgoingCase(case_id, revision, bodies[case_id][0], office_rev or 0, bodies[case_id][1])
                for case_id, revision, office_rev in changed]

    def current_revision(self, case_id: str) -> int | None:
        """The case's current local revision (None: not in this store), without reading its body."""
        row = self.conn.execute("SELECT revision FROM cases WHERE id = ?", (case_id,)).fetchone()
        return int(row[0]) if row else None

    def sync_base(self, case_id: str) -> SyncBase | None:
        """Where a case stands with the office: the office revision and body it was last in step with."""
        row = self.conn.execute("SELECT office_rev, base_body, synced_revision FROM sync_state WHERE case_id = ?",
                                (case_id,)).fetchone()
        return SyncBase(row[0], row[1], row[2]) if row else None

    def sync_pushed(self, case_id: str, revision: int, office_rev: int, body: str, *, cursor: int | None = None
                    ) -> None:
        """The office accepted local `revision` (whose stored body is `body`) as `office_rev`."""
        with self._tx():
            self._set_sync_state(case_id, office_rev, body, revision)
            if cursor is not None:
                self._move_cursor(cursor)
            audit.append(self.conn, self._officer.officer_id, "case_pushed", case_id,
                         f"revision {revision} as office revision {office_rev}", digest=record_digest(body))

    def sync_pushed_many(self, pushed: Sequence[tuple[str, int, int, str]]) -> None:
        """sync_pushed for each (case_id, revision, office_rev, body) of a batch the office accepted, with one
        statement per table (the same rows and audit entries, in order)."""
        if not pushed:
            return
        with self._tx():
            self.conn.executemany(
                "INSERT INTO sync_state (case_id, office_rev, base_body, synced_revision) VALUES (?,?,?,?) "
                "ON CONFLICT (case_id) DO UPDATE SET office_rev = excluded.office_rev, base_body = "
                "excluded.base_body, synced_revision = excluded.synced_revision",
                [(case_id, office_rev, body, revision) for case_id, revision, office_rev, body in pushed])
            audit.append_many(self.conn, self._officer.officer_id, [
                ("case_pushed", case_id, f"revision {revision} as office revision {office_rev}", record_digest(body))
                for case_id, revision, office_rev, body in pushed])

    def sync_apply(self, case: CaseFile | None, *, case_id: str, office_rev: int, office_body: str, cursor: int,
                   in_step: bool, conflicts: Sequence[StoredConflict] = (), detail: str = "",
                   notice: WorkflowEvent | None = None) -> SaveResult | None:
        """Take in office revision `office_rev` (body `office_body`) of a case, in ONE transaction with the pull
        cursor: `case` is what the laptop keeps (the office's copy, or the merge of it with local edits), written
        as the next local revision — local revisions are never renumbered, so printed memos keep verifying —
        with any status (it was verified by storage.sync, not typed here). `in_step`: the kept case equals the
        office's. `conflicts` replace the case's open ones. `case` None: only the base and cursor move (a
        record this laptop pushed itself). A local tombstone of the case goes (someone kept the case on purpose);
        `notice`: a review decision that arrived for this officer, shown until the case is viewed."""
        result: SaveResult | None = None
        with self._tx():
            self._close_revision_in_transaction(case_id)
            if case is not None:
                case = _tidy(case)
                if not self.has_case(case_id):
                    _check(case)
                    result = self._insert_in_transaction(case, _now(), action="case_synced", detail=detail)
                else:
                    stored = self._stored(case_id)
                    _check_edit(case, stored.case)
                    if _content(case) != _content(stored.case):
                        result = self._write(case, stored, coalesce=False, action="case_synced", detail=detail)
            revision = self.conn.execute("SELECT revision FROM cases WHERE id = ?", (case_id,)).fetchone()
            synced = revision[0] if revision and in_step else 0
            if case is None:
                state = self.conn.execute("SELECT synced_revision FROM sync_state WHERE case_id = ?",
                                          (case_id,)).fetchone()
                synced = revision[0] if in_step and revision else (state[0] if state else 0)
            self._set_sync_state(case_id, office_rev, office_body, synced)
            self._set_conflicts(case_id, office_rev, conflicts)
            self.conn.execute("DELETE FROM case_tombstones WHERE case_id = ?", (case_id,))
            if notice is not None:
                self._notice_in_transaction(case_id, notice)
            self._move_cursor(cursor)
        if result is not None:
            self._saved(result)
        return result

    def sync_page_state(self, case_ids: Collection[str]) -> dict[str, PageState]:
        """Where each of these cases stands here, read once for a pulled page (not once per record): its local
        revision and whether one is open, its sync base, a tombstone and open conflicts."""
        out: dict[str, PageState] = {}
        ids = sorted(set(case_ids))
        any_tomb = self.conn.execute("SELECT 1 FROM case_tombstones LIMIT 1").fetchone() is not None
        any_conflict = self.conn.execute("SELECT 1 FROM sync_conflicts LIMIT 1").fetchone() is not None
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start:start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            local = {r[0]: (r[1], bool(r[2])) for r in self.conn.execute(
                f"SELECT id, revision, revision_open FROM cases WHERE id IN ({marks})", chunk)}
            bases = {r[0]: SyncBase(r[1], r[2], r[3]) for r in self.conn.execute(
                f"SELECT case_id, office_rev, base_body, synced_revision FROM sync_state WHERE case_id IN ({marks})",
                chunk)}
            tombs = {r[0] for r in self.conn.execute(
                f"SELECT case_id FROM case_tombstones WHERE case_id IN ({marks})", chunk)} if any_tomb else set()
            conflicted = {r[0] for r in self.conn.execute(
                f"SELECT DISTINCT case_id FROM sync_conflicts WHERE case_id IN ({marks})", chunk)
            } if any_conflict else set()
            for case_id in chunk:
                revision, is_open = local.get(case_id, (None, False))
                out[case_id] = PageState(revision, is_open, bases.get(case_id), case_id in tombs,
                                         case_id in conflicted)
        return out

    def case_numbers_taken(self, numbers: Collection[str]) -> set[str]:
        """Which of these case numbers a case here already holds."""
        wanted = sorted(set(numbers))
        taken: set[str] = set()
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start:start + _IN_CHUNK]
            taken.update(r[0] for r in self.conn.execute(
                f"SELECT case_number FROM cases WHERE case_number IN ({','.join('?' * len(chunk))})", chunk))
        return taken

    def sync_apply_many(self, items: Sequence[Incoming]) -> None:
        """Take in office revisions as they stand — each a case new here, or one this laptop has not changed
        since it was last in step (storage.sync decides, after verifying each) — exactly as `sync_apply` with
        in_step would one by one (the same rows, revisions, audit entries in the same order, sync bases and
        notices), but with one statement per table for all of them, in ONE transaction with the cursor. A case
        may appear once; one with an open revision is not taken here."""
        if not items:
            return
        ids = [item.case_id for item in items]
        assert len(set(ids)) == len(ids), "one revision per case in a bulk apply"
        with self._tx():
            stored: dict[str, tuple[int, str, int, str]] = {}
            for start in range(0, len(ids), _IN_CHUNK):
                chunk = ids[start:start + _IN_CHUNK]
                stored.update((r[0], (r[1], r[2], r[3], r[4])) for r in self.conn.execute(
                    f"SELECT id, revision, updated_at, revision_open, body FROM cases WHERE id IN "
                    f"({','.join('?' * len(chunk))})", chunk))
            inserts: list[tuple[object, ...]] = []
            updates: list[tuple[object, ...]] = []
            revisions: list[tuple[object, ...]] = []
            entries: list[tuple[str, str | None, str, str]] = []
            states: list[tuple[object, ...]] = []
            notices: list[tuple[object, ...]] = []
            search_rows: list[tuple[object, ...]] = []
            memo: dict[tuple[str, str], tuple[search.Key, ...]] = {}  # this batch's search keys, then dropped
            for item in items:
                known = stored.get(item.case_id)
                if known is None and item.new is not None:  # made and checked by storage.sync's other processes
                    row, search_row = item.new.row, item.new.search_row
                else:
                    made = self._bulk_row(item, known, memo)
                    if made is None:  # the content this laptop holds already: only the sync base moves
                        assert known is not None
                        states.append((item.case_id, item.office_rev, item.office_body, known[0]))
                        self._queue_notice(notices, item)
                        continue
                    row, search_row = made
                if known is None:
                    inserts.append(row)
                    search_rows.append(search_row)
                else:
                    updates.append((*row[1:], 0, row[0]))
                body, revision = _body(row), row[REVISION]
                assert isinstance(revision, int)
                revisions.append((row[0], revision, row[UPDATED_AT], body))
                entries.append(("case_synced", item.case_id, _detail(revision, item.detail), record_digest(body)))
                states.append((item.case_id, item.office_rev, item.office_body, revision))
                self._queue_notice(notices, item)
            # One statement for all the rows, not one per row: the search triggers feed an FTS5 table, and FTS5
            # writes its pending terms to disk at the start of every statement. The rows are staged in a TEMP
            # table first (temp_store is MEMORY: never on disk; emptied before the transaction ends).
            if inserts or updates:
                self.conn.execute(_STAGE_TABLE)
                self.conn.executemany(f"INSERT INTO temp.sync_incoming ({_STAGE_COLUMNS}) VALUES "
                                      "(?,?,?,?,?,?,?,?,?,?,?,?,?)", [(*row, 0) for row in inserts]
                                      + [(u[-1], *u[:-1]) for u in updates])
            if inserts:
                # The new cases' search rows first, in one statement (FTS5 flushes once): the cases_indexed trigger
                # then finds each row there and does not unpack search_text again (migration 0014).
                self.conn.execute(_SEARCH_STAGE_TABLE)
                self.conn.executemany(f"INSERT INTO temp.search_incoming ({_SEARCH_COLUMNS}) VALUES "
                                      f"({','.join('?' * 10)})", search_rows)
                try:
                    self.conn.execute(f"INSERT INTO case_search ({_SEARCH_COLUMNS}) SELECT {_SEARCH_COLUMNS} FROM "
                                      "temp.search_incoming ORDER BY k")
                except database.IntegrityError:
                    raise CaseConflict("A case pulled from the office has the id of a case already in the "
                                       "store.") from None
                self.conn.execute("DELETE FROM temp.search_incoming")
                try:
                    self.conn.execute(
                        "INSERT INTO cases (id, case_number, revision, status, family_name, given_names, a_number,"
                        " aliases, created_at, updated_at, body, search_text) SELECT id, case_number, revision,"
                        " status, family_name, given_names, a_number, aliases, created_at, updated_at, body,"
                        f" search_text FROM temp.sync_incoming WHERE k <= {len(inserts)} ORDER BY k")
                except database.IntegrityError:
                    raise CaseConflict("A case pulled from the office has the number or the id of a case already "
                                       "in the store.") from None
            if updates:
                self.conn.execute(
                    "UPDATE cases SET case_number = n.case_number, revision = n.revision, status = n.status, "
                    "family_name = n.family_name, given_names = n.given_names, a_number = n.a_number, "
                    "aliases = n.aliases, created_at = n.created_at, updated_at = n.updated_at, body = n.body, "
                    "search_text = n.search_text, revision_open = n.revision_open FROM temp.sync_incoming AS n "
                    f"WHERE n.k > {len(inserts)} AND cases.id = n.id")
            if inserts or updates:
                self.conn.execute("DELETE FROM temp.sync_incoming")
            self.conn.executemany("INSERT INTO case_revisions (case_id, revision, saved_at, body) VALUES (?,?,?,?)",
                                  revisions)
            self.conn.executemany(
                "INSERT INTO sync_state (case_id, office_rev, base_body, synced_revision) VALUES (?,?,?,?) "
                "ON CONFLICT (case_id) DO UPDATE SET office_rev = excluded.office_rev, base_body = "
                "excluded.base_body, synced_revision = excluded.synced_revision", states)
            for table in ("sync_conflicts", "case_tombstones"):  # usually empty: then not asked 500 times
                if self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                    self.conn.executemany(f"DELETE FROM {table} WHERE case_id = ?", [(i,) for i in ids])
            if notices:
                self.conn.executemany("INSERT OR REPLACE INTO decision_notices (case_id, decision, actor, "
                                      "arrived_at) VALUES (?,?,?,?)", notices)
            audit.append_many(self.conn, self._officer.officer_id, entries)
            self._move_cursor(max(item.cursor for item in items))
        self._announce(Changes(cases=True, audit=True, case_ids=frozenset(ids)))

    def _bulk_row(self, item: Incoming, known: tuple[int, str, int, str] | None,
                  memo: dict[tuple[str, str], tuple[search.Key, ...]]
                  ) -> tuple[tuple[object, ...], tuple[object, ...]] | None:
        """sync_apply_many's cases row for `item` (and its case_search row, for a case new here), prepared and
        checked as every write is; None when the case here holds this content already."""
        original = item.full_case()
        case = original if item.prepared else nfc(with_item_ids(original))
        if not (item.valid and case is original):  # validate_case is pure: same object, same answer
            if known is None:
                _check(case)
            else:  # free text the case held here from before a rule, unchanged, is carried
                _check_edit(case, lambda: _decode(known[3]))
        given = item.search if case is original else None  # the keys do not depend on what is replaced below
        if known is None:
            assert case.case_number, "a case without a number is taken in one by one"
            _case, row, search_row = new_case_rows(case, self._officer, memo, given)
            return row, search_row
        revision, updated_at, is_open, old_body = known
        assert not is_open, "a case with an open revision is taken in one by one"
        doc = to_jsonable(case)
        if _same_content(doc, old_body):
            return None
        case = replace(case, revision=revision + 1, updated_at=_next_time(datetime.fromisoformat(updated_at)))
        doc.update(revision=case.revision, updated_at=case.updated_at.isoformat() if case.updated_at else None)
        return _row(case, doc, memo, search_text=given[0] if given else None), ()

    @staticmethod
    def _queue_notice(notices: list[tuple[object, ...]], item: Incoming) -> None:
        if item.notice is not None:
            notices.append((item.case_id, item.notice.event, item.notice.actor, _now().isoformat()))

    def sync_skip(self, cursor: int, case_id: str, reason: str) -> None:
        """A record refused on pull: remembered (sync_refused, by its sequence number `cursor`), recorded by name
        in the audit log, and passed over by the cursor; with no `reason`, a record already here (only the cursor
        moves). storage.sync reads each remembered record again, alone, at later syncs, and names it in each
        one's report, but it is recorded once: the same words for the same case are not written again."""
        with self._tx():
            if reason:
                detail = reason[:300]
                known = self.conn.execute("SELECT detail FROM sync_refused WHERE seq = ?", (cursor,)).fetchone()
                # A record refused before this store remembered refusals (migration 0015) may be in the log already.
                if (known is None or known[0] != detail) and self.conn.execute(
                        "SELECT 1 FROM audit_log WHERE action = 'sync_rejected' AND case_id IS ? AND detail = ? "
                        "LIMIT 1", (case_id or None, detail)).fetchone() is None:
                    audit.append(self.conn, self._officer.officer_id, "sync_rejected", case_id or None, detail)
                self.conn.execute("INSERT INTO sync_refused (seq, case_id, detail) VALUES (?, ?, ?) ON CONFLICT (seq) "
                                  "DO UPDATE SET case_id = excluded.case_id, detail = excluded.detail",
                                  (cursor, case_id, detail))
            self._move_cursor(cursor)

    def sync_cursor_mark(self) -> tuple[int, int, str]:
        """The pull cursor, and the office record this laptop last read or pushed at or below it that it knows
        for sure (one that opened, or its own): its number and mark (0, '' not yet known). storage.sync checks
        the office still holds it before it pulls (migration 0016)."""
        row = self.conn.execute("SELECT cursor, cursor_mark FROM office_link WHERE id = 1").fetchone()
        if row is None:
            return 0, 0, ""
        seq, _, mark = str(row[1]).partition(":")
        return int(row[0]), int(seq) if seq.isdigit() and mark else 0, mark

    def set_sync_cursor_mark(self, seq: int, mark: str) -> None:
        """Office record `seq`, which this laptop knows for sure, has mark `mark`: kept when it is at or below the
        cursor and newer than the one kept (inside a pulled page's or a push's transaction, or its own)."""
        with self._tx():
            cursor, known, _mark = self.sync_cursor_mark()
            if known <= seq <= cursor:
                self.conn.execute("UPDATE office_link SET cursor_mark = ? WHERE id = 1", (f"{seq}:{mark}",))

    def sync_refused(self) -> list[int]:
        """The office records a pull refused and that may still bring something, by sequence number, oldest first."""
        return [r[0] for r in self.conn.execute("SELECT seq FROM sync_refused ORDER BY seq")]

    def sync_refusal_settled(self, seq: int) -> None:
        """Office record `seq` is no longer read again: it has been taken in, or its case moved past it (the
        audit log keeps its refusal)."""
        with self._tx():
            self.conn.execute("DELETE FROM sync_refused WHERE seq = ?", (seq,))

    def sync_conflicts(self, case_id: str | None = None) -> list[StoredConflict]:
        """Fields both this laptop and the office changed, each with both values, waiting for a person."""
        rows = self.conn.execute(
            "SELECT case_id, path, base, mine, theirs, office_rev FROM sync_conflicts"
            + (" WHERE case_id = ?" if case_id else "") + " ORDER BY case_id, path",
            (case_id,) if case_id else ()).fetchall()
        return [StoredConflict(*r) for r in rows]

    def resolve_conflict(self, case_id: str, path: str, case: CaseFile) -> SaveResult:
        """A person chose the value at `path`: `case` (with that choice) is saved as the next revision, whatever
        its status, and the conflict is closed; the next sync sends it — unless the case is then the office's
        copy as it stands (nothing left to send).

        The office's value may always be chosen. Any other is refused (ReadOnlyCase, nothing written) while the
        case is one this profile may not change: a colleague's submitted case (only that officer changes it), or
        a case that is not a draft and would change here (it must be returned and reopened first) — the same rule
        every laptop applies to what the office brings (storage.sync.check_steps)."""
        case = _tidy(case)
        with self._tx():
            row = self.conn.execute("SELECT theirs FROM sync_conflicts WHERE case_id = ? AND path = ?",
                                    (case_id, path)).fetchone()
            if row is None:
                raise CaseNotFound(f"There is no open sync conflict on {path} in this case.")
            self._close_revision_in_transaction(case_id)
            stored = self._stored(case_id)
            self._check_choice(path, case, stored.case, json.loads(row[0]))
            self.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ? AND path = ?", (case_id, path))
            _check_edit(case, stored.case)
            result = self._write(replace(case, status=stored.case.status), stored, coalesce=False,
                                 action="conflict_resolved", detail=path)
            self.conn.execute("UPDATE sync_state SET synced_revision = ? WHERE case_id = ?",
                              (result.case.revision if self._as_at_office(result.case) else 0, case_id))
        return self._saved(result)

    def conflict_choice_refusal(self, case_id: str, path: str, value: object) -> Message | None:
        """Why `value` (as JSON data) may not be kept for the open conflict on `path` (resolve_conflict's rule),
        or None: the conflict dialog offers only what may stand."""
        row = self.conn.execute("SELECT theirs FROM sync_conflicts WHERE case_id = ? AND path = ?",
                                (case_id, path)).fetchone()
        if row is None or path == DELETED:
            return None
        from casework.merge import set_path

        stored = self._stored(case_id).case
        try:
            doc = set_path(upgrade(json.loads(dump_body(stored))), path, value)
        except KeyError:
            return None  # resolve_conflict finds it
        return self._choice_problem(path, doc, stored, json.loads(row[0]))

    def _check_choice(self, path: str, case: CaseFile, stored: CaseFile, theirs: object) -> None:
        """ReadOnlyCase when the value `case` holds at `path` (a conflict's choice) may not stand (resolve_conflict)."""
        if (problem := self._choice_problem(path, upgrade(json.loads(dump_body(case))), stored, theirs)) is not None:
            raise ReadOnlyCase(problem)

    def _choice_problem(self, path: str, doc: dict[str, Any], stored: CaseFile, theirs: object) -> Message | None:
        from casework.merge import get_path, set_path

        before = upgrade(json.loads(dump_body(stored)))
        chosen = get_path(doc, path)
        if chosen == theirs:
            return None  # the office's value: always
        if (problem := edit_refusal(stored, self._officer.officer_id)) is not None:
            return QT_TRANSLATE_NOOP(
                "storage", "Case {number}: {problem}, so your value for {field} cannot be kept; choose the office's "
                "value (yours stays in this laptop's history).").format(number=stored.case_number, problem=problem,
                                                                        field=path)
        changes = chosen != get_path(before, path) or \
            content_digest(set_path(doc, path, get_path(before, path))) != content_digest(before)
        if not is_editable(stored.status) and changes:
            return QT_TRANSLATE_NOOP(
                "storage", "Case {number} is {status}, so your value for {field} cannot be kept until the case is "
                "reopened; reopen it first, or choose the office's value.").format(
                number=stored.case_number, status=status_word(stored.status), field=path)
        return None

    def _as_at_office(self, case: CaseFile) -> bool:
        """Whether `case` is the office's copy it was last in step with (revision and time aside), with no
        conflict left open: then nothing is sent for it."""
        if self.conn.execute("SELECT 1 FROM sync_conflicts WHERE case_id = ? LIMIT 1", (case.id,)).fetchone():
            return False
        row = self.conn.execute("SELECT base_body FROM sync_state WHERE case_id = ?", (case.id,)).fetchone()
        if row is None:
            return False

        def plain(doc: dict[str, Any]) -> str:
            return canonical_json({k: v for k, v in doc.items() if k not in ("revision", "updated_at")})

        return plain(upgrade(json.loads(row[0]))) == plain(upgrade(json.loads(dump_body(case))))

    def sync_heads(self) -> dict[str, int]:
        """Every synced case's office revision, as this laptop knows it (compared with the office's heads):
        deleted cases count at their tombstone's office revision."""
        heads = {r[0]: r[1] for r in self.conn.execute(
            "SELECT case_id, office_rev FROM case_tombstones WHERE office_rev IS NOT NULL")}
        heads.update(self.conn.execute("SELECT case_id, office_rev FROM sync_state INDEXED BY sync_state_standing"))
        return heads

    def _set_sync_state(self, case_id: str, office_rev: int, base_body: str, synced_revision: int) -> None:
        self.conn.execute(
            "INSERT INTO sync_state (case_id, office_rev, base_body, synced_revision) VALUES (?,?,?,?) "
            "ON CONFLICT (case_id) DO UPDATE SET office_rev = excluded.office_rev, base_body = excluded.base_body,"
            " synced_revision = excluded.synced_revision", (case_id, office_rev, base_body, synced_revision))

    def sync_move_cursor(self, cursor: int) -> None:
        """Past this laptop's own pushes, when nothing else lies between (they need not be pulled back)."""
        with self._tx():
            self._move_cursor(cursor)

    def _move_cursor(self, cursor: int) -> None:
        self.conn.execute("UPDATE office_link SET cursor = max(cursor, ?) WHERE id = 1", (cursor,))

    def _set_conflicts(self, case_id: str, office_rev: int, conflicts: Sequence[StoredConflict]) -> None:
        """`conflicts` replace the case's open ones (audited by field name, never value)."""
        self.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ?", (case_id,))
        for c in conflicts:
            self.conn.execute(
                "INSERT INTO sync_conflicts (case_id, path, base, mine, theirs, office_rev, found_at) "
                "VALUES (?,?,?,?,?,?,?)", (case_id, c.path, c.base, c.mine, c.theirs, office_rev,
                                           _now().isoformat()))
        if conflicts:
            audit.append(self.conn, self._officer.officer_id, "sync_conflict", case_id,
                         f"office revision {office_rev}; fields: {', '.join(c.path for c in conflicts)}")

    # ----- tombstones: deletions travel to the office, and arrive from it ---------------------------------

    def tombstone(self, case_id: str) -> Tombstone | None:
        row = self.conn.execute(f"SELECT {_TOMBSTONE_COLUMNS} FROM case_tombstones WHERE case_id = ?",
                                (case_id,)).fetchone()
        return Tombstone(*row) if row else None

    def sync_outgoing_tombstones(self) -> list[Tombstone]:
        """Deletions of cases the office holds, not yet accepted there (a case never synced needs none)."""
        rows = self.conn.execute(f"SELECT {_TOMBSTONE_COLUMNS} FROM case_tombstones WHERE base_rev IS NOT NULL "
                                 "AND office_rev IS NULL ORDER BY case_id").fetchall()
        return [Tombstone(*r) for r in rows]

    def sync_tombstone_pushed(self, case_id: str, office_rev: int) -> None:
        with self._tx():
            self.conn.execute("UPDATE case_tombstones SET office_rev = ?, base_rev = ? WHERE case_id = ?",
                              (office_rev, office_rev - 1, case_id))
            audit.append(self.conn, self._officer.officer_id, "case_deletion_pushed", case_id,
                         f"as office revision {office_rev}")

    def sync_tombstone_rebase(self, case_id: str, base_rev: int, cursor: int) -> None:
        """The office holds `base_rev` of a case deleted here (this laptop's own push, whose answer was lost):
        the deletion is sent on top of it."""
        with self._tx():
            self.conn.execute("UPDATE case_tombstones SET base_rev = ? WHERE case_id = ? AND office_rev IS NULL",
                              (base_rev, case_id))
            self._move_cursor(cursor)

    def sync_apply_tombstone(self, tomb: Tombstone, *, cursor: int, detail: str) -> bool:
        """A deletion that arrived from the office (verified by storage.sync), in ONE transaction with the cursor.

        The case goes when it is unchanged here since the last sync, a draft, and has no printed memo; otherwise
        it stays, with a `deleted` conflict for a person to settle (never a silent loss). Returns whether the
        case was removed (or was not here)."""
        assert tomb.office_rev is not None
        removed = True
        with self._tx():
            row = self.conn.execute("SELECT c.revision, c.status, s.synced_revision, s.base_body FROM cases c "
                                    "LEFT JOIN sync_state s ON s.case_id = c.id WHERE c.id = ?",
                                    (tomb.case_id,)).fetchone()
            if row is None:
                self.conn.execute("DELETE FROM sync_state WHERE case_id = ?", (tomb.case_id,))
                self._keep_tombstone(tomb)
            else:
                revision, status, synced, base_body = row
                printed = self.conn.execute("SELECT 1 FROM memo_prints WHERE case_id = ? LIMIT 1",
                                            (tomb.case_id,)).fetchone() is not None
                if synced == revision and status == CaseStatus.DRAFT.value and not printed:
                    self._delete_in_transaction(tomb.case_id, tomb, detail=f"deleted at the office: {detail}")
                else:
                    removed = False
                    self._set_sync_state(tomb.case_id, tomb.office_rev, base_body or "{}", 0)
                    self._set_conflicts(tomb.case_id, tomb.office_rev, [StoredConflict(
                        tomb.case_id, DELETED, "null", json.dumps({"kept": True, "revision": revision}),
                        json.dumps({"deleted": True, "by": tomb.deleted_by, "at": tomb.deleted_at}),
                        tomb.office_rev)])
            self._move_cursor(cursor)
        if row is not None:
            self._announce(Changes(cases=True, audit=True, case_ids=frozenset({tomb.case_id})))
        return removed

    def sync_restore_deleted(self, case: CaseFile, *, office_rev: int, office_body: str, cursor: int,
                             by: str, detail: str) -> SaveResult:
        """The office changed a case this laptop deleted but had not yet told the office about: the office's
        copy comes back, with a `deleted` conflict so a person decides whether to delete it again."""
        tomb = self.tombstone(case.id)
        with self._tx():
            self.conn.execute("DELETE FROM case_tombstones WHERE case_id = ?", (case.id,))
            result = self._insert_in_transaction(self._prepare(case), _now(), action="case_synced",
                                                 detail=f"{detail}; it had been deleted here")
            self._set_sync_state(case.id, office_rev, office_body, 0)
            self._set_conflicts(case.id, office_rev, [StoredConflict(
                case.id, DELETED, "null",
                json.dumps({"deleted": True, "by": tomb.deleted_by if tomb else "", "at": tomb.deleted_at if tomb
                            else ""}), json.dumps({"kept": True, "changed_by": by}), office_rev)])
            self._move_cursor(cursor)
        return self._saved(result)

    def resolve_deletion(self, case_id: str, *, delete: bool) -> Changes:
        """A person settles a `deleted` conflict: `delete` removes the case here (the store's deletion rules
        apply: never a submitted or printed case) and the next sync sends the deletion; otherwise the case is
        kept and the next sync sends it back to the office."""
        with self._tx():
            row = self.conn.execute("SELECT theirs FROM sync_conflicts WHERE case_id = ? AND path = ?",
                                    (case_id, DELETED)).fetchone()
            if row is None:
                raise CaseNotFound("There is no open deletion conflict on this case; 'casefile conflicts' lists "
                                   "them.")
            stored = self._stored(case_id)
            state = self.sync_base(case_id)
            if delete:
                self._check_deletable(stored, case_id)
                self.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ?", (case_id,))
                theirs = json.loads(row[0]) or {}
                arrived = None
                if theirs.get("deleted") and state is not None:  # the office's deletion is taken as it stands
                    arrived = Tombstone(case_id, stored.case.case_number, stored.revision, "",
                                        str(theirs.get("by", "")), str(theirs.get("at", "")), state.office_rev - 1,
                                        state.office_rev)
                self._delete_in_transaction(case_id, arrived, base_rev=state.office_rev if state else None,
                                            detail="deletion kept after a sync conflict")
            else:
                self.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ? AND path = ?", (case_id, DELETED))
                self.conn.execute("UPDATE sync_state SET synced_revision = 0 WHERE case_id = ?", (case_id,))
                audit.append(self.conn, self._officer.officer_id, "conflict_resolved", case_id,
                             f"{DELETED}: kept")
        return self._announce(Changes(cases=True, audit=True, case_ids=frozenset({case_id})))

    def _keep_tombstone(self, tomb: Tombstone) -> None:
        self.conn.execute(f"INSERT OR REPLACE INTO case_tombstones ({_TOMBSTONE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                          tomb.row())

    def _check_deletable(self, stored: _Stored, case_id: str) -> None:
        number = stored.case.case_number
        history = stored.case.assessment.history if stored.case.assessment else ()
        if stored.status is not CaseStatus.DRAFT or any(e.event == "submitted" for e in history):
            raise ReadOnlyCase(QT_TRANSLATE_NOOP(
                "storage", "Case {number} has been submitted for review, so it cannot be deleted; it stays in the "
                "record.").format(number=number))
        if self.conn.execute("SELECT 1 FROM memo_prints WHERE case_id = ? LIMIT 1", (case_id,)).fetchone():
            raise ReadOnlyCase(QT_TRANSLATE_NOOP(
                "storage", "A memo of case {number} was printed, so the case cannot be deleted: the paper copy must "
                "stay verifiable.").format(number=number))

    def _delete_in_transaction(self, case_id: str, arrived: Tombstone | None, *, base_rev: int | None = None,
                               detail: str = "") -> None:
        """Remove the case, its revisions, sync state and conflicts, and keep its tombstone: `arrived` (a
        deletion from the office, already there) or a new one by this profile based on office `base_rev`."""
        number, revision, body = self.conn.execute("SELECT case_number, revision, body FROM cases WHERE id = ?",
                                                   (case_id,)).fetchone()
        self.conn.execute("DELETE FROM sync_conflicts WHERE case_id = ?", (case_id,))
        self.conn.execute("DELETE FROM sync_state WHERE case_id = ?", (case_id,))
        self.conn.execute("DELETE FROM decision_notices WHERE case_id = ?", (case_id,))
        self.conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
        tomb = arrived or Tombstone(case_id, number, revision, record_digest(body), self._officer.officer_id,
                                    _now().isoformat(), base_rev, None)
        self._keep_tombstone(tomb)
        text = (f"tombstone: case {number}, revision {revision}"
                + (f", office revision {base_rev}" if base_rev is not None else "") + (f"; {detail}" if detail else ""))
        audit.append(self.conn, self._officer.officer_id, "case_deleted", case_id, text,
                     digest=record_digest(body))

    # ----- decisions that arrived by sync, until the officer opens the case -------------------------------

    def _notice_in_transaction(self, case_id: str, event: WorkflowEvent) -> None:
        self.conn.execute("INSERT OR REPLACE INTO decision_notices (case_id, decision, actor, arrived_at) "
                          "VALUES (?,?,?,?)", (case_id, event.event, event.actor, _now().isoformat()))

    def decision_notices(self) -> dict[str, DecisionNotice]:
        """Review decisions that arrived by sync and the officer has not opened yet, by case id."""
        return {r[0]: DecisionNotice(*r) for r in self.conn.execute(
            "SELECT case_id, decision, actor, arrived_at FROM decision_notices")}

    def decision(self, case_id: str) -> DecisionState | None:
        """The case's latest review decision, and whether the case still holds the content reviewed."""
        return decision_state(self.get_case(case_id))

    def stale_decisions(self) -> set[str]:
        """Ids of cases whose latest review decision no longer matches their content (reopened and edited, a
        merge from the office, a resolved conflict): only decided cases' bodies, and drafts that hold a
        decision, are read."""
        decided = (CaseStatus.CONCURRED.value, CaseStatus.RETURNED.value, CaseStatus.NONCONCURRED.value)
        reopened = " OR ".join(['body LIKE \'%"event":"' + d + '"%\'' for d in decided])
        rows = self.conn.execute(f"SELECT id, body FROM cases WHERE status IN (?,?,?) OR (status = 'draft' AND "
                                 f"({reopened}))", decided).fetchall()
        return {case_id for case_id, body in rows if (state := decision_state(_decode(body))) and state.stale}

    def clear_notice(self, case_id: str) -> None:
        """The officer saw the decision (opened the case): the notification goes."""
        with self._tx():
            self.conn.execute("DELETE FROM decision_notices WHERE case_id = ?", (case_id,))

    # ----- office recovery key (storage.recovery) ------------------------------------------------------------

    def add_recovery_slot(self, public: X25519PublicKey) -> Changes:
        """Seal the data key to the office's public recovery key (replacing an earlier recovery slot).

        All or nothing with its audit entry, like a passphrase change (keyslot.replace_key_file)."""
        data_key = self._data_key
        if data_key is None:
            raise StoreCorrupt("The store is not open with its key; unlock it again and retry.")
        key_file = self._key_file.with_recovery(data_key, public)
        slot = key_file.recovery_slot
        assert slot is not None

        def record() -> None:
            with self._tx():
                audit.append(self.conn, self._officer.officer_id, "recovery_slot_added",
                             detail=f"office recovery key {slot.recipient}")

        keyslot.replace_key_file(self.paths.key_file, key_file, record, data_dir=self.paths.data_dir)
        self._key_file = key_file
        return self._announce(Changes(audit=True))

    @property
    def recovery_key_id(self) -> str | None:
        """The key id of the office recovery key this profile's recovery slot is sealed to (None: no slot)."""
        slot = self._key_file.recovery_slot
        return slot.recipient if slot else None

    @property
    def recovery_public_key(self) -> X25519PublicKey | None:
        """The office public recovery key this profile is sealed to, e.g. to seal a salvaged store to it too."""
        return self._key_file.recovery_public_key()

    @property
    def fips_key_slots(self) -> bool:
        """Whether the passphrase slot uses PBKDF2-HMAC-SHA512 (a FIPS profile; keyslot.FIPS_KDF)."""
        return self._key_file.fips

    @classmethod
    def recover(cls, data_dir: Path, private: X25519PrivateKey, new_passphrase: str, *,
                kdf: keyslot.KdfParams | None = None) -> CaseStore:
        """Reset a forgotten passphrase with the office's private recovery key; return the store, unlocked.

        The data key comes out of the recovery slot; a new passphrase slot replaces the old one and the
        `passphrase_recovered` entry is written, all or nothing (keyslot.replace_key_file) — then, and only
        then, the failure count and any lockout are cleared. Works on a locked-out profile (that is its
        purpose). Raises RecoverySlotMismatch for another office's key or a profile without a recovery slot,
        PassphraseRefused for a new passphrase casework's rule refuses (nothing changed either way).
        """
        paths = StorePaths(Path(data_dir))
        error_map.check_data_dir(paths.data_dir)
        if not paths.exists():
            raise StoreNotFound(_NO_STORE.format(folder=paths.data_dir))
        lock = ProfileLock.acquire(paths, doing=QT_TRANSLATE_NOOP("storage", "recover the profile"))
        try:
            key_file = keyslot.read_key_file(paths.key_file)
            data_key = key_file.unwrap_recovery(private)
            throttle = UnlockThrottle(paths.throttle, mirror=paths.key_file)
            was_locked, failures = throttle.locked_out(), throttle.failure_times()
            store = cls.open_with_key(paths, data_key, key_file, failed_attempts=failures, lock=lock)
        except BaseException:
            lock.release()
            raise
        try:
            officer = store._officer
            new_file = store._key_file.with_passphrase(data_key, new_passphrase, kdf,
                                                       context=officer_words(officer.name, officer.officer_id))
            slot = new_file.recovery_slot
            detail = (f"with office recovery key {slot.recipient if slot else '?'}"
                      + ("; the lockout was cleared" if was_locked else ""))

            def record() -> None:
                with store._tx():
                    audit.append(store.conn, officer.officer_id, "passphrase_recovered", detail=detail)

            keyslot.replace_key_file(paths.key_file, new_file, record, data_dir=paths.data_dir)
        except BaseException:
            store.close()
            raise
        store._key_file = new_file
        throttle.clear_lockout()
        log.info("passphrase recovered with the office key")
        return store

    def delete_case(self, case_id: str, *, revision: int) -> Changes:
        """Delete a draft case the officer no longer wants (a duplicate, one started by mistake), in one transaction.

        Refused (ReadOnlyCase) for a case that is not a draft or was ever submitted (it is in the review trail),
        and for one with a printed memo (the paper must stay verifiable); CaseConflict when the stored case is not
        at `revision` (it changed since the officer confirmed). The case row, its revisions (ON DELETE CASCADE)
        and its sync state go; what stays is the `case_deleted` audit entry and a tombstone (case id, number,
        last revision and the digest of its last body, the office revision it was based on), which the next
        sync sends to the office so other laptops remove the case too.
        """
        with self._tx():
            stored = self._stored(case_id)
            self._check_deletable(stored, case_id)
            if stored.revision != revision:
                raise CaseConflict(f"Case {stored.case.case_number} changed since you asked to delete it (revision "
                                   f"{stored.revision}, not {revision}); look at it again first.")
            synced = self.conn.execute("SELECT office_rev FROM sync_state WHERE case_id = ?", (case_id,)).fetchone()
            self._delete_in_transaction(case_id, None, base_rev=synced[0] if synced else None,
                                        detail="" if synced else "never synced")
        return self._announce(Changes(cases=True, audit=True, case_ids=frozenset({case_id})))

    # ----- attachments (storage.attachments; casework.attachments for the rules) -----------------------------

    def add_attachment(self, case_id: str, data: bytes, file_name: str, *, caption: str = "") -> SaveResult:
        """Attach a photo, scan or PDF to a draft case: its content is kept once by SHA-256 and the case gains a
        reference, as the next (closed) revision — content, reference and audit entry in one transaction.

        Refused: a case that is not a draft (ReadOnlyCase, like an edit); content over the size limit, empty or
        of a type not accepted (AttachmentNotAccepted, naming the file); the same content already attached to
        this case (AttachmentNotAccepted). The audit entry names the item, type, size and hash — never the
        file name, which is case text.
        """
        name = clean_file_name(file_name)
        with self._tx():
            stored = self._attachable(case_id)
            sha, media = blobs.put_blob(self.conn, data, name)
            same = next((a for a in stored.case.attachments if a.sha256 == sha), None)
            if same is not None:
                raise blobs.AttachmentNotAccepted(
                    f"“{display_name(name)}” is already attached to case {stored.case.case_number}"
                    + ("." if same.file_name == name else f" (as “{display_name(same.file_name)}”)."))
            item = Attachment(sha, name, media, len(data), _now(), caption, new_id())
            case = replace(stored.case, attachments=(*stored.case.attachments, item))
            _check_edit(case, stored.case)
            result = self._write(case, stored, coalesce=False, action="attachment_added",
                                 detail=f"item {item.id}, {media}, {len(data)} bytes, sha256 {sha}")
        return self._saved(result)

    def remove_attachment(self, case_id: str, item_id: str) -> SaveResult:
        """Take an attachment off a draft case, as the next (closed) revision. The content stays in the store:
        earlier revisions, and memos printed from them, still cite it (storage.attachments)."""
        with self._tx():
            stored = self._attachable(case_id)
            item = self._attachment_of(stored.case, item_id)
            case = replace(stored.case, attachments=tuple(a for a in stored.case.attachments if a.id != item_id))
            result = self._write(case, stored, coalesce=False, action="attachment_removed",
                                 detail=f"item {item.id}, sha256 {item.sha256}")
        return self._saved(result)

    def caption_attachment(self, case_id: str, item_id: str, caption: str) -> SaveResult:
        """Set an attachment's caption (printed under its name in the memo's exhibits), on a draft only, as the
        next (closed) revision; the audit entry names the item, not the caption."""
        with self._tx():
            stored = self._attachable(case_id)
            item = self._attachment_of(stored.case, item_id)
            new = replace(item, caption=nfc(caption.strip()))
            if new == item:
                return SaveResult(stored.case, Changes())
            case = replace(stored.case, attachments=tuple(new if a.id == item_id else a
                                                          for a in stored.case.attachments))
            _check_edit(case, stored.case)
            result = self._write(case, stored, coalesce=False, action="attachment_captioned",
                                 detail=f"item {item.id}, sha256 {item.sha256}")
        return self._saved(result)

    def attachment_preview(self, case_id: str, item_id: str) -> tuple[Attachment, bytes]:
        """An attachment's content for its thumbnail in the open case (that view is recorded as `case_viewed`)."""
        item = self._attachment_of(self.get_case(case_id), item_id)
        return item, blobs.get_blob(self.conn, item.sha256)

    def open_attachment(self, case_id: str, item_id: str, *, outside: bool = False) -> tuple[Attachment, bytes]:
        """An attachment's content for the viewer — or, `outside`, for the temporary copy another program opens:
        either is recorded in the audit log (which item and hash; not the name). Any revision's attachment can
        be opened while the case cites it now; a read-only damaged store is read without recording."""
        item = self._attachment_of(self.get_case(case_id), item_id)
        data = blobs.get_blob(self.conn, item.sha256)
        if self.damage is None:
            with self._tx():
                audit.append(self.conn, self._officer.officer_id,
                             "attachment_opened_outside" if outside else "attachment_viewed", case_id,
                             f"item {item.id}, sha256 {item.sha256}")
            self._announce(Changes(audit=True, case_ids=frozenset({case_id})))
        return item, data

    def attachment_hashes(self, case_id: str) -> set[str]:
        """The SHA-256 of every attachment the case cites now (what office sync carries with its body)."""
        return {a.sha256 for a in self.get_case(case_id).attachments}

    def has_blob(self, sha: str) -> bool:
        return blobs.has_blob(self.conn, sha)

    def get_blob(self, sha: str) -> bytes:
        """Content by hash, checked against it (AttachmentMissing, StoreCorrupt). For sync: not audited."""
        return blobs.get_blob(self.conn, sha)

    def put_blob(self, data: bytes) -> str:
        """Keep content (under the same size and type rules as an attachment) and return its SHA-256; for sync
        taking in the attachments a pulled case cites."""
        with self._tx():
            sha, _media = blobs.put_blob(self.conn, data)
        return sha

    def _attachable(self, case_id: str) -> _Stored:
        """The stored case, with its open revision closed first, if attachments may change now (a draft)."""
        stored = self._stored(case_id)
        if not is_editable(stored.status):
            raise ReadOnlyCase(f"Case {stored.case.case_number} is {label(stored.status).lower()}, so its "
                               "attachments cannot change. Reopen it for editing first (the reason is kept in its "
                               "history).")
        self._check_editor(stored.case)
        if self._close_revision_in_transaction(case_id):
            stored = self._stored(case_id)
        return stored

    @staticmethod
    def _attachment_of(case: CaseFile, item_id: str) -> Attachment:
        item = next((a for a in case.attachments if a.id == item_id), None)
        if item is None:
            raise CaseNotFound(f"Case {case.case_number} has no such attachment (it was removed meanwhile).")
        return item

    def _check_blobs_here(self, case: CaseFile) -> None:
        """Refuse a case citing content this store does not hold (an import without its attachments)."""
        absent = blobs.missing(self.conn, {a.sha256 for a in case.attachments})
        for a in case.attachments:
            if a.sha256 in absent:
                raise blobs.AttachmentMissing(
                    f"Case {case.case_number or case.id}: the attachment “{display_name(a.file_name)}” (SHA-256 "
                    f"{a.sha256[:12]}…) is not in the file nor in this store; nothing was imported.")


@dataclass(frozen=True, slots=True)
class OutgoingCase:
    """A case to push: its stored body at `revision`, and the office revision (and body) it is based on."""

    case_id: str
    revision: int
    body: str
    base_rev: int
    base_body: str | None


@dataclass(frozen=True, slots=True)
class PageState:
    """A pulled case's standing here (CaseStore.sync_page_state)."""

    revision: int | None
    """The local revision (None: no such case here)."""
    revision_open: bool
    base: SyncBase | None
    tombstone: bool
    conflicted: bool


@dataclass(frozen=True, slots=True)
class Incoming:
    """An office revision to take in as it stands (CaseStore.sync_apply_many): the verified case, and what
    sync_apply is given for it."""

    case: CaseFile | None
    """None when `new` holds the row instead."""
    office_rev: int
    office_body: str
    cursor: int
    detail: str
    notice: WorkflowEvent | None = None
    valid: bool = False
    """storage.sync found no field problem in `case` (casework.validation.validate_case): when preparing it
    for the store changes nothing, the store does not ask again of the very same object."""
    prepared: bool = False
    """Preparing `case` for the store (NFC, item ids) is known to change nothing."""
    search: SearchForm | None = None
    """search_form(case), when storage.sync has it already (worked out in an opening process, storage.pull_worker)."""
    new: NewRow | None = None
    """The rows the store writes for this case if it is new here (new_case_rows), made by storage.sync's second
    process from the same record — so this process need not even decode the case. Used only when the case is
    indeed new here; otherwise the case is decoded from `office_body` and taken in as any other."""

    @property
    def case_id(self) -> str:
        if self.case is not None:
            return self.case.id
        assert self.new is not None, "an Incoming holds its case or its rows"
        return str(self.new.row[0])

    def full_case(self) -> CaseFile:
        return self.case if self.case is not None else load_body(self.office_body)


@dataclass(frozen=True, slots=True)
class NewRow:
    """What CaseStore.sync_apply_many writes for a case new here, taken in as it stands: its cases row (revision 1)
    and its case_search row."""

    row: tuple[object, ...]
    search_row: tuple[object, ...]
    notice: WorkflowEvent | None


def new_case_rows(case: CaseFile, officer: Officer, memo: dict[tuple[str, str], tuple[search.Key, ...]] | None = None,
                  given: SearchForm | None = None) -> tuple[CaseFile, tuple[object, ...], tuple[object, ...]]:
    """A valid, prepared case new here as the store keeps its first revision: the case (revision 1, saved now,
    `officer` when it names none), its cases row and its case_search row. `given`: its search_form, if known."""
    now = _now()
    case = replace(case, officer=case.officer if case.officer.officer_id else officer,
                   created_at=case.created_at or now, updated_at=now, revision=1)
    search_text, search_row = given or search_form(case, memo)
    return case, _row(case, search_text=search_text), (case.id, *search_row)


SearchForm = tuple[str, tuple[object, ...]]
"""A case's search keys as the store writes them: cases.search_text, and the case_search row but for its id."""


def search_form(case: CaseFile, memo: dict[tuple[str, str], tuple[search.Key, ...]] | None = None) -> SearchForm:
    columns = search.index_columns(case, memo)
    return search.index_json(columns), _search_row("", columns)[1:]


_IN_CHUNK = 500
"""Ids per `IN (…)` list."""


_STAGE_COLUMNS = ("id, case_number, revision, status, family_name, given_names, a_number, aliases, created_at, "
                  "updated_at, body, search_text, revision_open")
_STAGE_TABLE = f"CREATE TEMP TABLE IF NOT EXISTS sync_incoming (k INTEGER PRIMARY KEY, {_STAGE_COLUMNS})"
"""Rows of pulled cases on their way into `cases` (CaseStore.sync_apply_many), in memory only."""
_SEARCH_COLUMNS = "case_id, sort_name, " + ", ".join(search.COLUMNS) + ", keys"
_SEARCH_STAGE_TABLE = ("CREATE TEMP TABLE IF NOT EXISTS search_incoming (k INTEGER PRIMARY KEY, "
                       f"{_SEARCH_COLUMNS})")
"""Search rows of new pulled cases on their way into `case_search` (as sync_incoming), in memory only."""


def _same_content(doc: dict[str, Any], stored_body: str) -> bool:
    """Whether a case (as to_jsonable gives it) holds what a stored body holds, but for what the store
    maintains (revision, updated_at): _content's comparison, without decoding the stored case."""
    try:
        old = upgrade(json.loads(stored_body))
    except ValueError:
        return False
    skip = ("revision", "updated_at")
    return {k: v for k, v in doc.items() if k not in skip} == {k: v for k, v in old.items() if k not in skip}


@dataclass(frozen=True, slots=True)
class SyncBase:
    office_rev: int
    base_body: str
    synced_revision: int
    """The local revision last in step with the office (0: changed since, to be pushed)."""


DELETED = "deleted"
"""The conflict path of a case deleted on one side and changed (or kept) on the other."""

_TOMBSTONE_COLUMNS = "case_id, case_number, revision, digest, deleted_by, deleted_at, base_rev, office_rev"


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A deleted case, as sync carries it: no case content, only what identifies what was deleted."""

    case_id: str
    case_number: str
    revision: int
    digest: str
    deleted_by: str
    deleted_at: str
    base_rev: int | None
    """The office revision the deletion is based on (None: the office never had the case)."""
    office_rev: int | None
    """The office revision of the deletion itself (None: not yet at the office)."""

    def row(self) -> tuple[object, ...]:
        return (self.case_id, self.case_number, self.revision, self.digest, self.deleted_by, self.deleted_at,
                self.base_rev, self.office_rev)


@dataclass(frozen=True, slots=True)
class DecisionNotice:
    case_id: str
    decision: str
    actor: str
    arrived_at: str


@dataclass(frozen=True, slots=True)
class StoredConflict:
    """A conflict as kept in the store: values as JSON text (`null` where a side had no such field or item)."""

    case_id: str
    path: str
    base: str
    mine: str
    theirs: str
    office_rev: int

    @property
    def digest(self) -> str:
        """What a person is shown of this conflict — its case, field, both values (`mine` as it stands now:
        storage.sync.current_conflicts) and the office revision — as 12 hex digits: `casefile conflicts` lists it
        and `casefile resolve` takes it back, so a choice is never applied to a conflict that changed since."""
        shown = json.dumps([self.case_id, self.path, self.mine, self.theirs, self.office_rev], ensure_ascii=False)
        return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:12]


LIST_COLUMNS = "id, case_number, family_name, given_names, aliases, a_number, status, updated_at, revision"
LIST_QUERY = f"SELECT {LIST_COLUMNS} FROM cases ORDER BY updated_at DESC"
"""Served from the covering index cases_list (migrations 0005, 0009): no case body is read or decrypted."""

LOOKUP_QUERY = f"SELECT {LIST_COLUMNS} FROM cases INDEXED BY cases_lookup WHERE id IN "
"""The list rows of given ids, from the covering index cases_lookup (migration 0009)."""

PAGE_ORDER = {
    "updated": ("cases", "updated_at", "id"),
    "number": ("cases", "case_number", "id"),
    "a_number": ("cases", "a_number", "id"),
    "status": ("cases", "status", "id"),
    "name": ("case_search", "sort_name", "case_id"),
}
"""Each sort of the list: the table, its indexed key and id column (one index each: migration 0009)."""

OUTGOING_QUERY = ("SELECT c.id, c.revision, s.office_rev FROM cases c INDEXED BY cases_lookup LEFT JOIN sync_state s "
                  "INDEXED BY sync_state_standing ON s.case_id = c.id WHERE (s.case_id IS NULL OR s.synced_revision "
                  "!= c.revision) AND c.id NOT IN (SELECT case_id FROM sync_conflicts) ORDER BY c.id")
"""The cases a push sends, from the covering indexes cases_lookup and sync_state_standing (migration 0013): a
sync with nothing to do reads no case body and no office base."""

OPEN_REVISIONS_QUERY = "SELECT id FROM cases WHERE revision_open = 1"
"""Served by the partial index cases_open_revision (migration 0006): unlocking never scans every case."""

AUDIT_HEAD_SCHEMA = 6
"""The migration that added the signed audit head; older logs get their head signed on first open."""


def _summary(r: Sequence[object]) -> CaseSummary:
    """A CaseSummary from a row of LIST_COLUMNS."""
    aliases = str(r[4])
    return CaseSummary(str(r[0]), str(r[1]), str(r[2]), str(r[3]),
                       tuple(json.loads(aliases)) if aliases != "[]" else (), str(r[5]),
                       search.STATUSES[str(r[6])], datetime.fromisoformat(str(r[7])), int(str(r[8])))


def _tidy(case: CaseFile) -> CaseFile:
    """Text in NFC and every list item with a stable id, as every write stores a case (its fields checked apart)."""
    return nfc(with_item_ids(case))


def _check(case: CaseFile) -> None:
    """InvalidCase naming each field problem of `case` (casework.validation.validate_case)."""
    errors = validate_case(case)
    if errors:
        raise InvalidCase(errors)


def _check_edit(case: CaseFile, before: CaseFile | Callable[[], CaseFile]) -> None:
    """_check of a write that changes the stored case `before` (or a function reading it, asked only when a field
    has a problem): free text the case already held, unchanged, passes a rule made since (bidi controls — only a
    change to that field must drop them), so a case stored before the rule can still be saved, and fixed."""
    try:
        _check(case)
    except InvalidCase:
        errors = validate_case(case, before if isinstance(before, CaseFile) else before())
        if errors:
            raise InvalidCase(errors) from None


REVISION = 2
UPDATED_AT = 9
BODY = 10
"""Indexes of the revision, the time saved and the canonical JSON body in `_row`'s tuple."""


def _row(case: CaseFile, doc: dict[str, Any] | None = None,
         memo: dict[tuple[str, str], tuple[search.Key, ...]] | None = None,
         search_text: str | None = None) -> tuple[object, ...]:
    """The cases row of `case`; `doc`: to_jsonable(case), and `search_text`: search.index_text(case), when the
    caller has them already; `memo`: see search.keys_of."""
    s = case.subject
    body = dump_body(case) if doc is None else plain_canonical_json({**doc, VERSION_KEY: BODY_VERSION})
    return (
        case.id, case.case_number, case.revision, case.status.value, s.family_name, s.given_names, s.a_number,
        json.dumps(list(s.aliases), ensure_ascii=False),
        case.created_at.isoformat() if case.created_at else "",
        case.updated_at.isoformat() if case.updated_at else "",
        body,
        search_text if search_text is not None else search.index_text(case, memo),
    )


def _search_row(case_id: str, columns: dict[str, object]) -> tuple[object, ...]:
    """The case_search row the cases_indexed trigger would make from index_json(columns) (json_each gives each
    top-level value: a string as it is, the keys array as compact JSON)."""
    return (case_id, columns["sort"], *(columns[c] for c in search.COLUMNS), search.index_json(columns["keys"]))


def _body(row: tuple[object, ...]) -> str:
    body = row[BODY]
    assert isinstance(body, str)
    return body


def _decode(body: str) -> CaseFile:
    return load_body(body)


@dataclass(frozen=True, slots=True)
class _Stored:
    """The row a write starts from."""

    revision: int
    status: CaseStatus
    updated_at: datetime
    open: bool
    case: CaseFile


def _detail(revision: int, extra: str) -> str:
    return f"revision {revision}, {extra}" if extra else f"revision {revision}"


def _check_base(case: CaseFile, stored: _Stored) -> None:
    """Refuse a save based on anything but the latest saved state: it would silently undo someone's save."""
    if case.revision != stored.revision or case.updated_at != stored.updated_at:
        raise CaseConflict(
            f"Case {stored.case.case_number} was changed elsewhere (now revision {stored.revision}, saved "
            f"{stored.updated_at:%Y-%m-%d %H:%M:%S} UTC) since this copy was loaded. Reload it, or keep your "
            "version and save it on top.", revision=stored.revision, saved_at=stored.updated_at,
        )


def _next_time(previous: datetime) -> datetime:
    """Now, but always later than the previous save: updated_at doubles as the row's version for conflicts."""
    now = _now()
    return now if now > previous else previous + timedelta(milliseconds=1)


def _with_history_of(case: CaseFile, source: CaseFile) -> CaseFile:
    """`case` carrying `source`'s workflow history: only the workflow steps write history."""
    history = source.assessment.history if source.assessment else ()
    if case.assessment is None or case.assessment.history == history:
        return case
    return replace(case, assessment=replace(case.assessment, history=history))


def _content(case: CaseFile) -> str:
    """The case without what the store maintains, for "is this the same record?"."""
    return canonical_json(replace(case, revision=0, updated_at=None))


def _with_content_id(case: CaseFile) -> CaseFile:
    if case.id:
        return case
    return replace(case, id=case_id_for_content(canonical_json(nfc(case))))


def import_id(case: CaseFile) -> str:
    """The id an imported case is stored under: its own, or one derived from its content (so importing the same
    file twice finds the first copy)."""
    return _with_content_id(case).id


def _as_imported(case: CaseFile, actor: str) -> CaseFile:
    """A new case from a file arrives as a draft; its history notes any status the file claimed."""
    if case.status is CaseStatus.DRAFT:
        return case
    claimed = case.status.value
    case = replace(case, status=CaseStatus.DRAFT)
    if case.assessment is None:
        return case
    event = WorkflowEvent(_now(), actor, "imported", f"arrived as a draft; the file said {claimed}")
    return replace(case, assessment=replace(case.assessment, history=(*case.assessment.history, event)))


def _open_marker(paths: StorePaths) -> Path:
    """Present while a session has the store open; left behind by a crash, so the next open checks the store."""
    return paths.data_dir / "casefile.open"


def _write_open_marker(paths: StorePaths) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(_open_marker(paths), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)


def _sidecars(db: Path) -> list[Path]:
    return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


@contextlib.contextmanager
def _transaction(conn: database.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error.

    A full disk becomes StorageFull; another process's write lock StoreBusy ("already open … in another window
    or process"), never "damaged".
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except database.OperationalError as exc:
        if error_map.is_busy(exc):
            raise StoreBusy() from exc
        if _is_disk_full(exc):
            raise StorageFull() from exc
        raise
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(Exception):
            conn.execute("ROLLBACK")
        if isinstance(exc, database.OperationalError) and _is_disk_full(exc):
            raise StorageFull() from exc
        if isinstance(exc, database.OperationalError) and error_map.is_busy(exc):
            raise StoreBusy() from exc
        raise


def _is_disk_full(exc: BaseException) -> bool:
    """SQLITE_FULL, or ENOSPC/EDQUOT from the OS (by code, never by guessing at the message's words)."""
    return error_map.is_disk_full(exc)
