"""Backups from the command line: write, list, restore (the replaced store kept), and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.desktop.test_cli_workflow import profile


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw.txt"
    p.write_text(PASSPHRASE + "\n")
    return p


def count(capsys, base) -> int:
    _code, out, _ = run(capsys, *base, "list", "--json")
    return len(out.splitlines())


def test_backup_list_restore(capsys, tmp_path, pwfile):
    base = profile(capsys, tmp_path / "p", pwfile, "DO-1", "officer")
    case = tmp_path / "c.json"
    case.write_text(json.dumps({"format": "casefile.case", "format_version": 3,
                                "case": {"subject": {"family_name": "Núñez"}}}), encoding="utf-8")
    run(capsys, *base, "import", str(case))
    code, out, err = run(capsys, *base, "backup")
    assert (code, err) == (0, "") and out.startswith("Backed up 1 cases to ")
    code, out, err = run(capsys, *base, "backups")
    (line,) = out.splitlines()
    folder, _when, reason, cases, _schema = line.split("\t")
    assert (reason, cases) == ("manual", "1 cases")
    case.write_text(json.dumps({"format": "casefile.case", "format_version": 3,
                                "case": {"subject": {"family_name": "Second"}}}), encoding="utf-8")
    run(capsys, *base, "import", str(case))
    assert count(capsys, base) == 2
    code, out, err = run(capsys, *base, "restore", folder)
    assert (code, err) == (0, "") and "The store it replaced is kept in" in out
    assert count(capsys, base) == 1
    code, out, _ = run(capsys, *base, "audit", "list")
    assert "backup_restored" in out


def test_restore_refuses_a_wrong_passphrase_and_a_damaged_backup(capsys, tmp_path, pwfile):
    base = profile(capsys, tmp_path / "p", pwfile, "DO-1", "officer")
    run(capsys, *base, "backup")
    _code, out, _ = run(capsys, *base, "backups")
    folder = Path(out.split("\t")[0])
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not-the-passphrase-at-all\n")
    before = (tmp_path / "p" / "casefile.db").read_bytes()
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "p"), "--passphrase-file", str(wrong), "restore",
                          str(folder))
    assert code == 2 and err.count("\n") == 1 and "does not open this backup" in err
    db = folder / "casefile.db"
    db.write_bytes(db.read_bytes()[:-100] + b"\0" * 100)
    code, _out, err = run(capsys, *base, "restore", str(folder))
    assert code == 2 and "damaged" in err
    assert (tmp_path / "p" / "casefile.db").read_bytes() == before


def test_doctor_reports_health_and_the_crypto_module(capsys, tmp_path, pwfile):
    base = profile(capsys, tmp_path / "p", pwfile, "DO-1", "officer")
    code, out, err = run(capsys, *base, "doctor")
    assert (code, err) == (0, "")
    assert "pages and structure: ok" in out and "audit log: intact" in out
    assert "crypto: SQLCipher 4." in out and "not a FIPS-validated module" in out


def revisions_root(store) -> int:
    """The 0-based page of the saved revisions' table root: damage there costs every case its older revisions
    while the cases themselves still read (the middle page of the file may be the search index's instead)."""
    return int(store.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'case_revisions'").fetchone()[0]) - 1


def test_doctor_and_salvage_on_a_damaged_store(capsys, tmp_path, pwfile):
    from storage.store import CaseStore
    from tests.storage.test_damage import crash, filled, flip_page

    store, ids = filled(tmp_path / "p")
    revisions = revisions_root(store)
    crash(store)
    db = tmp_path / "p" / "casefile.db"
    flip_page(db, revisions)
    base = ["--data-dir", str(tmp_path / "p"), "--passphrase-file", str(pwfile)]
    code, out, _err = run(capsys, *base, "doctor")
    assert code == 1 and "pages and structure: DAMAGED: HMAC verification failed for page" in out
    code, out, _err = run(capsys, *base, "salvage", "-o", str(tmp_path / "new"))
    assert code == 1 and out.startswith("Salvaged ") and "could not be read: case " in out
    with CaseStore.open(tmp_path / "new", PASSPHRASE) as rescued:
        assert 0 < rescued.count_cases() <= len(ids)  # a lost page costs cases or only older revisions


def test_salvage_opens_a_damaged_store_that_was_closed_cleanly(capsys, tmp_path, pwfile):
    from tests.storage.test_damage import filled, flip_page

    store, _ids = filled(tmp_path / "p")
    revisions = revisions_root(store)
    store.close()  # a clean close: no crash marker, so only an explicit check finds the damage
    db = tmp_path / "p" / "casefile.db"
    flip_page(db, revisions)
    base = ["--data-dir", str(tmp_path / "p"), "--passphrase-file", str(pwfile)]
    code, out, err = run(capsys, *base, "salvage", "-o", str(tmp_path / "new"))
    assert (code, err) == (1, "") and out.startswith("Salvaged ") and "could not be read: case " in out


def test_a_command_on_a_damaged_store_names_the_damage_and_the_newest_backup(capsys, tmp_path, pwfile):
    from tests.storage.test_damage import crash, filled, flip_page

    store, ids = filled(tmp_path / "p")
    made = store.backup("manual")
    revisions = revisions_root(store)
    crash(store)
    flip_page(tmp_path / "p" / "casefile.db", revisions)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "p"), "--passphrase-file", str(pwfile), "list")
    assert code == 0 and len(out.splitlines()) == len(ids)  # what still reads is listed
    assert err.count("\n") == 1 and "is damaged" in err and "open read-only" in err
    assert f"The newest backup is {made.name}" in err and "casefile salvage" in err
