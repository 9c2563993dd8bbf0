"""The fast paths a pull of 10,000 cases runs through give exactly the answers of the general code they skip.

Each fast path (words and latin of ASCII text, NFC and UTF-8 checks asked once of all a case's strings, the
decoder made once per type) is compared with the general algorithm — written out again here — on the shared
hostile text, the name variants and every printable ASCII character."""

from __future__ import annotations

import json
import string
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from anyascii import anyascii

from casework import search
from casework.assessment import Assessment
from casework.dates import PartialDate
from casework.ids import with_item_ids
from casework.model import CaseFile, Offense, Subject
from casework.serial import DecodeError, from_jsonable, strings_of, to_jsonable
from casework.text import nfc
from casework.validation import unencodable_fields, validate_case

SHARED = Path(__file__).parents[3] / "shared" / "testdata"


def _texts() -> list[str]:
    hostile = json.loads((SHARED / "hostile-text.json").read_text(encoding="utf-8"))
    out = [n["text"] for n in hostile["names"]]
    out += [str(v) for v in hostile.get("long", {}).values()] if isinstance(hostile.get("long"), dict) else []
    for line in (SHARED / "name-variants.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out += line.split("\t")[:2]
    out += ["O'Brien", "d`Arc", "CF-2026-DO1138-0042", "A-123 456 789", "  spaced  out ", "", "x_y.z/1985-03-07",
            string.printable, string.punctuation, "ALL CAPS and lower 123"]
    out += [a + b for a in string.printable for b in ("x", "'", "9", " ")]
    return out


@pytest.mark.parametrize("text", _texts())
def test_words_and_latin_of_any_text_are_those_of_the_general_algorithm(text):
    assert search.words(text) == search.words_of_any_text(text)
    for word in search.words_of_any_text(text):
        assert search.latin(word) == "".join(ch for ch in anyascii(word).casefold() if ch.isascii() and ch.isalnum())


def _deep_case(text: str) -> CaseFile:
    return CaseFile(id="c" * 32, case_number="CF-2026-T-0001", subject=Subject(family_name="Plain", given_names="Name"),
                    offenses=(Offense(charge="Theft", statute=text),), notes="plain")


def test_nfc_normalises_a_string_deep_in_the_case_and_keeps_an_nfc_case_as_the_same_object():
    decomposed = "Nu\u0301n\u0303ez"
    case = _deep_case(decomposed)
    fixed = nfc(case)
    assert fixed.offenses[0].statute == unicodedata.normalize("NFC", decomposed) != decomposed
    assert fixed.subject is case.subject  # untouched parts stay as they were
    done = nfc(_deep_case("Núñez Иванова محمد"))
    assert nfc(done) is done


def test_a_lone_surrogate_anywhere_is_found_with_its_path():
    case = _deep_case("ok")
    broken = replace(case, subject=replace(case.subject, aliases=("fine", "bad\ud800")),
                     offenses=(Offense(charge="x", statute="also\udfffbad"),))
    paths = [e.field for e in validate_case(broken)]
    assert paths.count("subject.aliases[1]") == 1 and paths.count("offenses[0].statute") == 1
    assert unencodable_fields(broken) == ["subject.aliases[1]", "offenses[0].statute"]
    assert not [e for e in validate_case(case) if "surrogate" in e.message]


def test_strings_of_a_case_are_every_text_field_and_no_enum_or_date():
    case = with_item_ids(_deep_case("statute text"))
    found = strings_of(case)
    assert {"CF-2026-T-0001", "Plain", "Name", "Theft", "statute text", "plain"} <= set(found)
    assert case.status.value not in found  # an enum member is not text a person wrote
    assert strings_of(PartialDate("1985-03")) == ["1985-03"]


@pytest.mark.parametrize(("doc", "message"), [
    ({"subject": {"nickname": "x"}}, "subject.nickname: is not a known field"),
    ({"offenses": {"charge": "x"}}, "offenses: expected a list"),
    ({"offenses": [{"charge": 7}]}, "offenses[0].charge: expected text"),
    ({"subject": {"date_of_birth": "1985-13-01"}}, "subject.date_of_birth: '1985-13-01'"),
    ({"revision": "2"}, "revision: expected a whole number"),
    ({"revision": True}, "revision: expected a whole number"),
    ({"status": "lost"}, "status: 'lost' is not one of"),
    ({"created_at": "yesterday"}, "created_at: 'yesterday' is not an ISO date and time"),
])
def test_the_decoder_names_the_field_and_the_problem(doc, message):
    base = to_jsonable(_deep_case("x"))
    for key, value in doc.items():
        base[key] = {**base[key], **value} if key == "subject" else value
    with pytest.raises(DecodeError) as caught:
        from_jsonable(CaseFile, base, "")
    assert str(caught.value).startswith(message)


def test_the_decoder_asks_for_a_required_field_in_field_order():
    with pytest.raises(DecodeError) as caught:
        from_jsonable(Assessment, {"policy_id": "p", "policy_sha256": 5}, "assessment")
    assert str(caught.value) == "assessment.policy_version: is required"


def test_a_case_round_trips_through_json_values():
    case = with_item_ids(_deep_case("Núñez"))
    assert from_jsonable(CaseFile, json.loads(json.dumps(to_jsonable(case))), "") == case


def test_the_decoder_built_by_several_threads_at_once_decodes_every_field():
    """The first decoding of a type builds its field decoders: a second thread at that moment saw half of them
    and left the other fields at their defaults, silently."""
    import sys
    import threading

    from casework import serial

    doc = to_jsonable(with_item_ids(_deep_case("statute")))
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch all the time: the half-built moment is met
    try:
        for _ in range(20):
            serial._decoder.cache_clear()
            results: list[object] = []
            threads = [threading.Thread(target=lambda out=results: out.append(from_jsonable(CaseFile, doc, "")))
                       for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert all(r == results[0] for r in results) and results[0].subject.family_name == "Plain"
    finally:
        sys.setswitchinterval(before)
