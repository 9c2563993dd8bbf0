"""The signed member list: who belongs to the office, with which role and which public keys.

Every version of the roster is signed by a member who was an administrator or supervisor in the version
before it; version 1 by the office's founder (its administrator), whose key each laptop pins when it links to
the office (`founder_key`, shown as a fingerprint to compare out of band). A client walks the chain from
version 1, so neither the server nor a folder can add a member, raise a role or swap a key.

    {"kind": "casefile.roster", "office_id", "version", "key_version", "key_checks": {"1": "<sha256>"},
     "members": [{"member_id", "name", "officer_id", "role", "signing_key", "exchange_key"}],
     "revoked": [{<member as above>, "after_seq", "revoked_at", "revoked_by"}],
     "signed_by": "<member id>", "signed_at", "signature"}

A removed member moves to "revoked" with the office sequence number the removal took effect after: records it
pushed up to there still count (it was a member then), anything later is refused by name. Removal also rotates
the content key (a new key_version wrapped to the remaining members), so it cannot read what is pushed later.

A join request is signed by the joiner's own key (proof it holds it); approval copies its keys into the roster.
"""

from __future__ import annotations

from dataclasses import dataclass
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

    def to_doc(self) -> dict[str, Any]:
        return {**self.member.to_doc(), "after_seq": self.after_seq, "revoked_at": self.revoked_at,
                "revoked_by": self.revoked_by}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Revoked:
        return cls(Member.from_doc(doc), int(doc["after_seq"]), str(doc["revoked_at"]), str(doc["revoked_by"]))


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
        return next((r for r in self.revoked if r.member.member_id == member_id), None)

    def author_of(self, member_id: str, seq: int, name: str) -> Member:
        """The member who signed record `seq` (`name` in messages): a current member, or a removed one for what
        it pushed before its removal; RecordRejected names anyone else."""
        member = self.member(member_id)
        if member is not None:
            return member
        gone = self.revocation(member_id)
        if gone is not None and seq <= gone.after_seq:
            return gone.member
        if gone is not None:
            raise RecordRejected(f"{name} is signed by {gone.member.officer_id}, who was removed from the office "
                                 f"({gone.revoked_at[:10]}) before it was pushed; refused.")
        raise RecordRejected(f"{name} is signed by {member_id}, who is not a member of the office; refused.")

    def by_officer(self, officer_id: str) -> Member | None:
        return next((m for m in self.members if m.officer_id == officer_id), None)


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


def _parse(doc: dict[str, Any]) -> Roster:
    try:
        return Roster(str(doc["office_id"]), int(doc["version"]), int(doc["key_version"]),
                      {int(k): str(v) for k, v in dict(doc["key_checks"]).items()},
                      tuple(Member.from_doc(m) for m in doc["members"]), str(doc["signed_by"]), doc,
                      tuple(Revoked.from_doc(r) for r in doc.get("revoked", [])))
    except (KeyError, TypeError, ValueError):
        raise RecordRejected(f"Member list version {doc.get('version', '?')} is not readable (damaged or edited "
                             "by hand); it was not taken in.") from None


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
        current = roster
    if current is None:
        raise RecordRejected("The office has no signed member list.")
    return current
