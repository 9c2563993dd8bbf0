"""The command line logs to the profile's logs/casefile.log as the window does: events and error stacks, never
case data or error messages; a shared office folder's repairs made by `casefile sync` are written there."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.exchange import dump_case
from desktop import app
from tests.casework.test_checks import complete_case
from tests.conftest import MARKER, PASSPHRASE, files_containing
from tests.desktop.test_cli import run


@pytest.fixture(autouse=True)
def _own_process():
    """Each command as in its own process: no app log left set up by an earlier test of the window (the app's
    handler is process-wide; inside the app's process the app's own log takes a command's records)."""
    app.stop_logging()
    yield
    app.stop_logging()


def profile(capsys, tmp_path, name: str, officer_id: str, role: str = "officer") -> list[str]:
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    base = ["--data-dir", str(tmp_path / name), "--passphrase-file", str(pw)]
    code, _out, err = run(capsys, *base, "init", "--officer-name", name, "--officer-id", officer_id,
                          "--office", "FO", "--role", role)
    assert (code, err) == (0, "")
    return base


def test_commands_log_their_events_to_the_profiles_log_and_no_case_data(capsys, tmp_path):
    base = profile(capsys, tmp_path, "Dana Ortiz", "DO-1138")
    case = complete_case()
    case_file = tmp_path / "case.json"
    case_file.write_text(dump_case(replace(case, id="", case_number="", subject=replace(
        case.subject, family_name=MARKER, given_names=MARKER))), encoding="utf-8")
    assert run(capsys, *base, "import", str(case_file))[0] == 0
    assert run(capsys, *base, "list")[0] == 0
    log = tmp_path / "Dana Ortiz" / "logs" / "casefile.log"
    text = log.read_text(encoding="utf-8")
    assert "INFO storage.store: profile created" in text and "INFO storage.store: store opened" in text
    assert "INFO desktop.cli: command init ended with exit status 0" in text
    assert "INFO desktop.cli: command import ended with exit status 0" in text
    assert "INFO desktop.cli: command list ended with exit status 0" in text
    code, _out, err = run(capsys, *base, "export", MARKER)  # refused, naming what was asked for
    assert code == 2 and MARKER in err
    assert log.read_text(encoding="utf-8") == text  # a refused command leaves the profile's folder as it was
    assert files_containing(tmp_path / "Dana Ortiz" / "logs", MARKER) == []
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert app.logging_to() is None  # closed when each command ends


def test_a_command_without_a_profile_makes_no_profile_folder_for_its_log(capsys, tmp_path):
    assert run(capsys, "--data-dir", str(tmp_path / "none"), "schema")[0] == 0
    assert not (tmp_path / "none").exists()


def test_a_folder_index_rebuilt_by_casefile_sync_is_named_in_casefile_log(capsys, tmp_path):
    share = tmp_path / "share"
    sam = profile(capsys, tmp_path, "Sam Reyes", "SR-7", "supervisor")
    assert run(capsys, *sam, "office", "init", "--folder", str(share))[0] == 0
    case_file = tmp_path / "case.json"
    case_file.write_text(dump_case(replace(complete_case(), id="", case_number="")), encoding="utf-8")
    assert run(capsys, *sam, "import", str(case_file))[0] == 0
    assert run(capsys, *sam, "sync")[0] == 0
    index = share / "log.idx"
    index.write_bytes(index.read_bytes() + "garbage ✓ line\n".encode())
    code, _out, err = run(capsys, *sam, "sync")
    assert code == 0, err
    text = (tmp_path / "Sam Reyes" / "logs" / "casefile.log").read_text(encoding="utf-8")
    assert "WARNING storage.office.folder: Office folder" in text and "log.idx" in text and "rebuilt" in text
    assert "INFO desktop.cli: command sync ended with exit status 0" in text
