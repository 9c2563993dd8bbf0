"""Memo seals and print records against the store: the profile's signer for printing, the revision a memo is
printed from, the print records `verify` renders again from, and the check of a memo's seal.

Functions take the CaseStore (storage/store.py stays the store's own). A print record keeps everything a
memo's rendering used — the print spec (settings, paper, memo date, policy, font hashes, renderer, recipient),
the program version, the signing key and every page's digests — so that `verify` can lay the same revision
out again with the settings of the day it was printed, whatever the settings say now. The spec is kept as
the exact JSON the print id is the digest of; its main facts are also columns, for reading without JSON.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature

from casework.body import load_body
from casework.model import CaseFile
from casework.seal import MemoSeal, PageSeal, SealCheck, record_digest
from storage.database import Connection
from storage.errors import CaseNotFound

if TYPE_CHECKING:
    from storage.store import CaseStore, Changes


class ProfileSigner:
    """Signs memo seals with the profile's Ed25519 key (printing gets this object, never the key)."""

    def __init__(self, store: CaseStore) -> None:
        self._key = store._signing_key()
        self.key_id = store.signing_key_id(self._key)

    def sign(self, message: bytes) -> bytes:
        return self._key.sign(message)


def sealed_revision(store: CaseStore, case_id: str) -> tuple[CaseFile, str]:
    """The case as its current revision was stored, closed first so it never changes, and that revision's
    record digest (SHA-256 of the stored canonical body). The memo is printed from exactly this body."""
    store.close_revision(case_id)
    row = store.conn.execute(
        "SELECT r.body FROM cases c JOIN case_revisions r ON r.case_id = c.id AND r.revision = c.revision "
        "WHERE c.id = ?", (case_id,)).fetchone()
    if row is None:
        raise CaseNotFound(f"There is no case with id {case_id} in this store.")
    return load_body(row[0]), record_digest(row[0])


def stored_revision(store: CaseStore, case_id: str, revision: int) -> tuple[CaseFile, str] | None:
    """Revision `revision` of the case as stored, and its record digest; None if the store has no such one."""
    row = store.conn.execute("SELECT body FROM case_revisions WHERE case_id = ? AND revision = ?",
                             (case_id, revision)).fetchone()
    if row is None:
        return None
    return load_body(row[0]), record_digest(row[0])


def _valid(store: CaseStore, seal: MemoSeal | PageSeal) -> bool:
    try:
        store._signing_key().public_key().verify(base64.b64decode(seal.signature), seal.message())
    except (InvalidSignature, ValueError):
        return False
    return seal.key_id == store.signing_key_id()


def signature_valid(store: CaseStore, seal: MemoSeal | PageSeal) -> bool:
    """Was `seal` signed by this profile (and not altered since)?"""
    return _valid(store, seal)


def check_memo_seal(store: CaseStore, seal: MemoSeal | PageSeal) -> SealCheck:
    """The seal against the store: forged (not this profile's signature), unknown (no such case or revision),
    superseded (printed from a revision since changed) or match. The pages are checked by printing.verify."""
    if not _valid(store, seal):
        return SealCheck("forged", "The seal's signature is not valid for this profile: the seal was altered, or "
                         "the memo was printed by another profile.")
    row = store.conn.execute("SELECT id, revision FROM cases WHERE case_number = ?", (seal.case_number,)).fetchone()
    if row is None:
        return SealCheck("unknown", f"Case {seal.case_number} is not in this store.")
    body = store.conn.execute("SELECT body FROM case_revisions WHERE case_id = ? AND revision = ?",
                              (row[0], seal.revision)).fetchone()
    if body is None or (isinstance(seal, MemoSeal) and record_digest(body[0]) != seal.digest):
        return SealCheck("unknown", f"No saved revision of case {seal.case_number} has this digest.")
    if seal.revision == row[1]:
        return SealCheck("match", f"The memo matches case {seal.case_number} as stored (revision {row[1]}).")
    return SealCheck("superseded", f"The memo was printed from revision {seal.revision} of case "
                     f"{seal.case_number}; it has since been changed (now revision {row[1]}).")


# ----- print records ---------------------------------------------------------------------------------------


def app_version() -> str:
    try:
        return metadata.version("casefile")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def spec_json(spec: dict[str, Any]) -> str:
    """The canonical JSON of a print spec: the print id is the start of its SHA-256 (printing.memo.print_id_of)."""
    return json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """One printed or saved memo, as the store keeps it."""

    print_id: str
    case_id: str
    case_number: str
    revision: int
    record_digest: str
    spec: dict[str, Any]
    """What the rendering used (printing.memo.print_spec): settings, memo date, policy, fonts, renderer, copy."""
    app_version: str
    key_id: str
    pages: tuple[dict[str, str], ...]
    """Each page's digests as printed (printing.verify.PagePrint.to_json): contents, fonts, drawings, page."""
    recipient_profile: str
    recipient_name: str
    printed_at: datetime

    @property
    def spec_ok(self) -> bool:
        """The kept spec still hashes to the print id (it was not edited in the database)."""
        return hashlib.sha256(spec_json(self.spec).encode()).hexdigest()[:len(self.print_id)] == self.print_id


def record_print(store: CaseStore, *, print_id: str, spec: dict[str, Any], key_id: str,
                 pages: list[dict[str, str]], action: str, detail: str) -> Changes:
    """Keep the print record (once per print id: the same spec renders the same bytes) and append `action`
    with `detail` to the case's audit trail, in one transaction."""
    settings = spec["settings"]
    policy = spec["policy"]
    copy = spec.get("copy") or {}
    profile = (f"{copy.get('profile', '')} v{copy.get('version', '')}" if copy else "")
    case_id = str(spec["case_id"])
    def keep(conn: Connection) -> None:
        conn.execute(
            "INSERT INTO memo_prints (print_id, case_id, case_number, revision, record_digest, agency, office, "
            "handling, memo_for, through, paper, memo_date, policy_id, policy_version, policy_sha256, font_hashes, "
            "renderer, app_version, key_id, page_count, page_digests, recipient_profile, recipient_name, "
            "printed_at, spec) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (print_id) DO NOTHING",
            (print_id, case_id, spec["case_number"], int(spec["revision"]), spec["record_digest"],
             settings["agency"], settings["office"], settings["handling"], settings["memo_for"], settings["through"],
             settings["paper"], spec["memo_date"], policy["id"], policy["version"], policy["sha256"],
             json.dumps(spec["fonts"], sort_keys=True), spec["renderer"], app_version(), key_id, len(pages),
             json.dumps(pages, separators=(",", ":")), profile, str(copy.get("recipient", "")),
             datetime.now(UTC).isoformat(timespec="milliseconds"), spec_json(spec)))

    return store.record_event(action, case_id, detail, also=keep)


_COLUMNS = ("print_id, case_id, case_number, revision, record_digest, spec, app_version, key_id, page_digests, "
            "recipient_profile, recipient_name, printed_at")


def _record(row: Any) -> PrintRecord:
    return PrintRecord(row[0], row[1], row[2], int(row[3]), row[4], json.loads(row[5]), row[6], row[7],
                       tuple(json.loads(row[8])), row[9], row[10], datetime.fromisoformat(row[11]).astimezone(UTC))


def get_print(store: CaseStore, print_id: str) -> PrintRecord | None:
    """The record of print `print_id`, or None when this store never printed it."""
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM memo_prints WHERE print_id = ?", (print_id,)).fetchone()
    return None if row is None else _record(row)


def prints_of(store: CaseStore, case_id: str) -> list[PrintRecord]:
    """Every recorded print of a case, oldest first."""
    return [_record(r) for r in store.conn.execute(
        f"SELECT {_COLUMNS} FROM memo_prints WHERE case_id = ? ORDER BY printed_at, print_id", (case_id,))]
