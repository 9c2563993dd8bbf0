"""A submitted or reviewed case is shown read-only, under a banner that says why and offers the way back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from casework.assessment import ReviewDecision, WorkflowEvent
from casework.model import CaseFile, CaseStatus, Officer, Role
from tests.casework.test_checks import complete_case
from tests.desktop.conftest import shot
from tests.widgets.test_wheel_guard import middling_case
from widgets.case_edit import CaseEdit

OFFICER = Officer("Dana Ortiz", "DO-1138", "Field Office Example")
SUBMITTED_AT = datetime(2026, 3, 2, 15, 4, tzinfo=UTC)
REVIEWED_AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)


def reviewed(status: CaseStatus, comment: str = "") -> CaseFile:
    case = replace(middling_case(), officer=OFFICER, status=status)
    history = [WorkflowEvent(SUBMITTED_AT, "DO-1138", "submitted")]
    if status not in (CaseStatus.SUBMITTED, CaseStatus.DRAFT):
        history.append(WorkflowEvent(REVIEWED_AT, "SR-7", status.value, comment))
    return replace(case, assessment=replace(case.assessment, history=tuple(history)))


def editor(qtbot, case: CaseFile, *, actor: str = "DO-1138", role: Role = Role.OFFICER) -> CaseEdit:
    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_profile(actor, role)
    edit.set_value(case)
    edit.resize(1300, 800)
    with qtbot.waitActive(edit):
        edit.show()
        edit.activateWindow()
    return edit


def writable_inputs(edit: CaseEdit) -> list[str]:
    """Every input of every tab that would still take a change."""
    out = []
    pages = [edit.tabs.widget(i) for i in range(edit.tabs.count())]
    for w in (c for page in pages for c in page.findChildren(QWidget)):
        if not w.isEnabled():
            continue
        text_input = isinstance(w, QLineEdit | QPlainTextEdit) and not w.isReadOnly()
        choice = isinstance(w, QComboBox | QAbstractSpinBox) or (isinstance(w, QAbstractButton) and w.isCheckable())
        if text_input or choice:
            out.append(w.accessibleName() or type(w).__name__)
        elif isinstance(w, QAbstractButton) and w.text().startswith(("Add ", "Remove ", "&Start")):
            out.append(w.text())
    return out


def test_a_concurred_case_takes_no_keystroke_and_says_why(qtbot):
    case = reviewed(CaseStatus.CONCURRED, "Well documented.")
    edit = editor(qtbot, case)
    edits = []
    edit.value_changed.connect(edits.append)
    assert writable_inputs(edit) == []

    for widget in (edit.subject.family_name, edit.notes.notes, edit.history.last_entry):
        edit.focus_field({edit.subject.family_name: "subject.family_name", edit.notes.notes: "notes",
                          edit.history.last_entry: "history.last_entry"}[widget])
        qtbot.keyClicks(widget, "x")
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    edit.focus_field("assessment.rationale")
    qtbot.keyClicks(edit.assessment.form.rationale, "one stray keystroke")
    offense_table = edit.offenses.table.table
    offense_table.setCurrentCell(0, 0)
    qtbot.keyClicks(offense_table, "y")
    assert edits == [] and edit.value() == case

    banner = edit.banner
    assert banner.isVisible()
    assert banner.headline.text() == "Concurred by the supervisor — read-only"
    local = SUBMITTED_AT.astimezone().strftime("%Y-%m-%d %H:%M")
    assert f"Submitted by Dana Ortiz (DO-1138) on {local}." in banner.detail.text()
    assert "Concurred by SR-7 on" in banner.detail.text()
    assert "Supervisor's comment: Well documented." in banner.detail.text()
    assert banner.reopen_button.isVisible() and banner.reopen_button.isEnabled()
    assert not edit.assessment.submit_button.isEnabled()
    edit.tabs.setCurrentIndex(0)
    shot(edit, "read-only-banner")
    edit.tabs.setCurrentWidget(edit.assessment)
    shot(edit, "read-only-assessment")
    with qtbot.waitSignal(edit.reopen_requested):
        banner.reopen_button.click()


def test_a_returned_case_shows_the_comment_and_after_reopening_everything_is_editable_again(qtbot):
    edit = editor(qtbot, reviewed(CaseStatus.RETURNED, "Get the court record for the 2012 arrest."))
    assert "Returned by the supervisor" in edit.banner.headline.text()
    assert "Get the court record" in edit.banner.detail.text()
    case = edit.value()
    history = (*case.assessment.history, WorkflowEvent(REVIEWED_AT, "DO-1138", "reopened", "was returned: ..."))
    edit.set_value(replace(case, status=CaseStatus.DRAFT, assessment=replace(case.assessment, history=history)))
    assert edit.banner.isVisible() and not edit.banner.reopen_button.isVisible()  # the comment stays in sight
    assert "Get the court record" in edit.banner.detail.text()
    a1 = "A1 Gravity of the offense of conviction and the sentence imposed: finding"
    assert {"Family name", "Notes", "Rationale", "Add offense", a1} <= set(writable_inputs(edit))
    edit.focus_field("notes")
    qtbot.keyClicks(edit.notes.notes, "court record requested")
    assert edit.value().notes.endswith("court record requested")


def test_a_plain_draft_has_no_banner(qtbot):
    edit = editor(qtbot, replace(complete_case(), id="c9", case_number="CF-9"))
    assert not edit.banner.isVisible()
    assert writable_inputs(edit)


def test_review_is_offered_only_to_a_supervisor_on_a_submitted_case_not_their_own(qtbot):
    draft = editor(qtbot, replace(complete_case(), id="c9", case_number="CF-9"), actor="SR-7", role=Role.SUPERVISOR)
    assert not draft.assessment.review_box.isVisible()
    draft.assessment.review_comment.setFocus()
    qtbot.keyClicks(draft.assessment.review_comment, "typed on a draft")
    assert draft.assessment.review_comment.toPlainText() == ""

    officer = editor(qtbot, reviewed(CaseStatus.SUBMITTED), actor="DO-1138", role=Role.OFFICER)
    officer.tabs.setCurrentWidget(officer.assessment)
    assert not officer.assessment.review_box.isVisible()
    assert not any(b.isEnabled() for b in officer.assessment.review_buttons.values())

    own = editor(qtbot, reviewed(CaseStatus.SUBMITTED), actor="DO-1138", role=Role.SUPERVISOR)
    own.tabs.setCurrentWidget(own.assessment)
    assert own.assessment.review_box.isVisible() and own.assessment.review_note.isVisible()
    assert "You submitted this case" in own.assessment.review_note.text()
    assert not any(b.isEnabled() for b in own.assessment.review_buttons.values())

    other = editor(qtbot, reviewed(CaseStatus.SUBMITTED), actor="SR-7", role=Role.SUPERVISOR)
    other.tabs.setCurrentWidget(other.assessment)
    assert other.assessment.review_box.isVisible() and not other.assessment.review_note.isVisible()
    other.assessment.review_comment.setFocus()
    qtbot.keyClicks(other.assessment.review_comment, "Fine.")
    with qtbot.waitSignal(other.review_requested) as signal:
        other.assessment.review_buttons[ReviewDecision.CONCURRED].click()
    assert signal.args == [ReviewDecision.CONCURRED, "Fine."]
    assert QApplication.focusWidget() is not None


def test_the_banner_names_the_supervisor_from_the_member_list_and_the_content_decided_on(qtbot):
    from casework.workflow import reviewed_digest, short_digest

    case = reviewed(CaseStatus.RETURNED, "Get the court record.")
    digest = reviewed_digest(case)
    history = (*case.assessment.history[:-1], replace(case.assessment.history[-1], digest=digest))
    case = replace(case, revision=6, assessment=replace(case.assessment, history=history))
    edit = editor(qtbot, case)
    edit.banner.set_names({"SR-7": "Sam Reyes", "DO-1138": "Dana Ortiz"})
    text = edit.banner.detail.text()
    assert "Returned by Sam Reyes (SR-7) on" in text
    assert f"The decision was made on content {short_digest(digest)}, which is this revision (6)." in text
    changed = replace(case, notes="changed after the decision", revision=7)
    edit.banner.set_value(changed)
    assert (f"The decision was made on content {short_digest(digest)}; this revision (7) is content "
            f"{short_digest(reviewed_digest(changed))}.") in edit.banner.detail.text()


def test_a_colleagues_reopened_case_is_read_only_and_only_its_officer_or_a_supervisor_is_offered_reopen(qtbot):
    case = reviewed(CaseStatus.CONCURRED)
    edit = editor(qtbot, case, actor="BO-202")  # another officer
    assert edit.banner.isVisible() and not edit.banner.reopen_button.isVisible()  # the store would refuse it
    assert editor(qtbot, case, actor="SR-7", role=Role.SUPERVISOR).banner.reopen_button.isVisible()
    assert editor(qtbot, case).banner.reopen_button.isVisible()  # its own officer
    history = (*case.assessment.history, WorkflowEvent(REVIEWED_AT, "SR-7", "reopened", "was concurred: ..."))
    reopened = replace(case, status=CaseStatus.DRAFT, assessment=replace(case.assessment, history=history))
    edit = editor(qtbot, reopened, actor="BO-202")
    assert writable_inputs(edit) == []
    assert edit.banner.headline.text() == "Draft of Dana Ortiz (DO-1138) — read-only"
    assert edit.banner.detail.text() == ("Only Dana Ortiz (DO-1138), who submitted this case, can change it or submit "
                                         "it again.")
    assert writable_inputs(editor(qtbot, reopened)) != []  # its officer edits it
