"""The seal printed on a memo: which record (case number, revision, SHA-256 digest) it was printed from,
signed with the profile's key, so a paper or PDF copy can be matched to the store and a forged one spotted.
"""

from __future__ import annotations

import base64
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


MEMO_PREFIX = "casefile-memo:"
PAGE_PREFIX = "CFP1|"


def b32(data: bytes) -> str:
    """Upper-case base32 without padding: QR codes store it in their compact alphanumeric mode."""
    return base64.b32encode(data).decode().rstrip("=")


def unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def pages_digest(page_digests: tuple[str, ...] | list[str]) -> str:
    """One digest over every page's content digest, in page order."""
    return hashlib.sha256(",".join(page_digests).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class MemoSeal:
    """The seal of one printed memo: the record it shows AND the pages it was printed as.

    `print_id` names the print record in the store that holds everything the rendering used (settings,
    paper, policy, fonts, program version), so `verify` can render the same pages again and compare.
    """

    case_number: str
    revision: int
    digest: str  # SHA-256 of the revision's canonical JSON
    pages: str  # pages_digest(...) of the printed pages
    page_count: int
    print_id: str
    key_id: str
    signature: str = ""  # base64 Ed25519 over message()

    def message(self) -> bytes:
        return (f"casefile-memo-v2|{self.case_number}|{self.revision}|{self.digest}|{self.pages}|{self.page_count}|"
                f"{self.print_id}|{self.key_id}").encode()

    def to_payload(self, page_digests: tuple[str, ...] = ()) -> str:
        """The seal as text; `page_digests` (each page's, hashing to `pages`) go beside it, unsigned."""
        doc = {"v": 2, "c": self.case_number, "r": self.revision, "d": self.digest, "p": self.pages,
               "n": self.page_count, "i": self.print_id, "k": self.key_id, "s": self.signature,
               "g": list(page_digests)}
        return MEMO_PREFIX + json.dumps(doc, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_payload(cls, text: str) -> MemoSeal:
        if text.startswith(PAYLOAD_PREFIX):
            raise SealError("the memo carries an old seal that covers the record but not its pages; print it again")
        if not text.startswith(MEMO_PREFIX):
            raise SealError("no Casefile seal found")
        try:
            doc = json.loads(text[len(MEMO_PREFIX):])
            if doc.get("v") != 2:
                raise SealError(f"seal version {doc.get('v')!r} is not supported")
            return cls(str(doc["c"]), int(doc["r"]), str(doc["d"]), str(doc["p"]), int(doc["n"]), str(doc["i"]),
                       str(doc["k"]), str(doc["s"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise SealError("the seal is damaged") from None


@dataclass(frozen=True, slots=True)
class PageSeal:
    """What each page's QR code says: which memo, which page of how many, that page's content digest, signed."""

    case_number: str
    revision: int
    page: int
    total: int
    page_digest: str  # hex SHA-256 of the page's content stream
    print_id: str
    key_id: str
    signature: str = ""  # base64 Ed25519 over message()

    def message(self) -> bytes:
        return (f"casefile-page-v1|{self.case_number}|{self.revision}|{self.page}|{self.total}|{self.page_digest}|"
                f"{self.print_id}|{self.key_id}").encode()

    def to_payload(self) -> str:
        return PAGE_PREFIX + "|".join((
            self.case_number, str(self.revision), str(self.page), str(self.total), self.print_id.upper(),
            self.key_id.upper(), b32(bytes.fromhex(self.page_digest)), b32(base64.b64decode(self.signature))))

    @classmethod
    def from_payload(cls, text: str) -> PageSeal:
        if not text.startswith(PAGE_PREFIX):
            raise SealError("not a Casefile page code")
        try:
            case, rev, page, total, print_id, key_id, digest, sig = text[len(PAGE_PREFIX):].rsplit("|", 7)
            return cls(case_number=case, revision=int(rev), page=int(page), total=int(total),
                       page_digest=unb32(digest).hex(), print_id=print_id.lower(), key_id=key_id.lower(),
                       signature=base64.b64encode(unb32(sig)).decode())
        except (ValueError, TypeError):
            raise SealError("the page code is damaged") from None
