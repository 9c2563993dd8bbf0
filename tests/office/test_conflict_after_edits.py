"""A conflict's "mine" is this laptop's value NOW: an edit the officer made after the conflict was recorded is
what "keep mine" keeps, and "take theirs" is refused when the value changed since the person was shown it."""

from __future__ import annotations

import json

import pytest

from storage.errors import CaseConflict
from storage.sync import current_conflicts, resolve
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync, shared_case


def conflicted(laptops: Laptops) -> str:
    case_id = shared_case(laptops)
    edit(laptops.alice, case_id, notes="A-FIRST")
    edit(laptops.bob, case_id, notes="B-ONLY")
    run_sync(laptops, laptops.bob)
    assert run_sync(laptops, laptops.alice).conflicts == 1
    return case_id


def test_keep_mine_keeps_an_edit_made_after_the_conflict(laptops: Laptops):
    case_id = conflicted(laptops)
    (before,) = current_conflicts(laptops.alice, case_id)
    assert json.loads(before.mine) == "A-FIRST"
    later = edit(laptops.alice, case_id, notes="A-FIRST A-SECOND-AFTER-CONFLICT")
    (now,) = current_conflicts(laptops.alice, case_id)
    assert (json.loads(now.mine), json.loads(now.theirs)) == ("A-FIRST A-SECOND-AFTER-CONFLICT", "B-ONLY")
    assert [c.path for c in current_conflicts(laptops.alice)] == ["notes"]
    resolved = resolve(laptops.alice, case_id, "notes", "mine", shown=before.mine).case
    assert resolved.notes == "A-FIRST A-SECOND-AFTER-CONFLICT" and resolved.revision == later.revision + 1
    assert laptops.alice.sync_conflicts() == []
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    assert laptops.bob.get_case(case_id).notes == "A-FIRST A-SECOND-AFTER-CONFLICT"


def test_take_theirs_is_refused_when_mine_changed_since_it_was_shown(laptops: Laptops):
    case_id = conflicted(laptops)
    (shown,) = current_conflicts(laptops.alice, case_id)
    later = edit(laptops.alice, case_id, notes="A-FIRST A-SECOND-AFTER-CONFLICT")
    with pytest.raises(CaseConflict, match="changed on this laptop"):
        resolve(laptops.alice, case_id, "notes", "theirs", shown=shown.mine)
    assert laptops.alice.get_case(case_id).notes == later.notes  # nothing overwritten
    assert [c.path for c in laptops.alice.sync_conflicts()] == ["notes"]  # still open
    (again,) = current_conflicts(laptops.alice, case_id)
    assert resolve(laptops.alice, case_id, "notes", "theirs", shown=again.mine).case.notes == "B-ONLY"
