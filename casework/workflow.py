"""The review workflow, as explicit steps: submit, review (concur / return / non-concur), reopen.

    draft ──submit──▶ submitted ──review──▶ concurred | returned | non-concurred
      ▲                   │                        │
      └──────reopen───────┴────────────────────────┘

Only a draft can be edited. Every other change of status is one of these steps, made on purpose by a person
with the right role; none is ever inferred from an edited status field. The store applies them (and refuses a
save or an import that tries to change the status), so the rule holds for the GUI, the CLI, imports and sync.
These are pure functions returning new CaseFile values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from casework.assessment import Assessment, CategoryFinding, FactorFinding, ReviewDecision, WorkflowEvent
from casework.checks import Item, blocking, review_items
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.labels import status_word
from casework.model import CaseFile, CaseStatus, Role
from casework.policy import Policy
from casework.serial import canonical_json, to_jsonable


class WorkflowError(ValueError):
    """A step that is not allowed now; `items` lists what blocks it, if anything."""

    def __init__(self, message: str, items: list[Item] | None = None) -> None:
        super().__init__(message)
        self.items = items or []


EDITABLE = frozenset({CaseStatus.DRAFT})
"""The statuses in which a case's content may be saved; anything else must be reopened first."""

TRANSITIONS: dict[str, tuple[frozenset[CaseStatus], frozenset[CaseStatus]]] = {
    "submitted": (frozenset({CaseStatus.DRAFT}), frozenset({CaseStatus.SUBMITTED})),
    "review": (frozenset({CaseStatus.SUBMITTED}),
               frozenset({CaseStatus.CONCURRED, CaseStatus.RETURNED, CaseStatus.NONCONCURRED})),
    "reopened": (frozenset({CaseStatus.SUBMITTED, CaseStatus.CONCURRED, CaseStatus.RETURNED,
                            CaseStatus.NONCONCURRED}), frozenset({CaseStatus.DRAFT})),
}
"""step → (statuses it starts from, statuses it may lead to): the whole state machine, in one place."""
_STEP_WORDS = {"submitted": QT_TRANSLATE_NOOP("casework", "submitted"),
               "review": QT_TRANSLATE_NOOP("casework", "reviewed"),
               "reopened": QT_TRANSLATE_NOOP("casework", "reopened")}


def is_editable(status: CaseStatus) -> bool:
    return status in EDITABLE


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


def _event(case: CaseFile, actor: str, now: datetime, event: str, comment: str = "", digest: str = ""
           ) -> Assessment | None:
    if case.assessment is None:
        return None
    return replace(case.assessment, history=(*case.assessment.history,
                                             WorkflowEvent(now, actor, event, comment, digest)))


REVIEW_EVENTS = frozenset({"concurred", "returned", "nonconcurred"})

_STATUS_AFTER: dict[str, CaseStatus] = {
    "submitted": CaseStatus.SUBMITTED, "concurred": CaseStatus.CONCURRED, "returned": CaseStatus.RETURNED,
    "nonconcurred": CaseStatus.NONCONCURRED, "reopened": CaseStatus.DRAFT, "imported": CaseStatus.DRAFT,
}


def status_of_log(events: list[str]) -> CaseStatus | None:
    """The status a workflow log leads to: what its last step left (None for an empty log, or one whose last
    step is not a workflow step this version knows). A case's status is never taken from anywhere else when
    the log says it — sync checks every pulled case by this, and a merge derives the status from the merged
    log instead of offering it as a conflict."""
    if not events:
        return None
    return _STATUS_AFTER.get(events[-1])

_NOT_CONTENT = frozenset({"revision", "updated_at", "status", "body_version"})


def content_digest(doc: dict[str, Any]) -> str:
    """reviewed_digest of a case body as JSON (a dict, e.g. one pulled from the office)."""
    content = {k: v for k, v in doc.items() if k not in _NOT_CONTENT}
    if isinstance(content.get("assessment"), dict):
        content["assessment"] = {k: v for k, v in content["assessment"].items() if k != "history"}
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def reviewed_digest(case: CaseFile) -> str:
    """The digest a review decision is bound to: the case's content — everything an officer writes — without
    what the workflow and the store maintain (status, history, revision numbers, times). Any later change of
    content makes the decision stale; reopening alone does not."""
    return content_digest(to_jsonable(case))


def short_digest(digest: str) -> str:
    """The short form people read and compare of a content digest: its first 12 hex digits. Revision numbers are
    each laptop's own (what an officer has as revision 6 a supervisor may hold as revision 3); the digest of the
    same content is the same everywhere, so memos and banners name the reviewed version by it."""
    return digest[:12]


@dataclass(frozen=True, slots=True)
class DecisionState:
    """The latest review decision of a case, and whether the case still holds what was reviewed."""

    event: WorkflowEvent
    bound: bool
    """False for a decision made before decisions were bound to a digest (body version 5)."""
    stale: bool
    """The case's content changed after the decision without being submitted again (only a bound decision can
    tell). A case reopened, changed and resubmitted — the normal answer to a return — is not stale: the decision
    answered an earlier submission, and the new one waits for its own review (`resubmitted`)."""
    resubmitted: bool = False
    """The case was submitted again after the decision: the decision is an earlier round's."""


def decision_state(case: CaseFile) -> DecisionState | None:
    history = case.assessment.history if case.assessment else ()
    at = next((i for i in range(len(history) - 1, -1, -1) if history[i].event in REVIEW_EVENTS), None)
    if at is None:
        return None
    event = history[at]
    bound = bool(event.digest)
    resubmitted = any(e.event == "submitted" for e in history[at + 1:])
    return DecisionState(event, bound, bound and not resubmitted and event.digest != reviewed_digest(case),
                         resubmitted)


def _step_refusal(step: str, case: CaseFile) -> Message | None:
    allowed_from, _to = TRANSITIONS[step]
    if case.status not in allowed_from:
        return QT_TRANSLATE_NOOP("casework", "it is {status}, so it cannot be {step} now").format(
            status=status_word(case.status), step=_STEP_WORDS[step])  # the store names the case ("Case N: …")
    return None


def _require(step: str, case: CaseFile) -> None:
    if (problem := _step_refusal(step, case)) is not None:
        raise WorkflowError(problem)


def submitter(case: CaseFile) -> str | None:
    """The officer id of whoever submitted the case most recently, if it has been submitted."""
    history = case.assessment.history if case.assessment else ()
    return next((e.actor for e in reversed(history) if e.event == "submitted"), None)


def owner(case: CaseFile) -> str:
    """The officer a case belongs to once it entered review: whoever submitted it most recently (the case's
    officer while it was never submitted). Only they may change it again after a submission."""
    return submitter(case) or case.officer.officer_id


def reopen_refusal(case: CaseFile, actor: str, may_review: bool) -> Message | None:
    """Why `actor` may not reopen `case` (None when they may): a submitted or decided case is reopened only by
    the officer who submitted it, or by a supervisor (`may_review`). Anyone else reopening it could rewrite a
    colleague's signed-off case — and sync would carry that to every laptop."""
    if may_review or actor == owner(case):
        return None
    return QT_TRANSLATE_NOOP("casework", "only {officer}, who submitted it, or a supervisor can reopen it").format(
        officer=owner(case))


def edit_refusal(case: CaseFile, actor: str) -> Message | None:
    """Why `actor` may not change the content of `case` (None when they may). A draft nobody has submitted is
    shared work: any officer may edit it. Once a case was submitted it is its officer's signed work: after a
    reopen only that officer edits or resubmits it — a supervisor returns it with a comment instead."""
    if submitter(case) is None or actor == owner(case):
        return None
    return QT_TRANSLATE_NOOP("casework", "it was submitted by {officer}; only that officer can change or resubmit "
                             "it").format(officer=owner(case))


def submit(case: CaseFile, policy: Policy, actor: str, now: datetime) -> CaseFile:
    """The officer signs off. Refused while anything blocks, naming each item; a case submitted before is
    submitted again only by the officer who submitted it (edit_refusal)."""
    _require("submitted", case)
    if (problem := edit_refusal(case, actor)) is not None:
        raise WorkflowError(problem)
    if case.assessment is None:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "start the assessment before submitting"))
    blockers = blocking(review_items(case, policy))
    if blockers:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "{count} item(s) must be addressed before submitting")
                            .format(count=len(blockers)), blockers)
    return replace(case, status=CaseStatus.SUBMITTED, assessment=_event(case, actor, now, "submitted"))


_DECIDED = {
    ReviewDecision.CONCURRED: CaseStatus.CONCURRED,
    ReviewDecision.RETURNED: CaseStatus.RETURNED,
    ReviewDecision.NONCONCURRED: CaseStatus.NONCONCURRED,
}


def _reordering(what: str, text: str) -> Message | None:
    """A decision's comment or a reopen's reason is shown to the other person in banners, the queue and the memo:
    one holding bidi overrides would read there as other words (casework.validation.bidi_controls)."""
    from casework.validation import bidi_controls

    if found := bidi_controls(text):
        return QT_TRANSLATE_NOOP(
            "casework", "the {what} holds invisible direction controls ({chars}) that make it read as other words; "
            "type it without them").format(what=QT_TRANSLATE_NOOP("casework", "comment") if what == "comment"
                                           else QT_TRANSLATE_NOOP("casework", "reason"), chars=", ".join(found))
    return None


def _refuse_reordering(what: str, text: str) -> None:
    if (problem := _reordering(what, text)) is not None:
        raise WorkflowError(problem)


def review_refusal(case: CaseFile, decision: ReviewDecision, comment: str, actor: str, role: Role) -> Message | None:
    """Why `actor` (with `role`) may not record `decision` with `comment` on `case` (None when they may): the case
    must be waiting for review; only a supervisor profile, and not the officer who submitted it, decides; returning
    or non-concurring needs a comment; a comment holding bidi overrides is refused (it would read as other words).
    review() raises it; every window that offers a decision asks it before asking for confirmation, so they all
    say the same thing for the same input."""
    if (problem := _step_refusal("review", case)) is not None:
        return problem
    if role is not Role.SUPERVISOR:
        return QT_TRANSLATE_NOOP("casework", "only a supervisor profile can review a case")
    if actor == submitter(case):
        return QT_TRANSLATE_NOOP("casework", "the officer who submitted a case cannot review it; a supervisor must")
    if decision is not ReviewDecision.CONCURRED and not comment.strip():
        return QT_TRANSLATE_NOOP("casework", "say why, in the comment, when returning or not concurring")
    return _reordering("comment", comment)


def review(case: CaseFile, decision: ReviewDecision, comment: str, actor: str, now: datetime,
           *, role: Role = Role.SUPERVISOR) -> CaseFile:
    """A supervisor — not the officer who submitted the case — concurs, returns or non-concurs.

    Returning or non-concurring needs a comment (review_refusal says what is refused, and why).
    """
    if (problem := review_refusal(case, decision, comment, actor, role)) is not None:
        raise WorkflowError(problem)
    return replace(case, status=_DECIDED[decision],
                   assessment=_event(case, actor, now, decision.value, comment, reviewed_digest(case)))


def reopen(case: CaseFile, reason: str, actor: str, now: datetime, *, role: Role = Role.OFFICER) -> CaseFile:
    """Make a submitted or reviewed case a draft again, on purpose and with a reason that stays in its history.

    Only the officer who submitted it or a supervisor may (reopen_refusal). A returned case was sent back for
    changes, so the supervisor's comment is reason enough; any other status needs the officer's own reason.
    """
    _require("reopened", case)
    if (problem := reopen_refusal(case, actor, role is Role.SUPERVISOR)) is not None:
        raise WorkflowError(problem)
    reason = reason.strip()
    _refuse_reordering("reason", reason)
    if not reason and case.status is not CaseStatus.RETURNED:
        raise WorkflowError(QT_TRANSLATE_NOOP("casework", "say why the case is reopened"))
    comment = reason or "to address the supervisor's comments"
    return replace(case, status=CaseStatus.DRAFT,
                   assessment=_event(case, actor, now, "reopened", f"was {case.status.value}: {comment}"))
