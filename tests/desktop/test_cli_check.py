"""`casefile check`: exit 0 complete, 1 items open, 2 bad input; --json for machines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.exchange import FORMAT_VERSION, dump_case
from desktop.app import main
from tests.casework.test_checks import complete_case, set_category


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_complete_case_exits_0(capsys, tmp_path):
    path = write(tmp_path, "ok.json", dump_case(complete_case()))
    assert main(["check", str(path)]) == 0
    assert "complete" in capsys.readouterr().out


def test_incomplete_case_exits_1_and_lists_items(capsys, tmp_path):
    case = set_category(complete_case(), "national_security", "")
    path = write(tmp_path, "open.json", dump_case(case))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "open: assessment.categories.national_security.answer" in out


def test_json_output(capsys, tmp_path):
    case = set_category(complete_case(), "public_safety", "applies")
    path = write(tmp_path, "open.json", dump_case(case))
    assert main(["check", "--json", str(path)]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["complete"] is False
    (item,) = [i for i in doc["items"] if i["field"] == "assessment.categories.public_safety.basis"]
    assert (item["kind"], item["message"], item["blocks"], item["acknowledged"]) == (
        "open", "give the basis for finding “Threat to public safety”", True, "")
    assert item["key"]


def test_a_case_without_assessment_is_open(capsys, tmp_path):
    path = write(tmp_path, "bare.json", '{"format": "casefile.case", "format_version": 1, "case": {}}')
    assert main(["check", str(path)]) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{oops", "not valid JSON"),
        (json.dumps({"format": "casefile.case", "format_version": FORMAT_VERSION + 1, "case": {}}),
         f"format_version {FORMAT_VERSION + 1} is not supported"),
        (None, "policy dhs-civil-enforcement-guidelines version 1999 is not known"),
    ],
)
def test_malformed_files_exit_2_with_one_line(capsys, tmp_path, text, message):
    if text is None:
        doc = json.loads(dump_case(complete_case()))
        doc["case"]["assessment"]["policy_version"] = "1999"
        text = json.dumps(doc)
    path = write(tmp_path, "bad.json", text)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
