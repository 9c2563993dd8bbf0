"""Assessments made under the format-1 encoding of the 2021 guidelines keep working after the re-encoding:
tested on the frozen v0005 store, which holds a concurred assessment made under the old file."""

from __future__ import annotations

import shutil
from pathlib import Path

from casework.checks import ItemKind, review_items
from storage.store import CaseStore
from tests.casework.assessing import BUNDLED
from tests.casework.test_policy import OLD_FORMAT_SHA
from tests.fixtures.make_db_fixtures import TEST_PASSPHRASE

V0005 = Path(__file__).parents[1] / "fixtures" / "db" / "v0005"


def test_the_concurred_fixture_assessment_is_not_a_text_differs_contradiction(tmp_path):
    folder = tmp_path / "v0005"
    shutil.copytree(V0005, folder)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        case = store.find_case("CF-2026-FX1-0002")
    a = case.assessment
    assert a is not None and a.policy_sha256 == OLD_FORMAT_SHA
    policy = BUNDLED.get(a.policy_id, a.policy_version)
    assert policy.sha256 != OLD_FORMAT_SHA
    items = review_items(case, policy)
    assert not [i for i in items if i.field == "assessment.policy"]
    assert not [i for i in items if i.kind is ItemKind.CONTRADICTION]
    # what the old file's assessment said is read through the new questions
    assert a.answer("border_notes").value == "Entered before the cutoff (fixture)."
    assert a.answer("weighing").value == "Weighed as a whole (fixture)."


def test_stored_bodies_move_the_2021_fields_into_answers(tmp_path):
    """Body version 3: the frozen store's version-1 bodies read with their border notes and weighing as answers,
    and every kept revision still reads (none is rewritten)."""
    folder = tmp_path / "v0005"
    shutil.copytree(V0005, folder)
    from casework.body import load_body

    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        case = store.find_case("CF-2026-FX1-0002")
        raw = store.conn.execute("SELECT body FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
        kept = [b for (b,) in store.conn.execute("SELECT body FROM case_revisions WHERE case_id = ?", (case.id,))]
    assert '"border_notes"' in raw and '"body_version"' not in raw  # stored as the schema-5 release wrote it
    answers = {a.question: a.value for a in case.assessment.answers}
    assert answers == {"border_notes": "Entered before the cutoff (fixture).",
                       "weighing": "Weighed as a whole (fixture)."}
    assert len(kept) == 9 and all(load_body(b).case_number == case.case_number for b in kept)


def test_the_body_upgrader_step_by_step():
    from casework.body import BODY_VERSION, dump_body, load_body, upgrade
    from tests.casework.test_checks import complete_case

    v2 = {"body_version": 2, "id": "c", "case_number": "x",
          "assessment": {"policy_id": "p", "policy_version": "v", "policy_sha256": "s", "border_notes": "Notes",
                         "weighing": "", "current_threat": "current_threat"}}
    doc = upgrade(v2)
    assert doc["assessment"]["answers"] == [{"question": "border_notes", "value": "Notes", "values": []},
                                            {"question": "current_threat", "value": "current_threat", "values": []}]
    assert not {"border_notes", "weighing", "current_threat"} & set(doc["assessment"])
    case = load_body(json_dumps(v2))
    assert case.assessment.border_notes == "Notes" and case.assessment.current_threat.value == "current_threat"
    assert BODY_VERSION == 5  # 4 (attachments) adds a list: tests/storage/test_attachments.py; 5 event digests
    body = dump_body(complete_case())
    assert '"body_version":5' in body and '"current_threat"' in body and '"border_notes"' not in body
    assert load_body(body) == complete_case()


def test_an_exchange_file_of_format_3_brings_its_2021_fields_as_answers():
    from casework.exchange import load_case

    doc = {"format": "casefile.case", "format_version": 3,
           "case": {"assessment": {"policy_id": "p", "policy_version": "v", "policy_sha256": "s",
                                   "border_notes": "Entered 2019.", "weighing": "Weighed.",
                                   "current_threat": "not_a_current_threat"}}}
    a = load_case(json_dumps(doc)).assessment
    assert [(x.question, x.value) for x in a.answers] == [("border_notes", "Entered 2019."), ("weighing", "Weighed."),
                                                         ("current_threat", "not_a_current_threat")]
    doc["format_version"] = 4
    from casework.errors import ExchangeError

    try:
        load_case(json_dumps(doc))
    except ExchangeError as exc:
        assert str(exc) == "case.assessment.border_notes: is not a known field"
    else:
        raise AssertionError("a format-4 file holds answers, not the 2021 fields")


def json_dumps(doc: object) -> str:
    import json

    return json.dumps(doc)
