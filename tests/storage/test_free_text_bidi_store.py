"""The store refuses bidi embeddings, overrides and isolates in every free-text field on write (notes, the
assessment's free text, a caption), naming the field and the characters, as the command line's import does; a
case stored before the rule still opens and reads as stored, saves changes to its other fields, and only a change
to the field that holds them asks for them to go (casework.validation.free_text_problems)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from casework.assessment import Answer, with_answer
from casework.exchange import dump_case
from casework.model import CaseFile
from desktop.app import main
from storage import store as store_module
from storage.errors import InvalidCase
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.storage.test_record_integrity import ready_case

DISGUISED = "Paid \u202eevil\u202c in cash"
CHARS = "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING"
WHY = f"holds invisible direction controls ({CHARS}) that make it read as other words; type it without them"


def test_a_save_with_bidi_controls_in_notes_or_the_rationale_is_refused_and_nothing_is_written(store: CaseStore):
    case = ready_case(store)
    with pytest.raises(InvalidCase) as refused:
        store.update_case(replace(case, notes=DISGUISED))
    assert str(refused.value) == f"notes: {WHY}"
    assert case.assessment is not None
    with pytest.raises(InvalidCase) as refused:
        store.update_case(replace(case, assessment=replace(case.assessment, rationale=DISGUISED)))
    assert str(refused.value) == f"assessment.rationale: {WHY}"
    with pytest.raises(InvalidCase, match=r"^assessment\.weighing: holds invisible direction controls"):
        store.update_case(replace(case, assessment=with_answer(case.assessment, Answer("weighing", DISGUISED))))
    assert store.get_case(case.id) == case and store.revisions(case.id) == [1, 2]
    kept = store.update_case(replace(case, notes="محمد עם דוד 🙂 田中\nline two \u200f")).case
    assert kept.notes == "محمد עם דוד 🙂 田中\nline two \u200f"


def test_an_older_case_holding_them_opens_saves_other_fields_and_is_fixed_only_when_that_field_changes(
        store: CaseStore, monkeypatch):
    case = ready_case(store)
    assert case.assessment is not None
    monkeypatch.setattr(store_module, "_check", lambda case: None)  # as an older Casefile stored it
    old = store.update_case(replace(case, notes=DISGUISED,
                                    assessment=replace(case.assessment, rationale=f"{case.assessment.rationale} "
                                                       f"{DISGUISED}"))).case
    monkeypatch.undo()
    opened = store.view_case(old.id)
    assert opened.notes == DISGUISED and DISGUISED in opened.assessment.rationale  # read exactly as stored
    saved = store.update_case(replace(opened, other_ties="a brother in Fresno")).case  # another field: saved
    assert saved.notes == DISGUISED and saved.other_ties == "a brother in Fresno"
    store.add_attachment(saved.id, b"%PDF-1.4\n%%EOF\n", "scan.pdf")  # an exhibit too
    saved = store.get_case(saved.id)
    with pytest.raises(InvalidCase) as refused:
        store.update_case(replace(saved, notes=DISGUISED + " and a word more"))
    assert str(refused.value) == f"notes: {WHY}"  # the rationale, unchanged, is not asked about
    fixed = store.update_case(replace(saved, notes="Paid live in cash")).case
    assert fixed.notes == "Paid live in cash" and DISGUISED in fixed.assessment.rationale
    submitted = store.submit_case(fixed.id).case  # and it still moves through the workflow
    assert submitted.status.value == "submitted"


def test_import_refuses_them_naming_the_field(store: CaseStore):
    with pytest.raises(InvalidCase, match=r"^notes: holds invisible direction controls"):
        store.import_cases([CaseFile(id="", case_number="", notes=DISGUISED)])
    assert store.count_cases() == 0


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "notes: holds invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL "
           "FORMATTING) that make it read as other words; type it without them"),
    ("es", "notes: contiene controles de dirección invisibles (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP "
           "DIRECTIONAL FORMATTING) que hacen que se lea como otras palabras; escríbalo sin ellos"),
])
def test_the_command_line_import_refuses_them_in_one_line_exit_2(capsys, tmp_path: Path, language, expected):
    data_dir = tmp_path / "profile"
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    case_file = tmp_path / "case.json"
    case_file.write_text(dump_case(CaseFile(id="", case_number="", notes=DISGUISED)), encoding="utf-8")
    code = main(["--language", language, "--data-dir", str(data_dir), "--passphrase-file", str(pw), "import",
                 str(case_file)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"casefile: {case_file}: {expected}\n"
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.count_cases() == 0
