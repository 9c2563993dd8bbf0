"""The assessment form in Spanish: the policy's labels and help come from its translation file, the checks and
the saved assessment stay the English policy's."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from casework.checks import review_items
from casework.policy import PolicyLibrary
from casework.policy_translation import translated
from desktop import i18n
from tests.desktop.conftest import shot
from tests.widgets.test_assessment_form import ENCOUNTER, start
from widgets.case_edit import CaseEdit

BUNDLED = PolicyLibrary.bundled()
GUIDELINES = BUNDLED.get("dhs-civil-enforcement-guidelines", "2021-09-30")
INTERIM = BUNDLED.get("ice-interim-enforcement-priorities", "2021-02-18")


def editor(qtbot, language: str, encounter=ENCOUNTER) -> CaseEdit:
    from casework.model import CaseFile, Encounter

    edit = CaseEdit(BUNDLED, language=language)
    qtbot.addWidget(edit)
    edit.set_value(CaseFile(id="c1", case_number="CF-2026-T-0001", encounter=Encounter(occurred_at=encounter)))
    edit.set_actor("DO1138")
    edit.resize(1400, 900)
    with qtbot.waitActive(edit):
        edit.show()
        edit.activateWindow()
    return edit


def visible_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget) and w.text()]


def test_the_form_shows_the_policy_in_spanish(qtbot):
    edit = editor(qtbot, "es")
    assert "Directrices para la aplicación de la ley civil de inmigración (2021-09-30)" in \
        edit.assessment.policy_choice.currentText()
    start(qtbot, edit)
    form = edit.assessment.form
    texts = visible_texts(form)
    es = translated(GUIDELINES, "es")
    for category in es.categories:
        assert category.label in texts
        assert category.condition in texts
    for kind in es.factor_kinds:
        assert kind.title in texts
    for factor in es.factors:
        assert f"{factor.id}  {factor.label}" in texts
    assert "Categorías de prioridad" in texts
    for english in ("Threat to public safety", "Aggravating factors (weigh toward enforcement action)",
                    "M5  Impact of removal on family in the United States", "Priority categories"):
        assert english not in texts
    finding = form.category_answer["public_safety"]
    assert [finding.itemText(i) for i in range(1, finding.count())] == ["Aplica", "No aplica", "Desconocido"]
    assert finding.accessibleDescription() == es.category("public_safety").condition
    threat = form.questions["current_threat"].widget
    assert threat.itemText(2) == "No constituye una amenaza actual"
    assert [form.determination.itemText(i) for i in range(1, form.determination.count())] == [
        d.label for d in es.determinations]
    assert [b.text() for b in form.record_boxes.values()] == [r.label for r in es.records]
    assert form.factor_answer["A4"].toolTip() == es.factor("A4").help
    assert not edit.assessment.translation_note.isVisibleTo(edit)


def test_the_checks_and_the_saved_assessment_are_the_english_policy_s(qtbot):
    edit = editor(qtbot, "es")
    start(qtbot, edit)
    assert edit.assessment.policy is GUIDELINES  # the rules: English, whatever is shown
    form = edit.assessment.form
    form.category_answer["public_safety"].setCurrentIndex(1)  # Aplica
    form.questions["current_threat"].widget.setCurrentIndex(2)  # No constituye una amenaza actual
    value = edit.value()
    a = value.assessment
    assert (a.policy_id, a.policy_version, a.policy_sha256) == (GUIDELINES.id, GUIDELINES.version, GUIDELINES.sha256)
    assert a.category("public_safety").answer.value == "applies"
    assert a.answer("current_threat").value == "not_a_current_threat"
    english = editor(qtbot, "en")
    start(qtbot, english)
    english.assessment.form.set_value(a)
    assert english.value().assessment == a  # the same record, whichever language it was typed in
    items = edit.items()
    assert [(i.field, i.kind, i.key) for i in items] == [(i.field, i.kind, i.key) for i in review_items(value,
                                                                                                        GUIDELINES)]
    assert any("“Current threat to public safety” is answered “Is not a current threat”" in i.message
               for i in items)


def test_the_interim_guidance_in_spanish(qtbot):
    from datetime import UTC, datetime

    edit = editor(qtbot, "es", datetime(2021, 3, 1, 9, tzinfo=UTC))
    start(qtbot, edit)
    form = edit.assessment.form
    assert edit.assessment.policy is INTERIM
    texts = visible_texts(form)
    assert "Categorías de prioridad presunta" in texts
    assert [form.category_answer["border_security"].itemText(i) for i in (1, 2)] == [
        "Se cumple (prioridad presunta)", "No se cumple"]
    boxes = form.questions["public_safety_conditions"].boxes
    assert boxes["aggravated_felony"].text().startswith("(a) Condenada por un delito grave con agravantes")


def test_screenshot_of_the_form_in_spanish(qtbot):
    app = QApplication.instance()
    i18n.install("es", app)
    try:
        edit = editor(qtbot, "es")
        start(qtbot, edit)
        edit.resize(1200, 760)
        form = edit.assessment.form
        edit.assessment.scroll_area.ensureWidgetVisible(form.category_answer["public_safety"])
        qtbot.wait(50)
        shot(edit, "assessment-es-public-safety")
        edit.assessment.scroll_area.ensureWidgetVisible(form.factor_answer["M5"])
        qtbot.wait(50)
        shot(edit, "assessment-es-factors")
    finally:
        i18n.install("en", app)
