"""Assessment in the running app: submit → saved and audited; editing after submission reopens it."""

from __future__ import annotations

from dataclasses import replace

from casework.model import CaseStatus
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import open_first_case, shot


def test_submit_then_edit_reopens_and_both_are_audited(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    editor.assessment.submit_button.click()
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert window.model.case_at(0).status is CaseStatus.SUBMITTED
    assert editor.status.text().startswith("Submitted")
    shot(window, "assessment-submitted")

    editor.assessment.form.rationale.appendPlainText(" A later thought.")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved" and window.model.case_at(0).status
                    is CaseStatus.DRAFT, timeout=5000)
    case_id = editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        case = store.get_case(case_id)
        assert case.status is CaseStatus.DRAFT
        assert [e.event for e in case.assessment.history] == ["submitted", "reopened"]
        actions = [e.action for e in store.audit_entries(case_id)]
        assert "case_submitted" in actions and "case_reopened" in actions
