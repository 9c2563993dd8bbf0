"""PostgreSQL member roles, office schema migration 7: row-level security on attachment content (`blobs`) and on
join requests, the second wall under the signatures. A member's login reads every attachment but adds one only as
its own author (none once removed) and changes or deletes none; it adds or rewrites only its own join request and
reads no one else's, while administrators' and supervisors' logins read every request and approve.

Before membership there is no login of the member's own: a laptop asks to join through the DSN it was given (the
owner's, or a login office IT hands out), and its login is made when it is approved (link._give_database_login)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.model import Officer
from storage.office import crypto, link, pg, roster
from storage.office.backend import OfficeError
from storage.office.roster import MemberRole
from storage.office.status import member_list
from storage.store import CaseStore
from tests import attachment_files as files
from tests.conftest import PASSPHRASE
from tests.office.conftest import PG_DSN, OfficeSpec
from tests.office.test_member_again import _member_roles_office
from tests.office.test_revocation_trust import _drop_roles
from tests.office.test_sync import run_sync

DANA = Officer("Dana Fox", "DF-4", "Field Office Example")
POSTGRES_ONLY = pytest.mark.parametrize("office", ["postgres"], indirect=True)


def _dsn(store: CaseStore) -> str:
    return str(json.loads(link.require_link(store).location)["dsn"])


def _sync_an_attachment(store: CaseStore, marker: str) -> str:
    """A new case citing a new attachment, synced through the store's own login; the attachment's hash."""
    case = store.new_case().case
    sha = store.add_attachment(case.id, files.png(marker), f"{marker}.png").case.attachments[0].sha256
    store.close_revision(case.id)
    report = run_sync(None, store, link.linked_backend(store))  # type: ignore[arg-type]
    assert report.pushed == 1 and report.in_step
    return sha


def _sealed_blob(store: CaseStore, sha: str, author: str) -> tuple[str, str, int, str]:
    """A blob row as Casefile writes it (sealed with the office key, signed by `store`), naming `author`."""
    lk = link.require_link(store)
    keys = link.content_keys(store)
    version = max(keys)
    header = {"office_id": lk.office_id, "kind": "attachment", "sha256": sha, "author": author,
              "key_version": version}
    envelope = crypto.seal(keys[version], header, b"content", store.profile_signing_key())
    return sha, author, version, json.dumps(envelope)


def _check_the_walls(office: OfficeSpec, sam: CaseStore, alice: CaseStore, bob: CaseStore, carla: CaseStore,
                     tmp_path: Path) -> None:
    """What an officer's login may and may not do to blobs and join_requests, and what a supervisor's may."""
    import psycopg

    s = office.schema
    me, other = link.member_id(alice), link.member_id(bob)
    insert_blob = (f'INSERT INTO "{s}".blobs (sha256, author, key_version, envelope) '
                   "VALUES (%s, %s, %s, %s::jsonb)")
    theirs = _sync_an_attachment(bob, "bobs-scan")  # through Bob's login: blobs by their own author still go in
    mine = _sync_an_attachment(alice, "alices-scan")  # and Alice's, through hers
    assert run_sync(None, bob, link.linked_backend(bob)).in_step  # type: ignore[arg-type]
    assert bob.get_blob(mine) == files.png("alices-scan")  # he reads hers
    with psycopg.connect(_dsn(alice), autocommit=True) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == f"{s}_m_{me}"
        # attachments: every one is read; one is added only as its own author
        assert {r[0]: r[1] for r in conn.execute(f'SELECT sha256, author FROM "{s}".blobs')} == {
            theirs: other, mine: me}
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert_blob, _sealed_blob(alice, "f" * 64, other))
        conn.execute(insert_blob, _sealed_blob(alice, "e" * 64, me))
        for sql in (f'UPDATE "{s}".blobs SET author = %s WHERE sha256 = %s',
                    f'DELETE FROM "{s}".blobs WHERE author = %s OR sha256 = %s'):
            for sha in (theirs, mine):  # neither another's row nor its own
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(sql, (me, sha))
        # join requests: only its own is read; only its own is added or rewritten; none is deleted
        assert [r[0] for r in conn.execute(f'SELECT member_id FROM "{s}".join_requests')] == [me]
        [(own_doc,)] = conn.execute(f'SELECT doc FROM "{s}".join_requests WHERE member_id = %s', (me,)).fetchall()
        upsert = (f'INSERT INTO "{s}".join_requests (member_id, doc) VALUES (%s, %s::jsonb) ON CONFLICT (member_id) '
                  "DO UPDATE SET doc = excluded.doc")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(upsert, (other, json.dumps({**own_doc, "member_id": other})))  # over Bob's request
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(upsert, ("0123456789abcdef", json.dumps({**own_doc, "member_id": "0123456789abcdef"})))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(upsert, (me, json.dumps({**own_doc, "member_id": other})))  # its row, another's doc
        assert conn.execute(f'UPDATE "{s}".join_requests SET doc = %s::jsonb WHERE member_id = %s',
                            (json.dumps(own_doc), other)).rowcount == 0  # Bob's is not there for it
        assert conn.execute(f'UPDATE "{s}".join_requests SET doc = %s::jsonb WHERE member_id = %s',
                            (json.dumps(own_doc), me)).rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'DELETE FROM "{s}".join_requests WHERE member_id = %s', (me,))
        for sql in (f'ALTER TABLE "{s}".blobs DISABLE ROW LEVEL SECURITY',
                    f'DROP POLICY requests_read_own_or_reviewer ON "{s}".join_requests'):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    # through Casefile: the member's own request may be sent again through its own login
    again = pg.PostgresOffice(_dsn(alice), s)
    again.put_request(me, own_doc)
    again.close()
    # a new laptop asks to join through the DSN it was given (no login of its own yet)
    dana = CaseStore.create(tmp_path / "dana", PASSPHRASE, DANA)
    try:
        link.join_office(dana, pg.PostgresOffice(PG_DSN, s))
        dana_id = link.member_id(dana)
        rows, may = member_list(alice, link.linked_backend(alice))  # an officer's login: no one else's request
        assert not may and "DF-4" not in [r.officer_id for r in rows if r.role == "pending"]
        rows, may = member_list(carla, link.linked_backend(carla))  # a supervisor's login reads them all
        assert may and [r.officer_id for r in rows if r.role == "pending"] == ["DF-4"]
        with psycopg.connect(_dsn(carla), autocommit=True) as conn:
            assert {r[0] for r in conn.execute(f'SELECT member_id FROM "{s}".join_requests')} == {
                me, other, link.member_id(carla), dana_id}
        approved = link.approve(carla, link.linked_backend(carla), "DF-4", MemberRole.OFFICER)
        assert approved.member_id == dana_id
        assert roster.verify_chain(pg.PostgresOffice(PG_DSN, s).rosters(), link.require_link(sam).office_id,
                                   link.require_link(sam).founder_key).member(dana_id) is not None
    finally:
        dana.close()
    # a removed member's login adds no attachment, even as itself
    with psycopg.connect(PG_DSN, autocommit=True) as owner:
        owner.execute(f'INSERT INTO "{s}".revoked_members (member_id, after_seq) VALUES (%s, 0)', (other,))
    with psycopg.connect(_dsn(bob), autocommit=True) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        conn.execute(insert_blob, _sealed_blob(bob, "d" * 64, other))


@POSTGRES_ONLY
def test_a_members_login_adds_attachments_and_join_requests_only_as_itself(office: OfficeSpec, tmp_path):
    stores = _member_roles_office(office, tmp_path)
    try:
        _check_the_walls(office, *stores, tmp_path)
    finally:
        for store in stores:
            store.close()
        _drop_roles(office.schema)


@POSTGRES_ONLY
def test_an_office_made_at_schema_version_6_gets_migration_7_when_its_owner_connects(office: OfficeSpec, tmp_path,
                                                                                     monkeypatch):
    import psycopg

    with monkeypatch.context() as old:  # the office as Casefile made it before migration 7
        old.setattr(pg, "MIGRATIONS", pg.MIGRATIONS[:6])
        old.setattr(pg, "SCHEMA_VERSION", 6)
        stores = _member_roles_office(office, tmp_path)
        sam, alice, bob, _carla = stores
    try:
        s = office.schema
        with psycopg.connect(PG_DSN) as conn:
            assert conn.execute(f'SELECT max(version) FROM "{s}".office_schema_version').fetchone()[0] == 6
        with psycopg.connect(_dsn(alice), autocommit=True) as conn:  # the hole migration 7 closes
            conn.execute(f'INSERT INTO "{s}".blobs (sha256, author, key_version, envelope) VALUES (%s, %s, 1, '
                         "'{}'::jsonb)", ("c" * 64, link.member_id(bob)))
            assert len(conn.execute(f'SELECT member_id FROM "{s}".join_requests').fetchall()) == 3
        # a member's login cannot bring the schema up to date; the administrator's (owner's) sync does
        with pytest.raises(OfficeError, match="only its owner can apply"):
            pg.PostgresOffice(_dsn(alice), s).office_id()
        assert run_sync(None, sam, link.linked_backend(sam)).in_step  # type: ignore[arg-type]
        now = pg.PostgresOffice(PG_DSN, s)
        assert now.schema_version() == pg.SCHEMA_VERSION == 7
        now.close()
        with psycopg.connect(PG_DSN, autocommit=True) as owner:  # the planted row out of the way
            owner.execute(f'DELETE FROM "{s}".blobs WHERE sha256 = %s', ("c" * 64,))
        _check_the_walls(office, *stores, tmp_path)
    finally:
        for store in stores:
            store.close()
        _drop_roles(office.schema)
