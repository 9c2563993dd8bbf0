"""Memo seals against the store: the profile's signer for printing, the revision a memo is printed from, and
the check of a memo's seal (functions taking the CaseStore, so storage/store.py stays the store's own).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature

from casework.body import load_body
from casework.model import CaseFile
from casework.seal import MemoSeal, PageSeal, SealCheck, record_digest
from storage.errors import CaseNotFound

if TYPE_CHECKING:
    from storage.store import CaseStore


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


def _valid(store: CaseStore, seal: MemoSeal | PageSeal) -> bool:
    try:
        store._signing_key().public_key().verify(base64.b64decode(seal.signature), seal.message())
    except (InvalidSignature, ValueError):
        return False
    return seal.key_id == store.signing_key_id()


def signature_valid(store: CaseStore, seal: MemoSeal | PageSeal) -> bool:
    """Was `seal` signed by this profile (and not altered since)?"""
    return _valid(store, seal)


def check_memo_seal(store: CaseStore, seal: MemoSeal) -> SealCheck:
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
    if body is None or record_digest(body[0]) != seal.digest:
        return SealCheck("unknown", f"No saved revision of case {seal.case_number} has this digest.")
    if seal.revision == row[1]:
        return SealCheck("match", f"The memo matches case {seal.case_number} as stored (revision {row[1]}), "
                         f"every one of its {seal.page_count} pages as printed.")
    return SealCheck("superseded", f"The memo was printed from revision {seal.revision} of case "
                     f"{seal.case_number}; it has since been changed (now revision {row[1]}).")
