"""Help ▸ Keyboard shortcuts: every shortcut of the main window, and the keys of the list and the search box."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog
from widgets.translated import translated

FIXED_KEYS = [
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the search box: go to the list"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Down")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the search box: open the first match"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Return")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the search box: clear the search"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the list: move between cases (the case opens when you stop)"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Up, Down, Page Up, Page Down")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the list: open the selected case now"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Return")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the list: delete the selected draft case"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "In the list: the case's menu"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Menu key or Shift+F10")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next or previous tab of the case"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Ctrl+Tab, Ctrl+Shift+Tab")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to a field or tab by its underlined letter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+letter")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next or previous field"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab, Shift+Tab")),
]
"""(what, keys), in English: shortcut_rows translates them."""


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, then the keys that work in the list and the search box."""
    rows = [(a.text().replace("&", "").rstrip("…").rstrip("."),
             a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions if not a.shortcut().isEmpty()]
    fixed = [(translated("ShortcutsDialog", what),
              translated("ShortcutsDialog", keys))
             for what, keys in FIXED_KEYS]
    return rows + fixed


class ShortcutsDialog(AppDialog):
    def __init__(self, parent: QWidget | None, actions: list[QAction]) -> None:
        super().__init__(parent, self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 460)
