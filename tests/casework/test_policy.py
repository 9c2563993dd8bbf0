"""Policy files: the bundled one loads; a bad one is refused naming the file, the key and the problem."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from casework.policy import PolicyError, PolicyLibrary, parse_policy

BUNDLED = resources.files("resources.policies").joinpath("dhs-civil-enforcement-2021-09-30.json").read_text()
SECOND = Path(__file__).parents[1] / "fixtures" / "policies" / "test-policy-2099.json"


def test_bundled_policy_carries_the_guidelines():
    p = PolicyLibrary.bundled().latest()
    assert p.title == "Guidelines for the Enforcement of Civil Immigration Law"
    assert [c.id for c in p.categories] == ["national_security", "public_safety", "border_security"]
    assert [f.id for f in p.factors_of("aggravating")] == ["A1", "A2", "A3", "A4", "A5"]
    assert len(p.factors_of("mitigating")) == 10
    assert p.category("border_security").cutoff.day == date(2020, 11, 1)
    assert p.requires_supervisor_concurrence
    assert "national origin" in p.never_factors


@pytest.mark.parametrize(
    ("day", "status"),
    [(date(2021, 11, 28), "not yet in force"), (date(2021, 11, 29), "in force"), (date(2022, 6, 23), "in force"),
     (date(2022, 6, 24), "not in force"), (date(2023, 7, 30), "in force"), (date(2025, 1, 20), "not in force")],
)
def test_in_force_windows(day, status):
    assert PolicyLibrary.bundled().latest().status_on(day).startswith(status)


def test_hash_is_over_canonical_content_not_formatting():
    a = parse_policy(BUNDLED, "a.json")
    b = parse_policy(json.dumps(json.loads(BUNDLED), indent=7), "b.json")
    assert a.sha256 == b.sha256


def mutate(change) -> str:
    doc = json.loads(BUNDLED)
    change(doc)
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("categories"), "bad.json: categories: is missing"),
        (lambda d: d["factors"]["aggravating"][2].pop("label"), "bad.json: factors.aggravating[2].label: is missing"),
        (lambda d: d["factors"]["mitigating"][0].update(id="A1"), "bad.json: factors[5].id: 'A1' appears twice"),
        (lambda d: d["in_force"][0].update({"from": "2021-13-01"}), "bad.json: in_force[0].from: '2021-13-01' is not"),
        (lambda d: d["categories"][2]["cutoff"].update(comparison="before"),
         "bad.json: categories[2].cutoff.comparison: 'before' must be 'after' or 'on_or_after'"),
        (lambda d: d.update(format_version=9), "bad.json: format_version: 9 is not supported"),
        (lambda d: d.update(requires_supervisor_concurrence="yes"),
         "bad.json: requires_supervisor_concurrence: must be true or false"),
        (lambda d: d.update(determinations=[]), "bad.json: determinations: must list at least one"),
    ],
)
def test_bad_policy_files_name_file_key_and_problem(change, message):
    with pytest.raises(PolicyError) as info:
        parse_policy(mutate(change), "bad.json")
    assert str(info.value).startswith(message)


def test_not_json_at_all():
    with pytest.raises(PolicyError, match=r"^x.json: not valid JSON"):
        parse_policy("{", "x.json")


def test_a_library_keeps_every_version():
    first = PolicyLibrary.bundled().latest()
    lib = PolicyLibrary([first, parse_policy(SECOND.read_text(), SECOND.name)])
    assert lib.latest().version == "2099-01-01-test"
    assert lib.get(first.id, "2021-09-30") is first
    with pytest.raises(PolicyError, match="is not known"):
        lib.get(first.id, "1999")
