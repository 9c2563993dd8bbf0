"""The memo in the app: preview opens off the GUI thread, pages through, saves (and records), verifies."""

from __future__ import annotations

from dataclasses import replace

from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import open_first_case, shot


def test_preview_pages_through_saves_and_verifies(qtbot, launch, data_dir, tmp_path):
    long_case = replace(complete_case(), id="", case_number="",
                        notes="", assessment=replace(complete_case().assessment,
                                                     rationale="On the totality of the facts. " * 300))
    window = open_first_case(qtbot, launch, data_dir, long_case)
    window.print_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "memo_dialog", None) is not None and window.memo_dialog.isVisible(),
                    timeout=10000)
    dlg = window.memo_dialog
    assert dlg.page_count() >= 2
    assert dlg.page_label.text() == f"Page 1 of {dlg.page_count()}"
    assert not dlg.prev_button.isEnabled()
    dlg.next_button.click()
    qtbot.waitUntil(lambda: dlg.page() == 1)
    assert dlg.page_label.text().startswith("Page 2 of")
    qtbot.wait(800)  # QPdfView paints pages from a render thread; give it time before the screenshot only
    shot(dlg, "memo-preview")

    from pypdf import PdfReader

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dlg.print_to(printer)  # the same path the system print dialog takes
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == dlg.page_count()
    target = tmp_path / "memo.pdf"
    dlg.save_to(target)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert target.read_bytes() == dlg.pdf
    with qtbot.waitSignal(dlg.finished):
        dlg.reject()

    window.verify_memo(target)
    qtbot.waitUntil(lambda: getattr(window, "verify_box", None) is not None and window.verify_box.isVisible())
    assert window.verify_box.windowTitle() == "Memo match"
    case_id = window.editor.case_id()
    window.close()
    window.shutdown()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        details = [e.detail for e in store.audit_entries(case_id) if e.action == "memo_printed"]
        assert len(details) == 2
        assert any("saved as memo.pdf" in d for d in details) and any("printed on" in d for d in details)


def test_unprintable_text_is_explained_not_printed(qtbot, launch, data_dir):
    case = replace(complete_case(), id="", case_number="")
    case = replace(case, subject=replace(case.subject, family_name="Emoji 🙂"))
    window = open_first_case(qtbot, launch, data_dir, case)
    from PySide6.QtWidgets import QApplication, QMessageBox

    window.print_action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "cannot print" in box.text() and "U+1F642" in box.text()
    assert getattr(window, "memo_dialog", None) is None
    box.accept()
