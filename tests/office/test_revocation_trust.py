"""Who may remove whom, at the office and on every laptop: a removal counts only on the word of an administrator
or supervisor, and a removed member's records are judged by the key they were sealed with as well as by when
the office took them."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from casework.model import Officer, Role
from storage.office import crypto, link, roster
from storage.office.backend import MemberRevoked, OfficeBackend, Record
from storage.office.roster import MemberRole
from storage.store import CaseStore
from storage.sync import push_id, sync
from tests.conftest import PASSPHRASE
from tests.office.conftest import PG_DSN, Laptops, OfficeSpec
from tests.office.test_removal import bobs_case, slip_past_the_office
from tests.office.test_sync import run_sync


def plant_revocation(office: OfficeSpec, member_id: str, doc: dict[str, Any] | None) -> None:
    """What a member with write access to the share, or the office's shared database login, could do."""
    if office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'INSERT INTO "{office.schema}".revoked_members (member_id, after_seq, doc) '
                         "VALUES (%s, 0, %s)", (member_id, json.dumps(doc) if doc else None))
        return
    assert office.folder is not None
    (office.folder / "revoked").mkdir(exist_ok=True)
    (office.folder / "revoked" / f"{member_id}.json").write_text(json.dumps(
        {"member_id": member_id, "after_seq": 0, **({"doc": doc} if doc else {})}))


@pytest.mark.parametrize("how", ["unsigned", "signed by an officer", "signed for another member"])
def test_a_revocation_planted_by_a_member_locks_nobody_out(laptops: Laptops, how: str):
    bob = link.member_id(laptops.bob)
    doc = None
    if how == "signed by an officer":
        doc = roster.sign_revocation(laptops.alice.profile_signing_key(), link.require_link(laptops.alice).office_id,
                                     bob, 2)
    elif how == "signed for another member":  # a genuine supervisor's word about Alice, re-filed under Bob
        doc = roster.sign_revocation(laptops.sam.profile_signing_key(), link.require_link(laptops.sam).office_id,
                                     link.member_id(laptops.alice), 2)
    plant_revocation(laptops.office, bob, doc)
    case = bobs_case(laptops, "pushed despite the planted removal")
    report = run_sync(laptops, laptops.bob)
    assert report.pushed == 1 and report.in_step
    run_sync(laptops, laptops.alice)
    assert laptops.alice.get_case(case).notes == "pushed despite the planted removal"


def test_a_revocation_signed_by_a_supervisor_refuses_the_push_before_the_member_list_says_so(laptops: Laptops):
    """A removal interrupted after the office was told and before the member list was signed still holds."""
    bob = link.member_id(laptops.bob)
    plant_revocation(laptops.office, bob, roster.sign_revocation(
        laptops.sam.profile_signing_key(), link.require_link(laptops.sam).office_id, bob, 2))
    bobs_case(laptops, "written after the removal began")
    with pytest.raises(MemberRevoked, match=r"The office refused the push: member .* was removed"):
        sync(laptops.bob, laptops.backend(laptops.bob))


class ClaimsEverything:
    """A compromised office: it answers a removal with a sequence number far beyond its records, so that the
    removed member's later records would pass the sequence check."""

    def __init__(self, inner: OfficeBackend) -> None:
        self.inner = inner

    def revoke(self, member_id: str, doc: dict[str, Any] | None = None) -> int:
        self.inner.revoke(member_id, doc)
        return 10 ** 9

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def sealed_with(store: CaseStore, case_id: str, key_version: int, key: bytes) -> Record:
    body = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    lk = link.require_link(store)
    rec = Record(case_id, 1, 0, lk.member_id, key_version, push_id(lk.office_id, case_id, 0, body), {})
    envelope = crypto.seal(key, rec.header(lk.office_id), json.dumps({"body": body, "local_revision": 1}).encode(),
                           store.profile_signing_key())
    return replace(rec, envelope=envelope)


def test_a_removed_members_record_sealed_with_the_key_of_its_removal_is_refused_by_name(laptops: Laptops):
    before = bobs_case(laptops, "pushed while Bob was a member")
    run_sync(laptops, laptops.bob)
    gone = link.remove(laptops.sam, ClaimsEverything(laptops.backend(laptops.sam)), "BO-202")  # type: ignore[arg-type]
    assert gone.after_seq == 10 ** 9 and gone.key_version == 2  # the sequence check alone would let it in
    later = bobs_case(laptops, "written after Bob was removed")
    leaked = link.content_keys(laptops.sam)[2]  # however Bob came by the new key
    slip_past_the_office(laptops, sealed_with(laptops.bob, later, 2, leaked), gone.member.member_id)
    for store in (laptops.alice, laptops.sam):
        report = sync(store, laptops.backend(store))
        assert report.rejected == [f"Office record 2 (case {later}, office revision 1) is signed by BO-202, who was "
                                   f"removed from the office ({gone.revoked_at[:10]}), and sealed with office key "
                                   "version 2, made at or after that removal; refused."]
        assert not store.has_case(later)
        assert store.get_case(before).notes == "pushed while Bob was a member"  # his earlier record still counts


def test_a_removal_signed_before_revocations_named_their_key_is_upgraded_from_the_member_list(laptops: Laptops):
    run_sync(laptops, laptops.bob)
    gone = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    office = laptops.office.make()
    docs = office.rosters()
    office.close()
    lk = link.require_link(laptops.sam)
    removal = roster.verify_chain(docs, lk.office_id, lk.founder_key)
    # the same member list as an older Casefile signed it: its revoked entry without key_version (format 1)
    old = replace(gone, key_version=0)
    assert "key_version" not in old.to_doc() and "format_version" not in old.to_doc()
    resigned = roster.sign_roster(laptops.sam.profile_signing_key(), lk.office_id, removal.version,
                                  removal.key_version, removal.key_checks, list(removal.members), (old,))
    chain = [d for d in docs if d["version"] < removal.version] + [resigned]
    upgraded = roster.verify_chain(chain, lk.office_id, lk.founder_key)
    assert upgraded.revocation(gone.member.member_id) == replace(old, key_version=2)
    # a later list carries the entry on (re-signed in format 2 by whoever signs next), with the same key version
    nxt = roster.sign_roster(laptops.sam.profile_signing_key(), lk.office_id, removal.version + 1,
                             removal.key_version, removal.key_checks, list(removal.members), upgraded.revoked)
    assert json.dumps(nxt).count('"format_version": 2') == 1
    assert roster.verify_chain([*chain, nxt], lk.office_id, lk.founder_key).revocation(
        gone.member.member_id) == replace(old, key_version=2)
    newer = {**old.to_doc(), "format_version": 3, "key_version": 2}
    with pytest.raises(roster.RecordRejected, match="is not readable"):
        roster._parse({**resigned, "revoked": [newer]})


def _drop_roles(schema: str) -> None:
    from tests.office.test_pg_roles import _drop_roles as drop

    drop(schema)


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_with_member_roles_only_a_supervisors_login_may_revoke_or_change_the_member_list(office: OfficeSpec,
                                                                                       tmp_path):
    import psycopg

    from storage.office.pg import OfficeForbidden
    from tests.office.conftest import ALICE, BOB, SAM

    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    alice = CaseStore.create(tmp_path / "alice", PASSPHRASE, ALICE)
    bob = CaseStore.create(tmp_path / "bob", PASSPHRASE, BOB)
    carla = CaseStore.create(tmp_path / "carla", PASSPHRASE, Officer("Carla Diaz", "CD-3", "Field Office Example"),
                             role=Role.SUPERVISOR)
    try:
        link.init_office(sam, office.make(), member_roles=True)
        for store, role in ((alice, MemberRole.OFFICER), (bob, MemberRole.OFFICER), (carla, MemberRole.SUPERVISOR)):
            link.join_office(store, office.make())
            link.approve(sam, office.make(), store.officer.officer_id, role)
            link.refresh(store, office.make())
        alice_dsn = json.loads(link.require_link(alice).location)["dsn"]
        s = office.schema
        with psycopg.connect(alice_dsn, autocommit=True) as conn:
            for sql, args in (
                    (f'INSERT INTO "{s}".revoked_members (member_id, after_seq) VALUES (%s, 0)',
                     (link.member_id(bob),)),
                    (f'INSERT INTO "{s}".rosters (version, doc) VALUES (99, %s)', ('{}',)),
                    (f'INSERT INTO "{s}".wrapped_keys (member_id, key_version, doc) VALUES (%s, 9, %s)',
                     (link.member_id(bob), '{}'))):
                with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                    conn.execute(sql, args)
            assert conn.execute(f'UPDATE "{s}".wrapped_keys SET doc = %s', ('{}',)).rowcount == 0  # sees none
            for sql in (f'UPDATE "{s}".member_roles SET reviewer = true',  # no way to make itself a reviewer
                        f'DELETE FROM "{s}".rosters', f'ALTER TABLE "{s}".revoked_members DISABLE ROW LEVEL SECURITY',
                        f'DROP POLICY revoked_insert_reviewer ON "{s}".revoked_members'):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql)
            conn.execute(f'SET ROLE "{s}_members"')  # its group role: no member of the office, so no reviewer
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                conn.execute(f'INSERT INTO "{s}".revoked_members (member_id, after_seq) VALUES (%s, 0)',
                             (link.member_id(bob),))
        # the same through Casefile: a specific message, nothing changed
        with pytest.raises(OfficeForbidden, match="only the office's administrator or a supervisor may change"):
            link.linked_backend(alice).revoke(link.member_id(bob))
        # a supervisor's own login may remove a member (and the removed member's login adds nothing more)
        assert f"user={s}_m_{link.member_id(carla)}" in link.require_link(carla).location
        gone = link.remove(carla, link.linked_backend(carla), "BO-202")
        assert gone.key_version == 2 and link.refresh(alice, link.linked_backend(alice)).revocation(
            gone.member.member_id) is not None
        with psycopg.connect(alice_dsn, autocommit=True) as conn:  # an officer cannot lift or move a removal
            assert conn.execute(f'DELETE FROM "{s}".revoked_members').rowcount == 0
            assert conn.execute(f'UPDATE "{s}".revoked_members SET after_seq = 0').rowcount == 0
            assert conn.execute(f'SELECT member_id, after_seq FROM "{s}".revoked_members').fetchall() == [
                (gone.member.member_id, gone.after_seq)]
        bob_dsn = json.loads(link.require_link(bob).location)["dsn"]
        with psycopg.connect(bob_dsn, autocommit=True) as conn:  # Carla cannot disable his login; RLS refuses him
            row = conn.execute(f'SELECT envelope FROM "{s}".records').fetchone()
            assert row is None
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                conn.execute(f'INSERT INTO "{s}".records (case_id, office_rev, base_rev, author, key_version, '
                             "push_id, envelope) VALUES ('c1', 1, 0, %s, 1, 'p1', '{}')", (link.member_id(bob),))
    finally:
        for store in (sam, alice, bob, carla):
            store.close()
        _drop_roles(office.schema)


def test_an_old_removal_replayed_against_a_member_approved_again_locks_nobody_out(laptops: Laptops):
    run_sync(laptops, laptops.bob)
    bob = link.member_id(laptops.bob)
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    office = laptops.office.make()
    old = office._revocations({bob})[bob] if laptops.office.kind == "folder" else None  # type: ignore[attr-defined]
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN) as conn:
            old = conn.execute(f'SELECT doc FROM "{laptops.office.schema}".revoked_members WHERE member_id = %s',
                               (bob,)).fetchone()[0]
    office.close()
    assert old is not None and old["revoked_by"] == link.member_id(laptops.sam)  # Sam's genuine signed word
    link.approve(laptops.sam, laptops.backend(laptops.sam), "BO-202", MemberRole.OFFICER)  # and Bob is back
    plant_revocation(laptops.office, bob, old)  # someone with write access replays the old removal
    case = bobs_case(laptops, "pushed after Bob was approved again")
    report = run_sync(laptops, laptops.bob)
    assert report.pushed == 1 and report.in_step
    run_sync(laptops, laptops.alice)
    assert laptops.alice.get_case(case).notes == "pushed after Bob was approved again"


def test_a_revocation_planted_before_a_real_removal_does_not_shrink_what_the_member_pushed(laptops: Laptops):
    first = bobs_case(laptops, "Bob's first")
    run_sync(laptops, laptops.bob)
    bob = link.member_id(laptops.bob)
    plant_revocation(laptops.office, bob, roster.sign_revocation(  # "after record 0", signed by an officer
        laptops.alice.profile_signing_key(), link.require_link(laptops.alice).office_id, bob, 2))
    second = bobs_case(laptops, "Bob's second")
    assert run_sync(laptops, laptops.bob).pushed == 1
    gone = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    assert gone.after_seq == 2
    report = run_sync(laptops, laptops.alice)
    assert report.rejected == [] and report.in_step
    assert (laptops.alice.get_case(first).notes, laptops.alice.get_case(second).notes) == ("Bob's first",
                                                                                           "Bob's second")


def _hostile() -> list[str]:
    from pathlib import Path

    doc = json.loads((Path(__file__).parents[2] / ".." / "shared" / "testdata" / "hostile-text.json")
                     .read_text(encoding="utf-8"))
    texts = [n["text"] for n in doc["names"]] + [t["text"] if "text" in t else json.loads(t["json"])
                                                 for t in doc["invalid"]]
    return texts + [t["text"] if "text" in t else str(t) for t in doc["long"]]


def test_hostile_text_as_the_place_an_office_moved_to_is_refused_by_name(laptops: Laptops, tmp_path):
    from storage.errors import UserFacingError

    before = link.require_link(laptops.alice)
    for text in _hostile():
        for place in ({"folder": tmp_path / text[:200]}, {"dsn": text}, {"dsn": PG_DSN, "schema": text[:200]}):
            with pytest.raises(UserFacingError) as caught:
                link.move_link(laptops.alice, link.open_backend(**place))  # type: ignore[arg-type]
            assert str(caught.value) and "\n" not in str(caught.value).strip()
    assert link.require_link(laptops.alice) == before


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_a_member_whose_role_changes_takes_its_new_database_password(office: OfficeSpec, tmp_path):
    """Approving a role change seals a new password for the member's login (and marks a supervisor's login as
    one that may change the member list): the member's laptop must use it, not keep the old one."""
    from psycopg.conninfo import conninfo_to_dict

    from tests.office.conftest import SAM

    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    carla = CaseStore.create(tmp_path / "carla", PASSPHRASE, Officer("Carla Diaz", "CD-3", "Field Office Example"),
                             role=Role.SUPERVISOR)
    try:
        link.init_office(sam, office.make(), member_roles=True)
        link.join_office(carla, office.make())
        link.approve(sam, office.make(), "CD-3", MemberRole.OFFICER)
        link.refresh(carla, office.make())
        first = conninfo_to_dict(json.loads(link.require_link(carla).location)["dsn"])
        link.approve(sam, office.make(), "CD-3", MemberRole.SUPERVISOR)
        link.refresh(carla, link.linked_backend(carla))
        second = conninfo_to_dict(json.loads(link.require_link(carla).location)["dsn"])
        assert second["user"] == first["user"] and second["password"] != first["password"]
    finally:
        for store in (sam, carla):
            store.close()
        _drop_roles(office.schema)
