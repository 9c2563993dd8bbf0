"""The case list as a Qt table model: sorting and filtering done in Python on precomputed keys.

With 10,000 cases a QSortFilterProxyModel would call back into Python for every comparison; here a search
keystroke is one pass over precomputed, accent-folded strings and a sort is one `list.sort`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casework.model import CaseSummary
from casework.search import fold, haystack, matches
from widgets.sync_state_delegate import SYNC_NOTE_ROLE, note_text
from widgets.translated import label, translated

Index = QModelIndex | QPersistentModelIndex
HEADERS = [QT_TRANSLATE_NOOP("CaseListModel", "Case number"), QT_TRANSLATE_NOOP("CaseListModel", "Name"),
           QT_TRANSLATE_NOOP("CaseListModel", "A-number"), QT_TRANSLATE_NOOP("CaseListModel", "Status"),
           QT_TRANSLATE_NOOP("CaseListModel", "Updated")]
"""The columns' titles in English (translated as shown)."""


class CaseListModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._all: list[CaseSummary] = []
        self._hay: dict[str, str] = {}
        self._rows: list[CaseSummary] = []
        self._query = ""
        self._sort = (4, Qt.SortOrder.DescendingOrder)
        self.sync_marks: dict[str, tuple[str, str]] = {}
        """Case id → (office sync state, new decision), shown in the status column (widgets.sync_state_delegate)."""

    # ----- contents -----------------------------------------------------------------------------------------

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self._all = list(cases)
        self._hay = {c.id: c.search_text or haystack(c) for c in self._all}
        self._refresh()

    def upsert(self, *cases: CaseSummary) -> None:
        """Add or replace cases after a change, without reloading the list (one refresh for all of them)."""
        if not cases:
            return
        ids = {c.id for c in cases}
        self._all = [c for c in self._all if c.id not in ids] + list(cases)
        for case in cases:
            self._hay[case.id] = case.search_text or haystack(case)
        self._refresh()

    def remove(self, case_id: str) -> None:
        """Drop a deleted case from the list."""
        self._all = [c for c in self._all if c.id != case_id]
        self._hay.pop(case_id, None)
        self._refresh()

    def clear(self) -> None:
        self.set_cases([])

    def set_sync_marks(self, marks: dict[str, tuple[str, str]], *, replace_all: bool = True) -> None:
        self.sync_marks = dict(marks) if replace_all else {**self.sync_marks, **marks}
        if self._rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._rows) - 1, 3))

    def set_filter(self, text: str) -> None:
        self._query = fold(text)
        self._refresh()

    def total(self) -> int:
        return len(self._all)

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: str) -> int:
        for i, c in enumerate(self._rows):
            if c.id == case_id:
                return i
        return -1

    def _refresh(self) -> None:
        self.beginResetModel()
        q = self._query
        rows = [c for c in self._all if matches(q, self._hay[c.id])] if q else list(self._all)
        column, order = self._sort
        rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows
        self.endResetModel()

    # ----- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == SYNC_NOTE_ROLE:
            return self.sync_marks.get(c.id)
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 3 and c.id in self.sync_marks:
            return f"{label(c.status)} · {note_text(self.sync_marks[c.id])}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            col = index.column()
            if col == 0:
                return c.case_number
            if col == 1:
                return c.display_name or self.tr("(no name yet)")
            if col == 2:
                return c.a_number
            if col == 3:
                return label(c.status)
            if col == 4:
                return c.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.updated_at else ""
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role == Qt.ItemDataRole.ToolTipRole and c.aliases:
            return self.tr("Also known as: {aliases}").format(aliases="; ".join(c.aliases))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translated("CaseListModel", HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(HEADERS):
            self._sort = (column, order)
            self._refresh()


_SORT_KEYS = [
    lambda c: c.case_number,
    lambda c: fold(c.display_name),
    lambda c: c.a_number,
    lambda c: c.status.value,
    lambda c: c.updated_at.timestamp() if c.updated_at else 0.0,
]
