"""Removing a member, on each backend: the office key is rotated for the others, the removed member's later
pushes are refused at the office and by name on pull, what it pushed before still counts, and its laptop is
told plainly."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from storage.office import crypto, link
from storage.office.backend import MemberRevoked, OfficeError, Record
from storage.store import CaseStore
from storage.sync import push_id, sync
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import PG_DSN, Laptops
from tests.office.test_sync import edit, run_sync


def bobs_case(laptops: Laptops, notes: str) -> str:
    case = laptops.bob.new_case().case
    return edit(laptops.bob, case.id, notes=notes).id


def test_removing_a_member_rotates_the_key_and_keeps_what_it_pushed_before(laptops: Laptops):
    before = bobs_case(laptops, "pushed while Bob was a member")
    run_sync(laptops, laptops.bob)
    gone = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    assert gone.member.officer_id == "BO-202" and gone.after_seq == 1
    current = link.refresh(laptops.alice, laptops.backend(laptops.alice))
    assert current.key_version == 2 and current.member(gone.member.member_id) is None
    assert sorted(link.content_keys(laptops.alice)) == [1, 2]  # old records stay readable, new ones use 2
    report = run_sync(laptops, laptops.alice)  # Bob's earlier record still counts: he was a member then
    assert report.in_step and laptops.alice.get_case(before).notes == "pushed while Bob was a member"
    after = laptops.alice.new_case().case
    edit(laptops.alice, after.id, notes="sealed with the new key")
    run_sync(laptops, laptops.alice)
    office = laptops.backend(laptops.alice)
    (newest,) = [r for r in office.pull(0, 100) if r.case_id == after.id]
    office.close()
    assert newest.key_version == 2 and 2 not in link.content_keys(laptops.bob)  # Bob cannot read it
    assert any(e.action == "office_member_removed" and "rotated to version 2" in e.detail
               for e in laptops.sam.audit_entries())


def test_the_removed_members_laptop_is_told_plainly_and_the_office_refuses_its_push(laptops: Laptops):
    run_sync(laptops, laptops.bob)  # Bob holds office key 1
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    later = bobs_case(laptops, "written after Bob was removed")
    with pytest.raises(MemberRevoked, match=r"This profile was removed from the office on \d{4}-\d\d-\d\d by "
                       "SR-7: nothing was sent or received. The cases on this laptop stay here"):
        sync(laptops.bob, laptops.backend(laptops.bob))
    assert laptops.bob.get_case(later).notes == "written after Bob was removed"  # kept on his laptop
    record = sealed_by(laptops.bob, later)
    office = laptops.backend(laptops.bob)
    with pytest.raises(MemberRevoked, match=r"The office refused the push: member .* was removed"):
        office.push(record)
    office.close()
    assert heads(laptops) == {}


def sealed_by(store: CaseStore, case_id: str) -> Record:
    """A correctly sealed first push of `case_id` by `store`, with the office key version 1 it still holds."""
    body = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    lk = link.require_link(store)
    rec = Record(case_id, 1, 0, lk.member_id, 1, push_id(lk.office_id, case_id, 0, body), {})
    envelope = crypto.seal(link.content_keys(store)[1], rec.header(lk.office_id),
                           json.dumps({"body": body, "local_revision": 1}).encode(), store.profile_signing_key())
    return replace(rec, envelope=envelope)


def heads(laptops: Laptops) -> dict[str, int]:
    office = laptops.office.make()
    try:
        return office.heads()
    finally:
        office.close()


def slip_past_the_office(laptops: Laptops, record: Record, member_id: str) -> None:
    """What a compromised server or a hand-edited folder could do: take the removed member's push anyway."""
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            row = conn.execute(f'DELETE FROM "{laptops.office.schema}".revoked_members WHERE member_id = %s '
                               "RETURNING after_seq", (member_id,)).fetchone()
        office = laptops.office.make()
        assert office.push(record).accepted
        office.close()
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'INSERT INTO "{laptops.office.schema}".revoked_members (member_id, after_seq) '
                         "VALUES (%s, %s)", (member_id, row[0]))
        return
    marker = laptops.office.folder / "revoked" / f"{member_id}.json"
    kept = marker.read_bytes()
    marker.unlink()
    office = laptops.office.make()
    assert office.push(record).accepted
    marker.write_bytes(kept)


def test_a_push_by_a_removed_member_that_reached_the_office_anyway_is_rejected_by_name(laptops: Laptops):
    run_sync(laptops, laptops.bob)  # Bob holds office key 1
    gone = link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    later = bobs_case(laptops, "written after Bob was removed")
    slip_past_the_office(laptops, sealed_by(laptops.bob, later), gone.member.member_id)
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith(f"Office record 1 (case {later}, office revision 1) is signed by BO-202, "
                                         "who was removed from the office (")
    assert report.rejected[0].endswith(") before it was pushed; refused.")
    assert not laptops.alice.has_case(later)


def test_who_may_remove_whom(laptops: Laptops):
    with pytest.raises(OfficeError, match="Only the office's administrator or a supervisor can remove members"):
        link.remove(laptops.alice, laptops.backend(laptops.alice), "BO-202")
    with pytest.raises(OfficeError, match="A member cannot remove itself"):
        link.remove(laptops.sam, laptops.backend(laptops.sam), "SR-7")
    with pytest.raises(OfficeError, match="There is no member 'XX-1' in this office"):
        link.remove(laptops.sam, laptops.backend(laptops.sam), "XX-1")
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    with pytest.raises(OfficeError, match="'BO-202' was already removed from this office"):
        link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")


def test_a_member_approved_after_a_rotation_reads_old_and_new_records(laptops: Laptops, tmp_path):
    from casework.model import Officer
    from storage.office.roster import MemberRole

    old = bobs_case(laptops, "before the rotation")
    run_sync(laptops, laptops.bob)
    link.remove(laptops.sam, laptops.backend(laptops.sam), "BO-202")
    new = laptops.alice.new_case().case
    edit(laptops.alice, new.id, notes="after the rotation")
    run_sync(laptops, laptops.alice)
    carla = CaseStore.create(tmp_path / "carla", PASSPHRASE, Officer("Carla Diaz", "CD-3", "Field Office Example"))
    link.join_office(carla, laptops.office.make())
    link.approve(laptops.sam, laptops.backend(laptops.sam), "CD-3", MemberRole.OFFICER)
    report = run_sync(laptops, carla)
    assert report.in_step
    assert (carla.get_case(old).notes, carla.get_case(new.id).notes) == ("before the rotation", "after the rotation")
    carla.close()


def test_office_remove_on_the_command_line(laptops: Laptops, capsys, tmp_path):
    laptops.sam.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    where = ["--data-dir", str(tmp_path / "sam"), "--passphrase-file", str(pw)]
    code, out, err = run(capsys, *where, "office", "remove", "BO-202")
    assert (code, err) == (0, "")
    assert "Removed BO-202" in out and "rotated to version 2 for the 2 remaining members" in out
    code, out, _err = run(capsys, *where, "office", "members")
    assert "\tBO-202\tremoved " in out
    code, _out, err = run(capsys, *where, "office", "remove", "BO-202")
    assert code == 2 and "'BO-202' was already removed from this office" in err
