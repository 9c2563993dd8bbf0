"""The assessment form, driven like an officer: keyboard only, refused submission, checklist, policy versions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

from casework.model import CaseFile, CaseStatus
from casework.policy import PolicyLibrary, parse_policy
from tests.desktop.conftest import shot
from widgets.case_edit import CaseEdit

SECOND = Path(__file__).parents[1] / "fixtures" / "policies" / "test-policy-2099.json"
BUNDLED = PolicyLibrary.bundled()


def editor_for(qtbot, library: PolicyLibrary = BUNDLED) -> CaseEdit:
    edit = CaseEdit(library)
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-2026-T-0001"))
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
    assert "item(s) must be addressed" in edit.assessment.message.text()
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


def test_a_second_policy_version_renders_its_own_factors_and_old_assessments_keep_theirs(qtbot):
    second = parse_policy(SECOND.read_text(), SECOND.name)
    first = BUNDLED.get("dhs-civil-enforcement-guidelines", "2021-09-30")
    library = PolicyLibrary([first, second])
    edit = editor_for(qtbot, library)
    start(qtbot, edit)  # a new assessment starts under the newest policy
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
