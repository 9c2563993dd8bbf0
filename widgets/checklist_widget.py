"""The checklist pane: what is still open, contradictory or waiting for the officer's acknowledgement.

Activating an item jumps to its field. A review item that must be acknowledged (a cutoff-date review, a word
that can point to a never-factor) is marked ✎ until the officer acknowledges it with a note, then ✓ with the
note; the panel beside the list takes the note for the selected item (`current_item_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from casework.checks import Item, ItemKind
from widgets.translated import tr_message, translated

_MARK = {ItemKind.OPEN: "○", ItemKind.CONTRADICTION: "⚠", ItemKind.REVIEW: "ℹ"}
_COLOR = {ItemKind.CONTRADICTION: QColor("#b00020"), ItemKind.REVIEW: QColor("#555555")}
TO_ACKNOWLEDGE, ACKNOWLEDGED = "✎", "✓"
KIND_WORDS = {ItemKind.OPEN: QT_TRANSLATE_NOOP("ChecklistWidget", "open"),
              ItemKind.CONTRADICTION: QT_TRANSLATE_NOOP("ChecklistWidget", "contradiction"),
              ItemKind.REVIEW: QT_TRANSLATE_NOOP("ChecklistWidget", "review")}
_ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def row_text(item: Item) -> str:
    """How an item reads in the list, in the window's language."""
    if item.acknowledged:
        return f"{ACKNOWLEDGED} " + QCoreApplication.translate(
            "ChecklistWidget", "{item} — acknowledged: {note}").format(item=tr_message(item.message),
                                                                       note=item.acknowledged)
    if item.needs_acknowledgement:
        return f"{TO_ACKNOWLEDGE} " + QCoreApplication.translate(
            "ChecklistWidget", "{item} — to acknowledge").format(item=tr_message(item.message))
    return f"{_MARK[item.kind]} {tr_message(item.message)}"


class ChecklistWidget(QListWidget):
    field_activated = Signal(str)
    value_changed = Signal(object)
    current_item_changed = Signal(object)
    """The selected Item, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Still to address"))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self._items: list[Item] | None = None  # nothing shown yet: the first set_value always fills the list
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)
        self.currentRowChanged.connect(self._on_current_row_changed)

    def value(self) -> list[Item]:
        return list(self._items or [])

    def set_value(self, items: list[Item]) -> None:
        if items == self._items:
            return
        current = self.current_item()
        self._items = list(items)
        self.blockSignals(True)
        try:
            self.clear()
            if not items:
                done = QListWidgetItem("✓ " + self.tr("Nothing left to address."))
                done.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.addItem(done)
            for index, item in enumerate(items):
                row = QListWidgetItem(row_text(item))
                row.setData(Qt.ItemDataRole.UserRole, item.field)
                row.setData(_ITEM_ROLE, index)
                tip = f"{translated('ChecklistWidget', KIND_WORDS[item.kind])}: {item.field}"
                if item.needs_acknowledgement:
                    tip += "\n" + self.tr("Select it and acknowledge it with a note below the list.")
                row.setToolTip(tip)
                if item.needs_acknowledgement and not item.acknowledged:
                    row.setForeground(QBrush(QColor("#8a4b00")))
                elif item.kind in _COLOR:
                    row.setForeground(QBrush(_COLOR[item.kind]))
                self.addItem(row)
            # The same item stays selected across recomputations (found by its stable key).
            if current is not None:
                same = next((i for i, x in enumerate(items) if x.key == current.key), -1)
                if same >= 0:
                    self.setCurrentRow(same)
        finally:
            self.blockSignals(False)
        self.current_item_changed.emit(self.current_item())
        self.value_changed.emit(self._items)

    def current_item(self) -> Item | None:
        row = self.currentItem()
        index = row.data(_ITEM_ROLE) if row is not None else None
        if not isinstance(index, int) or self._items is None or not 0 <= index < len(self._items):
            return None
        return self._items[index]

    def select_key(self, key: str) -> bool:
        """Select the item with `key` (for the panel and the tests); False when there is none."""
        for i, item in enumerate(self._items or []):
            if item.key == key:
                self.setCurrentRow(i)
                return True
        return False

    def _on_current_row_changed(self, _row: int) -> None:
        self.current_item_changed.emit(self.current_item())

    def _on_item_activated(self, row: QListWidgetItem) -> None:
        field = row.data(Qt.ItemDataRole.UserRole)
        if field:
            self.field_activated.emit(field)
