"""A fixture policy of a third shape — three kinds of factors (one without "other" entries), a four-way
choice, a section asked always and one asked when no ground applies, a cutoff with a fact test, French
never-factor terms, no supervisor concurrence — carried by the same code with no change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from casework.assessment import CategoryAnswer, CategoryFinding, FactorAnswer, FactorFinding, OtherFactor
from casework.checks import ItemKind, blocking, review_items
from casework.dates import PartialDate
from casework.model import CaseFile, Disposition, ImmigrationHistory, MannerOfEntry, Offense
from casework.workflow import start_assessment, submit
from tests.casework.assessing import (
    THIRD,
    acknowledge,
    answer,
    blocking_fields,
    found,
    set_category,
    set_factor,
    the_item,
    with_assessment,
    with_facts,
)

OPEN, CONTRA, REVIEW = ItemKind.OPEN, ItemKind.CONTRADICTION, ItemKind.REVIEW
APPLIES, DNA = CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY


def complete_third_case() -> CaseFile:
    case = CaseFile(id="t", case_number="CF-T", history=ImmigrationHistory(last_entry=PartialDate("2090")))
    case = start_assessment(case, THIRD, date(2099, 8, 1))
    assert case.assessment is not None
    case = replace(case, assessment=replace(
        case.assessment, records_reviewed=("file",),
        categories=tuple(CategoryFinding(c.id, DNA) for c in THIRD.categories),
        factors=tuple(FactorFinding(f.id, FactorAnswer.ABSENT) for f in THIRD.factors),
        determination="do_not_act", rationale="Nothing fictional weighs here.", attested=True))
    case = answer(answer(case, "harm_likelihood", "unlikely"), "interview_language", "Portuguese")
    return answer(answer(case, "interpreter", "yes"), "second_look_note", "Checked twice.")


def test_a_complete_case_has_nothing_blocking_and_can_be_submitted():
    case = complete_third_case()
    assert blocking(review_items(case, THIRD)) == []
    assert submit(case, THIRD, "DO1", __import__("datetime").datetime(2099, 8, 2)).status.value == "submitted"


def test_a_new_assessment_asks_this_policy_s_questions():
    case = start_assessment(CaseFile(id="c", case_number="x"), THIRD, date(2099, 8, 1))
    fields = {i.field for i in review_items(case, THIRD) if i.kind is OPEN}
    assert {"assessment.factors.T1.answer", "assessment.factors.G1.answer", "assessment.factors.C1.answer",
            "assessment.harm_likelihood", "assessment.interview_language", "assessment.interpreter"} <= fields
    assert "assessment.current_threat" not in fields and "assessment.second_look_note" not in fields


def test_the_words_are_the_policy_s_own():
    case = set_factor(complete_third_case(), "T1", FactorAnswer.UNANSWERED)
    assert the_item(case, THIRD, "assessment.factors.T1.answer", OPEN).message == (
        "mark “Fictional factor Tau” as found, not found or not known")
    assert the_item(answer(case, "harm_likelihood", ""), THIRD, "assessment.harm_likelihood", OPEN).message == (
        "say how likely harm is")


@pytest.mark.parametrize(("finding", "likelihood", "contradiction"), [
    (APPLIES, "unlikely", True), (APPLIES, "likely", False), (APPLIES, "possible", False),
    (DNA, "likely", True), (DNA, "unlikely", False), (DNA, "unknown", False)])
def test_a_four_way_choice_against_the_finding(finding, likelihood, contradiction):
    case = answer(set_category(complete_third_case(), "serious_harm", finding, "Basis."), "harm_likelihood",
                  likelihood)
    assert (("assessment.harm_likelihood", CONTRA) in found(case, THIRD)) is contradiction


@pytest.mark.parametrize(("kind", "refused"), [("toward_action", False), ("against_action", False),
                                               ("context", True), ("aggravating", True)])
def test_other_factors_only_of_the_kinds_that_allow_them(kind, refused):
    case = with_assessment(complete_third_case(), other_factors=(OtherFactor(kind, "Chess club", "Letter"),),
                           rationale="Chess club noted.")
    case = answer(case, "harm_summary", "Balanced.")
    assert (("assessment.other_factors[0].kind", CONTRA) in found(case, THIRD)) is refused


def test_a_present_factor_needs_the_one_line_summary_evidence_and_its_alias_in_the_rationale():
    case = set_factor(complete_third_case(), "G1", FactorAnswer.PRESENT)
    assert {"assessment.harm_summary", "assessment.factors.G1.evidence", "assessment.rationale"} <= {
        f for f, k in found(case, THIRD) if k is OPEN}
    case = set_factor(case, "G1", FactorAnswer.PRESENT, "Report")
    case = answer(with_assessment(case, rationale="Gamma weighs against acting."), "harm_summary", "Gamma wins.")
    assert blocking(review_items(case, THIRD)) == []


def test_a_disposition_conflict_from_the_file():
    case = replace(complete_third_case(), offenses=(Offense("x", disposition=Disposition.VACATED),))
    case = answer(with_assessment(set_factor(case, "T2", FactorAnswer.PRESENT, "x"), rationale="Theta."),
                  "harm_summary", "s")
    assert ("assessment.factors.T2.answer", CONTRA) in found(case, THIRD)


R = "assessment.categories.recent_arrival."


@pytest.mark.parametrize(("entry", "manner", "finding", "basis", "expected"), [
    ("2098-07-01", MannerOfEntry.WITHOUT_INSPECTION, DNA, "b", {("answer", CONTRA)}),
    ("2098-07", MannerOfEntry.OTHER, CategoryAnswer.UNANSWERED, "", {("answer", OPEN)}),
    ("2098-06-30", MannerOfEntry.WITHOUT_INSPECTION, DNA, "b", {("answer", REVIEW)}),
    ("2098", MannerOfEntry.WITHOUT_INSPECTION, DNA, "b", {("answer", REVIEW)}),
    ("2098-06", MannerOfEntry.WITHOUT_INSPECTION, DNA, "b", set()),  # June ends on the cutoff day: not after it
    ("2098-06-29", MannerOfEntry.WITHOUT_INSPECTION, APPLIES, "b", {("answer", CONTRA), ("arrival_evidence", OPEN)}),
    ("2098-07-01", MannerOfEntry.VISA_OVERSTAY, APPLIES, "b", {("answer", CONTRA), ("arrival_evidence", OPEN)}),
    ("2098-07-01", MannerOfEntry.VISA_OVERSTAY, DNA, "", set()),
    ("2098-07-01", MannerOfEntry.UNKNOWN, DNA, "", {("basis", OPEN)}),
    ("2098-07-01", MannerOfEntry.UNKNOWN, DNA, "Entered on a visa.", set()),
])
def test_a_cutoff_with_a_fact_test(entry, manner, finding, basis, expected):
    case = set_category(with_facts(complete_third_case(), entry, manner=manner), "recent_arrival", finding, basis)
    got = found(case, THIRD, R) | {(f.removeprefix("assessment."), k) for f, k in found(case, THIRD, "assessment.")
                                   if f == "arrival_evidence"}
    assert got == expected


def test_sections_asked_always_and_when_no_ground_applies():
    case = answer(answer(complete_third_case(), "interview_language", ""), "second_look_note", "")
    assert set(blocking_fields(case, THIRD)) == {"assessment.interview_language", "assessment.second_look_note"}
    applies = set_category(case, "serious_harm", APPLIES, "b")
    applies = answer(applies, "harm_likelihood", "likely")
    assert blocking_fields(applies, THIRD) == ["assessment.interview_language"]


@pytest.mark.parametrize(("text", "never_factor"), [("Sa croyance est connue.", "belief"),
                                                    ("Son lieu de naissance est noté.", "birthplace"),
                                                    ("His creed is known.", "belief")])
def test_never_factor_terms_in_any_language_the_file_lists(text, never_factor):
    case = with_assessment(complete_third_case(), rationale=text)
    item = the_item(case, THIRD, "assessment.rationale", REVIEW)
    assert item.key == f"never-factor:assessment.rationale:{never_factor}" and item.blocks_submission
    assert blocking(review_items(acknowledge(case, item.key, "Mentioned only as a quote."), THIRD)) == []


def test_look_alikes_listed_in_this_file():
    case = with_assessment(complete_third_case(), rationale="He had a good-faith belief the permit was valid.")
    assert blocking(review_items(case, THIRD)) == []
