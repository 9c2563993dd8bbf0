"""A member removed and approved again, and PostgreSQL member roles on an office made before migration 5: the
paths the removal rules must not block — a returning member pushes again, its records from its second stint
count after a second removal, and a supervisor approved before migration 5 still approves and removes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.model import Officer, Role
from storage.office import link, pg
from storage.office.roster import MemberRole
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.office.conftest import ALICE, BOB, PG_DSN, SAM, Laptops, OfficeSpec
from tests.office.test_removal import bobs_case
from tests.office.test_revocation_trust import _drop_roles
from tests.office.test_sync import edit, run_sync

CARLA = Officer("Carla Diaz", "CD-3", "Field Office Example")


def test_what_a_member_pushed_between_two_removals_still_counts(laptops: Laptops):
    run_sync(laptops, laptops.bob)
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    link.approve(laptops.sam, laptops.backend(laptops.sam), "BO-202", MemberRole.OFFICER)
    case = bobs_case(laptops, "pushed in Bob's second stint")
    assert run_sync(laptops, laptops.bob).pushed == 1
    second = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    assert second.after_seq == 1 and second.key_version == 3
    current = link.refresh(laptops.alice, laptops.backend(laptops.alice))
    assert current.revocation(second.member.member_id) == second  # the removal in force is the latest
    from storage.office.status import member_list

    rows, _may = member_list(laptops.sam, laptops.backend(laptops.sam))
    assert [(r.officer_id, r.since) for r in rows if r.role == "removed"] == [("BO-202", second.revoked_at)]
    assert [r.officer_id for r in rows if r.role == "pending"] == []  # its old request: removed, not waiting
    report = run_sync(laptops, laptops.alice)
    assert report.rejected == [] and report.in_step
    assert laptops.alice.get_case(case).notes == "pushed in Bob's second stint"


def test_a_second_removal_signed_by_an_older_casefile_gets_its_own_key_version(laptops: Laptops):
    """An older Casefile signs removals without their key version (format 1); the second removal of a member
    approved again takes the key version of its own list, not the first removal's."""
    from dataclasses import replace

    from storage.office import roster

    run_sync(laptops, laptops.bob)
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    link.approve(laptops.sam, laptops.backend(laptops.sam), "BO-202", MemberRole.OFFICER)
    second = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    office = laptops.office.make()
    docs = office.rosters()
    office.close()
    lk = link.require_link(laptops.sam)
    removal = roster.verify_chain(docs, lk.office_id, lk.founder_key)
    old = tuple(replace(r, key_version=0) for r in removal.revoked)  # as an older Casefile signs them
    resigned = roster.sign_roster(laptops.sam.profile_signing_key(), lk.office_id, removal.version,
                                  removal.key_version, removal.key_checks, list(removal.members), old)
    chain = [d for d in docs if d["version"] < removal.version] + [resigned]
    upgraded = roster.verify_chain(chain, lk.office_id, lk.founder_key)
    assert sorted(r.key_version for r in upgraded.revoked) == [2, 3]
    assert upgraded.revocation(second.member.member_id) == second


def _member_roles_office(office: OfficeSpec, tmp_path: Path) -> tuple[CaseStore, ...]:
    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    alice = CaseStore.create(tmp_path / "alice", PASSPHRASE, ALICE)
    bob = CaseStore.create(tmp_path / "bob", PASSPHRASE, BOB)
    carla = CaseStore.create(tmp_path / "carla", PASSPHRASE, CARLA, role=Role.SUPERVISOR)
    link.init_office(sam, office.make(), member_roles=True)
    for store, role in ((alice, MemberRole.OFFICER), (bob, MemberRole.OFFICER), (carla, MemberRole.SUPERVISOR)):
        link.join_office(store, office.make())
        link.approve(sam, office.make(), store.officer.officer_id, role)
        link.refresh(store, office.make())
    return sam, alice, bob, carla


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_with_member_roles_a_member_approved_again_pushes_through_its_own_login(office: OfficeSpec, tmp_path):
    stores = _member_roles_office(office, tmp_path)
    sam, alice, bob, carla = stores
    try:
        for remover, store in ((sam, bob), (carla, alice)):  # the owner's connection, and a supervisor's login
            who = store.officer.officer_id
            link.remove(remover, link.linked_backend(remover), who)
            link.approve(remover, link.linked_backend(remover), who, MemberRole.OFFICER)
            edit(store, store.new_case().case.id, notes="after approval again")
            report = run_sync(None, store, link.linked_backend(store))  # type: ignore[arg-type]
            assert report.pushed == 1 and report.in_step
            assert f"user={office.schema}_m_{link.member_id(store)}" in link.require_link(store).location
    finally:
        for store in stores:
            store.close()
        _drop_roles(office.schema)


def _create_member_role_v4(self: pg.PostgresOffice, member_id: str, reviewer: bool = False) -> tuple[str, str]:
    """PostgresOffice.create_member_role as it was before migration 5 (member_roles had no 'reviewer')."""
    from psycopg import sql

    role, password = self.role_of(member_id), "before-migration-5"

    def work(cur: object) -> None:
        cur.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(  # type: ignore[attr-defined]
            sql.Identifier(role), sql.Literal(password)))
        cur.execute(sql.SQL("GRANT {} TO {}").format(  # type: ignore[attr-defined]
            sql.Identifier(self._group()), sql.Identifier(role)))
        cur.execute("INSERT INTO member_roles (role_name, member_id) VALUES (%s, %s)",  # type: ignore[attr-defined]
                    (role, member_id))

    self._run(work)
    return role, password


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_a_supervisor_approved_before_migration_5_still_approves_and_removes(office: OfficeSpec, tmp_path,
                                                                            monkeypatch):
    with monkeypatch.context() as old:  # the office as Casefile made it before migration 5
        old.setattr(pg, "MIGRATIONS", pg.MIGRATIONS[:4])
        old.setattr(pg, "SCHEMA_VERSION", 4)
        old.setattr(pg.PostgresOffice, "create_member_role", _create_member_role_v4)
        old.setattr(pg.PostgresOffice, "follow_member_list", lambda *_args: None)  # not in Casefile then
        stores = _member_roles_office(office, tmp_path)
    sam, alice, _bob, carla = stores
    try:
        # the administrator's sync brings the office up to date
        assert run_sync(None, sam, link.linked_backend(sam)).in_step  # type: ignore[arg-type]
        office_now = office.make()
        assert office_now.schema_version() == pg.SCHEMA_VERSION  # type: ignore[attr-defined]
        office_now.close()
        gone = link.remove(carla, link.linked_backend(carla), "BO-202")  # Carla's own login, a supervisor's
        assert gone.member.officer_id == "BO-202"
        link.approve(carla, link.linked_backend(carla), "AM-101", MemberRole.OFFICER)
        # an officer's login still may not change the member list
        import psycopg

        with psycopg.connect(json.loads(link.require_link(alice).location)["dsn"], autocommit=True) as conn, \
                pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(f'INSERT INTO "{office.schema}".rosters (version, doc) VALUES (99, %s)', ('{}',))
        # a supervisor's login may lift another member's removal, never its own (removed by another supervisor,
        # its login keeps a reviewer's rights at the database: it must not make itself able to push again)
        with psycopg.connect(PG_DSN, autocommit=True) as owner:
            owner.execute(f'INSERT INTO "{office.schema}".revoked_members (member_id, after_seq) VALUES (%s, 0)',
                          (link.member_id(carla),))
        with psycopg.connect(json.loads(link.require_link(carla).location)["dsn"], autocommit=True) as conn:
            for sql in (f'DELETE FROM "{office.schema}".revoked_members WHERE member_id = %s',
                        f'UPDATE "{office.schema}".revoked_members SET after_seq = 99 WHERE member_id = %s'):
                assert conn.execute(sql, (link.member_id(carla),)).rowcount == 0
            assert conn.execute(f'SELECT after_seq FROM "{office.schema}".revoked_members WHERE member_id = %s',
                                (link.member_id(carla),)).fetchone() == (0,)
    finally:
        for store in stores:
            store.close()
        _drop_roles(office.schema)


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_what_a_supervisor_changes_through_its_own_login_reaches_the_database_at_the_administrators_sync(
        office: OfficeSpec, tmp_path):
    """A supervisor's login cannot change roles: the member it promotes is not marked a supervisor at the
    database, and the member it removes can still log in — until the administrator's next sync."""
    import psycopg

    stores = _member_roles_office(office, tmp_path)
    sam, alice, bob, carla = stores
    dana = CaseStore.create(tmp_path / "dana", PASSPHRASE, Officer("Dana Fox", "DF-4", "Field Office Example"),
                            role=Role.SUPERVISOR)
    try:
        link.join_office(dana, office.make())
        link.approve(sam, office.make(), "DF-4", MemberRole.OFFICER)
        link.refresh(dana, office.make())
        link.approve(carla, link.linked_backend(carla), "DF-4", MemberRole.SUPERVISOR)
        link.remove(carla, link.linked_backend(carla), "BO-202")
        bob_dsn = json.loads(link.require_link(bob).location)["dsn"]
        psycopg.connect(bob_dsn).close()  # Carla's login could not stop his
        link.remove(sam, office.make(), "AM-101")  # the owner's connection stops Alice's login at once
        link.approve(carla, link.linked_backend(carla), "AM-101", MemberRole.OFFICER)  # Carla cannot restart it
        alice_dsn = json.loads(link.require_link(alice).location)["dsn"]
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            psycopg.connect(alice_dsn)
        assert run_sync(None, sam, link.linked_backend(sam)).in_step  # type: ignore[arg-type]
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            psycopg.connect(bob_dsn)
        edit(alice, alice.new_case().case.id, notes="Alice approved again by Carla")
        assert run_sync(None, alice, link.linked_backend(alice)).pushed == 1  # type: ignore[arg-type]
        link.refresh(dana, link.linked_backend(dana))
        assert f"user={office.schema}_m_{link.member_id(dana)}" in link.require_link(dana).location
        gone = link.remove(dana, link.linked_backend(dana), "AM-101")  # Dana's own login, a supervisor's now
        assert gone.member.officer_id == "AM-101"
    finally:
        for store in (*stores, dana):
            store.close()
        _drop_roles(office.schema)
