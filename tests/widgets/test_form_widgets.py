"""The form widgets, driven as a user would: typing, clicking Add/Remove, tabbing through."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from casework.dates import PartialDate
from casework.model import CaseFile, Disposition, FamilyTie, IdentityDocument, Offense, Subject
from casework.passphrase import passphrase_problem
from casework.validation import FieldError
from widgets.case_edit import CaseEdit
from widgets.partial_date_edit import PartialDateEdit
from widgets.passphrase_edit import PassphraseEdit
from widgets.record_table_edit import Column, RecordTableEdit


def test_partial_date_edit_reports_its_problem(qtbot):
    w = PartialDateEdit()
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.value_changed):
        qtbot.keyClicks(w, "2020-13")
    assert w.value() == PartialDate("2020-13")
    assert w.error() == "month 13 does not exist"
    w.clear()
    qtbot.keyClicks(w, "2020-11")
    assert w.error() is None and str(w.value().precision) == "month"


def test_record_table_add_edit_remove(qtbot):
    w = RecordTableEdit([Column("a", "A"), Column("b", "B", choices=(("", "-"), ("x", "Ex")))], noun="row")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.value_changed):
        w.add_button.click()
    w.table.item(0, 0).setText("first")
    combo = w.table.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(1)
    w.add_button.click()
    first_id, second_id = (row["id"] for row in w.value())
    assert first_id and second_id and first_id != second_id  # each row has its own id from the moment it exists
    assert w.value() == [{"id": first_id, "a": "first", "b": "x"}, {"id": second_id, "a": "", "b": ""}]
    w.table.selectRow(0)
    w.remove_button.click()
    assert w.value() == [{"id": second_id, "a": "", "b": ""}]


def test_list_items_keep_their_ids_through_edits_and_new_rows_get_one(qtbot):
    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-1", offenses=(Offense(charge="Theft", id="o-1"),),
                            subject=Subject(documents=(IdentityDocument("Passport", id="d-1"),)),
                            family=(FamilyTie("Ana", id="f-1"),)))
    table = edit.offenses.table
    table.add_button.click()
    table.table.item(1, 0).setText("Fraud")
    table.table.item(0, 1).setText("PC 484")
    first = edit.value()
    assert first.offenses[0].id == "o-1" and first.offenses[1].id
    edit.offenses.table.table.item(1, 2).setText("County")
    again = edit.value()
    assert [o.id for o in again.offenses] == [o.id for o in first.offenses]  # typing never re-identifies a row
    assert again.subject.documents[0].id == "d-1" and again.family[0].id == "f-1"


def test_case_edit_round_trips_a_case_and_only_user_edits_signal(qtbot):
    edit = CaseEdit()
    qtbot.addWidget(edit)
    changes = []
    edit.value_changed.connect(changes.append)
    case = CaseFile(id="c1", case_number="CF-1", revision=3,
                    subject=Subject(family_name="مثال", given_names="<b>Zoë</b>", aliases=("A", "B"),
                                    a_number="A123456789", date_of_birth=PartialDate("1990")),
                    offenses=(Offense(charge="Theft", disposition=Disposition.VACATED,
                                      arrest_date=PartialDate("2012-02"), id="o1"),),
                    notes="line1\nline2")
    edit.set_value(case)
    assert changes == []  # loading is not an edit
    assert edit.value() == case
    assert edit.title.text() == "CF-1  مثال, <b>Zoë</b>"  # plain text, never markup
    edit.offenses.table.table.cellWidget(0, 5).setCurrentIndex(2)
    assert changes and edit.value().offenses[0].disposition is Disposition.CONVICTED


def test_errors_appear_under_their_field_and_focus_jumps_there(qtbot):
    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-1"))
    edit.show()
    edit.show_errors([FieldError("history.last_entry", "bad date"),
                      FieldError("offenses[1].arrest_date", "bad arrest")])
    assert edit.history._errors["history.last_entry"].text() == "bad date"
    assert edit.offenses._errors["offenses"].text() == "row 2, arrest date: bad arrest"
    assert edit.focus_field("history.last_entry")
    assert edit.tabs.currentIndex() == 2
    assert not edit.focus_field("no.such.field")


def test_subject_form_is_usable_by_keyboard_alone(qtbot):
    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-1"))
    with qtbot.waitActive(edit):
        edit.show()
        edit.activateWindow()
    edit.subject.family_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit.subject.family_name)
    order = []
    for _ in range(6):
        w = QApplication.focusWidget()
        assert w is not None
        order.append(w.accessibleName())
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert order == ["Family name", "Given names", "Aliases", "Date of birth", "A-number", "Country of citizenship"]


def test_every_input_has_an_accessible_name(qtbot):
    edit = CaseEdit()
    qtbot.addWidget(edit)
    for _title, section in edit.sections:
        for path in section.paths():
            assert section.field(path).accessibleName(), path


def test_passphrase_strength(qtbot):
    w = PassphraseEdit()
    qtbot.addWidget(w)
    qtbot.keyClicks(w.line, "password1")
    assert w.meter.value() <= 1 and "weak" in w.feedback.text()
    assert passphrase_problem("password1") is not None
    assert "at least 10 characters" in passphrase_problem("Short1!")
    assert passphrase_problem("copper kettle winter harbor") is None


def test_loading_a_case_with_an_assessment_is_not_an_edit(qtbot):
    from tests.casework.test_checks import complete_case

    edit = CaseEdit()
    qtbot.addWidget(edit)
    changes = []
    edit.value_changed.connect(changes.append)
    edit.set_value(complete_case())  # the form fills every finding, the determination and its detail
    edit.set_value(CaseFile(id="c2", case_number="CF-2"))
    edit.set_value(complete_case())
    assert changes == []
