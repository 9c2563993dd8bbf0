"""The same rules under the ICE interim guidance of 18 Feb 2021: presumed priorities with conditions, no factor
table, a cutoff "on or after" 1 Nov 2020, and a written justification with pre-approval for an action outside
the priorities. No code names any of this: it is the policy file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from casework.assessment import CategoryAnswer, CategoryFinding
from casework.checks import ItemKind, blocking, review_items
from casework.dates import PartialDate
from casework.model import ApprehensionSite, AttentionSource, CaseFile, Encounter, ImmigrationHistory, MannerOfEntry
from casework.workflow import start_assessment
from tests.casework.assessing import (
    GUIDELINES,
    INTERIM,
    acknowledge,
    answer,
    found,
    set_category,
    the_item,
    with_assessment,
    with_facts,
)

OPEN, CONTRA, REVIEW = ItemKind.OPEN, ItemKind.CONTRADICTION, ItemKind.REVIEW
APPLIES, DNA, UNK, BLANK = (CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY, CategoryAnswer.UNKNOWN,
                            CategoryAnswer.UNANSWERED)
INTERIOR, AT_BORDER = ApprehensionSite.INTERIOR, ApprehensionSite.BORDER_ATTEMPTING_ENTRY
B = "assessment.categories.border_security."


def complete_interim_case() -> CaseFile:
    case = CaseFile(id="i", case_number="CF-I", history=ImmigrationHistory(last_entry=PartialDate("2015-06-01")),
                    encounter=Encounter(attention_source=AttentionSource.LAW_ENFORCEMENT_REFERRAL))
    case = start_assessment(case, INTERIM, date(2021, 3, 1))
    assert case.assessment is not None
    return replace(case, assessment=replace(
        case.assessment, records_reviewed=("criminal_record", "administrative_file"),
        categories=tuple(CategoryFinding(c.id, DNA) for c in INTERIM.categories), determination="decline",
        rationale="No presumed priority category is met; declined.", attested=True))


def test_a_complete_case_has_nothing_blocking_and_no_factor_table():
    case = complete_interim_case()
    assert blocking(review_items(case, INTERIM)) == []
    assert case.assessment.factors == ()
    assert not [i for i in review_items(case, INTERIM) if ".factors." in i.field]


def test_a_new_assessment_asks_each_presumed_priority_and_nothing_of_the_2021_shape():
    case = start_assessment(CaseFile(id="c", case_number="x"), INTERIM, date(2021, 3, 1))
    fields = {i.field for i in review_items(case, INTERIM) if i.kind is OPEN}
    assert {f"assessment.categories.{c}.answer" for c in ("national_security", "border_security",
                                                          "public_safety")} <= fields
    assert not {f for f in fields if "factor" in f or "threat" in f or "weighing" in f}


def test_the_finding_words_are_the_policy_s_own():
    case = answer(set_category(complete_interim_case(), "public_safety", APPLIES, "Conviction 2020"),
                  "public_safety_threat", "no_threat")
    item = the_item(case, INTERIM, "assessment.public_safety_threat", CONTRA)
    assert item.message == ("“Public safety” is marked “Met (presumed priority)”, but “Poses a threat to public "
                            "safety” is answered “Does not pose a threat”")


BORDER_TABLE = [
    # "on or after" 1 Nov 2020: the day itself qualifies and needs no review (unlike the 2021 guidelines)
    ("2020-11-01", INTERIOR, "", DNA, "b", {("answer", CONTRA)}),
    ("2020-11-01", INTERIOR, "", APPLIES, "b", set()),
    ("2020-11", INTERIOR, "", DNA, "b", {("answer", CONTRA)}),  # every day of November qualifies
    ("2021-03", INTERIOR, "", BLANK, "", {("answer", OPEN)}),
    ("2021-03", INTERIOR, "", UNK, "", {("answer", OPEN)}),
    ("2021-03", INTERIOR, "", APPLIES, "b", set()),
    # before it: applying contradicts both prongs
    ("2020-10-31", INTERIOR, "", APPLIES, "b", {("answer", CONTRA)}),
    ("2020-10", INTERIOR, "", DNA, "", set()),
    # a year-only date straddles it: review, acknowledged with a note
    ("2020", INTERIOR, "", DNA, "b", {("answer", REVIEW)}),
    ("2020", INTERIOR, "", APPLIES, "b", {("answer", REVIEW)}),
    # at the border attempting entry: the attempt (the encounter) on or after the cutoff
    ("2019", AT_BORDER, "2021-03-01", DNA, "b", {("answer", CONTRA)}),
    ("2019", AT_BORDER, "2020-11-01", DNA, "b", {("answer", CONTRA)}),
    ("2019", AT_BORDER, "2020-10-15", APPLIES, "b", {("answer", CONTRA)}),
    ("2019", AT_BORDER, "2020-10-15", DNA, "", set()),
    ("2019", AT_BORDER, "", APPLIES, "b", set()),  # the encounter date is not recorded: may be met
    ("", INTERIOR, "", DNA, "", set()),
]


@pytest.mark.parametrize(("entry", "site", "encounter", "answer_", "basis", "expected"), BORDER_TABLE)
def test_border_security_on_or_after_the_cutoff(entry, site, encounter, answer_, basis, expected):
    case = with_facts(complete_interim_case(), entry, site, MannerOfEntry.UNKNOWN, encounter)
    case = set_category(case, "border_security", answer_, basis)
    assert found(case, INTERIM, B) == expected


def test_the_same_day_reads_differently_under_each_policy():
    from tests.casework.test_checks import complete_case

    guidelines = set_category(with_facts(complete_case(), "2020-11-01", INTERIOR), "border_security", DNA, "b")
    interim = set_category(with_facts(complete_interim_case(), "2020-11-01", INTERIOR), "border_security", DNA, "b")
    assert found(guidelines, GUIDELINES, B) == {("answer", REVIEW)}
    assert found(interim, INTERIM, B) == {("answer", CONTRA)}
    message = the_item(interim, INTERIM, B + "answer", CONTRA).message
    assert "not physically present in the United States before 1 November 2020" in message
    assert "last entry 2020-11-01 (the cutoff date itself: on or after 2020-11-01)" in message


def test_an_encounter_before_the_cutoff_is_named():
    case = with_facts(complete_interim_case(), "2019", AT_BORDER, MannerOfEntry.UNKNOWN, "2020-10-15")
    case = set_category(case, "border_security", APPLIES, "Caught at the port.")
    message = the_item(case, INTERIM, B + "answer", CONTRA).message
    assert "encounter date 2020-10-15 (not on or after 2020-11-01)" in message


def test_a_straddling_date_is_acknowledged_like_any_review():
    case = set_category(with_facts(complete_interim_case(), "2020", INTERIOR), "border_security", DNA, "b")
    item = the_item(case, INTERIM, B + "answer", REVIEW)
    assert item.blocks_submission
    assert blocking(review_items(acknowledge(case, item.key, "Entered in 2020-02 per the I-94."), INTERIM)) == []


# ----- public safety: a threat, and at least one of (a)–(c) ------------------------------------------------------

PS = "assessment.public_safety_"


@pytest.mark.parametrize(
    ("finding", "conditions", "threat", "considerations", "expected"),
    [
        (APPLIES, (), "", "", {("conditions", OPEN), ("threat", OPEN), ("considerations", OPEN)}),
        (APPLIES, ("aggravated_felony",), "threat", "Armed robbery, 2020.", set()),
        (APPLIES, ("gang_offense", "gang_participation"), "threat", "Recent gang offense.", set()),
        (APPLIES, ("aggravated_felony",), "no_threat", "Old offense.", {("threat", CONTRA)}),
        (APPLIES, ("aggravated_felony",), "unknown", "Unclear.", set()),
        (DNA, (), "", "", set()),
        (DNA, (), "no_threat", "", set()),
        (UNK, (), "", "", set()),
    ],
)
def test_public_safety_conditions(finding, conditions, threat, considerations, expected):
    case = set_category(complete_interim_case(), "public_safety", finding, "Basis.")
    case = answer(case, "public_safety_conditions", values=conditions)
    case = answer(answer(case, "public_safety_threat", threat), "public_safety_considerations", considerations)
    assert found(case, INTERIM, PS) == expected


def test_an_unknown_condition_is_refused_by_name():
    case = answer(complete_interim_case(), "public_safety_conditions", values=("(d) something",))
    item = the_item(case, INTERIM, PS + "conditions", CONTRA)
    assert "'(d) something' is not an answer to “Conditions met”" in item.message


# ----- an action outside the presumed priorities: written justification and pre-approval ------------------------

PRE = ("justification", "approver_name", "approver_title", "approval_date")


def acting(case: CaseFile) -> CaseFile:
    return with_assessment(case, determination="take_action", determination_detail="Arrest and removal proceedings")


def test_an_action_outside_the_priorities_needs_a_justification_and_pre_approval():
    case = acting(complete_interim_case())
    assert {i.field for i in blocking(review_items(case, INTERIM))} == {f"assessment.{q}" for q in PRE}
    filled = case
    for q, v in zip(PRE, ("Compelling facts: …", "A. Director", "Field Office Director", "2021-03-01"), strict=True):
        filled = answer(filled, q, v)
    assert blocking(review_items(filled, INTERIM)) == []
    bad_date = answer(filled, "approval_date", "01/03/2021")
    assert the_item(bad_date, INTERIM, "assessment.approval_date", OPEN).message == (
        "“Date of pre-approval”: '01/03/2021' is not a date; use YYYY-MM-DD")


@pytest.mark.parametrize("change", [
    lambda c: with_assessment(c, determination="decline"),  # no action
    lambda c: set_category(c, "national_security", APPLIES, "Named in a terrorism case."),  # a priority is met
])
def test_no_pre_approval_is_asked_when_not_needed(change):
    case = change(acting(complete_interim_case()))
    assert not {i.field for i in review_items(case, INTERIM)} & {f"assessment.{q}" for q in PRE}


def test_pre_approval_is_not_asked_before_every_category_is_answered():
    case = set_category(acting(complete_interim_case()), "border_security", BLANK)
    fields = {i.field for i in review_items(case, INTERIM)}
    assert B + "answer" in fields and not fields & {f"assessment.{q}" for q in PRE}


# ----- in force: the injunction, the partial stay, the end -----------------------------------------------------------


@pytest.mark.parametrize(("day", "status"), [
    (date(2021, 2, 17), "not yet in force"),
    (date(2021, 2, 18), "in force"),
    (date(2021, 8, 18), "in force"),
    (date(2021, 8, 19), "not in force on 2021-08-19: enjoined"),
    (date(2021, 9, 14), "not in force on 2021-09-14: enjoined"),
    (date(2021, 9, 15), "in force"),
    (date(2021, 11, 28), "in force"),
    (date(2021, 11, 29), "not in force on 2021-11-29: superseded"),
])
def test_in_force_windows_with_the_injunction(day, status):
    assert INTERIM.status_on(day).startswith(status)


def test_the_partial_stay_is_a_note_on_its_window():
    assert INTERIM.note_on(date(2021, 10, 1)).startswith("Partial stay")
    assert "1226(c)(1)" in INTERIM.note_on(date(2021, 10, 1))
    assert INTERIM.note_on(date(2021, 5, 1)) == ""


def test_an_assessment_dated_while_enjoined_is_flagged():
    case = with_assessment(complete_interim_case(), assessed_on=date(2021, 9, 1))
    assert "enjoined" in the_item(case, INTERIM, "assessment.assessed_on", REVIEW).message
