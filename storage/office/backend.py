"""What an office store is, whichever backend holds it: routing data in the clear, everything else sealed.

A backend sees only what routing needs — the office id, member ids and their public keys, case ids, office
revisions, sequence numbers, push ids, key versions and times — and opaque envelopes (crypto.seal). It never
decides who may do what: every client checks signatures and roles itself (roster.py, storage.sync), so a
compromised server or a hand-edited folder can refuse service but cannot forge, read or re-attribute a case.

Push is compare-and-set on the case's office revision (Anki's usn and ODK Central's entity base version): a
record based on anything but the office's current revision is refused and the office's head revision returned.
The same push id twice returns the first record, so a retry after a dropped connection never duplicates.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from casework.i18n import QT_TRANSLATE_NOOP, Message
from storage.errors import UserFacingError

FORMAT_VERSION = 1
ROUTING_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""Case, member and push ids as they travel in the clear."""
"""The layout of records, rosters and wrapped keys (both backends)."""


class OfficeError(UserFacingError):
    """The office store could not be used as asked; the message says why and what to do."""

    title = "Office"


class OfficeUnreachable(OfficeError):
    """The server, the network or the folder went away; nothing half-done is kept on either side."""

    title = "Office not reachable"


class OfficeTooNew(OfficeError):
    """The office store was made or upgraded by a newer Casefile."""


class MemberRevoked(OfficeError):
    """This profile (or a record's author) was removed from the office: nothing it pushes now is taken."""

    title = "Removed from the office"


class RecordRejected(OfficeError):
    """A record, roster or key that fails its signature, role or content check — named, never taken in."""

    title = "Rejected from the office"


@dataclass(frozen=True, slots=True)
class Record:
    """One office revision of one case: routing in the clear, the case sealed in `envelope`."""

    case_id: str
    office_rev: int
    base_rev: int
    author: str
    """The member id (key id of its Ed25519 key) that signed it."""
    key_version: int
    push_id: str
    envelope: dict[str, Any]
    seq: int = 0
    """Assigned by the office on acceptance: the pull cursor."""

    def __post_init__(self) -> None:
        # Routing data ends up in index lines and file names: one hand-made id must not break the office for all.
        for what, value in (("case id", self.case_id), ("member id", self.author), ("push id", self.push_id)):
            if not ROUTING_TOKEN.fullmatch(value):
                raise RecordRejected(f"An office record's {what} {value[:40]!r} is not a plain id; it was not taken "
                                     "in.")

    def unreadable(self) -> str | None:
        """What makes this not a record at all (an UnreadableRecord: see there), or None: a record."""
        return None

    def routing_problem(self) -> Message | None:
        """What is wrong with this record's routing for the office to keep it (routing_problem), or None."""
        return routing_problem(self.case_id, self.office_rev, self.base_rev, self.author, self.key_version,
                               self.push_id, self.envelope, self.seq)

    def header(self, office_id: str) -> dict[str, Any]:
        """What the author signed and the ciphertext is bound to (seq is the office's, not signed)."""
        return {"office_id": office_id, "case_id": self.case_id, "office_rev": self.office_rev,
                "base_rev": self.base_rev, "author": self.author, "key_version": self.key_version,
                "push_id": self.push_id, "format_version": FORMAT_VERSION}

    def to_doc(self) -> dict[str, Any]:
        return {"seq": self.seq, "case_id": self.case_id, "office_rev": self.office_rev, "base_rev": self.base_rev,
                "author": self.author, "key_version": self.key_version, "push_id": self.push_id,
                "envelope": self.envelope}

    @classmethod
    def read(cls, doc: object, seq: int) -> Record:
        """The record the office holds at `seq` (a row, a log line's JSON), or — when it is not one (edited by hand,
        damaged) — an UnreadableRecord in its place naming what is wrong: never an exception, so one bad record
        does not stop a pull for everyone (storage.sync refuses it by name and goes on)."""
        if not isinstance(doc, dict):
            return UnreadableRecord.at(seq, QT_TRANSLATE_NOOP("storage", "it is not a record"))
        missing = [k for k in ("case_id", "office_rev", "base_rev", "author", "key_version", "push_id", "envelope")
                   if k not in doc]
        if missing:
            return UnreadableRecord.at(seq, QT_TRANSLATE_NOOP("storage", "it has no {field}").format(
                field=missing[0]))
        values = (doc["case_id"], doc["office_rev"], doc["base_rev"], doc["author"], doc["key_version"],
                  doc["push_id"], doc["envelope"])
        problem = routing_problem(*values, seq)
        if problem is not None:
            return UnreadableRecord.at(seq, problem)
        return cls(*values, seq)

    @classmethod
    def from_doc(cls, doc: dict[str, Any], where: str) -> Record:
        try:
            return cls(str(doc["case_id"]), int(doc["office_rev"]), int(doc["base_rev"]), str(doc["author"]),
                       int(doc["key_version"]), str(doc["push_id"]), dict(doc["envelope"]), int(doc["seq"]))
        except (KeyError, TypeError, ValueError):
            raise RecordRejected(f"{where} is not a readable office record; it was not taken in.") from None


@dataclass(frozen=True, slots=True)
class UnreadableRecord(Record):
    """What the office holds at `seq` that is not an office record (a row or a log line edited by hand, or
    damaged): pulled in its place, so a sync refuses it by name (storage.sync.open_payload) and takes in every
    good record after it. Its routing fields are empty: nothing in it is trusted but its place and `problem`."""

    problem: str = ""
    """What is wrong with it (a Message: translated where it is shown)."""

    def __post_init__(self) -> None:
        pass  # nothing to check: it stands for what could not be read

    def unreadable(self) -> str | None:
        return self.problem

    @classmethod
    def at(cls, seq: int, problem: str) -> UnreadableRecord:
        return cls("", 0, 0, "", 0, "", {}, seq, problem)


_MAX_INT = 2**31 - 1
"""The office's revision, base and key version columns are PostgreSQL integers."""


def routing_problem(case_id: object, office_rev: object, base_rev: object, author: object, key_version: object,
                    push_id: object, envelope: object, seq: object = 0) -> Message | None:
    """What is wrong with a record's routing for the office to keep it — an id that is not a plain id (it ends
    up in index lines and file names), a number that is not a whole number in range, an envelope that is not one
    — or None. The same rule for every backend: a push that breaks it is refused (check_pushable), a stored record
    that breaks it is pulled as an UnreadableRecord (Record.read)."""
    for what, value in ((QT_TRANSLATE_NOOP("storage", "case id"), case_id),
                        (QT_TRANSLATE_NOOP("storage", "member id"), author),
                        (QT_TRANSLATE_NOOP("storage", "push id"), push_id)):
        if not isinstance(value, str) or not ROUTING_TOKEN.fullmatch(value):
            shown = repr(value[:40] if isinstance(value, str) else value)[:60]
            return QT_TRANSLATE_NOOP("storage", "its {what} {value} is not a plain id").format(what=what, value=shown)
    for name, number in (("office_rev", office_rev), ("base_rev", base_rev), ("key_version", key_version),
                         ("seq", seq)):
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= (
                _MAX_INT if name != "seq" else 2**63 - 1):
            return QT_TRANSLATE_NOOP("storage", "its {field} {value} is not a whole number the office can keep"
                                     ).format(field=name, value=repr(number)[:40])
    if not isinstance(envelope, dict):
        return QT_TRANSLATE_NOOP("storage", "it holds no sealed envelope")
    return None


def check_pushable(records: list[Record]) -> None:
    """Refuse (RecordRejected) a push batch holding a record the office could not keep as one, before anything is
    written: a good client never sends one, and one stored would be refused by every laptop."""
    for r in records:
        if (problem := r.routing_problem()) is not None:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "The office refused a push: a record for case {case} is "
                                                   "not an office record ({problem}); nothing was written.").format(
                case=repr(r.case_id[:40] if isinstance(r.case_id, str) else r.case_id)[:60], problem=problem))


@dataclass(frozen=True, slots=True)
class PushOutcome:
    accepted: bool
    record: Record | None
    """The record as the office keeps it (with its seq) when accepted, or on a retry of an accepted push."""
    head_rev: int
    """The office's current revision of the case (when refused: what the laptop must merge with first)."""


RevocationCheck = Callable[[str, Any], bool]
"""(member id, the signed revocation the office holds or None) → whether it counts (roster.honours_revocation)."""


def honoured(revocations: dict[str, Any], check: RevocationCheck | None) -> set[str]:
    """The members whose pushes the office refuses: every revocation it holds, or — when a client with a verified
    member list pushes (`check`) — only those that client can trust, so a planted one locks nobody out."""
    return {m for m, doc in revocations.items() if check is None or check(m, doc)}


def heads_digest(heads: dict[str, int]) -> str:
    """The digest of every case's office revision that both sides compare at the end of a sync: SHA-256 of
    "case_id:revision\n" lines in case id order (PostgreSQL computes the same in SQL: pg.HEADS_SUMMARY)."""
    return hashlib.sha256("".join(f"{c}:{r}\n" for c, r in sorted(heads.items())).encode()).hexdigest()


def decide_pushes(records: list[Record], taken: Callable[[Record], Record | None], heads: dict[str, int],
                  revoked: set[str]) -> tuple[list[PushOutcome | None], list[int]]:
    """The office's rule for a batch of pushes, the same on every backend: a push already taken (its push id,
    for the same case) answers with the record stored then (a retry never duplicates); a removed member's push
    is refused (MemberRevoked); any other is accepted only on the case's current head (compare-and-set), else
    refused with that head. Returns the outcomes (None where accepted: the backend stores those and fills them
    in) and the indexes to accept, in order; `heads` moves on for each."""
    outcomes: list[PushOutcome | None] = [None] * len(records)
    accept: list[int] = []
    for i, r in enumerate(records):
        if (stored := taken(r)) is not None:
            outcomes[i] = PushOutcome(True, stored, stored.office_rev)
            continue
        if r.author in revoked:
            raise MemberRevoked(f"The office refused the push: member {r.author} was removed from the office.")
        head = heads.get(r.case_id, 0)
        if r.base_rev != head or r.office_rev != head + 1:
            outcomes[i] = PushOutcome(False, None, head)
            continue
        heads[r.case_id] = r.office_rev
        accept.append(i)
    return outcomes, accept


class OfficeBackend(Protocol):
    kind: str
    location: str

    def create(self, office_id: str) -> None:
        """Lay out an empty office (refused if one is already there)."""

    def office_id(self) -> str:
        """The office's id; OfficeError when there is no office here."""

    def put_request(self, member_id: str, doc: dict[str, Any]) -> None: ...

    def requests(self) -> list[dict[str, Any]]: ...

    def put_roster(self, version: int, doc: dict[str, Any]) -> None:
        """Add roster `version`; refused (OfficeError) when that version exists already (two approvers raced)."""

    def rosters(self, after: int = 0) -> list[dict[str, Any]]: ...

    def put_wrapped_key(self, member_id: str, key_version: int, doc: dict[str, Any]) -> None: ...

    def wrapped_key(self, member_id: str, key_version: int) -> dict[str, Any] | None: ...

    def push(self, record: Record) -> PushOutcome:
        """Compare-and-set (see the module doc); MemberRevoked when the author was removed from the office."""

    def push_many(self, records: list[Record]) -> list[PushOutcome]:
        """push() for each record, in order, in one office transaction (or one folder file): the answers."""

    def missing_blobs(self, shas: list[str]) -> set[str]:
        """Which of these attachment contents (by SHA-256) the office does not hold yet."""

    def put_blobs(self, blobs: list[tuple[str, str, int, dict[str, Any]]]) -> None:
        """Keep (sha256, author, key_version, sealed envelope) items; one already there is left as it is."""

    def get_blobs(self, shas: list[str]) -> dict[str, tuple[str, int, dict[str, Any]]]:
        """sha256 → (author, key_version, envelope) for those the office holds."""

    def clock(self) -> datetime:
        """The office's own time (the database server's, or the file server's as it stamps a file): shown beside
        the laptop's, never used to order anything."""

    def revoke(self, member_id: str, doc: dict[str, Any] | None = None) -> int:
        """Refuse every later push by `member_id`, on the word of `doc` (roster.sign_revocation); returns the
        office sequence number the removal took effect after (every record up to it was pushed while the member
        belonged). Idempotent: a second call returns the first answer."""

    def reinstate(self, member_id: str) -> None:
        """Take `member_id`'s pushes again: it was approved again after a removal (the signed member list lists it
        as a member once more). Nothing to do when it was never removed."""

    def trust_revocations(self, check: RevocationCheck) -> None:
        """From now on, a revocation refuses a push only when `check` accepts it (the pushing client's verified
        member list: see honoured)."""

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        """Records with seq above `after_seq`, in seq order, at most `limit`."""

    def heads(self) -> dict[str, int]:
        """Every case's current office revision (for the digest compared at the end of a sync)."""

    def heads_summary(self) -> tuple[int, str]:
        """The number of cases and heads_digest(heads()), computed where the heads are (a sync with nothing to
        do fetches two values, not a row per case)."""

    def close(self) -> None: ...
