"""An editable table of small records (offenses, documents, family ties) with Add and Remove buttons.

Columns are declared as data; a column with `choices` edits through a combo box. The widget speaks plain
dicts of strings; the section that owns it turns them into casework dataclasses. Every row carries a stable
"id" (kept from the loaded item, or `casework.ids.new_id()` when the row is added), so that saving the form
again and again never re-identifies an item.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework.ids import new_id

CHOICE_WIDTH = 140
ERROR_CELL = "#fde7e9"
ERROR_BORDER = "#b00020"
ID = "id"
"""The key of each row's stable id in `value()` (not a column: never shown, never edited)."""


_EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                  | QAbstractItemView.EditTrigger.AnyKeyPressed)


def is_blank(row: dict[str, str]) -> bool:
    """A row with nothing typed in it (its id aside): not an item, and not saved."""
    return not any(v.strip() for k, v in row.items() if k != ID)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); empty → free text
    tooltip: str = ""
    placeholder: str = ""
    """For a choice column: shown first, as the value "" (a new row has no choice until the officer makes one)."""


class RecordTableEdit(QWidget):
    value_changed = Signal(object)

    def __init__(self, columns: list[Column], noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._loading = False
        self._read_only = False
        self._ids: list[str] = []
        self.cell_errors: dict[tuple[int, str], str] = {}
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.header for c in columns])
        self.table.setAccessibleName(self.tr("{noun} table").format(noun=noun).capitalize())
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()  # every header readable ("Conviction date", not "onviction date")
        for i, c in enumerate(columns):
            if c.choices:  # room for the longest choice and the combo's arrow
                self.table.setColumnWidth(i, max(self.table.columnWidth(i), CHOICE_WIDTH))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setMinimumHeight(120)
        self.table.setEditTriggers(_EDIT_TRIGGERS)
        for i, c in enumerate(columns):
            if c.tooltip and (header := self.table.horizontalHeaderItem(i)) is not None:
                header.setToolTip(c.tooltip)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.add_button = QPushButton(self.tr("Add {noun}").format(noun=noun))
        self.remove_button = QPushButton(self.tr("Remove {noun}").format(noun=noun))
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
        """One dict per row: each column's text (or chosen value) by key, and the row's stable id under ID."""
        rows = []
        for r in range(self.table.rowCount()):
            row = {ID: self._ids[r]}
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
            self._ids.clear()
            for row in rows:
                self._append(row)
        finally:
            self._loading = False

    def _append(self, row: dict[str, str]) -> int:
        r = self.table.rowCount()
        self._ids.append(row.get(ID) or new_id())
        self.table.insertRow(r)
        for c, col in enumerate(self._columns):
            if col.choices:
                combo = QComboBox()
                if col.placeholder:
                    combo.addItem(col.placeholder, "")
                for value, text in col.choices:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(row.get(col.key, ""))))
                combo.setAccessibleName(col.header)
                combo.currentIndexChanged.connect(self._emit)
                combo.setEnabled(not self._read_only)
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
        if (first := self.table.item(r, 0)) is not None:
            self.table.editItem(first)
        self._emit()

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True)
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)
                del self._ids[r]
        self._emit()

    def set_read_only(self, read_only: bool) -> None:
        """Show the rows without letting anyone change, add or remove them (a submitted case)."""
        self._read_only = read_only
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else _EDIT_TRIGGERS)
        for r in range(self.table.rowCount()):
            for c in range(len(self._columns)):
                if (combo := self.table.cellWidget(r, c)) is not None:
                    combo.setEnabled(not read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def show_cell_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """Mark each cell named by (row, column key) with its message: tinted, and the message as its tooltip
        and accessible description (a screen reader hears it on the cell). Other cells are unmarked."""
        for r in range(self.table.rowCount()):
            for c, col in enumerate(self._columns):
                message = errors.get((r, col.key), "")
                item = self.table.item(r, c)
                widget = self.table.cellWidget(r, c)
                if item is not None:
                    item.setBackground(QBrush(QColor(ERROR_CELL)) if message else QBrush())
                    # A warning sign, seen even when the row is selected (the tint is not): colour is never the
                    # only signal.
                    item.setData(Qt.ItemDataRole.DecorationRole, self.style().standardIcon(
                        QStyle.StandardPixmap.SP_MessageBoxWarning) if message else None)
                    item.setToolTip(message)
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                                 self.tr("Error: {message}").format(message=message) if message else None)
                if widget is not None:
                    widget.setStyleSheet(f"QComboBox {{ border: 2px solid {ERROR_BORDER}; }}" if message else "")
                    widget.setToolTip(message)
                    widget.setAccessibleDescription(self.tr("Error: {message}").format(message=message) if message
                                                    else "")
        self.cell_errors = dict(errors)

    def focus_cell(self, row: int, key: str) -> bool:
        """Put the cursor on the cell of `row` in the column `key` (a checklist or error jump)."""
        column = next((c for c, col in enumerate(self._columns) if col.key == key), -1)
        if not 0 <= row < self.table.rowCount() or column < 0:
            return False
        self.table.setCurrentCell(row, column)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
