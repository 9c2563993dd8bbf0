"""Office settings, joining, members and the automatic sync, on the real app and real offices: the connection
test names what is wrong (server gone, wrong DSN, folder missing or not writable, an office schema newer than the
app), a new profile joins through the dialog and is approved through the members dialog, and the automatic sync
runs only when the office answers and no save is pending."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from casework.model import Officer
from desktop import settings as S
from storage.office.probe import Probe, probe_folder, probe_postgres
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import shot, type_text, unlock, wait_unlocked
from tests.desktop.test_office_sync import launch_as, make_cases, office_sync
from tests.office import conftest as office_fixtures
from tests.office.conftest import PG_DSN, Laptops

office = office_fixtures.office
laptops = office_fixtures.laptops


# ----- the connection test (storage.office.probe), each outcome by name ---------------------------------------

def test_probe_of_a_folder_names_what_is_wrong(tmp_path: Path):
    assert probe_folder(tmp_path / "gone" / "office").outcome is Probe.UNREACHABLE
    assert "is not there" in probe_folder(tmp_path / "gone" / "office").message
    (tmp_path / "new-office").mkdir()
    assert probe_folder(tmp_path / "new-office").outcome is Probe.EMPTY  # an office can be created there
    assert probe_folder(Path("/proc")).outcome is Probe.NOT_WRITABLE  # even root cannot write there
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x")
    assert probe_folder(tmp_path / "other").outcome is Probe.NOT_AN_OFFICE


def test_probe_of_an_office_folder_and_one_from_a_newer_app(laptops: Laptops):
    if laptops.office.kind == "folder":
        found = probe_folder(laptops.office.folder)
        assert found.outcome is Probe.OFFICE and found.ok
        marker = laptops.office.folder / "casefile-office.json"
        marker.write_text(json.dumps({**json.loads(marker.read_text()), "format_version": 99}))
        newer = probe_folder(laptops.office.folder)
    else:
        import psycopg

        assert probe_postgres(PG_DSN, laptops.office.schema).outcome is Probe.OFFICE
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'INSERT INTO "{laptops.office.schema}".office_schema_version (version, purpose) '
                         "VALUES (99, 'from the future')")
        newer = probe_postgres(PG_DSN, laptops.office.schema)
    assert newer.outcome is Probe.TOO_NEW and not newer.ok
    assert "newer" in newer.message and "Update Casefile" in newer.message


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_probe_of_postgres_tells_a_gone_server_from_a_wrong_dsn(office):
    gone = probe_postgres("host=127.0.0.1 port=1 user=postgres dbname=test connect_timeout=3", office.schema)
    assert gone.outcome is Probe.UNREACHABLE and "cannot be reached" in gone.message
    no_role = probe_postgres("host=127.0.0.1 port=5432 user=no_such_role dbname=test", office.schema)
    assert no_role.outcome is Probe.BAD_ADDRESS and 'role "no_such_role" does not exist' in no_role.message
    no_db = probe_postgres("host=127.0.0.1 port=5432 user=postgres dbname=no_such_db", office.schema)
    assert no_db.outcome is Probe.BAD_ADDRESS and "check the user, password and database name" in no_db.message
    garbage = probe_postgres("this is not a dsn", office.schema)
    assert garbage.outcome is Probe.BAD_ADDRESS and "not a PostgreSQL connection string" in garbage.message
    empty = probe_postgres(PG_DSN, office.schema)
    assert empty.outcome is Probe.EMPTY and empty.ok  # nothing there yet: an office can be created
    secret = probe_postgres("host=127.0.0.1 port=1 user=postgres password=hunter2-secret dbname=test "
                            "connect_timeout=3", office.schema)
    assert "hunter2-secret" not in secret.message  # a password in the DSN is never shown


# ----- the dialogs on the real app --------------------------------------------------------------------------

def test_join_through_the_dialog_then_approve_through_members(qtbot, launch, laptops: Laptops, tmp_path):
    CaseStore.create(tmp_path / "dan", PASSPHRASE, Officer("Dan Ruiz", "DR-9", "Field Office Example")).close()
    window = launch(tmp_path / "dan")
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.join_action.isEnabled(), timeout=15000)
    assert not window.office.sync_action.isEnabled()  # not linked yet
    window.office.join_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "office_dialog", None) is not None and window.office_dialog.isVisible(),
                    timeout=15000)
    dlg = window.office_dialog
    assert not dlg.create_button.isVisible()  # an officer profile cannot create an office
    key_id = dlg.status.member_id
    assert key_id in dlg.linked_text.text()
    heights = [w.height() for w in (dlg.folder, dlg.dsn, dlg.schema)]
    # a folder that is not there: the test says so, on its own thread
    type_text(dlg.folder, str(tmp_path / "no-such-share"))
    dlg.test_button.click()
    qtbot.waitUntil(lambda: dlg.test_button.isEnabled() and dlg.result.text().startswith("✖"), timeout=15000)
    assert "is not there" in dlg.result.text()
    qtbot.waitUntil(lambda: dlg.result.height() >= dlg.result.heightForWidth(dlg.result.width()))  # whole
    assert [w.height() for w in (dlg.folder, dlg.dsn, dlg.schema)] == heights  # the dialog grew instead
    shot(dlg, "office-settings-test-failed")
    type_text(dlg.folder, "x")  # fixing what was entered clears the refusal
    assert dlg.result.text() == ""
    if laptops.office.kind == "folder":
        dlg.folder.setText(str(laptops.office.folder))
    else:
        dlg.pg_radio.setChecked(True)
        dlg.dsn.setText(PG_DSN)
        assert dlg.schema.text() == "" and dlg.schema.placeholderText() == "casefile_office"  # the default, as a hint
        type_text(dlg.schema, laptops.office.schema)  # typed as an officer would: nothing to delete first
        assert dlg.schema.text() == laptops.office.schema
    dlg.test_button.click()
    qtbot.waitUntil(lambda: dlg.test_button.isEnabled() and dlg.result.text().startswith("✔"), timeout=15000)
    assert "can be joined" in dlg.result.text()
    dlg.join_button.click()
    qtbot.waitUntil(lambda: "Asked to join" in dlg.result.text(), timeout=15000)
    assert key_id in dlg.result.text() and "founder key" in dlg.result.text()
    qtbot.waitUntil(lambda: "role:" in dlg.linked_text.text(), timeout=15000)  # now linked: it says so
    qtbot.waitUntil(lambda: dlg.result.height() >= dlg.result.heightForWidth(dlg.result.width()))
    assert [w.height() for w in (dlg.folder, dlg.dsn, dlg.schema)] == heights
    shot(dlg, f"office-joined-{laptops.office.kind}")
    qtbot.waitUntil(lambda: window.office.sync_action.isEnabled() and not window.office.join_action.isEnabled(),
                    timeout=15000)
    dlg.reject()
    window.close()
    window.shutdown()

    sam = launch_as(qtbot, launch, laptops, "sam")
    sam.office.members_action.trigger()
    qtbot.waitUntil(lambda: getattr(sam, "members_dialog", None) is not None, timeout=15000)
    members = sam.members_dialog
    qtbot.waitUntil(lambda: members.table.rowCount() == 4, timeout=15000)
    row = next(i for i, m in enumerate(members.rows) if m.member_id == key_id)
    assert members.rows[row].role == "pending"
    waiting = members.table.item(row, 3)
    assert waiting.text() == "Waiting for approval"
    assert members.table.columnWidth(3) >= members.table.fontMetrics().horizontalAdvance(waiting.text()) + 8
    members.table.selectRow(row)
    assert members.approve_button.isEnabled()
    members.role.setCurrentIndex(members.role.findData("officer"))
    members.approve_button.click()
    qtbot.waitUntil(lambda: "Approved DR-9" in members.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: any(m.member_id == key_id and m.role == "officer" for m in members.rows), timeout=15000)
    assert members.rows[members.table.currentRow()].member_id == key_id  # still on the member just approved
    assert members.table.selectedItems()[0].row() == members.table.currentRow()
    shot(members, "office-members-approved")


def test_automatic_sync_waits_for_the_office_and_for_pending_saves(qtbot, launch, laptops: Laptops, tmp_path):
    make_cases(laptops.bob, "Bobcase")
    office_sync(laptops, laptops.bob)
    make_cases(laptops.alice, "Uno")
    laptops.alice.close()
    window = launch(Path(laptops.alice.paths.data_dir))
    S.OFFICE_AUTO_SYNC.set(window.settings, True)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.auto_timer.isActive(), timeout=15000)  # armed: every few minutes
    assert window.office.auto_timer.interval() == 5 * 60_000
    qtbot.waitUntil(lambda: window.model.total() == 1, timeout=15000)
    window.table.setCurrentIndex(window.model.index(0, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: window.editor.case_id() is not None, timeout=15000)
    type_text(window.editor.subject.given_names, "x")  # an edit not saved yet
    assert window.workspace.queue.unsaved
    assert not window.office._may_sync_by_itself()  # never while a save is pending
    window.workspace.flush()
    qtbot.waitUntil(lambda: not window.workspace.queue.unsaved and not window.tasks.busy, timeout=15000)
    if laptops.office.kind == "folder":  # the office away: nothing is queued on the store thread, it says why
        laptops.office.folder.rename(tmp_path / "away")
        window.office._on_auto_timer_timeout()
        qtbot.waitUntil(lambda: "not reachable" in window.statusBar().currentMessage(), timeout=10000)
        (tmp_path / "away").rename(laptops.office.folder)
    window.office._on_auto_timer_timeout()
    qtbot.waitUntil(lambda: "1 sent, 1 taken in" in window.statusBar().currentMessage(), timeout=15000)
    qtbot.waitUntil(lambda: window.model.total() == 2, timeout=15000)


def test_remove_a_member_through_the_members_dialog(qtbot, launch, laptops: Laptops):
    bob_id = link_member_id(laptops.bob)
    sam = launch_as(qtbot, launch, laptops, "sam")
    sam.office.members_action.trigger()
    qtbot.waitUntil(lambda: getattr(sam, "members_dialog", None) is not None, timeout=15000)
    members = sam.members_dialog
    qtbot.waitUntil(lambda: members.table.rowCount() == 3, timeout=15000)
    me = next(i for i, m in enumerate(members.rows) if m.role == "administrator")
    members.table.selectRow(me)
    assert not members.remove_button.isEnabled()  # the administrator is not removed here
    members.table.selectRow(next(i for i, m in enumerate(members.rows) if m.member_id == bob_id))
    members.remove_button.click()
    box = members.remove_box
    qtbot.waitUntil(box.isVisible)
    assert "BO-202" in box.text()
    (remove,) = [b for b in box.buttons() if b.text() == "&Remove"]
    remove.click()
    qtbot.waitUntil(lambda: "Removed BO-202" in members.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: any(m.member_id == bob_id and m.role == "removed" for m in members.rows), timeout=15000)
    row = next(i for i, m in enumerate(members.rows) if m.member_id == bob_id)
    assert members.table.item(row, 3).text().startswith("Removed 20")
    members.table.selectRow(row)
    assert not members.remove_button.isEnabled() and not members.approve_button.isEnabled()


def link_member_id(store: CaseStore) -> str:
    from storage.office.link import require_link

    return require_link(store).member_id
