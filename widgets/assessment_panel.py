"""The Assessment tab: a start page, or the policy-built form beside its checklist and workflow actions.

The start page proposes the policy in force on the encounter date (`show_proposal`, from
casework.policy_choice) and says why; when none was in force the officer chooses (`chosen_policy`). The
form is rebuilt only when the case's policy version differs from the one on screen, so an assessment made
under an older policy keeps showing that policy's own questions after a newer file ships. Below the checklist
the officer acknowledges the selected review item with a note (a cutoff-date review, a word that can point
to a never-factor): the note goes into the assessment, keyed by the item's stable key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casework.assessment import Assessment, ReviewDecision
from casework.checks import Item
from casework.errors import PolicyError
from casework.model import CaseStatus, ImmigrationHistory
from casework.policy import Policy, PolicyLibrary
from casework.policy_choice import Proposal
from casework.policy_translation import overlay
from casework.validation import FieldError, check_free_text
from widgets.assessment_edit import AssessmentEdit
from widgets.checklist_widget import ChecklistWidget
from widgets.error_label import ErrorLabel
from widgets.translated import label, tr_message

FORM_MIN_WIDTH = 420
"""The form beside the checklist gets at least this width (narrower, every label wraps to a word a line), and
never less than its own narrowest layout."""
SIDE_MIN_WIDTH = 240
"""The checklist pane's narrowest width beside the form: its status line and Submit button whole."""


def _key(policy: Policy) -> str:
    return f"{policy.id}@{policy.version}"


class AssessmentPanel(QWidget):
    value_changed = Signal(object)
    start_requested = Signal()
    submit_requested = Signal()
    review_requested = Signal(object, str)  # ReviewDecision, comment
    field_activated = Signal(str)

    def __init__(self, policies: PolicyLibrary, parent: QWidget | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.policies = policies
        self.language = language
        """The window's language: the form shows the policy's labels and help in it where the policy's
        translation file has them (casework.policy_translation); the checks always use the English policy."""
        self.form: AssessmentEdit | None = None
        self._policy: Policy | None = None
        self._kept: Assessment | None = None

        start = QWidget()
        start_layout = QVBoxLayout(start)
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setTextFormat(Qt.TextFormat.PlainText)
        self.proposal.setAccessibleName(self.tr("Which policy applies"))
        self.proposal.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c36a;")
        self.proposal.hide()
        self.policy_choice = QComboBox()
        self.policy_choice.setAccessibleName(self.tr("Policy to assess under"))
        # Its width is not its longest title's (a translated title is longer, and would squeeze the case list).
        self.policy_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.policy_choice.setMinimumContentsLength(30)
        self.policy_choice.addItem(self.tr("— choose the policy —"), None)
        for p in sorted(policies.all(), key=lambda p: (p.effective, p.version), reverse=True):
            self.policy_choice.addItem(f"{self.shown(p).title} ({p.version})", _key(p))
        self.policy_choice.currentIndexChanged.connect(self._on_policy_choice_changed)
        choice_label = QLabel(self.tr("&Policy:"))
        choice_label.setBuddy(self.policy_choice)
        choice_row = QHBoxLayout()
        choice_row.addWidget(choice_label)
        choice_row.addWidget(self.policy_choice, 1)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QPushButton(self.tr("Start the assess&ment"))
        self.start_button.clicked.connect(self.start_requested)
        start_layout.addWidget(self.proposal)  # at the top, under the tabs: no empty band above it
        start_layout.addLayout(choice_row)
        start_layout.addWidget(self.intro)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        start_layout.addStretch(1)
        self._read_only = False
        self.policy_choice.setCurrentIndex(self.policy_choice.findData(_key(policies.latest())))

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible tab stop
        self.scroll_area.setAccessibleName(self.tr("Assessment form"))
        # Long text wraps to the width shown; only a pane narrower than the form's narrowest layout scrolls
        # sideways (rather than cutting the form off on the right).
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Assessment status"))
        self.checklist = ChecklistWidget()
        self.checklist.field_activated.connect(self.field_activated)
        self.checklist.current_item_changed.connect(self._on_checklist_current_item_changed)
        ack = QGroupBox(self.tr("Acknowledge the selected item"))
        ack_layout = QVBoxLayout(ack)
        self.ack_item = QLabel(self.tr("Select an item marked ✎ to acknowledge it with a note."))
        self.ack_item.setWordWrap(True)
        self.ack_item.setTextFormat(Qt.TextFormat.PlainText)
        self.ack_note = QLineEdit()
        self.ack_note.setAccessibleName(self.tr("Acknowledgement note"))
        self.ack_note.setPlaceholderText(self.tr("What you reviewed, and why it stands (“mentioned only as …”)"))
        self.ack_note.returnPressed.connect(self._on_ack_button_clicked)
        self.ack_button = QPushButton(self.tr("Ac&knowledge"))
        self.ack_button.clicked.connect(self._on_ack_button_clicked)
        ack_row = QHBoxLayout()
        ack_row.addStretch(1)
        ack_row.addWidget(self.ack_button)
        self.ack_error = ErrorLabel()
        ack_layout.addWidget(self.ack_item)
        ack_layout.addWidget(self.ack_note)
        ack_layout.addWidget(self.ack_error)
        ack_layout.addLayout(ack_row)
        self.ack_box = ack
        self._ack_key = ""
        self.submit_button = QPushButton(self.tr("Su&bmit for review"))
        self.submit_button.clicked.connect(self.submit_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        review = QGroupBox(self.tr("Supervisor review"))
        review_layout = QVBoxLayout(review)
        self.review_comment = QPlainTextEdit()
        self.review_comment.setTabChangesFocus(True)
        self.review_comment.setFixedHeight(70)
        self.review_comment.setAccessibleName(self.tr("Review comment"))
        self.review_comment.setPlaceholderText(self.tr("Comment (required to return or not concur)"))
        buttons = QHBoxLayout()
        self.review_buttons: dict[ReviewDecision, QPushButton] = {}
        for decision, text in ((ReviewDecision.CONCURRED, self.tr("Concur")),
                               (ReviewDecision.RETURNED, self.tr("Return")),
                               (ReviewDecision.NONCONCURRED, self.tr("Non-concur"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, d=decision: self.review_requested.emit(
                d, self.review_comment.toPlainText()))
            buttons.addWidget(button)
            self.review_buttons[decision] = button
        self.review_note = QLabel(self.tr("You submitted this case, so you cannot review it: a supervisor other "
                                          "than the submitting officer must."))
        self.review_note.setWordWrap(True)
        self.review_note.setAccessibleName(self.tr("Why review is not possible"))
        self.review_note.hide()
        review_layout.addWidget(self.review_note)
        review_layout.addWidget(self.review_comment)
        review_layout.addLayout(buttons)
        self.review_box = review
        review.hide()  # shown only to a supervisor profile, on a submitted case
        side_layout.addWidget(self.status)
        still = QLabel(self.tr("Still to address (click to go there):"))
        still.setWordWrap(True)
        side_layout.addWidget(still)
        side_layout.addWidget(self.checklist, 1)
        side_layout.addWidget(ack)
        side_layout.addWidget(self.message)
        side_layout.addWidget(self.submit_button)
        side_layout.addWidget(review)
        # The checklist pane scrolls by itself: below the form on a narrow window it is short, and nothing in it
        # (Submit, the review buttons) may be cut off.
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible tab stop
        self.side_scroll.setAccessibleName(self.tr("Checklist and actions"))
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(side)
        work = QSplitter()
        work.setChildrenCollapsible(False)
        work.addWidget(self.scroll_area)
        work.addWidget(self.side_scroll)
        work.setStretchFactor(0, 3)
        work.setStretchFactor(1, 1)
        self.side = side
        self.toggle_checklist_button = QPushButton(self.tr("Hide the checklist"))
        self.toggle_checklist_button.setAccessibleName(self.tr("Show or hide the checklist pane"))
        self.toggle_checklist_button.setToolTip(self.tr("Give the form the whole width on a small screen"))
        self.toggle_checklist_button.clicked.connect(self._on_toggle_checklist_clicked)
        work_page = QWidget()
        work_layout = QVBoxLayout(work_page)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(2)
        toggle_row = QHBoxLayout()
        toggle_row.addStretch(1)
        toggle_row.addWidget(self.toggle_checklist_button)
        work_layout.addLayout(toggle_row)
        self.translation_note = QLabel()
        self.translation_note.setWordWrap(True)
        self.translation_note.setTextFormat(Qt.TextFormat.PlainText)
        self.translation_note.setAccessibleName(self.tr("Policy translation"))
        self.translation_note.hide()
        work_layout.addWidget(self.translation_note)
        work_layout.addWidget(work, 1)
        self.pages = QStackedWidget()
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.unknown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(start)
        self.pages.addWidget(work_page)
        self.pages.addWidget(self.unknown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._work = work

        self._on_policy_choice_changed()
        self._on_checklist_current_item_changed(None)

    def _on_toggle_checklist_clicked(self) -> None:
        self.set_checklist_shown(not self.side_scroll.isVisibleTo(self._work))

    def set_checklist_shown(self, shown: bool) -> None:
        """Collapse (or bring back) the checklist pane beside (or below) the form."""
        self.side_scroll.setVisible(shown)
        self.toggle_checklist_button.setText(self.tr("Hide the checklist") if shown else self.tr("Show the checklist"))
        self._reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        """The checklist pane beside the form when both fit side by side, below it when they do not (at 1024 px
        the form got 320 px and scrolled sideways, its text cut at the right edge). The choice depends only on
        the panel's width and the form's narrowest layout, never on what the checklist says, so it does not
        flip back and forth as items come and go."""
        if self.form is None:
            return
        work = self._work
        form_min = max(FORM_MIN_WIDTH, self.form.minimumSizeHint().width()
                       + self.scroll_area.verticalScrollBar().sizeHint().width() + 4)
        side_min = SIDE_MIN_WIDTH
        side_shown = self.side_scroll.isVisibleTo(work)
        wide = not side_shown or self.width() >= form_min + side_min + work.handleWidth()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if work.orientation() != orientation:
            work.setOrientation(orientation)
            if side_shown:
                total = sum(work.sizes())
                if orientation == Qt.Orientation.Vertical:
                    work.setSizes([total * 2 // 3, total - total * 2 // 3])  # the form first, the checklist below
                else:
                    side = max(side_min, total // 4)
                    work.setSizes([total - side, side])
        if wide and side_shown:
            sizes = work.sizes()
            if sizes[0] < form_min and sum(sizes) >= form_min + side_min:
                work.setSizes([form_min, sum(sizes) - form_min])

    @property
    def policy(self) -> Policy | None:
        """The policy the form's assessment is made under, in English: the one its rules are checked against
        (the form itself may show it translated)."""
        return self._policy if self.form is not None else None

    def shown(self, policy: Policy) -> Policy:
        """`policy` as the form shows it: translated into the window's language where it can be."""
        return overlay(policy, self.language).policy

    # ----- the start page: which policy ----------------------------------------------------------------------

    def show_proposal(self, proposal: Proposal) -> None:
        """Propose the policy in force on the encounter date, or none (the officer chooses), and say why."""
        self.proposal.setText(self._proposal_text(proposal))
        self.proposal.show()
        key = _key(proposal.policy) if proposal.policy is not None else None
        self.policy_choice.setCurrentIndex(max(0, self.policy_choice.findData(key)))

    def _proposal_text(self, proposal: Proposal) -> str:
        """casework.policy_choice's reason in the window's language (the policy's title as the form shows it);
        the reason for "none in force" quotes each policy's standing in English."""
        if proposal.day is None:
            return self.tr("The encounter date is not recorded, so no policy is proposed: record the date of the "
                           "encounter, or choose the policy to assess under.")
        if proposal.policy is None:
            return tr_message(proposal.reason)
        shown = self.shown(proposal.policy)
        note = shown.note_on(proposal.day)
        return self.tr("{title} ({version}) was in force on {day}, the date of the encounter.").format(
            title=shown.title, version=proposal.policy.version, day=proposal.day.isoformat()) + (f" {note}" if note
                                                                                                 else "")

    def chosen_policy(self) -> Policy | None:
        """The policy the officer chose (or accepted) to start the assessment under; None until one is."""
        key = self.policy_choice.currentData()
        return next((p for p in self.policies.all() if _key(p) == key), None) if key else None

    def _on_policy_choice_changed(self, *_args: object) -> None:
        chosen = self.chosen_policy()
        if chosen is None:
            self.intro.setText(self.tr("Choose the policy to assess under before starting."))
        else:
            shown = self.shown(chosen)
            self.intro.setText(self.tr("The assessment under {title} ({version}) has not been started.").format(
                title=shown.title, version=chosen.version) + f"\n{shown.word('form.intro')}")
        self.start_button.setEnabled(chosen is not None and not self._read_only)

    # ----- acknowledging a review item -------------------------------------------------------------------------

    def _on_checklist_current_item_changed(self, item: Item | None) -> None:
        can = item is not None and item.needs_acknowledgement and self.form is not None and not self._read_only
        self._ack_key = item.key if item is not None and item.needs_acknowledgement else ""
        if item is not None and item.needs_acknowledgement:
            self.ack_item.setText(tr_message(item.message))
            template = self.tr("Mentioned only as ") if item.key.startswith("never-factor:") else ""
            self.ack_note.setText(item.acknowledged or template)
        else:
            self.ack_item.setText(self.tr("Select an item marked ✎ to acknowledge it with a note."))
            self.ack_note.clear()
        self.ack_note.setEnabled(can)
        self.ack_error.show_error(None)
        self.ack_button.setEnabled(can)
        self.ack_button.setText(self.tr("Update the note") if item is not None and item.acknowledged
                                else self.tr("Ac&knowledge"))

    def _on_ack_button_clicked(self) -> None:
        if self.form is None or not self._ack_key or self._read_only:
            return
        if (problem := check_free_text(self.ack_note.text())) is not None:  # the store refuses it too
            self.ack_error.show_error(tr_message(problem))
            self.ack_note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.ack_error.show_error(None)
        self.form.set_acknowledgement(self._ack_key, self.ack_note.text())

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each field problem of the assessment under its field (an acknowledgement's under the note)."""
        if self.form is not None:
            self.form.show_errors(errors)
        notes = [tr_message(e.message) for e in errors if e.field.startswith("assessment.acknowledgements")]
        if notes or self._ack_key:
            self.ack_error.show_error("\n".join(notes) or None)

    def value(self) -> Assessment | None:
        if self.pages.currentIndex() == 2:
            return self._kept  # under a policy this version does not know: kept exactly as it was
        return self.form.value() if self.form is not None and self.pages.currentIndex() == 1 else None

    def set_value(self, assessment: Assessment | None) -> None:
        """Show `assessment` under its own policy version (raises PolicyError if that version is unknown)."""
        self.message.clear()
        self.review_comment.clear()  # a comment typed for one case never lands on another
        if assessment is None:
            self.pages.setCurrentIndex(0)
            self._drop_form()  # no text of another case may linger in hidden widgets
            self.checklist.set_value([])
            return
        try:
            policy = self.policies.get(assessment.policy_id, assessment.policy_version)
        except PolicyError as exc:
            self._drop_form()
            self._kept = assessment
            self.unknown.setText(self.tr("This assessment cannot be shown: {problem}. It is kept unchanged; open it "
                                         "with a version of Casefile that has this policy.").format(problem=exc))
            self.pages.setCurrentIndex(2)
            return
        if self.form is None or self.form.policy.key != policy.key:
            self._drop_form()
            shown = overlay(policy, self.language)
            self.form = AssessmentEdit(shown.policy)
            self._policy = policy
            self.translation_note.setText(self.tr("Some of this policy's text is shown in English: {problems}")
                                          .format(problems=" ".join(shown.problems)))
            self.translation_note.setVisible(bool(shown.problems) and shown.language != "en")
            self.form.value_changed.connect(lambda _f: self.value_changed.emit(self))
            self.scroll_area.setWidget(self.form)
            self.form.show()  # QScrollArea does not show a widget added while it is visible
        self.form.set_value(assessment)
        self.pages.setCurrentIndex(1)
        self._reflow()

    def _drop_form(self) -> None:
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.form = None

    def show_context(self, history: ImmigrationHistory) -> None:
        if self.form is not None:
            self.form.show_cutoff_hint(history)

    def show_items(self, items: list[Item], status: CaseStatus, *, reviewer: bool = False,
                   own_submission: bool = False) -> None:
        """The checklist and the workflow actions for a case in `status`.

        Submit is offered on a draft only. The review box appears only to a supervisor profile (`reviewer`) on a
        submitted case; on the officer's own submission it says why it cannot be used (the store refuses it too).
        """
        self.checklist.set_value(items)
        draft = status is CaseStatus.DRAFT
        blocking = [i for i in items if i.blocks_submission]
        open_text = self.tr("%n item(s) to address", "", len(blocking)) if blocking else self.tr("ready to submit")
        refused = QCoreApplication.translate("CaseEdit", "Not submitted: {problem}. The list shows what is left.")
        if not blocking and self.message.text().startswith(refused.split("{problem}")[0]):
            self.message.clear()  # the refusal no longer holds: never "Not submitted…" beside "ready to submit"
        status_text = self.tr("Status: {status}").format(status=label(status).lower())
        self.status.setText(status_text + (f" · {open_text}" if draft else ""))
        self.submit_button.setEnabled(draft)
        reviewable = reviewer and status is CaseStatus.SUBMITTED
        self.review_box.setVisible(reviewable)
        self.review_note.setVisible(reviewable and own_submission)
        for button in self.review_buttons.values():
            button.setEnabled(reviewable and not own_submission)
        self.review_comment.setReadOnly(not reviewable or own_submission)
        self.review_comment.setEnabled(reviewable and not own_submission)
        if not reviewable:
            self.review_comment.clear()

    def set_read_only(self, read_only: bool) -> None:
        """Nothing on the start page or in the form can change (the form's inputs are handled by the editor)."""
        self._read_only = read_only
        self._on_policy_choice_changed()
        self.policy_choice.setEnabled(not read_only)
        self._on_checklist_current_item_changed(self.checklist.current_item())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def focus_field(self, path: str) -> bool:
        if self.form is None:
            return False
        widget = self.form.field(path)
        if widget is None:
            return False
        self.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
