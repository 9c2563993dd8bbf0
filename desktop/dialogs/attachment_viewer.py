"""The attachment viewer: a photo or scan with zoom and fit, a PDF page by page — all from memory.

The content arrives as bytes from the store and is shown from a QBuffer (QImage, QPdfDocument); nothing is
written to disk. Closing the dialog (or leaving the case, or locking) drops the bytes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casework.attachments import MEDIA_TYPES, display_name, human_size, type_label
from casework.model import Attachment
from widgets.attachments_preview import open_pdf, read_image
from widgets.translated import tr_message

ZOOM_STEP = 1.25


class AttachmentViewer(QDialog):
    open_outside_requested = Signal(object)

    def __init__(self, parent: QWidget | None, attachment: Attachment, data: bytes) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setWindowTitle(self.tr("Attachment: {name}").format(name=display_name(attachment.file_name)))
        self.resize(900, 700)
        self._scale = 1.0
        self._fit = True
        self._pixmap: QPixmap | None = None
        self._document: QPdfDocument | None = None
        self.pdf_view: QPdfView | None = None
        self.image_label: QLabel | None = None
        self.scroller: QScrollArea | None = None

        info = QLabel(f"{tr_message(type_label(attachment.media_type))}, {tr_message(human_size(attachment.size))}"
                      f" · SHA-256 "
                      f"{attachment.sha256}" + (f"\n{attachment.caption}" if attachment.caption else ""))
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.setWordWrap(True)
        info.setAccessibleName(self.tr("About this attachment"))
        self.zoom_in = QPushButton(self.tr("Zoom &in"))
        self.zoom_out = QPushButton(self.tr("Zoom &out"))
        self.fit_button = QPushButton(self.tr("&Fit"))
        self.actual_button = QPushButton(self.tr("&100%"))
        tools = QHBoxLayout()
        for b in (self.zoom_out, self.zoom_in, self.fit_button, self.actual_button):
            tools.addWidget(b)
        tools.addStretch(1)
        self.zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self._fit_to_window)
        self.actual_button.clicked.connect(self._actual_size)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._zoom(ZOOM_STEP))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._zoom(1 / ZOOM_STEP))
        QShortcut(QKeySequence("Ctrl+0"), self, self._fit_to_window)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.outside_button = buttons.addButton(self.tr("Open in another &program…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.outside_button.clicked.connect(lambda: self.open_outside_requested.emit(self.attachment))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(tools)
        layout.addWidget(self._content(attachment, data), 1)
        layout.addWidget(buttons)

    def _content(self, attachment: Attachment, data: bytes) -> QWidget:
        media = MEDIA_TYPES.get(attachment.media_type)
        if media is not None and attachment.media_type == "application/pdf":
            document, self._buffer = open_pdf(data)
            if document.status() is QPdfDocument.Status.Ready:
                self._document = document
                view = QPdfView(self)
                view.setAccessibleName(self.tr("Pages of the document"))
                view.setDocument(document)
                view.setPageMode(QPdfView.PageMode.MultiPage)
                view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
                self.pdf_view = view
                return view
            return self._cannot_show(self.tr("This PDF could not be read (it may be damaged or encrypted)."))
        if media is not None and media.previewable:
            image = read_image(data)
            if not image.isNull():
                self._pixmap = QPixmap.fromImage(image)
                label = QLabel()
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setAccessibleName(self.tr("Picture"))
                scroll = QScrollArea()
                scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
                scroll.setWidget(label)
                self.image_label, self.scroller = label, scroll
                self._show_image()
                return scroll
            return self._cannot_show(self.tr("This picture could not be decoded (it may be damaged)."))
        return self._cannot_show(self.tr("Casefile cannot show {kind} files itself. Use “Open in another program…” "
                                         "to see it.").format(kind=type_label(attachment.media_type)))

    def _cannot_show(self, text: str) -> QLabel:
        for b in (self.zoom_in, self.zoom_out, self.fit_button, self.actual_button):
            b.setEnabled(False)
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    # ----- zoom -------------------------------------------------------------------------------------------

    def _zoom(self, factor: float) -> None:
        if self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(max(0.1, min(8.0, self.pdf_view.zoomFactor() * factor)))
            return
        if self._pixmap is None:
            return
        if self._fit:
            self._scale = self._fit_scale()
        self._fit = False
        self._scale = max(0.05, min(8.0, self._scale * factor))
        self._show_image()

    def _fit_to_window(self) -> None:
        if self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
            return
        self._fit = True
        self._show_image()

    def _actual_size(self) -> None:
        if self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(1.0)
            return
        self._fit, self._scale = False, 1.0
        self._show_image()

    def _fit_scale(self) -> float:
        if self._pixmap is None or self.scroller is None:
            return 1.0
        room = self.scroller.viewport().size() - QSize(4, 4)
        size = self._pixmap.size()
        return min(1.0, room.width() / max(1, size.width()), room.height() / max(1, size.height()))

    def _show_image(self) -> None:
        if self._pixmap is None or self.image_label is None:
            return
        scale = self._fit_scale() if self._fit else self._scale
        size = self._pixmap.size() * scale
        self.image_label.setPixmap(self._pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation))
        self.image_label.resize(self.image_label.pixmap().size())

    @property
    def scale(self) -> float:
        """The picture's zoom now (1.0: actual pixels)."""
        return self._fit_scale() if self._fit else self._scale

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit:
            self._show_image()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.release()
        super().done(result)

    def release(self) -> None:
        """Drop the content (the picture, the document and its buffer)."""
        if self.pdf_view is not None:
            self.pdf_view.setDocument(None)  # type: ignore[arg-type]
        if self._document is not None:
            self._document.close()
            self._document = None
        if self.image_label is not None:
            self.image_label.clear()
        self._pixmap = None
