"""The verify result dialog: the status in words, and each scanned page beside the page as stored."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from casework.policy import PolicyLibrary
from desktop.cli_memo import check_memo_file, check_scans, read_memo_or_scans, record_memo
from desktop.dialogs.verify_result import VerifyResultDialog
from printing.memo import MemoSettings, SealRequest, render_memo
from printing.verify import read_memo
from storage import memo_prints
from tests.desktop.conftest import shot
from tests.printing.test_memo import memo_case


def printed(store, case_id: str) -> bytes:
    case, digest = memo_prints.sealed_revision(store, case_id)
    memo = render_memo(case, PolicyLibrary.bundled().latest(), MemoSettings(office="Field Office Example"),
                       SealRequest(digest, memo_prints.ProfileSigner(store), case_id))
    record_memo(store, memo, "printed on office-printer")
    return memo.pdf


def scanned(pdf: bytes, pages: list[int], dpi: int = 150) -> list[tuple[str, bytes]]:
    """Pages of `pdf` as a scanner gives them back: PNG images at `dpi` (rendered by QtPdf)."""
    doc = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    out = []
    for n in pages:
        size = doc.pagePointSize(n - 1)
        image = doc.render(n - 1, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        from PySide6.QtGui import QPainter

        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        png = QByteArray()
        target = QBuffer(png)
        target.open(QIODevice.OpenModeFlag.WriteOnly)
        flat.save(target, "PNG")
        out.append((f"p{n}.png", bytes(png.data())))
    return out


def difference(a: QImage, b: QImage) -> float:
    """Mean grey-level difference (0–255) of two page images shrunk to the same small size."""
    size = QSize(48, 62)
    a = a.convertToFormat(QImage.Format.Format_Grayscale8).scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation)
    b = b.convertToFormat(QImage.Format.Format_Grayscale8).scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation)
    total = sum(abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
                for x in range(size.width()) for y in range(size.height()))
    return total / (size.width() * size.height())


@pytest.fixture
def two_prints(store):
    """Revision 1 and revision 2 of one case, each printed (three pages) and recorded."""
    (result,) = store.import_cases([replace(memo_case(), id="", case_number="")])
    first = printed(store, result.case.id)
    store.update_case(replace(store.get_case(result.case.id), notes="Second interview on file."))
    second = printed(store, result.case.id)
    return first, second


def test_a_scan_shows_each_page_beside_the_stored_page(qtbot, store, two_prints):
    first, second = two_prints
    files = [*scanned(second, [1]), *scanned(first, [2]), *scanned(second, [3])]
    _memo, images = read_memo_or_scans(files)
    check = check_scans(store, images, keep_images=True)
    dlg = VerifyResultDialog(None, check, "3 scanned pages")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "Memo incomplete — 3 scanned pages"
    assert dlg.status_label.text() == "Pages are missing or come from another memo"
    assert "pages missing: 2" in dlg.details_label.text()
    assert dlg.scan_caption.text() == "Scanned: p1.png (page 1 of 3)"
    assert dlg.stored_caption.text() == "As stored: page 1 of 3"
    assert dlg.position_label.text() == "Scanned page 1 of 3" and not dlg.prev_button.isEnabled()
    same_page = difference(dlg.scanned_image(), dlg.stored_image())
    shot(dlg, "verify-scan")

    dlg.next_button.click()  # the page from revision 1's memo: nothing of this memo to compare it with
    assert dlg.scan_caption.text().startswith("Scanned: p2.png (from another memo: page 2 of 3 of case ")
    assert dlg.stored_caption.text() == "As stored: no page to compare"
    assert dlg.stored_view.pixmap().isNull() and "not a page of this memo" in dlg.stored_view.text()

    dlg.next_button.click()
    assert dlg.stored_caption.text() == "As stored: page 3 of 3" and not dlg.next_button.isEnabled()
    page3 = dlg.stored_image()
    assert difference(dlg.scanned_image(), page3) < 6
    dlg.show_scan(0)  # page 1 as scanned against page 3 as stored: plainly different, as a person would see
    assert same_page < 6 < difference(dlg.scanned_image(), page3)


def test_a_complete_scan_matches(qtbot, store, two_prints):
    _first, second = two_prints
    _memo, images = read_memo_or_scans(scanned(second, [1, 2, 3]))
    check = check_scans(store, images, keep_images=True)
    dlg = VerifyResultDialog(None, check)
    qtbot.addWidget(dlg)
    assert dlg.status_label.text() == "The memo matches the store"
    assert "compare each page with the stored page" in dlg.message_label.text()
    assert dlg.scan_count() == 3 and not dlg.compare.isHidden()


def test_a_memo_file_shows_its_status_without_pages_to_compare(qtbot, store, two_prints):
    first, _second = two_prints
    dlg = VerifyResultDialog(None, check_memo_file(store, read_memo(first)), "rev1.pdf")
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Memo superseded — rev1.pdf"
    assert dlg.status_label.text() == "Printed from an older revision"
    assert "now revision 2" in dlg.message_label.text()
    assert dlg.compare.isHidden()
