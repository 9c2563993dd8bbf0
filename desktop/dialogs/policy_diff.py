"""What changed between two policy versions (casework.policy_diff), and — for a draft assessed under the older
one — re-assessing it under the newer one: answers whose question is unchanged carry over, the others are
marked for the officer (casework.reassess)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casework.policy import Policy, PolicyLibrary
from casework.policy_diff import Change, diff
from casework.policy_translation import overlay
from desktop import i18n
from desktop.dialogs.base import AppDialog
from widgets.translated import tr_message, translated

AREA_ORDER = ("policy", "windows", "category", "prong", "cutoff", "question", "option", "factor kind", "factor",
              "never-factor", "record", "determination", "section", "wording")
AREA_NAMES = {
    "policy": QT_TRANSLATE_NOOP("PolicyDiffDialog", "policy"),
    "windows": QT_TRANSLATE_NOOP("PolicyDiffDialog", "windows"),
    "category": QT_TRANSLATE_NOOP("PolicyDiffDialog", "category"),
    "prong": QT_TRANSLATE_NOOP("PolicyDiffDialog", "prong"),
    "cutoff": QT_TRANSLATE_NOOP("PolicyDiffDialog", "cutoff"),
    "question": QT_TRANSLATE_NOOP("PolicyDiffDialog", "question"),
    "option": QT_TRANSLATE_NOOP("PolicyDiffDialog", "option"),
    "factor kind": QT_TRANSLATE_NOOP("PolicyDiffDialog", "factor kind"),
    "factor": QT_TRANSLATE_NOOP("PolicyDiffDialog", "factor"),
    "never-factor": QT_TRANSLATE_NOOP("PolicyDiffDialog", "never-factor"),
    "record": QT_TRANSLATE_NOOP("PolicyDiffDialog", "record"),
    "determination": QT_TRANSLATE_NOOP("PolicyDiffDialog", "determination"),
    "section": QT_TRANSLATE_NOOP("PolicyDiffDialog", "section"),
    "wording": QT_TRANSLATE_NOOP("PolicyDiffDialog", "wording"),
}
"""The area headings as the window shows them (casework.policy_diff names them in English)."""
CHANGE_WORDS = {
    "added": QT_TRANSLATE_NOOP("PolicyDiffDialog", "added"),
    "removed": QT_TRANSLATE_NOOP("PolicyDiffDialog", "removed"),
    "reworded": QT_TRANSLATE_NOOP("PolicyDiffDialog", "reworded"),
    "changed": QT_TRANSLATE_NOOP("PolicyDiffDialog", "changed"),
}
"""What happened to each item (its details are translated, the policy's words they quote stay the English
original, the authoritative text)."""


def describe(changes: list[Change]) -> str:
    """The changes as a person reads them: grouped by what they are about, one line each."""
    if not changes:
        return QCoreApplication.translate("PolicyDiffDialog", "No differences.")
    lines: list[str] = []
    for area in sorted({c.area for c in changes}, key=lambda a: (AREA_ORDER.index(a) if a in AREA_ORDER else 99, a)):
        heading = translated("PolicyDiffDialog", AREA_NAMES.get(area, area))
        lines.append(f"{heading[:1].upper()}{heading[1:]}:")
        lines += [f"  • {c.id} {translated('PolicyDiffDialog', CHANGE_WORDS.get(c.change, c.change))}"
                  + (f": {tr_message(c.detail)}" if c.detail else "") for c in changes if c.area == area]
    return "\n".join(lines)


class PolicyDiffDialog(AppDialog):
    def __init__(self, parent: QWidget | None, library: PolicyLibrary, *, old: Policy | None = None,
                 reassess: Callable[[Policy], None] | None = None) -> None:
        super().__init__(parent, self.tr("Re-assess under another policy version") if reassess
                         else self.tr("Compare policy versions"))
        self._reassess = reassess
        policies = sorted(library.all(), key=lambda p: (p.effective, p.version))
        self.old = QComboBox()
        self.new = QComboBox()
        for p in policies:
            name = f"{overlay(p, i18n.current_language()).policy.title} ({p.version})"  # the title as the form shows it
            self.old.addItem(name, p)
            self.new.addItem(name, p)
        first = old or policies[0]
        self.old.setCurrentIndex(policies.index(first))
        self.new.setCurrentIndex(next((i for i, p in enumerate(policies) if p.key != first.key), 0))
        self.old.setEnabled(reassess is None)  # re-assessing starts from the policy the assessment was made under
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setAccessibleName(self.tr("What changed"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        self.add_row(form, self.tr("&From:"), self.old)
        self.add_row(form, self.tr("&To:"), self.new)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.reassess_button: QPushButton | None = None
        if reassess is not None:
            self.reassess_button = buttons.addButton(self.tr("&Re-assess under this version"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.accepted.connect(self.accept)
            self.note.setText(self.tr("Answers whose question is the same in both versions carry over; every other one "
                                      "is "
                              "marked for you to answer again, with what you had said. The assessment keeps a "
                              "record of the version it came from."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.old.currentIndexChanged.connect(self._show)
        self.new.currentIndexChanged.connect(self._show)
        self._show()

    def selected(self) -> tuple[Policy, Policy]:
        return self.old.currentData(), self.new.currentData()

    def _show(self) -> None:
        old, new = self.selected()
        same = old.key == new.key
        self.changes.setPlainText("Choose two different versions." if same else describe(diff(old, new)))
        if self.reassess_button is not None:
            self.reassess_button.setEnabled(not same)

    def save(self) -> None:
        assert self._reassess is not None
        self._reassess(self.selected()[1])
        self.finish()
