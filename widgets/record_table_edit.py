"""An editable table of small records (offenses, documents, family ties) with Add and Remove buttons.

Columns are declared as data; a column with `choices` edits through a combo box. The widget speaks plain
dicts of strings; the section that owns it turns them into casework dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); empty → free text
    tooltip: str = ""


class RecordTableEdit(QWidget):
    value_changed = Signal(object)

    def __init__(self, columns: list[Column], noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._loading = False
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.header for c in columns])
        self.table.setAccessibleName(f"{noun.capitalize()} table")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setMinimumHeight(120)
        for i, c in enumerate(columns):
            if c.tooltip:
                self.table.horizontalHeaderItem(i).setToolTip(c.tooltip)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.add_button = QPushButton(f"Add {noun}")
        self.remove_button = QPushButton(f"Remove {noun}")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def value(self) -> list[dict[str, str]]:
        rows = []
        for r in range(self.table.rowCount()):
            row = {}
            for c, col in enumerate(self._columns):
                if col.choices:
                    combo = self.table.cellWidget(r, c)
                    row[col.key] = combo.currentData() if isinstance(combo, QComboBox) else ""
                else:
                    item = self.table.item(r, c)
                    row[col.key] = item.text() if item else ""
            rows.append(row)
        return rows

    def set_value(self, rows: list[dict[str, str]]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                self._append(row)
        finally:
            self._loading = False

    def _append(self, row: dict[str, str]) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, col in enumerate(self._columns):
            if col.choices:
                combo = QComboBox()
                for value, text in col.choices:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(row.get(col.key, ""))))
                combo.setAccessibleName(col.header)
                combo.currentIndexChanged.connect(self._emit)
                self.table.setCellWidget(r, c, combo)
            else:
                self.table.setItem(r, c, QTableWidgetItem(row.get(col.key, "")))
        return r

    def _emit(self, *_args: object) -> None:
        if not self._loading:
            self.value_changed.emit(self.value())

    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self._emit()

    def _on_add_clicked(self) -> None:
        self._loading = True
        try:
            r = self._append({})
        finally:
            self._loading = False
        self.table.setCurrentCell(r, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(r, 0)) if self.table.item(r, 0) else None
        self._emit()

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True)
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)
        self._emit()
