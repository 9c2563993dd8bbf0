"""Text is never dropped on the way in or out of the store: what is typed into a new case whose creation fails
or is cut short by a lock counts as unsaved (quit asks, a lock keeps it, unlocking stores it), and deleting the
open draft keeps its last edits until the store has said yes."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from storage.errors import ReadOnlyCase, StorageFull
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import open_first_case, unlock, wait_unlocked
from tests.desktop.test_saves import a_case, error_boxes, hold_the_store, press, stored, type_into_notes


@pytest.fixture
def no_room_for_new_cases(monkeypatch) -> list[bool]:
    """While `full[0]` is true, creating a case fails as on a full disk (an injected fault: StorageFull is what
    the store raises for SQLite's "database or disk is full")."""
    full = [False]
    original = CaseStore.new_case

    def new_case(self):
        if full[0]:
            raise StorageFull()
        return original(self)

    monkeypatch.setattr(CaseStore, "new_case", new_case)
    return full


def started(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    return window


def type_a_new_case(qtbot, window, name: str) -> None:
    press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(window.workspace.is_blank)
    qtbot.keyClicks(window.editor.subject.family_name, name)


def stored_names(window, qtbot) -> list[str]:
    got: list[list[str]] = []
    window.tasks.run_op(parent=None, op=lambda store: [s.family_name for s in store.list_cases()]).success(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10000)
    return got[0]


def test_a_new_case_that_cannot_be_created_keeps_its_text_and_quit_asks(qtbot, launch, data_dir,
                                                                         no_room_for_new_cases):
    window = started(qtbot, launch, data_dir)
    no_room_for_new_cases[0] = True
    type_a_new_case(qtbot, window, "Okafor")
    editor = window.editor
    qtbot.waitUntil(lambda: editor.save_state.text() == "Not saved — kept on screen", timeout=10000)
    assert editor.subject.family_name.text() == "Okafor"
    (box,) = error_boxes()
    assert box.windowTitle() == "Disk full"
    box.accept()
    assert window.workspace.has_unsaved_edits()

    window.close()  # quitting tries once more, fails, and asks
    qtbot.waitUntil(lambda: getattr(window, "discard_box", None) is not None and window.discard_box.isVisible())
    assert window.isVisible()
    assert window.discard_box.text() == "This new case could not be stored yet, so what you typed in it is not saved."
    next(b for b in window.discard_box.buttons() if b.text() == "Keep editing").click()
    for box in error_boxes():
        box.accept()

    no_room_for_new_cases[0] = False  # space was freed: the retry stores the case and what was typed
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=10000)
    assert stored_names(window, qtbot) == ["Okafor"]
    assert not window.workspace.has_unsaved_edits()


def test_a_lock_keeps_the_text_of_a_new_case_whose_creation_failed(qtbot, launch, data_dir, no_room_for_new_cases):
    window = started(qtbot, launch, data_dir)
    no_room_for_new_cases[0] = True
    type_a_new_case(qtbot, window, "Nguyen")
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Not saved — kept on screen", timeout=10000)
    for box in error_boxes():
        box.accept()
    window.lock()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.editor.subject.family_name.text() == ""  # nothing of it on screen while locked
    no_room_for_new_cases[0] = False
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=10000)
    assert window.editor.subject.family_name.text() == "Nguyen" and window.editor.case_id() is not None
    assert stored_names(window, qtbot) == ["Nguyen"]


def test_a_lock_while_a_new_case_is_being_created_keeps_its_text(qtbot, launch, data_dir):
    window = started(qtbot, launch, data_dir)
    gate = hold_the_store(window)  # the creation waits behind this
    type_a_new_case(qtbot, window, "Petrov")
    assert window.workspace.has_unsaved_edits()
    press(qtbot, window, Qt.Key.Key_L)
    assert window.pages.currentWidget() is window.locked_page
    gate.set()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=10000)
    assert window.editor.subject.family_name.text() == "Petrov"
    assert stored_names(window, qtbot) == ["Petrov"]  # one case: the one created, with the text saved into it


def test_leaving_a_new_case_while_it_is_created_waits_for_its_text_to_be_stored(qtbot, launch, data_dir):
    window = started(qtbot, launch, data_dir)
    gate = hold_the_store(window)
    type_a_new_case(qtbot, window, "Abebe")
    press(qtbot, window, Qt.Key.Key_N)  # another new case, before the first is even created
    gate.set()
    qtbot.waitUntil(lambda: window.workspace.is_blank() and window.editor.subject.family_name.text() == "",
                    timeout=10000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert stored_names(window, qtbot) == ["Abebe"]


@pytest.fixture
def deletes_refused(monkeypatch) -> None:
    """The store refuses every delete (an injected refusal, as for a case whose memo was printed)."""

    def delete_case(self, case_id, *, revision):
        raise ReadOnlyCase("A memo of this case was printed, so the case cannot be deleted.")

    monkeypatch.setattr(CaseStore, "delete_case", delete_case)


def confirm_delete(qtbot, window) -> None:
    window.workspace.ask_delete()
    box = window.workspace.delete_box
    qtbot.waitUntil(box.isVisible)
    next(b for b in box.buttons() if b.text() == "&Delete the case").click()


def test_a_refused_delete_keeps_the_last_edits_of_the_open_draft(qtbot, launch, data_dir, deletes_refused):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    type_into_notes(qtbot, window, "typed just before deleting")
    assert window.workspace.autosave_timer.isActive()  # not handed to the store yet
    confirm_delete(qtbot, window)
    qtbot.waitUntil(lambda: "Not deleted" in window.statusBar().currentMessage(), timeout=10000)
    assert window.editor.case_id() == case_id
    assert window.editor.notes.notes.toPlainText() == "typed just before deleting"
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert stored(window, qtbot, case_id).notes == "typed just before deleting"
    assert not window.workspace.has_unsaved_edits()


def test_a_refused_delete_keeps_edits_that_cannot_be_stored_as_unsaved(qtbot, launch, data_dir, deletes_refused,
                                                                       monkeypatch):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    monkeypatch.setattr(CaseStore, "update_case", lambda self, case, **kw: (_ for _ in ()).throw(StorageFull()))
    type_into_notes(qtbot, window, "on a full disk")
    confirm_delete(qtbot, window)
    qtbot.waitUntil(lambda: "Not deleted" in window.statusBar().currentMessage(), timeout=10000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    for box in error_boxes():
        box.accept()
    assert window.editor.case_id() == case_id
    assert window.editor.notes.notes.toPlainText() == "on a full disk"
    assert window.workspace.has_unsaved_edits()  # quit would ask; a lock would keep them
    monkeypatch.undo()
    window.workspace.flush()
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=10000)


def test_deleting_the_open_draft_stores_nothing_more_and_clears_the_editor(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    case_id = window.editor.case_id()
    type_into_notes(qtbot, window, "going with the case")
    confirm_delete(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 0, timeout=10000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.editor.case_id() is None and not window.workspace.has_unsaved_edits()
    assert stored_names(window, qtbot) == []
    assert window.statusBar().currentMessage().startswith("Deleted the draft case")
    del case_id
