"""Preview a memo inside the app (QtPdf), page through it, print it (QPrinter), save it as PDF, or ask for a
copy for a recipient outside the office (see casework.disclosure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog, ValidationError
from desktop.errors import show_error
from storage.outputs import OutputRefused, write_output
from storage.paths import default_data_dir

Recorder = Callable[[str], None]
CopyMaker = Callable[[str, str], None]
"""make_copy(recipient_type, recipient_name): render a copy for that recipient (the window does it off thread)."""
PRINT_DPI = 300


class MemoPreviewDialog(AppDialog):
    """Shows `pdf`; `record(how)` is called after each print or save so the case's trail notes it.

    `protected_dirs`: folders a saved memo must never go into (the profile's data folder; the default data
    folder and the parent window's are always included). `make_copy`: when given, a "Copy for a recipient…"
    button asks for the recipient and calls it. `copy_for`: the recipient, when this memo is such a copy."""

    def __init__(self, parent: QWidget | None, case_number: str, pdf: bytes, record: Recorder, *,
                 protected_dirs: Sequence[Path] = (), make_copy: CopyMaker | None = None,
                 copy_for: str = "") -> None:
        title = self.tr("Decision memo — {case} — copy for {recipient}") if copy_for \
            else self.tr("Decision memo — {case}")
        super().__init__(parent, title.format(case=case_number, recipient=copy_for))
        self.case_number = case_number
        self.pdf = pdf
        self._record = record
        parent_paths = getattr(parent, "paths", None)
        self.protected_dirs = [*protected_dirs, *([parent_paths.data_dir] if parent_paths else []),
                               default_data_dir()]
        self._make_copy = make_copy
        self.copy_for = copy_for
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setAccessibleName(self.tr("Memo preview"))
        self.page_label = QLabel()
        self.prev_button = QPushButton(self.tr("◀ &Previous"))
        self.next_button = QPushButton(self.tr("&Next ▶"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.copy_button = QPushButton(self.tr("C&opy for a recipient…"))
        self.copy_button.setVisible(make_copy is not None)
        self.copy_button.clicked.connect(self.ask_copy)
        close = QPushButton(self.tr("&Close"))
        self.prev_button.clicked.connect(lambda: self.go_to(self.page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.page() + 1))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.copy_button, self.print_button, self.save_button, close):
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
        self.page_label.setText(self.tr("Page {page} of {pages}").format(page=self.page() + 1, pages=self.page_count()))
        self.prev_button.setEnabled(self.page() > 0)
        self.next_button.setEnabled(self.page() < self.page_count() - 1)

    def save_to(self, path: Path) -> bool:
        """Write the memo atomically (a crash leaves the old file or the new one), readable by the user alone,
        never inside the profile's data folder (refused with a message; nothing written, nothing recorded). The
        file dialog has already asked before replacing a file. Returns whether it was saved."""
        try:
            write_output(path, self.pdf, protected_dirs=self.protected_dirs, force=True)
        except OutputRefused as exc:
            self.refusal = show_error(self, exc)
            return False
        self._record(f"saved as {path.name}")
        return True

    def print_to(self, printer: QPrinter) -> bool:
        """Draw each page (at most 300 dpi, so a long memo stays small in memory), with progress and Cancel.

        Returns False if the user cancelled; a cancelled print is not recorded on the case.
        """
        pages = self.page_count()
        progress = QProgressDialog(self.tr("Sending the memo to the printer…"), self.tr("Cancel"), 0, pages, self)
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

    def ask_copy(self) -> CopyForDialog:
        """Ask who the copy is for; on OK, `make_copy(recipient_type, name)` renders it."""
        assert self._make_copy is not None
        dlg = CopyForDialog(self, self._make_copy)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.copy_dialog = dlg
        dlg.open()
        return dlg

    def _on_save_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save memo as PDF"), f"{self.case_number}-memo.pdf",
                             self.tr("PDF files (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.open()


class CopyForDialog(AppDialog):
    """Who a copy of the memo is for: the kind of recipient (its disclosure profile says what they may see) and
    the name printed on every page. The disclosure is logged when the copy is printed or saved."""

    def __init__(self, parent: QWidget | None, make_copy: CopyMaker) -> None:
        from casework.disclosure import profile_words, profiles
        from widgets.translated import tr_message

        super().__init__(parent, self.tr("Copy for a recipient"))
        self._make_copy = make_copy
        self.kind = QComboBox()
        for p in profiles():
            label = tr_message(profile_words(p.label))
            self.kind.addItem(label[:1].upper() + label[1:], p.recipient)
        self.recipient = QLineEdit()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        self.add_row(form, self.tr("&Recipient type:"), self.kind)
        self.add_row(form, self.tr("Recipient's &name:"), self.recipient)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the &copy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_summary())
        self._show_summary()

    def _show_summary(self) -> None:
        from casework.disclosure import profile_for, profile_words
        from widgets.translated import tr_message

        self.summary.setText(tr_message(profile_words(profile_for(self.kind.currentData()).summary)) + " "
                             + self.tr("The disclosure is logged on the case when the copy is printed or saved."))

    def check(self) -> None:
        from casework.disclosure import DisclosureError, check_recipient

        try:
            check_recipient(self.recipient.text())
        except DisclosureError as exc:
            from desktop.errors import error_text

            message = error_text(exc)
            raise ValidationError(self.recipient, message[:1].upper() + message[1:] + ".") from None

    def save(self) -> None:
        from casework.disclosure import check_recipient

        self._make_copy(self.kind.currentData(), check_recipient(self.recipient.text()))
        self.finish()
