"""The headless commands: round trip, and one clear line with exit 2 for every bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import main
from tests.conftest import MARKER, PASSPHRASE, files_containing


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw.txt"
    p.write_text(PASSPHRASE + "\n")
    return p


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def init(capsys, data_dir: Path, pwfile: Path) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), "init",
                         "--officer-name", "Dana Ortiz", "--officer-id", "DO-1138", "--office", "FO Example")
    assert (code, err) == (0, "")
    assert "Created an encrypted case store" in out


def test_init_import_list_export_round_trip(capsys, data_dir, pwfile, tmp_path):
    init(capsys, data_dir, pwfile)
    case_json = {
        "format": "casefile.case", "format_version": 1,
        "case": {"subject": {"family_name": "Ünal", "given_names": MARKER, "a_number": "A123456789",
                             "date_of_birth": "1980-04"},
                 "notes": "<b>not markup</b> مثال"},
    }
    src = tmp_path / "in.json"
    src.write_text(json.dumps(case_json, ensure_ascii=False), encoding="utf-8")
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(pwfile)]
    code, out, err = run(capsys, *base, "import", str(src))
    assert code == 0, err
    assert "Imported CF-" in out and "revision 1" in out

    code, out, _ = run(capsys, *base, "list", "--json")
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["family_name"] == "Ünal" and row["a_number"] == "A123456789"

    exported = tmp_path / "out.json"
    assert run(capsys, *base, "export", row["case_number"], "-o", str(exported))[0] == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["case"]["subject"]["given_names"] == MARKER
    assert doc["case"]["notes"] == "<b>not markup</b> مثال"

    # Re-importing the same case is refused unless --replace, which saves a new revision.
    code, _, err = run(capsys, *base, "import", str(exported))
    assert code == 2 and "already in the store" in err and err.count("\n") == 1
    doc["case"]["notes"] = "edited in the file"
    exported.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, *base, "import", "--replace", str(exported))
    assert code == 0 and "revision 2" in out

    assert files_containing(data_dir, MARKER) == []


def test_export_all_writes_one_file_per_case(capsys, data_dir, pwfile, tmp_path):
    init(capsys, data_dir, pwfile)
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(pwfile)]
    src = tmp_path / "a.json"
    for name in ("One", "Two"):
        src.write_text(json.dumps({"format": "casefile.case", "format_version": 1,
                                   "case": {"subject": {"family_name": name}}}))
        assert run(capsys, *base, "import", str(src))[0] == 0
    assert run(capsys, *base, "export", "--all", "-o", str(tmp_path / "all"))[0] == 0
    assert len(list((tmp_path / "all").glob("CF-*.json"))) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "not valid JSON (line 1"),
        ('{"format": "casefile.case", "format_version": 7, "case": {}}', "format_version 7 is not supported"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"a_number": "A1"}}}',
         "subject.a_number: an A-number is the letter A followed by 8 or 9 digits"),
        ('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"date_of_birth": "31/12/1990"}}}',
         "case.subject.date_of_birth"),
    ],
)
def test_bad_import_is_one_line_and_exit_2_and_imports_nothing(capsys, data_dir, pwfile, tmp_path, content, message):
    init(capsys, data_dir, pwfile)
    good = tmp_path / "good.json"
    good.write_text('{"format": "casefile.case", "format_version": 1, "case": {}}')
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), "import",
                         str(good), str(bad))
    assert code == 2
    assert err.startswith("casefile: ") and err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), "list")
    assert out == ""  # the good file was not imported either


def test_wrong_passphrase_is_exit_2_one_line(capsys, data_dir, pwfile, tmp_path):
    init(capsys, data_dir, pwfile)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(wrong), "list")
    assert code == 2
    assert err == "casefile: The passphrase is not correct. Check Caps Lock and the keyboard layout, then try again.\n"


def test_passphrase_from_the_environment(capsys, data_dir, pwfile, monkeypatch):
    init(capsys, data_dir, pwfile)
    monkeypatch.setenv("CASEFILE_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--data-dir", str(data_dir), "list")[0] == 0


def test_data_dir_from_the_environment(capsys, data_dir, pwfile, monkeypatch):
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(data_dir))
    code, _, err = run(capsys, "--passphrase-file", str(pwfile), "init", "--officer-name", "A", "--officer-id",
                       "B", "--office", "C")
    assert code == 0, err
    assert (data_dir / "casefile.db").exists()


def test_passwd_changes_the_passphrase(capsys, data_dir, pwfile, tmp_path):
    init(capsys, data_dir, pwfile)
    new = tmp_path / "new.txt"
    new.write_text("a-different-long-passphrase\n")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), "passwd",
                         "--new-passphrase-file", str(new))
    assert code == 0, err
    assert run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), "list")[0] == 2
    assert run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(new), "list")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list"], "there is no case store in"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["export"], "name one case, or give --all"),
        (["import", "/nonexistent/file.json"], "No such file"),
    ],
)
def test_usage_errors_are_one_line(capsys, pwfile, args, message, data_dir):
    if args[0] in ("export", "import"):
        init(capsys, data_dir, pwfile)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "--passphrase-file", str(pwfile), *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_no_passphrase_source_without_a_terminal(capsys, data_dir, pwfile, monkeypatch):
    init(capsys, data_dir, pwfile)
    monkeypatch.setattr("sys.stdin", None)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 2 and "no passphrase given" in err


@pytest.mark.slow
def test_installed_command_reports_bad_json_in_one_line(tmp_path, data_dir, pwfile):
    """The real `casefile` entry point, as a script would call it (with the real-strength KDF)."""
    exe = shutil.which("casefile", path=str(Path(sys.executable).parent))
    assert exe, "casefile is not installed in this environment"
    env = {**os.environ, "CASEFILE_DATA_DIR": str(data_dir)}
    init = subprocess.run([exe, "--passphrase-file", str(pwfile), "init", "--officer-name", "N", "--officer-id",
                           "I", "--office", "O"], capture_output=True, text=True, env=env, timeout=60)
    assert init.returncode == 0, init.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    proc = subprocess.run([exe, "--passphrase-file", str(pwfile), "import", str(bad)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "not valid JSON" in proc.stderr
