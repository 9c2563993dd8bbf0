"""A field laptop's 1024×700 screen: the window fits it on first run and when a geometry saved on a bigger
screen comes back, and the unlock prompt at launch is in front of the window, not behind it.

The fitting checks run in a process of their own whose offscreen screen is 1024×700 (Qt reads the screen once
per process), as an officer's laptop is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from desktop import settings as S
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.desktop.test_first_run import set_up_profile

ROOT = Path(__file__).parents[2]
LAPTOP = (1024, 700)


def on_screen(widget: QWidget, available: QRect) -> bool:
    box = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    return available.contains(box)


@pytest.mark.skipif(os.environ.get("CASEFILE_TEST_SCREEN") != "1024x700", reason="run by the test below")
def test_the_window_fits_a_1024_by_700_screen(qtbot, launch, data_dir):
    available = QApplication.primaryScreen().availableGeometry()
    assert (available.width(), available.height()) == LAPTOP
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.is_blank())
    assert available.contains(window.frameGeometry()), window.frameGeometry()
    for part in (window.statusBar(), window.table, window.editor, window.editor.subject.family_name):
        assert on_screen(part, available), f"{part.accessibleName() or type(part).__name__} is off-screen"
    shot(window, "small-screen-first-run-1024x700")
    window.setGeometry(QRect(700, 400, 1800, 1100))  # as on a 4K monitor at the office
    window.close()
    window.shutdown()
    assert S.UI_MAIN_GEOMETRY.get(window.settings)

    again = launch(data_dir)
    unlock(qtbot, again)
    wait_unlocked(qtbot, again)
    assert available.contains(again.frameGeometry()), again.frameGeometry()
    assert on_screen(again.statusBar(), available)
    shot(again, "small-screen-restored-1024x700")


@pytest.mark.skipif(os.environ.get("CASEFILE_TEST_SCREEN") != "laptop+monitor", reason="run by the test below")
def test_a_window_on_a_second_monitor_stays_there():
    """A laptop (1024×700) with an office monitor (1920×1080) to its right: a geometry restored on the monitor
    stays there, whole; one left on a monitor no longer plugged in comes back onto the laptop's screen."""
    from PySide6.QtWidgets import QMainWindow

    from widgets.common import clamp_to_screen

    laptop, monitor = (s.availableGeometry() for s in QApplication.screens())
    assert monitor == QRect(1024, 0, 1920, 1080)
    on_monitor = QMainWindow()
    on_monitor.setGeometry(QRect(1200, 100, 1500, 900))
    clamp_to_screen(on_monitor)
    assert on_monitor.geometry() == QRect(1200, 100, 1500, 900)
    gone = QMainWindow()
    gone.setGeometry(QRect(3500, 100, 1500, 900))  # a third monitor, unplugged
    clamp_to_screen(gone)
    assert laptop.contains(gone.geometry()), gone.geometry()


SCREENS = {"1024x700": [("laptop", 0, *LAPTOP)],
           "laptop+monitor": [("laptop", 0, *LAPTOP), ("monitor", LAPTOP[0], 1920, 1080)]}


@pytest.mark.parametrize(("screens", "test"), [("1024x700", "test_the_window_fits_a_1024_by_700_screen"),
                                               ("laptop+monitor", "test_a_window_on_a_second_monitor_stays_there")])
def test_the_window_fits_a_small_laptop_screen(tmp_path, screens, test):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": name, "x": x, "y": 0, "width": w, "height": h,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                                              for name, x, w, h in SCREENS[screens]]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "CASEFILE_TEST_SCREEN": screens}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                          f"{Path(__file__).relative_to(ROOT)}::{test}"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout, run.stdout[-1000:]


def test_the_unlock_prompt_at_launch_is_in_front_of_the_window(qtbot, launch, data_dir):
    """The prompt is shown before the window exists (desktop.startup); the window shown after it used to cover it.
    Now it is the window's own dialog (a window manager keeps it in front), raised and active, with the focus in
    the passphrase field, and what was typed before the window appeared is kept."""
    from storage.store import CaseStore
    from tests.conftest import OFFICER, PASSPHRASE

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    dlg = window.unlock_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.parentWidget() is window and dlg.isWindow()  # transient for the window: never behind it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    assert QApplication.focusWidget() is dlg.passphrase.line
    shot(window, "unlock-in-front-window")
    shot(dlg, "unlock-in-front-dialog")
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    assert not dlg.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # its shortcuts work at once


def test_the_strength_meter_and_its_words_sit_clear_of_the_focus_ring(qtbot):
    """Set-up: the focus ring went round the passphrase, its meter and its strength words together, so the 2 px
    meter vanished into the frame and the words touched it. Now only the line is ringed, the meter (a red
    sliver even for "very weak") and the words sit below the ring, and an error under them squashes nothing."""
    from desktop.dialogs.setup import ProfileSetupDialog
    from widgets import focus_ring, passphrase_edit

    assert passphrase_edit.RING_INNER == focus_ring.RING_INNER
    focus_ring.install()
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda _o, _p: None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    edit = dlg.passphrase
    line_height = edit.line.height()
    edit.line.setFocus()
    qtbot.keyClicks(edit.line, "abc")
    qtbot.waitUntil(lambda: focus_ring.ring() is not None and focus_ring.ring().isVisible())
    ring = focus_ring.ring()
    ring_box = QRect(ring.mapToGlobal(QPoint(0, 0)), ring.size())
    for part in (edit.meter, edit.feedback):
        box = QRect(part.mapToGlobal(QPoint(0, 0)), part.size())
        assert box.top() > ring_box.bottom(), f"{part.accessibleName() or part.text()} is inside the focus ring"
    assert edit.meter.value() > 0 and edit.feedback.text() == "Strength: very weak"
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()  # fill in the rest first: an error appears
    qtbot.waitUntil(lambda: any(e.isVisible() for e in dlg._errors.values()))
    dlg.officer_name.setText("Dana Ortiz")
    dlg.officer_id.setText("DO-1138")
    dlg.office.setText("Field Office Example")
    edit.line.setFocus()
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    error = dlg._errors[edit]
    qtbot.waitUntil(error.isVisible)
    assert edit.line.height() == line_height and dlg.repeat.line.height() == line_height
    assert QRect(error.mapTo(dlg, QPoint(0, 0)), error.size()).bottom() < dlg.repeat.mapTo(dlg, QPoint(0, 0)).y()
    shot(dlg, "setup-passphrase-ring-and-meter")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_assessment_start_page_begins_under_the_tabs(qtbot, launch, data_dir, language, monkeypatch):
    """The Assessment (Evaluación) tab of a case not assessed yet showed ~100 px of empty space above its banner
    ("no policy is proposed…"): the banner now sits at the top of the page, the policy choice under it."""
    from desktop import i18n
    from storage.store import CaseStore
    from tests.conftest import OFFICER, PASSPHRASE
    from tests.desktop.conftest import open_the_only_case

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: language)
    try:
        with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
            store.new_case()
        window = open_the_only_case(qtbot, launch, data_dir)
        window.resize(1024, 700)
        editor = window.editor
        editor.tabs.setCurrentWidget(editor.assessment)
        panel = editor.assessment
        qtbot.waitUntil(panel.proposal.isVisible)
        QApplication.processEvents()
        page = panel.pages.currentWidget()
        top = panel.proposal.mapTo(page, QPoint(0, 0)).y()
        assert top <= page.layout().contentsMargins().top() + 2, f"{top} px of empty space above the banner"
        shot(window, f"assessment-start-page-{language}-1024x700")
    finally:
        i18n.install("en")
