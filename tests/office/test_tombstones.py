"""Deletions travel as tombstones, on each backend: another laptop removes the case unless it changed there since
— then the case stays, with a `deleted` conflict for a person (never a silent loss)."""

from __future__ import annotations

import json

from storage.office import crypto, link
from storage.office.backend import Record
from storage.store import DELETED
from storage.sync import push_id, resolve, sync
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync, shared_case
from tests.storage.test_record_integrity import ready_case


def delete(store, case_id: str) -> None:
    store.delete_case(case_id, revision=store.get_case(case_id).revision)


def test_a_deleted_draft_is_removed_on_the_other_laptop(laptops: Laptops):
    case_id = shared_case(laptops)
    delete(laptops.alice, case_id)
    assert laptops.alice.tombstone(case_id).office_rev is None
    report = run_sync(laptops, laptops.alice)
    assert report.pushed == 1 and report.in_step
    assert laptops.alice.tombstone(case_id).office_rev == 2
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.conflicts == 0
    assert not laptops.bob.has_case(case_id)
    assert laptops.bob.tombstone(case_id).deleted_by == "AM-101"
    (entry,) = [e for e in laptops.bob.audit_entries(case_id) if e.action == "case_deleted"]
    assert "deleted at the office: by AM-101" in entry.detail
    report = run_sync(laptops, laptops.sam)  # a laptop that never had the case keeps only the tombstone
    assert report.in_step and not laptops.sam.has_case(case_id)
    run_sync(laptops, laptops.alice)  # pulls back her own deletion once
    again = run_sync(laptops, laptops.alice)
    assert (again.pushed, again.pulled, again.in_step) == (0, 0, True)


def test_a_draft_never_synced_is_deleted_without_telling_the_office(laptops: Laptops):
    case = laptops.alice.new_case().case
    delete(laptops.alice, case.id)
    report = run_sync(laptops, laptops.alice)
    assert (report.pushed, report.office_cases) == (0, 0)


def test_a_deletion_of_a_case_changed_here_since_is_a_conflict_kept_for_a_person(laptops: Laptops):
    case_id = shared_case(laptops)
    edit(laptops.bob, case_id, notes="Bob's words, written after the last sync.")
    delete(laptops.alice, case_id)
    run_sync(laptops, laptops.alice)
    report = run_sync(laptops, laptops.bob)
    assert report.conflicts == 1
    assert laptops.bob.get_case(case_id).notes == "Bob's words, written after the last sync."  # nothing lost
    (conflict,) = laptops.bob.sync_conflicts(case_id)
    assert conflict.path == DELETED and json.loads(conflict.theirs)["by"] == "AM-101"
    # Bob keeps it: the case goes back to the office, and to Alice's laptop
    resolve(laptops.bob, case_id, DELETED, "mine")
    assert run_sync(laptops, laptops.bob).in_step
    report = run_sync(laptops, laptops.alice)
    assert report.in_step and laptops.alice.get_case(case_id).notes == "Bob's words, written after the last sync."
    assert laptops.alice.tombstone(case_id) is None


def test_a_deletion_conflict_settled_by_accepting_the_deletion(laptops: Laptops):
    case_id = shared_case(laptops)
    edit(laptops.bob, case_id, notes="a note Bob decides to drop")
    delete(laptops.alice, case_id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    resolve(laptops.bob, case_id, DELETED, "theirs")
    assert not laptops.bob.has_case(case_id) and laptops.bob.sync_conflicts() == []
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.pushed == 0


def test_a_case_deleted_here_but_changed_at_the_office_comes_back_as_a_conflict(laptops: Laptops):
    case_id = shared_case(laptops)
    delete(laptops.alice, case_id)
    edit(laptops.bob, case_id, notes="Bob kept working on it.")
    run_sync(laptops, laptops.bob)
    report = run_sync(laptops, laptops.alice)  # her deletion is refused (stale base); Bob's copy comes back
    assert report.conflicts == 1
    assert laptops.alice.get_case(case_id).notes == "Bob kept working on it."
    (conflict,) = laptops.alice.sync_conflicts(case_id)
    assert conflict.path == DELETED and json.loads(conflict.mine) == {"deleted": True, "by": "AM-101",
                                                                       "at": json.loads(conflict.mine)["at"]}
    # she still wants it gone: the deletion goes out on top of Bob's revision, and reaches Bob
    resolve(laptops.alice, case_id, DELETED, "mine")
    assert not laptops.alice.has_case(case_id)
    assert run_sync(laptops, laptops.alice).in_step
    assert run_sync(laptops, laptops.bob).in_step
    assert not laptops.bob.has_case(case_id)


def test_a_deletion_of_a_submitted_case_is_rejected_by_name(laptops: Laptops):
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    state = laptops.bob.sync_base(case.id)
    lk = link.require_link(laptops.bob)
    stone = json.dumps({"tombstone": {"case_number": case.case_number, "revision": 1, "digest": "0" * 64,
                                      "deleted_by": "BO-202", "deleted_at": "2026-01-01T00:00:00+00:00"}})
    rec = Record(case.id, state.office_rev + 1, state.office_rev, lk.member_id, 1,
                 push_id(lk.office_id, case.id, state.office_rev, stone), {})
    envelope = crypto.seal(link.content_keys(laptops.bob)[1], rec.header(lk.office_id), stone.encode(),
                           laptops.bob.profile_signing_key())
    office = laptops.backend(laptops.bob)
    assert office.push(Record(**{**{f: getattr(rec, f) for f in rec.__slots__}, "envelope": envelope})).accepted
    office.close()
    report = sync(laptops.sam, laptops.backend(laptops.sam))
    assert any("deletes a case that was submitted for review; refused" in r for r in report.rejected)
    assert laptops.sam.has_case(case.id)
