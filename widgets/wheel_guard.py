"""The mouse wheel scrolls forms; it turns an input only while that input has the keyboard focus.

Qt's combo boxes, spin boxes, date edits and sliders change their value when the wheel passes over them.
In a long form that is how a finding changes without anyone meaning it to (and autosave records it). One
application-wide event filter fixes it for every input of every window, present and future:

- a wheel event over an input without keyboard focus is handed to the nearest scroll area that can scroll
  (so the form scrolls as the officer expects) and never reaches the input;
- inputs lose Qt.WheelFocus, because a real wheel event focuses such a widget *before* any filter sees it.

`install()` is idempotent; the main window and the case editor both call it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_INPUTS = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def _is_input(widget: QWidget) -> bool:
    return isinstance(widget, _INPUTS) and not isinstance(widget, QScrollBar)


def _input_under(widget: QWidget) -> QWidget | None:
    """The input `widget` belongs to (a spin box's inner line edit belongs to the spin box), if any."""
    w: QWidget | None = widget
    while w is not None and not w.isWindow():
        if _is_input(w):
            return w
        if isinstance(w, QAbstractScrollArea):
            return None
        w = w.parentWidget()
    return None


def _scroll_target(widget: QWidget, vertical: bool) -> QAbstractScrollArea | None:
    """The nearest enclosing scroll area whose bar in that direction can move."""
    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QAbstractScrollArea):
            bar = w.verticalScrollBar() if vertical else w.horizontalScrollBar()
            if bar.maximum() > bar.minimum():
                return w
        if w.isWindow():
            return None
        w = w.parentWidget()
    return None


class WheelGuard(QObject):
    """The application-wide filter; see the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget) and _is_input(watched):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        target = _input_under(watched)
        if target is None or target.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        delta = event.angleDelta()
        area = _scroll_target(target, vertical=abs(delta.y()) >= abs(delta.x()))
        if area is not None:
            viewport = area.viewport()
            pos = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
            forwarded = QWheelEvent(pos, event.globalPosition(), event.pixelDelta(), delta, event.buttons(),
                                    event.modifiers(), event.phase(), event.inverted(), event.source())
            QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True  # the input never sees it


_guard: WheelGuard | None = None


def install() -> None:
    """Guard every input of the application (once; later calls do nothing)."""
    global _guard
    app = QApplication.instance()
    if _guard is not None or app is None:
        return
    _guard = WheelGuard(app)
    app.installEventFilter(_guard)
