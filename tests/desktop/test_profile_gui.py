"""The profile in the app: its role chosen at setup, the passphrase rule in both dialogs, one app per profile,
and a log file that receives the app's events (never case data)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.model import Officer, Role, Subject
from desktop.app import setup_logging, stop_logging
from desktop.dialogs.change_passphrase import ChangePassphraseDialog
from desktop.dialogs.setup import ProfileSetupDialog
from desktop.operations.profile import create_store
from desktop.tasks import TaskManager
from storage.store import CaseStore
from storage.worker import StoreWorker
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.storage.faults import Holder


@pytest.fixture
def log_file():
    """The app's log handler is process-wide: detach it after the test, whatever happens."""
    yield
    stop_logging()


def _fill_setup(qtbot, dlg: ProfileSetupDialog, passphrase: str) -> None:
    qtbot.keyClicks(dlg.officer_name, "Dana Ortiz")
    qtbot.keyClicks(dlg.officer_id, "DO-1138")
    qtbot.keyClicks(dlg.office, "Field Office Example")
    dlg.passphrase.line.setText(passphrase)
    dlg.repeat.line.setText(passphrase)


def test_setup_refuses_a_short_passphrase_then_creates_a_supervisor_profile(qtbot):
    asked: list[tuple[Officer, str, Role]] = []
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda officer, pw: asked.append((officer, pw, dlg.role())))
    qtbot.addWidget(dlg)
    assert dlg.role() is Role.OFFICER  # the default: most profiles are field officers'
    _fill_setup(qtbot, dlg, "x")
    dlg.role_combo.setCurrentIndex(dlg.role_combo.findText("Supervisor"))
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == []
    assert dlg._errors[dlg.passphrase].text() == "Use at least 10 characters; several unrelated words work well."
    shot(dlg, "setup-role-and-short-passphrase")
    dlg.passphrase.line.setText("DO-1138Ortiz")  # strong-looking, but the officer's own ID and name
    dlg.repeat.line.setText("DO-1138Ortiz")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == [] and dlg._errors[dlg.passphrase].text().startswith("Too easy to guess.")
    dlg.passphrase.line.setText(PASSPHRASE)
    dlg.repeat.line.setText(PASSPHRASE)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == [(Officer("Dana Ortiz", "DO-1138", "Field Office Example"), PASSPHRASE, Role.SUPERVISOR)]


def test_the_create_op_records_the_role(qtbot, data_dir):
    worker = StoreWorker()
    tasks = TaskManager(worker)
    opened: list[CaseStore] = []
    create_store(tasks=tasks, parent=None, data_dir=data_dir, officer=OFFICER, passphrase=PASSPHRASE,
                 role=Role.SUPERVISOR).success(opened.append)
    try:
        qtbot.waitUntil(lambda: bool(opened))
        assert opened[0].role is Role.SUPERVISOR
    finally:
        tasks.close_store()
        tasks.wait_idle()
        worker.shutdown()


def test_change_passphrase_dialog_applies_the_same_rule(qtbot):
    asked: list[tuple[str, str]] = []
    dlg = ChangePassphraseDialog(None, lambda old, new: asked.append((old, new)), ["Dana", "Ortiz", "DO-1138"])
    qtbot.addWidget(dlg)
    dlg.current.line.setText(PASSPHRASE)
    for weak, words in (("short", "Use at least 10 characters"), ("DO-1138Ortiz", "Too easy to guess")):
        dlg.new.line.setText(weak)
        dlg.repeat.line.setText(weak)
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        assert asked == [] and dlg._errors[dlg.new].text().startswith(words)


def test_a_second_app_on_the_same_profile_is_refused_with_words_to_act_on(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    holder = Holder(data_dir, PASSPHRASE)  # the first app
    try:
        window = launch(data_dir)
        unlock(qtbot, window)
        dlg = window.unlock_dialog
        qtbot.waitUntil(lambda: dlg.error.isVisible())
        assert dlg.error.text() == "Casefile is already open on this profile in another window or process."
        shot(dlg, "unlock-second-instance")
    finally:
        holder.release()


def test_the_log_file_receives_the_apps_events_and_no_case_data(qtbot, launch, data_dir, log_file):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = store.new_case().case
        store.update_case(replace(case, subject=Subject(family_name=MARKER, given_names="Zoë")))
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    window.lock()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    text = (data_dir / "logs" / "casefile.log").read_text(encoding="utf-8")
    assert "INFO storage.store: store opened" in text
    assert "INFO desktop.main_window: locked" in text
    assert "INFO storage.store: store closed" in text
    assert files_containing(data_dir / "logs", MARKER) == []


def test_logged_exceptions_keep_their_stack_but_not_their_message(data_dir, log_file):
    import logging

    setup_logging(data_dir / "logs")
    try:
        raise ValueError(f"a name: {MARKER}")
    except ValueError:
        logging.getLogger("storage.store").exception("a change listener failed")
    text = (data_dir / "logs" / "casefile.log").read_text(encoding="utf-8")
    assert "ERROR storage.store: a change listener failed" in text
    assert "builtins.ValueError" in text and "test_logged_exceptions_keep_their_stack" in text
    assert MARKER not in text


def test_setup_refuses_a_name_the_memo_cannot_print_at_its_field(qtbot):
    """Every memo prints the officer's name, ID and office: a profile that cannot print them could never print."""
    asked: list[tuple[Officer, str]] = []
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda officer, pw: asked.append((officer, pw)))
    qtbot.addWidget(dlg)
    _fill_setup(qtbot, dlg, PASSPHRASE)
    dlg.officer_name.end(False)
    dlg.officer_name.insert(" \U0001f642")  # pasted (QTest cannot type a character outside the BMP)
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == []
    assert dlg._errors[dlg.officer_name].text() == \
        "Memos cannot print \U0001f642; type it with letters the memo's font has."
    dlg.officer_name.setText("Dana Ortiz Núñez")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert [officer.name for officer, _pw in asked] == ["Dana Ortiz Núñez"]


def test_setup_refuses_an_officer_id_with_a_bidi_control_at_its_field(qtbot):
    """'DO-\u202e8311' shows as 'DO-1138' (a colleague's ID) while being another: refused, naming the character."""
    asked: list[tuple[Officer, str]] = []
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda officer, pw: asked.append((officer, pw)))
    qtbot.addWidget(dlg)
    _fill_setup(qtbot, dlg, PASSPHRASE)
    dlg.officer_id.setText("DO-\u202e8311")  # pasted
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == []
    assert dlg._errors[dlg.officer_id].text() == (
        "the officer ID holds invisible control characters (U+202E RIGHT-TO-LEFT OVERRIDE), which can make it read "
        "as another ID; type it with visible characters only")
    dlg.officer_id.setText("DO-1138")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert [officer.officer_id for officer, _pw in asked] == ["DO-1138"]


def test_setup_refuses_a_disguised_officer_name_at_its_field(qtbot):
    """'Dana \u202eztrO' shows as 'Dana Ortiz' while being another name: said at the name, before the store."""
    asked: list[tuple[Officer, str]] = []
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda officer, pw: asked.append((officer, pw)))
    qtbot.addWidget(dlg)
    _fill_setup(qtbot, dlg, PASSPHRASE)
    dlg.officer_name.setText("Dana \u202eztrO")  # pasted
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert asked == []
    assert dlg._errors[dlg.officer_name].text() == (
        "the officer name holds invisible characters that can make it read as another name (U+202E RIGHT-TO-LEFT "
        "OVERRIDE); type it with visible characters only")
    dlg.officer_name.setText("Dana Ortiz")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert [officer.name for officer, _pw in asked] == ["Dana Ortiz"]


@pytest.mark.parametrize("officer_id", ["DO-\u202e8311", "DO\u200b-1138", "DO-11\x0038"])
def test_the_store_refuses_an_officer_id_with_invisible_controls_and_writes_nothing(data_dir, officer_id):
    from storage.errors import ProfileRefused

    with pytest.raises(ProfileRefused, match="the officer ID holds invisible control characters"):
        CaseStore.create(data_dir, PASSPHRASE, replace(OFFICER, officer_id=officer_id))
    assert not data_dir.exists()


def test_setup_keeps_its_shape_while_the_store_is_created(qtbot):
    """The progress bar appears while the key is derived: no field is squeezed to make room for it."""
    from PySide6.QtWidgets import QApplication

    asked: list[tuple[Officer, str]] = []
    dlg = ProfileSetupDialog(None, "/tmp/profile", lambda officer, pw: asked.append((officer, pw)))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    _fill_setup(qtbot, dlg, PASSPHRASE)
    QApplication.processEvents()
    fields = (dlg.officer_name, dlg.officer_id, dlg.office, dlg.passphrase, dlg.passphrase.line, dlg.repeat)
    before = [w.size() for w in fields], dlg.size()
    shot(dlg, "setup-filled")
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert len(asked) == 1 and dlg.progress.isVisible()  # creating (the store never answers in this test)
    QApplication.processEvents()
    shot(dlg, "setup-creating")
    assert ([w.size() for w in fields], dlg.size()) == before
    dlg.failed("The store could not be created.")
    QApplication.processEvents()
    assert [w.size() for w in fields] == before[0]  # the error under the passphrase grows the dialog instead
    assert dlg._errors[dlg.passphrase].isVisible()
