"""The mnemonic and accessibility walkers over every screen: no Alt letter used twice in a window, and no
focusable widget without an accessible name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtWidgets import QApplication

from tests.casework.test_checks import complete_case
from tests.desktop.conftest import open_first_case, shot
from tests.desktop.walkers import clashes, editor_screens, unnamed_focusable


def screens(qtbot, launch, data_dir, size: tuple[int, int] = (1280, 800)):
    """(name, window) for every screen: each case tab with an assessment, the start page, and the dialogs."""
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    window.resize(*size)
    for name in editor_screens(window):
        yield name, window
    from tests.widgets.test_assessment_form import interim_case

    interim = interim_case().assessment
    window.editor.set_value(replace(window.editor.value(), assessment=interim))
    window.editor.tabs.setCurrentWidget(window.editor.assessment)
    QApplication.processEvents()
    yield "assessment under the interim guidance", window
    window.editor.set_value(replace(window.editor.value(), assessment=None))  # the start page
    window.editor.tabs.setCurrentWidget(window.editor.assessment)
    QApplication.processEvents()
    yield "assessment start page", window
    for opener, attr in ((window.show_shortcuts, "shortcuts_dialog"), (window.show_about, "about_dialog"),
                         (window.ask_preferences, "preferences_dialog"), (window.show_history, "history_dialog"),
                         (window.show_backups, "backups_dialog")):
        opener()
        dlg = getattr(window, attr)
        qtbot.waitUntil(dlg.isVisible)
        yield dlg.windowTitle(), dlg
        dlg.reject()
    window.ask_policy_diff()
    qtbot.waitUntil(window.policy_dialog.isVisible)
    yield "Compare policy versions", window.policy_dialog
    window.policy_dialog.reject()
    window.ask_change_passphrase()
    from desktop.dialogs.change_passphrase import ChangePassphraseDialog

    dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ChangePassphraseDialog))
    qtbot.waitUntil(dlg.isVisible)
    yield dlg.windowTitle(), dlg
    dlg.reject()
    window.lock()
    qtbot.waitUntil(lambda: window.unlock_dialog is not None and window.unlock_dialog.isVisible())
    yield "locked window", window
    yield "unlock dialog", window.unlock_dialog


def test_no_mnemonic_is_used_twice_in_a_window(qtbot, launch, data_dir):
    problems = {name: clashes(w) for name, w in screens(qtbot, launch, data_dir)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_office_menu_and_every_case_tab_have_an_alt_letter(qtbot, launch, data_dir):
    """Alt+I opens the Office menu and Alt+C the Attachments tab (the clash test above covers every screen)."""
    from tests.desktop.walkers import mnemonic_of

    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    menus = {a.text().replace("&", ""): mnemonic_of(a.text()) for a in window.menuBar().actions()}
    assert menus["Office"] == "i"
    tabs = window.editor.tabs
    letters = {tabs.tabText(i).replace("&", ""): mnemonic_of(tabs.tabText(i)) for i in range(tabs.count())}
    assert letters["Attachments"] == "c" and None not in letters.values()


def test_every_focusable_widget_has_an_accessible_name(qtbot, launch, data_dir):
    problems = {name: unnamed_focusable(w) for name, w in screens(qtbot, launch, data_dir)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_field_error_is_announced_with_the_field(qtbot):
    from casework.validation import FieldError
    from widgets.subject_edit import SubjectEdit

    edit = SubjectEdit()
    qtbot.addWidget(edit)
    edit.show()
    message = "An A-number is the letter A and 8 or 9 digits."
    edit.show_errors([FieldError("subject.a_number", message)])
    a_number = edit.field("subject.a_number")
    assert a_number.accessibleDescription().startswith(f"Error: {message}")
    assert edit._errors["subject.a_number"].accessibleName() == f"Error: {message}"
    edit.show_errors([])
    assert a_number.accessibleDescription() == "Alien registration number: the letter A and 8 or 9 digits"


def test_the_strength_meter_says_weak_or_strong_in_words_and_colour(qtbot):
    from widgets.passphrase_edit import PassphraseEdit

    edit = PassphraseEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit.line, "abc")
    weak = (edit.feedback.text(), edit.meter.styleSheet())
    edit.clear()
    qtbot.keyClicks(edit.line, "violet-anchor-meadow-42 quietly")
    strong = (edit.feedback.text(), edit.meter.styleSheet())
    assert weak[0] == "Strength: very weak" and strong[0] == "Strength: very strong"
    assert edit.meter.accessibleDescription() == "Strength: very strong"
    assert weak[1] != strong[1]


def test_the_setup_dialog_has_unique_mnemonics_and_named_inputs(qtbot, launch, data_dir):
    window = launch(data_dir)
    qtbot.waitUntil(lambda: getattr(window, "setup_dialog", None) is not None and window.setup_dialog.isVisible())
    assert clashes(window.setup_dialog) == [] and unnamed_focusable(window.setup_dialog) == []


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots_of_every_screen(qtbot, launch, data_dir, size):
    names = []
    for name, w in screens(qtbot, launch, data_dir, size):
        slug = "".join(c if c.isalnum() else "-" for c in name.replace("&", "").lower()).strip("-")
        shot(w, f"screen-{size[0]}x{size[1]}-{slug}")
        names.append(slug)
    assert len(names) == len(set(names)) >= 15
