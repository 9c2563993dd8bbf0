"""Policy translations kept beside the policy files: every text translated, stale entries shown in English and
reported, bad files reported (never a crash), and the rules the same in every language."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib import resources

import pytest

from casework.checks import review_items
from casework.policy import Policy, PolicyLibrary
from casework.policy_translation import (
    PolicyTranslationError,
    overlay,
    read_translation,
    source_texts,
    text_hash,
    translated,
)
from tests.casework import test_checks, test_checks_interim
from tests.casework.assessing import GUIDELINES, INTERIM, set_category, with_facts

BUNDLED = PolicyLibrary.bundled()
SHIPPED = {"dhs-civil-enforcement-guidelines": "dhs-civil-enforcement-2021-09-30.es.json",
           "ice-interim-enforcement-priorities": "ice-interim-2021-02-18.es.json"}


def shipped_doc(policy: Policy) -> dict:
    return json.loads(resources.files("resources.policies").joinpath(SHIPPED[policy.id]).read_text("utf-8"))


def test_translation_files_are_not_taken_for_policies():
    assert sorted(p.id for p in BUNDLED.all()) == sorted(SHIPPED)


@pytest.mark.parametrize("policy", BUNDLED.all(), ids=lambda p: p.id)
def test_every_text_of_each_shipped_policy_has_a_current_spanish_translation(policy):
    shown = overlay(policy, "es")
    assert shown.problems == ()
    assert (shown.missing, shown.stale, shown.unknown) == ((), (), ())
    english = source_texts(policy)
    spanish = source_texts(shown.policy)
    assert english.keys() == spanish.keys()
    same = [p for p in english if english[p] == spanish[p] and english[p] not in ("Refer",)]
    assert same == []  # nothing left in English
    for path, text in spanish.items():  # placeholders survive translation
        assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", english[path]), path


@pytest.mark.parametrize("policy", BUNDLED.all(), ids=lambda p: p.id)
def test_only_text_changes_ids_rules_and_the_hash_do_not(policy):
    es = translated(policy, "es")
    assert (es.id, es.version, es.sha256, es.earlier_sha256) == (policy.id, policy.version, policy.sha256,
                                                                  policy.earlier_sha256)
    assert es.accepts(policy.sha256)
    assert [c.id for c in es.categories] == [c.id for c in policy.categories]
    assert [(p.id, p.tests, p.cutoff.day if p.cutoff else None, p.cutoff.comparison if p.cutoff else None)
            for c in es.categories for p in c.prongs] == \
           [(p.id, p.tests, p.cutoff.day if p.cutoff else None, p.cutoff.comparison if p.cutoff else None)
            for c in policy.categories for p in c.prongs]
    assert [(q.id, q.kind, q.required, [(o.id, o.contradicts) for o in q.options]) for q in es.questions()] == \
           [(q.id, q.kind, q.required, [(o.id, o.contradicts) for o in q.options]) for q in policy.questions()]
    assert [(f.id, f.kind, f.conflicts_with_dispositions) for f in es.factors] == \
           [(f.id, f.kind, f.conflicts_with_dispositions) for f in policy.factors]
    assert [n.terms for n in es.never_factor_rules] == [n.terms for n in policy.never_factor_rules]
    assert [(d.id, d.action) for d in es.determinations] == [(d.id, d.action) for d in policy.determinations]
    assert es.requires_supervisor_concurrence == policy.requires_supervisor_concurrence


def test_the_spanish_labels_are_the_translation():
    es = translated(GUIDELINES, "es")
    assert es.category("public_safety").label == "Amenaza para la seguridad pública"
    assert es.category("border_security").label == "Amenaza para la seguridad fronteriza"
    assert es.category("national_security").label == "Amenaza para la seguridad nacional"
    assert es.factor_kind("aggravating").memo_title == "Factores agravantes"
    assert es.factor_kind("mitigating").memo_title == "Factores atenuantes"
    assert es.word("memo.attestation").endswith("raza, religión, género, orientación sexual o identidad de género, "
                                                "origen nacional, afiliaciones políticas, el ejercicio de los derechos "
                                                "de la Primera Enmienda (expresión, religión, reunión, prensa, "
                                                "petición).")
    assert es.question("current_threat").option("unknown").memo.startswith("Desconocido:")
    assert translated(GUIDELINES, "en") is GUIDELINES
    assert translated(GUIDELINES, "fr") is GUIDELINES  # no French file: English


def _with(doc: dict, **changes) -> bytes:
    return json.dumps({**doc, **changes}, ensure_ascii=False).encode()


def test_a_stale_entry_falls_back_to_english_and_is_reported():
    """The English of one label changes after it was translated: the old Spanish is not shown."""
    doc = shipped_doc(GUIDELINES)
    changed = replace(GUIDELINES, categories=tuple(
        replace(c, label="Threat to the safety of the public") if c.id == "public_safety" else c
        for c in GUIDELINES.categories))
    shown = overlay(changed, "es", read_translation(_with(doc), "dhs.es.json"))
    assert shown.stale == ("categories.public_safety.label",)
    assert shown.policy.category("public_safety").label == "Threat to the safety of the public"
    assert shown.policy.category("border_security").label == "Amenaza para la seguridad fronteriza"  # the rest
    assert shown.problems == ("dhs.es.json: 1 text(s) translate an earlier English wording and are shown in English: "
                              "categories.public_safety.label",)


def test_missing_and_unknown_entries_are_reported():
    doc = shipped_doc(INTERIM)
    entries = dict(doc["entries"])
    del entries["factors.M1.label" if "factors.M1.label" in entries else "questions.justification.help"]
    entries["categories.no_such.label"] = {"en_hash": text_hash("x"), "text": "x"}
    shown = overlay(INTERIM, "es", read_translation(_with(doc, entries=entries), "ice.es.json"))
    assert shown.missing == ("questions.justification.help",)
    assert shown.unknown == ("categories.no_such.label",)
    assert shown.policy.question("justification").help == INTERIM.question("justification").help
    assert len(shown.problems) == 2


@pytest.mark.parametrize(("damage", "words"), [
    (lambda d: b"{not json", "not valid JSON"),
    (lambda d: b"\xff\xfe", "not valid JSON"),
    (lambda d: _with(d, format="casefile.policy"), 'format: must be "casefile.policy-translation"'),
    (lambda d: _with(d, format_version=7), "format_version: 7 is not supported"),
    (lambda d: _with(d, extra=1), "extra: is not a known key"),
    (lambda d: _with(d, language=""), "language: must be non-empty text"),
    (lambda d: _with(d, entries=[]), "entries: must be an object of paths"),
    (lambda d: _with(d, entries={"title": {"text": "x"}}), 'entries.title: must be {"en_hash", "text"}'),
    (lambda d: _with(d, entries={"title": {"en_hash": "XYZ", "text": "x"}}), "entries.title.en_hash: must be 16"),
    (lambda d: _with(d, entries={"title": {"en_hash": "0" * 16, "text": " "}}), "entries.title.text: must be "
                                                                                  "non-empty text"),
])
def test_a_bad_translation_file_is_refused_by_name(damage, words):
    with pytest.raises(PolicyTranslationError, match=re.escape(f"bad.es.json: {words}")):
        read_translation(damage(shipped_doc(GUIDELINES)), "bad.es.json")


def test_a_bad_shipped_file_leaves_the_policy_in_english_with_a_message(monkeypatch):
    import casework.policy_translation as pt

    monkeypatch.setattr(pt, "_shipped", lambda _lang: iter([("dhs.es.json", b"{broken")]))
    pt.find_translation.cache_clear()
    try:
        shown = overlay(GUIDELINES, "es")
    finally:
        pt.find_translation.cache_clear()
    assert shown.policy is GUIDELINES
    assert shown.problems == ("The Spanish translation cannot be used (dhs.es.json: not valid JSON (Expecting "
                              "property name enclosed in double quotes: line 1 column 2 (char 1))): the policy is "
                              "shown in English.",)


def test_a_translation_of_another_version_is_not_used():
    doc = shipped_doc(GUIDELINES)
    shown = overlay(GUIDELINES, "es", read_translation(_with(doc, policy_version="2099-01-01"), "x.es.json"))
    assert shown.policy is GUIDELINES
    assert "x.es.json translates dhs-civil-enforcement-guidelines version 2099-01-01" in shown.problems[0]


# ----- the rules give the same results in both languages --------------------------------------------------------


def _outcome(case, policy):
    return sorted((i.field, i.kind.value, i.key, i.needs_acknowledgement, i.blocks_submission)
                  for i in review_items(case, policy))


@pytest.mark.parametrize(("entry", "site", "manner", "answer_", "basis", "_expected"), test_checks.BORDER_TABLE)
def test_the_guidelines_border_table_is_the_same_in_spanish(entry, site, manner, answer_, basis, _expected):
    case = set_category(with_facts(test_checks.complete_case(), entry, site, manner), "border_security", answer_,
                        basis)
    assert _outcome(case, translated(GUIDELINES, "es")) == _outcome(case, GUIDELINES)


@pytest.mark.parametrize(("entry", "site", "encounter", "answer_", "basis", "_expected"),
                         test_checks_interim.BORDER_TABLE)
def test_the_interim_border_table_is_the_same_in_spanish(entry, site, encounter, answer_, basis, _expected):
    from casework.model import MannerOfEntry

    case = set_category(with_facts(test_checks_interim.complete_interim_case(), entry, site, MannerOfEntry.UNKNOWN,
                                   encounter), "border_security", answer_, basis)
    assert _outcome(case, translated(INTERIM, "es")) == _outcome(case, INTERIM)


@pytest.mark.parametrize("rationale", [
    "His lengthy presence in the United States weighs in his favour.",  # the English label
    "Twenty years in the United States since 2004.",  # an alias
    "Per M2, declined.", "He has lived here for many years.",
])
def test_a_rationale_is_judged_the_same_in_both_languages(rationale):
    """The English label stays an alias of the translated factor. (The app checks under the English policy
    whatever the language shown — widgets.assessment_panel — so a Spanish label never addresses a factor.)"""
    from casework.assessment import FactorAnswer
    from tests.casework.assessing import set_factor, with_assessment

    case = set_factor(test_checks.complete_case(), "M2", FactorAnswer.PRESENT, "Evidence on file")
    case = with_assessment(case, weighing="Weighed.", rationale=rationale)
    assert _outcome(case, translated(GUIDELINES, "es")) == _outcome(case, GUIDELINES)
