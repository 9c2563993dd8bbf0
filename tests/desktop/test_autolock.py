"""Idle auto-lock: works with a dialog open, saves the draft first, clears the window, returns to the case."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from desktop.main_window import MainWindow
from tests.conftest import MARKER
from tests.desktop.conftest import shot, unlock, visible_texts, wait_unlocked
from tests.desktop.test_first_run import set_up_profile


def open_case_with_text(qtbot, launch, data_dir) -> MainWindow:
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.is_blank())
    qtbot.keyClicks(window.editor.subject.given_names, "Ana")  # the first edit stores the new case
    qtbot.waitUntil(lambda: window.editor.case_id() is not None and window.editor.save_state.text() == "Saved")
    return window


def test_idle_lock_with_a_dialog_open_saves_clears_and_resumes(qtbot, launch, data_dir):
    window = open_case_with_text(qtbot, launch, data_dir)
    case_id = window.editor.case_id()
    qtbot.keyClicks(window.editor.subject.family_name, MARKER)  # not yet autosaved
    window.ask_change_passphrase()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Change passphrase")
    assert dialog.isVisible()

    window.idle._timer.setInterval(20)
    window.idle.timeout_s = 0.2
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        pass  # the open dialog is closed by the lock
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.locked_page, timeout=5000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert MARKER not in visible_texts(window)
    assert window.model.total() == 0 and window.editor.case_id() is None
    shot(window, "locked")

    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.case_id() == case_id)
    assert window.editor.subject.family_name.text() == MARKER  # the draft was saved before locking
    assert window.editor.save_state.text() == "Saved"


def test_lock_counts_time_the_machine_slept(qtbot, launch, data_dir, monkeypatch):
    window = open_case_with_text(qtbot, launch, data_dir)
    window.idle._timer.setInterval(20)
    clock = [1000.0]
    monkeypatch.setattr("desktop.idle.boot_clock", lambda: clock[0])
    window.idle.start()
    clock[0] += 15 * 60 + 1  # suspend for 15 minutes: no events, but the boot clock moved on
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.locked_page, timeout=5000)


def test_ctrl_l_locks_and_an_unsaveable_draft_survives_in_memory(qtbot, launch, data_dir):
    window = open_case_with_text(qtbot, launch, data_dir)
    qtbot.keyClicks(window.editor.subject.a_number, "A1")  # invalid: cannot be saved yet
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.locked_page)
    assert "A1" not in [w.text() for w in window.findChildren(type(window.search))]
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    assert window.editor.subject.a_number.text() == "A1"
    assert window.editor.save_state.text().startswith("Not saved")

    window.close()  # quitting now would lose the draft: the app asks first, without blocking
    qtbot.waitUntil(lambda: getattr(window, "discard_box", None) is not None and window.discard_box.isVisible())
    assert window.isVisible()
    shot(window.discard_box, "quit-with-unsaved-draft")
    keep = next(b for b in window.discard_box.buttons() if b.text() == "Keep editing")
    keep.click()
    assert window.isVisible()
    window.editor.subject.a_number.clear()  # fixed: autosaves, and the app closes normally
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)


def test_no_dialog_survives_a_lock(qtbot, launch, data_dir):
    window = open_case_with_text(qtbot, launch, data_dir)
    window.ask_change_passphrase()
    window.lock()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    open_dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert open_dialogs == [window.unlock_dialog]
