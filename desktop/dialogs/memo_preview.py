"""Preview a memo inside the app (QtPdf), page through it, print it (QPrinter) or save it as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog
from storage.atomic import atomic_write_bytes

Recorder = Callable[[str], None]
PRINT_DPI = 300


class MemoPreviewDialog(AppDialog):
    """Shows `pdf`; `record(how)` is called after each print or save so the case's trail notes it."""

    def __init__(self, parent: QWidget | None, case_number: str, pdf: bytes, record: Recorder) -> None:
        super().__init__(parent, f"Decision memo — {case_number}")
        self.case_number = case_number
        self.pdf = pdf
        self._record = record
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setAccessibleName("Memo preview")
        self.page_label = QLabel()
        self.prev_button = QPushButton("◀ &Previous")
        self.next_button = QPushButton("&Next ▶")
        self.print_button = QPushButton("&Print…")
        self.save_button = QPushButton("&Save as PDF…")
        close = QPushButton("&Close")
        self.prev_button.clicked.connect(lambda: self.go_to(self.page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.page() + 1))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, close):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_page_label())
        self.resize(820, 980)
        self._update_page_label()

    def page_count(self) -> int:
        return self.document.pageCount()

    def page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    def _update_page_label(self) -> None:
        self.page_label.setText(f"Page {self.page() + 1} of {self.page_count()}")
        self.prev_button.setEnabled(self.page() > 0)
        self.next_button.setEnabled(self.page() < self.page_count() - 1)

    def save_to(self, path: Path) -> None:
        """Write the memo atomically (a crash leaves the old file or the new one)."""
        atomic_write_bytes(path, self.pdf)
        self._record(f"saved as {path.name}")

    def print_to(self, printer: QPrinter) -> bool:
        """Draw each page (at most 300 dpi, so a long memo stays small in memory), with progress and Cancel.

        Returns False if the user cancelled; a cancelled print is not recorded on the case.
        """
        pages = self.page_count()
        progress = QProgressDialog("Sending the memo to the printer…", "Cancel", 0, pages, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(600)
        painter = QPainter(printer)
        try:
            for page in range(pages):
                progress.setValue(page)
                QApplication.processEvents()
                if progress.wasCanceled():
                    printer.abort()
                    return False
                if page:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(page)
                dpi = min(printer.resolution(), PRINT_DPI)
                image: QImage = self.document.render(page, QSize(int(points.width() * dpi / 72),
                                                                 int(points.height() * dpi / 72)))
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), size), image)
        finally:
            painter.end()
            progress.close()
        self._record(f"printed on {printer.printerName() or 'a printer'}")
        return True

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.open()

    def _on_save_clicked(self) -> None:
        dialog = QFileDialog(self, "Save memo as PDF", f"{self.case_number}-memo.pdf", "PDF files (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.open()
