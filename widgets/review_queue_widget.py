"""The supervisor's review queue: submitted cases in a table, filtered by where they stand (waiting, returned,
decided), by the officer who submitted them and by how long they have waited — oldest first, as a supervisor
works through them.

Takes plain rows (any object with the attributes of `QueueRow`); the window fills it from the store. Which rows
are shown is casework.queue_filter's answer, the same `casefile queue` gives.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework.queue_filter import filter_queue


class QueueRow(Protocol):
    case_id: str
    case_number: str
    name: str
    status: object
    """A casework CaseStatus (its value: submitted, returned, concurred, nonconcurred)."""
    officer_id: str
    officer_name: str
    submitted_at: datetime | None
    decided_at: datetime | None
    stale: bool
    """The decision no longer matches the case (it changed after the review)."""


AGES = (0, 1, 3, 7, 30)
"""Days a case has waited since it was submitted, at least (0: any)."""


class ReviewQueueWidget(QWidget):
    value_changed = Signal(object)
    """The selected row (or None)."""
    activated = Signal(object)
    """A row was opened (Return or a double-click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._shown: list[QueueRow] = []
        self.now = datetime.now().astimezone
        self.show_filter = QComboBox()
        for text, key in ((self.tr("Waiting for review"), "submitted"), (self.tr("Returned"), "returned"),
                          (self.tr("Decided"), "decided"), (self.tr("All"), "all")):
            self.show_filter.addItem(text, key)
        self.officer_filter = QComboBox()
        self.age_filter = QComboBox()
        self.age_filter.addItem(self.tr("Any age"), 0)
        for days in AGES[1:]:
            self.age_filter.addItem(self.tr("Waiting %n day(s) or more", "", days), days)
        form = QFormLayout()
        for text, combo in ((self.tr("&Show"), self.show_filter), (self.tr("Su&bmitted by"), self.officer_filter),
                            (self.tr("A&ge"), self.age_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", ""))
            form.addRow(label, combo)
            combo.currentIndexChanged.connect(self._refilter)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Review queue"))
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Name"), self.tr("Submitted by"),
                                              self.tr("Waiting"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(lambda: self.value_changed.emit(self.value()))
        self.table.itemActivated.connect(lambda _item: self.activated.emit(self.value()))
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    # ----- contents ------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[QueueRow]) -> None:
        keep = self.value()
        self._rows = list(rows)
        officer = self.officer_filter.currentData()
        self.officer_filter.blockSignals(True)
        self.officer_filter.clear()
        self.officer_filter.addItem(self.tr("Any officer"), "")
        for officer_id in sorted({r.officer_id for r in rows}):
            name = next((r.officer_name for r in rows if r.officer_id == officer_id and r.officer_name), "")
            self.officer_filter.addItem(f"{officer_id} — {name}" if name else officer_id, officer_id)
        self.officer_filter.setCurrentIndex(max(0, self.officer_filter.findData(officer or "")))
        self.officer_filter.blockSignals(False)
        self._refilter()
        if keep is not None:
            self.select(keep.case_id)

    def value(self) -> QueueRow | None:
        row = self.table.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) and self.table.selectedItems() else None

    def select(self, case_id: str) -> bool:
        for i, r in enumerate(self._shown):
            if r.case_id == case_id:
                self.table.selectRow(i)
                return True
        return False

    def shown(self) -> list[QueueRow]:
        return list(self._shown)

    def _refilter(self) -> None:
        now = self.now()
        self._shown = filter_queue(self._rows, now=now, show=self.show_filter.currentData(),
                                   officer=self.officer_filter.currentData() or "",
                                   min_days=int(self.age_filter.currentData() or 0))
        words = {"submitted": self.tr("Waiting"), "returned": self.tr("Returned"),
                 "concurred": self.tr("Concurred"), "nonconcurred": self.tr("Non-concurred")}
        self.table.setRowCount(len(self._shown))
        for i, r in enumerate(self._shown):
            waited = self._age(now - r.submitted_at) if r.submitted_at else ""
            status = str(getattr(r.status, "value", r.status))
            state = words.get(status, status) + (self.tr(" — stale") if r.stale else "")
            for c, text in enumerate((r.case_number, r.name or self.tr("(no name yet)"),
                                      f"{r.officer_id} — {r.officer_name}" if r.officer_name else r.officer_id,
                                      waited, state)):
                item = QTableWidgetItem(text)
                if c == 4 and r.stale:
                    item.setToolTip(self.tr("The case changed after this decision: it no longer counts for the "
                                            "content shown"))
                if c == 3 and r.submitted_at:
                    item.setToolTip(self.tr("Submitted %1").replace(
                        "%1", r.submitted_at.astimezone().strftime("%Y-%m-%d %H:%M")))
                self.table.setItem(i, c, item)
        self.count.setText(self.tr("%1 of %n submitted case(s)", "", len(self._rows)).replace(
            "%1", str(len(self._shown))))
        if self._shown and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0, self.table.selectionModel().SelectionFlag.ClearAndSelect
                                      | self.table.selectionModel().SelectionFlag.Rows)
        self.value_changed.emit(self.value())

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _age(self, waited: timedelta) -> str:
        if waited < timedelta(0):  # stamped by a laptop whose clock runs ahead of this one's
            return self.tr("clock ahead")
        if waited.days >= 1:
            return self.tr("%n day(s)", "", waited.days)
        hours = int(waited.total_seconds() // 3600)
        return self.tr("%n hour(s)", "", hours) if hours else self.tr("under an hour")
