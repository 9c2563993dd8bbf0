"""Which cases of the supervisor's review queue to show: where they stand, who submitted them, how long they have
waited. One filter, for the review queue window (widgets.review_queue_widget) and `casefile queue`, so both list
the same cases for the same choice. The rows themselves come from storage.review_queue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from casework.model import CaseStatus

SHOWS: dict[str, frozenset[CaseStatus] | None] = {
    "submitted": frozenset({CaseStatus.SUBMITTED}),
    "returned": frozenset({CaseStatus.RETURNED}),
    "decided": frozenset({CaseStatus.CONCURRED, CaseStatus.NONCONCURRED}),
    "all": None,
}
"""show → the statuses it lists: waiting for a decision, returned to the officer, decided, or all (None)."""


class Queued(Protocol):
    """What the filter reads of a queue row (storage.review_queue.QueueItem, or the window's rows)."""

    @property
    def status(self) -> object: ...  # a CaseStatus, or its value

    @property
    def officer_id(self) -> str: ...  # who submitted it (most recently)

    @property
    def submitted_at(self) -> datetime | None: ...


Row = TypeVar("Row", bound=Queued)


def filter_queue(rows: Iterable[Row], *, now: datetime, show: str = "all", officer: str = "",
                 min_days: int = 0) -> list[Row]:
    """The rows to show, in the order given (the store's: oldest submission first).

    `show`: a key of SHOWS. `officer`: only the cases this officer id submitted ("" any). `min_days`: only the
    cases that have waited at least that many days since they were submitted, by `now` (0: any age; a case with
    no submission time, or one stamped by a clock running ahead of `now`, has not waited at all)."""
    if show not in SHOWS:
        raise ValueError(f"unknown queue filter {show!r}; one of {', '.join(SHOWS)}")
    if min_days < 0:
        raise ValueError("min_days must be 0 or more")
    statuses = SHOWS[show]
    waited = timedelta(days=min_days)

    def wanted(row: Row) -> bool:
        if statuses is not None and row.status not in statuses:  # a CaseStatus equals its value (StrEnum)
            return False
        if officer and row.officer_id != officer:
            return False
        return not min_days or (row.submitted_at is not None and now - row.submitted_at >= waited)

    return [row for row in rows if wanted(row)]
