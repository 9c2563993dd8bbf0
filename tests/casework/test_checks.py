"""The assessment rules, as a table of scenarios against the bundled 2021 policy."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from casework.assessment import (
    CategoryAnswer,
    CategoryFinding,
    FactorAnswer,
    FactorFinding,
    OtherFactor,
    ThreatAnswer,
)
from casework.checks import ItemKind, blocking, review_items
from casework.dates import PartialDate
from casework.model import (
    ApprehensionSite,
    AttentionSource,
    CaseFile,
    Disposition,
    Encounter,
    ImmigrationHistory,
    Offense,
)
from casework.policy import PolicyLibrary
from casework.workflow import WorkflowError, start_assessment, submit

POLICY = PolicyLibrary.bundled().get("dhs-civil-enforcement-guidelines", "2021-09-30")
NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)


def complete_case() -> CaseFile:
    """A case whose assessment has nothing open: public safety weighed, nothing present, decline."""
    case = CaseFile(id="c", case_number="CF-1", history=ImmigrationHistory(last_entry=PartialDate("2015-06-01")),
                    encounter=Encounter(attention_source=AttentionSource.LAW_ENFORCEMENT_REFERRAL))
    case = start_assessment(case, POLICY, date(2024, 5, 1))
    a = case.assessment
    a = replace(
        a,
        records_reviewed=("criminal_record", "administrative_file"),
        categories=tuple(CategoryFinding(c.id, CategoryAnswer.DOES_NOT_APPLY) for c in POLICY.categories),
        factors=tuple(FactorFinding(f.id, FactorAnswer.ABSENT) for f in POLICY.factors),
        current_threat=ThreatAnswer.NOT_A_CURRENT_THREAT,
        determination="decline",
        rationale="No priority category applies on the totality of the facts.",
        attested=True,
    )
    return replace(case, assessment=a)


def with_assessment(case: CaseFile, **changes) -> CaseFile:
    return replace(case, assessment=replace(case.assessment, **changes))


def set_category(case: CaseFile, category_id: str, answer: CategoryAnswer, basis: str = "") -> CaseFile:
    cats = tuple(CategoryFinding(c.category_id, answer, basis) if c.category_id == category_id else c
                 for c in case.assessment.categories)
    return with_assessment(case, categories=cats)


def set_factor(case: CaseFile, factor_id: str, answer: FactorAnswer, evidence: str = "") -> CaseFile:
    fs = tuple(FactorFinding(f.factor_id, answer, evidence) if f.factor_id == factor_id else f
               for f in case.assessment.factors)
    return with_assessment(case, factors=fs)


def with_entry(case: CaseFile, entry: str, site: ApprehensionSite = ApprehensionSite.INTERIOR) -> CaseFile:
    return replace(case, history=ImmigrationHistory(last_entry=PartialDate(entry), apprehension_site=site))


def fields(case: CaseFile, kind: ItemKind | None = None) -> set[str]:
    return {i.field for i in review_items(case, POLICY) if kind is None or i.kind is kind}


def test_complete_case_has_nothing_blocking():
    assert blocking(review_items(complete_case(), POLICY)) == []


def test_no_assessment_is_one_open_item():
    assert [i.field for i in review_items(CaseFile(id="c", case_number="x"), POLICY)] == ["assessment"]


def test_new_assessment_lists_every_category_and_factor_and_the_decision():
    case = start_assessment(CaseFile(id="c", case_number="x"), POLICY, date(2024, 5, 1))
    open_fields = fields(case, ItemKind.OPEN)
    for c in POLICY.categories:
        assert f"assessment.categories.{c.id}.answer" in open_fields
    for f in POLICY.factors:
        assert f"assessment.factors.{f.id}.answer" in open_fields
    assert {"assessment.records_reviewed", "assessment.determination", "assessment.rationale",
            "assessment.attested"} <= open_fields


def test_no_numeric_score_anywhere():
    names = set(POLICY.__dataclass_fields__) | set(complete_case().assessment.__dataclass_fields__)
    assert not any("score" in n or "points" in n or n == "weight" for n in names)


BORDER = "border_security"


@pytest.mark.parametrize(
    ("entry", "answer", "notes", "expected_field", "expected_kind"),
    [
        # certainly after the cutoff, border unanswered → contradiction
        ("2020-11-02", CategoryAnswer.UNANSWERED, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
        ("2020-12", CategoryAnswer.UNANSWERED, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
        ("2021", CategoryAnswer.UNANSWERED, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
        # exactly on the cutoff → needs review until answered and explained
        ("2020-11-01", CategoryAnswer.DOES_NOT_APPLY, "", "assessment.border_notes", ItemKind.OPEN),
        # imprecise dates that straddle the cutoff → needs review
        ("2020-11", CategoryAnswer.DOES_NOT_APPLY, "", "assessment.border_notes", ItemKind.OPEN),
        ("2020", CategoryAnswer.DOES_NOT_APPLY, "", "assessment.border_notes", ItemKind.OPEN),
        # before the cutoff but marked as applying (not apprehended at the border) → contradiction
        ("2020-10-31", CategoryAnswer.APPLIES, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
        ("2020-10", CategoryAnswer.APPLIES, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
        ("2019", CategoryAnswer.APPLIES, "", "assessment.categories.border_security.answer",
         ItemKind.CONTRADICTION),
    ],
)
def test_border_cutoff(entry, answer, notes, expected_field, expected_kind):
    case = set_category(with_entry(complete_case(), entry), BORDER, answer, basis="Entry date per I-213.")
    case = with_assessment(case, border_notes=notes)
    assert expected_field in fields(case, expected_kind), review_items(case, POLICY)


@pytest.mark.parametrize("entry", ["2020-10-31", "2020-10", "2019", "2020-11-02", "2021-03"])
def test_border_dates_clear_of_the_cutoff_need_no_review(entry):
    answer = CategoryAnswer.APPLIES if entry >= "2020-11-02" else CategoryAnswer.DOES_NOT_APPLY
    case = set_category(with_entry(complete_case(), entry), BORDER, answer, basis="Entered after the cutoff.")
    assert "assessment.border_notes" not in fields(case)
    assert blocking(review_items(case, POLICY)) == []


@pytest.mark.parametrize("entry", ["2020-11-01", "2020-11", "2020"])
def test_review_of_the_cutoff_is_satisfied_by_an_answer_and_notes(entry):
    case = set_category(with_entry(complete_case(), entry), BORDER, CategoryAnswer.DOES_NOT_APPLY)
    assert "assessment.border_notes" in fields(case, ItemKind.OPEN)
    case = with_assessment(case, border_notes="Entry confirmed on 1 Nov 2020, not after the cutoff.")
    assert "assessment.border_notes" not in fields(case)


def test_apprehended_at_the_border_qualifies_whatever_the_entry_date():
    case = set_category(with_entry(complete_case(), "2015", ApprehensionSite.BORDER_ATTEMPTING_ENTRY), BORDER,
                        CategoryAnswer.APPLIES, basis="Apprehended at the port attempting entry.")
    assert blocking(review_items(case, POLICY)) == []
    case = set_category(case, BORDER, CategoryAnswer.DOES_NOT_APPLY)
    assert "assessment.border_notes" in fields(case, ItemKind.OPEN)


@pytest.mark.parametrize("category", ["national_security", "public_safety", "border_security"])
def test_each_category_must_be_answered_and_applies_needs_a_basis(category):
    case = set_category(complete_case(), category, CategoryAnswer.UNANSWERED)
    assert f"assessment.categories.{category}.answer" in fields(case)
    case = set_category(complete_case(), category, CategoryAnswer.APPLIES)
    assert f"assessment.categories.{category}.basis" in fields(case, ItemKind.OPEN)


def test_vacated_conviction_weighed_as_aggravating_is_a_contradiction():
    case = replace(complete_case(), offenses=(Offense(charge="Theft", disposition=Disposition.VACATED),))
    case = set_factor(case, "A1", FactorAnswer.PRESENT, "Theft conviction")
    case = with_assessment(case, weighing="Gravity weighed.", rationale="A1 gravity considered.")
    assert "assessment.factors.A1.answer" in fields(case, ItemKind.CONTRADICTION)


def test_expunged_and_a_real_conviction_is_only_a_caution():
    case = replace(complete_case(), offenses=(Offense(charge="Theft", disposition=Disposition.EXPUNGED),
                                              Offense(charge="Assault", disposition=Disposition.CONVICTED)))
    case = set_factor(case, "A5", FactorAnswer.PRESENT, "Assault conviction 2019")
    case = with_assessment(case, weighing="Prior record weighed.", rationale="The prior record (A5) is serious.")
    assert "assessment.factors.A5.evidence" in fields(case, ItemKind.REVIEW)
    assert blocking(review_items(case, POLICY)) == []


def test_present_factor_needs_evidence_weighing_and_mention_in_the_rationale():
    case = set_factor(complete_case(), "A4", FactorAnswer.PRESENT)
    got = fields(case, ItemKind.OPEN)
    assert {"assessment.factors.A4.evidence", "assessment.weighing", "assessment.rationale"} <= got
    case = set_factor(case, "A4", FactorAnswer.PRESENT, "Police report: knife shown")
    case = with_assessment(case, weighing="The weapon weighs heavily.", rationale="Declined despite the weapon.")
    assert blocking(review_items(case, POLICY)) == []


def test_rationale_mentioning_the_factor_id_addresses_it():
    case = set_factor(complete_case(), "M5", FactorAnswer.PRESENT, "Birth certificates of two children")
    case = with_assessment(case, weighing="w", rationale="Per M5, removal would leave no caregiver.")
    assert blocking(review_items(case, POLICY)) == []
    case = with_assessment(case, rationale="Declined.")
    assert any("does not address" in i.message for i in review_items(case, POLICY))


def test_other_factors_need_description_and_evidence_and_a_mention():
    case = with_assessment(complete_case(), other_factors=(OtherFactor("mitigating", "Community volunteer"),),
                           weighing="w")
    assert "assessment.other_factors[0].evidence" in fields(case, ItemKind.OPEN)
    case = with_assessment(case, other_factors=(OtherFactor("mitigating", "Community volunteer", "Letters"),),
                           rationale="Declined; long record as a community volunteer.")
    assert blocking(review_items(case, POLICY)) == []


@pytest.mark.parametrize("records", [("database_result",), ("conviction_record_only",),
                                     ("database_result", "conviction_record_only")])
def test_only_a_database_result_or_bare_conviction_is_not_enough(records):
    case = with_assessment(complete_case(), records_reviewed=records)
    assert "assessment.records_reviewed" in fields(case, ItemKind.OPEN)


@pytest.mark.parametrize("source", [AttentionSource.TIP_EMPLOYER, AttentionSource.TIP_LANDLORD,
                                    AttentionSource.PROTEST_OR_DEMONSTRATION])
def test_employer_landlord_or_protest_is_flagged(source):
    case = replace(complete_case(), encounter=Encounter(attention_source=source))
    assert "encounter.attention_detail" in fields(case, ItemKind.OPEN)
    case = replace(case, encounter=Encounter(attention_source=source, attention_detail="No dispute found."))
    assert "encounter.attention_detail" in fields(case, ItemKind.REVIEW)
    assert blocking(review_items(case, POLICY)) == []


def test_public_safety_applies_needs_a_current_threat():
    case = set_category(complete_case(), "public_safety", CategoryAnswer.APPLIES, "Recent armed robbery")
    case = with_assessment(case, current_threat=ThreatAnswer.NOT_A_CURRENT_THREAT)
    assert "assessment.current_threat" in fields(case, ItemKind.CONTRADICTION)
    case = with_assessment(case, current_threat=ThreatAnswer.UNANSWERED)
    assert "assessment.current_threat" in fields(case, ItemKind.OPEN)


def test_determination_needing_detail():
    case = with_assessment(complete_case(), determination="take_action")
    assert "assessment.determination_detail" in fields(case, ItemKind.OPEN)


def test_attestation_names_the_never_factors():
    case = with_assessment(complete_case(), attested=False)
    (item,) = [i for i in review_items(case, POLICY) if i.field == "assessment.attested"]
    assert "race" in item.message and "national origin" in item.message


def test_assessment_outside_the_in_force_windows_is_flagged():
    case = with_assessment(complete_case(), assessed_on=date(2022, 12, 1))
    (item,) = [i for i in review_items(case, POLICY) if i.field == "assessment.assessed_on"]
    assert item.kind is ItemKind.REVIEW and "not in force on 2022-12-01" in item.message


def test_submit_is_refused_while_items_are_open_and_names_them():
    case = set_category(complete_case(), "national_security", CategoryAnswer.UNANSWERED)
    with pytest.raises(WorkflowError) as info:
        submit(case, POLICY, "DO1", NOW)
    assert [i.field for i in info.value.items] == ["assessment.categories.national_security.answer"]
