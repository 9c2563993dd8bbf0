"""Office ▸ Review queue (Ctrl+Shift+R), for a supervisor profile: the submitted cases with filters, the selected
case's assessment in words, its memo preview, and Concur / Return / Non-concur with a comment.

A window the supervisor keeps open beside the main one while working through the queue. Reading a case records
the view (store.view_case); the decision goes through the store's review step (store.review_case — through the
open case's save queue when it is the case open in the main window), and reaches the officer at the next sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casework.assessment import ReviewDecision
from casework.model import Role
from casework.workflow import review_refusal, reviewed_digest, submitter
from storage.errors import UserFacingError
from widgets.review_queue_widget import ReviewQueueWidget
from widgets.translated import label

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.policy import PolicyLibrary
    from desktop.office_controller import OfficeController
    from storage.review_queue import QueueItem
    from storage.store import CaseStore, SaveResult


def assessment_text(case: CaseFile, policies: PolicyLibrary | None) -> str:
    """The case's assessment in words, as a supervisor reads it before deciding (labels from its policy)."""
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    s = case.subject
    name = ", ".join(p for p in (s.family_name, s.given_names) if p) or translate("ReviewQueue", "(no name yet)")
    lines = [f"{case.case_number} — {name}"]
    a = case.assessment
    if a is None:
        return "\n".join([*lines, translate("ReviewQueue", "No assessment.")])
    policy = None
    if policies is not None:
        try:
            policy = policies.get(a.policy_id, a.policy_version)
        except Exception:  # an unknown policy version: ids stay as they are
            policy = None
    lines.append(translate("ReviewQueue", "Policy: %1").replace(
        "%1", f"{policy.title} ({policy.version})" if policy else f"{a.policy_id} {a.policy_version}"))
    from casework.workflow import decision_state

    state = decision_state(case)
    if state is not None and state.stale:
        lines.append(translate("ReviewQueue",
                               "⚠ The latest decision is stale: the case changed after it was reviewed."))
    for event in a.history:
        when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"{when} · {event.actor} · {_event_word(event.event)}"
                     + (f": {event.comment}" if event.comment else ""))
    lines.append("")
    lines.append(translate("ReviewQueue", "Determination: %1").replace("%1", a.determination or "—"))
    if a.determination_detail:
        lines.append(a.determination_detail)
    if a.categories:
        lines.append("")
        lines.append(translate("ReviewQueue", "Priority categories"))
        for c in a.categories:
            found = policy.category(c.category_id) if policy else None
            lines.append(f"• {found.label if found else c.category_id}: {_answer(c.answer)}"
                         + (f" — {c.basis}" if c.basis else ""))
    if a.factors or a.other_factors:
        lines.append("")
        lines.append(translate("ReviewQueue", "Factors"))
        for f in a.factors:
            found_f = policy.factor(f.factor_id) if policy else None
            lines.append(f"• {found_f.label if found_f else f.factor_id}: {_answer(f.answer)}"
                         + (f" — {f.evidence}" if f.evidence else ""))
        for o in a.other_factors:
            lines.append(f"• {o.kind}: {o.description}" + (f" — {o.evidence}" if o.evidence else ""))
    if a.rationale:
        lines.append("")
        lines.append(translate("ReviewQueue", "Rationale"))
        lines.append(a.rationale)
    return "\n".join(lines)


def _answer(value: object) -> str:
    """An answer's label (casework.labels), or its code in words where no label exists ("does not apply")."""
    text = label(value)
    return text.replace("_", " ") if text == str(getattr(value, "value", value)) else text


def _event_word(event: str) -> str:
    translate = QCoreApplication.translate  # the name pyside6-lupdate knows
    return {"submitted": translate("ReviewQueue", "submitted"), "concurred": translate("ReviewQueue", "concurred"),
            "returned": translate("ReviewQueue", "returned"), "nonconcurred": translate("ReviewQueue", "non-concurred"),
            "reopened": translate("ReviewQueue", "reopened")}.get(event, event)


class ReviewQueueDialog(QDialog):
    def __init__(self, controller: OfficeController) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.tasks = controller.tasks
        self.setWindowTitle(self.tr("Review queue"))
        self.case: CaseFile | None = None
        self.queue = ReviewQueueWidget()
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(self.tr("Assessment of the selected case"))
        self.open_button = QPushButton(self.tr("&Open in the window"))
        self.memo_button = QPushButton(self.tr("Preview &memo…"))
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(80)
        self.comment.setPlaceholderText(self.tr("Comment (needed to return or not concur)"))
        comment_label = QLabel(self.tr("Commen&t"))
        comment_label.setBuddy(self.comment)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.concur_button = QPushButton(self.tr("&Concur"))
        self.return_button = QPushButton(self.tr("&Return to the officer"))
        self.nonconcur_button = QPushButton(self.tr("&Non-concur"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Result"))
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.memo_button)
        actions.addStretch(1)
        decide = QHBoxLayout()
        decide.addWidget(self.concur_button)
        decide.addWidget(self.return_button)
        decide.addWidget(self.nonconcur_button)
        decide.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(comment_label)
        right_layout.addWidget(self.comment)
        right_layout.addLayout(decide)
        right_layout.addWidget(self.message)
        split = QSplitter()
        split.addWidget(self.queue)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("C&lose"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(900, 560)
        self.queue.value_changed.connect(self._on_queue_value_changed)
        self.queue.activated.connect(lambda _row: self.open_in_window())
        self.open_button.clicked.connect(self.open_in_window)
        self.memo_button.clicked.connect(self.preview_memo)
        self.concur_button.clicked.connect(lambda: self.decide(ReviewDecision.CONCURRED))
        self.return_button.clicked.connect(lambda: self.decide(ReviewDecision.RETURNED))
        self.nonconcur_button.clicked.connect(lambda: self.decide(ReviewDecision.NONCONCURRED))
        self._set_case_buttons()

    # ----- the queue -----------------------------------------------------------------------------------------

    def load(self) -> None:
        from storage.review_queue import review_queue

        self.tasks.run_op(parent=self, op=review_queue).success(self._on_loaded)

    def _on_loaded(self, rows: list[QueueItem]) -> None:
        self.queue.set_rows(rows)  # type: ignore[arg-type]
        self.queue.focus_table()

    def _on_queue_value_changed(self, row: object) -> None:
        self.case = None
        self._set_case_buttons()
        if row is None:
            self.detail.setPlainText(self.tr("No case selected."))
            return
        case_id = str(row.case_id)  # type: ignore[attr-defined]
        policies = self._policies()

        def shown(case: CaseFile) -> None:
            current = self.queue.value()
            if current is None or current.case_id != case.id:
                return
            self.case = case
            self.detail.setPlainText(assessment_text(case, policies))
            self._set_case_buttons()

        self.tasks.run_op(parent=self, op=lambda store: store.view_case(case_id)).success(shown)

    def _policies(self) -> PolicyLibrary | None:
        ws = self.controller.window.workspace
        return ws.editor.policies if ws is not None else None

    def _set_case_buttons(self) -> None:
        waiting = self.case is not None and self.case.status.value == "submitted"
        me = self.controller.window.officer
        own = waiting and me is not None and submitter(self.case) == me.officer_id  # type: ignore[arg-type]
        for b in (self.concur_button, self.return_button, self.nonconcur_button):
            b.setEnabled(waiting and not own)
        own_text = self.tr("You submitted this case, so another supervisor must review it.")
        if own:  # the store refuses it too; the screen says so before anyone tries
            self.message.setText(own_text)
        elif self.message.text() == own_text:
            self.message.clear()
        self.open_button.setEnabled(self.case is not None)
        self.memo_button.setEnabled(self.case is not None)

    # ----- reading and deciding -----------------------------------------------------------------------------

    def open_in_window(self) -> None:
        if self.case is not None:
            self.controller.window.ensure_workspace().open_case(self.case.id)

    def preview_memo(self) -> None:
        window = self.controller.window
        policies = self._policies()
        if self.case is None or policies is None:
            return
        from desktop.operations import memo as memo_ops

        (memo_ops.render_case_memo(tasks=self.tasks, parent=self, case_id=self.case.id,
                                   settings=window.memo_settings(), policies=policies)
         .success(window._show_memo))

    def decide(self, decision: ReviewDecision) -> None:
        case = self.case
        if case is None:
            return
        comment = self.comment.toPlainText().strip()
        me = self.controller.window.officer
        role = Role.SUPERVISOR if self.controller.supervisor_profile else Role.OFFICER
        from desktop.dialogs.confirm_decision import confirm_decision, refusal_text

        if (problem := review_refusal(case, decision, comment, me.officer_id if me else "", role)) is not None:
            self.message.setText(refusal_text(problem))  # as the case's own pane says it; nothing to confirm
            self.comment.setFocus()
            return
        confirm_decision(self, case.case_number, decision, comment, lambda: self._record(case, decision, comment))

    def _record(self, case: CaseFile, decision: ReviewDecision, comment: str) -> None:
        """Confirmed: record the decision on the case shown when it was asked for."""
        if self.case is None or self.case.id != case.id:
            return
        ws = self.controller.window.workspace
        read = reviewed_digest(case)  # the decision is on what is on screen, refused if a sync changed it since
        if ws is not None and ws.queue is not None and ws.queue.case_id == case.id:
            from desktop.operations import cases as case_ops

            handle = case_ops.review_case(queue=ws.queue, decision=decision, comment=comment, read=read)
        else:
            handle = self.tasks.run_op(parent=self, op=lambda store: _review(store, case.id, decision, comment, read))
        for b in (self.concur_button, self.return_button, self.nonconcur_button):
            b.setEnabled(False)
        handle.success(lambda result: self._on_decided(result, decision)).failure(self._on_refused)

    def _on_decided(self, result: SaveResult, decision: ReviewDecision) -> None:
        words = {ReviewDecision.CONCURRED: self.tr("concurred"), ReviewDecision.RETURNED: self.tr("returned"),
                 ReviewDecision.NONCONCURRED: self.tr("non-concurred")}
        self.message.setText(self.tr("%1: %2. The officer sees it after your next sync (Ctrl+Shift+S).")
                             .replace("%1", result.case.case_number).replace("%2", words[decision]))
        self.comment.clear()
        ws = self.controller.window.workspace
        if ws is not None and ws.queue is not None and ws.queue.case_id == result.case.id:
            ws.reload_if_clean()
        self.load()

    def _on_refused(self, exc: BaseException) -> None:
        self._set_case_buttons()
        from desktop.errors import error_text, show_error

        if isinstance(exc, UserFacingError):  # the store's own words, in the window's language
            self.message.setText(self.tr("Not recorded: %1").replace("%1", error_text(exc)))
        else:
            show_error(self, exc)


def _review(store: CaseStore, case_id: str, decision: ReviewDecision, comment: str, read: str) -> SaveResult:
    return store.review_case(case_id, decision, comment, read=read)


def open_review_queue(controller: OfficeController) -> None:
    window = controller.window
    existing = getattr(window, "review_queue", None)
    from shiboken6 import isValid

    if existing is not None and isValid(existing) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        existing.load()
        return
    dlg = ReviewQueueDialog(controller)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.setWindowModality(Qt.WindowModality.NonModal)
    window.review_queue = dlg
    dlg.resize(max(900, int(window.width() * 0.85)), max(560, int(window.height() * 0.85)))
    dlg.show()
    dlg.load()
