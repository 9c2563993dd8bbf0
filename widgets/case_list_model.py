"""The case list as a lazy Qt table model: pages of rows from the store, sorted and searched there.

A supervisor's profile may hold 100,000 cases, so the model never holds them all: it asks for one page
(casework.search.PAGE rows) in the current sort order and more as the view scrolls (canFetchMore/fetchMore),
and a search asks the store's index for the best matches with why each matched. Requests go out through
`fetch` (the workspace runs them on the store thread) and answers come back through `deliver`; an answer to a
request that a newer one replaced is dropped. Sort and the selected case are kept by case id across reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from casework.model import CaseSummary
from casework.search import PAGE, SORTS, CasePage, ListRequest, Why
from widgets.sync_state_delegate import SYNC_NOTE_ROLE, note_text
from widgets.translated import label, translated

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[ListRequest], object]

MATCH_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""Why a case matched the search, as one sentence ("" while not searching). (UserRole + 1 is SYNC_NOTE_ROLE.)"""

HEADERS = [QT_TRANSLATE_NOOP("CaseListModel", "Case number"), QT_TRANSLATE_NOOP("CaseListModel", "Name"),
           QT_TRANSLATE_NOOP("CaseListModel", "A-number"), QT_TRANSLATE_NOOP("CaseListModel", "Status"),
           QT_TRANSLATE_NOOP("CaseListModel", "Updated")]
"""The columns' titles in English (translated as shown)."""
SHORT_NUMBER = QT_TRANSLATE_NOOP("CaseListModel", "No.")
"""The case number's title on a narrow list, where its column gives width to the name (the full title is in
its tooltip)."""


FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("CaseListModel", "name"), "alias": QT_TRANSLATE_NOOP("CaseListModel", "alias"),
    "case_number": QT_TRANSLATE_NOOP("CaseListModel", "case number"),
    "a_number": QT_TRANSLATE_NOOP("CaseListModel", "A-number"),
    "born": QT_TRANSLATE_NOOP("CaseListModel", "date of birth"), "place": QT_TRANSLATE_NOOP("CaseListModel", "place"),
    "charge": QT_TRANSLATE_NOOP("CaseListModel", "charge"), "status": QT_TRANSLATE_NOOP("CaseListModel", "status"),
}
"""What casework.search calls each field, as the list names it."""


def isolate(text: str) -> str:
    """`text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: laid out in its own direction without
    changing the direction of the sentence around it."""
    return f"\u2068{text}\u2069"


def explain(why: Why) -> str:
    """One reason in words: 'name = “Núñez”', 'name ≈ “محمد” (transliterated mhmd, sounds like “Mohammed”)'."""
    f = translated("CaseListModel", FIELD_NAMES.get(why.field, why.field))
    # Stored and typed words in bidi isolates: an Arabic or Hebrew name never turns the sentence around.
    args = {"field": f, "shown": isolate(why.shown), "typed": isolate(why.typed), "latin": why.latin}
    if why.how == "exact":
        text = QCoreApplication.translate("CaseListModel", "{field} = “{shown}”")
    elif why.how == "prefix":
        text = QCoreApplication.translate("CaseListModel", "{field} “{shown}” starts with “{typed}”")
    elif why.how == "transliterated":
        text = QCoreApplication.translate("CaseListModel", "{field} ≈ “{shown}” (transliterated: {latin})")
    elif why.shown.isascii():
        text = QCoreApplication.translate("CaseListModel", "{field} ≈ “{shown}” (sounds like “{typed}”)")
    else:
        text = QCoreApplication.translate("CaseListModel",
                                          "{field} ≈ “{shown}” (transliterated {latin}, sounds like “{typed}”)")
    return text.format(**args)


class CaseListModel(QAbstractTableModel):
    loaded = Signal()
    """A reload's answer arrived (the list, its count, or the search results are up to date)."""

    def __init__(self, fetch: Fetch | None = None) -> None:
        super().__init__()
        self._fetch = fetch
        self._rows: list[CaseSummary] = []
        self._why: dict[str, tuple[Why, ...]] = {}
        self._total = 0
        self._more = False
        self._query = ""
        self._sort = (4, Qt.SortOrder.DescendingOrder)
        self._generation = 0
        self._waiting: ListRequest | None = None  # the newest request without an answer yet
        self.short_number_title = False
        """The case number's column is narrow (a small window): its title is SHORT_NUMBER."""
        self.sync_marks: dict[str, tuple[str, str]] = {}
        """Case id → (office sync state, new decision), shown in the status column (widgets.sync_state_delegate)."""

    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch

    # ----- requests and answers -----------------------------------------------------------------------------

    def _request(self, after_id: str | None = None, limit: int = PAGE) -> ListRequest:
        column, order = self._sort
        self._generation += 1
        return ListRequest(query=self._query, sort=SORTS[column], descending=order == Qt.SortOrder.DescendingOrder,
                           after_id=after_id, limit=limit, generation=self._generation)

    def reload(self) -> None:
        """Ask again for what is shown (at least as many rows as are loaded, so the place in the list stays)."""
        request = self._request(limit=max(PAGE, len(self._rows)) if not self._query else PAGE)
        self._ask(request)

    def _ask(self, request: ListRequest) -> None:
        self._waiting = request
        if self._fetch is not None:
            self._fetch(request)

    def deliver(self, request: ListRequest, page: CasePage) -> None:
        """The store's answer to `request` (on the GUI thread). An answer to a replaced request is dropped."""
        if self._waiting is None or request.generation != self._waiting.generation:
            return
        self._waiting = None
        self._total = page.total
        if request.after_id is None:
            self.beginResetModel()
            self._rows = list(page.rows)
            self._why = dict(page.why)
            self._more = page.more
            self.endResetModel()
            self.loaded.emit()
            return
        if not self._rows or self._rows[-1].id != request.after_id:
            return
        known = {c.id for c in self._rows}
        rows = [c for c in page.rows if c.id not in known]
        self._more = page.more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def failed(self, request: ListRequest) -> None:
        """The request failed (shown elsewhere): stop waiting for it, so scrolling may ask again."""
        if self._waiting is not None and self._waiting.generation == request.generation:
            self._waiting = None

    # ----- contents -----------------------------------------------------------------------------------------

    def upsert(self, *cases: CaseSummary) -> None:
        """Cases changed: show their new columns at once, then ask the store where they belong now (order,
        search, count)."""
        if not cases:
            return
        by_id = {c.id: c for c in cases}
        for row, c in enumerate(self._rows):
            if c.id in by_id:
                self._rows[row] = by_id[c.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.reload()

    def remove(self, case_id: str) -> None:
        """Drop a deleted case from the list."""
        row = self.row_of(case_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        self._total = max(0, self._total - 1)
        self._why.pop(case_id, None)

    def clear(self) -> None:
        """Forget every row (locking): answers still on their way are dropped."""
        self._generation += 1
        self._waiting = None
        self.beginResetModel()
        self._rows, self._why, self._total, self._more, self._query = [], {}, 0, False, ""
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Search: the store's best matches for `text`, ranked (empty: every case, in the sort order)."""
        if text == self._query:
            return
        self._query = text
        self._ask(self._request())

    def set_sync_marks(self, marks: Mapping[str, tuple[str, str]], *, replace_all: bool = True) -> None:
        self.sync_marks = dict(marks) if replace_all else {**self.sync_marks, **marks}
        if self._rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._rows) - 1, 3))

    def busy(self) -> bool:
        """A request is on its way to the store (what is shown is about to change)."""
        return self._waiting is not None

    def total(self) -> int:
        """Cases in the store."""
        return self._total

    def searching(self) -> bool:
        return bool(self._query.strip())

    def matches(self) -> int:
        """Rows the list stands for: every case while browsing (loaded or not), the matches while searching."""
        return len(self._rows) if self.searching() else self._total

    def more_matches(self) -> bool:
        """Searching: the store found more matches than it returned (the officer types more to narrow)."""
        return self.searching() and self._more

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def why(self, case_id: str) -> str:
        """Why a case matched the search, in words ("" while not searching)."""
        return "; ".join(explain(w) for w in self._why.get(case_id, ()))

    def row_of(self, case_id: str) -> int:
        for i, c in enumerate(self._rows):
            if c.id == case_id:
                return i
        return -1

    # ----- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return (not parent.isValid() and not self.searching() and self._more and bool(self._rows)
                and self._waiting is None)

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._ask(self._request(after_id=self._rows[-1].id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == SYNC_NOTE_ROLE:
            return self.sync_marks.get(c.id)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 3 and c.id in self.sync_marks:
            return f"{label(c.status)} · {note_text(self.sync_marks[c.id])}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and col == 3 and self.sync_marks.get(c.id, ("", ""))[1]:
            return self.tr("A review decision came in from the office and this case has not been opened since.")
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, col)
        if col == 4 and role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._updated_in_full(c)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self._display(c, col)
            why = self.why(c.id) if col == 1 else ""
            return self.tr("{shown}, matched by {why}").format(shown=shown, why=why) if why else shown
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if role == MATCH_ROLE:
            return self.why(c.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = []
            if why := self.why(c.id):
                lines.append(self.tr("Matched: {why}").format(why=why))
            if c.aliases:
                lines.append(self.tr("Also known as: {aliases}").format(aliases="; ".join(c.aliases)))
            return "\n".join(lines) or None
        return None

    def _display(self, c: CaseSummary, col: int) -> str:
        if col == 0:
            return c.case_number
        if col == 1:
            return c.display_name or self.tr("(no name yet)")
        if col == 2:
            return c.a_number
        if col == 3:
            return label(c.status)
        if col == 4:  # the date: the name keeps the room (the time is in the tooltip and read out)
            return c.updated_at.astimezone().strftime("%Y-%m-%d") if c.updated_at else ""
        return ""

    @staticmethod
    def _updated_in_full(c: CaseSummary) -> str:
        return c.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.updated_at else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0 and self.short_number_title:
                return translated("CaseListModel", SHORT_NUMBER)
            return translated("CaseListModel", HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return translated("CaseListModel", HEADERS[section])
        return None

    def set_short_number_title(self, short: bool) -> None:
        if short != self.short_number_title:
            self.short_number_title = short
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the store, on an index (searching: the matches stay best first)."""
        if 0 <= column < len(HEADERS) and (column, order) != self._sort:
            self._sort = (column, order)
            if not self.searching():
                self._ask(self._request())
