"""The seal printed on a memo: which record (case number, revision, SHA-256 digest) it was printed from,
signed with the profile's key, so a paper or PDF copy can be matched to the store and a forged one spotted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

PAYLOAD_PREFIX = "casefile-seal:"


class SealError(ValueError):
    """The text is not a Casefile seal."""


def record_digest(canonical_body: str) -> str:
    """SHA-256 of a case revision's canonical JSON (exactly the bytes the store keeps for that revision)."""
    return hashlib.sha256(canonical_body.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Seal:
    case_number: str
    revision: int
    digest: str
    key_id: str
    signature: str  # base64 Ed25519 over `message()`

    def message(self) -> bytes:
        """What the signature covers."""
        return f"casefile-seal-v1|{self.case_number}|{self.revision}|{self.digest}|{self.key_id}".encode()

    def to_payload(self) -> str:
        doc = {"v": 1, "c": self.case_number, "r": self.revision, "d": self.digest, "k": self.key_id,
               "s": self.signature}
        return PAYLOAD_PREFIX + json.dumps(doc, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_payload(cls, text: str) -> Seal:
        if not text.startswith(PAYLOAD_PREFIX):
            raise SealError("no Casefile seal found")
        try:
            doc = json.loads(text[len(PAYLOAD_PREFIX):])
            if doc.get("v") != 1:
                raise SealError(f"seal version {doc.get('v')!r} is not supported")
            return cls(str(doc["c"]), int(doc["r"]), str(doc["d"]), str(doc["k"]), str(doc["s"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise SealError("the seal is damaged") from None


@dataclass(frozen=True, slots=True)
class SealCheck:
    """What `verify` found: status is 'match', 'superseded', 'unknown' or 'forged'."""

    status: str
    message: str
