"""The window's language: the setting overrides the system locale, a bad value falls back (logged), the Spanish
catalogue and Qt's own are installed before the first window, and a missing .qm is compiled from its .ts."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop import i18n
from desktop import settings as S
from desktop.settings import open_settings
from storage.paths import StorePaths
from tests.desktop.conftest import visible_texts

ROOT = Path(__file__).parents[2]
NOT_A_CONSTANT = re.compile(r"(?:\.tr|QCoreApplication\.translate|QApplication\.translate)\(\s*"
                            r"(?:\"[^\"]*\",\s*)?(f\"|f'|[A-Za-z_])")


@pytest.fixture
def english_after(qapp) -> Iterator[None]:
    """Whatever a test installs, the next test starts in English."""
    yield
    i18n.install("en")


def settings_with(data_dir: Path, language: str):
    settings = open_settings(StorePaths(data_dir).settings)
    settings.setValue(S.UI_LANGUAGE.key, language)
    settings.sync()
    return settings


@pytest.mark.parametrize(("stored", "system", "shown"), [
    ("system", "es_MX", "es"), ("system", "es_US", "es"), ("system", "en_US", "en"), ("system", "fr_FR", "en"),
    ("es", "en_US", "es"), ("en", "es_ES", "en"), ("es", "es_ES", "es"),
])
def test_the_setting_overrides_the_system_locale(data_dir, stored, system, shown):
    assert i18n.chosen_language(settings_with(data_dir, stored), QLocale(system)) == shown


@pytest.mark.parametrize("bad", ["de", "ES", "spanish", ""])
def test_a_bad_language_setting_follows_the_system_and_says_so_in_the_log(data_dir, caplog, bad):
    settings = settings_with(data_dir, bad)
    with caplog.at_level(logging.WARNING, logger="desktop.settings"):
        assert i18n.chosen_language(settings, QLocale("es_MX")) == "es"
        assert i18n.chosen_language(settings, QLocale("en_GB")) == "en"
    assert any("ui/language" in r.getMessage() and "system" in r.getMessage() for r in caplog.records)


def test_no_setting_and_no_profile_follow_the_system(data_dir):
    assert i18n.chosen_language(open_settings(StorePaths(data_dir).settings), QLocale("es_ES")) == "es"
    assert i18n.chosen_language(None, QLocale("es_ES")) == "es"
    assert i18n.chosen_language(None, QLocale("en_US")) == "en"


def test_spanish_installs_our_catalogue_and_qts_own(qtbot, tmp_path, english_after):
    from desktop.dialogs.preferences import PreferencesDialog

    i18n.install("es")
    assert i18n.current_language() == "es"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"  # qtbase_es
    dlg = PreferencesDialog(None, open_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Preferencias"
    i18n.install("en")
    assert QApplication.translate("PreferencesDialog", "Preferences") == "Preferences"
    assert i18n.current_language() == "en"


def test_the_language_is_chosen_before_the_first_window(qtbot, launch, data_dir, english_after):
    from storage.store import CaseStore
    from tests.conftest import OFFICER, PASSPHRASE

    with CaseStore.create(data_dir, PASSPHRASE, OFFICER):
        pass
    settings_with(data_dir, "es")
    window = launch(data_dir)
    qtbot.waitUntil(lambda: window.unlock_dialog is not None and window.unlock_dialog.isVisible())
    assert i18n.current_language() == "es"
    assert f"Almacén: {data_dir}" in visible_texts(window.unlock_dialog)


def test_preferences_store_the_language(qtbot, data_dir):
    from desktop.dialogs.preferences import PreferencesDialog

    settings = open_settings(StorePaths(data_dir).settings)
    dlg = PreferencesDialog(None, settings)
    qtbot.addWidget(dlg)
    assert dlg.language.currentData() == "system"
    dlg.language.setCurrentIndex(dlg.language.findData("es"))
    dlg.accept()
    assert open_settings(StorePaths(data_dir).settings).value("ui/language") == "es"
    assert "language=es" in StorePaths(data_dir).settings.read_text()


def test_a_missing_qm_is_compiled_once_into_the_cache(tmp_path, monkeypatch):
    ts = tmp_path / "casefile_es.ts"
    ts.write_bytes((ROOT / "resources/translations/casefile_es.ts").read_bytes())
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path / "cache"))
    qm = i18n.compiled(ts)
    assert qm is not None and qm.parent == tmp_path / "cache" and qm.read_bytes()[:16].hex().startswith("3cb86418")
    assert i18n.compiled(ts) == qm  # the second launch reuses it
    beside = ts.with_suffix(".qm")
    beside.write_bytes(qm.read_bytes())
    assert i18n.compiled(ts) == beside  # an up-to-date build beside the .ts wins
    ts.touch()
    import os

    os.utime(beside, (1, 1))  # older than its .ts: stale, not used
    assert i18n.compiled(ts) == qm


def test_translated_strings_are_constants_tr_can_see():
    """tr() must see the constant source text: no f-strings, % or .format inside the call, no variable (except
    one marked `# noop-translated`, whose constants are wrapped in QT_TRANSLATE_NOOP for lupdate)."""
    bad = []
    for path in [*ROOT.joinpath("desktop").rglob("*.py"), *ROOT.joinpath("widgets").rglob("*.py")]:
        text = path.read_text()
        for m in NOT_A_CONSTANT.finditer(text):
            if path.name == "i18n.py":
                continue
            line = text.count("\n", 0, m.start()) + 1
            if text.splitlines()[line - 1].endswith("# noop-translated"):
                continue  # the constant is marked with QT_TRANSLATE_NOOP where it is defined
            bad.append(f"{path.relative_to(ROOT)}:{line}")
    assert bad == []


def test_every_casework_label_is_listed_for_translation():
    from casework.labels import LABELS
    from widgets.translated import LABEL_TEXTS

    assert set(LABELS.values()) <= set(LABEL_TEXTS)


def _messages(name: str):
    import xml.etree.ElementTree as ET

    for context in ET.parse(ROOT / "resources/translations" / name).getroot().iter("context"):
        for msg in context.iter("message"):
            translation = msg.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] if msg.get("numerus") == "yes" \
                else [translation.text or ""]
            yield context.findtext("name"), msg.findtext("source") or "", translation.get("type"), forms


@pytest.mark.parametrize("name", ["casefile_es.ts", "casefile_en.ts"])
def test_every_string_of_the_window_is_translated_with_its_placeholders(name):
    """Nothing left unfinished by `make translations`, and every translation keeps the fields the code fills in
    ({case}, %1, %n) and the mnemonic marker (one & in, one & out)."""
    fields = re.compile(r"\{\w+\}|%\d|%n")
    problems = []
    for context, source, kind, forms in _messages(name):
        if kind in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for form in forms:
            if sorted(set(fields.findall(form))) != sorted(set(fields.findall(source))):
                problems.append(f"{context}: {source!r} → {form!r} changes the fields")
            if source.replace("&&", "").count("&") != form.replace("&&", "").count("&"):
                problems.append(f"{context}: {source!r} → {form!r} changes the mnemonic")
    assert problems == []
