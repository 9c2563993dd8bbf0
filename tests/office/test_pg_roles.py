"""PostgreSQL specifics: TLS settings in the DSN reach psycopg, and (once built) per-member roles."""

from __future__ import annotations

import pytest

from storage.office.backend import OfficeUnreachable
from storage.office.pg import PostgresOffice
from tests.office.conftest import PG_DSN, OfficeSpec


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_tls_settings_in_the_dsn_reach_psycopg(office: OfficeSpec):
    """This test server has no TLS: sslmode=require must fail saying so (the setting arrived), and
    sslmode=disable must connect; the password in a DSN is never shown."""
    with pytest.raises(OfficeUnreachable, match="server does not support SSL, but SSL was required"):
        PostgresOffice(f"{PG_DSN} sslmode=require", office.schema).schema_version()
    plain = PostgresOffice(f"{PG_DSN} sslmode=disable", office.schema)
    assert plain.schema_version() == 0
    plain.close()
    shown = PostgresOffice(f"{PG_DSN} password=hunter2 sslmode=verify-full", office.schema).location
    assert "hunter2" not in shown and "sslmode=verify-full" in shown


def _drop_roles(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        roles = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s",
                                            (f"{schema}_%",)).fetchall()]
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        for role in roles:
            conn.execute(f'DROP OWNED BY "{role}" CASCADE')
            conn.execute(f'DROP ROLE "{role}"')


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_each_member_gets_a_database_role_that_can_add_only_its_own_records(office: OfficeSpec, tmp_path):
    import json

    import psycopg

    from casework.model import Role
    from storage.office import link
    from storage.office.roster import MemberRole
    from storage.store import CaseStore
    from tests.conftest import PASSPHRASE
    from tests.office.conftest import ALICE, BOB, SAM
    from tests.office.test_sync import edit

    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    alice = CaseStore.create(tmp_path / "alice", PASSPHRASE, ALICE)
    bob = CaseStore.create(tmp_path / "bob", PASSPHRASE, BOB)
    try:
        link.init_office(sam, office.make(), member_roles=True)  # the owner's (administrator's) connection
        for store in (alice, bob):
            link.join_office(store, office.make())
            link.approve(sam, office.make(), store.officer.officer_id, MemberRole.OFFICER)
            link.refresh(store, office.make())  # takes the login sealed to it
        alice_dsn = json.loads(link.require_link(alice).location)["dsn"]
        role = f"{office.schema}_m_{link.member_id(alice)}"
        assert f"user={role}" in alice_dsn and "password=" in alice_dsn
        backend = link.linked_backend(alice)
        edit(alice, alice.new_case().case.id, notes="pushed through her own role")
        from storage.sync import sync

        report = sync(alice, backend)
        assert report.in_step and report.pushed == 1
        backend.close()
        with psycopg.connect(alice_dsn, autocommit=True) as conn:
            assert conn.execute("SELECT current_user").fetchone()[0] == role
            row = conn.execute(f'SELECT case_id, office_rev, base_rev, key_version, envelope FROM "{office.schema}"'
                               ".records").fetchone()
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                conn.execute(f'INSERT INTO "{office.schema}".records (case_id, office_rev, base_rev, author, '
                             "key_version, push_id, envelope) VALUES (%s, 2, 1, %s, %s, 'forged', %s)",
                             (row[0], link.member_id(bob), row[3], json.dumps(row[4])))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f'UPDATE "{office.schema}".records SET base_rev = base_rev')
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f'DELETE FROM "{office.schema}".records')
        link.remove(sam, office.make(), "AM-101")
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            psycopg.connect(alice_dsn).close()
    finally:
        for store in (sam, alice, bob):
            store.close()
        _drop_roles(office.schema)
