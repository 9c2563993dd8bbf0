"""What a sync reports agrees with what moved: a retry after a lost connection does not count this laptop's own
pushes as taken in, and deleted cases are counted apart from cases."""

from __future__ import annotations

import pytest

from storage.office.backend import OfficeUnreachable
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_sync import Flaky, edit, run_sync


def test_a_retry_after_a_lost_answer_takes_in_nothing_of_its_own(laptops: Laptops):
    for i in range(3):
        edit(laptops.alice, laptops.alice.new_case().case.id, notes=f"case {i}")
    with pytest.raises(OfficeUnreachable):
        sync(laptops.alice, Flaky(laptops.backend(laptops.alice), fail_after_push=3))
    report = run_sync(laptops, laptops.alice)
    assert (report.pulled, report.in_step, report.office_cases) == (0, True, 3)


def test_deletions_are_counted_apart_from_cases(laptops: Laptops):
    ids = [edit(laptops.alice, laptops.alice.new_case().case.id, notes=f"case {i}").id for i in range(3)]
    run_sync(laptops, laptops.alice)
    laptops.alice.delete_case(ids[0], revision=laptops.alice.get_case(ids[0]).revision)
    report = run_sync(laptops, laptops.alice)
    assert (report.in_step, report.office_cases, report.deletions, report.cases) == (True, 3, 1, 2)
    assert str(report.summary()).startswith("pulled 0, pushed 1, merged 0, conflicts 0, rejected 0; in step (2 cases, ")
    assert str(report.summary()).endswith("; deletions: 1")
    bob = run_sync(laptops, laptops.bob)
    assert (bob.pulled, bob.deletions, bob.cases) == (2, 1, 2)  # a case made and deleted elsewhere: nothing here
