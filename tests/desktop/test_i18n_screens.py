"""Every screen in Spanish: no English string left in what the window shows (labels, buttons, menus, tabs,
headers, tooltips, placeholders, accessible names), the mnemonic and accessibility walkers pass, and a
screenshot of each screen at 1024×700 and 1920×1080 for a person to look at."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from desktop import i18n
from tests.desktop.conftest import shot
from tests.desktop.walkers import clashes, unnamed_focusable

ROOT = Path(__file__).parents[2]

_WORDS = """
the and of to is are was were for with this that these your you not be been it its on at by from or an have had
yet only any which what when where who how will can cannot must should there their after before into than then
as if all every each one two first last more less none nothing here see show hide open close save saved saving
new file help edit name names date case cases policy status number delete search find lock unlocked unlock print
memo quit cancel add remove notes subject encounter history offenses offense family assessment finding evidence
source kind basis detail rationale document charge statute sentence disposition relationship updated draft
submitted review reviewed concur return returned unknown other applies present absent apply does factors records
record yes back next previous page store passphrase officer office role check checked keys action shortcuts
about version versions licence font fonts preferences paper agency handling through minutes language system wait
enter choose select start submit acknowledge comment comments required reason why keep mine reload changed
elsewhere section sections table copy recipient scanned stored verify backup backups restore entries revisions
audit log details device time revision fields
"""
ENGLISH_WORDS = frozenset(_WORDS.split())
"""Words that are English and not Spanish: a shown text holding one of them as a whole word is English."""

ALLOWED = re.compile(r"^(Casefile|SQLCipher.*|Python .*|Qt .*|PySide6.*|DejaVu.*|English|Español|OK|PDF|"
                     r"A4|Ctrl\+.*|Alt\+.*|F\d+|Esc|Tab.*|[\W\d_]*)$")
"""Names, numbers and keys: the same in both languages."""


def catalogue_sources() -> set[str]:
    """The English texts our catalogue translates into something else (a match on screen = not translated)."""
    tree = ET.parse(ROOT / "resources/translations/casefile_es.ts")
    found = set()
    for msg in tree.iter("message"):
        source = (msg.findtext("source") or "").replace("&", "")
        translation = msg.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if source and text.replace("&", "") != source and "{" not in source and "%" not in source:
            found.add(source)
    return found


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `window` shows or speaks: not what was typed into inputs (case data)."""
    yield "title", window.windowTitle()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            yield "menu", action.text()
            menu = action.menu()
            if isinstance(menu, QMenu):
                for item in menu.actions():
                    yield "menu item", item.text()
                    yield "menu tooltip", item.toolTip()
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        kind = type(w).__name__
        yield f"{kind} tooltip", w.toolTip()
        yield f"{kind} accessible name", w.accessibleName()
        yield f"{kind} accessible description", w.accessibleDescription()
        if isinstance(w, QLabel | QAbstractButton):
            yield kind, w.text()
        if isinstance(w, QGroupBox):
            yield "group", w.title()
        if isinstance(w, QLineEdit | QPlainTextEdit):
            yield f"{kind} placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield "combo item", w.itemText(i)
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield "tab", w.tabText(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield "list item", w.item(i).text()
                yield "list tooltip", w.item(i).toolTip()
        if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w, QListWidget):
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):
                yield "header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                yield "header tooltip", str(model.headerData(c, Qt.Orientation.Horizontal,
                                                             Qt.ItemDataRole.ToolTipRole) or "")


def english_in(window: QWidget, data: set[str] = frozenset()) -> list[str]:
    """Every shown text that is English: one of our source strings untranslated, or one with English words.
    `data`: words of the case on screen (names, places typed by the officer), which are not the app's text."""
    sources = catalogue_sources()
    found = []
    for where, text in shown_texts(window):
        for line in (text or "").replace("&", "").splitlines():
            line = re.sub(r"\S*/\S*|\b\w+\.[a-z]+\b", "", line).strip()  # paths and file names are no text of ours
            if not line or ALLOWED.match(line):
                continue
            words = {w.lower() for w in re.findall(r"[^\W\d_]+", line)} - data
            if line in sources or words & ENGLISH_WORDS:
                found.append(f"{where}: {line!r}")
    return sorted(set(found))


def case_words(case) -> set[str]:
    """The words of a test case's own data (what the officer typed), lower case."""
    from casework.exchange import dump_case

    return {w.lower() for w in re.findall(r"[^\W\d_]+", dump_case(case))}


@pytest.fixture
def spanish(monkeypatch) -> Iterator[None]:
    """The system asks for Spanish (as LANG=es_MX would), for every app launched in the test."""
    monkeypatch.setattr(i18n, "system_language", lambda locale=None: "es")
    yield
    i18n.install("en")


def spanish_screens(qtbot, launch, data_dir, size=(1280, 800)):
    from tests.desktop.test_walkers import screens

    yield from screens(qtbot, launch, data_dir, size)


def test_the_spanish_build_shows_no_english_on_any_screen(qtbot, launch, data_dir, spanish):
    from tests.casework.test_checks import complete_case

    data = case_words(complete_case())
    problems = {name: english_in(w, data) for name, w in spanish_screens(qtbot, launch, data_dir)}
    for name, found in problems.items():
        print(name, *found, sep="\n    ")  # what is left, screen by screen (pytest -s)
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_walkers_pass_in_spanish(qtbot, launch, data_dir, spanish):
    problems = {name: clashes(w) + unnamed_focusable(w) for name, w in spanish_screens(qtbot, launch, data_dir)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_first_run_is_in_spanish(qtbot, launch, data_dir, spanish):
    window = launch(data_dir)
    qtbot.waitUntil(lambda: getattr(window, "setup_dialog", None) is not None and window.setup_dialog.isVisible())
    dlg = window.setup_dialog
    assert dlg.windowTitle() == "Configurar Casefile"
    assert english_in(dlg, {w.lower() for w in Path(data_dir).parts for w in re.findall(r"[^\W\d_]+", w)}) == []
    assert clashes(dlg) == [] and unnamed_focusable(dlg) == []
    shot(dlg, "screen-es-setup")


def test_the_walker_finds_english(qtbot, launch, data_dir):
    """The negative control: the same screens in English are full of it."""
    from tests.casework.test_checks import complete_case
    from tests.desktop.conftest import open_first_case

    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    found = english_in(window, case_words(complete_case()))
    assert "menu: 'File'" in found and "tab: 'Subject'" in found and len(found) > 20


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots_of_every_screen_in_spanish(qtbot, launch, data_dir, spanish, size):
    names = []
    for name, w in spanish_screens(qtbot, launch, data_dir, size):
        slug = "".join(c if c.isalnum() else "-" for c in name.replace("&", "").lower()).strip("-")
        shot(w, f"screen-es-{size[0]}x{size[1]}-{slug}")
        names.append(slug)
    assert len(names) == len(set(names)) >= 15


def test_more_screens_in_spanish(qtbot, launch, data_dir, spanish):
    """The memo preview, the delete question, a submitted case's banner and the reopen dialog."""
    from casework.model import CaseStatus
    from tests.casework.test_checks import complete_case
    from tests.desktop.conftest import open_first_case

    case = replace(complete_case(), id="", case_number="")
    data = case_words(case)
    window = open_first_case(qtbot, launch, data_dir, case)
    window.resize(1024, 700)
    problems = {}
    window.preview_memo()
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=20000)
    memo = window.memo_dialog
    problems["memo preview"] = english_in(memo, data) + clashes(memo) + unnamed_focusable(memo)
    shot(memo, "screen-es-memo-preview")
    memo.reject()
    ws = window.workspace
    ws.ask_delete()
    qtbot.waitUntil(lambda: ws.delete_box is not None and ws.delete_box.isVisible())
    problems["delete a draft"] = english_in(ws.delete_box, data)
    shot(ws.delete_box, "screen-es-delete-draft")
    ws.delete_box.reject()
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    editor.assessment.submit_button.click()
    qtbot.waitUntil(lambda: editor.base().status is CaseStatus.SUBMITTED, timeout=10000)
    QApplication.processEvents()
    problems["submitted case"] = english_in(window, data) + clashes(window)
    shot(window, "screen-es-submitted-case")
    editor.banner.reopen_button.click()
    qtbot.waitUntil(lambda: getattr(ws, "reopen_dialog", None) is not None and ws.reopen_dialog.isVisible())
    reopen = ws.reopen_dialog
    problems["reopen"] = english_in(reopen, data) + clashes(reopen) + unnamed_focusable(reopen)
    shot(reopen, "screen-es-reopen")
    reopen.reject()
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_rarer_checklist_items_and_sizes_in_a_spanish_window(qtbot, launch, data_dir, spanish):
    """Contradictions, a cutoff review and a weighed vacated conviction on the checklist, the no-policy reason
    on the start page and the attachments' size limit: Spanish, with Spanish numbers ("25,0 MB")."""
    from casework.assessment import FactorAnswer
    from casework.model import Disposition, MannerOfEntry, Offense
    from tests.casework.assessing import set_category, set_factor, with_facts
    from tests.casework.test_checks import DNA, INTERIOR, complete_case
    from tests.desktop.conftest import open_first_case

    case = set_category(with_facts(complete_case(), "2020-11", INTERIOR, MannerOfEntry.WITHOUT_INSPECTION),
                        "border_security", DNA, "")
    case = replace(case, id="", case_number="", offenses=(Offense(charge="Robo", disposition=Disposition.VACATED),))
    case = set_factor(case, "A1", FactorAnswer.PRESENT, "Robo")
    data = case_words(case)
    window = open_first_case(qtbot, launch, data_dir, case)
    window.resize(1024, 700)
    editor = window.editor
    editor.tabs.setCurrentWidget(editor.assessment)
    QApplication.processEvents()
    items = [i.message for i in editor.items()]
    assert any("may fall either side of the cutoff" in m for m in items)  # the kinds this test is about
    assert any("the only offense behind it is “Robo” (vacated)" in m for m in items)
    assert english_in(window, data) == []
    shot(window, "screen-es-1024x700-checklist-contradictions")
    editor.tabs.setCurrentWidget(editor.attachments)
    QApplication.processEvents()
    assert "25,0 MB" in editor.attachments.hint.text() and "25.0 MB" not in editor.attachments.hint.text()
    assert english_in(window, data) == []
    window.editor.set_value(replace(window.editor.value(), assessment=None,
                                    encounter=replace(case.encounter, occurred_at=__import__("datetime").datetime(
                                        2026, 1, 5, 10, tzinfo=__import__("datetime").UTC))))
    editor.tabs.setCurrentWidget(editor.assessment)
    QApplication.processEvents()
    assert english_in(window, data) == []
    shot(window, "screen-es-1024x700-no-policy-in-force")


def clipped(window: QWidget) -> list[str]:
    """Visible check boxes, radio buttons and push buttons narrower than their text needs (the text is cut)."""
    from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton

    found = []
    for w in window.findChildren(QAbstractButton):
        if not w.isVisible() or w.window() is not window or not isinstance(w, QCheckBox | QRadioButton | QPushButton):
            continue
        if type(w).__name__.startswith("Wrap"):
            continue  # wraps its text onto more lines instead
        right = w.mapTo(window, w.rect().topRight()).x()
        if w.text() and (w.width() < w.sizeHint().width() - 2 or right >= window.width()):
            found.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {w.sizeHint().width()} or {right} outside")
    return found


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_button_or_check_box_text_is_cut_in_spanish(qtbot, launch, data_dir, spanish, size):
    """Spanish labels are longer: "Imprimir también una copia en español de ca" was cut in the preferences."""
    problems = {name: clipped(w) for name, w in spanish_screens(qtbot, launch, data_dir, size)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_about_says_the_crypto_module_in_spanish(qtbot, launch, data_dir, spanish):
    """The crypto module's lines (read from the store after the box opens) were English in a Spanish window."""
    from tests.casework.test_checks import complete_case
    from tests.desktop.conftest import open_first_case

    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    window.show_about()
    dlg = window.about_dialog
    qtbot.waitUntil(lambda: "SQLCipher:" not in dlg.versions.text(), timeout=10000)
    text = dlg.versions.text()
    assert "proveedor criptográfico" in text and "no está validado según FIPS 140" in text, text
    assert english_in(dlg, case_words(complete_case())) == []
    shot(dlg, "screen-es-about-crypto")
    dlg.reject()


def test_the_office_menu_and_every_case_tab_have_an_alt_letter_in_spanish(qtbot, launch, data_dir, spanish):
    """Alt+O opens Oficina and Alt+U the Adjuntos tab (the clash walker covers every Spanish screen)."""
    from tests.casework.test_checks import complete_case
    from tests.desktop.conftest import open_first_case
    from tests.desktop.walkers import mnemonic_of

    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    menus = {a.text().replace("&", ""): mnemonic_of(a.text()) for a in window.menuBar().actions()}
    assert menus["Oficina"] == "o"
    tabs = window.editor.tabs
    letters = {tabs.tabText(i).replace("&", ""): mnemonic_of(tabs.tabText(i)) for i in range(tabs.count())}
    assert letters["Adjuntos"] == "u" and None not in letters.values()
    assert clashes(window) == []
