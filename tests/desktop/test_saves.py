"""Saves that cannot be lost: every edit reaches the store, in order, before the case is left, printed, locked or
closed; a failed save keeps the edits on screen and says so; a conflict offers Reload and Keep mine."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from casework.model import CaseFile, CaseStatus, Subject
from desktop.main_window import MainWindow
from storage.errors import StorageFull
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import open_first_case, shot, unlock, wait_unlocked
from tests.widgets.test_wheel_guard import inputs_of, middling_case, wheel


def a_case(**changes) -> CaseFile:
    return replace(complete_case(), id="", case_number="", **changes)


def stored(window: MainWindow, qtbot, case_id: str) -> CaseFile:
    """The case as the store holds it now (read on the store thread, behind every queued op)."""
    got: list[CaseFile] = []
    window.tasks.run_op(parent=None, op=lambda store: store.get_case(case_id)).success(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    return got[0]


def hold_the_store(window: MainWindow) -> threading.Event:
    """Keep the store thread busy until the returned event is set: saves queued meanwhile stay in flight."""
    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda store: gate.wait(10))
    return gate


def type_into_notes(qtbot, window: MainWindow, text: str) -> None:
    notes = window.editor.notes.notes
    window.editor.focus_field("notes")
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, text)


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+key, as the officer presses it (the window's shortcut, not a method call)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def test_type_save_in_flight_type_lock_unlock_shows_the_second_edit(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    editor = window.editor
    case_id = editor.case_id()
    gate = hold_the_store(window)
    type_into_notes(qtbot, window, "first")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saving…", timeout=5000)  # autosave is on its way
    type_into_notes(qtbot, window, " second")
    press(qtbot, window, Qt.Key.Key_L)
    assert window.pages.currentWidget() is window.locked_page
    gate.set()
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: editor.case_id() == case_id, timeout=5000)
    assert editor.notes.notes.toPlainText() == "first second"
    assert editor.save_state.text() == "Saved"
    assert stored(window, qtbot, case_id).notes == "first second"


def test_type_then_ctrl_p_prints_the_latest_edit(qtbot, launch, data_dir):
    from io import BytesIO

    from pypdf import PdfReader

    window = open_first_case(qtbot, launch, data_dir, a_case())
    editor = window.editor
    gate = hold_the_store(window)
    rationale = editor.assessment.form.rationale
    editor.focus_field("assessment.rationale")
    rationale.moveCursor(rationale.textCursor().MoveOperation.End)
    qtbot.keyClicks(rationale, " Zephyr")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saving…", timeout=5000)
    qtbot.keyClicks(rationale, " Quixotic")
    press(qtbot, window, Qt.Key.Key_P)
    gate.set()
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=10000)
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(window.memo_dialog.pdf)).pages)
    assert "facts. Zephyr Quixotic" in " ".join(text.split())
    assert stored(window, qtbot, editor.case_id()).assessment.rationale.endswith("Zephyr Quixotic")


def test_switching_case_saves_every_edit_first_and_closes_its_revision(qtbot, launch, data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        first, second = (r.case for r in store.import_cases(
            [a_case(subject=Subject(family_name="Alpha")), a_case(subject=Subject(family_name="Beta"))]))
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 2)
    window.table.selectRow(window.model.row_of(first.id))
    qtbot.waitUntil(lambda: window.editor.case_id() == first.id)
    gate = hold_the_store(window)
    type_into_notes(qtbot, window, "one")
    window.workspace.flush()  # a save of the first edit is on its way…
    type_into_notes(qtbot, window, " two")  # …and the officer types on, then picks the other case at once
    window.table.selectRow(window.model.row_of(second.id))
    gate.set()
    qtbot.waitUntil(lambda: window.editor.case_id() == second.id, timeout=5000)
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.get_case(first.id).notes == "one two"
        edited = [e.detail for e in store.audit_entries(first.id) if e.action == "case_edited"]
        assert edited == ["revision 2; fields: notes"]  # one revision, closed when the officer left the case


def test_closing_the_window_saves_the_last_keystrokes(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    type_into_notes(qtbot, window, "typed just before quitting")
    window.close()  # before the autosave timer fired
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.get_case(case_id).notes == "typed just before quitting"


def test_autosaves_keep_the_ids_of_list_items(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    editor = window.editor
    editor.tabs.setCurrentWidget(editor._scrolls[3])
    table = editor.offenses.table
    table.add_button.click()  # opens the new row's first cell for typing
    qtbot.waitUntil(lambda: (w := QApplication.focusWidget()) is not None and table.table.isAncestorOf(w))
    cell = QApplication.focusWidget()
    qtbot.keyClicks(cell, "Theft")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved" and len(editor.value().offenses) == 1, timeout=5000)
    qtbot.waitUntil(lambda: len(stored(window, qtbot, editor.case_id()).offenses) == 1, timeout=5000)
    (first,) = stored(window, qtbot, editor.case_id()).offenses
    type_into_notes(qtbot, window, "another autosave")
    qtbot.waitUntil(lambda: stored(window, qtbot, editor.case_id()).notes == "another autosave", timeout=5000)
    (again,) = stored(window, qtbot, editor.case_id()).offenses
    assert first.charge == "Theft" and again.id == first.id == editor.value().offenses[0].id
    assert editor.title.text().startswith(editor.base().case_number)


# ----- a save that fails ----------------------------------------------------------------------------------------

@pytest.fixture
def disk_full(monkeypatch) -> list[bool]:
    """While `full[0]` is true, every save fails as on a full disk (an injected fault: StorageFull is what the
    store raises for SQLite's "database or disk is full")."""
    full = [False]
    original = CaseStore.update_case

    def update_case(self, case, **kw):
        if full[0]:
            raise StorageFull()
        return original(self, case, **kw)

    monkeypatch.setattr(CaseStore, "update_case", update_case)
    return full


def error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_failed_save_keeps_the_edit_on_screen_says_so_and_survives_a_lock(qtbot, launch, data_dir, disk_full):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    editor = window.editor
    case_id = editor.case_id()
    disk_full[0] = True
    type_into_notes(qtbot, window, "written on a full disk")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Not saved — kept on screen", timeout=5000)
    assert editor.notes.notes.toPlainText() == "written on a full disk"
    (box,) = error_boxes()
    assert box.windowTitle() == "Disk full" and "Your edits are still on screen" in box.text()
    box.accept()

    window.lock()  # the flush before locking fails too: the edits are kept in memory, not lost
    qtbot.waitUntil(lambda: not window.tasks.busy)
    disk_full[0] = False  # space was freed
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: editor.case_id() == case_id, timeout=5000)
    assert editor.notes.notes.toPlainText() == "written on a full disk"
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert stored(window, qtbot, case_id).notes == "written on a full disk"


def test_quitting_with_a_failed_save_asks_first(qtbot, launch, data_dir, disk_full):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    disk_full[0] = True
    type_into_notes(qtbot, window, "not on disk")
    window.close()
    qtbot.waitUntil(lambda: getattr(window, "discard_box", None) is not None and window.discard_box.isVisible())
    assert window.isVisible()
    assert window.discard_box.text() == "The latest changes to this case could not be saved."
    keep = next(b for b in window.discard_box.buttons() if b.text() == "Keep editing")
    keep.click()
    for box in error_boxes():
        box.accept()
    disk_full[0] = False
    window.workspace.flush()
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)


# ----- changed elsewhere -----------------------------------------------------------------------------------------

def conflicted(qtbot, launch, data_dir) -> MainWindow:
    """The open case is saved behind the editor's back (as another window or a sync would), then the officer
    types: the save is refused and the bar appears."""
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    window.tasks.run_op(parent=None, op=lambda store: store.update_case(replace(store.get_case(case_id),
                                                                                notes="theirs")))
    type_into_notes(qtbot, window, "mine")
    bar = window.editor.conflict_bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert bar.message.text().startswith("Changed elsewhere: this case was saved somewhere else")
    assert "was changed elsewhere (now revision" in bar.message.toolTip()
    assert window.editor.save_state.text() == "Not saved — changed elsewhere"
    return window


def test_conflict_reload_shows_the_stored_case_after_confirmation(qtbot, launch, data_dir):
    window = conflicted(qtbot, launch, data_dir)
    editor, bar = window.editor, window.editor.conflict_bar
    shot(window, "conflict-bar")
    type_into_notes(qtbot, window, " and more")  # autosave pauses: nothing is thrown at the store meanwhile
    assert editor.save_state.text() == "Not saved — changed elsewhere"

    bar.reload_button.click()
    box = window.workspace.reload_box
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(box.finished):
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert editor.notes.notes.toPlainText() == "mine and more" and bar.isVisible()

    bar.reload_button.click()
    box = window.workspace.reload_box
    qtbot.waitUntil(box.isVisible)
    drop = next(b for b in box.buttons() if b.text() == "Reload and drop my changes")
    drop.click()
    qtbot.waitUntil(lambda: editor.notes.notes.toPlainText() == "theirs", timeout=5000)
    assert not bar.isVisible() and editor.save_state.text() == "Saved"
    type_into_notes(qtbot, window, ", then mine")  # later edits save normally again
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert stored(window, qtbot, editor.case_id()).notes == "theirs, then mine"


def test_conflict_keep_mine_saves_on_top_and_later_edits_save_normally(qtbot, launch, data_dir):
    window = conflicted(qtbot, launch, data_dir)
    editor, bar = window.editor, window.editor.conflict_bar
    bar.keep_button.click()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert stored(window, qtbot, editor.case_id()).notes == "mine"
    type_into_notes(qtbot, window, " again")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert not bar.isVisible()
    assert stored(window, qtbot, editor.case_id()).notes == "mine again"


# ----- the change broadcast -------------------------------------------------------------------------------------

def test_the_case_list_follows_changes_made_anywhere(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    window.tasks.run_op(parent=None, op=lambda store: store.import_cases(
        [a_case(subject=Subject(family_name="Imported"))]))
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=5000)
    assert window.count_label.text() == "2 cases"
    window.tasks.run_op(parent=None, op=lambda store: store.update_case(
        replace(store.get_case(case_id), subject=Subject(family_name="Renamed"))))
    qtbot.waitUntil(lambda: window.model.case_at(window.model.row_of(case_id)).family_name == "Renamed",
                    timeout=5000)


# ----- the wheel ------------------------------------------------------------------------------------------------

def test_the_wheel_over_every_input_changes_and_saves_nothing(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(middling_case(), id="", case_number=""))
    editor = window.editor
    before = stored(window, qtbot, editor.case_id())
    shown = editor.value()
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        for widget in inputs_of(editor.tabs.widget(index)):
            if isinstance(widget, QWidget) and widget.isVisible():
                widget.clearFocus()
                wheel(widget, 2)
                wheel(widget, -3)
    assert editor.value() == shown
    window.workspace.flush()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert editor.save_state.text() == "Saved"
    after = stored(window, qtbot, editor.case_id())
    assert (after.revision, after.updated_at) == (before.revision, before.updated_at)
    assert after.status is CaseStatus.DRAFT


def test_keep_mine_on_a_full_disk_leaves_the_choice_open(qtbot, launch, data_dir, disk_full):
    window = conflicted(qtbot, launch, data_dir)
    editor, bar = window.editor, window.editor.conflict_bar
    disk_full[0] = True
    bar.keep_button.click()
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5000)
    (box,) = error_boxes()
    assert box.windowTitle() == "Disk full"
    box.accept()
    assert bar.isVisible() and bar.keep_button.isEnabled() and bar.reload_button.isEnabled()
    assert editor.save_state.text() == "Not saved — changed elsewhere"
    assert editor.notes.notes.toPlainText() == "mine"
    disk_full[0] = False
    bar.keep_button.click()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert stored(window, qtbot, editor.case_id()).notes == "mine"
