"""The checklist pane: what is still open or contradictory; activating an item jumps to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from casework.checks import Item, ItemKind

_MARK = {ItemKind.OPEN: "○", ItemKind.CONTRADICTION: "⚠", ItemKind.REVIEW: "ℹ"}
_COLOR = {ItemKind.CONTRADICTION: QColor("#b00020"), ItemKind.REVIEW: QColor("#555555")}


class ChecklistWidget(QListWidget):
    field_activated = Signal(str)
    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Still to address")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self._items: list[Item] | None = None  # nothing shown yet: the first set_value always fills the list
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def value(self) -> list[Item]:
        return list(self._items or [])

    def set_value(self, items: list[Item]) -> None:
        if items == self._items:
            return
        self._items = list(items)
        self.clear()
        if not items:
            done = QListWidgetItem("✓ Nothing left to address.")
            done.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(done)
        for item in items:
            row = QListWidgetItem(f"{_MARK[item.kind]} {item.message}")
            row.setData(Qt.ItemDataRole.UserRole, item.field)
            row.setToolTip(f"{item.kind.value}: {item.field}")
            if item.kind in _COLOR:
                row.setForeground(QBrush(_COLOR[item.kind]))
            self.addItem(row)
        self.value_changed.emit(self._items)

    def _on_item_activated(self, row: QListWidgetItem) -> None:
        field = row.data(Qt.ItemDataRole.UserRole)
        if field:
            self.field_activated.emit(field)
