"""The Sync dialog says, in words and in the window's language, why this laptop's changes to a case were not
sent: a colleague submitted the case meanwhile (storage.sync keeps the office's copy and sets them aside)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.test_i18n_screens import spanish
from tests.desktop.test_office_sync import launch_as, office_sync, open_sync_dialog
from tests.office import conftest as office_fixtures
from tests.office.conftest import Laptops
from tests.storage.test_record_integrity import ready_case

office = office_fixtures.office
laptops = office_fixtures.laptops
__all__ = ["spanish"]


def bobs_edit_meets_alices_submission(laptops: Laptops) -> str:
    case = ready_case(laptops.alice)
    for store in (laptops.alice, laptops.bob):
        office_sync(laptops, store)
    laptops.bob.update_case(replace(laptops.bob.get_case(case.id), notes="Bob's offline note"))
    laptops.bob.close_revision(case.id)
    laptops.alice.submit_case(case.id)
    office_sync(laptops, laptops.alice)
    return laptops.bob.get_case(case.id).case_number


def synced_dialog(qtbot, launch, laptops: Laptops):
    window = launch_as(qtbot, launch, laptops, "bob")
    dlg = open_sync_dialog(qtbot, window, by_key=False)
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "done", timeout=15000)
    return dlg


def test_the_dialog_says_why_bobs_changes_were_not_sent(qtbot, launch, laptops: Laptops):
    number = bobs_edit_meets_alices_submission(laptops)
    dlg = synced_dialog(qtbot, launch, laptops)
    assert dlg.report.pushed == 0 and dlg.report.rejected == []
    lines = dlg.headline.text().splitlines()
    assert "1 case with your changes not sent" in lines[0]
    assert lines[1:] == [f"Your changes to case {number} were not sent: AM-101 submitted it meanwhile and only that "
                         "officer can change it (it is submitted at the office); the office's copy is kept here and "
                         "your values wait as sync conflicts."]
    assert dlg.held_list.count() == 1 and dlg.resolve_button.isEnabled()


def test_the_dialog_says_it_in_spanish(qtbot, launch, laptops: Laptops, spanish):
    number = bobs_edit_meets_alices_submission(laptops)
    dlg = synced_dialog(qtbot, launch, laptops)
    lines = dlg.headline.text().splitlines()
    assert "1 caso con cambios suyos sin enviar" in lines[0]
    assert lines[1:] == [f"Sus cambios en el caso {number} no se enviaron: AM-101 lo presentó entretanto y solo ese "
                         "oficial puede modificarlo (en la oficina está en estado «presentado»); aquí se conserva la "
                         "copia de la oficina y sus valores esperan como conflictos de sincronización."]


def test_the_conflict_dialog_shows_bobs_value_offers_only_the_offices_and_says_why(qtbot, launch,
                                                                                    laptops: Laptops):
    number = bobs_edit_meets_alices_submission(laptops)
    dlg = synced_dialog(qtbot, launch, laptops)
    window = dlg.parent()
    dlg.resolve_button.click()
    qtbot.waitUntil(lambda: getattr(window, "conflict_dialog", None) is not None
                    and window.conflict_dialog.isVisible(), timeout=15000)
    conflicts = window.conflict_dialog
    assert conflicts.mine_views["notes"].toPlainText() == "Bob's offline note"  # his value, not the office's
    keep, take = conflicts.groups["notes"].buttons()
    assert conflicts.choices() == {"notes": "theirs"} and not keep.isEnabled() and take.hasFocus()
    why = (f"Case {number}: it was submitted by AM-101; only that officer can change or resubmit it, so your value "
           "for notes cannot be kept; choose the office's value (yours stays in this laptop's history).")
    assert why in visible(conflicts) and keep.toolTip() == why
    conflicts.choose("notes", "mine")  # past the disabled button (as a script might): the store refuses it
    conflicts.apply()
    qtbot.waitUntil(lambda: conflicts.message.text() != "", timeout=15000)
    assert conflicts.message.text() == f"Not applied: {why}" and conflicts.isVisible()
    conflicts.choose("notes", "theirs")
    with qtbot.waitSignal(conflicts.finished, timeout=10000):
        QTest.keyClick(conflicts.focusWidget(), Qt.Key.Key_Return)
    again = open_sync_dialog(qtbot, window, by_key=False)
    assert again.preview.up == [] and again.preview.held == []  # the office's copy: nothing to send
    assert again.headline.text() == "Nothing to send or take in. Sync anyway to compare both sides."


def visible(dlg) -> str:
    from tests.desktop.conftest import visible_texts

    return visible_texts(dlg)
