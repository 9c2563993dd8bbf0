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
    assert window.verify_box.windowTitle().startswith("Memo match")
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


def preview(qtbot, tmp_path, **kwargs):
    from desktop.dialogs.memo_preview import MemoPreviewDialog
    from printing.memo import MemoSettings, render_memo
    from tests.printing.test_memo import MEMO_DATE, POLICY

    pdf = render_memo(complete_case(), POLICY, MemoSettings(), memo_date=MEMO_DATE).pdf
    recorded: list[str] = []
    dlg = MemoPreviewDialog(None, "CF-1", pdf, recorded.append, **kwargs)
    qtbot.addWidget(dlg)
    return dlg, recorded


def test_save_as_pdf_never_writes_into_the_profile_folder(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    profile = tmp_path / "profile"
    profile.mkdir()
    dlg, recorded = preview(qtbot, tmp_path, protected_dirs=[profile])
    assert not dlg.save_to(profile / "memo.pdf")
    assert not (profile / "memo.pdf").exists() and recorded == []
    box = dlg.refusal
    assert isinstance(box, QMessageBox) and "inside the profile's data folder" in box.text()
    box.accept()
    assert dlg.save_to(tmp_path / "memo.pdf") and recorded == ["saved as memo.pdf"]
    assert (tmp_path / "memo.pdf").read_bytes() == dlg.pdf
    assert (tmp_path / "memo.pdf").stat().st_mode & 0o777 == 0o600


def test_a_copy_for_a_recipient_is_asked_for_by_type_and_name(qtbot, tmp_path):
    plain, _ = preview(qtbot, tmp_path)
    assert plain.copy_button.isHidden()  # offered only where the window can make copies
    asked: list[tuple[str, str]] = []
    dlg, _ = preview(qtbot, tmp_path, make_copy=lambda kind, name: asked.append((kind, name)))
    dlg.show()
    assert not dlg.copy_button.isHidden()
    dlg.copy_button.click()
    ask = dlg.copy_dialog
    assert [ask.kind.itemData(i) for i in range(ask.kind.count())] == ["agency", "counsel"]
    ask.kind.setCurrentIndex(ask.kind.findData("counsel"))
    assert "Tip sources, informants and third parties' names" in ask.summary.text()
    ask.accept()  # no name yet
    assert asked == [] and ask.isVisible()
    assert ask._errors[ask.recipient].text() == "A copy needs the recipient's name."
    ask.recipient.setText("  Rosa   Counsel-Example ")
    ask.accept()
    assert asked == [("counsel", "Rosa Counsel-Example")] and not ask.isVisible()
