"""The memo from the window: a copy for a recipient (logged), the paper setting, scans verified."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from PySide6.QtCore import Qt

from desktop import settings as S
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import open_first_case, shot


def preview(qtbot, window):
    window.memo_dialog = None
    window.print_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=10000)
    return window.memo_dialog


def test_a_copy_for_counsel_from_the_preview_is_its_own_memo_and_logged(qtbot, launch, data_dir, tmp_path):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    original = preview(qtbot, window)
    copy_dialog = original.ask_copy()
    copy_dialog.kind.setCurrentIndex(copy_dialog.kind.findData("counsel"))
    qtbot.keyClicks(copy_dialog.recipient, "Alex Counsel, Esq.")
    qtbot.keyClick(copy_dialog.recipient, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.memo_dialog is not original and window.memo_dialog is not None
                    and window.memo_dialog.isVisible(), timeout=10000)
    copy = window.memo_dialog
    assert copy.copy_for == "Alex Counsel, Esq." and "copy for Alex Counsel" in copy.windowTitle()
    text = "".join(page.extract_text() for page in PdfReader(_bytes(copy.pdf)).pages)
    assert "COPY FOR" in text and "Alex Counsel, Esq." in text
    shot(copy, "memo-copy-for-counsel")
    copy.save_to(tmp_path / "copy.pdf")
    qtbot.waitUntil(lambda: not window.tasks.busy)
    case_id = window.editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        (entry,) = [e for e in store.audit_entries(case_id) if e.action == "memo_disclosed"]
        assert "Alex Counsel" in entry.detail and "counsel" in entry.detail


def test_the_paper_setting_reaches_the_memo(qtbot, launch, data_dir):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    S.PRINT_PAPER.set(window.settings, "a4")
    box = PdfReader(_bytes(preview(qtbot, window).pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) renders the 'scan'")
def test_scans_of_a_paper_copy_verify_from_the_window(qtbot, launch, data_dir, tmp_path):
    window = open_first_case(qtbot, launch, data_dir, replace(complete_case(), id="", case_number=""))
    dlg = preview(qtbot, window)
    pdf = tmp_path / "memo.pdf"
    dlg.save_to(pdf)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "scan")], check=True)
    scans = sorted(tmp_path.glob("scan*.png"))
    window.verify_memo_files(scans)
    qtbot.waitUntil(lambda: getattr(window, "verify_box", None) is not None and window.verify_box.isVisible(),
                    timeout=10000)
    assert len(scans) >= 2  # a page at a time, as a scanner delivers them
    assert window.verify_box.windowTitle() == f"Memo match — {len(scans)} files"


def _bytes(pdf: bytes):
    import io

    return io.BytesIO(pdf)


def test_a_name_longer_than_a_page_previews_from_the_window(qtbot, launch, data_dir):
    """The window's print worker lays the memo out as `casefile print` does: no LayoutError for a 5,000-character
    family name without a space (the store takes up to 100,000)."""
    case = complete_case()
    window = open_first_case(qtbot, launch, data_dir, replace(case, id="", case_number="", subject=replace(
        case.subject, family_name="N" * 5000)))
    pages = PdfReader(_bytes(preview(qtbot, window).pdf)).pages
    assert "N" * 2000 in "".join("".join(page.extract_text().split()) for page in pages)
