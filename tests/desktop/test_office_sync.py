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
from tests.office.conftest import Laptops, laptops, office  # noqa: F401 - fixtures


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
    qtbot.waitUntil(lambda: window.office.status is not None and window.office.sync_action.isEnabled())
    return window


def open_sync_dialog(qtbot, window):
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None and window.sync_dialog.isVisible())
    dlg = window.sync_dialog
    qtbot.waitUntil(lambda: dlg.phase == "ready", timeout=10000)
    return dlg


def test_preview_then_sync_then_marks_and_summary(qtbot, launch, laptops: Laptops):
    make_cases(laptops.bob, "Bobcase")
    office_sync(laptops, laptops.bob)
    make_cases(laptops.alice, "Uno", "Dos")
    window = launch_as(qtbot, launch, laptops, "alice")
    qtbot.waitUntil(lambda: window.model.total() == 2)
    qtbot.waitUntil(lambda: len(window.model.sync_marks) == 2)
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
    qtbot.waitUntil(lambda: window.model.total() == 3)
    qtbot.waitUntil(lambda: len(window.model.sync_marks) == 3
                    and {m[0] for m in window.model.sync_marks.values()} == {"synced"})
    row = window.model.row_of(next(iter(window.model.sync_marks)))
    assert window.model.index(row, 3).data(Qt.ItemDataRole.AccessibleTextRole).endswith("· Synced")
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible())
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
    qtbot.waitUntil(lambda: getattr(window, "sync_dialog", None) is not None)
    dlg = window.sync_dialog
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=10000)
    assert "is not there" in dlg.headline.text() and not dlg.sync_button.isEnabled()


def _passphrase() -> str:
    from tests.conftest import PASSPHRASE

    return PASSPHRASE
