"""Policy versions in the app: compare two, and re-assess a draft under another version."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from casework.policy import PolicyLibrary
from casework.workflow import start_assessment
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import open_first_case, shot

LIBRARY = PolicyLibrary.bundled()
GUIDELINES = LIBRARY.get("dhs-civil-enforcement-guidelines", "2021-09-30")
INTERIM = LIBRARY.get("ice-interim-enforcement-priorities", "2021-02-18")


def test_compare_two_versions_lists_what_changed(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    window.policy_diff_action.trigger()
    dlg = window.policy_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.old.setCurrentIndex(dlg.old.findText(f"{INTERIM.title} ({INTERIM.version})"))
    dlg.new.setCurrentIndex(dlg.new.findText(f"{GUIDELINES.title} ({GUIDELINES.version})"))
    text = dlg.changes.toPlainText()
    assert "Factor:" in text and "A1 added" in text and "Cutoff:" in text
    dlg.new.setCurrentIndex(dlg.old.currentIndex())
    assert dlg.changes.toPlainText() == "Choose two different versions."
    shot(dlg, "policy-compare")


def test_a_draft_is_re_assessed_under_another_version_and_saved(qtbot, launch, data_dir):
    draft = replace(complete_case(), id="", case_number="")
    draft = replace(draft, assessment=None)
    draft = start_assessment(draft, INTERIM, date(2021, 10, 1))
    draft = replace(draft, assessment=replace(draft.assessment, rationale="Kept across versions."))
    window = open_first_case(qtbot, launch, data_dir, draft)
    window.reassess_action.trigger()
    dlg = window.policy_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert not dlg.old.isEnabled() and dlg.old.currentData().key == INTERIM.key
    dlg.new.setCurrentIndex(dlg.new.findText(f"{GUIDELINES.title} ({GUIDELINES.version})"))
    shot(dlg, "policy-reassess")
    qtbot.keyClick(dlg.reassess_button, Qt.Key.Key_Space)
    assert window.editor.value().assessment.policy_version == GUIDELINES.version
    assert window.editor.value().assessment.rationale == "Kept across versions."
    assert "Re-assessed under" in window.statusBar().currentMessage()
    window.ensure_workspace().save_now()
    qtbot.waitUntil(lambda: not window.tasks.busy and window.editor.save_state.text() == "Saved", timeout=10000)
    case_id = window.editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        stored = store.get_case(case_id).assessment
        assert stored.policy_version == GUIDELINES.version
        assert stored.reassessed_from is not None and stored.reassessed_from.from_version == INTERIM.version
