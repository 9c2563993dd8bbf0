"""Locking leaves nothing behind: the clipboard Casefile filled, the status line; it is audited; the auto-lock
delay stays within 1–30 minutes whatever settings.ini says."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import settings as S
from desktop.settings import open_settings
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import unlock, wait_unlocked


@pytest.mark.parametrize(("stored", "used"), [("0", 1), ("-5", 1), ("100000", 30), ("12", 12), ("junk", 15)])
def test_the_autolock_delay_is_bounded_wherever_it_is_read(tmp_path, stored, used):
    path = tmp_path / "settings.ini"
    path.write_text(f"[security]\nautolock_minutes={stored}\n")
    assert S.SECURITY_AUTOLOCK_MINUTES.get(open_settings(path)) == used


def test_lock_clears_what_casefile_put_on_the_clipboard_and_is_audited(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.search.setText("Núñez, María")
    window.search.selectAll()
    qtbot.keyClick(window.search, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # the officer copies
    assert QGuiApplication.clipboard().text() == "Núñez, María"
    window.statusBar().showMessage("Unlocked · Dana Ortiz")
    window.lock_action.trigger()
    assert QGuiApplication.clipboard().text() == ""
    assert window.statusBar().currentMessage() == ""
    window.tasks.wait_idle()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert "locked" in [e.action for e in store.audit_entries()]


def test_lock_leaves_text_copied_elsewhere_alone(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.lock_action.trigger()
    window.tasks.wait_idle()
    QGuiApplication.clipboard().setText("copied in another program while locked")
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.lock_action.trigger()
    assert QGuiApplication.clipboard().text() == "copied in another program while locked"
