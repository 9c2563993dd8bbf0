"""Office ▸ Members…: the verified member list and the join requests waiting; an administrator or a supervisor
approves a request (or changes a member's role) after comparing its key id with the one the officer reads out.

Everything goes through storage.office.link on the store thread, exactly as `casefile office members|approve`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.errors import UserFacingError

if TYPE_CHECKING:
    from desktop.tasks import TaskManager
    from storage.office.status import MemberRow
    from storage.store import CaseStore


def read_members(store: CaseStore) -> tuple[list[MemberRow], bool]:
    """The member list, removed members and pending requests (from the office, verified), and whether this
    profile may approve and remove (storage.office.status.member_list, as `casefile office members`)."""
    from storage.office import link
    from storage.office.status import member_list

    backend = link.linked_backend(store)
    try:
        return member_list(store, backend)
    finally:
        backend.close()


class OfficeMembersDialog(QDialog):
    def __init__(self, parent: QWidget | None, tasks: TaskManager) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Office members"))
        self.rows: list[MemberRow] = []
        self.may_approve = False
        self.intro = QLabel(self.tr("Reading the member list from the office…"))
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Members and join requests"))
        self.table.setHorizontalHeaderLabels([self.tr("Key id"), self.tr("Officer id"), self.tr("Name"),
                                              self.tr("Role")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.role = QComboBox()
        self.role.addItem(self.tr("Officer"), "officer")
        self.role.addItem(self.tr("Supervisor"), "supervisor")
        role_label = QLabel(self.tr("&Role"))
        role_label.setBuddy(self.role)
        self.role.setAccessibleName(self.tr("Role"))
        self.approve_button = QPushButton(self.tr("&Approve with this role"))
        self.approve_button.setEnabled(False)
        self.approve_button.clicked.connect(self.approve)
        self.remove_button = QPushButton(self.tr("Re&move from the office…"))
        self.remove_button.setToolTip(self.tr("Its later pushes are refused and the office key is rotated for the "
                                              "others"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.ask_remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Result"))
        row = QHBoxLayout()
        row.addWidget(role_label)
        row.addWidget(self.role)
        row.addWidget(self.approve_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("C&lose"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.setMinimumSize(640, 360)

    def load(self) -> None:
        (self.tasks.run_op(parent=self, op=read_members)
         .success(self._on_loaded)
         .failure(self._on_failed))

    def _on_loaded(self, found: tuple[list[MemberRow], bool]) -> None:
        chosen = self.table.currentRow()
        keep = self.rows[chosen].member_id if 0 <= chosen < len(self.rows) else None
        self.rows, self.may_approve = found
        words = {"administrator": self.tr("Administrator"), "supervisor": self.tr("Supervisor"),
                 "officer": self.tr("Officer"), "pending": self.tr("Waiting for approval")}
        self.table.setRowCount(len(self.rows))
        for r, m in enumerate(self.rows):
            role = self.tr("Removed %1").replace("%1", m.since[:10]) if m.role == "removed" else \
                words.get(m.role, m.role)
            for c, text in enumerate((m.member_id, m.officer_id, m.name, role)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for column in (0, 1, 3):  # key ids, officer ids and roles whole ("Waiting for approval")
            self.table.resizeColumnToContents(column)
        again = next((r for r, m in enumerate(self.rows) if m.member_id == keep), -1)
        if again >= 0:  # the list came back in another order: the selection stays on the same member
            self.table.selectRow(again)
        waiting = sum(1 for m in self.rows if m.role == "pending")
        members = sum(1 for m in self.rows if m.role not in ("pending", "removed"))
        if self.may_approve:
            self.intro.setText(" ".join((
                self.tr("%n member(s),", "", members), self.tr("%n waiting for approval.", "", waiting),
                self.tr("Before approving, compare the key id with the one the officer reads out to you."))))
        else:
            self.intro.setText(self.tr("Only the office's administrator or a supervisor can approve members."))
        self._on_table_selection_changed()

    def _on_table_selection_changed(self) -> None:
        row = self.table.currentRow()
        chosen = self.rows[row] if 0 <= row < len(self.rows) else None
        self.approve_button.setEnabled(self.may_approve and chosen is not None
                                       and chosen.role not in ("administrator", "removed"))
        self.remove_button.setEnabled(self.may_approve and chosen is not None
                                      and chosen.role in ("officer", "supervisor"))

    def approve(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.rows)):
            return
        who, role = self.rows[row].member_id, str(self.role.currentData())

        def op(store: CaseStore) -> str:
            from storage.office import link
            from storage.office.roster import MemberRole

            backend = link.linked_backend(store)
            try:
                member = link.approve(store, backend, who, MemberRole(role))
            finally:
                backend.close()
            return f"{member.officer_id} ({member.member_id})"

        def done(text: str) -> None:
            self.message.setText(self.tr("Approved %1 as %2.").replace("%1", text).replace(
                "%2", self.role.currentText().lower()))
            self.load()

        self.approve_button.setEnabled(False)
        self.tasks.run_op(parent=self, op=op).success(done).failure(self._on_failed)

    def ask_remove(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.rows)):
            return
        chosen = self.rows[row]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove a member"),
                          self.tr("Remove %1 (%2) from the office?").replace("%1", chosen.officer_id)
                          .replace("%2", chosen.name), QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("The office refuses its pushes from now on and the office key is rotated for "
                                       "the others. What it sent before stays; its cases stay on its laptop."))
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self.remove(chosen.member_id) if box.clickedButton() is remove else None)
        self.remove_box = box
        box.open()

    def remove(self, who: str) -> None:
        def op(store: CaseStore) -> str:
            from storage.office import link

            backend = link.linked_backend(store)
            try:
                gone = link.remove(store, backend, who)
            finally:
                backend.close()
            return f"{gone.member.officer_id} ({gone.member.member_id})"

        def done(text: str) -> None:
            self.message.setText(self.tr("Removed %1; the office key was rotated for the others.").replace("%1", text))
            self.load()

        self.remove_button.setEnabled(False)
        self.tasks.run_op(parent=self, op=op).success(done).failure(self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._on_table_selection_changed()
        if isinstance(exc, UserFacingError):
            from desktop.errors import error_text

            self.message.setText(error_text(exc))  # in the window's language
        else:
            from desktop.errors import show_error

            show_error(self, exc)
