"""Where this profile stands with its office, read from the store alone (no network): for the Office settings
dialog and the window's Office menu, which must not wait on a server to enable its actions."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.office import link as office_link
from storage.office.backend import OfficeBackend
from storage.office.dsn import NOT_SHOWN, shown_dsn
from storage.store import CaseStore


@dataclass(frozen=True, slots=True)
class LinkStatus:
    linked: bool
    backend: str = ""
    """"folder" or "postgres"."""
    where: str = ""
    """The folder, or the DSN with any password hidden, and the schema."""
    office_id: str = ""
    member_id: str = ""
    """This profile's key id (what the approver compares)."""
    role: str = ""
    """"administrator", "supervisor", "officer", or "" while the join request waits for approval."""
    roster_version: int = 0
    to_push: int = 0
    conflicts: int = 0
    schema: str = ""
    """PostgreSQL: the office's schema (the window fills its Schema field with it for a move); else ""."""

    @property
    def reviewer(self) -> bool:
        return self.role in ("administrator", "supervisor")


def link_status(store: CaseStore) -> LinkStatus:
    link = office_link.link_of(store)
    if link is None:
        return LinkStatus(False, member_id=office_link.member_id(store))
    where, schema = link.location, ""
    if link.backend == "postgres":
        doc = json.loads(link.location)
        schema = str(doc["schema"])
        where = f"{shown_dsn(str(doc['dsn'])) or NOT_SHOWN} (schema {schema})"
    trusted = office_link._trusted_roster(store, link)
    me = trusted.member(link.member_id) if trusted else None
    pending = store.conn.execute(
        "SELECT count(*) FROM cases c LEFT JOIN sync_state s ON s.case_id = c.id "
        "WHERE s.case_id IS NULL OR s.synced_revision != c.revision").fetchone()[0]
    conflicts = store.conn.execute("SELECT count(DISTINCT case_id) FROM sync_conflicts").fetchone()[0]
    return LinkStatus(True, link.backend, where, link.office_id, link.member_id, me.role.value if me else "",
                      link.roster_version, int(pending), int(conflicts), schema)


@dataclass(frozen=True, slots=True)
class MemberRow:
    member_id: str
    officer_id: str
    name: str
    role: str
    """"administrator", "supervisor", "officer", "pending" (a join request) or "removed"."""
    since: str = ""
    """For a removed member: when it was removed (ISO time)."""


def member_list(store: CaseStore, backend: OfficeBackend) -> tuple[list[MemberRow], bool]:
    """The verified member list (members, then removed members, then join requests waiting), fetched from the
    office; and whether this profile may approve and remove (the administrator or a supervisor)."""
    from storage.office.roster import REVIEWERS

    roster = office_link.refresh(store, backend)
    rows = [MemberRow(m.member_id, m.officer_id, m.name, m.role.value) for m in roster.members]
    gone = [r for mid in dict.fromkeys(r.member.member_id for r in roster.revoked)
            if roster.member(mid) is None and (r := roster.revocation(mid)) is not None]  # once, its latest removal
    rows += [MemberRow(r.member.member_id, r.member.officer_id, r.member.name, "removed", r.revoked_at) for r in gone]
    rows += [MemberRow(str(d.get("member_id")), str(d.get("officer_id")), str(d.get("name")), "pending")
             for d in office_link.pending(store, backend, roster)]
    me = roster.member(office_link.require_link(store).member_id)
    return rows, me is not None and me.role in REVIEWERS
