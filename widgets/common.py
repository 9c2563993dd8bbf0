"""Small shared pieces for building forms in code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QSizePolicy, QWidget

from widgets.error_label import ERROR_STYLE as ERROR_STYLE  # re-exported: form code imports them from here
from widgets.error_label import ErrorLabel as ErrorLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QResizeEvent

# Qt's namespace, QStyle, its options and painter, QPalette and QAccessible are imported where they are used:
# PySide6 builds each (with all of its enums) on first import — Qt's namespace alone costs about as much as a
# fifth of a bare window's launch — and the unlock dialog, shown before anything else at launch, needs none.


def ok_cancel_buttons(ok_text: str = "OK") -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    return box


LINE_MAX_WIDTH = 560
"""A single-line field never grows past this (a 1,280 px A-number box reads as broken on a wide screen)."""


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…", with the whole text as its
    tooltip and accessible name. Its width never depends on its text, so a long name cannot widen the window
    or squeeze its neighbours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        from PySide6.QtCore import Qt

        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def text(self) -> str:
        """The whole text (`shown_text()` is what fits on screen)."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:
        """The whole text's width: a layout gives it that when there is room, and elides it when there is not."""
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        from PySide6.QtCore import Qt

        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)


class WrapCheckBox(QCheckBox):
    """A check box whose text wraps to the width it is given, so a long attestation or record kind never
    widens the form (a plain QCheckBox cannot wrap)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _indent(self) -> int:
        from PySide6.QtWidgets import QStyle

        style = self.style()
        return (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
                + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self) + 2)

    def _text_height(self, width: int) -> int:
        from PySide6.QtCore import Qt

        rect = self.fontMetrics().boundingRect(QRect(0, 0, max(width - self._indent(), 20), 100_000),
                                               int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic),
                                               self.text())
        from PySide6.QtWidgets import QStyle

        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self)
        return max(rect.height(), indicator) + 4

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._text_height(width)

    def sizeHint(self) -> QSize:
        natural = super().sizeHint()
        width = min(natural.width(), LINE_MAX_WIDTH)
        return QSize(width, self._text_height(width))

    def minimumSizeHint(self) -> QSize:
        width = self._indent() + self.fontMetrics().horizontalAdvance("M" * 10)
        return QSize(width, self._text_height(width))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QStyle, QStyleOptionButton, QStyleOptionFocusRect, QStylePainter

        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        style = self.style()
        indicator = QStyleOptionButton(option)
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        line = self.fontMetrics().height()
        indicator.rect = QRect(0, 2 + max(0, (line - size) // 2), size, size)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, indicator)
        text_rect = QRect(self._indent(), 2, self.width() - self._indent(), self.height() - 2)
        role = QPalette.ColorRole.WindowText
        painter.setPen(option.palette.color(
            QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled, role))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic), self.text())
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.fontMetrics().boundingRect(
                text_rect, int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextShowMnemonic), self.text()).adjusted(
                -2, -1, 2, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


WINDOW_FRAME = 48
"""Room for a title bar and borders, which `resize` does not count."""


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Shrink `window` to fit the screen it opens on (a 980 px tall preview on a 900 px laptop screen hides its
    buttons below the edge), and keep it on that screen."""
    if available is None:
        anchor = window.parentWidget() or window
        screen = anchor.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    width = min(window.width(), available.width() - 16)
    height = min(window.height(), available.height() - WINDOW_FRAME)
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))


def clamp_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Fit `window` (a first-run default or a geometry restored from another, bigger screen) inside the
    available area of the screen it opens on, its frame included: a 1200×760 window on a 1024×700 laptop hid
    the form's right edge and the status bar off-screen."""
    if available is None:
        from PySide6.QtGui import QGuiApplication

        # the screen the (restored) window is on — a second monitor keeps it — else the one it opens on
        screen = QGuiApplication.screenAt(window.frameGeometry().center()) or window.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    fit_to_screen(window, available)
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0) or 16
    extra_h = max(frame.height() - window.height(), 0) or WINDOW_FRAME
    x = min(max(frame.x(), available.left()), available.right() + 1 - window.width() - extra_w)
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - window.height() - extra_h)
    x, y = max(x, available.left()), max(y, available.top())
    if (x, y) != (frame.x(), frame.y()):  # a first-run window is left where the window manager puts it
        window.move(x, y)


def grow_to_fit(window: QWidget) -> None:
    """Make room for a message that just appeared (a connection test's answer, an inline error): the window
    grows, within its screen, so that no field is squashed to make room for the message."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    needed = window.heightForWidth(window.width()) if window.hasHeightForWidth() else window.sizeHint().height()
    needed = max(needed, window.minimumSizeHint().height())
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height() - WINDOW_FRAME)
    if needed > window.height():
        window.resize(window.width(), needed)
