"""A laptop salvaged from a damaged store stays an office member where it stood: the link, the office's keys,
each case's office base and a deletion not yet pushed come across, so the next sync is clean (both backends)."""

from __future__ import annotations

from dataclasses import replace

from casework.model import Subject
from storage.salvage import salvage
from storage.store import CaseStore
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.office.conftest import Laptops
from tests.office.test_sync import run_sync


def test_a_salvaged_laptop_syncs_on_where_it_stood(laptops: Laptops, tmp_path):
    alice, sam = laptops.alice, laptops.sam
    kept = alice.new_case().case
    alice.update_case(replace(kept, subject=Subject(family_name="Kept", given_names="Case")))
    gone = alice.new_case().case
    for case_id in (kept.id, gone.id):
        alice.close_revision(case_id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    alice.delete_case(gone.id, revision=alice.get_case(gone.id).revision)  # its tombstone is not pushed yet

    report = salvage(alice, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == ()
    alice.close()
    rescued = CaseStore.open(tmp_path / "salvaged", PASSPHRASE)
    laptops.alice = rescued
    assert rescued.sync_heads() == {kept.id: 1}
    assert rescued.tombstone(gone.id) is not None

    result = run_sync(laptops, rescued)
    assert result.in_step
    assert rescued.sync_conflicts() == []
    assert not rescued.has_case(gone.id)
    run_sync(laptops, sam)
    assert not sam.has_case(gone.id)  # the deletion carried across salvage reached the office
    assert sam.get_case(kept.id).subject.family_name == "Kept"


def test_a_case_salvaged_older_than_the_office_takes_the_office_copy_and_pushes_nothing(laptops: Laptops, tmp_path):
    """The damage hid the case's newest revision, so salvage kept an older one. That older text must not go up
    over the office's newer copy (it would reach every laptop): the salvaged laptop takes the office's copy back."""
    alice, sam = laptops.alice, laptops.sam
    case = alice.new_case().case
    alice.update_case(replace(case, subject=Subject(family_name="Older")))
    alice.close_revision(case.id)
    alice.update_case(replace(alice.get_case(case.id), subject=Subject(family_name="Newer")))
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    newest = alice.get_case(case.id).revision
    alice.conn.execute("UPDATE cases SET body = '{' WHERE id = ?", (case.id,))  # unreadable, as damage leaves it
    alice.conn.execute("UPDATE case_revisions SET body = '{' WHERE case_id = ? AND revision = ?", (case.id, newest))
    salvage(alice, tmp_path / "salvaged", PASSPHRASE)
    alice.close()
    rescued = CaseStore.open(tmp_path / "salvaged", PASSPHRASE)
    laptops.alice = rescued
    assert rescued.get_case(case.id).subject.family_name == "Older"
    result = run_sync(laptops, rescued)
    assert result.pushed == 0 and result.in_step
    assert rescued.get_case(case.id).subject.family_name == "Newer"
    run_sync(laptops, sam)
    assert sam.get_case(case.id).subject.family_name == "Newer"


def test_a_record_refused_before_the_salvage_is_still_read_again_after_it(laptops: Laptops, tmp_path):
    """The pull cursor passes a refused record and the store remembers it (sync_refused): salvage carries that
    memory with the cursor, or the salvaged laptop would never read the record again once it is put right."""
    from tests.office.test_malformed_records import NOT_A_PLAIN_CASE_ID, _hand_edit, _three_cases

    bob = laptops.bob
    ids = _three_cases(laptops)
    put_back = _hand_edit(laptops, 2, case_id="evil case")
    office = laptops.backend(bob)
    try:
        assert sync(bob, office).rejected == [NOT_A_PLAIN_CASE_ID]
    finally:
        office.close()
    salvage(bob, tmp_path / "salvaged", PASSPHRASE)
    bob.close()
    rescued = CaseStore.open(tmp_path / "salvaged", PASSPHRASE)
    laptops.bob = rescued
    assert rescued.sync_refused() == [2]
    put_back()
    result = run_sync(laptops, rescued)
    assert result.in_step and all(rescued.has_case(i) for i in ids)
