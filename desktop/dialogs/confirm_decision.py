"""Before a supervisor's decision is recorded: a confirmation that shows the decision and the comment.

A decision (concur, return, non-concur) becomes part of the case's record and its history, so one stray click
or key must not take it. The box names the case, the decision in words and the comment exactly as it will be
recorded (plain text: a comment is never rendered as markup). Enter confirms (the default button), Esc cancels;
both buttons have mnemonics. Used by the case's review pane and the review queue; a decision the store would
refuse (casework.workflow.review_refusal) is said there instead (`refusal_text`), never offered to confirm.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from casework.assessment import ReviewDecision
from casework.i18n import Message, render


def decision_words(decision: ReviewDecision) -> str:
    return {ReviewDecision.CONCURRED: QCoreApplication.translate("ConfirmDecision", "Concur"),
            ReviewDecision.RETURNED: QCoreApplication.translate("ConfirmDecision", "Return to the officer"),
            ReviewDecision.NONCONCURRED: QCoreApplication.translate("ConfirmDecision", "Non-concur")}[decision]


def refusal_text(problem: Message) -> str:
    """Why a decision cannot be recorded (casework.workflow.review_refusal), as every window that offers one says
    it — instead of asking to confirm what the store would refuse."""
    from widgets.translated import locale_number

    return QCoreApplication.translate("ConfirmDecision", "Not recorded: %1.").replace(
        "%1", render(problem, QCoreApplication.translate, locale_number))


def confirm_decision(parent: QWidget, case_number: str, decision: ReviewDecision, comment: str,
                     record: Callable[[], object]) -> QMessageBox:
    """Open the confirmation (window-modal) and call `record()` only if the supervisor confirms. The box is
    returned (and kept on `parent.decision_box`) so a test or a screen reader can reach it."""

    title = QCoreApplication.translate("ConfirmDecision", "Record the decision")
    asked = QCoreApplication.translate("ConfirmDecision", "Record “%1” on case %2?")
    comment = comment.strip()
    said = QCoreApplication.translate("ConfirmDecision", "Comment: %1").replace("%1", comment) if comment else \
        QCoreApplication.translate("ConfirmDecision", "No comment.")
    text = asked.replace("%1", decision_words(decision)).replace("%2", case_number) + "\n\n" + said
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the comment as typed, never as markup
    box.setInformativeText(QCoreApplication.translate(
        "ConfirmDecision", "The decision becomes part of the case's record and its history."))
    record_button = box.addButton(QCoreApplication.translate("ConfirmDecision", "&Record the decision"),
                                  QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("ConfirmDecision", "&Cancel"),
                           QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(record_button)  # Enter records
    box.setEscapeButton(cancel)  # Esc cancels
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _r: record() if box.clickedButton() is record_button else None)
    parent.decision_box = box  # type: ignore[attr-defined]
    box.open()
    record_button.setFocus()
    return box
