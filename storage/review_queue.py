"""The supervisor's review queue: the cases officers submitted, with who submitted them and when.

Only cases that entered the workflow are read (the status column filters them first); their bodies are decoded
for the submitting officer and the dates, which the list row does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casework.model import CaseStatus
from casework.workflow import decision_state
from storage.store import CaseStore

IN_REVIEW = (CaseStatus.SUBMITTED, CaseStatus.RETURNED, CaseStatus.CONCURRED, CaseStatus.NONCONCURRED)


@dataclass(frozen=True, slots=True)
class QueueItem:
    case_id: str
    case_number: str
    name: str
    status: CaseStatus
    officer_id: str
    """Who submitted it (most recently)."""
    officer_name: str
    submitted_at: datetime | None
    decided_at: datetime | None
    """The last decision after that submission (None while it waits)."""
    revision: int
    stale: bool = False
    """Its latest decision no longer matches the case (it changed after the review: casework.workflow)."""


def review_queue(store: CaseStore) -> list[QueueItem]:
    """Every case submitted for review in this store, oldest submission first."""
    items = []
    marks = ",".join("?" * len(IN_REVIEW))
    for (case_id,) in store.conn.execute(f"SELECT id FROM cases WHERE status IN ({marks})",
                                         tuple(s.value for s in IN_REVIEW)).fetchall():
        case = store.get_case(case_id)
        history = case.assessment.history if case.assessment else ()
        submitted = next((e for e in reversed(history) if e.event == "submitted"), None)
        decided = next((e for e in reversed(history) if e.event in ("concurred", "returned", "nonconcurred")),
                       None)
        if decided is not None and submitted is not None and decided.at < submitted.at:
            decided = None
        s = case.subject
        name = f"{s.family_name}, {s.given_names}" if s.family_name and s.given_names else \
            s.family_name or s.given_names
        items.append(QueueItem(case.id, case.case_number, name, case.status,
                               submitted.actor if submitted else case.officer.officer_id,
                               case.officer.name if (submitted is None or submitted.actor == case.officer.officer_id)
                               else "", submitted.at if submitted else None,
                               decided.at if decided else None, case.revision,
                               bool((state := decision_state(case)) and state.stale)))
    items.sort(key=lambda i: (i.submitted_at is None, i.submitted_at.timestamp() if i.submitted_at else 0.0))
    return items
