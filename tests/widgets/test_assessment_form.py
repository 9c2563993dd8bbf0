"""The assessment form, driven like an officer: keyboard only under each shipped policy, refused submission,
the checklist and acknowledgements, the start page's proposal, policies of other shapes, screenshots."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from casework.model import CaseFile, CaseStatus, Encounter
from casework.policy import PolicyLibrary, parse_policy
from tests.desktop.conftest import shot
from widgets.case_edit import CaseEdit

SECOND = Path(__file__).parents[1] / "fixtures" / "policies" / "test-policy-2099.json"
BUNDLED = PolicyLibrary.bundled()


ENCOUNTER = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
"""An encounter while the 2021 guidelines were in force, so the start page proposes them (the date picks the
policy: casework.policy_choice)."""


def editor_for(qtbot, library: PolicyLibrary = BUNDLED, encounter: datetime | None = ENCOUNTER) -> CaseEdit:
    edit = CaseEdit(library)
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-2026-T-0001", encounter=Encounter(occurred_at=encounter)))
    edit.set_actor("DO1138")
    edit.resize(1400, 900)
    with qtbot.waitActive(edit):
        edit.show()
        edit.activateWindow()
    return edit


def start(qtbot, edit: CaseEdit) -> None:
    edit.tabs.setCurrentWidget(edit.assessment)
    edit.assessment.start_button.setFocus()
    qtbot.keyClick(edit.assessment.start_button, Qt.Key.Key_Space)
    assert edit.assessment.form is not None


def test_fill_a_complete_assessment_by_keyboard_alone(qtbot):
    edit = editor_for(qtbot)
    requested = []
    edit.submit_requested.connect(lambda: requested.append("submit"))
    start(qtbot, edit)
    form = edit.assessment.form
    assert QApplication.focusWidget() is form.record_boxes["criminal_record"]

    keys_for_combo = {  # how many steps Down from "not answered"
        "finding": 2,  # Does not apply / Absent
        "Current threat to public safety": 2,  # Is not a current threat
        "Determination": 2,  # Decline enforcement action
    }
    visited = []
    for _ in range(400):
        w = QApplication.focusWidget()
        name = w.accessibleName()
        visited.append(name)
        if isinstance(w, QCheckBox) and (name in ("Reviewed: Full criminal record",
                                                  "Reviewed: Administrative immigration file (A-file)")
                                         or name == "Attestation"):
            qtbot.keyClick(w, Qt.Key.Key_Space)
        elif isinstance(w, QComboBox):
            steps = next((n for key, n in keys_for_combo.items() if name.endswith(key)), 0)
            for _step in range(steps):
                qtbot.keyClick(w, Qt.Key.Key_Down)
        elif isinstance(w, QPlainTextEdit) and name == "Rationale":
            qtbot.keyClicks(w, "No priority category applies on the totality of the facts.")
        elif isinstance(w, QPushButton) and w is edit.assessment.submit_button:
            qtbot.keyClick(w, Qt.Key.Key_Space)
            break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert "Attestation" in visited and "A5 A serious prior criminal record: finding" in visited
    shot(edit, "assessment-complete-by-keyboard")
    assert requested == ["submit"], [str(i) for i in edit.items()]  # nothing blocks: the app submits it
    assert edit.assessment.message.text() == ""
    assert edit.value().status is CaseStatus.DRAFT  # the editor never changes a status; the store does


def test_submit_is_refused_while_items_are_open(qtbot):
    edit = editor_for(qtbot)
    requested = []
    edit.submit_requested.connect(lambda: requested.append("submit"))
    start(qtbot, edit)
    edit.assessment.submit_button.click()
    assert requested == []
    assert edit.value().status is CaseStatus.DRAFT
    assert edit.assessment.message.text().startswith("Not submitted:")
    assert "must be addressed before submitting" in edit.assessment.message.text()
    shot(edit, "assessment-submit-refused")


def test_checklist_jumps_to_the_field(qtbot):
    edit = editor_for(qtbot)
    start(qtbot, edit)
    checklist = edit.assessment.checklist
    row = next(i for i in range(checklist.count())
               if checklist.item(i).data(Qt.ItemDataRole.UserRole) == "assessment.factors.A4.answer")
    checklist.itemClicked.emit(checklist.item(row))
    assert QApplication.focusWidget() is edit.assessment.form.factor_answer["A4"]
    edit.tabs.setCurrentIndex(0)
    row = next(i for i in range(checklist.count())
               if checklist.item(i).data(Qt.ItemDataRole.UserRole) == "assessment.rationale")
    checklist.itemActivated.emit(checklist.item(row))
    assert edit.tabs.currentWidget() is edit.assessment
    assert QApplication.focusWidget() is edit.assessment.form.rationale


def test_checklist_updates_as_the_officer_types(qtbot):
    edit = editor_for(qtbot)
    start(qtbot, edit)
    before = {i.field for i in edit.assessment.checklist.value()}
    assert "assessment.rationale" in before
    qtbot.keyClicks(edit.assessment.form.rationale, "Decided on the totality of the facts.")
    after = {i.field for i in edit.assessment.checklist.value()}
    assert "assessment.rationale" not in after


def test_live_cutoff_hint_follows_the_entry_date(qtbot):
    edit = editor_for(qtbot)
    start(qtbot, edit)
    hint = edit.assessment.form.cutoff_hint
    qtbot.keyClicks(edit.history.last_entry, "2020-11-01")
    assert "exactly the cutoff date" in hint.text()
    edit.history.last_entry.clear()
    qtbot.keyClicks(edit.history.last_entry, "2020-11")
    assert "either side of the cutoff" in hint.text()
    edit.history.last_entry.clear()
    qtbot.keyClicks(edit.history.last_entry, "2021-02-03")
    assert "is after the cutoff" in hint.text()


def test_banner_when_the_assessment_date_is_outside_the_in_force_windows(qtbot):
    edit = editor_for(qtbot)
    start(qtbot, edit)
    form = edit.assessment.form
    form.assessed_on.setDate(form.assessed_on.date().fromString("2022-12-01", "yyyy-MM-dd"))
    assert form.banner.isVisible() and "not in force on 2022-12-01" in form.banner.text()
    form.assessed_on.setDate(form.assessed_on.date().fromString("2024-03-01", "yyyy-MM-dd"))
    assert not form.banner.isVisible()


def test_the_cutoff_hint_under_the_interim_guidance_reads_on_or_after(qtbot):
    edit = editor_for(qtbot, BUNDLED)
    edit.set_value(interim_case())
    hints = edit.assessment.form.cutoff_hints
    assert set(hints) == {"border_security/at_border", "border_security/not_present"}
    qtbot.keyClicks(edit.history.last_entry, "2020-11-01")
    assert "qualifies as “on or after”" in hints["border_security/not_present"].text()
    assert "Needs review" not in hints["border_security/not_present"].text()
    assert hints["border_security/at_border"].text() == (
        "Cutoff for apprehended at the border or a port of entry while attempting to enter unlawfully on or after "
        "1 November 2020: the encounter date on or after 2020-11-01.")


def test_a_second_policy_version_renders_its_own_factors_and_old_assessments_keep_theirs(qtbot):
    second = parse_policy(SECOND.read_text(), SECOND.name)
    first = BUNDLED.get("dhs-civil-enforcement-guidelines", "2021-09-30")
    library = PolicyLibrary([first, second])
    edit = editor_for(qtbot, library, encounter=datetime(2099, 6, 1, tzinfo=UTC))
    start(qtbot, edit)  # a new assessment starts under the policy in force on the encounter date
    assert set(edit.assessment.form.factor_answer) == {"Z1", "Y1"}
    shot(edit, "assessment-second-policy")

    from casework.workflow import start_assessment

    old = start_assessment(CaseFile(id="c2", case_number="CF-OLD"), first, first.effective)
    edit.set_value(old)
    assert set(edit.assessment.form.factor_answer) >= {"A1", "A5", "M1", "M10"}
    assert "Z1" not in edit.assessment.form.factor_answer
    assert edit.value().assessment.policy_version == "2021-09-30"


def test_an_assessment_under_an_unknown_policy_is_kept_unchanged(qtbot):
    from dataclasses import replace

    from casework.workflow import start_assessment

    edit = editor_for(qtbot)
    first = BUNDLED.latest()
    case = start_assessment(CaseFile(id="c3", case_number="CF-X"), first, first.effective)
    case = replace(case, assessment=replace(case.assessment, policy_version="2040-01-01", rationale="kept"))
    edit.set_value(case)
    assert "policy dhs-civil-enforcement-guidelines version 2040-01-01 is not known" in edit.assessment.unknown.text()
    qtbot.keyClicks(edit.notes.notes, "an edit elsewhere")
    assert edit.value().assessment == case.assessment


def test_every_assessment_input_has_an_accessible_name_and_description_from_the_policy(qtbot):
    edit = editor_for(qtbot)
    start(qtbot, edit)
    form = edit.assessment.form
    for path in form.paths():
        w = form.field(path)
        assert w.accessibleName(), path
    for factor in form.policy.factors:
        assert form.factor_answer[factor.id].accessibleDescription() == factor.help
    assert all(isinstance(form.factor_evidence[f.id], QLineEdit) for f in form.policy.factors)


# ----- under the interim guidance, and a policy of a third shape ----------------------------------------------

INTERIM = BUNDLED.get("ice-interim-enforcement-priorities", "2021-02-18")
THIRD = parse_policy((SECOND.parent / "test-policy-third-shape.json").read_text(), "test-policy-third-shape.json")


def interim_case(**facts) -> CaseFile:
    from datetime import date

    from casework.workflow import start_assessment

    return start_assessment(CaseFile(id="c9", case_number="CF-2021-I-0001", **facts), INTERIM, date(2021, 3, 1))


def tab_through(qtbot, edit: CaseEdit, start_widget, actions: dict, stop) -> list[str]:
    """Tab from `start_widget` until `stop(widget)`; `actions[accessible name]` is called on each widget."""
    start_widget.setFocus()
    qtbot.waitUntil(start_widget.hasFocus)
    visited = []
    for _ in range(400):
        w = QApplication.focusWidget()
        name = w.accessibleName()
        visited.append(name)
        if stop(w):
            break
        for key, act in actions.items():
            if name == key or (key.startswith("*") and name.endswith(key[1:])):
                act(w)
                break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    return visited


def down(qtbot, n):
    return lambda w: [qtbot.keyClick(w, Qt.Key.Key_Down) for _ in range(n)]


def test_fill_an_interim_guidance_assessment_by_keyboard_alone(qtbot):
    """Presumed priorities, no factor table; an action outside the priorities asks a justification and a
    pre-approval, which appear as soon as the determination is an action."""
    edit = editor_for(qtbot)
    requested = []
    edit.submit_requested.connect(lambda: requested.append("submit"))
    edit.set_value(interim_case())
    edit.tabs.setCurrentWidget(edit.assessment)
    form = edit.assessment.form
    assert form.policy is INTERIM and form.factor_answer == {} and form.other_factors is None
    assert [form.category_answer["border_security"].itemText(i) for i in range(4)] == [
        "— not answered —", "Met (presumed priority)", "Not met", "Unknown"]
    assert not form.questions["justification"].widget.isVisibleTo(form)  # not asked yet
    actions = {
        "Reviewed: Full criminal record": lambda w: qtbot.keyClick(w, Qt.Key.Key_Space),
        "*: finding": down(qtbot, 2),  # Not met
        "Determination": down(qtbot, 1),  # Take enforcement action
        "Determination detail": lambda w: qtbot.keyClicks(w, "Arrest and removal proceedings"),
        "Written justification": lambda w: qtbot.keyClicks(w, "Repeated violent offenses; see the court record."),
        "Pre-approved by (name)": lambda w: qtbot.keyClicks(w, "Alex Director"),
        "Approver's title": lambda w: qtbot.keyClicks(w, "Field Office Director"),
        "Date of pre-approval": lambda w: qtbot.keyClicks(w, "2021-03-01"),
        "Rationale": lambda w: qtbot.keyClicks(w, "No presumed priority is met; action pre-approved."),
        "Attestation": lambda w: qtbot.keyClick(w, Qt.Key.Key_Space),
    }
    visited = tab_through(qtbot, edit, form.record_boxes["criminal_record"], actions,
                          lambda w: w is edit.assessment.submit_button)
    assert {"Written justification", "Pre-approved by (name)", "Approver's title", "Date of pre-approval"} <= set(
        visited)
    assert not {n for n in visited if "Weighing" in n or "current threat" in n.lower()}
    shot(edit, "assessment-interim-by-keyboard")
    a = edit.value().assessment
    assert [(x.question, x.value) for x in a.answers] == [
        ("justification", "Repeated violent offenses; see the court record."), ("approver_name", "Alex Director"),
        ("approver_title", "Field Office Director"), ("approval_date", "2021-03-01")]
    assert [str(i) for i in edit.items() if i.blocks_submission] == []
    qtbot.keyClick(edit.assessment.submit_button, Qt.Key.Key_Space)
    assert requested == ["submit"]


def test_the_pre_approval_section_shows_only_while_it_is_asked(qtbot):
    edit = editor_for(qtbot)
    edit.set_value(interim_case())
    edit.tabs.setCurrentWidget(edit.assessment)
    form = edit.assessment.form
    justification = form.questions["justification"].widget
    for c in INTERIM.categories:
        form.category_answer[c.id].setCurrentIndex(2)
    form.determination.setCurrentIndex(form.determination.findData("take_action"))
    assert justification.isVisibleTo(form)
    form.category_answer["public_safety"].setCurrentIndex(1)  # a presumed priority is met: no pre-approval
    assert not justification.isVisibleTo(form)
    assert {q.id for q in INTERIM.questions()} <= set(form.questions)


def test_a_policy_of_a_third_shape_renders_and_completes_with_no_code_change(qtbot):
    from datetime import date

    from casework.checks import review_items
    from casework.workflow import start_assessment

    edit = editor_for(qtbot, PolicyLibrary([THIRD]))
    edit.set_value(start_assessment(CaseFile(id="c3", case_number="CF-T"), THIRD, date(2099, 8, 1)))
    edit.tabs.setCurrentWidget(edit.assessment)
    form = edit.assessment.form
    assert set(form.factor_answer) == {"T1", "T2", "G1", "C1"}
    kinds = form.other_factors.table.cellWidget if form.other_factors else None
    assert kinds is not None
    assert [form.questions["harm_likelihood"].widget.itemText(i) for i in range(5)] == [
        "— not answered —", "Likely", "Possible", "Unlikely", "Cannot say"]
    for c in THIRD.categories:
        form.category_answer[c.id].setCurrentIndex(2)
    for f in THIRD.factors:
        form.factor_answer[f.id].setCurrentIndex(2)
    form.record_boxes["file"].setChecked(True)
    form.questions["harm_likelihood"].widget.setCurrentIndex(3)
    form.questions["interview_language"].widget.setText("Portuguese")
    form.questions["interpreter"].widget.setCurrentIndex(1)
    qtbot.keyClicks(form.questions["second_look_note"].widget, "Checked twice.")
    form.determination.setCurrentIndex(form.determination.findData("do_not_act"))
    qtbot.keyClicks(form.rationale, "Nothing fictional weighs here.")
    form.attested.setChecked(True)
    shot(edit, "assessment-third-shape")
    case = edit.value()
    assert [i for i in review_items(case, THIRD) if i.blocks_submission] == []
    assert form.attested.text() == "I attest (fictional) that none of these was considered."


# ----- acknowledging review items in the checklist ---------------------------------------------------------------


def test_a_cutoff_review_is_acknowledged_in_the_checklist_by_keyboard(qtbot):
    from dataclasses import replace

    from casework.dates import PartialDate
    from casework.model import ApprehensionSite, ImmigrationHistory
    from tests.casework.test_checks import complete_case

    edit = editor_for(qtbot)
    case = replace(complete_case(), id="c5", case_number="CF-5",
                   history=ImmigrationHistory(last_entry=PartialDate("2020-11-01"),
                                              apprehension_site=ApprehensionSite.INTERIOR))
    edit.set_value(case)
    edit.tabs.setCurrentWidget(edit.assessment)
    panel = edit.assessment
    (waiting,) = [i for i in edit.items() if i.blocks_submission]
    assert waiting.needs_acknowledgement and waiting.field == "assessment.categories.border_security.answer"
    row = next(r for r in range(panel.checklist.count()) if panel.checklist.item(r).text().startswith("✎"))
    assert "to acknowledge" in panel.checklist.item(row).text()
    assert not panel.ack_button.isEnabled()
    panel.checklist.setFocus()
    panel.checklist.setCurrentRow(row)
    assert panel.ack_button.isEnabled() and panel.ack_note.text() == ""
    panel.ack_note.setFocus()
    qtbot.keyClicks(panel.ack_note, "I-94 shows entry on 1 Nov 2020: not after the cutoff.")
    qtbot.keyClick(panel.ack_note, Qt.Key.Key_Return)
    assert [i for i in edit.items() if i.blocks_submission] == []
    a = edit.value().assessment
    assert [(x.key, x.note) for x in a.acknowledgements] == [
        (waiting.key, "I-94 shows entry on 1 Nov 2020: not after the cutoff.")]
    row = next(r for r in range(panel.checklist.count()) if panel.checklist.item(r).text().startswith("✓"))
    assert panel.checklist.item(row).text().endswith("acknowledged: I-94 shows entry on 1 Nov 2020: not after the "
                                                     "cutoff.")
    assert panel.checklist.current_item().key == waiting.key  # still selected after the recomputation
    assert panel.ack_button.text() == "Update the note"
    assert "ready to submit" in panel.status.text()
    shot(edit, "assessment-acknowledged")


def test_a_never_factor_word_is_flagged_as_the_officer_types_and_acknowledged(qtbot):
    from dataclasses import replace

    from tests.casework.test_checks import complete_case

    edit = editor_for(qtbot)
    edit.set_value(replace(complete_case(), id="c6", case_number="CF-6"))
    edit.tabs.setCurrentWidget(edit.assessment)
    panel, form = edit.assessment, edit.assessment.form
    form.rationale.moveCursor(form.rationale.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.rationale, " His pastor wrote a letter.")
    (item,) = [i for i in edit.items() if i.blocks_submission]
    assert item.key == "never-factor:assessment.rationale:religion"
    assert "This is a check for you, not a finding" in item.message
    assert panel.checklist.select_key(item.key)
    assert panel.ack_note.text() == "Mentioned only as "
    panel.ack_note.setFocus()
    panel.ack_note.end(False)
    qtbot.keyClicks(panel.ack_note, "the author of a character letter.")
    shot(edit, "assessment-never-factor")
    panel.ack_button.click()
    assert [i for i in edit.items() if i.blocks_submission] == []
    assert edit.value().assessment.acknowledgement(item.key) == "Mentioned only as the author of a character letter."


def test_a_read_only_case_cannot_be_acknowledged(qtbot):
    edit = editor_for(qtbot)
    edit.set_value(interim_case())
    panel = edit.assessment
    panel.set_read_only(True)
    panel.checklist.setCurrentRow(0)
    assert not panel.ack_button.isEnabled() and not panel.ack_note.isEnabled()


# ----- the start page proposes the policy in force on the encounter date -------------------------------------------


def test_the_start_page_proposes_a_policy_and_says_why(qtbot):
    from datetime import date

    from casework.policy_choice import propose_policy

    edit = editor_for(qtbot)
    panel = edit.assessment
    edit.tabs.setCurrentWidget(panel)
    assert panel.chosen_policy() is BUNDLED.latest()  # before anything is proposed: the newest
    panel.show_proposal(propose_policy(BUNDLED, date(2021, 10, 1)))
    assert panel.chosen_policy() is INTERIM and panel.start_button.isEnabled()
    assert panel.proposal.isVisibleTo(panel) and "Partial stay" in panel.proposal.text()
    assert "presumed priority category" in panel.intro.text()
    shot(edit, "assessment-start-proposed")
    panel.show_proposal(propose_policy(BUNDLED, date(2025, 2, 1)))
    assert panel.chosen_policy() is None and not panel.start_button.isEnabled()
    assert "ended by the executive orders of 20 Jan 2025" in panel.proposal.text()
    assert panel.intro.text() == "Choose the policy to assess under before starting."
    panel.policy_choice.setFocus()
    qtbot.keyClick(panel.policy_choice, Qt.Key.Key_Down)
    assert panel.chosen_policy() is BUNDLED.latest() and panel.start_button.isEnabled()
    shot(edit, "assessment-start-choose")


@pytest.mark.parametrize("which", ["guidelines", "interim", "third"])
def test_screenshot_of_the_form_under_each_policy(qtbot, which):
    from datetime import date

    from casework.workflow import start_assessment

    policy = {"guidelines": BUNDLED.latest(), "interim": INTERIM, "third": THIRD}[which]
    edit = editor_for(qtbot, PolicyLibrary([policy]))
    edit.set_value(start_assessment(CaseFile(id="s", case_number=f"CF-{which}"), policy, date(2021, 10, 1)))
    edit.tabs.setCurrentWidget(edit.assessment)
    form = edit.assessment.form
    form.resize(form.sizeHint())
    shot(form, f"assessment-form-{which}")
    assert policy.word("form.never_factors").split(":")[0] in visible(form)


def visible(widget) -> str:
    from tests.desktop.conftest import visible_texts

    return visible_texts(widget)


def test_the_encounter_date_picks_the_policy_a_new_assessment_starts_under(qtbot):
    edit = editor_for(qtbot, encounter=datetime(2021, 10, 1, 9, 0, tzinfo=UTC))
    assert edit.assessment.chosen_policy() is INTERIM  # the interim guidance was in force on 1 Oct 2021
    edit.tabs.setCurrentWidget(edit.encounter)
    edit.encounter.occurred_at.setFocus()
    edit.encounter.occurred_at.setDateTime(datetime(2021, 12, 1, 9, 0))  # the officer corrects the date
    assert edit.assessment.chosen_policy() is BUNDLED.get("dhs-civil-enforcement-guidelines", "2021-09-30")
    edit.encounter.occurred_at.setDateTime(datetime(2025, 3, 1, 9, 0))  # after 20 Jan 2025: none in force
    assert edit.assessment.chosen_policy() is None and not edit.assessment.start_button.isEnabled()
    assert "Choose the policy" in edit.assessment.proposal.text()
    edit.encounter.occurred_at.setDateTime(datetime(2021, 10, 1, 9, 0))
    start(qtbot, edit)
    assert edit.value().assessment.policy_version == INTERIM.version
    edit.encounter.occurred_at.setDateTime(datetime(2021, 12, 1, 9, 0))  # an assessment keeps its policy
    assert edit.value().assessment.policy_version == INTERIM.version
