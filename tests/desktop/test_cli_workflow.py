"""The review workflow from the command line: an officer submits and hands over a bundle, a supervisor reviews."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from casework.exchange import dump_case
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw.txt"
    p.write_text(PASSPHRASE + "\n")
    return p


def profile(capsys, folder: Path, pwfile: Path, officer_id: str, role: str) -> list[str]:
    base = ["--data-dir", str(folder), "--passphrase-file", str(pwfile)]
    code, _out, err = run(capsys, *base, "init", "--officer-name", f"Name {officer_id}", "--officer-id", officer_id,
                          "--office", "FO Example", "--role", role)
    assert (code, err) == (0, "")
    return base


@pytest.fixture
def officer(capsys, tmp_path, pwfile) -> list[str]:
    base = profile(capsys, tmp_path / "officer", pwfile, "DO-1138", "officer")
    case_file = tmp_path / "case.json"
    case_file.write_text(dump_case(replace(complete_case(), id="", case_number="")), encoding="utf-8")
    code, _out, err = run(capsys, *base, "import", str(case_file))
    assert code == 0, err
    return base


@pytest.fixture
def supervisor(capsys, tmp_path, pwfile) -> list[str]:
    return profile(capsys, tmp_path / "supervisor", pwfile, "SR-7", "supervisor")


def case_number(capsys, base: list[str]) -> str:
    _code, out, _ = run(capsys, *base, "list", "--json")
    return json.loads(out.splitlines()[0])["case_number"]


def status_of(capsys, base: list[str]) -> str:
    _code, out, _ = run(capsys, *base, "list", "--json")
    return json.loads(out.splitlines()[0])["status"]


def test_submit_hand_over_and_review(capsys, officer, supervisor, tmp_path):
    number = case_number(capsys, officer)
    code, out, err = run(capsys, *officer, "submit", number)
    assert (code, err) == (0, "") and out.startswith(f"Submitted {number}")
    bundle = tmp_path / "for-review.json"
    code, out, err = run(capsys, *officer, "export", number, "--for-review", "-o", str(bundle))
    assert (code, err) == (0, "") and "review bundle" in out
    code, out, err = run(capsys, *supervisor, "import", str(bundle))
    assert (code, err) == (0, "") and f"Received {number} for review from Name DO-1138" in out
    assert status_of(capsys, supervisor) == "submitted"
    code, out, err = run(capsys, *supervisor, "review", number, "return")
    assert code == 2 and err.count("\n") == 1 and "say why" in err
    code, out, err = run(capsys, *supervisor, "review", number, "concur")
    assert (code, err) == (0, "") and "concurred" in out
    code, out, _ = run(capsys, *supervisor, "audit", "list")
    assert "case_received_for_review" in out and "case_concurred" in out


def test_an_officer_cannot_review_its_own_case(capsys, officer):
    number = case_number(capsys, officer)
    run(capsys, *officer, "submit", number)
    code, _out, err = run(capsys, *officer, "review", number, "concur")
    assert code == 2 and err.count("\n") == 1 and "only a supervisor" in err
    assert status_of(capsys, officer) == "submitted"


def test_a_submitted_case_is_reopened_with_a_reason(capsys, officer):
    number = case_number(capsys, officer)
    run(capsys, *officer, "submit", number)
    code, _out, err = run(capsys, *officer, "reopen", number)
    assert code == 2 and "say why" in err
    code, out, err = run(capsys, *officer, "reopen", number, "--reason", "New court record")
    assert (code, err) == (0, "") and out.startswith(f"Reopened {number}") and status_of(capsys, officer) == "draft"


def test_submit_names_what_blocks(capsys, tmp_path, pwfile):
    base = profile(capsys, tmp_path / "p", pwfile, "DO-1", "officer")
    case_file = tmp_path / "c.json"
    case_file.write_text(dump_case(replace(complete_case(), id="", case_number="", assessment=replace(
        complete_case().assessment, attested=False))), encoding="utf-8")
    run(capsys, *base, "import", str(case_file))
    code, _out, err = run(capsys, *base, "submit", case_number(capsys, base))
    assert code == 2 and err.count("\n") == 1 and "assessment.attested" in err


def test_an_altered_bundle_is_refused(capsys, officer, supervisor, tmp_path):
    number = case_number(capsys, officer)
    run(capsys, *officer, "submit", number)
    bundle = tmp_path / "b.json"
    run(capsys, *officer, "export", number, "--for-review", "-o", str(bundle))
    doc = json.loads(bundle.read_text(encoding="utf-8"))
    doc["case"]["assessment"]["determination"] = "take_action"
    bundle.write_text(json.dumps(doc), encoding="utf-8")
    code, _out, err = run(capsys, *supervisor, "import", str(bundle))
    assert code == 2 and err.count("\n") == 1 and "altered after it was signed" in err


def test_a_draft_is_not_bundled(capsys, officer, tmp_path):
    code, _out, err = run(capsys, *officer, "export", case_number(capsys, officer), "--for-review", "-o",
                          str(tmp_path / "b.json"))
    assert code == 2 and "submit it before" in err and not (tmp_path / "b.json").exists()


def test_audit_verify_finds_a_rewritten_log(capsys, officer):
    code, out, err = run(capsys, *officer, "audit", "verify")
    assert (code, err) == (0, "") and out.startswith("intact: ")
    from storage.store import CaseStore

    folder = Path(officer[1])
    with CaseStore.open(folder, PASSPHRASE) as store:
        store.conn.execute("UPDATE audit_log SET actor = 'X' WHERE seq = 2")
    code, out, _ = run(capsys, *officer, "audit", "verify")
    assert code == 1 and out.startswith("NOT INTACT: audit entry 2")
