"""What File ▸ Verify found, in words, and for scans of a paper copy each scanned page beside the page as stored
(the memo rendered again from the store with QtPdf), for a person to compare: a seal proves which pages are
there, but only an eye can tell that nothing was written over the paper afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog
from widgets.translated import translated

if TYPE_CHECKING:
    from desktop.cli_memo import MemoCheck

HEADLINES = {
    "match": QT_TRANSLATE_NOOP("VerifyResultDialog", "The memo matches the store"),
    "superseded": QT_TRANSLATE_NOOP("VerifyResultDialog", "Printed from an older revision"),
    "unknown": QT_TRANSLATE_NOOP("VerifyResultDialog", "This store does not know the memo"),
    "forged": QT_TRANSLATE_NOOP("VerifyResultDialog", "Not signed by this profile"),
    "altered": QT_TRANSLATE_NOOP("VerifyResultDialog", "Changed after it was printed"),
    "incomplete": QT_TRANSLATE_NOOP("VerifyResultDialog", "Pages are missing or come from another memo"),
}
STATUS_WORDS = {
    "match": QT_TRANSLATE_NOOP("VerifyResultDialog", "match"),
    "superseded": QT_TRANSLATE_NOOP("VerifyResultDialog", "superseded"),
    "unknown": QT_TRANSLATE_NOOP("VerifyResultDialog", "unknown"),
    "forged": QT_TRANSLATE_NOOP("VerifyResultDialog", "forged"),
    "altered": QT_TRANSLATE_NOOP("VerifyResultDialog", "altered"),
    "incomplete": QT_TRANSLATE_NOOP("VerifyResultDialog", "incomplete"),
}
"""The status words of `casefile verify` (desktop.cli_memo), as the window shows them."""
PAGE_HEIGHT = 620
"""Height in pixels at which a scanned page and its stored page are shown side by side."""


class VerifyResultDialog(AppDialog):
    """Shows a MemoCheck (desktop.cli_memo): the status, the message and details; for scans, one scanned page
    at a time beside the stored page it claims to be."""

    def __init__(self, parent: QWidget | None, check: MemoCheck, source: str = "") -> None:
        status = translated("VerifyResultDialog", STATUS_WORDS.get(check.status, check.status))
        super().__init__(parent, (self.tr("Memo {status} — {source}") if source else self.tr("Memo {status}"))
                         .format(status=status, source=source))
        self.check = check
        self._index = 0
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation if check.status == "match" else \
            QStyle.StandardPixmap.SP_MessageBoxWarning
        badge = QLabel()
        badge.setPixmap(self.style().standardIcon(icon).pixmap(40, 40))
        self.status_label = QLabel(translated("VerifyResultDialog", HEADLINES.get(check.status, status)))
        self.status_label.setAccessibleName(self.tr("Result"))
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.status_label.setFont(font)
        self.message_label = _text(check.message)
        self.details_label = _text("\n".join(check.details))
        self.details_label.setVisible(bool(check.details))
        head = QHBoxLayout()
        head.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        for w in (self.status_label, self.message_label, self.details_label):
            words.addWidget(w)
        head.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)

        self.document = QPdfDocument(self)
        if check.stored_pdf:
            self._bytes = QByteArray(check.stored_pdf)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self._buffer)
        self.compare = QWidget()
        self.compare.setVisible(bool(check.scans))
        grid = QGridLayout(self.compare)
        self.scan_caption = QLabel()
        self.stored_caption = QLabel()
        self.scan_view = QLabel()
        self.stored_view = QLabel()
        self.scan_view.setAccessibleName(self.tr("Scanned page"))
        self.stored_view.setAccessibleName(self.tr("Page as stored"))
        for view in (self.scan_view, self.stored_view):
            view.setMinimumSize(int(PAGE_HEIGHT * 0.77), PAGE_HEIGHT)
            view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view.setWordWrap(True)
            view.setStyleSheet("QLabel { border: 1px solid #888; }")
        grid.addWidget(self.scan_caption, 0, 0)
        grid.addWidget(self.stored_caption, 0, 1)
        grid.addWidget(self.scan_view, 1, 0)
        grid.addWidget(self.stored_view, 1, 1)
        self.prev_button = QPushButton(self.tr("◀ &Previous scanned page"))
        self.next_button = QPushButton(self.tr("&Next scanned page ▶"))
        self.position_label = QLabel()
        self.prev_button.clicked.connect(lambda: self.show_scan(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_scan(self._index + 1))
        bar = QHBoxLayout()
        for w in (self.prev_button, self.position_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        grid.addLayout(bar, 2, 0, 1, 2)
        layout.addWidget(self.compare, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if check.scans:
            self.show_scan(0)

    def scan_count(self) -> int:
        return len(self.check.scans)

    def show_scan(self, index: int) -> None:
        """Show scanned page `index` (0-based, in the order scanned) beside the stored page it claims to be."""
        if not 0 <= index < self.scan_count():
            return
        self._index = index
        scan = self.check.scans[index]
        self.scan_caption.setText(self.tr("Scanned: {source} ({note})").format(source=scan.source, note=scan.note))
        image = QImage.fromData(scan.png)
        self.scan_view.setPixmap(QPixmap.fromImage(_fit(image)))
        if scan.page is None:
            self.stored_caption.setText(self.tr("As stored: no page to compare"))
            self.stored_view.setPixmap(QPixmap())
            self.stored_view.setText(self.tr("This scanned page is not a page of this memo: {note}.")
                                     .format(note=scan.note))
        elif self.document.pageCount() < scan.page:
            self.stored_caption.setText(self.tr("As stored: page {page}").format(page=scan.page))
            self.stored_view.setPixmap(QPixmap())
            self.stored_view.setText(self.tr("The stored memo cannot be shown: this store cannot render it again."))
        else:
            points = self.document.pagePointSize(scan.page - 1)
            scale = PAGE_HEIGHT / points.height()
            rendered = self.document.render(scan.page - 1, QSize(int(points.width() * scale), PAGE_HEIGHT))
            self.stored_caption.setText(self.tr("As stored: page {page} of {pages}").format(
                page=scan.page, pages=self.document.pageCount()))
            self.stored_view.setPixmap(QPixmap.fromImage(_on_white(rendered)))
        self.position_label.setText(self.tr("Scanned page {page} of {pages}").format(page=index + 1,
                                                                                    pages=self.scan_count()))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.scan_count() - 1)

    def stored_image(self) -> QImage:
        return self.stored_view.pixmap().toImage()

    def scanned_image(self) -> QImage:
        return self.scan_view.pixmap().toImage()


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _on_white(image: QImage) -> QImage:
    """QtPdf renders a page on a transparent background; paper is white."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def _fit(image: QImage) -> QImage:
    return image.scaledToHeight(PAGE_HEIGHT, Qt.TransformationMode.SmoothTransformation) if not image.isNull() \
        else image
