"""Policy files: the shipped ones load with their structure as data; a bad one is refused naming the file, the
key and the problem."""

from __future__ import annotations

import json
from datetime import date

import pytest

from casework.policy import PolicyError, PolicyLibrary, parse_policy
from tests.casework.assessing import FIXTURES, GUIDELINES, GUIDELINES_TEXT, INTERIM, SECOND, THIRD

OLD_FORMAT_SHA = "59e02bc6d9c825ff95841288150976c039b69266489e6776f99ce8871d3a596c"


def test_bundled_policy_carries_the_guidelines():
    p = PolicyLibrary.bundled().latest()
    assert p is GUIDELINES or p.key == GUIDELINES.key
    assert p.title == "Guidelines for the Enforcement of Civil Immigration Law"
    assert [c.id for c in p.categories] == ["national_security", "public_safety", "border_security"]
    assert [k.id for k in p.factor_kinds] == ["aggravating", "mitigating"]
    assert [f.id for f in p.factors_of("aggravating")] == ["A1", "A2", "A3", "A4", "A5"]
    assert len(p.factors_of("mitigating")) == 10
    border = p.category("border_security")
    assert border.cutoff.day == date(2020, 11, 1) and border.cutoff.comparison == "after"
    assert border.cutoff.fact == "history.last_entry" and border.cutoff.review_on_the_day
    assert [q.id for q in p.category("public_safety").questions] == ["weighing", "current_threat"]
    assert p.requires_supervisor_concurrence
    assert "national origin" in p.never_factors
    assert {"en", "es"} <= set(p.never_factor_rules[0].terms)


def test_bundled_interim_guidance_has_another_shape():
    p = INTERIM
    assert p.title == "Interim Guidance: Civil Immigration Enforcement and Removal Priorities"
    assert p.factors == () and p.factor_kinds == ()
    assert not any(c.weighs_factors for c in p.categories)
    border = p.category("border_security")
    assert [(pr.id, pr.cutoff.fact, pr.cutoff.comparison) for pr in border.prongs] == [
        ("at_border", "encounter.occurred_at", "on_or_after"), ("not_present", "history.last_entry", "on_or_after")]
    conditions = p.question("public_safety_conditions")
    assert conditions.kind == "multi" and [o.id for o in conditions.options] == [
        "aggravated_felony", "gang_offense", "gang_participation"]
    (section,) = p.sections
    assert section.asked_when == ("no_category_applies", "action")
    assert [q.id for q in section.questions] == ["justification", "approver_name", "approver_title", "approval_date"]
    assert any("unverified" in n.lower() for n in p.notes) and any("standing rule" in n for n in p.notes)
    assert p.word("finding.applies") == "Met (presumed priority)"


def test_both_shipped_policies_are_in_the_library_oldest_first():
    assert [p.key for p in PolicyLibrary.bundled().all()] == [INTERIM.key, GUIDELINES.key]


@pytest.mark.parametrize(("day", "status"), [
    (date(2021, 11, 28), "not yet in force"), (date(2021, 11, 29), "in force"), (date(2022, 6, 23), "in force"),
    (date(2022, 6, 24), "not in force on 2022-06-24: vacated"), (date(2023, 7, 30), "in force"),
    (date(2025, 1, 20), "not in force on 2025-01-20: ended by the executive orders"),
])
def test_in_force_windows(day, status):
    assert GUIDELINES.status_on(day).startswith(status)


def test_hash_is_over_canonical_content_not_formatting():
    a = parse_policy(GUIDELINES_TEXT, "a.json")
    b = parse_policy(json.dumps(json.loads(GUIDELINES_TEXT), indent=7), "b.json")
    assert a.sha256 == b.sha256


def test_the_re_encoded_file_still_accepts_assessments_made_under_its_format_1_text():
    assert GUIDELINES.sha256 != OLD_FORMAT_SHA
    assert GUIDELINES.accepts(OLD_FORMAT_SHA) and GUIDELINES.accepts(GUIDELINES.sha256)
    assert not GUIDELINES.accepts(SECOND.sha256)


def mutate(change) -> str:
    doc = json.loads(GUIDELINES_TEXT)
    change(doc)
    return json.dumps(doc)


def cat(doc, i):
    return doc["categories"][i]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("categories"), "bad.json: categories: is missing"),
        (lambda d: d["factor_kinds"][0]["factors"][2].pop("label"),
         "bad.json: factor_kinds[0].factors[2].label: is missing"),
        (lambda d: d["factor_kinds"][1]["factors"][0].update(id="A1"),
         "bad.json: factor_kinds[1].factors[0].id: 'A1' appears twice (also under aggravating)"),
        (lambda d: d["in_force"][0].update({"from": "2021-13-01"}), "bad.json: in_force[0].from: '2021-13-01' is not"),
        (lambda d: cat(d, 2)["prongs"][1]["cutoff"].update(comparison="before"),
         "bad.json: categories[2].prongs[1].cutoff.comparison: 'before' must be 'after' or 'on_or_after'"),
        (lambda d: cat(d, 2)["prongs"][1]["cutoff"].update(fact="history.apprehension_site"),
         "bad.json: categories[2].prongs[1].cutoff.fact: 'history.apprehension_site' is not a date of a case"),
        (lambda d: cat(d, 2)["prongs"][0]["facts"][0].update(fact="subject.religion"),
         "bad.json: categories[2].prongs[0].facts[0].fact: 'subject.religion' is not a coded fact of a case"),
        (lambda d: cat(d, 2)["prongs"][0]["facts"][0].update({"in": ["at_sea"]}),
         "bad.json: categories[2].prongs[0].facts[0].in[0]: 'at_sea' must be one of"),
        (lambda d: cat(d, 1)["questions"][0].update(requried="always"),
         "bad.json: categories[1].questions[0].requried: is not a known key"),
        (lambda d: cat(d, 1)["questions"][0].update(kind="essay"),
         "bad.json: categories[1].questions[0].kind: 'essay' must be one of text, line, choice, multi, date"),
        (lambda d: cat(d, 1)["questions"][1].update(options=[{"id": "yes", "label": "Yes"}]),
         "bad.json: categories[1].questions[1].options: must list at least two options"),
        (lambda d: cat(d, 1)["questions"][1]["options"][0].update(contradicts=["maybe"]),
         "bad.json: categories[1].questions[1].options[0].contradicts[0]: 'maybe' must be one of"),
        (lambda d: cat(d, 2)["questions"][0].update(id="weighing"),
         "bad.json: categories[2].questions[0].id: 'weighing' appears twice (also in categories[1])"),
        (lambda d: cat(d, 2)["questions"][0].update(id="rationale"),
         "bad.json: categories[2].questions[0].id: 'rationale' is the name of another assessment field"),
        (lambda d: cat(d, 2)["questions"][0].update(required="if_factors_present"),
         "bad.json: categories[2].questions[0].required: 'if_factors_present' is for a category that weighs"),
        (lambda d: cat(d, 1).update(weighs_factors=False),
         "bad.json: factor_kinds: no category weighs factors"),
        (lambda d: d["never_factors"][1]["terms"].update(es=["religi*n"]),
         "bad.json: never_factors[1].terms.es[0]: '*' may only end a term"),
        (lambda d: d["never_factors"].clear(), "bad.json: never_factors: must list at least one never-factor"),
        (lambda d: d["wording"].pop("memo.attestation"), "bad.json: wording.memo.attestation: is missing"),
        (lambda d: d["wording"].update({"memo.sub_title": "x"}), "bad.json: wording.memo.sub_title: is not a known"),
        (lambda d: d.update(earlier_sha256=["abc"]), "bad.json: earlier_sha256[0]: must be 64 lower-case hex"),
        (lambda d: d["attention_flags"].update(tip_neighbour="x"),
         "bad.json: attention_flags.tip_neighbour: is not a known key"),
        (lambda d: d["not_in_force"][1].pop("note"), "bad.json: not_in_force[1].note: is missing"),
        (lambda d: d.update(format_version=9), "bad.json: format_version: 9 is not supported"),
        (lambda d: d.update(requires_supervisor_concurrence="yes"),
         "bad.json: requires_supervisor_concurrence: must be true or false"),
        (lambda d: d.update(determinations=[]), "bad.json: determinations: must list at least one"),
        (lambda d: d.update(sections=[{"id": "s", "title": "S", "asked_when": ["sometimes"], "questions": []}]),
         "bad.json: sections[0].asked_when[0]: 'sometimes' must be one of always, no_category_applies, action"),
    ],
)
def test_bad_policy_files_name_file_key_and_problem(change, message):
    with pytest.raises(PolicyError) as info:
        parse_policy(mutate(change), "bad.json")
    assert str(info.value).startswith(message)


def test_a_format_1_file_is_refused_in_words():
    doc = json.loads(GUIDELINES_TEXT) | {"format_version": 1}
    with pytest.raises(PolicyError, match=r"^old.json: format_version: 1 is not supported \(this program reads 2\)"):
        parse_policy(json.dumps(doc), "old.json")


def test_not_json_at_all():
    with pytest.raises(PolicyError, match=r"^x.json: not valid JSON"):
        parse_policy("{", "x.json")


def test_a_library_keeps_every_version_and_finds_one_by_name():
    lib = PolicyLibrary([GUIDELINES, INTERIM, SECOND, THIRD])
    assert lib.latest().version == "2099-07-01"
    assert lib.get(GUIDELINES.id, "2021-09-30") is GUIDELINES
    assert lib.find("2021-02-18") is INTERIM
    assert lib.find("dhs-civil-enforcement-guidelines") is SECOND  # the newest version of that id
    assert lib.find("dhs-civil-enforcement-guidelines@2021-09-30") is GUIDELINES
    with pytest.raises(PolicyError, match="is not known"):
        lib.get(GUIDELINES.id, "1999")
    with pytest.raises(PolicyError, match=r"no policy '1999' \(known: "):
        lib.find("1999")


def test_the_fixture_policies_load_and_differ_in_shape():
    assert [k.id for k in THIRD.factor_kinds] == ["toward_action", "against_action", "context"]
    assert not THIRD.factor_kind("context").others_allowed
    assert set(THIRD.never_factor_rules[0].terms) == {"en", "fr"}
    assert not THIRD.requires_supervisor_concurrence
    assert sorted(p.name for p in FIXTURES.glob("*.json")) == ["test-policy-2099.json",
                                                               "test-policy-third-shape.json"]
