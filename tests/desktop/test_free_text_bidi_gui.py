"""The form refuses bidi embeddings, overrides and isolates typed into free text — notes, the rationale, a
factor's evidence, an acknowledgement's note — under the very field, in the window's language, and saves nothing
of it; a case stored before the rule opens with its text as stored and saves edits to its other fields."""

from __future__ import annotations

from dataclasses import replace

from casework.model import CaseFile
from desktop.main_window import MainWindow
from storage import store as store_module
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import open_first_case, open_the_only_case, shot
from tests.desktop.test_i18n_screens import spanish  # noqa: F401 (a fixture)
from tests.desktop.test_saves import stored, type_into_notes

DISGUISED = "\u202eevil\u202c"
CHARS = "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING"
WHY = f"holds invisible direction controls ({CHARS}) that make it read as other words; type it without them"
POR_QUE = (f"contiene controles de dirección invisibles ({CHARS}) que hacen que se lea como otras palabras; "
           "escríbalo sin ellos")


def a_case() -> CaseFile:
    return replace(complete_case(), id="", case_number="")


def paste_into_notes(window: MainWindow, text: str) -> None:
    """`text` at the end of the notes, as pasted (QTest cannot type a format character key by key)."""
    notes = window.editor.notes.notes
    window.editor.focus_field("notes")
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    notes.insertPlainText(text)


def flush(window: MainWindow) -> bool:
    assert window.workspace is not None
    return window.workspace.flush()


def test_bidi_controls_typed_into_notes_the_rationale_and_evidence_are_refused_under_each_field(qtbot, launch,
                                                                                                data_dir):
    window = open_first_case(qtbot, launch, data_dir, a_case())
    editor = window.editor
    case_id = editor.case_id()
    before = stored(window, qtbot, case_id)
    paste_into_notes(window, f" {DISGUISED}")
    form = editor.assessment.form
    assert form is not None
    form.rationale.moveCursor(form.rationale.textCursor().MoveOperation.End)
    form.rationale.insertPlainText(f" {DISGUISED}")  # as pasted
    factor = next(iter(form.factor_evidence))
    form.factor_evidence[factor].setText(f"report {DISGUISED}")
    assert not flush(window)
    assert editor.notes._errors["notes"].text() == WHY and editor.notes._errors["notes"].isVisible()
    assert form._errors["assessment.rationale"].text() == WHY
    assert form._errors[f"assessment.factors.{factor}.evidence"].text() == WHY
    assert editor.save_state.text() == "Not saved: fix 3 fields"
    editor.tabs.setCurrentWidget(editor.assessment)
    shot(window, "free-text-bidi-refused")
    assert stored(window, qtbot, case_id) == before  # nothing of it was written
    editor.notes.notes.setPlainText("Paid in cash \u200fمحمد\u200e 🙂")  # right-to-left text and marks are fine
    form.rationale.setPlainText(before.assessment.rationale)
    form.factor_evidence[factor].setText("report עם דוד")
    assert flush(window)
    assert editor.notes._errors["notes"].isHidden() and form._errors["assessment.rationale"].isHidden()
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert stored(window, qtbot, case_id).notes == "Paid in cash \u200fمحمد\u200e 🙂"


def test_an_acknowledgement_note_holding_them_is_refused_at_the_button(qtbot, launch, data_dir):
    case = a_case()
    window = open_first_case(qtbot, launch, data_dir, replace(case, assessment=replace(
        case.assessment, rationale=case.assessment.rationale + " He mentioned his religion.")))
    panel = window.editor.assessment
    window.editor.tabs.setCurrentWidget(panel)
    item = next(i for i in window.editor.items() if i.needs_acknowledgement)
    panel._on_checklist_current_item_changed(item)  # as selecting it in the checklist does
    panel.ack_note.setText(f"mentioned only as {DISGUISED}")
    panel.ack_button.click()
    assert panel.ack_error.text() == WHY and panel.ack_error.isVisible()
    assert window.editor.value().assessment.acknowledgement(item.key) == ""
    panel.ack_note.setText("mentioned only as a place name")
    panel.ack_button.click()
    assert panel.ack_error.isHidden()
    assert window.editor.value().assessment.acknowledgement(item.key) == "mentioned only as a place name"


def test_the_refusal_is_in_the_windows_language(qtbot, launch, data_dir, spanish):  # noqa: F811
    window = open_first_case(qtbot, launch, data_dir, a_case())
    paste_into_notes(window, f" {DISGUISED}")
    assert not flush(window)
    assert window.editor.notes._errors["notes"].text() == POR_QUE


def test_a_case_stored_before_the_rule_opens_as_stored_and_saves_its_other_fields(qtbot, launch, data_dir,
                                                                                  monkeypatch):
    monkeypatch.setattr(store_module, "_check", lambda case: None)  # as an older Casefile stored it
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        (result,) = store.import_cases([replace(a_case(), notes=f"Paid {DISGUISED} in cash")])
    monkeypatch.undo()
    window = open_the_only_case(qtbot, launch, data_dir)
    editor = window.editor
    assert editor.notes.notes.toPlainText() == f"Paid {DISGUISED} in cash"  # readable, exactly as stored
    editor.focus_field("other_ties")
    qtbot.keyClicks(editor.ties.other, " A cousin in Yuma.")
    qtbot.waitUntil(lambda: editor.save_state.text() == "Saved", timeout=5000)
    assert editor.notes._errors["notes"].isHidden()
    saved = stored(window, qtbot, result.case.id)
    assert saved.other_ties.endswith("A cousin in Yuma.") and saved.notes == f"Paid {DISGUISED} in cash"
    type_into_notes(qtbot, window, " more")  # a change to the field itself asks for them to go
    assert not flush(window)
    assert editor.notes._errors["notes"].text() == WHY
