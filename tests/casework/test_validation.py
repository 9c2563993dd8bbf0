from dataclasses import replace

import pytest

from casework.dates import PartialDate
from casework.model import CaseFile, Offense, Subject
from casework.validation import MAX_TEXT, check_a_number, check_officer_id, normalize_a_number, validate_case


@pytest.mark.parametrize("a", ["A12345678", "A123456789", "a-123-456-789", "A 123 456 789"])
def test_a_number_accepts_8_or_9_digits_in_common_spellings(a):
    assert check_a_number(a) is None


@pytest.mark.parametrize("a", ["A1234567", "A1234567890", "123456789", "B123456789", "A12345678X"])
def test_a_number_rejects_others(a):
    assert "A followed by 8 or 9 digits" in check_a_number(a)


def test_normalize_a_number():
    assert normalize_a_number("a-123 456-789") == "A123456789"


def test_errors_name_their_field():
    case = CaseFile(
        id="x", case_number="CF-1",
        subject=Subject(a_number="A12", date_of_birth=PartialDate("1990-02-30")),
        offenses=(Offense(arrest_date=PartialDate("2020-05-01"), conviction_date=PartialDate("2019")),),
    )
    fields = {e.field for e in validate_case(case)}
    assert fields == {"subject.a_number", "subject.date_of_birth", "offenses[0].conviction_date"}


def test_hostile_but_legitimate_text_is_valid():
    names = ["<img src=x onerror=alert(1)>", "مثال", "דוגמה", "Zoë 🙂 Ñandú", "Образцова", "x" * 5000]
    case = CaseFile(id="x", case_number="CF-1", subject=Subject(family_name=names[0], given_names=" ".join(names)))
    assert validate_case(case) == []


def test_overlong_text_is_refused():
    case = replace(CaseFile(id="x", case_number="CF-1"), notes="n" * (MAX_TEXT + 1))
    assert [e.field for e in validate_case(case)] == ["notes"]


@pytest.mark.parametrize("officer_id, named", [
    ("DO-\u202e8311", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2067DO-1138\u2069", "U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE"),
    ("DO\u200b-1138", "U+200B ZERO WIDTH SPACE"),
    ("DO-\u200f1138", "U+200F RIGHT-TO-LEFT MARK"),
    ("DO-11\x0038", "U+0000"),
    ("DO-11\n38", "U+000A"),
    ("DO-1138\u2028", "U+2028 LINE SEPARATOR"),
])
def test_an_officer_id_with_invisible_controls_is_refused_naming_them(officer_id, named):
    problem = check_officer_id(officer_id)
    assert problem == (f"the officer ID holds invisible control characters ({named}), which can make it read as "
                       "another ID; type it with visible characters only")


@pytest.mark.parametrize("officer_id", ["DO-1138", "ДО-1138", "ض-١١٣٨", "Núñez 7", "X"])
def test_a_visible_officer_id_is_fine(officer_id):
    assert check_officer_id(officer_id) is None


def test_the_hostile_names_as_officer_ids_only_the_controls_are_refused():
    import json
    from pathlib import Path

    hostile = json.loads((Path(__file__).parents[3] / "shared/testdata/hostile-text.json").read_text("utf-8"))
    refused = [n["text"] for n in hostile["names"] if check_officer_id(n["text"]) is not None]
    assert refused == ["\u202eevil\u202c"]
    assert check_officer_id("\x00") is not None


IDENTITY = [
    (lambda t: Subject(family_name=t), "subject.family_name"),
    (lambda t: Subject(given_names=t), "subject.given_names"),
    (lambda t: Subject(aliases=("Ann", t)), "subject.aliases[1]"),
    (lambda t: Subject(country_of_citizenship=t), "subject.country_of_citizenship"),
]


@pytest.mark.parametrize("make, field", IDENTITY)
def test_a_right_to_left_override_in_an_identity_field_is_refused_naming_the_field(make, field):
    errors = validate_case(CaseFile(id="x", case_number="CF-1", subject=make("\u202eevil\u202c")))
    assert [(e.field, e.message) for e in errors] == [(field, (
        "holds invisible characters that can make it read as other text (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP "
        "DIRECTIONAL FORMATTING); type it with visible characters only"))]


@pytest.mark.parametrize("text", ["\u202aA\u202c", "\u202bA\u202c", "\u202dA\u202c", "\u2066A\u2069", "\u2067A\u2069",
                                  "\u2068A\u2069", "Ev\u200bil", "Ev\u2060il", "\ufeffEvil", "Ev\u00adil", "Ev\u200eil",
                                  "Ev\u200fil", "\u061cEvil", "Ev\u200dil", "Ev\u200cil", "Evil\U000e0041",
                                  "Ev\u3164il", "Ev\nil", "Ev\uE000il"])
def test_every_invisible_format_control_is_refused_in_a_name(text):
    errors = validate_case(CaseFile(id="x", case_number="CF-1", subject=Subject(family_name=text)))
    assert [e.field for e in errors] == ["subject.family_name"]


def test_case_number_a_number_places_and_relatives_are_identity_fields():
    from casework.model import Encounter, FamilyTie, IdentityDocument, ImmigrationHistory

    bad = "\u202eevil\u202c"
    case = CaseFile(id="x", case_number=f"CF-{bad}",
                    subject=Subject(a_number=f"A12345678{bad}", documents=(IdentityDocument(number=bad,
                                                                                            issuing_country=bad),)),
                    encounter=Encounter(place=bad), history=ImmigrationHistory(place_of_entry=bad,
                                                                                apprehension_place=bad),
                    family=(FamilyTie(name=bad),))
    errors = validate_case(case)
    assert [e.field for e in errors] == [
        "case_number", "subject.a_number", "subject.documents[0].number", "subject.documents[0].issuing_country",
        "encounter.place", "history.place_of_entry", "history.apprehension_place", "family[0].name"]
    assert all("U+202E RIGHT-TO-LEFT OVERRIDE" in e.message for e in errors)


def test_right_to_left_names_and_their_joiners_stay_valid():
    import json
    from pathlib import Path

    hostile = json.loads((Path(__file__).parents[3] / "shared/testdata/hostile-text.json").read_text("utf-8"))
    names = [n["text"] for n in hostile["names"]]
    refused = [t for t in names
               if validate_case(CaseFile(id="x", case_number="CF-1", subject=Subject(family_name=t)))]
    assert refused == ["\u202eevil\u202c"]  # the one disguised entry; Arabic, Hebrew and mixed text are kept
    persian = "نیک\u200cنام"  # a zero-width non-joiner is how Persian writes this name
    devanagari = "क्\u200dष"
    for text in ("محمد عبد الله", "דוד כהן", "Ali محمد 1987", persian, devanagari):
        assert validate_case(CaseFile(id="x", case_number="CF-1", subject=Subject(family_name=text))) == []


def test_free_text_may_still_hold_direction_marks():
    case = CaseFile(id="x", case_number="CF-1", notes="quoted: \u200fמשפט\u200e and a line\nbreak, a\u200djoiner")
    assert validate_case(case) == []
