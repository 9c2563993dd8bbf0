"""The individual assessment: what the officer found, weighed and decided, under one policy version.

Plain data. It holds no score: the officer's findings and words are the decision. Policy-specific ids
(categories, factors, records, determinations) are strings from the policy file, so a new policy version
needs no code change.
"""

from __future__ import annotations

from dataclasses import dataclass
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
class WorkflowEvent:
    """One step of the case's review history: submitted, concurred, returned, non-concurred, reopened."""

    at: datetime
    actor: str
    event: str
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Assessment:
    policy_id: str
    policy_version: str
    policy_sha256: str
    assessed_on: date | None = None
    records_reviewed: tuple[str, ...] = ()
    records_note: str = ""
    categories: tuple[CategoryFinding, ...] = ()
    border_notes: str = ""
    factors: tuple[FactorFinding, ...] = ()
    other_factors: tuple[OtherFactor, ...] = ()
    weighing: str = ""
    current_threat: ThreatAnswer = ThreatAnswer.UNANSWERED
    determination: str = ""
    determination_detail: str = ""
    rationale: str = ""
    attested: bool = False
    history: tuple[WorkflowEvent, ...] = ()

    def category(self, category_id: str) -> CategoryFinding:
        return next((c for c in self.categories if c.category_id == category_id), CategoryFinding(category_id))

    def factor(self, factor_id: str) -> FactorFinding:
        return next((f for f in self.factors if f.factor_id == factor_id), FactorFinding(factor_id))
