"""The individual assessment: what the officer found, weighed and decided, under one policy version.

Plain data. It holds no score: the officer's findings and words are the decision. Policy-specific ids
(categories, factors, records, determinations, questions) are strings from the policy file, so a new policy
version needs no code change: what a category asks beyond its finding (notes, a weighing, a current-threat
conclusion, which conditions are met, a pre-approval) is kept in `answers`, by the question's id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum


class CategoryAnswer(StrEnum):
    UNANSWERED = ""
    APPLIES = "applies"
    DOES_NOT_APPLY = "does_not_apply"
    UNKNOWN = "unknown"


class FactorAnswer(StrEnum):
    UNANSWERED = ""
    PRESENT = "present"
    ABSENT = "absent"
    UNKNOWN = "unknown"


class ThreatAnswer(StrEnum):
    UNANSWERED = ""
    CURRENT_THREAT = "current_threat"
    NOT_A_CURRENT_THREAT = "not_a_current_threat"
    UNKNOWN = "unknown"


class ReviewDecision(StrEnum):
    CONCURRED = "concurred"
    RETURNED = "returned"
    NONCONCURRED = "nonconcurred"


@dataclass(frozen=True, slots=True)
class CategoryFinding:
    category_id: str
    answer: CategoryAnswer = CategoryAnswer.UNANSWERED
    basis: str = ""
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class FactorFinding:
    factor_id: str
    answer: FactorAnswer = FactorAnswer.UNANSWERED
    evidence: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class OtherFactor:
    kind: str = "aggravating"  # or "mitigating"
    description: str = ""
    evidence: str = ""
    source: str = ""
    id: str = ""
    """Stable id of this list item (casework.ids)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to one of the policy's questions: `value` for text, a line, a date or one choice (the option's
    id); `values` for a question that takes several choices (the option ids)."""

    question: str
    value: str = ""
    values: tuple[str, ...] = ()

    @property
    def is_blank(self) -> bool:
        return not self.value.strip() and not self.values


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The officer's note on a review item that must be acknowledged (a cutoff-date review, a never-factor
    word), keyed by the item's stable key (casework.checks.Item.key), so it survives edits elsewhere."""

    key: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Mark:
    """Something a re-assessment under another policy version did not carry over, or wants looked at again.
    `previous` keeps the earlier answer in words, so nothing the officer wrote is lost."""

    field: str
    reason: str
    previous: str = ""


@dataclass(frozen=True, slots=True)
class Reassessment:
    """Where a re-assessed assessment came from (casework.reassess)."""

    from_policy_id: str
    from_version: str
    from_sha256: str
    on: date | None = None
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkflowEvent:
    """One step of the case's review history: submitted, concurred, returned, non-concurred, reopened."""

    at: datetime
    actor: str
    event: str
    comment: str = ""
    digest: str = ""
    """A review decision's: casework.workflow.reviewed_digest of the case as the supervisor reviewed it (empty on
    other steps, and on decisions made before body version 5, which are not bound)."""


@dataclass(frozen=True, slots=True, init=False)
class Assessment:
    """One assessment under one policy version. What a category asks beyond its finding is in `answers`.

    The 2021 layout's own fields are gone; `border_notes`, `weighing` and `current_threat` remain as read-only
    properties and as keyword arguments of the constructor (so `replace(a, weighing=…)` still works), both
    reading and writing the answers to the questions of those ids (LEGACY_QUESTIONS). Stored bodies that hold
    the old fields are upgraded on read (casework.body), exchange files of format 3 or older on import.
    """

    policy_id: str
    policy_version: str
    policy_sha256: str
    assessed_on: date | None = None
    records_reviewed: tuple[str, ...] = ()
    records_note: str = ""
    categories: tuple[CategoryFinding, ...] = ()
    factors: tuple[FactorFinding, ...] = ()
    other_factors: tuple[OtherFactor, ...] = ()
    determination: str = ""
    determination_detail: str = ""
    rationale: str = ""
    attested: bool = False
    history: tuple[WorkflowEvent, ...] = ()
    answers: tuple[Answer, ...] = ()
    acknowledgements: tuple[Acknowledgement, ...] = ()
    reassessed_from: Reassessment | None = None

    def __init__(
        self, policy_id: str, policy_version: str, policy_sha256: str, assessed_on: date | None = None,
        records_reviewed: tuple[str, ...] = (), records_note: str = "", categories: tuple[CategoryFinding, ...] = (),
        factors: tuple[FactorFinding, ...] = (), other_factors: tuple[OtherFactor, ...] = (), determination: str = "",
        determination_detail: str = "", rationale: str = "", attested: bool = False,
        history: tuple[WorkflowEvent, ...] = (), answers: tuple[Answer, ...] = (),
        acknowledgements: tuple[Acknowledgement, ...] = (), reassessed_from: Reassessment | None = None, *,
        border_notes: str | None = None, weighing: str | None = None,
        current_threat: ThreatAnswer | str | None = None,
    ) -> None:
        legacy = {"border_notes": border_notes, "weighing": weighing,
                  "current_threat": current_threat.value if isinstance(current_threat, ThreatAnswer)
                  else current_threat}
        for question, text in legacy.items():
            if text is not None:
                kept = tuple(x for x in answers if x.question != question)
                answers = (*kept, Answer(question, text)) if text.strip() else kept
        fields: tuple[tuple[str, object], ...] = (
            ("policy_id", policy_id), ("policy_version", policy_version), ("policy_sha256", policy_sha256),
            ("assessed_on", assessed_on), ("records_reviewed", records_reviewed), ("records_note", records_note),
            ("categories", categories), ("factors", factors), ("other_factors", other_factors),
            ("determination", determination), ("determination_detail", determination_detail),
            ("rationale", rationale), ("attested", attested), ("history", history), ("answers", answers),
            ("acknowledgements", acknowledgements), ("reassessed_from", reassessed_from),
        )
        for name, value in fields:
            object.__setattr__(self, name, value)

    @property
    def border_notes(self) -> str:
        """The answer to the 2021 guidelines' "border_notes" question (compatibility)."""
        return self.answer("border_notes").value

    @property
    def weighing(self) -> str:
        """The answer to the 2021 guidelines' "weighing" question (compatibility)."""
        return self.answer("weighing").value

    @property
    def current_threat(self) -> ThreatAnswer:
        """The answer to the 2021 guidelines' "current_threat" question (compatibility)."""
        value = self.answer("current_threat").value
        return ThreatAnswer(value) if value in _THREAT_VALUES else ThreatAnswer.UNANSWERED

    def answer(self, question: str) -> Answer:
        """The answer to `question` (blank when there is none)."""
        return next((x for x in self.answers if x.question == question), Answer(question))

    def acknowledgement(self, key: str) -> str:
        """The officer's note on the review item with `key` ("" when not acknowledged)."""
        return next((x.note for x in self.acknowledgements if x.key == key), "")

    def category(self, category_id: str) -> CategoryFinding:
        return next((c for c in self.categories if c.category_id == category_id), CategoryFinding(category_id))

    def factor(self, factor_id: str) -> FactorFinding:
        return next((f for f in self.factors if f.factor_id == factor_id), FactorFinding(factor_id))


_THREAT_VALUES = frozenset(t.value for t in ThreatAnswer)
LEGACY_QUESTIONS = ("border_notes", "weighing", "current_threat")
"""The 2021 layout's own assessment fields, now the answers to the questions of the same ids."""


def with_answer(a: Assessment, answer: Answer) -> Assessment:
    """`a` with `answer` in place of any earlier answer to the same question (a blank one removes it)."""
    kept = tuple(x for x in a.answers if x.question != answer.question)
    return replace(a, answers=kept if answer.is_blank else (*kept, answer))


def with_acknowledgement(a: Assessment, key: str, note: str) -> Assessment:
    """`a` with the officer's note on the review item `key` (an empty note withdraws the acknowledgement)."""
    kept = tuple(x for x in a.acknowledgements if x.key != key)
    return replace(a, acknowledgements=kept + ((Acknowledgement(key, note),) if note.strip() else ()))
