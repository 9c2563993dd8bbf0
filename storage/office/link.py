"""This profile's link to an office: create one, ask to join, approve members, and keep the verified roster.

The link lives in the encrypted store (office_link, office_keys, office_rosters; migration 0008): which backend
and where, this profile's member id, the founder's key pinned at joining, the last verified member list, the
pull cursor, and the office content keys — which never leave the laptop unwrapped.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from casework.i18n import QT_TRANSLATE_NOOP
from casework.model import Role
from storage import signing
from storage.database import Connection
from storage.office import crypto, roster
from storage.office.backend import MemberRevoked, OfficeBackend, OfficeError, RecordRejected
from storage.office.folder import FolderOffice
from storage.office.pg import DEFAULT_SCHEMA, PostgresOffice
from storage.office.roster import Member, MemberRole, Revoked, Roster
from storage.store import CaseStore


@dataclass(frozen=True, slots=True)
class Link:
    backend: str
    location: str
    office_id: str
    member_id: str
    founder_key: bytes
    roster_version: int
    cursor: int


def open_backend(*, folder: Path | None = None, dsn: str | None = None, schema: str = DEFAULT_SCHEMA
                 ) -> OfficeBackend:
    if (folder is None) == (dsn is None):
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "Give the office as either a folder or a PostgreSQL DSN."))
    return FolderOffice(folder) if folder is not None else postgres_office(str(dsn), schema)


def postgres_office(dsn: str, schema: str) -> PostgresOffice:
    """The PostgreSQL office at `dsn`: OfficeError when libpq cannot read `dsn` (saying why without quoting it —
    its own message would), and its `location`, which messages, the audit log and `casefile office` show, without
    any password in either form of DSN (storage.office.dsn)."""
    from storage.office.dsn import parse_problem, shown_location
    from storage.office.probe import NOT_A_DSN

    backend = PostgresOffice(dsn, schema)
    if (problem := parse_problem(dsn)) is not None:
        raise OfficeError(NOT_A_DSN.format(problem=problem))
    backend.location = shown_location(dsn, schema)
    return backend


def _location(backend: OfficeBackend) -> str:
    if isinstance(backend, PostgresOffice):
        return json.dumps({"dsn": backend.dsn, "schema": backend.schema})
    return str(getattr(backend, "folder", backend.location))


def link_of(store: CaseStore) -> Link | None:
    row = store.conn.execute("SELECT backend, location, office_id, member_id, founder_key, roster_version, cursor "
                             "FROM office_link WHERE id = 1").fetchone()
    if row is None:
        return None
    return Link(row[0], row[1], row[2], row[3], crypto.unb64(row[4]), row[5], row[6])


def require_link(store: CaseStore) -> Link:
    link = link_of(store)
    if link is None:
        raise OfficeError(QT_TRANSLATE_NOOP(
            "storage", "This profile is not linked to an office: use 'casefile office init' or "
                          "'casefile office join' first."))
    return link


def linked_backend(store: CaseStore) -> OfficeBackend:
    link = require_link(store)
    if link.backend == "postgres":
        where = json.loads(link.location)
        return postgres_office(str(where["dsn"]), str(where["schema"]))
    return FolderOffice(Path(link.location))


def member_id(store: CaseStore) -> str:
    return roster.member_id_of(signing.public_bytes(signing.profile_public_key(store.conn)))


def _exchange_private(store: CaseStore) -> X25519PrivateKey | None:
    row = store.conn.execute("SELECT exchange_key FROM profile WHERE id = 1").fetchone()
    return X25519PrivateKey.from_private_bytes(bytes(row[0])) if row and row[0] is not None else None


def _write_link(conn: Connection, backend: OfficeBackend, office_id: str, me: str, founder: bytes,
                exchange: X25519PrivateKey) -> None:
    if conn.execute("SELECT 1 FROM office_link").fetchone() is not None:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "This profile is already linked to an office."))
    if conn.execute("SELECT exchange_key FROM profile WHERE id = 1").fetchone()[0] is None:
        conn.execute("UPDATE profile SET exchange_key = ? WHERE id = 1", (crypto.raw_private(exchange),))
    conn.execute("INSERT INTO office_link (id, backend, location, office_id, member_id, founder_key, linked_at) "
                 "VALUES (1, ?, ?, ?, ?, ?, ?)", (backend.kind, _location(backend), office_id, me,
                                                  crypto.b64(founder), roster.now_text()))


def _keep_roster(conn: Connection, r: Roster, docs: list[dict[str, Any]] = ()) -> None:  # type: ignore[assignment]
    """Keep the verified chain up to `r` (every version, so the next check can start from version 1 here)."""
    for doc in [*docs, r.doc]:
        if int(doc.get("version", 0)) <= r.version:
            conn.execute("INSERT OR IGNORE INTO office_rosters (version, doc) VALUES (?, ?)",
                         (int(doc["version"]), json.dumps(doc)))
    conn.execute("UPDATE office_link SET roster_version = max(roster_version, ?) WHERE id = 1", (r.version,))


def init_office(store: CaseStore, backend: OfficeBackend, *, member_roles: bool = False) -> Roster:
    """Create the office with this (supervisor) profile as its administrator and a fresh content key.
    `member_roles` (PostgreSQL, connected as the schema's owner): each member approved later gets a database
    role of its own, which row-level security lets add records only as itself."""
    if member_roles and not isinstance(backend, PostgresOffice):
        raise OfficeError(QT_TRANSLATE_NOOP(
            "storage", "Member roles are a PostgreSQL feature; a folder office has none."))
    if store.role is not Role.SUPERVISOR:
        raise OfficeError(QT_TRANSLATE_NOOP(
            "storage", "Only a supervisor profile can create an office (it becomes the office's "
                                            "administrator)."))
    if link_of(store) is not None:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "This profile is already linked to an office."))
    key = store.profile_signing_key()
    exchange = _exchange_private(store) or X25519PrivateKey.generate()
    public = crypto.raw_public(key.public_key())
    me = roster.member_id_of(public)
    office_id = uuid.uuid4().hex
    content_key = crypto.new_content_key()
    o = store.officer
    founder = Member(me, o.name, o.officer_id, MemberRole.ADMINISTRATOR, public,
                     crypto.raw_public(exchange.public_key()))
    doc = roster.sign_roster(key, office_id, 1, 1, {1: crypto.key_check(content_key)}, [founder])
    backend.create(office_id)
    if member_roles and isinstance(backend, PostgresOffice):
        backend.enable_member_roles()
    backend.put_wrapped_key(me, 1, crypto.wrap(content_key, founder.exchange_key, f"{office_id}/{me}/1"))
    backend.put_roster(1, doc)
    first = roster.verify_chain([doc], office_id, public)

    def keep(conn: Connection) -> None:
        _write_link(conn, backend, office_id, me, public, exchange)
        conn.execute("INSERT INTO office_keys (key_version, content_key) VALUES (1, ?)", (content_key,))
        _keep_roster(conn, first)

    store.record_event("office_created", detail=f"{backend.kind} office {office_id[:8]}", also=keep)
    return first


def join_office(store: CaseStore, backend: OfficeBackend) -> Roster:
    """Ask to join: this profile's public keys go to the office as a pending member, and the office's founder
    key is pinned here (trust on first use: compare its fingerprint with the administrator's)."""
    if link_of(store) is not None:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "This profile is already linked to an office."))
    office_id = backend.office_id()
    docs = backend.rosters()
    first = next((d for d in docs if d.get("version") == 1), None)
    if first is None:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "The office has no signed member list; it cannot be joined."))
    founder_member = next((m for m in first.get("members", []) if m.get("member_id") == first.get("signed_by")), None)
    if founder_member is None:
        raise RecordRejected(QT_TRANSLATE_NOOP(
            "storage", "The office's first member list names no founder; it cannot be "
                                                "joined."))
    founder = crypto.unb64(founder_member["signing_key"])
    current = roster.verify_chain(docs, office_id, founder)
    key = store.profile_signing_key()
    exchange = _exchange_private(store) or X25519PrivateKey.generate()
    o = store.officer
    backend.put_request(member_id(store), roster.join_request(
        office_id, key, crypto.raw_public(exchange.public_key()), o.name, o.officer_id, store.role.value))

    def keep(conn: Connection) -> None:
        _write_link(conn, backend, office_id, member_id(store), founder, exchange)
        _keep_roster(conn, current, docs)

    store.record_event("office_join_requested", detail=f"{backend.kind} office {office_id[:8]}", also=keep)
    return current


def refresh(store: CaseStore, backend: OfficeBackend) -> Roster:
    """Fetch and verify the member list from the last version this laptop trusted; pick up a content key
    wrapped for this profile (checked against the roster's key check)."""
    link = require_link(store)
    if backend.office_id() != link.office_id:  # status, members, approving: each asks this first
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{where} holds another office than the one this profile "
                                            "joined ({office}).").format(where=backend.location,
                                                                         office=link.office_id[:8]))
    trusted = _trusted_roster(store, link)
    fetched = backend.rosters(after=trusted.version if trusted else 0)
    current = roster.verify_chain(fetched, link.office_id, link.founder_key, trusted)
    have = {r[0] for r in store.conn.execute("SELECT key_version FROM office_keys")}
    new_keys: dict[int, bytes] = {}
    me = current.member(link.member_id)
    private = _exchange_private(store)
    if me is not None and private is not None:
        for version, check in current.key_checks.items():
            if version in have:
                continue
            wrapped = backend.wrapped_key(link.member_id, version)
            if wrapped is None:
                continue
            try:
                content_key = crypto.unwrap(wrapped, private, f"{link.office_id}/{link.member_id}/{version}")
            except crypto.EnvelopeInvalid:
                raise RecordRejected(QT_TRANSLATE_NOOP(
                    "storage", "The office key version {version} wrapped for this profile at {where} does not "
                               "open with this profile's key: it was altered or damaged there. Ask the "
                               "administrator or a supervisor to approve this profile again (that wraps it anew); "
                               "nothing was synced.").format(version=version, where=backend.location)) from None
            if crypto.key_check(content_key) != check:
                raise RecordRejected(QT_TRANSLATE_NOOP(
                    "storage", "The office key version {version} handed to this profile is "
                                     "not the one the member list states (replaced on the server?); it was not "
                                     "taken in.").format(version=version))
            new_keys[version] = content_key
    location = _take_database_login(store, backend, link, private) if me is not None and private else None
    if current.version != (trusted.version if trusted else 0):
        _follow_member_list(backend, current)
    if current.version != (trusted.version if trusted else 0) or new_keys or location:
        def keep(conn: Connection) -> None:
            _keep_roster(conn, current, fetched)
            for version, content_key in new_keys.items():
                conn.execute("INSERT INTO office_keys (key_version, content_key) VALUES (?, ?)",
                             (version, content_key))
            if location:
                conn.execute("UPDATE office_link SET location = ? WHERE id = 1", (location,))

        store.record_event("office_roster_verified", detail=f"member list version {current.version}"
                           + (f", office key {sorted(new_keys)}" if new_keys else "")
                           + (", database login of its own" if location else ""), also=keep)
    return current


def _trusted_roster(store: CaseStore, link: Link) -> Roster | None:
    row = store.conn.execute("SELECT doc FROM office_rosters WHERE version = ?", (link.roster_version,)).fetchone()
    if row is None:
        return None
    return roster.verify_chain([json.loads(r[0]) for r in store.conn.execute(
        "SELECT doc FROM office_rosters ORDER BY version")], link.office_id, link.founder_key)


def member_names(store: CaseStore) -> dict[str, str]:
    """Officer id → name of every member of the member list this laptop verified (removed members too: their
    decisions still name them), so a decision or a submission shows who took it by name as well as by ID. Empty
    for a profile not linked to an office. Read from the store's verified copy; nothing is fetched."""
    lk = link_of(store)
    trusted = _trusted_roster(store, lk) if lk is not None else None
    if trusted is None:
        return {}
    names = {r.member.officer_id: r.member.name for r in trusted.revoked}
    names.update({m.officer_id: m.name for m in trusted.members})
    return {officer: name for officer, name in names.items() if name}


def move_link(store: CaseStore, backend: OfficeBackend) -> str:
    """Point this profile's link at `backend` — the same office moved (a share on another drive letter or
    server, a database host renamed) — after checking it is that office: the same office id, a member list
    signed from version 1 by the founder key pinned here that carries on the one this profile trusts, the same
    content keys, and no fewer records than this profile has taken in (not an old copy or a backup). OfficeError
    names what differs; nothing is changed then. Returns where the link now points (as shown to people)."""
    link = require_link(store)
    found = backend.office_id()  # OfficeUnreachable / OfficeTooNew / no office there: the backend's own words
    if found != link.office_id:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{location} holds another office ({found}), not the one this "
                          "profile belongs to ({mine}); the link was not moved.").format(
            location=backend.location, found=found[:8], mine=link.office_id[:8]))
    try:
        there = roster.verify_chain(backend.rosters(), link.office_id, link.founder_key)
    except RecordRejected:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{location} holds an office with this office's id whose member "
                          "list is not signed by its founder key (a copy made elsewhere, or forged); the link was "
                          "not moved.").format(location=backend.location)) from None
    trusted = _trusted_roster(store, link)
    if trusted is not None and (there.version < trusted.version or not any(
            d.get("version") == trusted.version and d == trusted.doc for d in backend.rosters(trusted.version - 1))):
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{location} holds an older or different copy of this office "
                          "(member list version {there}; this profile has seen version {seen}); the link was not "
                          "moved.").format(location=backend.location, there=there.version, seen=trusted.version))
    for version, key in content_keys(store).items():
        if there.key_checks.get(version) != crypto.key_check(key):
            raise OfficeError(QT_TRANSLATE_NOOP(
                "storage", "{location} holds this office's id with other keys (office key "
                              "version {version} differs); the link was not moved.").format(
                location=backend.location, version=version))
    if link.cursor and not backend.pull(link.cursor - 1, 1):
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{location} holds fewer of this office's records than this "
                          "profile has already taken in ({cursor}): an old copy or a backup? The link was not "
                          "moved.").format(location=backend.location, cursor=link.cursor))
    location = _carry_login(link, backend)
    old = link.location if link.backend == "folder" else _shown(link.location)
    new = str(backend.location)

    def keep(conn: Connection) -> None:
        conn.execute("UPDATE office_link SET backend = ?, location = ? WHERE id = 1", (backend.kind, location))

    store.record_event("office_link_moved", detail=f"from {old} to {new}", also=keep)
    return new


def _shown(location: str) -> str:
    """A PostgreSQL link's stored location ({"dsn", "schema"}) as people see it: no password."""
    from storage.office.dsn import shown_location

    where = json.loads(location)
    return shown_location(str(where["dsn"]), str(where["schema"]))


def _carry_login(link: Link, backend: OfficeBackend) -> str:
    """The new location to keep: a DSN given without a login keeps the database login this profile had (its own
    member login, sealed to it at approval), so moving the server's host does not lose it."""
    if not isinstance(backend, PostgresOffice) or link.backend != "postgres":
        return _location(backend)
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    old = conninfo_to_dict(json.loads(link.location)["dsn"])
    new = conninfo_to_dict(backend.dsn)
    if "user" in new or "password" in new:
        return _location(backend)
    login = {k: str(v) for k, v in old.items() if k in ("user", "password") and v is not None}
    return json.dumps({"dsn": make_conninfo(backend.dsn, **login), "schema": backend.schema})


def content_keys(store: CaseStore) -> dict[int, bytes]:
    return {r[0]: bytes(r[1]) for r in store.conn.execute("SELECT key_version, content_key FROM office_keys")}


def pending(store: CaseStore, backend: OfficeBackend, current: Roster) -> list[dict[str, Any]]:
    """Join requests not yet in the member list (as sent; verified when approved). A removed member's request
    (still at the office: approving it again reinstates the member) is listed as removed, not as waiting."""
    return [d for d in backend.requests() if current.member(mid := str(d.get("member_id"))) is None
            and current.revocation(mid) is None]


def approve(store: CaseStore, backend: OfficeBackend, who: str, role: MemberRole) -> Member:
    """An administrator or supervisor approves a pending member (by member id or officer id) with `role`, or
    changes a member's role: the content key is wrapped to the member and the next roster version signed."""
    link = require_link(store)
    current = refresh(store, backend)
    me = current.member(link.member_id)
    if me is None or me.role not in roster.REVIEWERS:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "Only the office's administrator or a supervisor can approve "
                                            "members."))
    if role is MemberRole.ADMINISTRATOR:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "The office has one administrator, its founder; approve as "
                                            "officer or supervisor."))
    member = current.member(who) or current.by_officer(who)
    pending = [d for d in backend.requests() if who in (d.get("member_id"), d.get("officer_id"))
               and current.member(str(d.get("member_id"))) is None]
    if current.member(who) is None:  # an officer ID: it must name one profile — a member, a removed member (approved
        # again) or a join request — or the wrong one is approved (an old laptop reinstated over its replacement)
        holders = {m.member_id for m in current.members if m.officer_id == who}
        requests = {str(d.get("member_id")) for d in pending}
        if holders:  # a removed member (or its old request) counts only where no member holds the ID: replaced
            named = holders | {mid for mid in requests if current.revocation(mid) is None}
        else:
            named = requests | {r.member.member_id for r in current.revoked if r.member.officer_id == who}
        if len(named) > 1:
            raise OfficeError(QT_TRANSLATE_NOOP("storage", "{who} is the officer ID of more than one profile (members, "
                                                "removed members or join requests); approve by member ID (casefile "
                                                "office members lists them).").format(who=who))
    if member is None:
        if not pending:
            raise OfficeError(QT_TRANSLATE_NOOP("storage", "There is no member or join request {who} in this office.")
                              .format(who=repr(who)))
        member = roster.verify_request(pending[0], link.office_id)
    if (holder := current.holder_of_officer_id(member.officer_id, member.member_id)) is not None:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{officer_id} is already the officer ID of {name} (member "
                                            "{member}); two members cannot share one, as it decides who may change "
                                            "a case and who may review it. Remove that member first (a laptop "
                                            "replaced), or set up the new profile with its own officer ID.").format(
            officer_id=member.officer_id, name=holder.name, member=holder.member_id[:12]))
    if member.member_id == link.member_id:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "A member cannot change its own role."))
    if role is MemberRole.SUPERVISOR and request_role(backend, member.member_id) == Role.OFFICER.value:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{officer_id} set up a field officer's profile; a supervisor's "
                                            "role needs a supervisor profile (Casefile's review rules are kept in "
                                            "the profile too).").format(officer_id=member.officer_id))
    member = Member(member.member_id, member.name, member.officer_id, role, member.signing_key, member.exchange_key)
    keys = content_keys(store)
    for version in current.key_checks:
        if version in keys:
            backend.put_wrapped_key(member.member_id, version, crypto.wrap(
                keys[version], member.exchange_key, f"{link.office_id}/{member.member_id}/{version}"))
    _give_database_login(backend, link.office_id, member)
    members = [m for m in current.members if m.member_id != member.member_id] + [member]
    doc = roster.sign_roster(store.profile_signing_key(), link.office_id, current.version + 1, current.key_version,
                             current.key_checks, members, current.revoked)
    backend.put_roster(current.version + 1, doc)
    if current.revocation(member.member_id) is not None:  # approved again after a removal (or a retry of that)
        backend.reinstate(member.member_id)  # the office takes its pushes again (PostgreSQL: its login's too)
    refresh(store, backend)
    store.record_event("office_member_approved", detail=f"{member.member_id} ({member.officer_id}) as {role.value}")
    return member


def remove(store: CaseStore, backend: OfficeBackend, who: str) -> Revoked:
    """An administrator or supervisor removes a member (by member id or officer id) and rotates the office key.

    In this order, so that an interruption anywhere leaves a usable office: the new content key (the next
    key_version) is wrapped to each remaining member; the office refuses the member's pushes from now on
    (`revoke`, which returns the sequence number the removal takes effect after); then the next member list is
    signed with the member under "revoked" and the new key version, which every later push uses. Records the
    member pushed before stay valid; it keeps the old keys it had, but cannot read anything sealed after."""
    link = require_link(store)
    current = refresh(store, backend)
    me = current.member(link.member_id)
    if me is None or me.role not in roster.REVIEWERS:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "Only the office's administrator or a supervisor can remove "
                                            "members."))
    member = current.member(who) or current.by_officer(who)
    if member is None:
        gone = next((r for r in current.revoked if who in (r.member.member_id, r.member.officer_id)), None)
        raise OfficeError((QT_TRANSLATE_NOOP("storage", "{who} was already removed from this office.") if gone
                           else QT_TRANSLATE_NOOP("storage", "There is no member {who} in this office.")).format(
            who=repr(who)))
    if member.member_id == link.member_id:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "A member cannot remove itself; ask the administrator or "
                                            "another supervisor."))
    if member.role is MemberRole.ADMINISTRATOR:
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "The office's administrator (its founder) cannot be removed."))
    remaining = [m for m in current.members if m.member_id != member.member_id]
    version = max(current.key_checks) + 1
    content_key = crypto.new_content_key()
    for m in remaining:
        backend.put_wrapped_key(m.member_id, version, crypto.wrap(
            content_key, m.exchange_key, f"{link.office_id}/{m.member_id}/{version}"))
    backend.trust_revocations(partial(roster.honours_revocation, current))  # a planted one is written anew
    after_seq = backend.revoke(member.member_id, roster.sign_revocation(
        store.profile_signing_key(), link.office_id, member.member_id, version))
    if isinstance(backend, PostgresOffice) and backend.member_roles() and backend.can_create_roles():
        backend.disable_member_role(member.member_id)
    gone = Revoked(member, after_seq, roster.now_text(), me.officer_id, version)
    doc = roster.sign_roster(store.profile_signing_key(), link.office_id, current.version + 1, version,
                             {**current.key_checks, version: crypto.key_check(content_key)}, remaining,
                             (*current.revoked, gone))
    backend.put_roster(current.version + 1, doc)
    refresh(store, backend)
    store.record_event("office_member_removed", detail=f"{member.member_id} ({member.officer_id}); office key "
                       f"rotated to version {version}")
    return gone


LOGIN_KEY_VERSION = 0
"""Where a member's database login (role and password, sealed to its exchange key) is kept among its keys."""


def _give_database_login(backend: OfficeBackend, office_id: str, member: Member) -> None:
    """On a PostgreSQL office with member roles, approved through a connection that may create roles: a LOGIN
    role for the member, its password sealed to the member's X25519 key like the office key."""
    if not (isinstance(backend, PostgresOffice) and backend.member_roles() and backend.can_create_roles()):
        return
    role, password = backend.create_member_role(member.member_id, reviewer=member.role in roster.REVIEWERS)
    backend.put_wrapped_key(member.member_id, LOGIN_KEY_VERSION, {"db_role": role, "password": crypto.wrap(
        password.encode(), member.exchange_key, f"{office_id}/{member.member_id}/database login")})


def _follow_member_list(backend: OfficeBackend, current: Roster) -> None:
    """On a PostgreSQL office with member roles, through a connection that may change roles (the owner's): the
    member logins' rights follow the member list just verified (PostgresOffice.follow_member_list). Run when the
    list changed, so a change a supervisor signed through its own login reaches the database at the
    administrator's next sync."""
    if not (isinstance(backend, PostgresOffice) and backend.member_roles() and backend.can_create_roles()):
        return
    backend.follow_member_list({m.member_id for m in current.members},
                               {m.member_id for m in current.members if m.role in roster.REVIEWERS},
                               {r.member.member_id for r in current.revoked if current.member(r.member.member_id)
                                is None})


def _take_database_login(store: CaseStore, backend: OfficeBackend, link: Link,
                         private: X25519PrivateKey) -> str | None:
    """The link's new location when a database login was sealed to this member and is not used yet — or was
    sealed again with a new password (a role change or a new approval after a removal sets one)."""
    if not isinstance(backend, PostgresOffice):
        return None
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    where = json.loads(link.location)
    login = backend.wrapped_key(link.member_id, LOGIN_KEY_VERSION)
    if not login or login.get("db_role") != backend.role_of(link.member_id):
        return None
    try:
        password = crypto.unwrap(login["password"], private, f"{link.office_id}/{link.member_id}/database login")
    except (crypto.EnvelopeInvalid, KeyError, TypeError):
        raise RecordRejected(QT_TRANSLATE_NOOP(
            "storage", "The database login sealed for this profile at {where} does not open with this profile's "
                       "key: it was altered or damaged there. Ask the administrator or a supervisor to approve this "
                       "profile again (that seals it anew); nothing was synced.").format(where=backend.location)
        ) from None
    now = conninfo_to_dict(where["dsn"])
    if now.get("user") == login["db_role"] and now.get("password") == password.decode():
        return None
    dsn = make_conninfo(where["dsn"], user=str(login["db_role"]), password=password.decode())
    return json.dumps({**where, "dsn": dsn})


def check_not_revoked(current: Roster, member_id: str) -> None:
    """MemberRevoked, in plain words, when this profile was removed from the office."""
    gone = current.revocation(member_id)
    if gone is not None and current.member(member_id) is None:
        remover = current.member(gone.revoked_by) or current.by_officer(gone.revoked_by)
        raise MemberRevoked(QT_TRANSLATE_NOOP("storage", "This profile was removed from the office on {date} by {who}: "
                            "nothing was sent or received. The cases on this laptop stay here; talk to your "
                            "supervisor.").format(date=gone.revoked_at[:10],
                                                  who=remover.officer_id if remover else gone.revoked_by))


def request_role(backend: OfficeBackend, member: str) -> str | None:
    request = next((d for d in backend.requests() if d.get("member_id") == member), None)
    return str(request.get("profile_role")) if request else None


SKEW_WARNING = 120.0
"""Seconds of clock difference from the office worth telling a person about."""


def clock_skew(backend: OfficeBackend) -> float:
    """Seconds this laptop's clock is ahead of the office's (negative: behind). Only shown: sync orders records
    by the office's sequence numbers and merges workflow steps in the office's order, never by times."""
    from datetime import UTC, datetime

    before = datetime.now(UTC)
    office = backend.clock()
    after = datetime.now(UTC)
    here = before + (after - before) / 2
    return (here - office).total_seconds()


def describe_skew(seconds: float) -> str:
    """How far this laptop's clock is from the office's, as a translatable Message (both directions whole
    sentences: a translation cannot assemble "ahead of"/"behind" into another language's word order)."""
    from casework.i18n import Number

    n = Number(abs(seconds))
    if abs(seconds) >= SKEW_WARNING:
        if seconds >= 0:
            return QT_TRANSLATE_NOOP(
                "storage", "this laptop's clock is {seconds} s ahead of the office's — set the clock right: the "
                "times shown on cases and in the audit log may mislead (sync never orders anything by them)"
            ).format(seconds=n)
        return QT_TRANSLATE_NOOP(
            "storage", "this laptop's clock is {seconds} s behind the office's — set the clock right: the times "
            "shown on cases and in the audit log may mislead (sync never orders anything by them)").format(seconds=n)
    if seconds >= 0:
        return QT_TRANSLATE_NOOP("storage", "this laptop's clock is {seconds} s ahead of the office's").format(
            seconds=n)
    return QT_TRANSLATE_NOOP("storage", "this laptop's clock is {seconds} s behind the office's").format(seconds=n)
