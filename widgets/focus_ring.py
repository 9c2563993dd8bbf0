"""A focus ring that can be seen: a 2 px blue frame around whichever input has the keyboard focus.

The platform styles draw focus as a 1 px light line (or not at all on a line edit), which an officer working by
keyboard on a dim laptop screen cannot follow. A single frame follows the application's focus changes, drawn
over the focused widget's parent so it scrolls and hides with it, to every widget that takes the focus by
keyboard or mouse, in every window. It never takes the focus or a click itself. `install()` is idempotent.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

RING_COLOUR = QColor("#1a5fb4")
RING_WIDTH = 2
RING_INNER = "focusRingInner"
"""A widget property: set on a compound input (a passphrase with its strength meter under it) whose focus proxy
alone is ringed, so the ring never swallows what the compound shows beside its input."""


class FocusRing(QWidget):
    """The frame itself: transparent, never focused, never clicked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("focus-ring")

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(RING_COLOUR, RING_WIDTH))
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


class _Follower(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.ring: FocusRing | None = None
        self.target: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.target and kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                 QEvent.Type.Hide, QEvent.Type.FocusOut):
            self.place()
        return False

    def on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is None:
            if self.ring is not None and shiboken6.isValid(self.ring):
                self.ring.hide()
            return
        self.follow(now)

    def follow(self, widget: QWidget) -> None:
        target = widget
        while target.focusProxy() is not None:
            target = target.focusProxy()
        # A spin box's or combo box's inner line edit: ring the whole input.
        parent = target.parentWidget()
        if parent is not None and target.focusPolicy() != Qt.FocusPolicy.NoFocus and parent.focusProxy() is target \
                and not parent.property(RING_INNER):
            target = parent
        if self.target is not None and self.target is not target and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = target
        target.installEventFilter(self)
        self.place()

    def place(self) -> None:
        target = self.target if self.target is not None and shiboken6.isValid(self.target) else None
        if self.ring is not None and not shiboken6.isValid(self.ring):
            self.ring = None  # deleted with the window it was in
        focused = QApplication.focusWidget()
        usable = (target is not None and target.isVisible() and not target.isWindow()
                  and target.parentWidget() is not None and focused is not None
                  and (focused is target or target.isAncestorOf(focused)))
        if not usable or target is None:
            if self.ring is not None:
                self.ring.hide()
            return
        host = target.parentWidget()
        assert host is not None
        while host.property(RING_INNER) and host.parentWidget() is not None:
            host = host.parentWidget()  # a compound input: the ring goes round its input, drawn where it has room
        while isinstance(host, QSplitter) and host.parentWidget() is not None:
            host = host.parentWidget()  # a splitter takes every child widget as a pane: draw on its parent
        if self.ring is None or self.ring.parentWidget() is not host:
            if self.ring is not None:
                self.ring.hide()
                self.ring.deleteLater()
            self.ring = FocusRing(host)
        gap = RING_WIDTH + 1
        # Around the widget, or over its edge where its parent leaves no room (a list filling its pane).
        where = QRect(target.mapTo(host, QPoint(0, 0)), target.size())
        self.ring.setGeometry(where.adjusted(-gap, -gap, gap, gap).intersected(host.rect()))
        self.ring.show()
        self.ring.raise_()


_follower: _Follower | None = None


def install() -> None:
    global _follower
    app = QApplication.instance()
    if app is None or _follower is not None:
        return
    _follower = _Follower()
    app.focusChanged.connect(_follower.on_focus_changed)  # type: ignore[attr-defined]


def ring() -> FocusRing | None:
    """The ring, for tests: None until something took the focus."""
    return _follower.ring if _follower is not None else None
