"""The office and its members: who may create, join and approve, and a member list nobody can forge."""

from __future__ import annotations

import json

import pytest

from casework.model import Officer, Role
from storage.office import link
from storage.office.backend import OfficeError, OfficeTooNew, RecordRejected
from storage.office.roster import MemberRole
from storage.store import CaseStore
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import ALICE, PG_DSN, SAM, Laptops, OfficeSpec


def test_the_founder_is_administrator_and_joiners_wait_for_approval(office: OfficeSpec, tmp_path):
    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    alice = CaseStore.create(tmp_path / "alice", PASSPHRASE, ALICE)
    first = link.init_office(sam, office.make())
    assert [(m.officer_id, m.role) for m in first.members] == [("SR-7", MemberRole.ADMINISTRATOR)]
    link.join_office(alice, office.make())
    current = link.refresh(alice, office.make())
    assert current.member(link.member_id(alice)) is None  # pending: no role, no key
    assert [d["officer_id"] for d in link.pending(sam, office.make(), current)] == ["AM-101"]
    with pytest.raises(RecordRejected, match="not yet an approved member"):
        sync(alice, office.make())
    with pytest.raises(OfficeError, match="field officer's profile; a supervisor's role needs a supervisor"):
        link.approve(sam, office.make(), "AM-101", MemberRole.SUPERVISOR)
    link.approve(sam, office.make(), "AM-101", MemberRole.OFFICER)
    after = link.refresh(alice, office.make())
    assert after.member(link.member_id(alice)).role is MemberRole.OFFICER
    assert link.content_keys(alice) == link.content_keys(sam)  # the office key reached her, wrapped to her key
    sam.close()
    alice.close()


def test_only_a_supervisor_creates_an_office_and_an_officer_cannot_approve(laptops: Laptops, tmp_path):
    carol = CaseStore.create(tmp_path / "carol", PASSPHRASE, Officer("Carol Diaz", "CD-303", "FO"))
    with pytest.raises(OfficeError, match="Only a supervisor profile can create an office"):
        link.init_office(carol, laptops.office.make())
    link.join_office(carol, laptops.office.make())
    with pytest.raises(OfficeError, match="Only the office's administrator or a supervisor can approve"):
        link.approve(laptops.alice, laptops.backend(laptops.alice), "CD-303", MemberRole.OFFICER)
    carol.close()


def test_a_member_list_edited_at_the_office_is_rejected_by_name(laptops: Laptops):
    """Alice makes herself a supervisor by editing the newest member list where the office keeps it."""
    me = link.member_id(laptops.alice)
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            s = laptops.office.schema
            version, doc = conn.execute(f'SELECT version, doc FROM "{s}".rosters ORDER BY version DESC LIMIT 1'
                                        ).fetchone()
            for m in doc["members"]:
                if m["member_id"] == me:
                    m["role"] = "supervisor"
            doc["version"] = version + 1
            conn.execute(f'INSERT INTO "{s}".rosters (version, doc) VALUES (%s, %s)', (version + 1, json.dumps(doc)))
    else:
        newest = sorted((laptops.office.folder / "roster").glob("*.json"))[-1]
        doc = json.loads(newest.read_text())
        for m in doc["members"]:
            if m["member_id"] == me:
                m["role"] = "supervisor"
        doc["version"] += 1
        (newest.parent / f"{doc['version']:08d}.json").write_text(json.dumps(doc))
    with pytest.raises(RecordRejected, match=r"Member list version 4 is not signed by an administrator or "
                                             r"supervisor of the office \(altered by hand, or forged\)"):
        link.refresh(laptops.bob, laptops.backend(laptops.bob))


def test_an_office_schema_newer_than_the_app_is_refused(laptops: Laptops):
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'INSERT INTO "{laptops.office.schema}".office_schema_version (version, purpose) '
                         "VALUES (99, 'from the future')")
        match = "schema .* is at version 99, newer than this Casefile knows"
    else:
        marker = laptops.office.folder / "casefile-office.json"
        doc = json.loads(marker.read_text())
        marker.write_text(json.dumps({**doc, "format_version": 99}))
        match = "written by a newer Casefile"
    with pytest.raises(OfficeTooNew, match=match):
        sync(laptops.bob, laptops.backend(laptops.bob))


def test_the_command_line_creates_joins_approves_and_syncs(capsys, tmp_path):
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    share = tmp_path / "share"

    def profile(name: str, officer_id: str, role: str) -> list[str]:
        base = ["--data-dir", str(tmp_path / name), "--passphrase-file", str(pw)]
        code, _out, err = run(capsys, *base, "init", "--officer-name", name, "--officer-id", officer_id,
                              "--office", "FO", "--role", role)
        assert (code, err) == (0, "")
        return base

    sam, alice = profile("Sam Reyes", "SR-7", "supervisor"), profile("Alice Moreno", "AM-101", "officer")
    code, out, err = run(capsys, *sam, "office", "init", "--folder", str(share))
    assert code == 0 and "is its administrator" in out, err
    code, out, err = run(capsys, *alice, "office", "join", "--folder", str(share))
    assert code == 0 and "compare it with the administrator's" in out, err
    code, out, _err = run(capsys, *sam, "office", "members")
    assert "AM-101\tpending" in out
    code, out, err = run(capsys, *alice, "office", "approve", "AM-101", "--role", "officer")
    assert code == 2 and "Only the office's administrator or a supervisor can approve" in err
    code, out, err = run(capsys, "--language", "es", *alice, "office", "approve", "AM-101", "--role", "officer")
    assert code == 2 and "Solo el administrador de la oficina o un supervisor pueden aprobar miembros." in err
    code, out, err = run(capsys, *sam, "office", "approve", "AM-101", "--role", "officer")
    assert (code, out.strip()) == (0, f"Approved AM-101 ({out.split('(')[1].split(')')[0]}) as officer."), err
    code, out, err = run(capsys, *alice, "sync")
    assert code == 0 and "in step" in out, err
    code, out, err = run(capsys, *alice, "office", "status")
    assert code == 0 and "officer; member list version 2" in out and "open conflicts 0" in out, err
    code, out, err = run(capsys, *alice, "resolve", "XYZ", "notes", "--mine")
    assert (code, out) == (2, "") and err.count("\n") == 1
