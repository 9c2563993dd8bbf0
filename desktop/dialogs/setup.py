"""First run: who the officer is, and the passphrase that protects the new store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from casework.model import Officer, Role
from casework.passphrase import officer_words, passphrase_problem
from casework.validation import check_officer_id, check_officer_name
from desktop.dialogs.base import AppDialog, ValidationError
from widgets.common import ok_cancel_buttons
from widgets.passphrase_edit import PassphraseEdit
from widgets.translated import tr_message, translated

Creator = Callable[[Officer, str], None]

ROLE_CHOICES = ((Role.OFFICER, QT_TRANSLATE_NOOP("ProfileSetupDialog", "Field officer")),
                (Role.SUPERVISOR, QT_TRANSLATE_NOOP("ProfileSetupDialog", "Supervisor")))
"""What the profile is for: an officer records and submits cases; a supervisor also reviews other officers'
submissions. Set once, here (the store records it with the profile)."""


class ProfileSetupDialog(AppDialog):
    """Collects the profile; `create(officer, passphrase)` must start the work and later call done()/failed().

    The profile's role is `role()`; the caller passes it on to the create op.
    """

    def __init__(self, parent: QWidget | None, data_dir: str, create: Creator) -> None:
        super().__init__(parent, self.tr("Set up Casefile"))
        self._create = create
        intro = QLabel(self.tr(
            "Casefile keeps your case files encrypted on this computer. Enter your details and choose a "
            "passphrase. Your store will be created in:\n{folder}\n\n"
            "There is no way to recover the cases without the passphrase, so choose one you will remember."
        ).format(folder=data_dir))
        intro.setWordWrap(True)
        self.officer_name = QLineEdit()
        self.officer_id = QLineEdit()
        self.office = QLineEdit()
        self.role_combo = QComboBox()
        for role, text in ROLE_CHOICES:
            shown = translated("ProfileSetupDialog", text)
            self.role_combo.addItem(shown, role.value)
        self.role_combo.setToolTip(self.tr("A field officer records and submits cases; a supervisor also reviews "
                                           "the cases other officers submit."))
        self.passphrase = PassphraseEdit()
        self.repeat = PassphraseEdit(meter=False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Creating the store"))
        keep = self.progress.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # its room is kept: showing it while creating squeezes no field
        self.progress.setSizePolicy(keep)
        self.progress.hide()
        form = QFormLayout()
        for text, w in ((self.tr("Officer &name"), self.officer_name), (self.tr("Officer &ID"), self.officer_id),
                        (self.tr("&Office"), self.office), (self.tr("Ro&le"), self.role_combo),
                        (self.tr("&Passphrase"), self.passphrase), (self.tr("&Repeat passphrase"), self.repeat)):
            self.add_row(form, text, w)
        self.buttons = ok_cancel_buttons(self.tr("Create store"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)  # room left by a cleared error goes here, not into a field's row
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.officer_name.textChanged.connect(self._on_identity_changed)
        self.officer_id.textChanged.connect(self._on_identity_changed)
        self.setMinimumWidth(520)

    def _on_identity_changed(self, _text: str) -> None:
        self.passphrase.set_context(officer_words(self.officer_name.text(), self.officer_id.text()))

    def officer(self) -> Officer:
        return Officer(self.officer_name.text().strip(), self.officer_id.text().strip(), self.office.text().strip())

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def check(self) -> None:
        for w, message in ((self.officer_name, self.tr("Enter your name.")),
                           (self.officer_id, self.tr("Enter your officer ID.")),
                           (self.office, self.tr("Enter your office."))):
            if not w.text().strip():
                raise ValidationError(w, message)
        if problem := check_officer_name(self.officer_name.text().strip()):
            raise ValidationError(self.officer_name, tr_message(problem))
        if problem := check_officer_id(self.officer_id.text().strip()):
            raise ValidationError(self.officer_id, tr_message(problem))
        from printing.fonts import missing_glyphs  # every memo prints these: a profile must be able to print

        for w in (self.officer_name, self.officer_id, self.office):
            if missing := missing_glyphs(w.text().strip()):
                raise ValidationError(w, self.tr("Memos cannot print %1; type it with letters the memo's font has.")
                                      .replace("%1", " ".join(missing)))
        problem = passphrase_problem(self.passphrase.value(), officer_words(self.officer_name.text(),
                                                                            self.officer_id.text()))
        if problem:
            raise ValidationError(self.passphrase, tr_message(problem))
        if self.repeat.value() != self.passphrase.value():
            raise ValidationError(self.repeat, self.tr("The two passphrases differ."))

    def save(self) -> None:
        self._set_busy(True)
        self._create(self.officer(), self.passphrase.value())

    def done_creating(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self._set_busy(False)
        self.finish()

    def failed(self, message: str) -> None:
        self._set_busy(False)
        self._errors[self.passphrase].show_error(message)
        self.grow_to_fit()  # the dialog grows for the message; the fields keep their size

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        for w in (self.officer_name, self.officer_id, self.office, self.role_combo, self.passphrase, self.repeat,
                  self.buttons):
            w.setEnabled(not busy)
