"""Office ▸ Settings… and Office ▸ Join…: where the office is (a shared folder or a PostgreSQL database), a
connection test with a specific answer, this profile's link and key id, and joining or creating the office.

The connection test runs on a thread of its own (storage.office.probe); joining and creating run on the store
thread (storage.office.link, as `casefile office join|init` do). The DSN is kept only in the encrypted store
(the office link), never in the settings file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casework.i18n import message_of
from desktop.sync_worker import OffThread
from storage.errors import UserFacingError
from widgets.common import grow_to_fit
from widgets.translated import tr_message

if TYPE_CHECKING:
    from desktop.tasks import TaskManager
    from storage.office.probe import ProbeResult
    from storage.office.status import LinkStatus
    from storage.store import CaseStore

DEFAULT_SCHEMA = "casefile_office"


class OfficeSettingsDialog(QDialog):
    """`status` is this profile's link (storage.office.status); `can_create`: a supervisor profile."""

    def __init__(self, parent: QWidget | None, tasks: TaskManager, status: LinkStatus, *, can_create: bool,
                 joining: bool = False) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.status = status
        self.on_linked: Callable[[], object] | None = None
        """Called after joining or creating, so the window refreshes its Office menu."""
        self.last_result: ProbeResult | None = None
        self.setWindowTitle(self.tr("Join an office") if joining and not status.linked else self.tr("Office settings"))
        self._test: OffThread | None = None
        self.linked_text = QLabel()
        self.linked_text.setWordWrap(True)
        self.linked_text.setTextFormat(Qt.TextFormat.PlainText)
        self.linked_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.linked_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.linked_text.setAccessibleName(self.tr("Link to the office"))

        self.where = QGroupBox(self.tr("Where the office is"))
        self.folder_radio = QRadioButton(self.tr("A shared &folder (network share or USB drive)"))
        self.pg_radio = QRadioButton(self.tr("A Post&greSQL database"))
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.folder_radio)
        self.kind.addButton(self.pg_radio)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("/mnt/office-share/casefile"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.dsn = QLineEdit()
        self.dsn.setPlaceholderText("host=office-db.example port=5432 dbname=casefile user=… sslmode=verify-full")
        self.schema = QLineEdit()
        self.schema.setPlaceholderText(DEFAULT_SCHEMA)  # empty means the default: typing never appends to it
        form = QFormLayout()
        folder_label = QLabel(self.tr("F&older"))
        folder_label.setBuddy(self.folder)
        self.folder.setAccessibleName(self.tr("Folder"))
        form.addRow(folder_label, folder_row)
        dsn_label = QLabel(self.tr("&Connection string (DSN)"))
        dsn_label.setBuddy(self.dsn)
        self.dsn.setAccessibleName(self.tr("Connection string (DSN)"))
        form.addRow(dsn_label, self.dsn)
        schema_label = QLabel(self.tr("Sc&hema"))
        schema_label.setBuddy(self.schema)
        self.schema.setAccessibleName(self.tr("Schema"))
        form.addRow(schema_label, self.schema)
        box = QVBoxLayout(self.where)
        box.addWidget(self.folder_radio)
        box.addWidget(self.pg_radio)
        box.addLayout(form)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setAccessibleName(self.tr("Connection test result"))
        self.buttons = QDialogButtonBox()
        self.join_button = self.buttons.addButton(self.tr("&Ask to join"), QDialogButtonBox.ButtonRole.ActionRole)
        self.join_button.setToolTip(self.tr("Send this profile's public key to the office; an administrator or a "
                                            "supervisor approves it"))
        self.create_button = self.buttons.addButton(self.tr("Create a &new office here"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.setToolTip(self.tr("This supervisor profile becomes the office's administrator"))
        self.create_button.setVisible(can_create)
        self.move_button = self.buttons.addButton(self.tr("&Move the link here"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.move_button.setToolTip(self.tr("The office moved (another drive letter, share or database host): "
                                            "link this profile to it there. Only the same office is accepted."))
        self.move_button.hide()
        self.move_button.clicked.connect(self.move_link)
        self.close_button = self.buttons.addButton(self.tr("C&lose"), QDialogButtonBox.ButtonRole.RejectRole)
        self.join_button.clicked.connect(lambda: self._link("join"))
        self.create_button.clicked.connect(lambda: self._link("init"))
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.linked_text)
        layout.addWidget(self.where)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for field in (self.folder, self.dsn, self.schema):
            field.textEdited.connect(self._on_place_edited)
        self.folder_radio.toggled.connect(self._on_kind_toggled)
        self.folder_radio.setChecked(True)
        self.setMinimumWidth(620)
        self.show_status(status)
        if joining and not status.linked:
            self.folder.setFocus()

    # ----- state ---------------------------------------------------------------------------------------------

    def show_status(self, status: LinkStatus) -> None:
        self.status = status
        if status.linked:
            role = {"administrator": self.tr("administrator"), "supervisor": self.tr("supervisor"),
                    "officer": self.tr("officer")}.get(status.role, self.tr("waiting for approval"))
            kind = self.tr("shared folder") if status.backend == "folder" else "PostgreSQL"
            self.linked_text.setText(
                self.tr("Linked to office %1 (%2: %3).").replace("%1", status.office_id[:8]).replace("%2", kind)
                .replace("%3", status.where) + "\n"
                + self.tr("This profile's key id: %1 — role: %2.").replace("%1", status.member_id)
                .replace("%2", role) + "\n"
                + self.tr("%n case(s) to send;", "", status.to_push) + " "
                + self.tr("%n with a conflict to resolve.", "", status.conflicts))
            # the link above says where; the fields below are for a move (the office's share or host changed)
            self.where.setTitle(self.tr("Where the office is now, if it moved"))
            if status.backend == "folder":
                self.folder_radio.setChecked(True)
                if not self.folder.text():
                    self.folder.setText(status.where)
            else:
                self.pg_radio.setChecked(True)  # the DSN is not shown again: it may hold a password
                if status.schema:
                    self.schema.setText(status.schema)  # a move keeps the schema unless told otherwise
                self.dsn.setPlaceholderText(self.tr("the new connection string; without a user and password, "
                                                    "this profile's own are kept"))
            self.join_button.hide()
            self.create_button.hide()
            self.move_button.show()
            self.test_button.setText(self.tr("&Test connection to the office"))
        else:
            self.linked_text.setText(
                self.tr("Not linked to an office yet. This profile's key id is %1: read it out to the "
                        "administrator or supervisor who approves it.").replace("%1", status.member_id))
        grow_to_fit(self)  # the link's three lines after joining squash no field

    def _on_kind_toggled(self, folder: bool) -> None:
        self.folder.setEnabled(folder)
        self.browse.setEnabled(folder)
        self.dsn.setEnabled(not folder)
        self.schema.setEnabled(not folder)
        self.result.clear()

    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("The office folder"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.folder.setText)
        self.browse_dialog = dialog
        dialog.open()

    def place(self) -> tuple[Path | None, str | None, str] | None:
        """(folder, dsn, schema) as entered; None (and the reason shown) when nothing usable was entered."""
        if self.folder_radio.isChecked():
            text = self.folder.text().strip()
            if not text:
                self._say(self.tr("Enter the office folder first."), False)
                self.folder.setFocus()
                return None
            # the link keeps it as given: a relative folder would be looked for from wherever Casefile runs next
            return Path(os.path.abspath(Path(text).expanduser())), None, DEFAULT_SCHEMA
        dsn = self.dsn.text().strip()
        if not dsn:
            self._say(self.tr("Enter the connection string (DSN) first."), False)
            self.dsn.setFocus()
            return None
        return None, dsn, self.schema.text().strip() or DEFAULT_SCHEMA

    def _say(self, text: str, ok: bool | None) -> None:
        if dsn := self.dsn.text().strip():  # whatever reported it, the password typed is never shown back
            from storage.office.dsn import without_secrets

            text = without_secrets(text, dsn)
        mark = "" if ok is None else ("✔ " if ok else "✖ ")
        self.result.setText(mark + text)
        self.result.setStyleSheet("" if ok is None else ("color: #1e6b2a;" if ok else "color: #a4161a;"))
        grow_to_fit(self)  # the dialog grows for a long answer; the fields above keep their height

    def _on_place_edited(self, _text: str) -> None:
        """A refusal is about what was entered: it goes once that changes (the fix is being typed)."""
        if self.result.text().startswith("✖"):
            self._say("", None)

    # ----- the connection test, on a thread of its own ----------------------------------------------------------

    def _entered(self) -> bool:
        return bool((self.folder if self.folder_radio.isChecked() else self.dsn).text().strip())

    def test_connection(self) -> None:
        """Test the place entered; when linked and nothing is entered, the office the link points at."""
        if self.status.linked and not self._entered():
            from storage.office.probe import probe_link

            def read(store: CaseStore) -> tuple[str, str]:
                from storage.office.link import require_link

                found = require_link(store)
                return found.backend, found.location

            self._testing()
            (self.tasks.run_op(parent=self, op=read)
             .success(lambda where: self._start_test(probe_link, *where))
             .failure(lambda exc: self._on_tested(None, exc)))
            return
        place = self.place()
        if place is None:
            return
        from storage.office.probe import probe_folder, probe_postgres

        folder, dsn, schema = place
        self._testing()
        if folder is not None:
            self._start_test(probe_folder, folder)
        else:
            self._start_test(probe_postgres, dsn, schema)

    def _testing(self) -> None:
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing the connection…"), None)

    def _start_test(self, fn: Callable[..., ProbeResult], *args: object) -> None:
        self._test = OffThread(fn, *args, parent=self)
        self._test.done.connect(self._on_tested)

    def _on_tested(self, result: ProbeResult | None, error: BaseException | None) -> None:
        self.test_button.setEnabled(True)
        if result is None:
            self._say(tr_message(message_of(error)) if isinstance(error, UserFacingError) else
                      self.tr("The test failed: %1").replace("%1", str(error)), False)
            return
        self._say(tr_message(result.message), result.ok)
        self.last_result = result

    # ----- move the link, on the store thread (storage.office.link.move_link) ------------------------------------

    def move_link(self) -> None:
        place = self.place()
        if place is None:
            return
        folder, dsn, schema = place

        def op(store: CaseStore) -> str:
            from storage.office import link

            backend = link.open_backend(folder=folder, dsn=dsn, schema=schema)
            try:
                return link.move_link(store, backend)
            finally:
                backend.close()

        def done(where: str) -> None:
            self.move_button.setEnabled(True)
            self.dsn.clear()  # it may hold a password: kept in the encrypted store only, never left on screen
            self._say(self.tr("Same office: the link now points at %1.").replace("%1", where), True)
            from storage.office.status import link_status

            self.tasks.run_op(parent=self, op=link_status).success(self.show_status)
            if self.on_linked is not None:
                self.on_linked()

        def failed(exc: BaseException) -> None:
            self.move_button.setEnabled(True)
            if isinstance(exc, UserFacingError):
                self._say(self.tr("Not moved: %1").replace("%1", str(exc)), False)
            else:
                from desktop.errors import show_error

                self._say(self.tr("Not moved: something went wrong (see the details)."), False)
                show_error(self, exc)

        self.move_button.setEnabled(False)
        self._say(self.tr("Checking that it is the same office…"), None)
        self.tasks.run_op(parent=self, op=op).success(done).failure(failed)

    # ----- join or create, on the store thread -----------------------------------------------------------------

    def _link(self, how: str) -> None:
        place = self.place()
        if place is None:
            return
        folder, dsn, schema = place

        def op(store: CaseStore) -> tuple[str, str]:
            from storage.office import link
            from storage.office.roster import member_id_of

            backend = link.open_backend(folder=folder, dsn=dsn, schema=schema)
            try:
                roster = link.init_office(store, backend) if how == "init" else link.join_office(store, backend)
            finally:
                backend.close()
            founder = roster.member(roster.signed_by) if roster.version == 1 else None
            founder_id = member_id_of(link.require_link(store).founder_key)
            return roster.office_id, founder_id + (f" ({founder.officer_id})" if founder else "")

        def done(found: tuple[str, str]) -> None:
            office_id, founder = found
            self.dsn.clear()  # it may hold a password: kept in the encrypted store only, never left on screen
            self.join_button.setEnabled(True)
            self.create_button.setEnabled(True)
            if how == "init":
                self._say(self.tr("Created office %1. This profile is its administrator.").replace(
                    "%1", office_id[:8]), True)
            else:
                self._say(self.tr("Asked to join office %1. Read your key id %2 out to the approver. The office's "
                                  "founder key is %3: compare it with the administrator's before trusting the "
                                  "office.").replace("%1", office_id[:8]).replace("%2", self.status.member_id)
                          .replace("%3", founder), True)
            from storage.office.status import link_status

            self.tasks.run_op(parent=self, op=link_status).success(self.show_status)  # now linked: say so
            if self.on_linked is not None:
                self.on_linked()

        def failed(exc: BaseException) -> None:
            self.join_button.setEnabled(True)
            self.create_button.setEnabled(True)
            if isinstance(exc, UserFacingError):
                self._say(str(exc), False)
            else:
                from desktop.errors import show_error

                self._say(self.tr("Not linked: something went wrong (see the details)."), False)
                show_error(self, exc)

        self.join_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self._say(self.tr("Creating the office…") if how == "init" else self.tr("Sending the join request…"), None)
        self.tasks.run_op(parent=self, op=op).success(done).failure(failed)
