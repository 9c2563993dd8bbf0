"""Re-assessing under another version: unchanged questions carried over, the others marked, nothing lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from casework.assessment import CategoryAnswer, FactorAnswer, OtherFactor
from casework.checks import ItemKind, blocking, review_items
from casework.model import CaseStatus
from casework.policy import parse_policy
from casework.reassess import reassess
from casework.workflow import WorkflowError
from tests.casework.assessing import GUIDELINES, INTERIM, acknowledge, answer, set_category, set_factor
from tests.casework.test_checks import complete_case
from tests.casework.test_policy_diff import amended

TODAY = date(2026, 2, 1)
NEW = parse_policy(amended(), "amended.json")


def worked_case():
    case = set_category(complete_case(), "public_safety", CategoryAnswer.APPLIES, "Armed robbery 2023.")
    case = answer(case, "current_threat", "current_threat")
    case = set_factor(case, "M2", FactorAnswer.PRESENT, "Lease since 2004")
    case = set_factor(case, "A3", FactorAnswer.PRESENT, "Planned over weeks")
    case = answer(case, "weighing", "The planning outweighs the years here.")
    return replace(case, assessment=replace(case.assessment, rationale="Sophistication (A3) over M2.",
                                            other_factors=(OtherFactor("mitigating", "Cares for a parent", "Letter"),)))


def test_unchanged_answers_are_carried_over_and_the_others_marked():
    before = worked_case()
    after = reassess(before, GUIDELINES, NEW, TODAY)
    a = after.assessment
    assert (a.policy_id, a.policy_version, a.policy_sha256, a.assessed_on) == (NEW.id, NEW.version, NEW.sha256, TODAY)
    assert a.category("national_security").answer is CategoryAnswer.DOES_NOT_APPLY  # unchanged: carried
    assert a.category("public_safety").answer is CategoryAnswer.UNANSWERED  # its condition was reworded
    assert a.factor("M1").answer is FactorAnswer.ABSENT and a.factor("M2").answer is FactorAnswer.UNANSWERED
    assert a.factor("M11").answer is FactorAnswer.UNANSWERED
    assert a.answer("weighing").value == "The planning outweighs the years here."  # question unchanged
    assert a.answer("current_threat").is_blank  # its options changed
    assert a.rationale == before.assessment.rationale and a.other_factors == before.assessment.other_factors
    assert a.determination == "decline" and a.attested  # the never-factors are the same (only a word was added)
    marks = {m.field: m for m in a.reassessed_from.marks}
    assert marks["assessment.categories.public_safety.answer"].previous == "Applies; basis: Armed robbery 2023."
    assert marks["assessment.factors.M2.answer"].previous == "Present; evidence: Lease since 2004"
    assert marks["assessment.current_threat"].previous == "Is a current threat"  # its label, not its id
    assert "Sophistication of the criminal offense" in marks["assessment.policy"].reason  # A3 is gone
    assert (a.reassessed_from.from_version, a.reassessed_from.from_sha256) == ("2021-09-30", GUIDELINES.sha256)


def test_the_checklist_shows_the_marks_and_asks_for_one_acknowledgement():
    after = reassess(worked_case(), GUIDELINES, NEW, TODAY)
    items = review_items(after, NEW)
    marked = [i for i in items if i.key.startswith("reassessed:assessment.")]
    assert {i.field for i in marked} >= {"assessment.factors.M2.answer", "assessment.current_threat"}
    assert all(i.kind is ItemKind.REVIEW and not i.blocks_submission for i in marked)
    (summary,) = [i for i in items if i.key.startswith("reassessed:dhs-civil-enforcement-guidelines@2021-09-30")]
    assert summary.blocks_submission and "from dhs-civil-enforcement-guidelines version 2021-09-30" in summary.message
    assert "assessment.factors.M2.answer" in {i.field for i in blocking(items) if i.kind is ItemKind.OPEN}
    assert "assessment.categories.border_security.answer" in {i.field for i in blocking(items)}  # its cutoff changed
    case = set_category(after, "public_safety", CategoryAnswer.APPLIES, "Armed robbery 2023.")
    case = set_category(case, "border_security", CategoryAnswer.DOES_NOT_APPLY)
    case = answer(set_factor(case, "M2", FactorAnswer.PRESENT, "Lease"), "current_threat", "current_threat")
    case = set_factor(set_factor(case, "M11", FactorAnswer.ABSENT), "M2", FactorAnswer.PRESENT, "Lease")
    case = answer(case, "recent_conduct", "None since 2023.")
    case = replace(case, assessment=replace(case.assessment, attested=True,
                                            rationale="Lengthy residence in the United States; cares for a parent."))
    case = acknowledge(case, summary.key, "Checked every answer against the 2026 version.")
    assert blocking(review_items(case, NEW)) == []


def test_the_attestation_is_asked_again_when_the_never_factors_differ():
    import json

    doc = json.loads(amended())
    doc["never_factors"][0]["label"] = "race or ethnicity"
    other = parse_policy(json.dumps(doc), "other.json")
    a = reassess(worked_case(), GUIDELINES, other, TODAY).assessment
    assert a.attested is False
    (mark,) = [m for m in a.reassessed_from.marks if m.field == "assessment.attested"]
    assert mark.reason == "the never-factors differ in this version: attest again"


def test_between_policies_of_different_shapes():
    after = reassess(worked_case(), GUIDELINES, INTERIM, TODAY)
    a = after.assessment
    assert a.factors == () and a.other_factors == ()
    fields = {m.field for m in a.reassessed_from.marks}
    assert "assessment.other_factors" in fields and "assessment.policy" in fields
    assert {m.previous for m in a.reassessed_from.marks if "“Weighing”" in m.reason} == {
        "The planning outweighs the years here."}
    assert a.records_reviewed == ("criminal_record", "administrative_file")  # same record types, same words
    back = reassess(after, INTERIM, GUIDELINES, TODAY)
    assert back.assessment.reassessed_from.from_policy_id == INTERIM.id


@pytest.mark.parametrize(("case", "old", "message"), [
    (replace(complete_case(), assessment=None), GUIDELINES, "there is no assessment"),
    (replace(complete_case(), status=CaseStatus.SUBMITTED), GUIDELINES, "reopen it before re-assessing"),
    (complete_case(), INTERIM, "was made under dhs-civil-enforcement-guidelines version 2021-09-30"),
])
def test_refused_when_it_cannot_be_done(case, old, message):
    with pytest.raises(WorkflowError, match=message):
        reassess(case, old, NEW, TODAY)


def test_not_to_the_same_version():
    with pytest.raises(WorkflowError, match="already under"):
        reassess(complete_case(), GUIDELINES, GUIDELINES, TODAY)
