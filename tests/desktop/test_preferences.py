"""Preferences: auto-lock delay and memo lines, saved to settings.ini on OK, untouched on Cancel or Escape."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop import settings as S
from tests.desktop.conftest import shot, wait_unlocked
from tests.desktop.test_first_run import set_up_profile


def open_preferences(qtbot, launch, data_dir):
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    window.preferences_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "preferences_dialog", None) is not None
                    and window.preferences_dialog.isVisible())
    return window, window.preferences_dialog


def test_ok_saves_and_applies_the_auto_lock_delay(qtbot, launch, data_dir):
    window, dlg = open_preferences(qtbot, launch, data_dir)
    assert dlg.autolock.value() == 15
    dlg.autolock.setValue(5)
    dlg.handling.setText("FOR OFFICIAL USE ONLY")
    shot(dlg, "preferences")
    with qtbot.waitSignal(dlg.finished):
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert S.SECURITY_AUTOLOCK_MINUTES.get(window.settings) == 5
    assert window.idle.timeout_s == 300
    assert window.memo_settings().handling == "FOR OFFICIAL USE ONLY"
    assert "FOR OFFICIAL USE ONLY" in (data_dir / "settings.ini").read_text()


def test_empty_handling_line_is_refused_inline(qtbot, launch, data_dir):
    _window, dlg = open_preferences(qtbot, launch, data_dir)
    dlg.handling.clear()
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert dlg.isVisible()
    assert "handling line" in dlg._errors[dlg.handling].text()


def test_cancel_and_escape_change_nothing(qtbot, launch, data_dir):
    window, dlg = open_preferences(qtbot, launch, data_dir)
    dlg.autolock.setValue(3)
    with qtbot.waitSignal(dlg.finished):
        dlg.buttons.button(dlg.buttons.StandardButton.Cancel).click()
    assert S.SECURITY_AUTOLOCK_MINUTES.get(window.settings) == 15
    window.preferences_action.trigger()
    qtbot.waitUntil(lambda: window.preferences_dialog.isVisible())
    dlg = window.preferences_dialog
    dlg.autolock.setValue(4)
    with qtbot.waitSignal(dlg.finished):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert S.SECURITY_AUTOLOCK_MINUTES.get(window.settings) == 15
