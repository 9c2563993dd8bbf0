"""The supervisor's review queue when the laptops' clocks disagree: whether a case was decided after it was
submitted follows the order of its workflow steps (the office's), never their times."""

from __future__ import annotations

from datetime import timedelta

import pytest

import storage.store
from casework.assessment import ReviewDecision
from casework.model import CaseStatus
from storage.review_queue import review_queue
from tests.office.conftest import Laptops
from tests.office.test_sync import run_sync
from tests.storage.test_record_integrity import ready_case


def skewed(monkeypatch: pytest.MonkeyPatch, hours: float) -> None:
    real = storage.store.datetime

    class Clock(real):  # type: ignore[misc,valid-type]
        @classmethod
        def now(cls, tz=None):
            return real.now(tz) + timedelta(hours=hours)

    monkeypatch.setattr(storage.store, "datetime", Clock)


def test_a_decision_counts_though_the_officers_clock_ran_ahead_of_the_supervisors(laptops: Laptops, monkeypatch):
    case = ready_case(laptops.alice)
    skewed(monkeypatch, 3)  # Alice's laptop is three hours fast
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    monkeypatch.undo()
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(case.id, ReviewDecision.CONCURRED)
    (item,) = review_queue(laptops.sam)
    assert item.decided_at is not None and item.decided_at < item.submitted_at  # the times disagree
    assert item.status is CaseStatus.CONCURRED and not item.stale


def test_a_resubmission_waits_though_the_officers_clock_ran_behind_the_supervisors(laptops: Laptops, monkeypatch):
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(case.id, ReviewDecision.RETURNED, "Add the interview notes.")
    run_sync(laptops, laptops.sam)
    skewed(monkeypatch, -3)  # Alice's laptop is three hours slow
    run_sync(laptops, laptops.alice)
    laptops.alice.reopen_case(case.id, "Adding the interview notes.")
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    monkeypatch.undo()
    run_sync(laptops, laptops.sam)
    (item,) = review_queue(laptops.sam)
    assert item.status is CaseStatus.SUBMITTED
    assert item.decided_at is None  # the return answered the first submission, not this one


def test_a_returned_case_changed_and_resubmitted_waits_and_is_not_stale(laptops: Laptops):
    """The normal flow after a return: the officer reopens, changes and resubmits. The return answered the first
    submission; the case waits for review of the new one — nothing about it is stale, on either side."""
    from dataclasses import replace

    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(case.id, ReviewDecision.RETURNED, "Add the interview notes.")
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.alice)
    laptops.alice.reopen_case(case.id, "")
    laptops.alice.update_case(replace(laptops.alice.get_case(case.id), notes="Interview notes: ..."))
    assert laptops.alice.stale_decisions() == {case.id}  # changed, not yet submitted again: stale
    laptops.alice.submit_case(case.id)
    assert laptops.alice.stale_decisions() == set()
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    (item,) = review_queue(laptops.sam)
    assert (item.status, item.decided_at, item.stale) == (CaseStatus.SUBMITTED, None, False)
    assert laptops.sam.stale_decisions() == set() and not laptops.sam.decision(case.id).stale
