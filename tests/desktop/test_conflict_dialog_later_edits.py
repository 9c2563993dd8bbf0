"""The Resolve conflicts dialog on the real app: an edit typed after the conflict was recorded is what "Keep mine"
shows and keeps (Enter never brings back the older value), and in a `deleted` conflict Enter keeps the case."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.test_office_sync import launch_as, make_cases, office_sync, visible
from tests.office import conftest as office_fixtures
from tests.office.conftest import Laptops
from tests.office.test_conflict_after_edits import conflicted

office = office_fixtures.office
laptops = office_fixtures.laptops


def set_notes(store: CaseStore, case_id: str, notes: str) -> None:
    case = store.get_case(case_id)
    store.update_case(replace(case, notes=notes))
    store.close_revision(case_id)


def open_conflict_dialog(qtbot, window):
    window.office.conflicts_action.trigger()  # Ctrl+Shift+C (the shortcut itself: tests/desktop/test_shortcuts.py)
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible(), timeout=15000)
    return window.conflict_dialog


def test_keep_mine_keeps_what_was_typed_after_the_conflict(qtbot, launch, laptops: Laptops):
    case_id = conflicted(laptops)  # notes: "A-FIRST" here, "B-ONLY" at the office
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: window.model.sync_marks.get(case_id, ("",))[0] == "conflict", timeout=15000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)
    window.table.setCurrentIndex(window.model.index(window.model.row_of(case_id), 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.case_id() == case_id, timeout=15000)
    editor = window.editor
    editor.focus_field("notes")
    editor.notes.notes.moveCursor(editor.notes.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.notes.notes, " A-SECOND-AFTER-CONFLICT")
    dlg = open_conflict_dialog(qtbot, window)  # at once, as an officer would: before the autosave fires
    assert "A-FIRST A-SECOND-AFTER-CONFLICT" in visible(dlg) and "B-ONLY" in visible(dlg)
    assert dlg.choices() == {"notes": "mine"}
    with qtbot.waitSignal(dlg.finished, timeout=10000):
        QTest.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
    assert dlg.resolved == 1
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "A-FIRST A-SECOND-AFTER-CONFLICT"
        assert alice.sync_conflicts() == []


def test_in_a_deletion_conflict_enter_keeps_the_case_and_the_time_is_local(qtbot, launch, laptops: Laptops):
    (case_id,) = make_cases(laptops.alice, "Núñez")
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.bob)
    set_notes(laptops.bob, case_id, "Bob's work")
    laptops.alice.delete_case(case_id, revision=laptops.alice.get_case(case_id).revision)
    office_sync(laptops, laptops.bob)
    assert office_sync(laptops, laptops.alice).conflicts == 1  # the office's copy comes back, for a person
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: case_id in window.model.sync_marks, timeout=15000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)
    dlg = open_conflict_dialog(qtbot, window)
    text = visible(dlg)
    assert "Deleted by AM-101 on " in text and "+00:00" not in text and "T0" not in text
    (keep_side,) = [b for b in dlg.groups["deleted"].buttons() if b.isChecked()]
    assert keep_side.text() == "Keep the case (as at the office)" and dlg.focusWidget() is keep_side
    assert dlg.choices() == {"deleted": "theirs"}
    with qtbot.waitSignal(dlg.finished, timeout=10000):
        QTest.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "Bob's work" and alice.sync_conflicts() == []


def test_deleting_a_draft_on_a_linked_laptop_says_the_office_and_other_laptops_lose_it(qtbot, launch,
                                                                                          laptops: Laptops):
    (case_id,) = make_cases(laptops.alice, "Núñez")
    office_sync(laptops, laptops.alice)
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: case_id in window.model.sync_marks, timeout=15000)
    ws = window.workspace
    ws.ask_delete(case_id)
    qtbot.waitUntil(lambda: ws.delete_box is not None and ws.delete_box.isVisible(), timeout=5000)
    assert "cannot be brought back" in ws.delete_box.informativeText()
    assert "the next sync deletes the case at the office and on the other laptops too" in \
        ws.delete_box.informativeText()
    ws.delete_box.reject()


def test_taking_theirs_over_an_edit_made_while_the_dialog_was_open_is_refused_and_shown(qtbot, launch,
                                                                                        laptops: Laptops):
    case_id = conflicted(laptops)  # notes: "A-FIRST" here, "B-ONLY" at the office
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)
    dlg = open_conflict_dialog(qtbot, window)
    assert dlg.mine_views["notes"].toPlainText() == "A-FIRST"
    edited: list[object] = []
    window.tasks.run_op(parent=window, op=lambda store: set_notes(store, case_id, "A-FIRST A-LATER")).success(
        edited.append)
    qtbot.waitUntil(lambda: len(edited) == 1, timeout=10000)
    dlg.choose("notes", "theirs")
    dlg.apply_button.click()
    qtbot.waitUntil(lambda: dlg.message.text() != "", timeout=10000)
    assert dlg.message.text().startswith("Not applied: 'notes' changed on this laptop since the conflict was shown")
    qtbot.waitUntil(lambda: dlg.mine_views["notes"].toPlainText() == "A-FIRST A-LATER", timeout=10000)
    assert dlg.isVisible()
    with qtbot.waitSignal(dlg.finished, timeout=10000):
        dlg.apply_button.click()  # theirs again, now over the value shown
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "B-ONLY" and alice.sync_conflicts() == []


def test_a_choice_over_an_office_value_a_sync_changed_while_the_dialog_was_open_is_refused_and_shown(
        qtbot, launch, laptops: Laptops):
    """The office's side can change under an open dialog too: a sync (automatic, or from the toolbar) brings
    another value from the other laptop. Applying the choice made against the old one is refused, the office's
    column shows the new one, and the next Apply decides against what is shown."""
    from storage.sync import sync

    case_id = conflicted(laptops)  # notes: "A-FIRST" here, "B-ONLY" at the office
    set_notes(laptops.bob, case_id, "B-SECOND")
    office_sync(laptops, laptops.bob)
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)
    dlg = open_conflict_dialog(qtbot, window)
    assert dlg.theirs_views["notes"].toPlainText() == "B-ONLY"
    synced: list[object] = []

    def sync_now(store: CaseStore) -> object:
        backend = laptops.backend(store)
        try:
            return sync(store, backend)
        finally:
            backend.close()

    window.tasks.run_op(parent=window, op=sync_now).success(synced.append)
    qtbot.waitUntil(lambda: len(synced) == 1, timeout=15000)
    dlg.choose("notes", "mine")
    dlg.apply_button.click()
    qtbot.waitUntil(lambda: dlg.message.text() != "", timeout=10000)
    assert dlg.message.text().startswith("Not applied: The office's value of 'notes' changed since the conflict was "
                                         "shown (a sync brought another)")
    qtbot.waitUntil(lambda: dlg.theirs_views["notes"].toPlainText() == "B-SECOND", timeout=10000)
    assert dlg.isVisible()
    dlg.choose("notes", "theirs")
    with qtbot.waitSignal(dlg.finished, timeout=10000):
        dlg.apply_button.click()  # now against the office's value shown
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "B-SECOND" and alice.sync_conflicts() == []
