"""A 1024-px laptop, in English and Spanish: the assessment form with its checklist shown never scrolls
sideways (the checklist pane goes below the form when the two do not fit side by side, and back beside it on a
wide window), Submit stays reachable, and every section tab of the case shows its whole label at the window's
first-run width (the case list gives up width on a narrow window, the same whatever the header says)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QSplitter, QStyle, QStyleOptionTab, QTabBar

from tests.casework.test_checks import complete_case
from tests.desktop.conftest import open_first_case, shot

FIRST_RUN_WIDTH = 1008
"""A 1200-px first-run window clamped to a 1024×700 screen, its frame included."""
SIZES = [(1024, 700), (FIRST_RUN_WIDTH, 652)]


def draft():
    return replace(complete_case(), id="", case_number="")


def shown_whole(bar: QTabBar, i: int) -> bool:
    """The tab's label is drawn whole: the room the style gives its text holds the text."""
    option = QStyleOptionTab()
    bar.initStyleOption(option, i)
    room = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
    text = bar.tabText(i).replace("&", "")
    return room.width() >= bar.fontMetrics().horizontalAdvance(text)


@pytest.fixture
def language(request, monkeypatch):
    from desktop import i18n

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: request.param)
    yield request.param
    i18n.install("en")


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_assessment_form_fits_beside_or_above_its_checklist(qtbot, launch, data_dir, language, size):
    window = open_first_case(qtbot, launch, data_dir, draft())
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.form is not None and panel.form.isVisible())
    QApplication.processEvents()
    assert panel.checklist.isVisible() and panel.submit_button.isVisible()
    scroll = panel.scroll_area
    assert scroll.horizontalScrollBar().maximum() == 0, "the form scrolls sideways"
    assert not scroll.horizontalScrollBar().isVisible()
    assert panel._work.orientation() == Qt.Orientation.Vertical  # too narrow for both side by side
    side = panel.side_scroll
    assert side.horizontalScrollBar().maximum() == 0, "the checklist pane scrolls sideways"
    side.ensureWidgetVisible(panel.submit_button)
    QApplication.processEvents()
    viewport = side.viewport()
    box = QRect(panel.submit_button.mapTo(viewport, QPoint(0, 0)), panel.submit_button.size())
    assert viewport.rect().contains(box), (box, viewport.rect())
    shot(window, f"layout-narrow-assessment-{language}-{size[0]}x{size[1]}")
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: panel._work.orientation() == Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert scroll.horizontalScrollBar().maximum() == 0
    shot(window, f"layout-wide-assessment-{language}-1920x1080")
    panel.toggle_checklist_button.click()  # the toggle still hides the pane, and brings it back
    qtbot.waitUntil(lambda: not panel.checklist.isVisible())
    window.resize(*size)
    QApplication.processEvents()
    assert not panel.checklist.isVisible() and scroll.horizontalScrollBar().maximum() == 0
    panel.toggle_checklist_button.click()
    qtbot.waitUntil(panel.checklist.isVisible)


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
@pytest.mark.parametrize("width", [1000, FIRST_RUN_WIDTH, 1024])
def test_every_tab_label_is_whole_on_a_narrow_window(qtbot, launch, data_dir, language, width):
    window = open_first_case(qtbot, launch, data_dir, draft())
    window.resize(width, 652)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()
    bar = window.editor.tabs.tabBar()
    cut = [bar.tabText(i) for i in range(bar.count()) if not shown_whole(bar, i)]
    assert not cut, cut
    table = window.workspace.table
    header = table.horizontalHeader()
    name = header.sectionSize(1)
    assert name >= table.fontMetrics().horizontalAdvance("Núñez Ortiz,") + 8, name  # readable (14 letters at 1024)
    assert header.length() <= table.viewport().width() and header.offset() == 0, (header.length(), header.offset())
    list_width = table.width()
    for text in ("Saved", "Unsaved changes…", "Not saved — changed elsewhere", "Saved"):
        window.editor.set_save_state(text)
        qtbot.wait(10)
        assert window.width() == width and table.width() == list_width
    shot(window, f"layout-narrow-tabs-{language}-{width}")
    window.resize(1600, 900)  # on a big screen the list has its usual width back
    qtbot.waitUntil(lambda: window.width() == 1600)
    QApplication.processEvents()
    assert isinstance(window.workspace, QSplitter) and window.workspace.sizes()[0] >= 430
    assert not table.model().short_number_title  # and the case number its full title
    assert header.sectionSize(1) >= name


def test_a_narrow_session_leaves_the_list_its_usual_width(qtbot, launch, data_dir):
    """Closed on the laptop, opened on a wide window: the list and the case number's column come back whole."""
    from tests.desktop.conftest import unlock, wait_unlocked

    window = open_first_case(qtbot, launch, data_dir, draft())
    window.resize(1000, 652)
    qtbot.waitUntil(lambda: window.width() == 1000)
    QApplication.processEvents()
    assert window.workspace.sizes()[0] < 432 and window.model.short_number_title  # English needs the room
    window.close()
    window.shutdown()

    again = launch(data_dir)
    unlock(qtbot, again)
    wait_unlocked(qtbot, again)
    again.resize(1600, 900)
    qtbot.waitUntil(lambda: again.width() == 1600)
    QApplication.processEvents()
    header = again.table.horizontalHeader()
    assert again.workspace.sizes()[0] == 432, (again.workspace._list_width, again.workspace.sizes())
    assert not again.model.short_number_title and header.sectionSize(0) == again.workspace._number_width()
