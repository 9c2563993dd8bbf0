"""The review workflow: draft → submitted → concurred / returned / non-concurred; an edit reopens.

Pure functions returning new CaseFile values; the store applies `reopen_on_edit` to every save so that no
path can change a submitted case silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from casework.assessment import Assessment, CategoryFinding, FactorFinding, ReviewDecision, WorkflowEvent
from casework.checks import Item, blocking, review_items
from casework.model import CaseFile, CaseStatus
from casework.policy import Policy


class WorkflowError(ValueError):
    """A step that is not allowed now; `items` lists what blocks it, if anything."""

    def __init__(self, message: str, items: list[Item] | None = None) -> None:
        super().__init__(message)
        self.items = items or []


def start_assessment(case: CaseFile, policy: Policy, today: date) -> CaseFile:
    """Begin an assessment under `policy`, with every category and factor present and unanswered."""
    if case.assessment is not None:
        return case
    assessment = Assessment(
        policy_id=policy.id, policy_version=policy.version, policy_sha256=policy.sha256, assessed_on=today,
        categories=tuple(CategoryFinding(c.id) for c in policy.categories),
        factors=tuple(FactorFinding(f.id) for f in policy.factors),
    )
    return replace(case, assessment=assessment)


def _event(case: CaseFile, actor: str, now: datetime, event: str, comment: str = "") -> Assessment:
    assert case.assessment is not None
    return replace(case.assessment, history=(*case.assessment.history, WorkflowEvent(now, actor, event, comment)))


def submit(case: CaseFile, policy: Policy, actor: str, now: datetime) -> CaseFile:
    """The officer signs off. Refused while anything blocks, naming each item."""
    if case.status not in (CaseStatus.DRAFT, CaseStatus.RETURNED):
        raise WorkflowError(f"the case is already {case.status.value}")
    blockers = blocking(review_items(case, policy))
    if blockers:
        raise WorkflowError(f"{len(blockers)} item(s) must be addressed before submitting", blockers)
    return replace(case, status=CaseStatus.SUBMITTED, assessment=_event(case, actor, now, "submitted"))


_DECIDED = {
    ReviewDecision.CONCURRED: CaseStatus.CONCURRED,
    ReviewDecision.RETURNED: CaseStatus.RETURNED,
    ReviewDecision.NONCONCURRED: CaseStatus.NONCONCURRED,
}


def review(case: CaseFile, decision: ReviewDecision, comment: str, actor: str, now: datetime) -> CaseFile:
    """A supervisor concurs, returns or non-concurs. Returning or non-concurring needs a comment."""
    if case.status is not CaseStatus.SUBMITTED:
        raise WorkflowError("only a submitted case can be reviewed")
    if decision is not ReviewDecision.CONCURRED and not comment.strip():
        raise WorkflowError("say why, in the comment, when returning or not concurring")
    return replace(case, status=_DECIDED[decision], assessment=_event(case, actor, now, decision.value, comment))


def _content(case: CaseFile) -> CaseFile:
    """The case without the bookkeeping a save or the workflow changes."""
    a = replace(case.assessment, history=()) if case.assessment else None
    return replace(case, status=CaseStatus.DRAFT, revision=0, updated_at=None, assessment=a)


def reopen_on_edit(stored: CaseFile, edited: CaseFile, actor: str, now: datetime) -> CaseFile:
    """An edit to a submitted or reviewed case sends it back to draft, and says so in its history."""
    if stored.status is CaseStatus.DRAFT or edited.status is not stored.status:
        return edited
    if _content(stored) == _content(edited) or edited.assessment is None:
        return edited if _content(stored) == _content(edited) else replace(edited, status=CaseStatus.DRAFT)
    reopened = replace(edited, status=CaseStatus.DRAFT)
    return replace(reopened, assessment=_event(reopened, actor, now, "reopened",
                                              f"edited after it was {stored.status.value}"))
