"""What is still open in an assessment, and what contradicts itself: one pure function, no score.

`review_items(case, policy)` lists every item, each naming the field it is about, so the form can jump there
and the CLI can print it. Items of kind OPEN and CONTRADICTION block submission; REVIEW items are cautions
that stay visible but do not block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casework.assessment import Assessment, CategoryAnswer, FactorAnswer, ThreatAnswer
from casework.model import ApprehensionSite, CaseFile, Disposition
from casework.policy import Category, Factor, Policy


class ItemKind(StrEnum):
    OPEN = "open"
    CONTRADICTION = "contradiction"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class Item:
    field: str
    kind: ItemKind
    message: str

    @property
    def blocks_submission(self) -> bool:
        return self.kind is not ItemKind.REVIEW

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.field}: {self.message}"


def review_items(case: CaseFile, policy: Policy) -> list[Item]:
    a = case.assessment
    if a is None:
        return [Item("assessment", ItemKind.OPEN, "the assessment has not been started")]
    items: list[Item] = []

    def add(field: str, kind: ItemKind, message: str) -> None:
        items.append(Item(field, kind, message))

    if a.policy_sha256 != policy.sha256:
        add("assessment.policy", ItemKind.CONTRADICTION,
            f"the text of {policy.title} ({policy.version}) differs from the one this assessment was made under")
    if a.assessed_on is None:
        add("assessment.assessed_on", ItemKind.OPEN, "enter the date of the assessment")
    elif policy.window_for(a.assessed_on) is None:
        add("assessment.assessed_on", ItemKind.REVIEW,
            f"the policy was {policy.status_on(a.assessed_on)}: check which guidance applied on that date")

    _records(a, policy, add)
    _attention(case, a, policy, add)
    for category in policy.categories:
        _category(case, a, category, add)
        if category.cutoff is not None:
            _border(case, a, category, add)
        if category.weighs_factors:
            _public_safety(case, a, category, policy, add)
    _decision(a, policy, add)
    if not a.attested:
        add("assessment.attested", ItemKind.OPEN,
            "attest that none of " + ", ".join(policy.never_factors) + " was considered")
    return items


Add = Callable[[str, ItemKind, str], None]
"""How the rule functions report an item: add(field, kind, message)."""


def blocking(items: list[Item]) -> list[Item]:
    return [i for i in items if i.blocks_submission]


def _records(a: Assessment, policy: Policy, add: Add) -> None:
    if not a.records_reviewed:
        add("assessment.records_reviewed", ItemKind.OPEN, "record which records you reviewed")
        return
    kinds = {r.id: r for r in policy.records}
    unknown = [r for r in a.records_reviewed if r not in kinds]
    if unknown:
        add("assessment.records_reviewed", ItemKind.CONTRADICTION,
            f"{', '.join(unknown)} is not a record type of this policy")
    if all(kinds[r].insufficient_alone for r in a.records_reviewed if r in kinds):
        names = " and ".join(kinds[r].label.lower() for r in a.records_reviewed if r in kinds)
        add("assessment.records_reviewed", ItemKind.OPEN,
            f"only a {names} was reviewed: obtain and review the full criminal and administrative record, "
            "aggravating and mitigating alike")


def _attention(case: CaseFile, a: Assessment, policy: Policy, add: Add) -> None:
    flag = policy.attention_flags.get(case.encounter.attention_source.value)
    if flag and not case.encounter.attention_detail.strip():
        add("encounter.attention_detail", ItemKind.OPEN, f"{flag} Describe it in the encounter details.")
    elif flag:
        add("encounter.attention_detail", ItemKind.REVIEW, flag)


def _category(case: CaseFile, a: Assessment, category: Category, add: Add) -> None:
    finding = a.category(category.id)
    path = f"assessment.categories.{category.id}"
    if finding.answer is CategoryAnswer.UNANSWERED:
        add(f"{path}.answer", ItemKind.OPEN, f"answer whether “{category.label}” applies")
    elif finding.answer is CategoryAnswer.APPLIES and not finding.basis.strip():
        add(f"{path}.basis", ItemKind.OPEN, f"give the basis for finding “{category.label}”")


def _border(case: CaseFile, a: Assessment, category: Category, add: Add) -> None:
    cutoff = category.cutoff
    assert cutoff is not None
    answer = a.category(category.id).answer
    path = f"assessment.categories.{category.id}"
    entry = case.history.last_entry
    earliest, latest = entry.earliest(), entry.latest()
    at_border = case.history.apprehension_site in (ApprehensionSite.BORDER_ATTEMPTING_ENTRY,
                                                   ApprehensionSite.PORT_OF_ENTRY_ATTEMPTING_ENTRY)

    def qualifies(day: date) -> bool:
        return day > cutoff.day if cutoff.comparison == "after" else day >= cutoff.day

    if earliest is not None and latest is not None:
        certainly_after = qualifies(earliest)
        certainly_not = not qualifies(latest)
        on_the_day = earliest == latest == cutoff.day
        if certainly_after and answer is CategoryAnswer.UNANSWERED:
            add(f"{path}.answer", ItemKind.CONTRADICTION,
                f"the last entry ({entry}) is after the cutoff of {cutoff.day.isoformat()}, but "
                f"“{category.label}” is unanswered")
        elif (on_the_day or not (certainly_after or certainly_not)) and not (
            answer is not CategoryAnswer.UNANSWERED and a.border_notes.strip()
        ):
            what = "is exactly the cutoff date" if on_the_day else f"({entry}) may fall either side of the cutoff"
            add("assessment.border_notes", ItemKind.OPEN,
                f"the last entry {what} {cutoff.day.isoformat()}: needs review. {cutoff.review_note} Answer "
                f"“{category.label}” and explain in the border notes.".replace(" :", ":"))
        if certainly_not and answer is CategoryAnswer.APPLIES and not at_border:
            add(f"{path}.answer", ItemKind.CONTRADICTION,
                f"marked as applying, but the last entry ({entry}) is not after the cutoff of "
                f"{cutoff.day.isoformat()} and the person was not apprehended at the border")
    if at_border and answer is CategoryAnswer.DOES_NOT_APPLY and not a.border_notes.strip():
        add("assessment.border_notes", ItemKind.OPEN,
            "apprehended at the border while attempting to enter, yet marked as not applying: explain why")


def _public_safety(case: CaseFile, a: Assessment, category: Category, policy: Policy, add: Add) -> None:
    answer = a.category(category.id).answer
    if answer is not CategoryAnswer.DOES_NOT_APPLY:
        for factor in policy.factors:
            if a.factor(factor.id).answer is FactorAnswer.UNANSWERED:
                add(f"assessment.factors.{factor.id}.answer", ItemKind.OPEN,
                    f"mark “{factor.label}” as present, absent or unknown")
    for factor in policy.factors:
        finding = a.factor(factor.id)
        if finding.answer is FactorAnswer.PRESENT:
            if not finding.evidence.strip():
                add(f"assessment.factors.{factor.id}.evidence", ItemKind.OPEN,
                    f"“{factor.label}” is marked present: name the evidence")
            _disposition_conflict(case, factor, add)
    for i, other in enumerate(a.other_factors):
        if not other.description.strip():
            add(f"assessment.other_factors[{i}].description", ItemKind.OPEN, "describe the other factor")
        elif not other.evidence.strip():
            add(f"assessment.other_factors[{i}].evidence", ItemKind.OPEN,
                f"the other factor “{other.description}” needs its evidence")
    if _present(a, policy) and not a.weighing.strip():
        add("assessment.weighing", ItemKind.OPEN, "weigh the aggravating against the mitigating factors, in words")
    threat = a.current_threat
    if answer is CategoryAnswer.APPLIES and threat is ThreatAnswer.UNANSWERED:
        add("assessment.current_threat", ItemKind.OPEN, "conclude whether the person is a current threat")
    if answer is CategoryAnswer.APPLIES and threat is ThreatAnswer.NOT_A_CURRENT_THREAT:
        add("assessment.current_threat", ItemKind.CONTRADICTION,
            f"“{category.label}” is marked as applying, but the person is found not to be a current threat")
    if answer is CategoryAnswer.DOES_NOT_APPLY and threat is ThreatAnswer.CURRENT_THREAT:
        add("assessment.current_threat", ItemKind.CONTRADICTION,
            f"the person is found to be a current threat, but “{category.label}” is marked as not applying")


def _disposition_conflict(case: CaseFile, factor: Factor, add: Add) -> None:
    if not factor.conflicts_with_dispositions:
        return
    conflicting = [o for o in case.offenses if o.disposition.value in factor.conflicts_with_dispositions]
    if not conflicting:
        return
    names = "; ".join(f"“{o.charge or 'offense'}” ({o.disposition.value})" for o in conflicting)
    if any(o.disposition is Disposition.CONVICTED for o in case.offenses):
        add(f"assessment.factors.{factor.id}.evidence", ItemKind.REVIEW,
            f"{names} must not be weighed as “{factor.label}”: make sure the evidence rests on another conviction")
    else:
        add(f"assessment.factors.{factor.id}.answer", ItemKind.CONTRADICTION,
            f"“{factor.label}” is marked present, but the only offense behind it is {names}")


def _present(a: Assessment, policy: Policy) -> list[str]:
    """Labels of every factor found present (policy factors and other factors)."""
    found = [f.label for f in policy.factors if a.factor(f.id).answer is FactorAnswer.PRESENT]
    return found + [o.description for o in a.other_factors if o.description.strip()]


def _decision(a: Assessment, policy: Policy, add: Add) -> None:
    determination = policy.determination(a.determination) if a.determination else None
    if not a.determination:
        add("assessment.determination", ItemKind.OPEN, "choose the determination")
    elif determination is None:
        add("assessment.determination", ItemKind.CONTRADICTION,
            f"{a.determination!r} is not a determination of this policy")
    elif determination.needs_detail and not a.determination_detail.strip():
        add("assessment.determination_detail", ItemKind.OPEN, f"{determination.needs_detail}?")
    if not a.rationale.strip():
        add("assessment.rationale", ItemKind.OPEN, "write the rationale for the determination")
        return
    text = a.rationale.casefold()
    for factor in policy.factors:
        if a.factor(factor.id).answer is FactorAnswer.PRESENT and not _mentions(text, factor):
            add("assessment.rationale", ItemKind.OPEN, f"the rationale does not address “{factor.label}” ({factor.id})")
    for other in a.other_factors:
        words = [w for w in re.findall(r"\w{4,}", other.description.casefold())]
        if other.description.strip() and words and not any(w in text for w in words):
            add("assessment.rationale", ItemKind.OPEN, f"the rationale does not address “{other.description}”")


def _mentions(text: str, factor: Factor) -> bool:
    if re.search(rf"\b{re.escape(factor.id.casefold())}\b", text):
        return True
    return any(k.casefold() in text for k in factor.keywords)
