"""Building assessments under any policy for the rules tables: set a category, a factor, an answer, a fact."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from casework.assessment import (
    Answer,
    CategoryAnswer,
    CategoryFinding,
    FactorAnswer,
    FactorFinding,
    with_acknowledgement,
    with_answer,
)
from casework.checks import Item, ItemKind, review_items
from casework.dates import PartialDate
from casework.model import ApprehensionSite, CaseFile, MannerOfEntry
from casework.policy import Policy, PolicyLibrary, parse_policy

FIXTURES = Path(__file__).parents[1] / "fixtures" / "policies"
BUNDLED = PolicyLibrary.bundled()
GUIDELINES = BUNDLED.get("dhs-civil-enforcement-guidelines", "2021-09-30")
INTERIM = BUNDLED.get("ice-interim-enforcement-priorities", "2021-02-18")
SECOND = parse_policy((FIXTURES / "test-policy-2099.json").read_text(), "test-policy-2099.json")
THIRD = parse_policy((FIXTURES / "test-policy-third-shape.json").read_text(), "test-policy-third-shape.json")
GUIDELINES_TEXT = resources.files("resources.policies").joinpath("dhs-civil-enforcement-2021-09-30.json").read_text()


def with_assessment(case: CaseFile, **changes: object) -> CaseFile:
    assert case.assessment is not None
    return replace(case, assessment=replace(case.assessment, **changes))


def set_category(case: CaseFile, category_id: str, answer: CategoryAnswer | str, basis: str = "",
                 evidence: str = "") -> CaseFile:
    assert case.assessment is not None
    found = CategoryFinding(category_id, CategoryAnswer(answer), basis, evidence)
    cats = tuple(found if c.category_id == category_id else c for c in case.assessment.categories)
    if all(c.category_id != category_id for c in cats):
        cats += (found,)
    return with_assessment(case, categories=cats)


def set_factor(case: CaseFile, factor_id: str, answer: FactorAnswer | str, evidence: str = "",
               source: str = "") -> CaseFile:
    assert case.assessment is not None
    found = FactorFinding(factor_id, FactorAnswer(answer), evidence, source)
    fs = tuple(found if f.factor_id == factor_id else f for f in case.assessment.factors)
    if all(f.factor_id != factor_id for f in fs):
        fs += (found,)
    return with_assessment(case, factors=fs)


def answer(case: CaseFile, question: str, value: str = "", values: tuple[str, ...] = ()) -> CaseFile:
    assert case.assessment is not None
    return replace(case, assessment=with_answer(case.assessment, Answer(question, value, values)))


def acknowledge(case: CaseFile, key: str, note: str) -> CaseFile:
    assert case.assessment is not None
    return replace(case, assessment=with_acknowledgement(case.assessment, key, note))


def with_facts(case: CaseFile, entry: str = "", site: ApprehensionSite = ApprehensionSite.UNKNOWN,
               manner: MannerOfEntry = MannerOfEntry.UNKNOWN, encounter: str = "") -> CaseFile:
    history = replace(case.history, last_entry=PartialDate(entry), apprehension_site=site, manner_of_entry=manner)
    occurred = datetime.fromisoformat(encounter).replace(hour=10, tzinfo=UTC) if encounter else None
    return replace(case, history=history, encounter=replace(case.encounter, occurred_at=occurred))


def items_of(case: CaseFile, policy: Policy) -> list[Item]:
    return review_items(case, policy)


def found(case: CaseFile, policy: Policy, prefix: str = "") -> set[tuple[str, ItemKind]]:
    """(field, kind) of every item whose field starts with `prefix`, with the prefix cut off."""
    return {(i.field[len(prefix):], i.kind) for i in review_items(case, policy) if i.field.startswith(prefix)}


def blocking_fields(case: CaseFile, policy: Policy) -> list[str]:
    return [i.field for i in review_items(case, policy) if i.blocks_submission]


def the_item(case: CaseFile, policy: Policy, field: str, kind: ItemKind) -> Item:
    (item,) = [i for i in review_items(case, policy) if i.field == field and i.kind is kind]
    return item
