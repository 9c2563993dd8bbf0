"""A shared office folder given as a relative path (`--folder share/o`, or typed so in the Office dialog) is kept
as the absolute path it named then: a later command or launch from another working directory finds it."""

from __future__ import annotations

import pytest

from casework.model import Officer, Role
from storage.office.status import link_status
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import type_text, unlock, wait_unlocked
from tests.desktop.test_cli import run


@pytest.mark.parametrize("how", ["init", "join"])
def test_a_relative_folder_on_the_command_line_is_kept_absolute(capsys, tmp_path, monkeypatch, how):
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    work = tmp_path / "work"
    (work / "share").mkdir(parents=True)
    profiles = {}
    for name, officer_id, role in (("Sam Reyes", "SR-7", "supervisor"), ("Alice Moreno", "AM-101", "officer")):
        profiles[name] = ["--data-dir", str(tmp_path / name), "--passphrase-file", str(pw)]
        assert run(capsys, *profiles[name], "init", "--officer-name", name, "--officer-id", officer_id,
                   "--office", "FO", "--role", role)[0] == 0
    monkeypatch.chdir(work)
    sam, alice = profiles["Sam Reyes"], profiles["Alice Moreno"]
    code, out, err = run(capsys, *sam, "office", "init", "--folder", "share/o")
    assert code == 0, err
    assert f"at {work / 'share' / 'o'};" in out
    if how == "join":
        code, out, err = run(capsys, *alice, "office", "join", "--folder", "./share/../share/o")
        assert code == 0, err
    me = sam if how == "init" else alice
    monkeypatch.chdir(tmp_path)  # another working directory: share/o is not there from here
    if how == "init":
        code, out, err = run(capsys, *me, "sync")
        assert code == 0 and "in step" in out, err
    code, out, err = run(capsys, *me, "office", "status")  # it reads the office (a pending member cannot sync)
    assert code == 0 and f"(folder: {work / 'share' / 'o'})" in out, err
    assert "pending approval" in out if how == "join" else "administrator" in out or "supervisor" in out


def test_a_relative_folder_typed_in_the_office_dialog_is_kept_absolute(qtbot, launch, tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "share").mkdir(parents=True)
    profile = tmp_path / "sam"
    CaseStore.create(profile, PASSPHRASE, Officer("Sam Reyes", "SR-7", "Field Office Example"),
                     role=Role.SUPERVISOR).close()
    monkeypatch.chdir(work)
    window = launch(profile)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.join_action.isEnabled(), timeout=15000)
    window.office.join_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "office_dialog", None) is not None and window.office_dialog.isVisible(),
                    timeout=15000)
    dlg = window.office_dialog
    type_text(dlg.folder, "share/o")
    dlg.create_button.click()
    qtbot.waitUntil(lambda: "Created office" in dlg.result.text(), timeout=15000)
    dlg.reject()
    window.close()
    window.shutdown()
    with CaseStore.open(profile, PASSPHRASE) as store:
        assert link_status(store).where == str(work / "share" / "o")
