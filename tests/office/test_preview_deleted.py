"""The sync preview lists what a sync will change here: a case made and deleted elsewhere is not "new here", a
case deleted here is not listed for a revision from before its deletion, and one the office changed after it was
deleted here is listed as coming back."""

from __future__ import annotations

from storage.sync_preview import preview
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync, shared_case


def look(laptops: Laptops, store):
    backend = laptops.backend(store)
    try:
        return preview(store, backend)
    finally:
        backend.close()


def test_a_case_made_and_deleted_elsewhere_does_not_come_down(laptops: Laptops):
    gone = edit(laptops.alice, laptops.alice.new_case().case.id, notes="soon gone").id
    kept = edit(laptops.alice, laptops.alice.new_case().case.id, notes="kept").id
    run_sync(laptops, laptops.alice)
    laptops.alice.delete_case(gone, revision=laptops.alice.get_case(gone).revision)
    run_sync(laptops, laptops.alice)
    down = look(laptops, laptops.bob).down
    assert [(c.case_id, c.new, c.deleted, c.back) for c in down] == [(kept, True, False, False)]
    assert run_sync(laptops, laptops.bob).pulled == len(down)


def test_a_case_deleted_here_is_not_new_here(laptops: Laptops):
    case_id = shared_case(laptops)
    edit(laptops.bob, case_id, notes="Bob's later words")
    run_sync(laptops, laptops.bob)
    laptops.alice.delete_case(case_id, revision=laptops.alice.get_case(case_id).revision)
    down = look(laptops, laptops.alice).down
    assert [(c.case_id, c.new, c.back) for c in down] == [(case_id, False, True)]  # it comes back, for a person
    run_sync(laptops, laptops.alice)
    laptops.alice.delete_case(case_id, revision=laptops.alice.get_case(case_id).revision)
    run_sync(laptops, laptops.alice)
    assert look(laptops, laptops.alice).down == []
