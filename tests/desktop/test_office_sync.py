"""The Sync dialog driven with qtbot on the real app, against a real folder office and the real PostgreSQL:
the preview's counts, the run, Cancel mid-run (both sides consistent, the next sync finishes without duplicates),
the case list's marks and the status bar's summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from casework.model import Subject
from storage.office import link
from storage.store import CaseStore
from storage.sync import sync
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.office import conftest as office_fixtures
from tests.office.conftest import Laptops

office = office_fixtures.office  # the folder and PostgreSQL offices, and the three laptops, of tests/office
laptops = office_fixtures.laptops


def make_cases(store: CaseStore, *names: str) -> list[str]:
    ids = []
    for name in names:
        case = store.new_case().case
        store.update_case(replace(case, subject=Subject(family_name=name, given_names="Ana")))
        store.close_revision(case.id)
        ids.append(case.id)
    return ids


def office_sync(laptops: Laptops, store: CaseStore):
    backend = laptops.backend(store)
    try:
        return sync(store, backend)
    finally:
        backend.close()


def launch_as(qtbot, launch, laptops: Laptops, who: str):
    """Close `who`'s store (the fixture's) and open the app on that profile."""
    getattr(laptops, who).close()
    window = launch(Path(getattr(laptops, who).paths.data_dir))
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.status is not None and window.office.sync_action.isEnabled(), timeout=15000)
    return window


def open_sync_dialog(qtbot, window, by_key: bool = True):
    if by_key:
        QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        window.office.sync_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.isVisible(),
                    timeout=15000)
    dlg = window.sync_dialog
    qtbot.waitUntil(lambda: dlg.phase == "ready", timeout=10000)
    return dlg


def test_preview_then_sync_then_marks_and_summary(qtbot, launch, laptops: Laptops):
    make_cases(laptops.bob, "Bobcase")
    office_sync(laptops, laptops.bob)
    make_cases(laptops.alice, "Uno", "Dos")
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=15000)
    qtbot.waitUntil(lambda: len(window.model.sync_marks) == 2, timeout=15000)
    assert {m[0] for m in window.model.sync_marks.values()} == {"changed"}
    dlg = open_sync_dialog(qtbot, window)
    assert (dlg.up_list.count(), dlg.down_list.count()) == (2, 1)
    assert "2 case" in dlg.up_label.text() and "1 case" in dlg.down_label.text()
    assert "Bobcase, Ana" in dlg.down_list.item(0).text() and "(new here)" in dlg.down_list.item(0).text()
    shot(dlg, f"office-sync-preview-{laptops.office.kind}")
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "done", timeout=15000)
    assert (dlg.report.pushed, dlg.report.pulled, dlg.report.in_step) == (2, 1, True)
    assert "2 sent, 1 taken in" in window.statusBar().currentMessage()
    assert "both sides in step" in dlg.headline.text()
    shot(dlg, f"office-sync-done-{laptops.office.kind}")
    qtbot.waitUntil(lambda: window.model.total() == 3, timeout=15000)
    qtbot.waitUntil(lambda: len(window.model.sync_marks) == 3
                    and {m[0] for m in window.model.sync_marks.values()} == {"synced"}, timeout=15000)
    row = window.model.row_of(next(iter(window.model.sync_marks)))
    assert window.model.index(row, 3).data(Qt.ItemDataRole.AccessibleTextRole).endswith("· Synced")
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=15000)
    shot(window, f"office-case-list-synced-{laptops.office.kind}")


def test_cancel_mid_run_keeps_both_sides_consistent_and_the_next_sync_finishes(qtbot, launch, laptops: Laptops):
    ids = make_cases(laptops.alice, "Uno", "Dos", "Tres", "Cuatro")
    window = launch_as(qtbot, launch, laptops, "alice")
    dlg = open_sync_dialog(qtbot, window)
    assert dlg.up_list.count() == 4
    runner = window.office.runner
    step = runner.step

    def step_then_press_cancel(n: int) -> None:  # the officer presses Cancel right after the first case went up
        step(n)
        if runner._phase == "pushing" and runner._done >= 1:
            runner.cancel()

    runner.step = step_then_press_cancel
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=15000)
    runner.step = step
    assert "cancelled" in dlg.headline.text()
    assert "cancelled" in window.statusBar().currentMessage()
    dlg.reject()
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, _passphrase()) as alice:
        heads = alice.sync_heads()
        backend = link.linked_backend(alice)
        try:
            assert backend.heads() == heads  # exactly what was sent is recorded, on both sides
            assert len(heads) == 1 and set(heads) <= set(ids) and set(heads.values()) == {1}
        finally:
            backend.close()
        assert any(e.action == "office_sync_cancelled" for e in alice.audit_entries())
        report = sync(alice, link.linked_backend(alice))
        assert (report.pushed, report.in_step) == (3, True)
        assert link.linked_backend(alice).heads() == dict.fromkeys(ids, 1)  # no duplicate, nothing lost


@pytest.mark.parametrize("office", ["folder"], indirect=True)
def test_sync_is_refused_with_a_message_while_the_office_is_gone(qtbot, launch, laptops: Laptops, tmp_path):
    make_cases(laptops.alice, "Uno")
    window = launch_as(qtbot, launch, laptops, "alice")
    laptops.office.folder.rename(tmp_path / "unplugged")
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None, timeout=15000)
    dlg = window.sync_dialog
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=10000)
    assert "is not there" in dlg.headline.text() and not dlg.sync_button.isEnabled()


def _passphrase() -> str:
    from tests.conftest import PASSPHRASE

    return PASSPHRASE


def test_conflict_dialog_resolves_by_keyboard_and_the_next_sync_is_clean(qtbot, launch, laptops: Laptops):
    (case_id,) = make_cases(laptops.alice, "Núñez")
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.bob)
    for store, name, notes in ((laptops.bob, "Nunez", "Bob's note"), (laptops.alice, "Núñez-Ortiz", "Alice's note")):
        case = store.get_case(case_id)
        store.update_case(replace(case, subject=replace(case.subject, family_name=name), notes=notes))
        store.close_revision(case_id)
    office_sync(laptops, laptops.bob)
    assert office_sync(laptops, laptops.alice).conflicts == 2
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: window.model.sync_marks.get(case_id, ("",))[0] == "conflict", timeout=15000)
    shot(window, f"office-case-list-conflict-{laptops.office.kind}")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15000)  # the list has taken every refresh
    row = window.model.row_of(case_id)
    window.table.setCurrentIndex(window.model.index(row, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: window.editor.case_id() == case_id, timeout=15000)
    assert "changed both here and at the office" in window.statusBar().currentMessage()
    rect = window.table.visualRect(window.model.index(row, 0))
    window.workspace._on_table_menu_requested(rect.center())  # the list's context menu leads to the dialog
    (resolve,) = [a for a in window.workspace.table_menu.actions() if "conflicts" in a.text()]
    assert resolve.isEnabled()
    window.workspace.table_menu.close()
    resolve.trigger()
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible(), timeout=15000)
    dlg = window.conflict_dialog
    titles = {path: box.title() for path, box in dlg.boxes.items()}
    assert titles == {"subject.family_name": "Subject › Family name", "notes": "Notes"}
    assert "Núñez-Ortiz" in visible(dlg) and "Nunez" in visible(dlg)
    shot(dlg, f"office-conflict-dialog-{laptops.office.kind}")
    # Keyboard only: the focus starts on the first field's "Keep mine"; Right takes theirs; Tab goes to the next
    # field's choice (past the read-only views), where mine stays; Enter applies.
    first = dlg.focusWidget()
    assert first is dlg.groups["notes"].buttons()[0]
    QTest.keyClick(first, Qt.Key.Key_Right)
    assert dlg.choices() == {"notes": "theirs", "subject.family_name": "mine"}
    with qtbot.waitSignal(dlg.finished, timeout=10000):
        QTest.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
    assert "Resolved 2 fields of " in window.statusBar().currentMessage()
    dlg2 = open_sync_dialog(qtbot, window, by_key=False)
    assert dlg2.up_list.count() == 1 and dlg2.held_list.count() == 0
    dlg2.sync_button.click()
    qtbot.waitUntil(lambda: dlg2.phase == "done", timeout=15000)
    assert (dlg2.report.conflicts, dlg2.report.pushed, dlg2.report.in_step) == (0, 1, True)
    office_sync(laptops, laptops.bob)
    bob = laptops.bob.get_case(case_id)
    assert (bob.subject.family_name, bob.notes) == ("Núñez-Ortiz", "Bob's note")


def visible(dlg) -> str:
    from tests.desktop.conftest import visible_texts

    return visible_texts(dlg)


def test_supervisor_concurs_in_the_queue_and_the_officer_sees_it_after_sync(qtbot, launch, laptops: Laptops):
    from casework.assessment import ReviewDecision
    from tests.storage.test_record_integrity import ready_case

    waiting = ready_case(laptops.alice)
    laptops.alice.submit_case(waiting.id)
    returned = ready_case(laptops.bob)
    laptops.bob.submit_case(returned.id)
    for store in (laptops.alice, laptops.bob, laptops.sam):
        office_sync(laptops, store)
    laptops.sam.review_case(returned.id, ReviewDecision.RETURNED, "Court record missing.")
    window = launch_as(qtbot, launch, laptops, "sam")
    assert window.office.queue_action.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "review_queue", None) is not None and window.review_queue.isVisible(),
                    timeout=15000)
    dlg = window.review_queue
    queue = dlg.queue
    qtbot.waitUntil(lambda: len(queue._rows) == 2, timeout=15000)
    assert [r.case_id for r in queue.shown()] == [waiting.id]  # "Waiting for review" first
    queue.show_filter.setCurrentIndex(queue.show_filter.findData("returned"))
    assert [r.case_id for r in queue.shown()] == [returned.id]
    queue.show_filter.setCurrentIndex(queue.show_filter.findData("all"))
    queue.officer_filter.setCurrentIndex(queue.officer_filter.findData("AM-101"))
    assert [r.case_id for r in queue.shown()] == [waiting.id]
    queue.age_filter.setCurrentIndex(queue.age_filter.findData(7))
    assert queue.shown() == []  # submitted minutes ago
    queue.age_filter.setCurrentIndex(0)
    queue.officer_filter.setCurrentIndex(0)
    queue.show_filter.setCurrentIndex(0)
    queue.select(waiting.id)
    qtbot.waitUntil(lambda: dlg.case is not None and dlg.case.id == waiting.id, timeout=15000)
    assert waiting.case_number in dlg.detail.toPlainText() and "Determination" in dlg.detail.toPlainText()
    shot(dlg, f"office-review-queue-{laptops.office.kind}")
    dlg.return_button.click()
    assert dlg.message.text() == "Not recorded: say why, in the comment, when returning or not concurring."
    dlg.concur_button.click()  # asks first: the decision and the comment; Enter records it
    box = dlg.decision_box
    qtbot.waitUntil(box.isVisible)
    assert f"Record “Concur” on case {waiting.case_number}?" in box.text() and "No comment." in box.text()
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "concurred" in dlg.message.text() and waiting.case_number in dlg.message.text(),
                    timeout=15000)
    dlg.close()
    sync_dialog = open_sync_dialog(qtbot, window, by_key=False)
    assert sync_dialog.up_list.count() == 2  # the decision and the return
    sync_dialog.sync_button.click()
    qtbot.waitUntil(lambda: sync_dialog.phase == "done", timeout=15000)
    sync_dialog.reject()
    window.close()
    window.shutdown()

    officer = launch_as(qtbot, launch, laptops, "alice")
    dlg2 = open_sync_dialog(qtbot, officer, by_key=False)
    down = [dlg2.down_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg2.down_list.count())]
    assert sorted(down) == sorted([waiting.id, returned.id])  # the decision, and Bob's case (new here)
    dlg2.sync_button.click()
    qtbot.waitUntil(lambda: dlg2.phase == "done", timeout=15000)
    dlg2.reject()
    qtbot.waitUntil(lambda: officer.model.sync_marks.get(waiting.id) == ("synced", "concurred"), timeout=15000)
    row = officer.model.row_of(waiting.id)
    assert "New: concurred" in officer.model.index(row, 3).data(Qt.ItemDataRole.AccessibleTextRole)
    shot(officer, f"office-case-list-new-decision-{laptops.office.kind}")
    qtbot.waitUntil(lambda: not officer.tasks.busy, timeout=15000)  # the list has taken every refresh
    row = officer.model.row_of(waiting.id)
    officer.table.setCurrentIndex(officer.model.index(row, 0))
    QTest.keyClick(officer.table, Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: officer.editor.case_id() == waiting.id, timeout=15000)
    qtbot.waitUntil(lambda: officer.model.sync_marks.get(waiting.id) == ("synced", ""), timeout=15000)  # viewed
    officer.office.refresh_marks()
    qtbot.waitUntil(lambda: not officer.tasks.busy, timeout=15000)
    assert officer.model.sync_marks.get(waiting.id) == ("synced", "")  # and stays cleared (the store's notice)


def test_the_queue_offers_no_decision_on_the_supervisors_own_submission(qtbot, launch, laptops: Laptops):
    from tests.storage.test_record_integrity import ready_case

    own = ready_case(laptops.sam)
    laptops.sam.submit_case(own.id)
    theirs = ready_case(laptops.alice)
    laptops.alice.submit_case(theirs.id)
    for store in (laptops.alice, laptops.sam):
        office_sync(laptops, store)
    window = launch_as(qtbot, launch, laptops, "sam")
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "review_queue", None) is not None and window.review_queue.isVisible(),
                    timeout=15000)
    dlg = window.review_queue
    qtbot.waitUntil(lambda: len(dlg.queue._rows) == 2, timeout=15000)
    dlg.queue.select(own.id)
    qtbot.waitUntil(lambda: dlg.case is not None and dlg.case.id == own.id, timeout=15000)
    assert not any(b.isEnabled() for b in (dlg.concur_button, dlg.return_button, dlg.nonconcur_button))
    assert dlg.message.text() == "You submitted this case, so another supervisor must review it."
    dlg.queue.select(theirs.id)
    qtbot.waitUntil(lambda: dlg.case is not None and dlg.case.id == theirs.id, timeout=15000)
    assert all(b.isEnabled() for b in (dlg.concur_button, dlg.return_button, dlg.nonconcur_button))
    assert dlg.message.text() == ""
    dlg.close()
    window.close()
    window.shutdown()
