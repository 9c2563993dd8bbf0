"""A case's History: its audit entries, its saved revisions, and whether the audit log checks out.

What an officer or a supervisor asks of a record: who did what to it, when, on which laptop — and can that
list be trusted. Entries come from the hash-chained audit log (storage.audit) and hold no case text: an edit
names the fields changed, never their values. The whole chain and its signed head are verified each time the
view loads (on the store thread); entries from the first bad one on are marked. An action this view does not
know by name (a new kind of sync event, say) is shown by its code, so new events appear without a change
here. The view reloads when the store records something about the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.base import AppDialog

if TYPE_CHECKING:
    from desktop.tasks import TaskManager
    from storage.audit import AuditEntry, ChainCheck
    from storage.store import CaseStore, Changes


@dataclass(frozen=True, slots=True)
class CaseHistory:
    entries: list[AuditEntry]
    revisions: list[tuple[int, str]]
    check: ChainCheck


def load_history(store: CaseStore, case_id: str) -> CaseHistory:
    """On the store thread: the case's entries and revisions, and the whole audit log verified."""
    return CaseHistory(store.audit_entries(case_id), store.revision_times(case_id), store.verify_audit())


def local_time(iso: str) -> str:
    """A stored UTC time shown in the laptop's zone, with its offset from UTC (to the second)."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is None:
        return iso
    local = when.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} UTC{offset[:3]}:{offset[3:]}"


_DETAIL_PREFIX = re.compile(r"(?:revision (\d+)(?: as office revision (\d+))?|as office revision (\d+))"
                            r"(; fields: (none$)?)?")
"""The structured start of an audit detail (storage.store writes it): translated; what follows is kept as is."""


class HistoryDialog(AppDialog):
    ENTRY_COLUMNS = 6
    REVISION_COLUMNS = 2

    def __init__(self, parent: QWidget | None, tasks: TaskManager, case_id: str, case_number: str) -> None:
        super().__init__(parent, "")
        self.setWindowTitle(self.tr("History of case %1").replace("%1", case_number))
        self.tasks = tasks
        self.case_id = case_id
        self.history: CaseHistory | None = None
        self.verification = QLabel(self.tr("Checking the audit log…"))
        self.verification.setWordWrap(True)
        self.verification.setTextFormat(Qt.TextFormat.PlainText)
        self.verification.setAccessibleName(self.tr("Audit log check"))
        self.verification.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verification.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.entries = self._table(self.tr("Audit entries"), [
            self.tr("#"), self.tr("Time"), self.tr("Officer"), self.tr("Device"), self.tr("Action"),
            self.tr("Details (fields changed, never their values)")])
        self.revisions = self._table(self.tr("Revisions"), [self.tr("Revision"), self.tr("Saved")])
        entries_label = QLabel(self.tr("&Entries"))
        entries_label.setBuddy(self.entries)
        revisions_label = QLabel(self.tr("&Revisions"))
        revisions_label.setBuddy(self.revisions)
        top, bottom = QWidget(), QWidget()
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(entries_label)
        top_layout.addWidget(self.entries, 1)
        bottom_layout.addWidget(revisions_label)
        bottom_layout.addWidget(self.revisions, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verification)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        self.resize(960, 600)
        tasks.store_changed.connect(self._on_store_changed)
        self.reload()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # ----- loading -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        case_id = self.case_id
        (self.tasks.run_op(parent=self, op=lambda store: load_history(store, case_id))
         .success(self.show_history)
         .failure(self._failed))

    def _on_store_changed(self, changes: Changes) -> None:
        if self.isVisible() and changes.audit and (not changes.case_ids or self.case_id in changes.case_ids):
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.verification.setText(self.tr("The history could not be read: %1").replace("%1", str(exc)))

    def show_history(self, history: CaseHistory) -> None:
        self.history = history
        check = history.check
        style = self.style()
        if check.ok:
            self.verification.setText(self.tr("Audit log verified: every entry's hash chain and the signed head "
                                              "check out (%1 entries in the whole log).")
                                      .replace("%1", str(check.entries)))
        else:
            self.verification.setText(self.tr("The audit log failed its check: %1. Entries from number %2 on "
                                              "cannot be trusted (marked). Tell office IT.")
                                      .replace("%1", check.message).replace("%2", str(check.first_bad)))
        self.verification.setAccessibleDescription(self.verification.text())
        warn = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.entries.setRowCount(len(history.entries))
        for row, e in enumerate(reversed(history.entries)):  # newest first
            suspect = check.first_bad is not None and e.seq >= check.first_bad
            cells = [str(e.seq), local_time(e.at), e.actor, e.device, self.action_label(e.action),
                     self.detail_text(e.detail)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(e.at)  # as stored, in UTC
                if column == 0 and suspect:
                    item.setIcon(warn)
                    item.setToolTip(self.tr("After the first entry that fails the audit log's check"))
                self.entries.setItem(row, column, item)
        self.revisions.setRowCount(len(history.revisions))
        for row, (number, saved_at) in enumerate(reversed(history.revisions)):
            self.revisions.setItem(row, 0, QTableWidgetItem(str(number)))
            item = QTableWidgetItem(local_time(saved_at))
            item.setToolTip(saved_at)
            self.revisions.setItem(row, 1, item)
        first = not any(t.currentIndex().isValid() for t in (self.entries, self.revisions))
        for table in (self.entries, self.revisions):
            if table.rowCount() and not table.currentIndex().isValid():
                table.setCurrentCell(0, 0)
        if first:
            self.entries.setFocus()  # the list is what one reads first (the check above it is one Shift+Tab away)

    def detail_text(self, detail: str) -> str:
        """An entry's detail as recorded (English, the record), the words of the prefix the store writes in the
        window's language — "revision 2; fields: subject.family_name" → "revisión 2; campos: subject.family_name",
        "revision 3 as office revision 7" — and everything after it (a file name, a reason) exactly as stored."""
        found = _DETAIL_PREFIX.match(detail)
        if found is None:
            return detail
        revision, office, office_only, fields, none = found.groups()
        # Each tr() on its own, outside the f-strings: the catalogue's extractor does not look inside them.
        revision_word = self.tr("revision")
        office_words = self.tr("as office revision")
        fields_word = self.tr("fields:")
        shown = f"{revision_word} {revision}" if revision else ""
        if office or office_only:
            shown += (" " if shown else "") + f"{office_words} {office or office_only}"
        if fields is not None:
            shown += f"; {fields_word} " + (self.tr("none") if none else "")
        return shown + detail[found.end():]

    def action_label(self, action: str) -> str:
        """The action in words; one not known here (a new kind of event) by its code, made readable."""
        known = {
            "case_created": self.tr("Created"), "case_edited": self.tr("Edited"), "case_viewed": self.tr("Viewed"),
            "case_submitted": self.tr("Submitted for review"), "case_concurred": self.tr("Concurred"),
            "case_returned": self.tr("Returned for changes"), "case_nonconcurred": self.tr("Non-concurred"),
            "case_reopened": self.tr("Reopened for editing"), "memo_printed": self.tr("Memo printed or saved"),
            "memo_disclosed": self.tr("Copy for a recipient"), "case_exported": self.tr("Exported"),
            "case_imported": self.tr("Imported"), "case_bundled": self.tr("Sent for review"),
            "case_received_for_review": self.tr("Received for review"), "case_deleted": self.tr("Deleted"),
            "case_synced": self.tr("Synced with the office"), "case_pushed": self.tr("Sent to the office"),
            "sync_conflict": self.tr("Sync conflict"), "sync_rejected": self.tr("Sync refused"),
            "conflict_resolved": self.tr("Sync conflict resolved"),
        }
        return known.get(action) or action.replace("_", " ").capitalize()
