"""Layouts that fit a small laptop and a big screen: no input of the assessment form is cut off, single-line
fields keep a sensible width, the case header elides a long name without moving the list, and the window's
geometry and the list's sort are remembered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.casework.test_checks import complete_case
from tests.desktop.conftest import open_first_case, shot
from tests.widgets.test_assessment_form import interim_case

SIZES = [(1024, 700), (1920, 1080)]
POLICIES = {"guidelines": lambda: replace(complete_case(), id="", case_number=""),
            "interim": lambda: replace(interim_case(), id="", case_number="")}
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def inputs_of(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisibleTo(root)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("policy", list(POLICIES))
def test_no_input_of_the_assessment_form_is_cut_off(qtbot, launch, data_dir, size, policy):
    window = open_first_case(qtbot, launch, data_dir, POLICIES[policy]())
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    scroll = editor.assessment.scroll_area
    form = editor.assessment.form
    qtbot.waitUntil(lambda: form.isVisible())
    assert scroll.horizontalScrollBar().maximum() == 0, "the form scrolls sideways"
    viewport = scroll.viewport()
    inputs = inputs_of(form)
    assert len(inputs) > 20
    for w in inputs:
        at = w.mapTo(form, QPoint(0, 0))  # scroll to the whole input (ensureWidgetVisible shows its cursor only)
        scroll.ensureVisible(at.x() + w.width() // 2, at.y() + w.height() // 2, w.width() // 2, w.height() // 2)
        QApplication.processEvents()
        top_left = w.mapTo(viewport, QPoint(0, 0))
        box = QRect(top_left, w.size())
        assert viewport.rect().contains(box), f"{w.accessibleName()!r} is cut off: {box} in {viewport.rect()}"
        if isinstance(w, QLineEdit) and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
            assert w.width() <= 640, f"{w.accessibleName()!r} stretches to {w.width()} px"
    scroll.verticalScrollBar().setValue(0)
    shot(window, f"layout-assessment-{policy}-{size[0]}x{size[1]}")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_subject_fields_keep_a_sensible_width(qtbot, launch, data_dir, size):
    window = open_first_case(qtbot, launch, data_dir, POLICIES["guidelines"]())
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    subject = window.editor.subject
    for w in (subject.family_name, subject.a_number, subject.country):
        assert 120 <= w.width() <= 640
    shot(window, f"layout-subject-{size[0]}x{size[1]}")


def test_a_long_name_elides_in_the_header_and_never_moves_the_list(qtbot, launch, data_dir):
    long_name = "Wolfeschlegelsteinhausenbergerdorff-Montgomery-Featherstonehaugh " * 4
    case = replace(complete_case(), id="", case_number="",
                   subject=replace(complete_case().subject, family_name=long_name.strip(), given_names="Ana María"))
    window = open_first_case(qtbot, launch, data_dir, case)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    list_width = window.table.width()
    assert list_width >= 300
    editor = window.editor
    assert editor.title.shown_text().endswith("…") and editor.title.text().endswith("Ana María")
    assert long_name.strip() in editor.title.accessibleName()
    for text in ("Saved", "Unsaved changes…", "Not saved — changed elsewhere", "Saved"):
        editor.set_save_state(text)
        qtbot.wait(10)
        assert window.width() == 1024 and window.table.width() == list_width
    shot(window, "layout-long-name-1024x700")


def test_the_checklist_pane_collapses_and_comes_back(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, POLICIES["guidelines"]())
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    assert panel.checklist.isVisible()
    panel.toggle_checklist_button.click()
    qtbot.waitUntil(lambda: not panel.checklist.isVisible())
    panel.toggle_checklist_button.click()
    qtbot.waitUntil(panel.checklist.isVisible)


def test_the_memo_preview_fits_a_900_px_tall_screen(qtbot, tmp_path):
    from PySide6.QtCore import QRect

    from tests.desktop.test_memo_preview import preview
    from widgets.common import WINDOW_FRAME, fit_to_screen

    dlg, _recorded = preview(qtbot, tmp_path)
    screen = QRect(0, 0, 1440, 900)
    fit_to_screen(dlg, screen)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.height() <= 900 - WINDOW_FRAME
    for button in (dlg.print_button, dlg.save_button, dlg.next_button):
        bottom = button.mapTo(dlg, QPoint(0, button.height())).y()
        assert button.isVisible() and bottom <= dlg.height()
    shot(dlg, "layout-memo-preview-900")


def test_the_window_size_and_the_lists_sort_and_columns_are_remembered(qtbot, launch, data_dir):
    from tests.desktop.conftest import unlock, wait_unlocked

    window = open_first_case(qtbot, launch, data_dir, POLICIES["guidelines"]())
    window.resize(1000, 580)
    header = window.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2))
    assert header.sortIndicatorSection() == 1
    header.setSectionHidden(4, True)  # as the header's menu does
    window.close()
    window.shutdown()

    again = launch(data_dir)
    unlock(qtbot, again)
    wait_unlocked(qtbot, again)
    # The offscreen screen is 800 px wide, so restoreGeometry keeps the window's minimum width there; the
    # height (inside the screen) comes back as left.
    assert again.height() == 580
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and header.isSectionHidden(4)
    assert again.model._sort[0] == 1



@pytest.mark.parametrize("language", ["en", "es"])
def test_the_status_column_shows_every_status_word_whole(qtbot, launch, data_dir, language, monkeypatch):
    """"Submitted" and "Concurred" (or "Conformidad") cut to "Sub…", "Conc…" could not be told apart."""
    from casework.model import CaseStatus
    from desktop import i18n
    from widgets.translated import label

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: language)
    try:
        window = open_first_case(qtbot, launch, data_dir, complete_case())
        assert i18n.current_language() == language
        table = window.workspace.table
        widest = max(table.fontMetrics().horizontalAdvance(label(s)) for s in CaseStatus)
        assert widest > 40 and table.horizontalHeader().sectionSize(3) >= widest + 16
    finally:
        i18n.install("en")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_section_tab_of_the_case_is_in_sight(qtbot, launch, data_dir, language, size, monkeypatch):
    """At 1024×700 the Attachments tab was behind the tab bar's scroll arrows: every tab is now on screen, each
    with its full name in the tooltip and as much of the label as fits (whole at a full HD width)."""
    from PySide6.QtWidgets import QApplication, QToolButton

    from desktop import i18n

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: language)
    try:
        window = open_first_case(qtbot, launch, data_dir, complete_case())
        window.resize(*size)
        editor = window.editor
        editor.tabs.setCurrentWidget(editor.attachments)
        QApplication.processEvents()
        bar = editor.tabs.tabBar()
        assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()]  # no scroll arrows
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            assert rect.left() >= 0 and rect.right() < bar.width() and rect.width() >= 40, (bar.tabText(i), rect)
            assert bar.tabToolTip(i) == bar.tabText(i).replace("&", "")
            assert bar.mapTo(window, rect.topRight()).x() < window.width()
        for i in range(bar.count()):  # no label is shortened, even at 1024 px in Spanish
                text = bar.tabText(i).replace("&", "")
                assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(text), text
        shot(window, f"case-tabs-{language}-{size[0]}x{size[1]}")
    finally:
        i18n.install("en")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_case_list_fits_its_pane_at_1024(qtbot, launch, data_dir, language, monkeypatch):
    """At 1024×700 the list scrolled sideways: "Updated" was cut and the name column showed "ombr" / "(to…"."""
    from PySide6.QtWidgets import QApplication

    from desktop import i18n

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: language)
    try:
        window = open_first_case(qtbot, launch, data_dir, complete_case())
        window.resize(1024, 700)
        QApplication.processEvents()
        table = window.workspace.table
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()
        assert not table.horizontalScrollBar().isVisible()
        model = table.model()
        for column in (1, 3, 4):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 8, title
        updated = str(model.index(0, 4).data())
        assert header.sectionSize(4) >= table.fontMetrics().horizontalAdvance(updated) + 6
    finally:
        i18n.install("en")
