"""Issue 11 in the window: Help ▸ About reports the crypto module as `casefile doctor` does and says plainly
when it is not FIPS-validated; a locked window's title holds no case data."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from casework.model import CaseFile, Subject
from storage.database import connect, crypto_module
from storage.keyslot import read_key_file
from storage.store import CaseStore
from tests.conftest import MARKER, OFFICER, PASSPHRASE
from tests.desktop.conftest import open_first_case, shot, unlock, wait_unlocked


def test_about_reports_the_crypto_module_as_doctor_does(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    conn = connect(data_dir / "casefile.db", read_key_file(data_dir / "casefile.keys").unwrap(PASSPHRASE),
                   read_only=True)
    module = crypto_module(conn)
    conn.close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.about_action.trigger()
    dlg = window.about_dialog
    qtbot.waitUntil(lambda: "SQLCipher 4" in dlg.versions.text(), timeout=5000)
    text = dlg.versions.text()
    assert module.summary() in text and module.version in text and module.provider_version in text
    assert not module.fips_validated  # the bundled build: the box must say so in so many words
    assert "not FIPS 140-validated" in text
    shot(dlg, "help-about-crypto")


def test_a_locked_window_title_holds_no_case_data(qtbot, launch, data_dir):
    case = CaseFile(id="", case_number="", subject=Subject(family_name=MARKER, given_names=MARKER))
    window = open_first_case(qtbot, launch, data_dir, replace(case))
    assert MARKER in window.editor.subject.family_name.text()  # the control: the case is on screen
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: not window.unlocked)
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert window.windowTitle() == "Casefile"
    assert titles and not any(MARKER in t for t in titles)
