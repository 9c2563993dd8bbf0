"""The workflow in the running app: submit, review and reopen are explicit steps the store records; a
submitted or reviewed case is read-only until someone reopens it, with a reason."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from casework.assessment import ReviewDecision
from casework.model import CaseStatus, Role
from desktop.main_window import MainWindow
from storage.bundle import make_bundle, read_bundle, receive_for_review
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import open_first_case, open_the_only_case, shot, type_text, unlock, wait_unlocked
from tests.storage.test_record_integrity import SUPERVISOR, ready_case


def submit(qtbot, window: MainWindow) -> None:
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    editor.assessment.submit_button.click()
    qtbot.waitUntil(lambda: editor.base().status is CaseStatus.SUBMITTED, timeout=5000)
    qtbot.waitUntil(lambda: window.model.case_at(0).status is CaseStatus.SUBMITTED, timeout=5000)


def reopen(qtbot, window: MainWindow, reason: str) -> None:
    window.editor.banner.reopen_button.click()
    dlg = window.workspace.reopen_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.reason.setFocus()
    qtbot.keyClicks(dlg.reason, reason)
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        dlg.reopen_button.click()


def test_submit_makes_the_case_read_only_and_reopening_takes_a_reason_that_is_recorded(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    editor = window.editor
    submit(qtbot, window)
    assert editor.status.text().startswith("Submitted")
    assert editor.banner.isVisible() and editor.is_read_only()
    assert f"Submitted by Dana Ortiz ({OFFICER.officer_id}) on" in editor.banner.detail.text()
    shot(window, "assessment-submitted")

    editor.focus_field("assessment.rationale")
    qtbot.keyClicks(editor.assessment.form.rationale, " A later thought.")  # read-only: nothing is typed
    assert editor.value().assessment.rationale == complete_case().assessment.rationale
    assert window.workspace.queue is not None and not window.workspace.queue.unsaved

    editor.banner.reopen_button.click()  # Cancel changes nothing
    dlg = window.workspace.reopen_dialog
    qtbot.waitUntil(dlg.isVisible)
    with qtbot.waitSignal(dlg.finished):
        dlg.cancel_button.click()
    assert editor.is_read_only() and editor.base().status is CaseStatus.SUBMITTED

    editor.banner.reopen_button.click()  # a reason is required (the case is not a returned one)
    dlg = window.workspace.reopen_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.reopen_button.click()
    assert dlg.isVisible()
    qtbot.waitUntil(dlg.reason.hasFocus)
    assert "Say why the case is reopened" in dlg._errors[dlg.reason].text()
    qtbot.keyClicks(dlg.reason, "Court record arrived")
    shot(dlg, "reopen-dialog")
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        dlg.reopen_button.click()
    qtbot.waitUntil(lambda: not editor.is_read_only())
    assert editor.base().status is CaseStatus.DRAFT and not editor.banner.reopen_button.isVisible()
    qtbot.waitUntil(lambda: window.model.case_at(0).status is CaseStatus.DRAFT)

    editor.focus_field("assessment.rationale")
    editor.assessment.form.rationale.moveCursor(editor.assessment.form.rationale.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.assessment.form.rationale, " A later thought.")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    case_id = editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        case = store.get_case(case_id)
        assert case.status is CaseStatus.DRAFT
        assert case.assessment.rationale.endswith("A later thought.")
        assert [e.event for e in case.assessment.history] == ["submitted", "reopened"]
        assert case.assessment.history[-1].comment == "was submitted: Court record arrived"
        actions = [e.action for e in store.audit_entries(case_id)]
        assert actions.index("case_submitted") < actions.index("case_reopened") < actions.index("case_edited")


def test_a_refused_submission_lists_what_blocks_it(qtbot, launch, data_dir):
    case = replace(complete_case(), id="", case_number="")
    window = open_first_case(qtbot, launch, data_dir, replace(case, assessment=replace(case.assessment,
                                                                                         rationale="")))
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    editor.assessment.submit_button.click()
    assert editor.assessment.message.text().startswith("Not submitted: 1 item must be addressed")
    assert editor.assessment.form.rationale.hasFocus()
    assert editor.base().status is CaseStatus.DRAFT


def test_a_review_item_blocks_submission_until_acknowledged_and_the_note_is_stored(qtbot, launch, data_dir):
    """An entry on the cutoff date and a word that can point to a never-factor: the store refuses the
    submission until both are acknowledged in the checklist; the notes are kept in the stored assessment."""
    from casework.dates import PartialDate
    from casework.model import ApprehensionSite

    case = replace(complete_case(), id="", case_number="",
                   history=replace(complete_case().history, last_entry=PartialDate("2020-11-01"),
                                   apprehension_site=ApprehensionSite.INTERIOR))
    case = replace(case, assessment=replace(case.assessment, rationale="Declined; the church letter is on file."))
    window = open_first_case(qtbot, launch, data_dir, case)
    editor = window.editor
    panel = editor.assessment
    editor.tabs.setCurrentWidget(panel)
    panel.submit_button.click()
    assert panel.message.text().startswith("Not submitted: 2 items must be addressed")
    assert editor.base().status is CaseStatus.DRAFT
    waiting = [i for i in editor.items() if i.blocks_submission]
    assert {i.key.split(":")[0] for i in waiting} == {"cutoff", "never-factor"}
    notes = {"cutoff": "I-94: entered 1 Nov 2020, not after the cutoff.",
             "never-factor": "Mentioned only as the author of a support letter."}
    for item in waiting:
        assert panel.checklist.select_key(item.key)
        panel.ack_note.setFocus()
        panel.ack_note.selectAll()
        qtbot.keyClicks(panel.ack_note, notes[item.key.split(":")[0]])
        qtbot.keyClick(panel.ack_note, Qt.Key.Key_Return)
    assert [i for i in editor.items() if i.blocks_submission] == []
    shot(window, "assessment-acknowledged-in-app")
    submit(qtbot, window)
    case_id = editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        stored = store.get_case(case_id)
    assert stored.status is CaseStatus.SUBMITTED
    assert sorted(x.note for x in stored.assessment.acknowledgements) == sorted(notes.values())


# ----- a supervisor's profile ------------------------------------------------------------------------------------

def open_for_review(qtbot, launch, tmp_path: Path, data_dir: Path) -> MainWindow:
    """An officer submits a case; it reaches the supervisor's profile (a review bundle); the app opens it there."""
    with CaseStore.create(tmp_path / "officer", PASSPHRASE, OFFICER) as officer:
        case = ready_case(officer)
        officer.submit_case(case.id)
        bundle = make_bundle(officer, case.id)
    with CaseStore.create(data_dir, PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR) as supervisor:
        receive_for_review(supervisor, read_bundle(bundle))
    return open_the_only_case(qtbot, launch, data_dir)


def test_a_supervisor_concurs_and_the_concurred_case_cannot_be_edited_without_reopening(
        qtbot, launch, tmp_path, data_dir):
    window = open_for_review(qtbot, launch, tmp_path, data_dir)
    editor = window.editor
    panel = editor.assessment
    editor.tabs.setCurrentWidget(panel)
    assert panel.review_box.isVisible() and not panel.review_note.isVisible()
    panel.review_comment.setFocus()
    qtbot.keyClicks(panel.review_comment, "Well documented.")
    # a decision is part of the record: one click asks first, showing the decision and the comment; Esc cancels
    panel.review_buttons[ReviewDecision.CONCURRED].click()
    box = window.workspace.decision_box
    qtbot.waitUntil(box.isVisible)
    assert "Record “Concur” on case CF-" in box.text() and "Comment: Well documented." in box.text()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    window.workspace.flush()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert editor.base().status is CaseStatus.SUBMITTED  # nothing recorded
    panel.review_buttons[ReviewDecision.CONCURRED].setFocus()  # by keyboard: Space on the button, Enter confirms
    QTest.keyClick(panel.review_buttons[ReviewDecision.CONCURRED], Qt.Key.Key_Space)
    box = window.workspace.decision_box
    qtbot.waitUntil(box.isVisible)
    shot(box, "review-confirm-decision")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.base().status is CaseStatus.CONCURRED, timeout=5000)
    assert not panel.review_box.isVisible()
    assert "Concurred by SR-7 on" in editor.banner.detail.text()
    assert "Supervisor's comment: Well documented." in editor.banner.detail.text()

    editor.focus_field("notes")  # one keystroke in a concurred case must not reopen it
    qtbot.keyClick(editor.notes.notes, Qt.Key.Key_X)
    editor.focus_field("assessment.determination")
    qtbot.keyClick(panel.form.determination, Qt.Key.Key_Down)
    window.workspace.flush()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert editor.base().status is CaseStatus.CONCURRED and editor.notes.notes.toPlainText() == ""

    reopen(qtbot, window, "The officer found a second conviction")
    qtbot.waitUntil(lambda: editor.base().status is CaseStatus.DRAFT, timeout=5000)
    # a draft again — for its officer to change: the supervisor who reopened it reads it, and the banner says why
    assert editor.is_read_only()
    assert editor.banner.headline.text() == f"Draft of {OFFICER.name} ({OFFICER.officer_id}) — read-only"
    case_id = editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        case = store.get_case(case_id)
        assert [e.event for e in case.assessment.history] == ["submitted", "concurred", "reopened"]
        assert case.assessment.history[-1].comment == "was concurred: The officer found a second conviction"
        actions = [e.action for e in store.audit_entries(case_id)]
        assert actions[-2:] == ["case_concurred", "case_reopened"]


def test_a_review_the_store_would_refuse_is_said_in_words_without_asking(qtbot, launch, tmp_path, data_dir):
    window = open_for_review(qtbot, launch, tmp_path, data_dir)
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    panel.review_buttons[ReviewDecision.NONCONCURRED].click()  # without the comment the store requires
    assert panel.message.text() == "Not recorded: say why, in the comment, when returning or not concurring."
    assert getattr(window.workspace, "decision_box", None) is None  # said at once: nothing to confirm
    assert window.editor.base().status is CaseStatus.SUBMITTED


BIDI_REFUSED = ("Not recorded: the comment holds invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, "
                "U+202C POP DIRECTIONAL FORMATTING) that make it read as other words; type it without them.")


def test_both_review_windows_refuse_a_comment_with_a_bidi_override_alike_and_record_nothing(
        qtbot, launch, tmp_path, data_dir):
    """The case's own review pane and the review queue ask casework.workflow.review_refusal before confirming: the
    same comment holding U+202E (it would show "evil" as "live" to the officer) gets the same words in both, no
    confirmation, and nothing is recorded. The store refuses it too."""
    import pytest

    from storage.errors import WorkflowRefused

    comment = "Check \u202eevil\u202c"
    window = open_for_review(qtbot, launch, tmp_path, data_dir)
    case_id = window.editor.case_id()
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    panel.review_comment.setFocus()
    type_text(panel.review_comment, comment)
    assert panel.review_comment.toPlainText() == comment
    for decision in ReviewDecision:
        panel.message.clear()
        panel.review_buttons[decision].click()
        assert panel.message.text() == BIDI_REFUSED
        assert getattr(window.workspace, "decision_box", None) is None  # nothing to confirm

    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "review_queue", None) is not None and window.review_queue.isVisible(),
                    timeout=5000)
    dlg = window.review_queue
    qtbot.waitUntil(lambda: dlg.case is not None and dlg.case.id == case_id, timeout=5000)
    dlg.comment.setFocus()
    type_text(dlg.comment, comment)
    assert dlg.comment.toPlainText() == comment
    for button in (dlg.concur_button, dlg.return_button, dlg.nonconcur_button):
        dlg.message.clear()
        button.click()
        assert dlg.message.text() == BIDI_REFUSED
        assert getattr(dlg, "decision_box", None) is None
    dlg.close()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5000)
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.get_case(case_id).status is CaseStatus.SUBMITTED
        assert [e.event for e in store.get_case(case_id).assessment.history] == ["submitted"]
        assert not {"case_concurred", "case_returned", "case_nonconcurred"} & {
            e.action for e in store.audit_entries(case_id)}
        with pytest.raises(WorkflowRefused, match=r"the comment holds invisible direction controls \(U\+202E"):
            store.review_case(case_id, ReviewDecision.RETURNED, comment)
        assert store.get_case(case_id).status is CaseStatus.SUBMITTED


def test_self_review_is_not_offered_and_the_gui_says_why(qtbot, launch, data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR) as store:
        case = ready_case(store)
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.model.total() == 1)
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.editor.case_id() == case.id)
    panel = window.editor.assessment
    assert not panel.review_box.isVisibleTo(window.editor)  # a draft: nothing to review
    submit(qtbot, window)
    assert panel.review_box.isVisible() and panel.review_note.isVisible()
    assert panel.review_note.text().startswith("You submitted this case, so you cannot review it")
    assert not any(b.isEnabled() for b in panel.review_buttons.values())
    panel.review_comment.setFocus()
    qtbot.keyClicks(panel.review_comment, "looks fine to me")
    assert panel.review_comment.toPlainText() == ""
    shot(window, "self-review-refused")


def test_an_officer_profile_is_never_offered_review(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    submit(qtbot, window)
    panel = window.editor.assessment
    assert not panel.review_box.isVisibleTo(window.editor)
    assert not any(b.isEnabled() for b in panel.review_buttons.values())


def test_the_decision_box_shows_a_hostile_comment_as_typed_and_esc_records_nothing(qtbot, launch, tmp_path,
                                                                                    data_dir):
    """Returning a case asks first; the comment shows literally (markup, right-to-left text, as typed), the
    case stays submitted when the supervisor presses Esc, and Enter records the return with that comment."""
    import json

    hostile = [n["text"] for n in json.loads((Path(__file__).parents[3] / "shared" / "testdata" /
                                              "hostile-text.json").read_text())["names"]]
    comment = " / ".join(t for t in hostile if ("<" in t or "محمد" in t) and "\u202e" not in t)
    assert "<img" in comment and "محمد" in comment
    window = open_for_review(qtbot, launch, tmp_path, data_dir)
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    panel.review_comment.setPlainText("Check \u202eevil\u202c")  # would read "live" to the officer: refused
    panel.review_buttons[ReviewDecision.RETURNED].click()
    qtbot.waitUntil(lambda: "U+202E RIGHT-TO-LEFT OVERRIDE" in panel.message.text(), timeout=5000)
    assert panel.message.text().startswith("Not recorded: ")
    assert getattr(window.workspace, "decision_box", None) is None  # nothing to confirm: it cannot be recorded
    assert window.editor.base().status is CaseStatus.SUBMITTED
    panel.review_comment.setPlainText(comment)
    panel.review_buttons[ReviewDecision.RETURNED].click()
    box = window.workspace.decision_box
    qtbot.waitUntil(box.isVisible)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert f"Record “Return to the officer” on case {window.editor.base().case_number}?" in box.text()
    assert f"Comment: {comment}" in box.text()
    shot(box, "review-confirm-return-hostile")
    QTest.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.editor.base().status is CaseStatus.SUBMITTED
    panel.review_buttons[ReviewDecision.RETURNED].click()
    box = window.workspace.decision_box
    qtbot.waitUntil(box.isVisible)
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.base().status is CaseStatus.RETURNED, timeout=5000)
    assert window.editor.base().assessment.history[-1].comment == comment


def test_the_decision_box_in_spanish(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop import i18n
    from desktop.dialogs.confirm_decision import confirm_decision

    i18n.install("es")
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        recorded = []
        box = confirm_decision(parent, "CF-2026-DO1138-0001", ReviewDecision.NONCONCURRED, "Falta la condena.",
                               lambda: recorded.append(True))
        assert box.text() == "¿Registrar «No conforme» en el caso CF-2026-DO1138-0001?\n\nComentario: Falta la condena."
        assert [b.text() for b in box.buttons()] == ["&Registrar la decisión", "C&ancelar"]
        shot(box, "review-confirm-decision-es")
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert recorded == [True]
    finally:
        i18n.install("en")


def _returning_while_a_newer_submission_arrives(qtbot, launch, tmp_path, data_dir):  # type: ignore[no-untyped-def]
    """The supervisor asks to return the case; while the confirmation is open, the officer's newer submission of
    it arrives. Returns the window, the review panel, the open confirmation and the case id."""
    window = open_for_review(qtbot, launch, tmp_path, data_dir)
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    panel.review_comment.setPlainText("Obtain the court record.")
    panel.review_buttons[ReviewDecision.RETURNED].click()
    box = window.workspace.decision_box
    qtbot.waitUntil(box.isVisible)
    with CaseStore.open(tmp_path / "officer", PASSPHRASE) as officer:
        case_id = officer.list_cases()[0].id
        officer.reopen_case(case_id, "More facts came in")
        officer.update_case(replace(officer.get_case(case_id), notes="A newer account"))
        officer.submit_case(case_id)
        bundle = make_bundle(officer, case_id)
    arrived: list[object] = []
    window.tasks.run_op(parent=window, op=lambda store: receive_for_review(store, read_bundle(bundle))) \
        .success(arrived.append)
    qtbot.waitUntil(lambda: bool(arrived), timeout=5000)
    return window, panel, box, case_id


def test_a_decision_is_not_recorded_on_content_that_arrived_while_its_box_was_open(qtbot, launch, tmp_path,
                                                                                     data_dir):
    """The supervisor asks to return the case; while the confirmation is open, a newer submission of it arrives.
    Enter then records nothing: the decision was on what was read, not on what came in."""
    window, panel, box, case_id = _returning_while_a_newer_submission_arrives(qtbot, launch, tmp_path, data_dir)
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Not recorded"), timeout=5000)
    assert "changed after you opened it" in panel.message.text()
    got: list[object] = []
    window.tasks.run_op(parent=window, op=lambda store: store.get_case(case_id)).success(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0].status is CaseStatus.SUBMITTED and got[0].notes == "A newer account"


def test_a_refusal_by_the_store_after_confirming_is_said_in_the_windows_language(qtbot, launch, tmp_path, data_dir):
    """The store's own refusal (here: the case changed while the box was open) was shown in English (str(exc))
    in a Spanish window."""
    from desktop import i18n

    _window, panel, box, _case_id = _returning_while_a_newer_submission_arrives(qtbot, launch, tmp_path, data_dir)
    i18n.install("es")
    try:
        QTest.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.message.text().startswith("No se registró"), timeout=5000)
        assert "el caso cambió después de que usted lo abriera" in panel.message.text()
        assert "changed after you opened" not in panel.message.text()
    finally:
        i18n.install("en")
