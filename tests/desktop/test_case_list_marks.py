"""The case list after a review decision comes in from the office: the status stays in words beside a marker
("● Returned", never "New" instead of it, never colour only), the name keeps a useful width at 1024×700, and the
mark goes once the officer has seen the decision — also on the case that was open when it arrived."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from casework.assessment import ReviewDecision
from tests.desktop.conftest import open_first_case, shot
from tests.desktop.test_office_sync import laptops, launch_as, office, office_sync, open_sync_dialog
from tests.office.conftest import Laptops
from tests.storage.test_record_integrity import ready_case

__all__ = ["laptops", "office"]


def shown_text(window, row: int) -> tuple[str, bool]:
    """The status cell as painted: its text and whether it is bold."""
    index = window.model.index(row, 3)
    option = QStyleOptionViewItem()
    option.widget = window.table
    window.workspace.sync_delegate.initStyleOption(option, index)
    return option.text, option.font.bold()


def test_a_new_decision_keeps_the_status_and_goes_once_seen(qtbot, launch, laptops: Laptops):
    open_one, other = ready_case(laptops.alice), ready_case(laptops.alice)
    for case in (open_one, other):
        laptops.alice.submit_case(case.id)
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.sam)
    laptops.sam.review_case(open_one.id, ReviewDecision.CONCURRED, "Agreed.")
    laptops.sam.review_case(other.id, ReviewDecision.RETURNED, "Add the encounter's place.")
    office_sync(laptops, laptops.sam)

    window = launch_as(qtbot, launch, laptops, "alice")
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=15000)
    window.table.setCurrentIndex(window.model.index(window.model.row_of(open_one.id), 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)  # the officer is reading this case when the decision comes
    qtbot.waitUntil(lambda: window.editor.case_id() == open_one.id, timeout=15000)
    sync = open_sync_dialog(qtbot, window, by_key=False)
    sync.sync_button.click()
    qtbot.waitUntil(lambda: sync.phase == "done", timeout=15000)
    sync.reject()

    qtbot.waitUntil(lambda: window.model.sync_marks.get(other.id) == ("synced", "returned"), timeout=15000)
    # the status in words, after the marker, in bold (once the list has the returned case's row)
    qtbot.waitUntil(lambda: shown_text(window, window.model.row_of(other.id)) == ("● Returned", True),
                    timeout=15000)
    row = window.model.row_of(other.id)
    assert window.model.index(row, 3).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Returned · New: returned · Synced"
    assert "has not been opened since" in window.model.index(row, 3).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    header = window.table.horizontalHeader()
    QApplication.processEvents()
    assert header.sectionSize(3) >= window.table.fontMetrics().horizontalAdvance("● Returned") + 30
    shot(window, f"case-list-new-decision-{laptops.office.kind}")

    # the case that was open: the editor shows the decision, so it is seen — the mark goes, and stays gone
    qtbot.waitUntil(lambda: window.editor.base().status.value == "concurred", timeout=15000)
    qtbot.waitUntil(lambda: window.model.sync_marks.get(open_one.id) == ("synced", ""), timeout=15000)
    assert shown_text(window, window.model.row_of(open_one.id)) == ("Concurred", False)
    window.office.refresh_marks()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)
    assert window.model.sync_marks.get(open_one.id) == ("synced", "")
    assert window.model.sync_marks.get(other.id) == ("synced", "returned")  # not seen yet: still marked


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_name_column_has_room_at_1024(qtbot, launch, data_dir, language, monkeypatch):
    """The name column was squeezed to ~35 px on a real 1024×700 screen: every name elided, "Nombre" clipped."""
    from desktop import i18n
    from tests.casework.test_checks import complete_case

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: language)
    try:
        window = open_first_case(qtbot, launch, data_dir, complete_case())
        window.resize(1024, 700)
        QApplication.processEvents()
        table = window.table
        header = table.horizontalHeader()
        title = str(window.model.headerData(1, Qt.Orientation.Horizontal))
        assert header.sectionSize(1) >= header.fontMetrics().horizontalAdvance(title) + 30  # with a sort arrow
        assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance("Núñez Ortiz, A") + 8  # ~14 letters
        assert header.length() <= table.viewport().width()
        full = window.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
        assert full.startswith(window.model.index(0, 4).data()) and len(full) == 16  # the time is in the tooltip
        shot(window, f"case-list-name-column-{language}-1024x700")
    finally:
        i18n.install("en")
