"""The mouse wheel scrolls the form; it never changes an input the officer is not typing in."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QScrollBar, QWidget

from casework.assessment import CategoryAnswer, FactorAnswer, OtherFactor, ThreatAnswer
from casework.dates import PartialDate
from casework.model import (
    ApprehensionSite,
    AttentionSource,
    CaseFile,
    Disposition,
    FamilyTie,
    IdentityDocument,
    MannerOfEntry,
    Offense,
)
from casework.policy import PolicyLibrary
from casework.workflow import start_assessment
from tests.casework.test_checks import complete_case
from widgets.case_edit import CaseEdit

POLICY = PolicyLibrary.bundled().latest()


def wheel(widget: QWidget, steps: int) -> None:
    """One notch of the wheel per step (positive: away from the user), over the middle of `widget`."""
    centre = widget.rect().center()
    for _ in range(abs(steps)):
        event = QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)


def middling_case() -> CaseFile:
    """A case whose every choice sits in the middle of its list, so a wheel notch either way would change it,
    with a row in every table (their cells hold combo boxes too)."""
    case = complete_case()
    a = case.assessment
    return replace(
        case, id="c1", case_number="CF-2026-T-0001",
        subject=replace(case.subject, documents=(IdentityDocument("Passport", "X1", "MX", PartialDate("2030"),
                                                                  id="d1"),)),
        encounter=replace(case.encounter, attention_source=AttentionSource.DATABASE_RESULT),
        history=replace(case.history, manner_of_entry=MannerOfEntry.PAROLED,
                        apprehension_site=ApprehensionSite.PORT_OF_ENTRY_ATTEMPTING_ENTRY),
        offenses=(Offense("Theft", disposition=Disposition.DISMISSED, id="o1"),),
        family=(FamilyTie("Ana", "daughter", id="f1"),),
        assessment=replace(
            a,
            categories=tuple(replace(c, answer=CategoryAnswer.DOES_NOT_APPLY) for c in a.categories),
            factors=tuple(replace(f, answer=FactorAnswer.ABSENT) for f in a.factors),
            other_factors=(OtherFactor("mitigating", "Caregiver", "letter", "school", id="x1"),),
            current_threat=ThreatAnswer.NOT_A_CURRENT_THREAT,
        ),
    )


def shown_editor(qtbot, case: CaseFile) -> CaseEdit:
    edit = CaseEdit()
    qtbot.addWidget(edit)
    edit.set_value(case)
    edit.resize(1200, 700)
    with qtbot.waitExposed(edit):
        edit.show()
    return edit


def inputs_of(root: QWidget) -> list[QWidget]:
    """Every widget under `root` that takes input, scroll bars and scroll areas aside."""
    return [w for w in root.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(w, QScrollBar | QAbstractScrollArea)]


def test_the_wheel_over_any_input_of_any_tab_changes_nothing(qtbot):
    case = middling_case()
    edit = shown_editor(qtbot, case)
    assert edit.assessment.form is not None
    before = edit.value()
    edits = []
    edit.value_changed.connect(edits.append)
    combos = 0
    for index in range(edit.tabs.count()):
        edit.tabs.setCurrentIndex(index)
        page = edit.tabs.widget(index)
        for widget in inputs_of(page):
            widget.clearFocus()
            wheel(widget, 2)
            wheel(widget, -3)
            combos += isinstance(widget, QComboBox)
    assert combos >= 20  # every finding, the choices of each tab, and the combo boxes inside table rows
    assert edits == []
    assert edit.value() == before


def test_the_wheel_still_scrolls_the_form_and_still_turns_a_focused_combo(qtbot):
    edit = shown_editor(qtbot, middling_case())
    edit.tabs.setCurrentWidget(edit.assessment)
    form = edit.assessment.form
    first = form.category_answer[POLICY.categories[0].id]
    bar = edit.assessment.scroll_area.verticalScrollBar()
    assert bar.value() == 0 and bar.maximum() > 0
    wheel(first, -3)  # towards the user: scroll down
    assert bar.value() > 0
    assert first.currentData() == CategoryAnswer.DOES_NOT_APPLY.value

    first.setFocus(Qt.FocusReason.TabFocusReason)  # the officer chose this field: the wheel may turn it
    qtbot.waitUntil(first.hasFocus)
    wheel(first, 1)
    assert first.currentData() == CategoryAnswer.APPLIES.value


def test_the_wheel_does_not_give_a_combo_focus_either(qtbot):
    """A real wheel event focuses a WheelFocus widget before anyone can filter it: no input may have that policy."""
    edit = shown_editor(qtbot, start_assessment(CaseFile(id="c2", case_number="CF-2"), POLICY, POLICY.effective))
    edit.tabs.setCurrentWidget(edit.assessment)
    combos = edit.findChildren(QComboBox)
    assert combos and all(c.focusPolicy() == Qt.FocusPolicy.StrongFocus for c in combos)
