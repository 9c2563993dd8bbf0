"""Preferences: the auto-lock delay, the memo's lines and paper, the language (UI settings, no case data)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop import settings as S
from desktop.dialogs.base import AppDialog, ValidationError
from widgets.common import ok_cancel_buttons
from widgets.translated import translated


class PreferencesDialog(AppDialog):
    def __init__(self, parent: QWidget | None, settings: QSettings) -> None:
        super().__init__(parent, self.tr("Preferences"))
        self.settings = settings
        self.autolock = QSpinBox()
        self.autolock.setRange(*S.AUTOLOCK_RANGE)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.agency = QLineEdit()
        self.handling = QLineEdit()
        self.memo_for = QLineEdit()
        self.through = QLineEdit()
        self.paper = QComboBox()
        for key, name in S.PAPER_SIZES.items():
            self.paper.addItem(translated("PreferencesDialog", name), key)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setToolTip(self.tr("Takes effect the next time Casefile starts."))
        form = QFormLayout()
        self.add_row(form, self.tr("&Lock after no input for"), self.autolock)
        self.add_row(form, self.tr("Memo &agency line"), self.agency)
        self.add_row(form, self.tr("Memo &handling line"), self.handling)
        self.add_row(form, self.tr("Memorandum &for"), self.memo_for)
        self.add_row(form, self.tr("&Through"), self.through)
        self.add_row(form, self.tr("&Paper"), self.paper)
        self.add_row(form, self.tr("Lan&guage"), self.language)
        self.language.setAccessibleDescription(self.language.toolTip())
        self.spanish_copy = QCheckBox(self.tr("Also p&rint a Spanish copy of each memo"))
        self.spanish_copy.setToolTip(self.tr("After the English original, which stays the sealed record; the copy "
                                             "is marked as a translation on every page and is not sealed."))
        self.spanish_copy.setAccessibleDescription(self.spanish_copy.toolTip())
        form.addRow("", self.spanish_copy)
        self.auto_sync = QCheckBox(self.tr("Sync &with the office by itself when it is reachable"))
        self.auto_sync.setToolTip(self.tr("Every few minutes, never while a change is being saved"))
        form.addRow("", self.auto_sync)
        for box in (self.spanish_copy, self.auto_sync):  # a check box's text is never cut: the dialog widens
            box.setMinimumWidth(box.sizeHint().width())
        self.buttons = ok_cancel_buttons(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(460, layout.minimumSize().width()))  # never narrower than its longest line
        self.load()

    def load(self) -> None:
        self.autolock.setValue(S.SECURITY_AUTOLOCK_MINUTES.get(self.settings))
        self.agency.setText(S.PRINT_AGENCY.get(self.settings))
        self.handling.setText(S.PRINT_HANDLING.get(self.settings))
        self.memo_for.setText(S.PRINT_MEMO_FOR.get(self.settings))
        self.through.setText(S.PRINT_THROUGH.get(self.settings))
        self.paper.setCurrentIndex(max(0, self.paper.findData(S.PRINT_PAPER.get(self.settings))))
        self.language.setCurrentIndex(max(0, self.language.findData(S.UI_LANGUAGE.get(self.settings))))
        self.auto_sync.setChecked(S.OFFICE_AUTO_SYNC.get(self.settings))
        self.spanish_copy.setChecked(S.PRINT_TRANSLATED_COPY.get(self.settings) == "es")

    def check(self) -> None:
        if not self.agency.text().strip():
            raise ValidationError(self.agency, self.tr("The memo needs an agency line."))
        if not self.handling.text().strip():
            raise ValidationError(self.handling, self.tr("Every memo page carries a handling line; enter one."))
        if not self.memo_for.text().strip():
            raise ValidationError(self.memo_for, self.tr("Say whom the memorandum is for (for example the field "
                                                         "office director)."))

    def save(self) -> None:
        S.SECURITY_AUTOLOCK_MINUTES.set(self.settings, self.autolock.value())
        S.PRINT_AGENCY.set(self.settings, self.agency.text().strip())
        S.PRINT_HANDLING.set(self.settings, self.handling.text().strip())
        S.PRINT_MEMO_FOR.set(self.settings, self.memo_for.text().strip())
        S.PRINT_THROUGH.set(self.settings, self.through.text().strip())
        S.PRINT_PAPER.set(self.settings, str(self.paper.currentData()))
        S.UI_LANGUAGE.set(self.settings, str(self.language.currentData()))
        S.OFFICE_AUTO_SYNC.set(self.settings, self.auto_sync.isChecked())
        S.PRINT_TRANSLATED_COPY.set(self.settings, "es" if self.spanish_copy.isChecked() else "")
        self.settings.sync()
        self.finish()
