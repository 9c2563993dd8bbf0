"""What changed between two policy versions, factor by factor."""

from __future__ import annotations

import json

from casework.policy import parse_policy
from casework.policy_diff import diff, same_category, same_factor, same_question
from tests.casework.assessing import GUIDELINES, GUIDELINES_TEXT, INTERIM


def amended() -> str:
    """The 2021 guidelines with the kind of changes a new version brings."""
    doc = json.loads(GUIDELINES_TEXT)
    doc["version"] = "2026-01-01-test"
    doc.pop("earlier_sha256")
    mitigating = doc["factor_kinds"][1]["factors"]
    mitigating[1]["label"] = "Lengthy residence in the United States"  # M2 reworded
    mitigating.append({"id": "M11", "label": "Caregiver of a person with a disability", "help": "New in 2026."})
    doc["factor_kinds"][0]["factors"] = [f for f in doc["factor_kinds"][0]["factors"] if f["id"] != "A3"]
    border = doc["categories"][2]
    border["prongs"][1]["cutoff"].update(comparison="on_or_after", review_on_the_day=False)
    ps = doc["categories"][1]
    ps["condition"] = "Poses a current and serious threat to public safety."
    ps["questions"][1]["options"][2]["label"] = "Cannot be determined"
    ps["questions"].append({"id": "recent_conduct", "kind": "text", "label": "Recent conduct", "required": "always"})
    doc["never_factors"][0]["terms"]["en"].append("skin tone")
    doc["determinations"][3]["label"] = "Refer to another agency"
    doc["wording"]["memo.categories"] = "Enforcement priorities"
    return json.dumps(doc)


def test_a_new_version_lists_categories_conditions_factors_and_cutoffs():
    new = parse_policy(amended(), "amended.json")
    assert [str(c) for c in diff(GUIDELINES, new)] == [
        "category public_safety reworded: condition “Poses a current threat to public safety, typically because of "
        "serious criminal conduct. Decided by weighing the aggravating against the mitigating factors; the "
        "overriding question is whether the person is a current threat.” → “Poses a current and serious threat to "
        "public safety.”",
        "cutoff border_security/b changed: last entry after 2020-11-01, the day itself reviewed → last entry on or "
        "after 2020-11-01",
        "option current_threat/unknown reworded: “Unknown” → “Cannot be determined”",
        "question recent_conduct added: “Recent conduct”",
        "factor A3 removed: “Sophistication of the criminal offense”",
        "factor M2 reworded: “Lengthy presence in the United States” → “Lengthy residence in the United States”",
        "factor M11 added: “Caregiver of a person with a disability”",
        "never-factor race changed: its words or look-alikes",
        "determination refer reworded: “Refer” → “Refer to another agency”",
        "wording memo.categories reworded: “Priority categories” → “Enforcement priorities”",
    ]


def test_the_same_policy_has_no_differences():
    assert diff(GUIDELINES, GUIDELINES) == []


def test_the_interim_guidance_against_the_guidelines():
    changes = [str(c) for c in diff(INTERIM, GUIDELINES)]
    assert ("cutoff border_security changed: encounter date on or after 2020-11-01; last entry on or after "
            "2020-11-01 → last entry after 2020-11-01, the day itself reviewed") in changes
    assert "category public_safety changed: weighs factors: no → yes" in changes
    assert "question public_safety_conditions removed: “Conditions met”" in changes
    assert "section outside_priorities removed: “Action outside the presumed priorities”" in changes
    assert "factor M5 added: “Impact of removal on family in the United States”" in changes
    assert "category border_security reworded: “Border security” → “Threat to border security”" in changes


def test_what_keeps_its_meaning():
    new = parse_policy(amended(), "amended.json")
    assert same_category(GUIDELINES.category("national_security"), new.category("national_security"))
    assert not same_category(GUIDELINES.category("border_security"), new.category("border_security"))
    assert not same_category(GUIDELINES.category("public_safety"), new.category("public_safety"))
    assert same_factor(GUIDELINES.factor("M1"), new.factor("M1"))
    assert not same_factor(GUIDELINES.factor("M2"), new.factor("M2"))
    assert not same_factor(None, new.factor("M11"))
    assert same_question(GUIDELINES.question("weighing"), new.question("weighing"))
    assert not same_question(GUIDELINES.question("current_threat"), new.question("current_threat"))
