"""All by keyboard: the case list is no tab trap and opens the case the officer stops on, the search box's keys,
deleting a draft (Delete and the list's menu, with a confirmation and an audit entry; never a submitted case),
a focus ring that can be seen, and Help ▸ Keyboard shortcuts."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from casework.model import CaseFile, Subject
from storage.errors import CaseConflict, ReadOnlyCase
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.storage.test_record_integrity import ready_case

NAMES = ["Alvarez", "Baptiste", "Chen"]


def three_cases(data_dir) -> list[str]:
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        results = store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name=n))
                                      for n in NAMES])
        return [r.case.id for r in results]


def launched(qtbot, launch, data_dir):
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == len(NAMES))
    return window


def test_arrows_open_only_the_case_they_stop_on_and_tab_leaves_the_list(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    ws = window.workspace
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name: Alvarez, Baptiste, Chen
    qtbot.waitUntil(lambda: not window.model.busy())  # sorted by the store
    opened: list[str] = []
    real_open = ws.open_case
    ws.open_case = lambda case_id: (opened.append(case_id), real_open(case_id))
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    last = window.model.case_at(2).id
    qtbot.waitUntil(lambda: window.editor.case_id() == last)
    assert opened == [last]  # Alvarez and Baptiste were passed, not opened
    assert window.editor.value().subject.family_name == "Chen"

    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(window.table, Qt.Key.Key_Up)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Return opens at once
    assert opened[-1] == window.model.case_at(1).id
    qtbot.waitUntil(lambda: window.editor.value().subject.family_name == "Baptiste")


def test_search_box_down_return_and_escape(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClicks(window.search, "chen")
    qtbot.waitUntil(lambda: not window.model.busy())  # searched by the store
    assert window.model.rowCount() == 1 and window.count_label.text() == "1 of 3 cases"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    assert window.editor.value().subject.family_name == "Chen"

    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.model.busy())
    assert window.search.text() == "" and window.model.rowCount() == 3

    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.table.hasFocus() and window.table.currentIndex().isValid()


def test_delete_a_draft_by_keyboard_with_a_confirmation_and_an_audit_entry(qtbot, launch, data_dir):
    ids = three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not window.model.busy())
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Home)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.case_id() == window.model.case_at(0).id)
    assert window.editor.value().subject.family_name == "Alvarez"
    qtbot.keyClicks(window.editor.subject.given_names, "Ana")  # unsaved edits go with the case
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    box = window.workspace.delete_box
    qtbot.waitUntil(box.isVisible)
    assert "Alvarez" in box.text() and box.defaultButton().text() == "Cancel"
    shot(box, "delete-draft-confirmation")
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc keeps the case
    assert window.model.total() == 3

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    box = window.workspace.delete_box
    qtbot.waitUntil(box.isVisible)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    qtbot.keyClick(box, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "&Delete the case"
    qtbot.waitUntil(lambda: window.model.total() == 2)
    assert window.editor.case_id() is None and "Deleted the draft case" in window.statusBar().currentMessage()
    assert window.count_label.text() == "2 cases"
    qtbot.waitUntil(lambda: not window.tasks.busy)
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.count_cases() == 2
        deleted = [i for i in ids if not store.has_case(i)]
        assert len(deleted) == 1
        entry = store.audit_entries(deleted[0])[-1]
        assert entry.action == "case_deleted" and "tombstone" in entry.detail
        assert store.verify_audit().ok


def test_the_store_never_deletes_a_submitted_case_nor_one_that_changed(store):
    case = ready_case(store)
    with pytest.raises(CaseConflict):
        store.delete_case(case.id, revision=case.revision - 1)
    submitted = store.submit_case(case.id).case
    with pytest.raises(ReadOnlyCase, match="submitted"):
        store.delete_case(case.id, revision=submitted.revision)
    reopened = store.reopen_case(case.id, "Court record arrived").case
    with pytest.raises(ReadOnlyCase, match="submitted"):  # it is in the review trail now
        store.delete_case(case.id, revision=reopened.revision)
    assert store.has_case(case.id)


def test_the_lists_menu_offers_delete_for_drafts_only(qtbot, launch, data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = ready_case(store)
        store.submit_case(case.id)
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 1)
    table = window.table
    table.customContextMenuRequested.emit(table.visualRect(window.model.index(0, 1)).center())
    menu = window.workspace.table_menu
    qtbot.waitUntil(menu.isVisible)
    texts = {a.text(): a for a in menu.actions()}
    assert texts["&Open"].isEnabled() and not texts["&Delete draft case…"].isEnabled()
    menu.close()
    table.setCurrentIndex(window.model.index(0, 0))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "only a draft can be deleted" in window.statusBar().currentMessage()


def test_the_focus_is_a_ring_that_can_be_seen(qtbot, launch, data_dir):
    from widgets import focus_ring

    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    ring = focus_ring.ring()
    qtbot.waitUntil(lambda: ring is not None and ring.isVisible())
    search = window.search
    top_left = search.mapTo(ring.parentWidget(), QPoint(0, 0))
    assert ring.geometry().contains(QRect(top_left, search.size()))  # around it (or over its edge, at the pane's)
    image = ring.parentWidget().grab(ring.geometry()).toImage()
    assert image.pixelColor(1, image.height() // 2).name() == focus_ring.RING_COLOUR.name()
    window.table.setFocus()
    qtbot.waitUntil(lambda: focus_ring.ring().geometry().contains(window.table.geometry().center()))
    shot(window, "focus-ring-on-list")


def test_help_lists_the_keyboard_shortcuts(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dlg = window.shortcuts_dialog
    qtbot.waitUntil(dlg.isVisible)
    rows = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert rows["New case"] == "Ctrl+N" and rows["Lock"] == "Ctrl+L" and rows["Find"] == "Ctrl+F"
    assert rows["In the search box: clear the search"] == "Esc"
    assert rows["Preferences"] == "Ctrl+," and rows["Verify a memo"] == "Ctrl+Shift+V"
    shot(dlg, "help-keyboard-shortcuts")




def test_the_focus_ring_never_becomes_a_pane_of_a_splitter(qtbot):
    from PySide6.QtWidgets import QLineEdit, QSplitter, QVBoxLayout, QWidget

    from widgets import focus_ring

    focus_ring.install()
    outer = QWidget()
    splitter = QSplitter(outer)
    QVBoxLayout(outer).addWidget(splitter)
    first, second = QLineEdit(), QLineEdit()
    first.setAccessibleName("First")
    second.setAccessibleName("Second")
    splitter.addWidget(first)
    splitter.addWidget(second)
    qtbot.addWidget(outer)
    with qtbot.waitActive(outer):
        outer.show()
        outer.activateWindow()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    ring = focus_ring.ring()
    assert splitter.count() == 2 and ring is not None and ring.parentWidget() is outer and ring.isVisible()


def test_ctrl_l_locks_and_clears_the_status_bar(qtbot, launch, data_dir):
    three_cases(data_dir)
    window = launched(qtbot, launch, data_dir)
    assert window.statusBar().currentMessage().startswith("Unlocked · Dana Ortiz")
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.locked_page)
    assert window.statusBar().currentMessage() == ""
