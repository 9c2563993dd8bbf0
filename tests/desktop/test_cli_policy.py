"""`casefile policy list | diff` and `casefile check` under each shipped policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.exchange import dump_case
from tests.casework.assessing import GUIDELINES, INTERIM, acknowledge, set_category, with_assessment, with_facts
from tests.casework.test_checks import complete_case
from tests.casework.test_checks_interim import complete_interim_case
from tests.casework.test_policy_diff import amended
from tests.desktop.test_cli import run


def test_list_names_every_shipped_version(capsys):
    code, out, err = run(capsys, "policy", "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["ice-interim-enforcement-priorities@2021-02-18",
                                                       "dhs-civil-enforcement-guidelines@2021-09-30"]
    assert f"sha256 {GUIDELINES.sha256}" in lines[1]
    code, out, _ = run(capsys, "policy", "list", "--json")
    assert [json.loads(x)["version"] for x in out.splitlines()] == ["2021-02-18", "2021-09-30"]


def test_diff_between_the_shipped_versions(capsys):
    code, out, err = run(capsys, "policy", "diff", "2021-02-18", "dhs-civil-enforcement-guidelines@2021-09-30")
    assert (code, err) == (0, "")
    assert out.startswith("From Interim Guidance: Civil Immigration Enforcement and Removal Priorities "
                          "(ice-interim-enforcement-priorities@2021-02-18)\n  to Guidelines")
    assert ("  cutoff border_security changed: encounter date on or after 2020-11-01; last entry on or after "
            "2020-11-01 → last entry after 2020-11-01, the day itself reviewed\n") in out
    assert "  factor M10 added: “Exercise of workplace or tenant rights" in out


def test_diff_with_a_policy_file_that_has_not_shipped(capsys, tmp_path: Path):
    new = tmp_path / "next.json"
    new.write_text(amended(), encoding="utf-8")
    code, out, err = run(capsys, "policy", "diff", "2021-09-30", str(new), "--json")
    assert (code, err) == (0, "")
    changes = [json.loads(x) for x in out.splitlines()]
    assert {"area": "factor", "id": "M11", "change": "added",
            "detail": "“Caregiver of a person with a disability”"} in changes
    assert {"area": "factor", "id": "A3", "change": "removed",
            "detail": "“Sophistication of the criminal offense”"} in changes


def test_a_version_against_itself(capsys):
    code, out, _ = run(capsys, "policy", "diff", "2021-09-30", "2021-09-30")
    assert code == 0 and out.endswith("No differences.\n")


@pytest.mark.parametrize(("args", "message"), [
    (("policy", "diff", "1999", "2021-09-30"), "no policy '1999' (known: ice-interim-enforcement-priorities@"),
    (("policy", "diff", "missing.json", "2021-09-30"), "missing.json: No such file or directory"),
    (("policy", "diff", "2021-09-30"), "the following arguments are required: B"),
    (("policy",), "the following arguments are required: ACTION"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_a_broken_policy_file_is_named(capsys, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(json.loads(amended()) | {"format_version": 1}), encoding="utf-8")
    code, _, err = run(capsys, "policy", "diff", "2021-09-30", str(bad))
    assert code == 2 and err == "casefile: bad.json: format_version: 1 is not supported (this program reads 2)\n"


# ----- casefile check under each shipped policy ---------------------------------------------------------------


def check(capsys, tmp_path: Path, case, *extra: str) -> tuple[int, str]:
    path = tmp_path / "case.json"
    path.write_text(dump_case(case), encoding="utf-8")
    code, out, err = run(capsys, "check", *extra, str(path))
    assert err == ""
    return code, out


@pytest.mark.parametrize("case", [complete_case, complete_interim_case])
def test_check_says_complete_under_each_policy(capsys, tmp_path, case):
    code, out = check(capsys, tmp_path, case())
    assert code == 0 and out.rstrip().endswith("complete")


def test_check_under_the_interim_guidance_lists_its_own_items(capsys, tmp_path):
    case = with_assessment(complete_interim_case(), determination="take_action", determination_detail="Arrest")
    code, out = check(capsys, tmp_path, case)
    assert code == 1 and "4 item(s) to address" in out
    assert "  open: assessment.justification: write the justification for an action outside the presumed " \
           "priorities\n" in out
    assert "  open: assessment.approval_date: give the date of pre-approval (YYYY-MM-DD)\n" in out
    code, out = check(capsys, tmp_path, case, "--json")
    doc = json.loads(out)
    assert doc["policy"] == {"id": INTERIM.id, "version": INTERIM.version} and doc["complete"] is False


def test_check_shows_what_waits_for_an_acknowledgement_and_the_note_once_given(capsys, tmp_path):
    case = set_category(with_facts(complete_case(), "2020-11"), "border_security", "does_not_apply", "b")
    case = with_assessment(case, rationale="Declined. See the Immigration and Nationality Act; his church helps.")
    code, out = check(capsys, tmp_path, case)
    assert code == 1 and "2 item(s) to address" in out
    cutoff_key = "cutoff:border_security:b:history.last_entry=2020-11:after:2020-11-01"
    assert f"[to acknowledge with a note, key {cutoff_key}]" in out
    assert "[to acknowledge with a note, key never-factor:assessment.rationale:religion]" in out
    case = acknowledge(case, "never-factor:assessment.rationale:religion", "Mentioned only as a source of support.")
    case = acknowledge(case, cutoff_key, "I-94: 2020-11-20")
    code, out = check(capsys, tmp_path, case)
    assert code == 0 and "[acknowledged: Mentioned only as a source of support.]" in out
