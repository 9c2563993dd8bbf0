"""The basics an officer expects: Ctrl+N stores nothing until they type, Help ▸ About names the versions, the
demo says it is the demo, date fields take what they show and can be cleared, a new other factor has no kind
until the officer chooses one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.conftest import shot, unlock, wait_unlocked


def started(qtbot, launch, data_dir):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    window = launch(data_dir)
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    return window


def test_ctrl_n_stores_nothing_until_the_officer_types(qtbot, launch, data_dir):
    window = started(qtbot, launch, data_dir)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.workspace.is_blank)
    assert window.editor.title.text() == "New case" and window.model.total() == 0
    shot(window, "new-case-not-stored-yet")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # again: still nothing stored
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.model.total() == 0

    qtbot.keyClicks(window.editor.subject.family_name, "Okafor")
    qtbot.waitUntil(lambda: window.editor.save_state.text() == "Saved", timeout=5000)
    qtbot.waitUntil(lambda: window.model.total() == 1 and window.model.case_at(0).family_name == "Okafor")
    assert window.editor.title.text().startswith("CF-")
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        (summary,) = store.list_cases()
        assert summary.family_name == "Okafor"


def test_about_names_the_versions_and_the_font_licence(qtbot, launch, data_dir):
    import platform

    import PySide6

    window = started(qtbot, launch, data_dir)
    window.about_action.trigger()
    dlg = window.about_dialog
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(lambda: "SQLCipher 4" in dlg.versions.text(), timeout=5000)
    text = dlg.versions.text()
    assert "Casefile 0." in text and f"Python {platform.python_version()}" in text
    assert f"PySide6 {PySide6.__version__}" in text and "crypto provider" in text
    assert "Bitstream" in dlg.licence.toPlainText() and "DejaVu" in dlg.licence.toPlainText()
    shot(dlg, "help-about")


def test_the_encounter_date_takes_what_it_shows_and_clears_to_not_recorded(qtbot):
    from datetime import UTC, datetime

    from casework.model import CaseFile, Encounter
    from widgets.case_edit import CaseEdit

    edit = CaseEdit()
    qtbot.addWidget(edit)
    stored = datetime(2026, 11, 3, 14, 5, 31, tzinfo=UTC)
    edit.set_value(CaseFile(id="c1", case_number="CF-1", encounter=Encounter(occurred_at=stored)))
    edit.show()
    field = edit.encounter.occurred_at
    shown = field.text()
    assert shown == stored.astimezone().strftime("%Y-%m-%d %H:%M")
    assert edit.value().encounter.occurred_at == stored  # showing it is not an edit (seconds kept)

    field.selectAll()
    qtbot.keyClicks(field, "2026-11-20 06:15")  # typed exactly as it is displayed
    when = edit.value().encounter.occurred_at
    assert (when.year, when.month, when.day, when.hour, when.minute) == (2026, 11, 20, 6, 15)
    assert field.text() == "2026-11-20 06:15" and edit.check() == []

    field.selectAll()
    qtbot.keyClicks(field, "20.11.2026")
    (error,) = edit.check()
    assert error.field == "encounter.occurred_at" and "YYYY-MM-DD HH:MM" in error.message
    edit.show_errors([error])
    assert "YYYY-MM-DD HH:MM" in edit.encounter._errors["encounter.occurred_at"].text()

    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # cleared: not recorded
    assert edit.value().encounter.occurred_at is None and edit.check() == []
    edit.set_value(edit.value())
    assert field.text() == "" and field.placeholderText().startswith("YYYY-MM-DD HH:MM")


def test_a_record_table_error_is_shown_at_its_cell(qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication

    from casework.model import CaseFile
    from widgets.case_edit import CaseEdit
    from widgets.record_table_edit import ERROR_CELL

    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-1"))
    edit.resize(1100, 700)
    with qtbot.waitActive(edit):
        edit.show()
        edit.activateWindow()
    edit.focus_field("offenses")
    table = edit.offenses.table
    table.add_button.click()
    qtbot.keyClicks(QApplication.focusWidget(), "Theft")  # typed in place, in the first cell
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the edit on the next turn of the event loop
    type_in_cell(qtbot, table.table, 0, 3, "2020-13")
    assert table.value()[0]["charge"] == "Theft" and table.value()[0]["arrest_date"] == "2020-13"
    errors = edit.check()
    assert [e.field for e in errors] == ["offenses[0].arrest_date"]
    edit.show_errors(errors)
    cell = table.table.item(0, 3)
    assert cell.background().color() == QColor(ERROR_CELL) and cell.toolTip() == errors[0].message
    assert table.table.item(0, 0).toolTip() == ""
    edit.focus_field(errors[0].field)
    assert (table.table.currentRow(), table.table.currentColumn()) == (0, 3)
    shot(edit, "record-table-cell-error")
    edit.show_errors([])
    assert cell.toolTip() == ""


def test_a_new_other_factor_has_no_kind_until_the_officer_chooses(qtbot):
    from tests.widgets.test_assessment_form import editor_for, start

    edit = editor_for(qtbot)
    start(qtbot, edit)
    others = edit.assessment.form.other_factors
    others.add_button.click()
    type_in_cell(qtbot, others.table, 0, 1, "Caregiver of a U.S. citizen child")
    combo = others.table.cellWidget(0, 0)
    assert combo.currentText() == "— choose —" and edit.value().assessment.other_factors[0].kind == ""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert edit.value().assessment.other_factors[0].kind != ""


def type_in_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Go to a cell and type: the first key opens its editor in place, Return commits."""
    from PySide6.QtWidgets import QApplication

    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the edit on the next turn of the event loop


def test_a_dialog_error_goes_when_the_field_is_fixed(qtbot, launch, data_dir):
    from PySide6.QtWidgets import QApplication

    window = launch(data_dir)
    qtbot.waitUntil(lambda: getattr(window, "setup_dialog", None) is not None and window.setup_dialog.isVisible())
    dlg = window.setup_dialog
    dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    error = dlg._errors[dlg.officer_name]
    assert error.isVisible() and error.text()
    QApplication.processEvents()
    assert dlg.passphrase.line.height() >= dlg.passphrase.line.minimumSizeHint().height()  # not squashed
    shot(dlg, "setup-dialog-with-an-error")
    size = dlg.size()
    qtbot.keyClicks(dlg.officer_name, "Dana Ortiz")
    assert not error.isVisible() and dlg.size() == size


def test_not_submitted_goes_once_nothing_blocks(qtbot):
    from dataclasses import replace

    from tests.casework.test_checks import complete_case
    from tests.widgets.test_assessment_form import editor_for

    edit = editor_for(qtbot)
    case = complete_case()
    edit.set_value(replace(case, assessment=replace(case.assessment, rationale="")))
    edit.tabs.setCurrentWidget(edit.assessment)
    edit.assessment.submit_button.click()
    assert edit.assessment.message.text().startswith("Not submitted")
    rationale = edit.assessment.form.rationale
    rationale.setFocus()
    qtbot.keyClicks(rationale, case.assessment.rationale)
    assert "ready to submit" in edit.assessment.status.text() and edit.assessment.message.text() == ""
