"""The signed member list: who belongs to the office, with which role and which public keys.

Every version of the roster is signed by a member who was an administrator or supervisor in the version
before it; version 1 by the office's founder (its administrator), whose key each laptop pins when it links to
the office (`founder_key`, shown as a fingerprint to compare out of band). A client walks the chain from
version 1, so neither the server nor a folder can add a member, raise a role or swap a key.

    {"kind": "casefile.roster", "office_id", "version", "key_version", "key_checks": {"1": "<sha256>"},
     "members": [{"member_id", "name", "officer_id", "role", "signing_key", "exchange_key"}],
     "revoked": [{<member as above>, "after_seq", "revoked_at", "revoked_by", "key_version",
                  "format_version": 2}],
     "signed_by": "<member id>", "signed_at", "signature"}

A removed member moves to "revoked" with the office sequence number the removal took effect after and the
content key version the removal rotated to: records it pushed up to there and sealed with an older key still
count (it was a member then); one with a later sequence number, or sealed with that key version or a later one,
is refused by name. Removal rotates the content key (a new key_version wrapped to the remaining members), so it
cannot read what is pushed later. A revoked entry of format 1 (no "key_version") is read as the key version of
the first member list that lists it — the one its removal signed (`verify_chain` upgrades it).

The office's own refusal of a removed member's pushes (the backends' revoked_members / revoked/) carries a
revocation signed by the remover (`sign_revocation`); a client honours one only when the verified member list
lists the member as removed, or when it is signed by a current administrator or supervisor
(`honours_revocation`) — so a member with write access to the share or the database cannot lock others out.

A join request is signed by the joiner's own key (proof it holds it); approval copies its keys into the roster.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from storage import signing
from storage.office import crypto
from storage.office.backend import RecordRejected


class MemberRole(StrEnum):
    ADMINISTRATOR = "administrator"
    SUPERVISOR = "supervisor"
    OFFICER = "officer"


REVIEWERS = frozenset({MemberRole.ADMINISTRATOR, MemberRole.SUPERVISOR})
"""Roles whose review decisions count and who may approve members."""


@dataclass(frozen=True, slots=True)
class Member:
    member_id: str
    name: str
    officer_id: str
    role: MemberRole
    signing_key: bytes
    exchange_key: bytes

    def to_doc(self) -> dict[str, Any]:
        return {"member_id": self.member_id, "name": self.name, "officer_id": self.officer_id,
                "role": self.role.value, "signing_key": crypto.b64(self.signing_key),
                "exchange_key": crypto.b64(self.exchange_key)}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Member:
        return cls(str(doc["member_id"]), str(doc["name"]), str(doc["officer_id"]), MemberRole(doc["role"]),
                   crypto.unb64(doc["signing_key"]), crypto.unb64(doc["exchange_key"]))


@dataclass(frozen=True, slots=True)
class Revoked:
    member: Member
    after_seq: int
    """Records this member pushed with an office sequence number up to here count; later ones are refused."""
    revoked_at: str
    revoked_by: str
    key_version: int = 0
    """The content key version the removal rotated to: anything this member sealed with it or a later one was
    made after its removal (0: a format-1 entry not upgraded yet — see verify_chain)."""

    def to_doc(self) -> dict[str, Any]:
        doc = {**self.member.to_doc(), "after_seq": self.after_seq, "revoked_at": self.revoked_at,
               "revoked_by": self.revoked_by}
        if self.key_version:
            doc.update(key_version=self.key_version, format_version=REVOKED_FORMAT)
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Revoked:
        version = int(doc.get("format_version", 1))
        if version > REVOKED_FORMAT:
            raise ValueError("revoked entry of a newer format")
        return cls(Member.from_doc(doc), int(doc["after_seq"]), str(doc["revoked_at"]), str(doc["revoked_by"]),
                   int(doc["key_version"]) if version >= 2 else 0)

    def counts(self, seq: int, key_version: int) -> bool:
        """Whether a record this member pushed as office sequence number `seq`, sealed with `key_version`, was
        made while it belonged to the office."""
        return seq <= self.after_seq and (not self.key_version or key_version < self.key_version)


REVOKED_FORMAT = 2
"""1: member, after_seq, revoked_at, revoked_by; 2: also key_version (the rotation that removed it)."""


@dataclass(frozen=True, slots=True)
class Roster:
    office_id: str
    version: int
    key_version: int
    key_checks: dict[int, str]
    members: tuple[Member, ...]
    signed_by: str
    doc: dict[str, Any]
    revoked: tuple[Revoked, ...] = ()

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.member_id == member_id), None)

    def revocation(self, member_id: str) -> Revoked | None:
        """The member's latest removal: one removed, approved again and removed again is listed twice, and what
        it pushed in its second stint is judged by the second removal, not the first."""
        return max((r for r in self.revoked if r.member.member_id == member_id),
                   key=lambda r: (r.key_version, r.after_seq), default=None)

    def author_of(self, member_id: str, seq: int, name: str, key_version: int | None = None) -> Member:
        """The member who signed record `seq` (`name` in messages), sealed with `key_version` (None: not checked
        here, the record was checked on its way in): a current member, or a removed one for what it pushed
        before its removal with a key from before it; RecordRejected names anyone else."""
        member = self.member(member_id)
        if member is not None:
            return member
        gone = self.revocation(member_id)
        if gone is not None and gone.counts(seq, 0 if key_version is None else key_version):
            return gone.member
        if gone is not None and seq <= gone.after_seq:
            raise RecordRejected(f"{name} is signed by {gone.member.officer_id}, who was removed from the office "
                                 f"({gone.revoked_at[:10]}), and sealed with office key version {key_version}, made "
                                 "at or after that removal; refused.")
        if gone is not None:
            raise RecordRejected(f"{name} is signed by {gone.member.officer_id}, who was removed from the office "
                                 f"({gone.revoked_at[:10]}) before it was pushed; refused.")
        raise RecordRejected(f"{name} is signed by {member_id}, who is not a member of the office; refused.")

    def by_officer(self, officer_id: str) -> Member | None:
        return next((m for m in self.members if m.officer_id == officer_id), None)

    def holder_of_officer_id(self, officer_id: str, besides: str) -> Member | None:
        """The current member other than member `besides` whose officer ID is `officer_id`, compared without case
        or compatibility forms ("O201", "o201" and "Ｏ201" are one ID): two members may not share one, since who
        may change a submitted case, and whether a reviewer submitted it, are decided by the officer ID."""
        wanted = same_officer_id(officer_id)
        return next((m for m in self.members if m.member_id != besides and same_officer_id(m.officer_id) == wanted),
                    None)


def same_officer_id(officer_id: str) -> str:
    """The form two officer IDs are compared in (Roster.holder_of_officer_id)."""
    return unicodedata.normalize("NFKC", officer_id).casefold()


def member_id_of(signing_public: bytes) -> str:
    return signing.key_id(signing_public)


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def join_request(office_id: str, key: Ed25519PrivateKey, exchange_public: bytes, name: str, officer_id: str,
                 profile_role: str) -> dict[str, Any]:
    public = crypto.raw_public(key.public_key())
    doc = {"kind": "casefile.join_request", "office_id": office_id, "member_id": member_id_of(public),
           "name": name, "officer_id": officer_id, "profile_role": profile_role,
           "signing_key": crypto.b64(public), "exchange_key": crypto.b64(exchange_public),
           "requested_at": now_text()}
    return {**doc, "signature": crypto.sign(key, doc)}


def verify_request(doc: dict[str, Any], office_id: str) -> Member:
    """The member a join request asks to add, once its own signature and office are checked."""
    try:
        unsigned = {k: v for k, v in doc.items() if k != "signature"}
        public = crypto.unb64(doc["signing_key"])
        ok = (doc.get("kind") == "casefile.join_request" and doc.get("office_id") == office_id
              and doc.get("member_id") == member_id_of(public)
              and crypto.verify(public, doc.get("signature"), unsigned))
        if ok:
            return Member(str(doc["member_id"]), str(doc["name"]), str(doc["officer_id"]), MemberRole.OFFICER,
                          public, crypto.unb64(doc["exchange_key"]))
    except (KeyError, ValueError):
        pass
    raise RecordRejected(f"The join request {doc.get('member_id', '?')!r} is not signed by the key it carries "
                         "(altered or damaged); ask the member to join again.")


def sign_roster(key: Ed25519PrivateKey, office_id: str, version: int, key_version: int,
                key_checks: dict[int, str], members: list[Member], revoked: tuple[Revoked, ...] = ()
                ) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "kind": "casefile.roster", "office_id": office_id, "version": version, "key_version": key_version,
        "key_checks": {str(k): v for k, v in sorted(key_checks.items())},
        "members": [m.to_doc() for m in sorted(members, key=lambda m: m.member_id)],
        "signed_by": member_id_of(crypto.raw_public(key.public_key())), "signed_at": now_text()}
    if revoked:
        doc["revoked"] = [r.to_doc() for r in sorted(revoked, key=lambda r: r.member.member_id)]
    return {**doc, "signature": crypto.sign(key, doc)}


REVOCATION_FORMAT = 1


def sign_revocation(key: Ed25519PrivateKey, office_id: str, member_id: str, key_version: int) -> dict[str, Any]:
    """What the remover hands the office with `revoke`: the office stops taking the member's pushes on its word,
    and every client checks the word (honours_revocation)."""
    doc = {"kind": "casefile.revocation", "format_version": REVOCATION_FORMAT, "office_id": office_id,
           "member_id": member_id, "key_version": key_version,
           "revoked_by": member_id_of(crypto.raw_public(key.public_key())), "revoked_at": now_text()}
    return {**doc, "signature": crypto.sign(key, doc)}


def honours_revocation(current: Roster, member_id: str, doc: object) -> bool:
    """Whether the office's refusal of `member_id`'s pushes counts for this client: the verified member list
    lists it as removed, or `doc` is a revocation of that member in this office signed by a member who is an
    administrator or supervisor in the list, for a removal the list does not hold yet (its key version is beyond
    the list's: a removal under way). Anything else — no doc, a doc signed by an officer or a stranger, altered,
    for another member or office, or an old removal replayed against a member approved again since — was
    planted by someone with write access, and is ignored."""
    gone = current.revocation(member_id)
    if gone is not None and current.member(member_id) is None:
        return True
    if not isinstance(doc, dict):
        return False
    signer = current.member(str(doc.get("revoked_by")))
    unsigned = {k: v for k, v in doc.items() if k != "signature"}
    key_version = doc.get("key_version")
    return (doc.get("kind") == "casefile.revocation" and doc.get("office_id") == current.office_id
            and doc.get("member_id") == member_id and isinstance(key_version, int)
            and key_version > current.key_version and signer is not None and signer.role in REVIEWERS
            and signer.member_id != member_id and crypto.verify(signer.signing_key, doc.get("signature"), unsigned))


def _parse(doc: dict[str, Any]) -> Roster:
    try:
        return Roster(str(doc["office_id"]), int(doc["version"]), int(doc["key_version"]),
                      {int(k): str(v) for k, v in dict(doc["key_checks"]).items()},
                      tuple(Member.from_doc(m) for m in doc["members"]), str(doc["signed_by"]), doc,
                      tuple(Revoked.from_doc(r) for r in doc.get("revoked", [])))
    except (KeyError, TypeError, ValueError):
        raise RecordRejected(f"Member list version {doc.get('version', '?')} is not readable (damaged or edited "
                             "by hand); it was not taken in.") from None


def _upgrade_revoked(roster: Roster, before: Roster | None) -> Roster:
    """Format-1 revoked entries get their key version: the one an earlier list gave the same removal (a member
    removed twice has two), else this list's own (the first list naming a removal is the one it signed, with
    the rotated key)."""
    if all(r.key_version for r in roster.revoked):
        return roster
    upgraded, seen = [], dict[str, int]()
    for r in roster.revoked:
        nth = seen[r.member.member_id] = seen.get(r.member.member_id, 0) + 1  # lists keep a member's in order
        if not r.key_version:
            same = [e for e in before.revoked if e.member.member_id == r.member.member_id] if before else []
            earlier = same[nth - 1] if nth <= len(same) else None
            r = replace(r, key_version=earlier.key_version if earlier and earlier.key_version else roster.key_version)
        upgraded.append(r)
    return replace(roster, revoked=tuple(upgraded))


def verify_chain(docs: list[dict[str, Any]], office_id: str, founder_key: bytes,
                 trusted: Roster | None = None) -> Roster:
    """The newest roster, after checking each version was signed by an approver of the version before it (version
    1: by the pinned founder key, as administrator). `trusted` is the last version this laptop verified."""
    current = trusted
    for doc in sorted(docs, key=lambda d: int(d.get("version", 0))):
        roster = _parse(doc)
        expected = current.version + 1 if current else 1
        if roster.version < expected:
            if current is not None and doc == current.doc:
                continue
            raise RecordRejected(f"Member list version {roster.version} appears twice at the office, differently "
                                 "(altered by hand); it was not taken in.")
        if roster.version != expected or roster.office_id != office_id:
            raise RecordRejected(f"Member list version {roster.version} does not follow version {expected - 1} "
                                 "of this office; it was not taken in.")
        signer = (current.member(roster.signed_by) if current else roster.member(roster.signed_by))
        unsigned = {k: v for k, v in doc.items() if k != "signature"}
        if current is None:
            allowed = (signer is not None and signer.signing_key == founder_key
                       and signer.role is MemberRole.ADMINISTRATOR)
        else:
            allowed = signer is not None and signer.role in REVIEWERS
        if not allowed or signer is None or not crypto.verify(signer.signing_key, doc.get("signature"), unsigned):
            raise RecordRejected(f"Member list version {roster.version} is not signed by an administrator or "
                                 "supervisor of the office (altered by hand, or forged); it was not taken in.")
        current = _upgrade_revoked(roster, current)
    if current is None:
        raise RecordRejected("The office has no signed member list.")
    return current
