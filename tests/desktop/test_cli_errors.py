"""Every failure of `casefile COMMAND`: exit 2, one line on stderr, no traceback, nothing partly written — and
`-o` never clobbers the store, an input, or an existing file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from desktop.app import main
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE, raw_bytes_of
from tests.storage.faults import Holder, casefile_cmd, cli_env, fill, read_only, tmpfs, unprivileged

BUSY = "casefile: Casefile is already open on this profile in another window or process.\n"


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw.txt"
    p.write_text(PASSPHRASE + "\n")
    return p


@pytest.fixture
def profile(data_dir: Path) -> list[str]:
    """A store holding two cases; returns their case numbers."""
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        return [store.new_case().case.case_number for _ in range(2)]


def run(capsys, data_dir: Path, pwfile: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "--passphrase-file", str(pwfile), *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line(code: int, err: str, words: str) -> None:
    assert code == 2, err
    assert err.startswith("casefile: ") and err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "unexpected" not in err
    assert words in err, err


# ----- -o never clobbers what matters ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["casefile.keys", "casefile.db", "casefile.db-wal", "new.json", "logs/x.json"])
@pytest.mark.parametrize("force", [False, True])
def test_export_into_the_data_folder_is_refused_and_the_store_is_intact(capsys, data_dir, pwfile, profile, name,
                                                                         force):
    before = raw_bytes_of(data_dir)
    code, out, err = run(capsys, data_dir, pwfile, "export", profile[0], "-o", str(data_dir / name),
                         *(["--force"] if force else []))
    assert_one_line(code, err, "is inside the profile's data folder")
    assert out == ""
    assert raw_bytes_of(data_dir) == before  # byte for byte, and no new file
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.count_cases() == 2


def test_a_link_that_leads_into_the_data_folder_is_refused(capsys, data_dir, pwfile, profile, tmp_path):
    link = tmp_path / "innocent.json"
    link.symlink_to(data_dir / "casefile.db")
    before = raw_bytes_of(data_dir)
    code, _, err = run(capsys, data_dir, pwfile, "export", profile[0], "-o", str(link), "--force")
    assert_one_line(code, err, "is inside the profile's data folder")
    assert raw_bytes_of(data_dir) == before


@pytest.mark.parametrize("inside", [".", "exports"])
def test_export_all_into_the_data_folder_is_refused(capsys, data_dir, pwfile, profile, inside):
    before = raw_bytes_of(data_dir)
    code, _, err = run(capsys, data_dir, pwfile, "export", "--all", "-o", str(data_dir / inside))
    assert_one_line(code, err, "is inside the profile's data folder")
    assert raw_bytes_of(data_dir) == before


def test_an_existing_file_is_replaced_only_with_force(capsys, data_dir, pwfile, profile, tmp_path):
    target = tmp_path / "case.json"
    target.write_text("keep me")
    code, _, err = run(capsys, data_dir, pwfile, "export", profile[0], "-o", str(target))
    assert_one_line(code, err, f"{target} already exists; use --force to replace it")
    assert target.read_text() == "keep me"
    code, _, err = run(capsys, data_dir, pwfile, "export", profile[0], "-o", str(target), "--force")
    assert (code, err) == (0, "")
    assert json.loads(target.read_text())["case"]["case_number"] == profile[0]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # plaintext case data


def test_export_all_checks_every_file_before_writing_any(capsys, data_dir, pwfile, profile, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"{profile[1]}.json").write_text("keep me")
    code, _, err = run(capsys, data_dir, pwfile, "export", "--all", "-o", str(folder))
    assert_one_line(code, err, f"{profile[1]}.json already exists; use --force to replace it")
    assert sorted(p.name for p in folder.iterdir()) == [f"{profile[1]}.json"]  # the other one was not written
    assert (folder / f"{profile[1]}.json").read_text() == "keep me"
    code, _, err = run(capsys, data_dir, pwfile, "export", "--all", "-o", str(folder), "--force")
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.json" for n in profile)
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}


def test_export_all_that_runs_out_of_space_writes_nothing(capsys, data_dir, pwfile, profile, tmp_path, monkeypatch):
    """Injected: the second file hits a full disk; the first must not be left behind, nor the new folder."""
    import storage.outputs

    real = storage.outputs.tempfile.mkstemp
    calls = []

    def mkstemp(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(storage.outputs.tempfile, "mkstemp", mkstemp)
    folder = tmp_path / "new" / "out"
    code, _, err = run(capsys, data_dir, pwfile, "export", "--all", "-o", str(folder))
    assert_one_line(code, err, "could not be written: No space left on device (nothing was written)")
    assert not (tmp_path / "new").exists()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert "case_exported" not in [e.action for e in store.audit_entries()]


def test_an_export_is_recorded_and_closes_the_open_revision(capsys, data_dir, pwfile, profile, tmp_path):
    from dataclasses import replace

    with CaseStore.open(data_dir, PASSPHRASE) as store:
        case = store.find_case(profile[0])
        store.update_case(replace(case, notes="typed before the export"))
        open_revision = store.find_case(profile[0]).revision
    code, _, err = run(capsys, data_dir, pwfile, "export", profile[0], "-o", str(tmp_path / "x.json"))
    assert (code, err) == (0, "")
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        case = store.find_case(profile[0])
        store.update_case(replace(case, notes="typed after the export"))
        assert store.find_case(profile[0]).revision == open_revision + 1  # a new revision, not the exported one
        assert [e.detail for e in store.audit_entries(case.id) if e.action == "case_exported"] == ["x.json"]


# ----- bad input: exit 2, one line --------------------------------------------------------------------------


def _surrogate_file(tmp_path: Path) -> Path:
    p = tmp_path / "surrogate.json"
    p.write_text('{"format": "casefile.case", "format_version": 1, "case": {"subject": {"family_name": "Ab\\ud800"}}}')
    return p


def _not_utf8(tmp_path: Path) -> Path:
    p = tmp_path / "latin1.txt"
    p.write_bytes("contraseña-larga-y-rara\n".encode("latin-1"))
    return p


def _a_file(tmp_path: Path) -> Path:
    p = tmp_path / "a-file"
    p.write_text("not a folder")
    return p


def _short(tmp_path: Path) -> Path:
    p = tmp_path / "short.txt"
    p.write_text("x\n")
    return p


def _weak(tmp_path: Path) -> Path:
    p = tmp_path / "weak.txt"
    p.write_text("aaaaaaaaaaaa\n")
    return p


INIT = ["init", "--officer-name", "Dana Ortiz", "--officer-id", "DO-1138", "--office", "Example"]

BAD_INPUTS = {
    "data dir is a file (list)": (lambda t, n: ["--data-dir", str(_a_file(t)), "list"],
                                  "a-file is a file, not a folder"),
    "data dir is a file (init)": (lambda t, n: ["--data-dir", str(_a_file(t)), *INIT],
                                  "a-file is a file, not a folder"),
    "-o is a folder": (lambda t, n: ["export", n, "-o", str(t)], "is a folder; give a file name"),
    "-o in a missing folder": (lambda t, n: ["export", n, "-o", str(t / "missing" / "x.json")],
                               "missing does not exist"),
    "--all -o an existing file": (lambda t, n: ["export", "--all", "-o", str(_a_file(t))],
                                  "a-file is a file, not a folder"),
    "non-UTF-8 passphrase file": (lambda t, n: ["--passphrase-file", str(_not_utf8(t)), "list"],
                                  "latin1.txt is not UTF-8 text"),
    "lone surrogate in a name": (lambda t, n: ["import", str(_surrogate_file(t))],
                                 "surrogate.json: subject.family_name: holds a broken character"),
    "init with a 1-character passphrase": (lambda t, n: ["--data-dir", str(t / "new"), "--passphrase-file",
                                                         str(_short(t)), *INIT], "Use at least 10 characters"),
    "init with a name the memo cannot print": (lambda t, n: ["--data-dir", str(t / "new"), "init", "--officer-name",
                                                             "Dana \U0001f642", "--officer-id", "DO-1138",
                                                             "--office", "Example"],
                                               "--officer-name: memos cannot print \U0001f642"),
    "init with a bidi control in the officer name": (lambda t, n: ["--data-dir", str(t / "new"), "init",
                                                                    "--officer-name", "Dana \u202eztrO",
                                                                    "--officer-id", "DO-1138", "--office", "Example"],
                                                      "--officer-name: the officer name holds invisible characters "
                                                      "that can make it read as another name (U+202E RIGHT-TO-LEFT "
                                                      "OVERRIDE)"),
    "init with a bidi control in the officer ID": (lambda t, n: ["--data-dir", str(t / "new"), "init",
                                                                  "--officer-name", "Dana Ortiz", "--officer-id",
                                                                  "DO-\u202e8311", "--office", "Example"],
                                                    "--officer-id: the officer ID holds invisible control characters "
                                                    "(U+202E RIGHT-TO-LEFT OVERRIDE)"),
    "init with a guessable passphrase": (lambda t, n: ["--data-dir", str(t / "new"), "--passphrase-file",
                                                       str(_weak(t)), *INIT], "Too easy to guess"),
    "passwd to a 1-character passphrase": (lambda t, n: ["passwd", "--new-passphrase-file", str(_short(t))],
                                           "Use at least 10 characters"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_each_bad_input_is_exit_2_and_one_line(capsys, data_dir, pwfile, profile, tmp_path, case):
    make_args, words = BAD_INPUTS[case]
    before = raw_bytes_of(data_dir)
    code, out, err = run(capsys, data_dir, pwfile, *make_args(tmp_path, profile[0]))
    assert_one_line(code, err, words)
    assert out == ""
    assert raw_bytes_of(data_dir) == before
    assert not (tmp_path / "new").exists()  # init refused before creating anything


def test_the_old_passphrase_still_works_after_a_refused_passwd(capsys, data_dir, pwfile, profile, tmp_path):
    assert run(capsys, data_dir, pwfile, "passwd", "--new-passphrase-file", str(_short(tmp_path)))[0] == 2
    assert run(capsys, data_dir, pwfile, "list")[0] == 0


def test_init_records_the_role(capsys, tmp_path, pwfile):
    new = tmp_path / "supervisor"
    code, _, err = run(capsys, new, pwfile, *INIT, "--role", "supervisor")
    assert (code, err) == (0, "")
    with CaseStore.open(new, PASSPHRASE) as store:
        assert store.role.value == "supervisor"
    code, _, err = run(capsys, tmp_path / "x", pwfile, *INIT, "--role", "chief")
    assert_one_line(code, err, "invalid choice: 'chief'")


# ----- the store busy, read-only, out of reach, full, not a file ----------------------------------------------


@pytest.mark.parametrize("kind", ["store", "sqlite"])
def test_another_process_holding_the_store_is_busy_not_damaged(capsys, data_dir, pwfile, profile, kind):
    """Another Casefile (the lock file), or a foreign SQLite client in a write transaction."""
    holder = Holder(data_dir, PASSPHRASE, kind)
    try:
        code, out, err = run(capsys, data_dir, pwfile, "list")
    finally:
        holder.release()
    assert (code, out, err) == (2, "", BUSY)
    assert run(capsys, data_dir, pwfile, "list")[0] == 0


def test_a_database_that_is_a_folder(capsys, data_dir, pwfile, profile):
    (data_dir / "casefile.db").unlink()
    (data_dir / "casefile.db").mkdir()
    code, _, err = run(capsys, data_dir, pwfile, "list")
    assert_one_line(code, err, "casefile.db is a folder, not a file")
    assert "backup" not in err


def test_a_read_only_data_folder(capsys, tmp_path, pwfile):
    with tmpfs(tmp_path / "disk", "8m") as disk:
        data_dir = disk / "profile"
        CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
        with read_only(data_dir, disk):
            code, _, err = run(capsys, data_dir, pwfile, "list")
    assert_one_line(code, err, f"The profile folder {data_dir} is read-only")
    assert "backup" not in err


def test_a_full_disk_with_the_store_closed(capsys, tmp_path, pwfile):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "profile"
        CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
        fill(disk)
        code, _, err = run(capsys, data_dir, pwfile, "list")
    assert_one_line(code, err, f"The disk holding {data_dir} is full")
    assert "backup" not in err


@pytest.mark.parametrize(("locked", "words"), [
    ("casefile.keys", "not allowed to use {data_dir}/casefile.keys (permission denied)"),
    ("casefile.db", "not allowed to use {data_dir}/casefile.db (permission denied)"),
    (".", "not allowed to use {data_dir} (permission denied)"),
])
def test_files_the_user_may_not_read(data_dir, pwfile, profile, locked, words):
    """Run as a user would be (file modes apply), in a real process."""
    target = data_dir / locked
    mode = target.stat().st_mode
    target.chmod(0)
    try:
        proc = subprocess.run(unprivileged(casefile_cmd("--passphrase-file", str(pwfile), "list")),
                              capture_output=True, text=True, env=cli_env(data_dir), timeout=60)
    finally:
        target.chmod(stat.S_IMODE(mode))
    assert_one_line(proc.returncode, proc.stderr, words.format(data_dir=data_dir))
    assert "backup" not in proc.stderr


# ----- standard output that cannot be written --------------------------------------------------------------


def test_a_reader_that_stops_early_ends_the_command_quietly(data_dir, pwfile, profile):
    """`casefile list | head -1`: the pipe is closed before the command writes."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(casefile_cmd("--passphrase-file", str(pwfile), "list"), stdout=write_end,
                              stderr=subprocess.PIPE, text=True, env=cli_env(data_dir), timeout=60)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (141, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["list"], ["export", "{case}"]])
def test_standard_output_on_a_full_device(data_dir, pwfile, profile, command):
    args = [a.format(case=profile[0]) for a in command]
    with open("/dev/full", "w") as full:
        proc = subprocess.run(casefile_cmd("--passphrase-file", str(pwfile), *args), stdout=full,
                              stderr=subprocess.PIPE, text=True, env=cli_env(data_dir), timeout=60)
    assert (proc.returncode, proc.stderr) == (2, "casefile: cannot write to standard output: No space left on "
                                                 "device\n")
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert "case_exported" not in [e.action for e in store.audit_entries()]  # not recorded: not delivered
