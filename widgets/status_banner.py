"""The banner over a case that is not a plain draft: where it stands in review, who did what and when, and the
supervisor's comment — and, for a submitted or reviewed case, the one way to change it: "Reopen for editing…".

A submitted or reviewed case is read-only (the store refuses any save). The banner says so in words, so an
officer who finds the fields greyed out knows why and what to do.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casework.assessment import WorkflowEvent
from casework.model import CaseFile, CaseStatus
from casework.workflow import edit_refusal, is_editable, owner, reopen_refusal, reviewed_digest, short_digest
from widgets.translated import label, translated

_REVIEWS = {"concurred": QT_TRANSLATE_NOOP("StatusBannerWidget", "Concurred by {who} on {when}."),
            "returned": QT_TRANSLATE_NOOP("StatusBannerWidget", "Returned by {who} on {when}."),
            "nonconcurred": QT_TRANSLATE_NOOP("StatusBannerWidget", "Non-concurred by {who} on {when}.")}
_STYLE = {
    CaseStatus.SUBMITTED: ("#e8f0fe", "#174ea6", "#8fb0e8"),
    CaseStatus.CONCURRED: ("#e6f4ea", "#0d652d", "#8cc79f"),
    CaseStatus.RETURNED: ("#fff3cd", "#5c4400", "#e0c36a"),
    CaseStatus.NONCONCURRED: ("#fce8e6", "#8c1d18", "#e3a49f"),
    CaseStatus.DRAFT: ("#fff3cd", "#5c4400", "#e0c36a"),
}
_HEADLINE = {
    CaseStatus.SUBMITTED: QT_TRANSLATE_NOOP("StatusBannerWidget", "Submitted for review — read-only"),
    CaseStatus.CONCURRED: QT_TRANSLATE_NOOP("StatusBannerWidget", "Concurred by the supervisor — read-only"),
    CaseStatus.RETURNED: QT_TRANSLATE_NOOP("StatusBannerWidget", "Returned by the supervisor for changes — read-only"),
    CaseStatus.NONCONCURRED: QT_TRANSLATE_NOOP("StatusBannerWidget", "The supervisor did not concur — read-only"),
}


def _when(event: WorkflowEvent) -> str:
    return event.at.astimezone().strftime("%Y-%m-%d %H:%M")


def _who(actor: str, case: CaseFile, names: Mapping[str, str] | None = None) -> str:
    """"Name (ID)": the name from the office's signed member list (`names`), else the case's own officer's."""
    officer = case.officer
    name = (names or {}).get(actor) or (officer.name if actor == officer.officer_id else "")
    return f"{name} ({actor})" if name else actor


class StatusBannerWidget(QFrame):
    """Shown for a case that is submitted or reviewed, or a draft reopened after a supervisor's comment."""

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-banner")
        self.setAccessibleName(self.tr("Case status"))
        self._case: CaseFile | None = None
        self._names: dict[str, str] = {}
        self._actor = ""
        self._may_review = False
        self.headline = QLabel()
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # names and comments are user text: never markup
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reopen_button = QPushButton(self.tr("&Reopen for editing…"))
        self.reopen_button.setToolTip(self.tr("Make the case a draft again; you will be asked why, and the reason is "
                                              "kept in its history and the audit log"))
        self.reopen_button.clicked.connect(self.reopen_requested)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.headline)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(text, 1)
        layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def value(self) -> CaseFile | None:
        return self._case

    def set_names(self, names: Mapping[str, str]) -> None:
        """Officer id → name from the office's signed member list (storage.office.link.member_names), so a
        supervisor's decision names them as the submission names the officer: "Sam Reyes (SR-7)"."""
        self._names = dict(names)
        if self._case is not None:
            self.set_value(self._case)

    def set_actor(self, actor: str, *, may_review: bool) -> None:
        """Who is at the keyboard, so the banner offers "Reopen" only to whom the store allows it (the officer who
        submitted the case, or a supervisor) and says why a colleague's submitted case is read-only to anyone else
        (casework.workflow.reopen_refusal, edit_refusal)."""
        self._actor, self._may_review = actor, may_review
        if self._case is not None:
            self.set_value(self._case)

    def set_value(self, case: CaseFile | None) -> None:
        """Describe `case`; hidden when there is nothing to say (a draft never submitted, or no case)."""
        self._case = case
        lines = self._lines(case) if case is not None else None
        if case is None or lines is None:
            self.hide()
            self.headline.clear()
            self.detail.clear()
            return
        headline, detail = lines
        background, ink, border = _STYLE[case.status]
        self.setStyleSheet(f"QFrame#status-banner {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 4px; }} QFrame#status-banner QLabel {{ color: {ink}; }}")
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.reopen_button.setVisible(not is_editable(case.status) and not (
            self._actor and reopen_refusal(case, self._actor, self._may_review) is not None))
        self.show()

    def _lines(self, case: CaseFile) -> tuple[str, str] | None:
        history = case.assessment.history if case.assessment else ()
        submitted = next((e for e in reversed(history) if e.event == "submitted"), None)
        reviewed = next((e for e in reversed(history) if e.event in _REVIEWS), None)
        if case.status is CaseStatus.DRAFT and self._actor and edit_refusal(case, self._actor) is not None:
            return (self.tr("Draft of {who} — read-only").format(who=_who(owner(case), case, self._names)),
                    self.tr("Only {who}, who submitted this case, can change it or submit it again.").format(
                        who=_who(owner(case), case, self._names)))
        if case.status is CaseStatus.DRAFT:
            # A case reopened after the supervisor returned it: keep the comment in sight while it is addressed.
            last = history[-1] if history else None
            if reviewed is None or last is None or last.event != "reopened" or not reviewed.comment:
                return None
            return (self.tr("Draft — reopened after review"),
                    self._review_line(reviewed, case) + "\n"
                    + self.tr("Supervisor's comment: {comment}").format(comment=reviewed.comment))
        parts = []
        if submitted is not None:
            parts.append(self.tr("Submitted by {who} on {when}.").format(who=_who(submitted.actor, case, self._names),
                                                                         when=_when(submitted)))
        if reviewed is not None and case.status is not CaseStatus.SUBMITTED:
            parts.append(self._review_line(reviewed, case))
        lines = [" ".join(parts)] if parts else []
        if reviewed is not None and case.status is not CaseStatus.SUBMITTED and reviewed.comment:
            lines.append(self.tr("Supervisor's comment: {comment}").format(comment=reviewed.comment))
        lines.append(self.tr("Nothing in this case can be changed unless it is reopened for editing.")
                     if case.status is not CaseStatus.RETURNED else
                     self.tr("Reopen it for editing to address the comment, then submit it again."))
        headline = translated("StatusBannerWidget", _HEADLINE[case.status]) if case.status in _HEADLINE \
            else label(case.status)
        return headline, "\n".join(lines)

    def _review_line(self, reviewed: WorkflowEvent, case: CaseFile) -> str:
        """Who decided, when, and on which content: by its digest's short form, the same on the supervisor's
        laptop and the officer's, where the revision numbers differ (each laptop numbers its own)."""
        line = translated("StatusBannerWidget", _REVIEWS[reviewed.event]).format(
            who=_who(reviewed.actor, case, self._names), when=_when(reviewed))
        if not reviewed.digest:
            return line  # a decision from before decisions named their content
        if reviewed.digest == reviewed_digest(case):
            return line + " " + self.tr("The decision was made on content {digest}, which is this revision "
                                        "({revision}).").format(digest=short_digest(reviewed.digest),
                                                                revision=case.revision)
        return line + " " + self.tr("The decision was made on content {digest}; this revision ({revision}) is "
                                    "content {current}.").format(digest=short_digest(reviewed.digest),
                                                                 revision=case.revision,
                                                                 current=short_digest(reviewed_digest(case)))
