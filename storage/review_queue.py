"""The supervisor's review queue: the cases officers submitted, with who submitted them and when.

Only cases that entered the workflow are read (the status column filters them first); their bodies are decoded
for the submitting officer and the dates, which the list row does not carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from casework.assessment import WorkflowEvent
from casework.model import CaseStatus
from casework.workflow import REVIEW_EVENTS, decision_state
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


def _last_submission_and_decision(history: tuple[WorkflowEvent, ...]
                                  ) -> tuple[WorkflowEvent | None, WorkflowEvent | None]:
    """The latest submission, and the decision that answers it, by their order in the case's history — the
    office's order, in which sync merges workflow steps — never by their times: laptops' clocks disagree, and an
    officer's clock running ahead of the supervisor's must not hide a decision (nor one running behind show an
    old decision as answering a new submission). Whether the decision still fits the case is its digest's
    business (QueueItem.stale, casework.workflow.decision_state)."""
    at = next((i for i in range(len(history) - 1, -1, -1) if history[i].event == "submitted"), None)
    if at is None:
        return None, None
    later = [e for e in history[at + 1:] if e.event in REVIEW_EVENTS]
    return history[at], (later[-1] if later else None)


def review_queue(store: CaseStore) -> list[QueueItem]:
    """Every case submitted for review in this store, oldest submission first."""
    items = []
    marks = ",".join("?" * len(IN_REVIEW))
    for (case_id,) in store.conn.execute(f"SELECT id FROM cases WHERE status IN ({marks})",
                                         tuple(s.value for s in IN_REVIEW)).fetchall():
        case = store.get_case(case_id)
        history = case.assessment.history if case.assessment else ()
        submitted, decided = _last_submission_and_decision(history)
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
