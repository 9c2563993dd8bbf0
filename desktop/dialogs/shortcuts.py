"""Help ▸ Keyboard shortcuts: every shortcut of the main window, and the keys of the list and the search box."""

from __future__ import annotations

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

FIXED_KEYS = [
    ("In the search box: go to the list", "Down"),
    ("In the search box: open the first match", "Return"),
    ("In the search box: clear the search", "Esc"),
    ("In the list: move between cases (the case opens when you stop)", "Up, Down, Page Up, Page Down"),
    ("In the list: open the selected case now", "Return"),
    ("In the list: delete the selected draft case", "Delete"),
    ("In the list: the case's menu", "Menu key or Shift+F10"),
    ("Next or previous tab of the case", "Ctrl+Tab, Ctrl+Shift+Tab"),
    ("Go to a field or tab by its underlined letter", "Alt+letter"),
    ("Next or previous field", "Tab, Shift+Tab"),
]


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, then the keys that work in the list and the search box."""
    rows = [(a.text().replace("&", "").rstrip("…").rstrip("."),
             a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for a in actions if not a.shortcut().isEmpty()]
    return rows + FIXED_KEYS


class ShortcutsDialog(AppDialog):
    def __init__(self, parent: QWidget | None, actions: list[QAction]) -> None:
        super().__init__(parent, "Keyboard shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
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
