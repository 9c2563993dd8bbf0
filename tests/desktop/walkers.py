"""Walk every screen of the app and collect what a keyboard or screen-reader user meets there: the Alt
mnemonics (which must be unique per window) and the focusable widgets (which must all have an accessible name)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Every mnemonic live in `window` now (menu titles, and visible labels with a buddy, buttons, group boxes
    and tabs), by letter."""
    found: dict[str, list[str]] = {}

    def add(text: str, where: str) -> None:
        letter = mnemonic_of(text)
        if letter:
            found.setdefault(letter, []).append(f"{where} {text!r}")

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text(), "menu")
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QAbstractButton) and w.parent() is not None and not w.text().startswith("&&"):
            if type(w).__name__ != "QToolButton":  # toolbar buttons take no mnemonic
                add(w.text(), "button")
        elif isinstance(w, QGroupBox):
            add(w.title(), "group")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i), "tab")
    return found


def clashes(window: QWidget) -> list[str]:
    return [f"Alt+{k.upper()}: " + ", ".join(v) for k, v in mnemonics(window).items() if len(v) > 1]


def unnamed_focusable(window: QWidget) -> list[str]:
    """Visible widgets that take the keyboard focus but have no accessible name."""
    found = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or w.window() is not window or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if w.focusProxy() is not None:
            continue  # its proxy is the one focused (and checked)
        parent = w.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox) and parent.focusProxy() is w:
            continue  # the inner editor of a spin box or an editable combo: the outer input carries the name
        name = w.accessibleName()
        if not name and isinstance(w, QAbstractButton):
            name = w.text().replace("&", "")
        if not name.strip():
            found.append(f"{type(w).__name__} {w.objectName()!r} under {type(parent).__name__ if parent else None}")
    return found


def editor_screens(window) -> Iterator[str]:
    """Show each tab of the case editor in turn; yield its name."""
    tabs = window.editor.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        QApplication.processEvents()
        yield f"case tab {tabs.tabText(i)!r}"
