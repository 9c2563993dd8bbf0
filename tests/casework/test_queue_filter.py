"""The review queue's one filter (casework.queue_filter): where a case stands, who submitted it, how long it has
waited — the answer the queue window and `casefile queue` both show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from casework.model import CaseStatus
from casework.queue_filter import SHOWS, filter_queue

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def row(case_id: str, status: CaseStatus | str, officer: str, days: float | None):
    return SimpleNamespace(case_id=case_id, status=status, officer_id=officer,
                           submitted_at=None if days is None else NOW - timedelta(days=days))


ROWS = [row("old", CaseStatus.SUBMITTED, "AM-101", 10), row("new", CaseStatus.SUBMITTED, "BO-202", 0.5),
        row("ret", CaseStatus.RETURNED, "AM-101", 2), row("con", CaseStatus.CONCURRED, "BO-202", 40),
        row("non", CaseStatus.NONCONCURRED, "AM-101", 7), row("ahead", CaseStatus.SUBMITTED, "BO-202", -0.1),
        row("untimed", CaseStatus.RETURNED, "BO-202", None)]


def ids(**how) -> list[str]:
    return [r.case_id for r in filter_queue(ROWS, now=NOW, **how)]


def test_where_a_case_stands():
    assert ids(show="submitted") == ["old", "new", "ahead"]
    assert ids(show="returned") == ["ret", "untimed"]
    assert ids(show="decided") == ["con", "non"]
    assert ids(show="all") == ids() == [r.case_id for r in ROWS]  # in the order given


def test_who_submitted_it():
    assert ids(officer="AM-101") == ["old", "ret", "non"]
    assert ids(officer="AM-101", show="submitted") == ["old"]
    assert ids(officer="ZZ-1") == []


def test_how_long_it_has_waited_at_least():
    assert ids(min_days=0) == ids()  # any age: also the untimed one and one stamped by a clock ahead
    assert ids(min_days=1) == ["old", "ret", "con", "non"]
    assert ids(min_days=7) == ["old", "con", "non"]  # exactly seven days counts
    assert ids(min_days=30, show="decided") == ["con"]
    assert ids(min_days=3, officer="BO-202") == ["con"]


def test_a_status_given_as_its_value_counts_the_same():
    plain = [row("a", "returned", "AM-101", 1), row("b", "concurred", "AM-101", 1)]
    assert [r.case_id for r in filter_queue(plain, now=NOW, show="returned")] == ["a"]
    assert [r.case_id for r in filter_queue(plain, now=NOW, show="decided")] == ["b"]


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError, match="unknown queue filter 'waiting'"):
        filter_queue(ROWS, now=NOW, show="waiting")
    with pytest.raises(ValueError, match="0 or more"):
        filter_queue(ROWS, now=NOW, min_days=-1)
    assert set(SHOWS) == {"submitted", "returned", "decided", "all"}
