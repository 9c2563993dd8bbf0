"""Review bundles: a submitted case handed from an officer's profile to a supervisor's, signed by the officer.

Until office sync exists, this is how a submission reaches a supervisor (a USB stick, a shared folder):

    {"format": "casefile.bundle", "format_version": 1,
     "case": {...the case as stored...},
     "signer": {"name": …, "officer_id": …, "office": …, "public_key": "<base64 Ed25519>"},
     "signature": "<base64 Ed25519 over the canonical JSON of case and signer>"}

A plain exchange file never raises a status on import; a bundle may bring a case in as *submitted* — and only
that — when its signature is valid, its signer is the officer who submitted it (per the case's history), the
receiving profile is a supervisor's other than the signer, and the policy's submission rules still hold.
The bundle is plaintext case data, like an export: handle it with care.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from casework.model import CaseFile, CaseStatus, Officer
from casework.serial import DecodeError, canonical_json, from_jsonable, to_jsonable
from storage import signing
from storage.errors import UserFacingError
from storage.store import CaseStore, SaveResult

FORMAT = "casefile.bundle"
FORMAT_VERSION = 1


class BundleError(UserFacingError):
    """The file is not a valid, intact review bundle; nothing was imported."""

    title = "Not a valid review bundle"


@dataclass(frozen=True, slots=True)
class Bundle:
    case: CaseFile
    signer: Officer
    public_key: bytes


def is_bundle(data: bytes) -> bool:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(doc, dict) and doc.get("format") == FORMAT


def make_bundle(store: CaseStore, case_id: str) -> bytes:
    """Sign the stored case for review. Only a submitted case travels this way. The caller records the hand-over
    (`case_bundled`) once the bundle is written."""
    store.close_revision(case_id)
    case = store.get_case(case_id)
    if case.status is not CaseStatus.SUBMITTED:
        raise BundleError(f"Case {case.case_number} is {case.status.value}; submit it before handing it over for "
                          "review.")
    key = store._signing_key()
    public = signing.public_bytes(key.public_key())
    o = store.officer
    payload = {"case": to_jsonable(case), "signer": {"name": o.name, "officer_id": o.officer_id,
                                                     "office": o.office,
                                                     "public_key": base64.b64encode(public).decode()}}
    signature = key.sign(canonical_json(payload).encode("utf-8"))
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, **payload,
           "signature": base64.b64encode(signature).decode()}
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_bundle(data: bytes) -> Bundle:
    """Parse and verify a bundle; BundleError names what is wrong."""
    try:
        doc = json.loads(data)
    except UnicodeDecodeError:
        raise BundleError("The bundle is not UTF-8 text.") from None
    except ValueError as exc:
        raise BundleError(f"The bundle is not valid JSON ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BundleError(f'Not a review bundle (expected "format": "{FORMAT}").')
    if doc.get("format_version") != FORMAT_VERSION:
        raise BundleError(f"Review bundle format_version {doc.get('format_version')!r} is not supported (this "
                          f"version reads {FORMAT_VERSION}).")
    if unknown := sorted(set(doc) - {"format", "format_version", "case", "signer", "signature"}):
        raise BundleError(f"{unknown[0]}: is not a known field of a review bundle.")
    signer = doc.get("signer")
    if not isinstance(signer, dict) or not all(isinstance(signer.get(k), str) for k in
                                               ("name", "officer_id", "office", "public_key")):
        raise BundleError("The bundle's signer is missing or incomplete.")
    try:
        public = base64.b64decode(signer["public_key"], validate=True)
        signature = base64.b64decode(str(doc.get("signature", "")), validate=True)
        payload = {"case": doc.get("case"), "signer": signer}
        Ed25519PublicKey.from_public_bytes(public).verify(signature, canonical_json(payload).encode("utf-8"))
    except (ValueError, InvalidSignature):
        raise BundleError("The bundle's signature does not match its content: it was altered after it was "
                          "signed, or it is damaged. Ask the officer for a new copy.") from None
    try:
        case = from_jsonable(CaseFile, doc["case"], "case")
    except DecodeError as exc:
        raise BundleError(f"The bundle's case is not valid: {exc}.") from None
    return Bundle(case, Officer(signer["name"], signer["officer_id"], signer["office"]), public)


def receive_for_review(store: CaseStore, bundle: Bundle) -> SaveResult:
    """Bring a verified bundle's submitted case into a supervisor's profile as submitted (see module doc)."""
    return store.receive_submission(bundle.case, bundle.signer.officer_id,
                                    key_id=signing.key_id(bundle.public_key))
