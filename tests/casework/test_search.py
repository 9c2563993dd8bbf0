"""casework.search without a database: folding, keys, candidate stages and ranking with reasons."""

import json
from pathlib import Path

import pytest

from casework.dates import PartialDate
from casework.model import CaseFile, CaseStatus, Encounter, ImmigrationHistory, Offense, Subject
from casework.search import (
    COLUMNS,
    fold,
    index_text,
    keys_from_json,
    latin,
    parse_query,
    rank,
    score_case,
    sound,
    words,
)

TESTDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata"

ISSUE_PAIRS = [  # query, stored name, how it matched (accents never count: "Nguyen" is "Nguyễn" as typed)
    ("Ivanova", "Иванова", "transliterated"),
    ("Nguyen", "Nguyễn", "exact"),
    ("Mohammed", "Muhammad", "sounds_like"),
    ("Mohammed", "محمد", "sounds_like"),
    ("Katharina", "Catarina", "sounds_like"),
]


def variants() -> list[tuple[str, str, str]]:
    rows = []
    for line in (TESTDATA / "name-variants.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, stored, note = line.split("\t")
            rows.append((query, stored, note))
    assert len(rows) >= 15
    return rows


def case(family: str = "", given: str = "", **kw: object) -> CaseFile:
    subject = Subject(family_name=family, given_names=given, aliases=kw.pop("aliases", ()),  # type: ignore[arg-type]
                      a_number=kw.pop("a_number", ""), date_of_birth=kw.pop("dob", PartialDate()))  # type: ignore[arg-type]
    return CaseFile(id=str(kw.pop("id", "c1")), case_number=str(kw.pop("number", "CF-2026-DO1138-0042")),
                    subject=subject, **kw)  # type: ignore[arg-type]


def indexed(c: CaseFile) -> tuple[dict[str, list[str]], list]:
    doc = json.loads(index_text(c))
    return {col: doc[col].split() for col in COLUMNS}, keys_from_json(json.dumps(doc["keys"]))


def found_by_index(query: str, c: CaseFile) -> bool:
    """What the store's FTS stages select, done on the index columns: every word is a key (the last: the start
    of one), or (for words of 4+ letters) has the sound of one; or the words run together start a key."""
    columns, _ = indexed(c)
    keys = [t for col in COLUMNS if col != "sound" for t in columns[col]]
    q = parse_query(query)

    def word_found(w) -> bool:
        if (w is q.words[-1] and any(k.startswith(w.latin) for k in keys)) or w.latin in keys:
            return True
        if len(w.latin) >= 4 and len(w.sound) >= 2:
            return any(s.startswith(w.sound) if len(w.sound) >= 3 else s == w.sound for s in columns["sound"])
        return False

    return all(word_found(w) for w in q.words) or bool(q.joined and any(k.startswith(q.joined) for k in keys))


def match(query: str, c: CaseFile):
    _, keys = indexed(c)
    return score_case(parse_query(query), keys)


def test_folding_keeps_every_script_and_drops_accents_and_punctuation():
    assert fold("José María Núñez") == "jose maria nunez"
    assert fold("Образцова") == "образцова"
    assert words("O’Brien Ødegård-Łukasiewicz") == ["OBrien", "Ødegård", "Łukasiewicz"]
    assert words("‮evil‬") == ["evil"]
    assert latin("Иванова") == "ivanova" and latin("Nguyễn") == "nguyen" and latin("محمد") == "mhmd"


def test_sound_keys_merge_the_spellings_of_one_name():
    assert {sound(latin(n)) for n in ["Muhammad", "Mohammed", "Mohamed", "محمد"]} == {"mhmd"}
    assert sound("katharina") == sound("catarina") == "ktrn"
    assert sound("cohen") == sound(latin("כהן"))
    assert sound("a1234") == ""


@pytest.mark.parametrize(("query", "stored", "how"), ISSUE_PAIRS)
def test_the_issue_pairs_are_found_and_explained(query, stored, how):
    c = case(stored, "Ali")
    assert found_by_index(query, c)
    m = match(query, c)
    assert m is not None
    (why,) = m.why
    assert why.field == "name" and why.shown == stored and why.typed == query
    assert why.how == how


@pytest.mark.parametrize(("query", "stored", "note"), variants())
def test_every_name_variant_row_is_found(query, stored, note):
    c = case(stored)
    assert found_by_index(query, c), note
    assert match(query, c) is not None, note


def test_ranking_exact_then_prefix_then_transliterated_then_sound():
    cases = {
        "exact": case("Ivanova", id="exact"),
        "prefix": case("Ivanovanska", id="prefix"),
        "translit": case("Иванова", id="translit"),
        "sound": case("Ivanava", id="sound"),
        "other": case("Petrova", id="other"),
    }
    q = parse_query("ivanova")
    ranked = rank(q, [(k, indexed(c)[1]) for k, c in reversed(list(cases.items()))])
    assert [m.case_id for m in ranked] == ["exact", "prefix", "translit", "sound"]
    assert [m.why[0].how for m in ranked] == ["exact", "prefix", "transliterated", "sounds_like"]


def test_unrelated_names_do_not_match():
    assert match("Mohammed", case("Martinez")) is None
    assert match("Katharina", case("Kowalski")) is None
    assert match("Ivanova Smith", case("Иванова", "Мария")) is None  # every word must match


def test_numbers_dates_places_charges_and_status():
    c = case("Núñez", "José", a_number="A123456789", dob=PartialDate("1985-03-07"),
             encounter=Encounter(place="El Paso, TX"), history=ImmigrationHistory(place_of_entry="Nogales"),
             offenses=(Offense(charge="Illegal reentry", statute="8 U.S.C. 1326"),), status=CaseStatus.SUBMITTED)
    expected = {
        "CF-2026-DO1138-0042": "case_number", "cf-2026": "case_number", "0042": "case_number",
        "do1138": "case_number", "A123456789": "a_number", "a-123": "a_number", "123456789": "a_number",
        "1985-03-07": "born", "03/07/1985": "born", "3/7/1985": "born", "07.03.1985": "born",
        "el paso": "place", "nogales": "place", "reentry": "charge", "1326": "charge", "submitted": "status",
    }
    for query, field in expected.items():
        assert found_by_index(query, c), query
        m = match(query, c)
        assert m is not None, query
        assert m.why[0].field == field, query
    assert match("1990-01-01", c) is None


def test_hostile_text_is_indexed_and_searched_without_error():
    data = json.loads((TESTDATA / "hostile-text.json").read_text(encoding="utf-8"))
    texts = [n["text"] for n in data["names"]]
    texts.append(data["long"]["repeat"] * (data["long"]["lengths"][-2] // len(data["long"]["repeat"])))
    for text in texts:
        c = case(text, text, aliases=(text,))
        json.loads(index_text(c))
        for query in (text, text[:3], text[::-1][:50]):
            q = parse_query(query)
            rank(q, [("c1", indexed(c)[1])])
    assert match("Nguyen", case("Nguyễn Thị Minh Khai")) is not None
    assert parse_query("‮‬ ").empty and parse_query("🙂").empty
