"""The Sync dialog after a Cancel (Close and Sync again work), with a conflict found by this very sync (the
held-back section and its button appear, and the summary says a person must choose), and its counts in words."""

from __future__ import annotations

from dataclasses import replace

from storage.sync import SyncReport
from tests.desktop.test_office_sync import launch_as, make_cases, office_sync, open_sync_dialog
from tests.office import conftest as office_fixtures
from tests.office.conftest import Laptops

office = office_fixtures.office
laptops = office_fixtures.laptops


def test_after_cancel_close_and_sync_again_are_there(qtbot, launch, laptops: Laptops):
    make_cases(laptops.alice, "Uno", "Dos", "Tres")
    window = launch_as(qtbot, launch, laptops, "alice")
    dlg = open_sync_dialog(qtbot, window, by_key=False)
    runner = window.office.runner
    step = runner.step

    def step_then_press_cancel(n: int) -> None:
        step(n)
        if runner._phase == "pushing" and runner._done >= 1:
            runner.cancel()

    runner.step = step_then_press_cancel
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=15000)
    runner.step = step
    assert dlg.cancel_button.isEnabled() and dlg.cancel_button.text() == "&Close"
    assert dlg.sync_button.isEnabled() and dlg.sync_button.text() == "Sync &again"
    dlg.sync_button.click()  # a fresh look at what is left, then the sync
    qtbot.waitUntil(lambda: dlg.phase == "ready", timeout=15000)
    assert dlg.up_list.count() == 2 and dlg.headline.text() == "Goes up: 2 cases. Comes down: 0 cases. Sync now?"
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "done", timeout=15000)
    assert dlg.report.in_step and dlg.cancel_button.isEnabled()
    assert dlg.headline.text() == "Synced: 2 sent, 0 taken in — both sides in step: 3 cases."
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)


def test_a_conflict_found_by_this_sync_is_held_back_with_its_button(qtbot, launch, laptops: Laptops):
    (case_id,) = make_cases(laptops.alice, "Núñez")
    office_sync(laptops, laptops.alice)
    office_sync(laptops, laptops.bob)
    for store, notes in ((laptops.bob, "Bob's note"), (laptops.alice, "Alice's note")):
        case = store.get_case(case_id)
        store.update_case(replace(case, notes=notes))
        store.close_revision(case_id)
    office_sync(laptops, laptops.bob)
    window = launch_as(qtbot, launch, laptops, "alice")
    dlg = open_sync_dialog(qtbot, window, by_key=False)
    assert not dlg.held_list.isVisible() and dlg.headline.text() == \
        "Goes up: 1 case. Comes down: 1 case. Sync now?"
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "done", timeout=15000)
    assert dlg.report.conflicts == 1 and not dlg.report.in_step
    assert dlg.held_list.isVisible() and dlg.held_list.count() == 1 and "Núñez, Ana" in dlg.held_list.item(0).text()
    assert dlg.resolve_button.isVisible() and dlg.resolve_button.isEnabled()
    assert "waits for a person" in dlg.headline.text() and "sync again" not in dlg.headline.text()
    dlg.resolve_button.click()
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible(), timeout=15000)
    assert window.conflict_dialog.case.id == case_id
    window.conflict_dialog.reject()
    dlg2 = open_sync_dialog(qtbot, window, by_key=False)  # the next preview holds it back, button enabled
    assert dlg2.held_list.count() == 1 and dlg2.resolve_button.isEnabled()
    dlg2.reject()


def test_the_summary_counts_cases_and_deletions_apart_in_plural_words(qtbot, launch, laptops: Laptops):
    from desktop.dialogs.sync_dialog import summary_text

    window = launch_as(qtbot, launch, laptops, "alice")
    report = SyncReport(pushed=1, pulled=1, office_cases=3, local_cases=3, deletions=1)
    assert summary_text(window, report) == "Synced: 1 sent, 1 taken in — both sides in step: 2 cases, 1 deletion."
    report = SyncReport(pushed=0, pulled=0, office_cases=2, local_cases=2, office_digest="x", local_digest="y")
    assert summary_text(window, report) == "Synced: 0 sent, 0 taken in — the sides differ: sync again."
