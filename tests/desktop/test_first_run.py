"""The officer's first day, driven like a user: set up, new case, type, autosave, close, relaunch, unlock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.app import make_demo_store
from tests.conftest import MARKER, PASSPHRASE, files_containing
from tests.desktop.conftest import shot, type_text, unlock, visible_texts, wait_unlocked


def set_up_profile(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    qtbot.waitUntil(lambda: getattr(window, "setup_dialog", None) is not None and window.setup_dialog.isVisible())
    dlg = window.setup_dialog
    qtbot.keyClicks(dlg.officer_name, "Dana Ortiz")
    qtbot.keyClicks(dlg.officer_id, "DO-1138")
    qtbot.keyClicks(dlg.office, "Field Office Example")
    qtbot.keyClicks(dlg.passphrase.line, passphrase)
    qtbot.keyClicks(dlg.repeat.line, passphrase)
    shot(dlg, "setup-dialog")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()


def test_first_run_to_relaunch(qtbot, launch, data_dir):
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    assert (data_dir / "casefile.db").exists()
    assert not window.demo_banner.isVisible()

    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.is_blank())
    assert window.editor.case_id() is None and window.model.total() == 0  # nothing stored until the officer types
    assert window.editor.save_state.text() == "New — saved once you type"
    subject = window.editor.subject
    type_text(subject.family_name, "Núñez")
    qtbot.waitUntil(lambda: window.editor.case_id() is not None)
    qtbot.keyClicks(subject.given_names, MARKER)
    qtbot.keyClicks(subject.a_number, "a-123-456-789")
    assert window.editor.save_state.text() == "Unsaved changes…"
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)
    assert window.model.total() == 1
    qtbot.waitUntil(lambda: window.model.case_at(0).family_name == "Núñez")  # the list follows the store
    qtbot.waitUntil(lambda: window.model.case_at(0).a_number == "A123456789")  # its last save, too
    shot(window, "main-window-case")
    case_number = window.model.case_at(0).case_number
    window.close()
    window.shutdown()
    assert files_containing(data_dir, MARKER) == []  # database, WAL, settings.ini and the log

    again = launch(data_dir)
    shot(again, "unlock-over-locked-window")
    unlock(qtbot, again)
    wait_unlocked(qtbot, again)
    qtbot.waitUntil(lambda: again.model.total() == 1)
    again.table.selectRow(0)
    qtbot.waitUntil(lambda: again.editor.case_id() is not None)
    assert again.editor.subject.given_names.text() == MARKER
    assert case_number in again.editor.title.text()


def test_wrong_passphrase_says_so_and_keeps_the_dialog(qtbot, launch, data_dir):
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    window.close()
    window.shutdown()

    again = launch(data_dir)
    unlock(qtbot, again, "not-my-passphrase")
    dlg = again.unlock_dialog
    qtbot.waitUntil(lambda: dlg.error.isVisible())
    assert "passphrase is not correct" in dlg.error.text()
    assert dlg.isVisible() and again.pages.currentWidget() is again.locked_page
    assert dlg.passphrase.value() == ""  # cleared after each try
    shot(dlg, "unlock-wrong-passphrase")
    for _ in range(2):
        dlg.passphrase.line.setText("still-wrong")
        dlg.unlock_button.click()
        qtbot.waitUntil(lambda: not dlg._busy)
    assert not dlg.unlock_button.isEnabled() and dlg.unlock_button.text().startswith("Wait")
    dlg.passphrase.line.setText(PASSPHRASE)
    dlg.unlock_button.click()  # ignored while waiting
    assert again.pages.currentWidget() is again.locked_page


def test_invalid_field_is_shown_inline_and_not_saved(qtbot, launch, data_dir):
    window = launch(data_dir)
    set_up_profile(qtbot, window)
    wait_unlocked(qtbot, window)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.workspace.is_blank())
    qtbot.keyClicks(window.editor.subject.family_name, "Ortega")
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)
    qtbot.keyClicks(window.editor.subject.a_number, "A12")
    qtbot.waitUntil(lambda: window.editor.save_state.text().startswith("Not saved"), timeout=5000)
    error = window.editor.subject._errors["subject.a_number"]
    assert error.isVisible() and "8 or 9 digits" in error.text()
    shot(window, "inline-error")
    assert window.model.case_at(0).a_number == ""  # the store still holds the last valid save
    qtbot.keyClicks(window.editor.subject.a_number, "345678")
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)
    assert not error.isVisible()
    qtbot.waitUntil(lambda: window.model.case_at(0).a_number == "A12345678")  # the list follows the store


def test_demo_opens_fictional_cases_and_search_filters_them(qtbot, launch):
    window = launch(make_demo_store(), demo=True)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 8)
    assert window.demo_banner.isVisible() and window.demo_banner.text().startswith("DEMO")
    window.find_action.trigger()
    for query, expected in [("nunez", 1), ("образцова", 1), ("Majo", 1), ("A000000003", 1), ("0004", 1),
                            ("sample", 8), ("exam", 1), ("a0000", 8), ("zzz", 0), ("", 8)]:
        window.search.clear()
        type_text(window.search, query)
        qtbot.waitUntil(lambda: not window.model.busy())  # the store searched its index
        assert window.model.rowCount() == expected, query
    window.search.clear()
    type_text(window.search, "sample")  # every demo case's place is "Sample Street": the name ranks first
    qtbot.waitUntil(lambda: not window.model.busy())
    assert window.model.case_at(0).family_name == "Sample-Núñez"
    window.search.clear()
    type_text(window.search, "Δείγμα")
    qtbot.waitUntil(lambda: not window.model.busy())
    # Δείγμα itself, then the alias "Dugma" of דוגמה, which sounds alike (deigma ≈ dugma), with the reason
    assert [window.model.case_at(r).family_name for r in range(window.model.rowCount())] == ["Δείγμα", "דוגמה"]
    assert window.model.why(window.model.case_at(1).id) == (
        "alias ≈ “\u2068Dugma\u2069” (sounds like “\u2068Δείγμα\u2069”)")
    assert window.count_label.text() == "2 of 8 cases"
    shot(window, "search")
    window.search.clear()
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not window.model.busy())
    names = [window.model.case_at(r).family_name for r in range(window.model.rowCount())]
    assert names[0] == "Exampleton"
    assert "Testová" in visible_texts(window)


def test_damaged_key_file_is_explained_in_the_unlock_dialog_and_left_alone(qtbot, launch, data_dir):
    from storage.store import CaseStore
    from tests.conftest import OFFICER

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    (data_dir / "casefile.keys").write_text("this is not a key file")
    before = (data_dir / "casefile.keys").read_bytes(), (data_dir / "casefile.db").read_bytes()
    window = launch(data_dir)
    unlock(qtbot, window)
    dlg = window.unlock_dialog
    qtbot.waitUntil(lambda: dlg.error.isVisible())
    assert "not a Casefile key file" in dlg.error.text()
    assert not dlg.unlock_button.isEnabled()  # nothing more to try; Quit remains
    shot(dlg, "unlock-damaged-key-file")
    assert ((data_dir / "casefile.keys").read_bytes(), (data_dir / "casefile.db").read_bytes()) == before


def test_a_second_window_says_the_profile_is_open_before_asking_the_passphrase(qtbot, launch, data_dir):
    from storage.store import CaseStore
    from tests.conftest import OFFICER

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    other = CaseStore.open(data_dir, PASSPHRASE)  # the first window (or a CLI command) holds the profile
    try:
        window = launch(data_dir)
        dlg = window.unlock_dialog
        assert dlg.isVisible()
        assert dlg.error.isVisible() and dlg.error.text() == \
            "Casefile is already open on this profile in another window or process."
        assert not dlg.passphrase.isEnabled() and dlg.unlock_button.text() == "&Try again"
        shot(dlg, "unlock-already-open")
        dlg.unlock_button.click()  # still open: still said, still nothing asked
        assert dlg.error.isVisible() and not dlg.passphrase.isEnabled()
    finally:
        other.close()
    dlg.unlock_button.click()  # the other one closed: now the passphrase
    assert not dlg.error.isVisible() and dlg.passphrase.isEnabled() and dlg.unlock_button.text() == "&Unlock"
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)


def test_the_first_window_is_asked_the_passphrase_straight_away(qtbot, launch, data_dir):
    from storage.store import CaseStore
    from tests.conftest import OFFICER

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    dlg = window.unlock_dialog
    assert not dlg.error.isVisible() and dlg.passphrase.isEnabled() and dlg.unlock_button.text() == "&Unlock"
