"""Pictures of attachments made in memory only: a thumbnail from the bytes, a PDF document from a buffer.

Nothing here touches a file: images are decoded from a QBuffer (QImageReader, scaled while decoding so a 20 MB
photo costs a thumbnail's memory), PDFs are opened by QPdfDocument from a QBuffer. Safe to call off the GUI
thread (QImage and QPdfDocument, never QPixmap).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtPdf import QPdfDocument

from casework.attachments import MEDIA_TYPES

THUMB_EDGE = 128


def memory_device(data: bytes) -> QBuffer:
    """A read-only QIODevice over `data` (kept alive by whoever holds the buffer)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def read_image(data: bytes, fit: QSize | None = None) -> QImage:
    """The image in `data` (scaled to fit `fit` while decoding, when given); a null QImage if it cannot be read."""
    buffer = memory_device(data)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone photo taken upright shows upright (EXIF orientation)
    if fit is not None:
        size = reader.size()
        if size.isValid() and (size.width() > fit.width() or size.height() > fit.height()):
            reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read().copy()  # a deep copy: some decoders (TIFF) hand back an image on the reader's memory
    del reader
    buffer.close()
    return image


def open_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A PDF document read from memory; keep the buffer alive as long as the document."""
    buffer = memory_device(data)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def thumbnail(data: bytes, media_type: str, edge: int = THUMB_EDGE) -> QImage | None:
    """A picture of the attachment no larger than edge × edge (a PDF's first page), or None when Casefile cannot
    show this type or the content cannot be decoded (the list then shows a generic icon)."""
    media = MEDIA_TYPES.get(media_type)
    if media is None or not media.previewable:
        return None
    box = QSize(edge, edge)
    if media_type == "application/pdf":
        document, buffer = open_pdf(data)
        try:
            if document.status() is not QPdfDocument.Status.Ready or document.pageCount() < 1:
                return None
            page = document.pagePointSize(0).toSize().scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(0, page)
        finally:
            document.close()
            buffer.close()
    else:
        image = read_image(data, box)
    return None if image.isNull() else image
