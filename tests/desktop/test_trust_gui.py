"""Issue 11 in the window: Help ▸ About reports the crypto module as `casefile doctor` does and says plainly
when it is not FIPS-validated; a locked window's title holds no case data."""

from __future__ import annotations

import re
import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from casework.model import CaseFile, Subject
from storage.database import connect, crypto_module
from storage.keyslot import read_key_file
from storage.store import CaseStore
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing
from tests.desktop.conftest import open_first_case, shot, unlock, wait_unlocked
from tests.desktop.walkers import clashes, unnamed_focusable


def test_about_reports_the_crypto_module_as_doctor_does(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    conn = connect(data_dir / "casefile.db", read_key_file(data_dir / "casefile.keys").unwrap(PASSPHRASE),
                   read_only=True)
    module = crypto_module(conn)
    conn.close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.about_action.trigger()
    dlg = window.about_dialog
    qtbot.waitUntil(lambda: "SQLCipher 4" in dlg.versions.text(), timeout=5000)
    text = dlg.versions.text()
    assert module.summary() in text and module.version in text and module.provider_version in text
    assert not module.fips_validated  # the bundled build: the box must say so in so many words
    assert "not FIPS 140-validated" in text
    shot(dlg, "help-about-crypto")


def test_a_locked_window_title_holds_no_case_data(qtbot, launch, data_dir):
    case = CaseFile(id="", case_number="", subject=Subject(family_name=MARKER, given_names=MARKER))
    window = open_first_case(qtbot, launch, data_dir, replace(case))
    assert MARKER in window.editor.subject.family_name.text()  # the control: the case is on screen
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: not window.unlocked)
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert window.windowTitle() == "Casefile"
    assert titles and not any(MARKER in t for t in titles)


def _history(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = window.history_dialog
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(lambda: dlg.history is not None and not window.tasks.busy, timeout=5000)
    return dlg


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_history_lists_who_did_what_without_values_and_the_chain_state(qtbot, launch, data_dir):
    case = CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"))
    window = open_first_case(qtbot, launch, data_dir, case)
    case_id = window.editor.case_id()
    qtbot.keyClicks(window.editor.subject.given_names, MARKER)  # an edit whose value must never be shown
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)
    window.tasks.run_op(parent=None, op=lambda store: store.close_revision(case_id))
    window.tasks.wait_idle()

    dlg = _history(qtbot, window)
    rows = _cells(dlg.entries)
    assert all(MARKER not in cell for row in rows for cell in row)
    actions = [r[4] for r in rows]
    assert "Imported" in actions and "Viewed" in actions and "Edited" in actions
    (edit,) = [r for r in rows if r[4] == "Edited"]
    assert "fields:" in edit[5] and "given" in edit[5]  # which fields, never what was typed
    assert edit[2] == OFFICER.officer_id and edit[3]  # officer and device
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d$", edit[1])
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)  # newest first
    assert [r[0] for r in _cells(dlg.revisions)] == ["2", "1"]
    assert dlg.verification.text().startswith("Audit log verified")
    assert dlg.entries.accessibleName() and dlg.revisions.accessibleName() and dlg.verification.accessibleName()
    assert unnamed_focusable(dlg) == [] and clashes(dlg) == []
    shot(dlg, "case-history")

    # A kind of event this view has never heard of (sync adds its own) shows, and the view reloads by itself.
    window.tasks.run_op(parent=None, op=lambda store: store.record_event("office_merge_applied", case_id, "3 fields"))
    qtbot.waitUntil(lambda: "Office merge applied" in [r[4] for r in _cells(dlg.entries)], timeout=5000)
    dlg.reject()


def test_history_marks_entries_after_a_tampered_one(qtbot, launch, data_dir):
    case = CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"))
    window = open_first_case(qtbot, launch, data_dir, case)

    def tamper(store):
        store.conn.execute("UPDATE audit_log SET detail = 'nothing to see' WHERE action = 'case_imported'")
        return int(store.conn.execute("SELECT seq FROM audit_log WHERE action = 'case_imported'").fetchone()[0])

    op = window.tasks.run_op(parent=None, op=tamper)
    seqs = []
    op.success(seqs.append)
    window.tasks.wait_idle()
    table = window.table
    table.setFocus()
    # What the Menu key sends: the list's context menu, then H (its mnemonic) for History.
    at = table.visualRect(window.model.index(0, 1)).center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at,
                                                               table.viewport().mapToGlobal(at)))
    qtbot.waitUntil(lambda: getattr(window.workspace, "table_menu", None) is not None
                    and window.workspace.table_menu.isVisible())
    qtbot.keyClick(window.workspace.table_menu, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None)
    dlg = window.history_dialog
    qtbot.waitUntil(lambda: dlg.history is not None, timeout=5000)
    assert dlg.verification.text().startswith("The audit log failed its check")
    assert f"number {seqs[0]} on" in dlg.verification.text()
    marked = [dlg.entries.item(r, 0).text() for r in range(dlg.entries.rowCount())
              if not dlg.entries.item(r, 0).icon().isNull()]
    assert marked and min(int(s) for s in marked) == seqs[0]
    shot(dlg, "case-history-tampered")


def _backups(qtbot, window):
    window.backups_action.trigger()
    dlg = window.backups_dialog
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(lambda: not dlg._working and not window.tasks.busy, timeout=5000)
    return dlg


def test_backups_back_up_now_cancel_and_retention(qtbot, launch, data_dir):
    from desktop import settings as S
    from storage.paths import StorePaths

    case = CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"), notes=MARKER)
    window = open_first_case(qtbot, launch, data_dir, case)
    dlg = _backups(qtbot, window)
    assert dlg.table.rowCount() == 0 and dlg.progress_label.text() == "No backups yet."
    assert unnamed_focusable(dlg) == [] and clashes(dlg) == []

    qtbot.mouseClick(dlg.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1 and not dlg._working, timeout=10000)
    row = _cells(dlg.table)[0]
    assert row[1] == "By hand" and row[2] == "1" and row[4] == "Yes: matches its checksum"
    assert row[3].endswith(" MB") and re.search(r"UTC[+-]\d\d:\d\d$", row[0])
    assert files_containing(StorePaths(data_dir).data_dir / "backups", MARKER) == []

    # Cancel: the backup waits behind other work on the store thread, is cancelled, and leaves nothing.
    gate = threading.Event()
    window.tasks.run_op(parent=None, op=lambda _store: gate.wait(10))
    dlg.backup_button.setFocus()
    qtbot.keyClick(dlg.backup_button, Qt.Key.Key_Space)
    assert dlg.cancel_button.isVisible() and not dlg.backup_button.isEnabled()
    shot(dlg, "backups-under-way")
    qtbot.keyClick(dlg.cancel_button, Qt.Key.Key_Space)
    gate.set()
    qtbot.waitUntil(lambda: dlg.progress_label.text() == "Backup cancelled; nothing was kept.", timeout=10000)
    assert len([p for p in (data_dir / "backups").iterdir()]) == 1 and dlg.backup_button.isEnabled()

    # Retention: two settings, typed; a hand-edited value is bounded where it is read.
    dlg.daily.setFocus()
    dlg.daily.selectAll()
    qtbot.keyClicks(dlg.daily, "3")
    assert S.BACKUP_DAILY_DAYS.get(window.settings) == 3
    window.settings.setValue("backups/weekly_weeks", 999)
    assert S.BACKUP_WEEKLY_WEEKS.get(window.settings) == S.BACKUP_WEEKLY_RANGE[1]
    window.settings.setValue("backups/daily_days", -4)
    from desktop.dialogs.backups import retention

    assert retention(window.settings) == type(retention(window.settings))(1, S.BACKUP_WEEKLY_RANGE[1])
    shot(dlg, "backups")
    dlg.reject()


def test_backups_restore_keeps_the_current_store_aside_and_reopens(qtbot, launch, data_dir):
    case = CaseFile(id="", case_number="", subject=Subject(family_name="Okafor"))
    window = open_first_case(qtbot, launch, data_dir, case)
    backup = []
    window.tasks.run_op(parent=None, op=lambda store: store.backup()).success(backup.append)
    window.tasks.wait_idle()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a case made after the backup
    qtbot.keyClicks(window.editor.subject.family_name, "After")
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=5000)

    dlg = _backups(qtbot, window)
    dlg.table.setFocus()
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    ask = dlg.restore_prompt
    qtbot.waitUntil(ask.isVisible)
    assert "keeps it aside whole" in ask.labelText()
    ask.setTextValue("not the passphrase at all")
    qtbot.keyClick(ask, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() and "does not open this backup"
                                in w.text() for w in QApplication.topLevelWidgets()), timeout=10000)
    assert window.unlocked and window.model.total() == 2  # nothing changed, the store is still open
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.accept()

    dlg = _backups(qtbot, window)
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    ask = dlg.restore_prompt
    qtbot.waitUntil(ask.isVisible)
    qtbot.keyClicks(ask.findChild(QLineEdit), PASSPHRASE)
    qtbot.keyClick(ask, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.unlocked, timeout=5000)
    qtbot.waitUntil(lambda: window.unlocked and not window.tasks.busy, timeout=15000)
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=5000)
    assert "kept in" in window.statusBar().currentMessage()
    (aside,) = data_dir.glob("replaced-*")
    assert (aside / "casefile.db").exists() and (aside / "casefile.keys").exists()
    actions = []
    window.tasks.run_op(parent=None, op=lambda store: [e.action for e in store.audit_entries()]).success(
        actions.append)
    window.tasks.wait_idle()
    log = actions[0]
    last_unlock = len(log) - 1 - log[::-1].index("unlocked")
    assert log[last_unlock + 1] == "backup_restored"  # recorded in the restored store, right after it opened
    with CaseStore.open(aside, PASSPHRASE) as replaced:  # the replaced store is whole, the later case in it
        assert replaced.count_cases() == 2


def test_a_store_with_a_damaged_wal_frame_opens_read_only_and_a_restore_makes_it_writable(qtbot, launch, data_dir):
    from storage import wal
    from tests.storage.test_wal_damage import flip_in_frame, killed_mid_saves

    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
        made = store.backup()
    killed_mid_saves(data_dir, 20, create=False)
    wal_file = data_dir / "casefile.db-wal"
    found = wal.scan(wal_file)
    assert found is not None
    flip_in_frame(wal_file, found.frames // 2)
    damaged_wal = wal_file.read_bytes()

    window = launch(data_dir)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "store_warning", None), QMessageBox)
                    and window.store_warning.isVisible(), timeout=10_000)
    text = window.store_warning.text()
    assert f"-wal file is damaged at frame {found.frames // 2 + 1}" in text and "open read-only" in text
    assert made.name in text  # the newest good backup, by name
    shot(window.store_warning, "wal-damage-warning")
    window.store_warning.accept()
    wait_unlocked(qtbot, window)

    dlg = _backups(qtbot, window)
    assert _cells(dlg.table)[0][4] == "Yes: matches its checksum"
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    ask = dlg.restore_prompt
    qtbot.waitUntil(ask.isVisible)
    qtbot.keyClicks(ask.findChild(QLineEdit), PASSPHRASE)
    qtbot.keyClick(ask, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.unlocked, timeout=5000)
    qtbot.waitUntil(lambda: window.unlocked and not window.tasks.busy, timeout=15000)
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=5000)
    (aside,) = data_dir.glob("replaced-*")
    assert (aside / "casefile.db-wal").read_bytes() == damaged_wal  # the damage kept as it was, for salvage
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # the restored store is writable
    qtbot.keyClicks(window.editor.subject.family_name, "After the restore")
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=5000)


def test_the_scheduled_backup_keeps_what_the_retention_settings_say(qtbot, launch, data_dir):
    from datetime import UTC, datetime, timedelta

    from storage import backup as backups
    from storage.paths import StorePaths

    now = datetime.now(UTC)
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
        for days in (2, 3, 9, 16):  # older scheduled backups: two within the days kept, two weeks back
            backups.create_backup(store.conn, store.paths, "scheduled", now=now - timedelta(days=days))
    window = launch(data_dir)
    window.settings.setValue("backups/daily_days", 3)  # today and the two days before…
    window.settings.setValue("backups/weekly_weeks", -5)  # …and no weekly ones (a bad value reads as 0)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window._scheduled_backup()  # what the timer calls a minute after unlocking
    qtbot.waitUntil(lambda: "Backed up the case store." in window.statusBar().currentMessage(), timeout=10_000)
    kept = sorted(round((now - b.taken_at).total_seconds() / 86400) for b in backups.list_backups(StorePaths(data_dir)))
    assert kept == [0, 2]  # the new one and the one two days old; three days old is past "today and two before"


def test_history_translates_the_store_s_prefix_of_a_detail_and_keeps_the_rest_as_recorded(qtbot):
    """In Spanish the recorded "revision 2; fields: …" reads "revisión 2; campos: …"; a file name or a reason
    that happens to hold those words ("revision-notes.pdf", "none") is shown exactly as stored."""
    from desktop import i18n
    from desktop.dialogs.history import HistoryDialog

    i18n.install("es")
    try:
        dlg = HistoryDialog.__new__(HistoryDialog)  # detail_text needs only tr()
        assert dlg.detail_text("revision 2; fields: subject.family_name, notes") == \
            "revisión 2; campos: subject.family_name, notes"
        assert dlg.detail_text("revision 3; fields: none") == "revisión 3; campos: ninguno"
        assert dlg.detail_text("revision 4 as office revision 9").startswith("revisión 4 ")
        assert dlg.detail_text("saved as revision-notes.pdf (none of it)") == "saved as revision-notes.pdf (none of it)"
        assert dlg.detail_text("revision 5, saved as revision none.pdf").endswith(", saved as revision none.pdf")
    finally:
        i18n.install("en")
