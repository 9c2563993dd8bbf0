"""Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make free text read as other words on
screen and in the printed memo ("\u202eevil\u202c" shows as "live"). A review comment already refuses them
(casework.workflow.review_refusal); every free-text field a person types into the case record — notes, the
assessment's free text, a charge, a caption — refuses them too, naming the field and the characters. Arabic,
Hebrew, emoji, every script, direction marks and line breaks stay valid; a field that held them before the rule,
unchanged, is carried (only a change to it must drop them)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from casework.assessment import (
    Acknowledgement,
    Answer,
    Assessment,
    CategoryFinding,
    FactorFinding,
    OtherFactor,
    WorkflowEvent,
)
from casework.model import Attachment, CaseFile, Encounter, FamilyTie, IdentityDocument, Offense, Subject
from casework.validation import BIDI_CONTROLS, bidi_controls, free_text_fields, validate_case

HOSTILE = json.loads((Path(__file__).parents[3] / "shared/testdata/hostile-text.json").read_text("utf-8"))
DISGUISED = "\u202eevil\u202c"
WHY = ("holds invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING) that "
       "make it read as other words; type it without them")


def _everywhere(text: str) -> CaseFile:
    """A case with `text` in every free-text field a person types (and nowhere else)."""
    a = Assessment("p", "1", "0" * 64, records_note=text,
                   categories=(CategoryFinding("cat", basis=text, evidence=text),),
                   factors=(FactorFinding("f1", evidence=text, source=text),),
                   other_factors=(OtherFactor("aggravating", text, text, text, id="o1"),),
                   determination_detail=text, rationale=text, answers=(Answer("weighing", text),),
                   acknowledgements=(Acknowledgement("never-factor:x:y", text),))
    return CaseFile(
        id="x", case_number="CF-1",
        subject=Subject(documents=(IdentityDocument(kind=text, id="d1"),)),
        encounter=Encounter(attention_detail=text),
        offenses=(Offense(charge=text, statute=text, jurisdiction=text, sentence=text, id="of1"),),
        family=(FamilyTie(relationship=text, status_in_us=text, notes=text, id="t1"),),
        other_ties=text, notes=text,
        attachments=(Attachment("a" * 64, "scan.png", "image/png", 1, caption=text, id="a1"),),
        assessment=a)


FIELDS = [path for path, _key, _text in free_text_fields(_everywhere("x"))]


def test_every_free_text_field_refuses_bidi_controls_naming_the_field_and_the_characters():
    errors = validate_case(_everywhere(DISGUISED))
    assert [(e.field, str(e.message)) for e in errors] == [(path, WHY) for path in FIELDS]
    assert {"notes", "other_ties", "assessment.rationale", "assessment.weighing", "offenses[0].charge",
            "assessment.categories.cat.basis", "assessment.factors.f1.evidence",
            "assessment.other_factors[0].description", "assessment.acknowledgements[0].note",
            "attachments[0].caption", "assessment.determination_detail"} <= set(FIELDS)


@pytest.mark.parametrize("code", sorted(BIDI_CONTROLS))
def test_each_embedding_override_and_isolate_is_refused_in_notes(code):
    errors = validate_case(CaseFile(id="x", case_number="CF-1", notes=f"see {chr(code)}the file"))
    assert [e.field for e in errors] == ["notes"]
    assert f"U+{code:04X} " in errors[0].message


def test_the_hostile_text_only_the_bidi_controls_are_refused_in_free_text():
    texts = [n["text"] for n in HOSTILE["names"] if "\x00" not in n["text"]]
    refused = [t for t in texts if validate_case(_everywhere(t))]
    assert refused == [t for t in texts if bidi_controls(t)] == [DISGUISED]
    for text in ("محمد عبد الله", "דוד כהן", "Ali محمد 1987", "🙂 田中 太郎", "مهر\u200cناز", "a\u200fb\u200e\nc\td"):
        assert validate_case(_everywhere(text)) == []


def test_a_field_that_held_them_before_the_rule_is_carried_until_it_is_changed():
    old = _everywhere(DISGUISED)
    edited = replace(old, other_ties="changed elsewhere", offenses=(Offense(charge="Theft", id="new"), *old.offenses))
    assert validate_case(edited, old) == []  # the old offense moved down a row: known by its id
    assert len(validate_case(edited)) == len(FIELDS) - 1  # without the stored case, each one left is refused
    changed = replace(old, notes=DISGUISED + " and more")
    assert [(e.field, str(e.message)) for e in validate_case(changed, old)] == [("notes", WHY)]
    assert validate_case(replace(old, notes="fixed"), old) == []


def test_the_workflow_history_is_not_a_typed_field():
    event = WorkflowEvent(at=__import__("datetime").datetime(2026, 1, 1), actor="SR-7", event="returned",
                          comment=DISGUISED)
    case = CaseFile(id="x", case_number="CF-1", assessment=Assessment("p", "1", "0" * 64, history=(event,)))
    assert validate_case(case) == []
