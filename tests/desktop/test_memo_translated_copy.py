"""The window's print with "Also print a Spanish copy": Preferences keeps the choice; the preview shows the English
memo then the Spanish copy; saving records the English print (with a note of the copy) and the file verifies."""

from __future__ import annotations

import io
import os
from dataclasses import replace

import pytest
from pypdf import PdfReader

from desktop import settings as S
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import open_first_case, shot
from tests.desktop.test_preferences import open_preferences


@pytest.fixture(autouse=True)
def _qm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path / "qm"))


def test_preferences_keep_the_spanish_copy_choice(qtbot, launch, data_dir):
    window, dlg = open_preferences(qtbot, launch, data_dir)
    assert not dlg.spanish_copy.isChecked()
    assert dlg.spanish_copy.accessibleDescription()
    dlg.spanish_copy.setChecked(True)
    with qtbot.waitSignal(dlg.finished):
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
    assert S.PRINT_TRANSLATED_COPY.get(window.settings) == "es"
    assert "translated_copy=es" in (data_dir / "settings.ini").read_text()


def test_print_with_a_spanish_copy(qtbot, launch, data_dir, tmp_path):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    S.PRINT_TRANSLATED_COPY.set(window.settings, "es")
    window.print_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=20000)
    dlg = window.memo_dialog
    english = window.memo_dialog.pdf
    reader = PdfReader(io.BytesIO(english))
    mark = reader.metadata["/CasefileTranslation"]
    assert '"language":"es"' in mark
    first = int(mark.split('"first_page":')[1].split(",")[0])
    assert dlg.page_count() == len(reader.pages) > first - 1
    assert "TRADUCCIÓN" in reader.pages[first - 1].extract_text()
    assert "TRADUCCIÓN" not in reader.pages[0].extract_text()
    dlg.go_to(first - 1)
    qtbot.waitUntil(lambda: dlg.page() == first - 1)
    qtbot.wait(800)
    shot(dlg, "memo-preview-spanish-copy")
    target = tmp_path / "memo.pdf"
    dlg.save_to(target)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    with qtbot.waitSignal(dlg.finished):
        dlg.reject()
    window.verify_memo(target)
    qtbot.waitUntil(lambda: getattr(window, "verify_box", None) is not None and window.verify_box.isVisible())
    assert window.verify_box.windowTitle().startswith("Memo match")
    case_id = window.editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        details = [e.detail for e in store.audit_entries(case_id) if e.action == "memo_printed"]
    assert len(details) == 1 and "saved as memo.pdf, with a translated copy (es, " in details[0]
    assert os.path.getsize(target) > 0
