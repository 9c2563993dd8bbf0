"""The assessment rules under the 2021 guidelines, as tables: every rule in both directions.

Other tests import `complete_case`, `set_category`, `set_factor`, `POLICY` and `NOW` from here. The same rules
under the interim guidance and under a fixture policy of a third shape are in test_checks_interim.py and
test_checks_third_shape.py; the never-factor guard's table is in test_checks_never_factors.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from casework.assessment import (
    Answer,
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
    MannerOfEntry,
    Offense,
)
from casework.workflow import WorkflowError, start_assessment, submit
from tests.casework.assessing import (
    GUIDELINES,
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

POLICY = GUIDELINES
NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)
__all__ = ["NOW", "POLICY", "complete_case", "set_category", "set_factor", "with_assessment"]


def complete_case() -> CaseFile:
    """A case whose assessment has nothing open: public safety weighed, nothing present, decline."""
    case = CaseFile(id="c", case_number="CF-1", history=ImmigrationHistory(last_entry=PartialDate("2015-06-01")),
                    encounter=Encounter(attention_source=AttentionSource.LAW_ENFORCEMENT_REFERRAL))
    case = start_assessment(case, POLICY, date(2024, 5, 1))
    a = case.assessment
    assert a is not None
    a = replace(
        a,
        records_reviewed=("criminal_record", "administrative_file"),
        categories=tuple(CategoryFinding(c.id, CategoryAnswer.DOES_NOT_APPLY) for c in POLICY.categories),
        factors=tuple(FactorFinding(f.id, FactorAnswer.ABSENT) for f in POLICY.factors),
        answers=(Answer("current_threat", "not_a_current_threat"),),
        determination="decline",
        rationale="No priority category applies on the totality of the facts.",
        attested=True,
    )
    return replace(case, assessment=a)


def with_entry(case: CaseFile, entry: str, site: ApprehensionSite = ApprehensionSite.INTERIOR) -> CaseFile:
    return replace(case, history=ImmigrationHistory(last_entry=PartialDate(entry), apprehension_site=site))


def fields(case: CaseFile, kind: ItemKind | None = None) -> set[str]:
    return {i.field for i in review_items(case, POLICY) if kind is None or i.kind is kind}


OPEN, CONTRA, REVIEW = ItemKind.OPEN, ItemKind.CONTRADICTION, ItemKind.REVIEW


# ----- a complete case, a new one, and what every assessment must hold ------------------------------------------


def test_complete_case_has_nothing_blocking():
    assert blocking(review_items(complete_case(), POLICY)) == []


def test_no_assessment_is_one_open_item():
    assert [i.field for i in review_items(CaseFile(id="c", case_number="x"), POLICY)] == ["assessment"]


def test_new_assessment_lists_every_category_and_factor_and_the_decision():
    case = start_assessment(CaseFile(id="c", case_number="x"), POLICY, date(2024, 5, 1))
    open_fields = fields(case, OPEN)
    for c in POLICY.categories:
        assert f"assessment.categories.{c.id}.answer" in open_fields
    for f in POLICY.factors:
        assert f"assessment.factors.{f.id}.answer" in open_fields
    assert {"assessment.records_reviewed", "assessment.determination", "assessment.rationale",
            "assessment.attested", "assessment.current_threat"} <= open_fields


def test_no_numeric_score_anywhere():
    names = set(POLICY.__dataclass_fields__) | set(complete_case().assessment.__dataclass_fields__)
    assert not any("score" in n or "points" in n or n == "weight" for n in names)


@pytest.mark.parametrize("category", [c.id for c in POLICY.categories])
@pytest.mark.parametrize("answer", [CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY, CategoryAnswer.UNKNOWN])
def test_every_category_answered_in_both_directions(category, answer):
    unanswered = set_category(complete_case(), category, CategoryAnswer.UNANSWERED)
    assert f"assessment.categories.{category}.answer" in fields(unanswered, OPEN)
    missing = with_assessment(complete_case(), categories=tuple(
        c for c in complete_case().assessment.categories if c.category_id != category))
    assert f"assessment.categories.{category}.answer" in fields(missing, OPEN)
    answered = set_category(complete_case(), category, answer, basis="Per the I-213.")
    assert not {f for f in fields(answered, OPEN) if f.startswith(f"assessment.categories.{category}")}


@pytest.mark.parametrize("category", [c.id for c in POLICY.categories])
def test_applies_needs_a_basis(category):
    case = set_category(complete_case(), category, CategoryAnswer.APPLIES)
    assert f"assessment.categories.{category}.basis" in fields(case, OPEN)


@pytest.mark.parametrize("factor", [f.id for f in POLICY.factors])
@pytest.mark.parametrize("public_safety", [CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY])
def test_every_factor_answered_whatever_public_safety_says(factor, public_safety):
    case = set_category(complete_case(), "public_safety", public_safety, basis="Armed robbery 2023.")
    case = answer(case, "current_threat", "current_threat" if public_safety is CategoryAnswer.APPLIES
                  else "not_a_current_threat")
    assert blocking(review_items(case, POLICY)) == []
    unanswered = set_factor(case, factor, FactorAnswer.UNANSWERED)
    assert blocking_fields(unanswered, POLICY) == [f"assessment.factors.{factor}.answer"]
    missing = with_assessment(case, factors=tuple(f for f in case.assessment.factors if f.factor_id != factor))
    assert blocking_fields(missing, POLICY) == [f"assessment.factors.{factor}.answer"]


@pytest.mark.parametrize("public_safety", [CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY,
                                           CategoryAnswer.UNKNOWN, CategoryAnswer.UNANSWERED])
def test_the_current_threat_conclusion_is_always_asked(public_safety):
    case = set_category(complete_case(), "public_safety", public_safety, basis="Recent armed robbery")
    case = with_assessment(case, current_threat=ThreatAnswer.UNANSWERED)
    item = the_item(case, POLICY, "assessment.current_threat", OPEN)
    assert item.message == "conclude whether the person is a current threat to public safety"


@pytest.mark.parametrize(
    ("public_safety", "threat", "contradiction"),
    [(CategoryAnswer.APPLIES, "not_a_current_threat", True), (CategoryAnswer.APPLIES, "current_threat", False),
     (CategoryAnswer.APPLIES, "unknown", False), (CategoryAnswer.DOES_NOT_APPLY, "current_threat", True),
     (CategoryAnswer.DOES_NOT_APPLY, "not_a_current_threat", False), (CategoryAnswer.UNKNOWN, "current_threat", False)],
)
def test_current_threat_against_the_finding(public_safety, threat, contradiction):
    case = answer(set_category(complete_case(), "public_safety", public_safety, "Armed robbery"), "current_threat",
                  threat)
    assert (("assessment.current_threat", CONTRA) in found(case, POLICY)) is contradiction


@pytest.mark.parametrize(
    ("change", "field", "named"),
    [
        (lambda a: replace(a, factors=(*a.factors, FactorFinding("A99", FactorAnswer.PRESENT, "x"))),
         "assessment.factors.A99", "'A99'"),
        (lambda a: replace(a, categories=(*a.categories, CategoryFinding("public_health", CategoryAnswer.APPLIES))),
         "assessment.categories.public_health", "'public_health'"),
        (lambda a: replace(a, factors=(*a.factors, FactorFinding("A1", FactorAnswer.PRESENT))),
         "assessment.factors.A1", "twice"),
        (lambda a: replace(a, categories=(*a.categories, CategoryFinding("national_security"))),
         "assessment.categories.national_security", "twice"),
        (lambda a: replace(a, records_reviewed=("criminal_record", "tarot_reading")),
         "assessment.records_reviewed", "tarot_reading"),
        (lambda a: replace(a, determination="deport_at_once"), "assessment.determination", "'deport_at_once'"),
        (lambda a: replace(a, other_factors=(OtherFactor("neutral", "Plays chess", "Club letter"),)),
         "assessment.other_factors[0].kind", "'neutral'"),
    ],
)
def test_unknown_ids_are_refused_by_name(change, field, named):
    case = replace(complete_case(), assessment=change(complete_case().assessment))
    items = [i for i in review_items(case, POLICY) if i.field == field and i.kind is CONTRA]
    assert items and named in items[0].message


@pytest.mark.parametrize(("question", "value", "values", "named"), [
    ("public_health_notes", "x", (), "'public_health_notes'"),
    ("current_threat", "maybe", (), "'maybe'"),
    ("border_notes", "", ("a", "b"), "not a list"),
])
def test_answers_to_unknown_questions_or_options_are_refused_by_name(question, value, values, named):
    from casework.assessment import Answer

    a = complete_case().assessment
    case = replace(complete_case(), assessment=replace(a, answers=(Answer(question, value, values),)))
    (item,) = [i for i in review_items(case, POLICY) if i.kind is CONTRA]
    assert item.field == f"assessment.{question}" and named in item.message


# ----- the border-security cutoff and prongs: (a) at the border, (b) an unlawful entry after 1 Nov 2020 -----------

B = "assessment.categories.border_security."
INTERIOR, AT_BORDER, AT_PORT = (ApprehensionSite.INTERIOR, ApprehensionSite.BORDER_ATTEMPTING_ENTRY,
                                ApprehensionSite.PORT_OF_ENTRY_ATTEMPTING_ENTRY)
UNKNOWN_SITE = ApprehensionSite.UNKNOWN
EWI, OVERSTAY, NO_MANNER = MannerOfEntry.WITHOUT_INSPECTION, MannerOfEntry.VISA_OVERSTAY, MannerOfEntry.UNKNOWN
APPLIES, DNA, UNK, BLANK = (CategoryAnswer.APPLIES, CategoryAnswer.DOES_NOT_APPLY, CategoryAnswer.UNKNOWN,
                            CategoryAnswer.UNANSWERED)
AFTER, BEFORE, ON_THE_DAY, STRADDLING = (["2020-11-02", "2020-12", "2021"], ["2020-10-31", "2020-10", "2019"],
                                         ["2020-11-01"], ["2020-11", "2020"])

BORDER_TABLE = [
    # after the cutoff, interior, manner not recorded: answer it, or say why not
    *[(d, INTERIOR, NO_MANNER, BLANK, "", {("answer", OPEN)}) for d in AFTER],
    *[(d, INTERIOR, NO_MANNER, UNK, "", {("answer", OPEN)}) for d in AFTER],
    *[(d, INTERIOR, NO_MANNER, DNA, "", {("basis", OPEN)}) for d in AFTER],
    *[(d, INTERIOR, NO_MANNER, DNA, "Entered on a visa; overstay.", set()) for d in AFTER],
    *[(d, INTERIOR, NO_MANNER, APPLIES, "Entered without inspection.", set()) for d in AFTER],
    # after the cutoff, interior, entered without inspection: prong (b) met
    *[(d, INTERIOR, EWI, DNA, "Officer's view.", {("answer", CONTRA)}) for d in AFTER],
    *[(d, INTERIOR, EWI, BLANK, "", {("answer", OPEN)}) for d in AFTER],
    *[(d, INTERIOR, EWI, UNK, "", {("answer", OPEN)}) for d in AFTER],
    *[(d, INTERIOR, EWI, APPLIES, "I-213.", set()) for d in AFTER],
    # after the cutoff but a lawful entry (an overstay), apprehended inside: no prong can be met
    *[(d, INTERIOR, OVERSTAY, APPLIES, "I-213.", {("answer", CONTRA)}) for d in AFTER],
    *[(d, INTERIOR, OVERSTAY, DNA, "", set()) for d in AFTER],
    # before the cutoff, apprehended inside: applying contradicts the facts
    *[(d, INTERIOR, NO_MANNER, APPLIES, "I-213.", {("answer", CONTRA)}) for d in BEFORE],
    *[(d, INTERIOR, EWI, APPLIES, "I-213.", {("answer", CONTRA)}) for d in BEFORE],
    *[(d, INTERIOR, NO_MANNER, DNA, "", set()) for d in BEFORE],
    *[(d, INTERIOR, NO_MANNER, BLANK, "", {("answer", OPEN)}) for d in BEFORE],
    # before the cutoff, where apprehended not recorded: prong (a) may still be met
    *[(d, UNKNOWN_SITE, NO_MANNER, APPLIES, "I-213.", set()) for d in BEFORE],
    # on the cutoff date, or straddling it: a review item, whatever the answer (never a contradiction)
    *[(d, INTERIOR, NO_MANNER, a, "Basis.", {("answer", REVIEW)}) for d in ON_THE_DAY + STRADDLING
      for a in (APPLIES, DNA, UNK)],
    *[(d, INTERIOR, EWI, a, "Basis.", {("answer", REVIEW)}) for d in ON_THE_DAY + STRADDLING for a in (APPLIES, DNA)],
    *[(d, INTERIOR, NO_MANNER, BLANK, "", {("answer", REVIEW), ("answer", OPEN)}) for d in ON_THE_DAY + STRADDLING],
    # apprehended at the border or a port while attempting to enter: prong (a) met, whatever the entry date
    *[(d, site, NO_MANNER, DNA, "Officer's view.", {("answer", CONTRA)}) for d in ("2015", "", "2021-03")
      for site in (AT_BORDER, AT_PORT)],
    *[(d, AT_BORDER, NO_MANNER, a, "", {("answer", OPEN)}) for d in ("2015", "") for a in (BLANK, UNK)],
    *[(d, site, NO_MANNER, APPLIES, "Caught at the port.", set()) for d in ("2015", "", "2020-11")
      for site in (AT_BORDER, AT_PORT)],
    # no entry date recorded, apprehended inside: nothing to compare
    ("", INTERIOR, NO_MANNER, DNA, "", set()),
    ("", INTERIOR, NO_MANNER, APPLIES, "I-213.", set()),
]


@pytest.mark.parametrize(("entry", "site", "manner", "answer_", "basis", "expected"), BORDER_TABLE)
def test_border_cutoff_and_prongs(entry, site, manner, answer_, basis, expected):
    case = with_facts(complete_case(), entry, site, manner)
    case = set_category(case, "border_security", answer_, basis)
    assert found(case, POLICY, B) == expected


@pytest.mark.parametrize("entry", ON_THE_DAY + STRADDLING)
def test_the_cutoff_review_stays_until_acknowledged_whatever_the_notes_say(entry):
    case = set_category(with_facts(complete_case(), entry, INTERIOR), "border_security", DNA, "Entered on 1 Nov.")
    case = answer(case, "border_notes", "Entry confirmed as 1 Nov 2020 from the I-94; not after the cutoff.")
    item = the_item(case, POLICY, B + "answer", REVIEW)
    assert item.needs_acknowledgement and item.blocks_submission
    assert f"last entry ({entry}" in item.message and "2020-11-01" in item.message
    acknowledged = acknowledge(case, item.key, "Reviewed the I-94: entry on 1 Nov 2020 is not after the cutoff.")
    again = the_item(acknowledged, POLICY, B + "answer", REVIEW)  # still listed, with the note
    assert again.acknowledged.startswith("Reviewed the I-94") and not again.blocks_submission
    assert blocking(review_items(acknowledged, POLICY)) == []


def test_an_acknowledgement_is_for_one_entry_date():
    case = set_category(with_facts(complete_case(), "2020-11-01", INTERIOR), "border_security", DNA, "b")
    key = the_item(case, POLICY, B + "answer", REVIEW).key
    case = acknowledge(case, key, "Reviewed.")
    moved = with_facts(case, "2020-11", INTERIOR)  # the date changed: review it again
    assert the_item(moved, POLICY, B + "answer", REVIEW).blocks_submission


@pytest.mark.parametrize("note", ["", "   ", "Mentioned only as …", "mentioned only as"])
def test_an_empty_or_template_note_does_not_acknowledge(note):
    case = set_category(with_facts(complete_case(), "2020-11-01", INTERIOR), "border_security", DNA, "b")
    key = the_item(case, POLICY, B + "answer", REVIEW).key
    assert the_item(acknowledge(case, key, note), POLICY, B + "answer", REVIEW).blocks_submission


def test_border_items_name_the_facts():
    case = set_category(with_facts(complete_case(), "2021-03-15", INTERIOR, EWI), "border_security", DNA, "b")
    message = the_item(case, POLICY, B + "answer", CONTRA).message
    for fact in ("(b) apprehended in the United States after unlawfully entering", "last entry 2021-03-15",
                 "In the interior of the United States", "Entered without inspection"):
        assert fact in message
    case = set_category(with_facts(complete_case(), "2019", INTERIOR), "border_security", APPLIES, "b")
    message = the_item(case, POLICY, B + "answer", CONTRA).message
    assert "last entry 2019 (not after 2020-11-01)" in message and "where apprehended" in message
    case = set_category(with_facts(complete_case(), "2015", AT_BORDER), "border_security", DNA, "b")
    assert "At the border, attempting to enter unlawfully" in the_item(case, POLICY, B + "answer", CONTRA).message


# ----- factors, other factors and the rationale --------------------------------------------------------------


def test_vacated_conviction_weighed_as_aggravating_is_a_contradiction():
    case = replace(complete_case(), offenses=(Offense(charge="Theft", disposition=Disposition.VACATED),))
    case = set_factor(case, "A1", FactorAnswer.PRESENT, "Theft conviction")
    case = with_assessment(case, weighing="Gravity weighed.", rationale="The gravity of the offense (A1).")
    assert "assessment.factors.A1.answer" in fields(case, CONTRA)


def test_expunged_and_a_real_conviction_is_only_a_caution():
    case = replace(complete_case(), offenses=(Offense(charge="Theft", disposition=Disposition.EXPUNGED),
                                              Offense(charge="Assault", disposition=Disposition.CONVICTED)))
    case = set_factor(case, "A5", FactorAnswer.PRESENT, "Assault conviction 2019")
    case = with_assessment(case, weighing="Prior record weighed.", rationale="The prior record (A5) is serious.")
    assert "assessment.factors.A5.evidence" in fields(case, REVIEW)
    assert blocking(review_items(case, POLICY)) == []


def test_present_factor_needs_evidence_weighing_and_mention_in_the_rationale():
    case = set_factor(complete_case(), "A4", FactorAnswer.PRESENT)
    assert {"assessment.factors.A4.evidence", "assessment.weighing", "assessment.rationale"} <= fields(case, OPEN)
    case = set_factor(case, "A4", FactorAnswer.PRESENT, "Police report: knife shown")
    case = with_assessment(case, weighing="The weapon weighs heavily.", rationale="Declined despite the weapon.")
    assert blocking(review_items(case, POLICY)) == []


@pytest.mark.parametrize(
    ("factor", "rationale", "addressed"),
    [
        ("M2", "He has lived here for many years.", False),  # an incidental word is not the factor
        ("M2", "His lengthy presence in the United States weighs in his favour.", True),  # the label itself
        ("M2", "Twenty years in the United States since 2004.", True),  # an alias the policy lists
        ("M2", "Per M2, declined.", True),  # its id
        ("M2", "Per m2, declined.", True),
        ("M2", "Per M20, declined.", False),
        ("M5", "His family is large.", False),
        ("M5", "He is the sole provider for two children.", True),
        ("M5", "The impact on the family would be severe.", True),
        ("A4", "He has a gunshot scar.", False),  # "gun" is listed, "gunshot" is another word
        ("A4", "A knife was shown.", True),
        ("A1", "The sentence was short.", False),
        ("A1", "The seriousness of the offense is limited.", True),
        ("M6", "Possible eligibility for humanitarian protection or other immigration relief is pending.", True),
        ("M8", "Rehabilitation since 2015 is documented.", True),
        ("M8", "Rehabilitated.", True),
        ("M8", "He was rehabbing his house.", False),
    ],
)
def test_addressed_in_the_rationale_means_the_label_an_alias_or_the_id(factor, rationale, addressed):
    case = set_factor(complete_case(), factor, FactorAnswer.PRESENT, "Evidence on file")
    case = with_assessment(case, weighing="Weighed.", rationale=rationale)
    missing = [i for i in review_items(case, POLICY)
               if i.field == "assessment.rationale" and "does not address" in i.message]
    assert (not missing) is addressed


@pytest.mark.parametrize(
    ("description", "rationale", "addressed"),
    [("Community volunteer", "Declined; long record as a community volunteer.", True),
     ("Community volunteer", "Declined; the community supports him.", False),
     ("Cares for a parent", "He cares for a parent with dementia.", True),
     ("Cares for a parent", "Parent letters on file.", False)],
)
def test_other_factors_need_description_evidence_and_naming_in_the_rationale(description, rationale, addressed):
    case = with_assessment(complete_case(), other_factors=(OtherFactor("mitigating", description),), weighing="w")
    assert "assessment.other_factors[0].evidence" in fields(case, OPEN)
    case = with_assessment(case, other_factors=(OtherFactor("mitigating", description, "Letters"),),
                           rationale=rationale)
    assert (blocking(review_items(case, POLICY)) == []) is addressed
    blank = with_assessment(case, other_factors=(OtherFactor("mitigating", "  ", "Letters"),))
    assert "assessment.other_factors[0].description" in fields(blank, OPEN)


# ----- records, attention, determination, attestation, dates, the policy's text --------------------------------


@pytest.mark.parametrize("records", [("database_result",), ("conviction_record_only",),
                                     ("database_result", "conviction_record_only")])
def test_only_a_database_result_or_bare_conviction_is_not_enough(records):
    case = with_assessment(complete_case(), records_reviewed=records)
    assert "assessment.records_reviewed" in fields(case, OPEN)
    case = with_assessment(complete_case(), records_reviewed=(*records, "criminal_record"))
    assert "assessment.records_reviewed" not in fields(case)


@pytest.mark.parametrize("source", [AttentionSource.TIP_EMPLOYER, AttentionSource.TIP_LANDLORD,
                                    AttentionSource.PROTEST_OR_DEMONSTRATION])
def test_employer_landlord_or_protest_is_flagged(source):
    case = replace(complete_case(), encounter=Encounter(attention_source=source))
    assert "encounter.attention_detail" in fields(case, OPEN)
    case = replace(case, encounter=Encounter(attention_source=source, attention_detail="No dispute found."))
    assert "encounter.attention_detail" in fields(case, REVIEW)
    assert blocking(review_items(case, POLICY)) == []


def test_determination_needing_detail():
    case = with_assessment(complete_case(), determination="take_action")
    assert "assessment.determination_detail" in fields(case, OPEN)
    case = with_assessment(case, determination_detail="Removal proceedings")
    assert "assessment.determination_detail" not in fields(case)


def test_attestation_names_the_never_factors():
    case = with_assessment(complete_case(), attested=False)
    (item,) = [i for i in review_items(case, POLICY) if i.field == "assessment.attested"]
    assert "race" in item.message and "national origin" in item.message


@pytest.mark.parametrize(("day", "flagged"), [(date(2022, 12, 1), True), (date(2024, 3, 1), False),
                                              (date(2021, 11, 28), True), (date(2025, 1, 20), True)])
def test_assessment_outside_the_in_force_windows_is_flagged(day, flagged):
    case = with_assessment(complete_case(), assessed_on=day)
    items = [i for i in review_items(case, POLICY) if i.field == "assessment.assessed_on"]
    assert bool(items) is flagged
    if flagged:
        assert items[0].kind is REVIEW and f"not {'yet ' if day.year == 2021 else ''}in force on" in items[0].message


def test_the_vacated_period_is_explained():
    case = with_assessment(complete_case(), assessed_on=date(2022, 12, 1))
    item = the_item(case, POLICY, "assessment.assessed_on", REVIEW)
    assert "vacated by S.D. Tex." in item.message


@pytest.mark.parametrize(("sha", "differs"), [
    (POLICY.sha256, False),
    ("59e02bc6d9c825ff95841288150976c039b69266489e6776f99ce8871d3a596c", False),  # the format-1 text's hash
    ("0" * 64, True),
])
def test_an_assessment_made_under_the_earlier_encoding_of_the_same_text_is_not_a_contradiction(sha, differs):
    case = with_assessment(complete_case(), policy_sha256=sha)
    assert (("assessment.policy", CONTRA) in found(case, POLICY)) is differs


def test_submit_is_refused_while_items_are_open_and_names_them():
    case = set_category(complete_case(), "national_security", CategoryAnswer.UNANSWERED)
    with pytest.raises(WorkflowError) as info:
        submit(case, POLICY, "DO1", NOW)
    assert [i.field for i in info.value.items] == ["assessment.categories.national_security.answer"]


def test_submit_is_refused_while_a_review_item_waits_for_its_acknowledgement():
    case = set_category(with_facts(complete_case(), "2020-11", INTERIOR), "border_security", DNA, "b")
    with pytest.raises(WorkflowError) as info:
        submit(case, POLICY, "DO1", NOW)
    (item,) = info.value.items
    assert item.kind is REVIEW and item.field == B + "answer"
    submitted = submit(acknowledge(case, item.key, "Entry was 1 Nov 2020 per the I-94."), POLICY, "DO1", NOW)
    assert submitted.status.value == "submitted"


def test_a_new_other_factor_asks_for_its_kind():
    from casework.assessment import OtherFactor

    case = with_assessment(complete_case(), other_factors=(OtherFactor("", "Cares for a parent", "Letter", "Family"),))
    (item,) = [i for i in review_items(case, POLICY) if i.field == "assessment.other_factors[0].kind"]
    assert item.kind is ItemKind.OPEN and "choose what kind of factor “Cares for a parent” is" in item.message
