"""The case editor: every section of a case file in tabs, with inline errors and a save-state line.

`value()` is the case as shown (which may have field errors: `check()` lists them); `set_value()` loads a
case; `value_changed` fires on every edit by the user (never on a load), which drives autosave.

The editor never changes a case's status itself. Submit, review and reopen are requests (signals) that the
application carries out in the store, which enforces who may do what; the editor shows the result with
`set_value`. A case that is not a draft is shown read-only, under a banner saying why, with "Reopen for
editing…". A save refused because the stored case moved on shows the "changed elsewhere" bar.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casework.assessment import ReviewDecision
from casework.checks import Item, blocking, review_items
from casework.errors import PolicyError
from casework.model import CaseFile, Role
from casework.policy import Policy, PolicyLibrary
from casework.policy_choice import propose_for
from casework.reassess import reassess
from casework.validation import FieldError, validate_case
from casework.workflow import WorkflowError, edit_refusal, is_editable, start_assessment, submitter
from widgets import wheel_guard
from widgets.assessment_panel import AssessmentPanel
from widgets.attachments_edit import AttachmentsEdit
from widgets.common import ElidedLabel
from widgets.conflict_bar import ConflictBarWidget
from widgets.encounter_edit import EncounterEdit
from widgets.form_section import CELL_PATH, FormSection
from widgets.history_edit import HistoryEdit
from widgets.record_section import OffensesEdit, TiesEdit
from widgets.record_table_edit import RecordTableEdit
from widgets.status_banner import StatusBannerWidget
from widgets.subject_edit import SubjectEdit
from widgets.translated import label, translated

SAVE_STATES = (QT_TRANSLATE_NOOP("CaseWorkspace", "New — saved once you type"),
               QT_TRANSLATE_NOOP("CaseWorkspace", "Saved"), QT_TRANSLATE_NOOP("CaseWorkspace", "Saving…"),
               QT_TRANSLATE_NOOP("CaseWorkspace", "Unsaved changes…"),
               QT_TRANSLATE_NOOP("CaseWorkspace", "Not saved — kept on screen"),
               QT_TRANSLATE_NOOP("CaseWorkspace", "Not saved — changed elsewhere"))
"""Every text the header's save state shows (desktop.workspace, in its context), with "Not saved: fix 99 fields":
its width is reserved for the longest, in the window's language."""


def save_state_texts() -> list[str]:
    return [*(translated("CaseWorkspace", t) for t in SAVE_STATES),
            QCoreApplication.translate("CaseWorkspace", "Not saved: fix %n field(s)", "", 99)]


class NotesEdit(FormSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.notes.textChanged.connect(self.changed)


def set_inputs_read_only(root: QWidget, read_only: bool) -> None:
    """Make every input under `root` unable (or able again) to change: text stays selectable, choices grey out."""
    for w in root.findChildren(QWidget):
        if isinstance(w, RecordTableEdit):
            w.set_read_only(read_only)
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            w.setReadOnly(read_only)
            if read_only:  # a read-only field looks it: the window's colour instead of the white of an input
                palette = w.palette()
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                w.setPalette(palette)
            else:
                w.setPalette(QPalette())  # inherit again
        elif isinstance(w, QComboBox | QAbstractSpinBox) or (
                isinstance(w, QAbstractButton) and w.isCheckable()):
            w.setEnabled(not read_only)


class CompactTabs(QProxyStyle):
    """The platform's own tabs with half their side padding: the case's eight sections fit side by side in the
    editor of a 1024-px window, in English and in Spanish, without scroll arrows or shortened labels."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option=None, widget=None) -> int:  # type: ignore[override]
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return max(8, value // 2)
        return value


class CaseEdit(QWidget):
    value_changed = Signal(object)
    submit_requested = Signal()
    """The officer pressed Submit and nothing on screen blocks it: save, then submit in the store."""
    review_requested = Signal(object, str)
    """A supervisor's decision (ReviewDecision) and comment, to be recorded by the store."""
    reopen_requested = Signal()
    """The officer asked to make a submitted or reviewed case a draft again (ask why, then reopen in the store)."""
    reload_requested = Signal()
    keep_mine_requested = Signal()

    def __init__(self, policies: PolicyLibrary | None = None, parent: QWidget | None = None, *,
                 language: str = "en") -> None:
        super().__init__(parent)
        wheel_guard.install()  # a wheel passing over the form must never change a finding
        self._base: CaseFile | None = None
        self._actor = ""
        self._role = Role.OFFICER
        self._loading = False
        self._read_only = False
        self.policies = policies or PolicyLibrary.bundled()
        self.title = ElidedLabel()  # a long name elides: it never widens the window or squeezes the list
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = ElidedLabel()
        self.status.setMinimumWidth(120)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # whole when it fits
        self.save_state = QLabel()
        self.save_state.setAccessibleName(self.tr("Save state"))
        # As wide as its longest word from the start, so "Saved" / "Unsaved changes…" never move the title.
        self.save_state.setMinimumWidth(max(self.save_state.fontMetrics().horizontalAdvance(t)
                                            for t in save_state_texts()) + 8)
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The number and name on the first line (beside the save state), where and when on the second: each
        # has the editor's width, and neither can widen the window.
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.save_state)
        header = QVBoxLayout()
        header.setSpacing(0)
        header.addLayout(top)
        header.addWidget(self.status)
        self.banner = StatusBannerWidget()
        self.banner.reopen_requested.connect(self.reopen_requested)
        self.conflict_bar = ConflictBarWidget()
        self.conflict_bar.reload_requested.connect(self.reload_requested)
        self.conflict_bar.keep_mine_requested.connect(self.keep_mine_requested)

        self.subject = SubjectEdit()
        self.encounter = EncounterEdit()
        self.history = HistoryEdit()
        self.offenses = OffensesEdit()
        self.ties = TiesEdit()
        self.notes = NotesEdit()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Sections of the case"))
        self.tabs.tabBar().setAccessibleName(self.tr("Sections of the case"))
        # Every section stays in sight on a 1024-px screen, in either language: compact tabs, no scroll arrows
        # that hide the last ones; only when even that is short of room (a narrower window, large fonts) does
        # each label give up its end ("Atta…"), whole in its tooltip.
        compact = CompactTabs()
        compact.setParent(self.tabs.tabBar())
        self.tabs.tabBar().setStyle(compact)
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.sections: list[tuple[str, FormSection]] = [
            (self.tr("&Subject"), self.subject), (self.tr("&Encounter"), self.encounter),
            (self.tr("Histor&y"), self.history), (self.tr("&Offenses"), self.offenses),
            (self.tr("Family and &ties"), self.ties), (self.tr("&Notes"), self.notes),
        ]
        self._scrolls: list[QScrollArea] = []
        for title, section in self.sections:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible tab stop: it scrolls to the focused field
            scroll.setAccessibleName(self.tr("{section} section").format(section=title.replace("&", "")))
            scroll.setWidget(section)
            self._scrolls.append(scroll)
            self.tabs.addTab(scroll, title)
            section.value_changed.connect(self._on_section_value_changed)
        self.assessment = AssessmentPanel(self.policies, language=language)  # the policy's labels in it
        self.tabs.addTab(self.assessment, self.tr("&Assessment"))
        self.attachments = AttachmentsEdit()
        # Alt+C: the fields that had it moved to other letters (the walker checks every tab for clashes).
        self.tabs.addTab(self.attachments, self.tr("Atta&chments"))
        for i in range(self.tabs.count()):  # the whole name, where a narrow window shortens the label
            self.tabs.setTabToolTip(i, self.tabs.tabText(i).replace("&", ""))
        self.assessment.value_changed.connect(self._on_section_value_changed)
        self.assessment.start_requested.connect(self._on_assessment_start_requested)
        self.assessment.submit_requested.connect(self._on_assessment_submit_requested)
        self.assessment.review_requested.connect(self._on_assessment_review_requested)
        self.assessment.field_activated.connect(self.focus_field)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.conflict_bar)
        layout.addWidget(self.tabs, 1)

    # ----- value --------------------------------------------------------------------------------------------

    def case_id(self) -> str | None:
        """The stored case's id; None with no case, or a new case not stored yet."""
        return self._base.id if self._base and self._base.id else None

    def base(self) -> CaseFile | None:
        """The case as last loaded or saved (what the fields started from), or None."""
        return self._base

    def value(self) -> CaseFile:
        if self._base is None:
            raise RuntimeError("no case loaded")
        family, other = self.ties.value()
        return replace(
            self._base,
            subject=self.subject.value(),
            encounter=self.encounter.value(),
            history=self.history.value(),
            offenses=self.offenses.value(),
            family=family,
            other_ties=other,
            notes=self.notes.notes.toPlainText(),
            assessment=self.assessment.value(),
        )

    def set_value(self, case: CaseFile) -> None:
        """Show `case` (read-only unless it is a draft). Loading is never an edit: `value_changed` stays quiet."""
        self._loading = True
        try:
            self._base = case
            self.subject.set_value(case.subject)
            self.encounter.set_value(case.encounter)
            self.history.set_value(case.history)
            self.offenses.set_value(case.offenses)
            self.ties.set_value(case.family, case.other_ties)
            self.notes._loading = True
            try:
                self.notes.notes.setPlainText(case.notes)
            finally:
                self.notes._loading = False
            self.assessment.set_value(case.assessment)
            self._propose_policy(case)
            editable = is_editable(case.status) and not (self._actor and edit_refusal(case, self._actor))
            self._set_read_only(bool(case.case_number) and not editable)  # the store would refuse the save
            self.attachments.set_value(case.attachments, editable=editable, stored=bool(case.id))
            self.banner.set_value(case if case.case_number else None)
            self.conflict_bar.set_value("")
            self._show_header(case)
            self.show_errors([])
            self.refresh_items()
        finally:
            self._loading = False

    def mark_saved(self, saved: CaseFile) -> None:
        """Take what the store made of a save — revision, time (the base of the next save), number, status and
        history — without touching what the user is typing."""
        base = self._base or saved
        assessment = base.assessment
        if assessment is not None and saved.assessment is not None:
            assessment = replace(assessment, history=saved.assessment.history)
        self._base = replace(base, revision=saved.revision, updated_at=saved.updated_at,
                             case_number=saved.case_number, created_at=saved.created_at, status=saved.status,
                             officer=saved.officer, assessment=assessment, attachments=saved.attachments)
        if saved.attachments != self.attachments.value():
            self.attachments.set_value(saved.attachments, editable=is_editable(saved.status), stored=True)
        if saved.assessment is not None and self.assessment.form is not None:
            self.assessment.form.set_history(saved.assessment.history)
        self._show_header(saved)  # the name as saved: the title follows what was typed
        self.refresh_items()

    def adopt_created(self, created: CaseFile) -> None:
        """A new case on screen was just created in the store: take its id, number and times, keeping every
        field as typed (the next save stores them into it)."""
        base = self._base or created
        self._base = replace(base, id=created.id, case_number=created.case_number, revision=created.revision,
                             created_at=created.created_at, updated_at=created.updated_at, officer=created.officer,
                             status=created.status)
        self.attachments.set_value(self._base.attachments, editable=is_editable(created.status), stored=True)
        self._show_header(self._base)

    def set_profile(self, officer_id: str, role: Role) -> None:
        """Who is at the keyboard: their officer ID and role decide which workflow actions are offered."""
        self._actor = officer_id
        self._role = role
        self.banner.set_actor(officer_id, may_review=role is Role.SUPERVISOR)
        self.refresh_items()

    def set_actor(self, actor: str) -> None:
        """Who is at the keyboard (an officer profile)."""
        self.set_profile(actor, self._role)

    def is_read_only(self) -> bool:
        return self._read_only

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for _title, section in self.sections:
            set_inputs_read_only(section, read_only)
        if self.assessment.form is not None:
            set_inputs_read_only(self.assessment.form, read_only)
        self.assessment.set_read_only(read_only)

    def items(self) -> list[Item]:
        """What is open or contradictory in the case on screen (recomputed on every edit)."""
        if self._base is None:
            return []
        case = self.value()
        policy = self.assessment.policy or self.policies.latest()
        return review_items(case, policy)

    def refresh_items(self) -> None:
        if self._base is None:
            return
        self.assessment.show_context(self.history.value())
        self.assessment.show_items(self.items(), self._base.status, reviewer=self._role is Role.SUPERVISOR,
                                   own_submission=submitter(self._base) == self._actor)

    def clear(self) -> None:
        """Drop the case from every field (used when the app locks)."""
        empty = CaseFile(id="", case_number="")
        self.set_value(empty)
        self._base = None
        self.title.clear()
        self.status.clear()
        self.save_state.clear()

    def check(self) -> list[FieldError]:
        """The field problems of the case on screen, as the store would find them: free text the case held
        before a rule, unchanged since it was loaded, is carried (casework.validation.free_text_problems)."""
        return self.encounter.field_errors() + validate_case(self.value(), self._base)

    # ----- errors, messages and focus -----------------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        for _title, section in self.sections:
            section.show_errors(errors)
        self.assessment.show_errors(errors)

    def focus_field(self, path: str) -> bool:
        """Show the tab holding `path` and put the cursor in its input; False if no such field."""
        if path.startswith("assessment."):
            self.tabs.setCurrentWidget(self.assessment)
            return self.assessment.focus_field(path)
        for i, (_title, section) in enumerate(self.sections):
            widget = section.field(path)
            if widget is not None:
                self.tabs.setCurrentIndex(i)
                self._scrolls[i].ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, RecordTableEdit) and (cell := CELL_PATH.match(path)):
                    widget.focus_cell(int(cell.group(2)), cell.group(3))  # the very cell, not just the table
                return True
        return False

    def set_save_state(self, text: str) -> None:
        self.save_state.setText(text)

    def show_conflict(self, message: str, detail: str = "") -> None:
        """Show the "changed elsewhere" bar (an empty message hides it); `detail` shows on hover."""
        self.conflict_bar.set_value(message, detail)

    def show_workflow_message(self, text: str) -> None:
        """A refused or failed workflow step, in words, beside the Submit and review buttons."""
        self.tabs.setCurrentWidget(self.assessment)
        self.assessment.show_message(text)

    def show_submit_refused(self, message: str, items: list[Item]) -> None:
        """Submission refused: say why and take the officer to the first thing that blocks it."""
        self.show_workflow_message(self.tr("Not submitted: {problem}. The list shows what is left.")
                                   .format(problem=message.rstrip(".")))
        if items:
            self.focus_field(items[0].field)

    def _show_header(self, case: CaseFile) -> None:
        self.title.setText(f"{case.case_number}  {case.subject.display_name}".strip() or self.tr("New case"))
        if not case.case_number:
            self.status.setText("")
            return
        saved = self.tr("saved {when}").format(when=f"{case.updated_at.astimezone():%Y-%m-%d %H:%M}") \
            if case.updated_at else self.tr("not saved yet")
        self.status.setText(self.tr("{status} · revision {revision} · {saved}").format(
            status=label(case.status), revision=case.revision, saved=saved))
        self.status.setToolTip(self.tr("Officer: {name} ({officer_id}), {office}\nCreated: {when}").format(
            name=case.officer.name, officer_id=case.officer.officer_id, office=case.officer.office,
            when=f"{case.created_at.astimezone():%Y-%m-%d %H:%M}") if case.created_at else "")

    def _on_section_value_changed(self, section: object) -> None:
        if self._base is None or self._loading or self._read_only:
            return  # a load, or a programmatic tidy-up in a read-only case, is not an edit
        if section is self.encounter:
            self._propose_policy(self.value())  # the encounter date picks the policy to assess under
        self.refresh_items()
        self.value_changed.emit(self)

    def _propose_policy(self, case: CaseFile) -> None:
        """Before an assessment exists, propose the policy in force on the encounter date (or none, saying
        why); an assessment keeps its policy forever, so nothing is proposed once it is started."""
        if case.assessment is None:
            self.assessment.show_proposal(propose_for(self.policies, case))

    # ----- workflow requests ---------------------------------------------------------------------------------

    def _on_assessment_start_requested(self) -> None:
        if self._base is None or self._read_only:
            return
        policy = self.assessment.chosen_policy()
        if policy is None:
            return  # the officer has not chosen one (no policy was in force on the encounter date)
        started = start_assessment(self.value(), policy, date.today())
        self.set_value(started)  # a content change of the draft: autosave records it
        self.value_changed.emit(self)
        self.focus_field("assessment.records_reviewed")

    def reassess_under(self, policy: Policy) -> str | None:
        """Move the draft's assessment to `policy` (casework.reassess): unchanged questions keep their answers,
        the others are marked. Returns why it cannot be done, or None when done (autosave records it)."""
        case = self.value()
        a = case.assessment
        if self._base is None or self._read_only or a is None:
            return self.tr("Open a draft case with an assessment first.")
        try:
            old = self.policies.get(a.policy_id, a.policy_version)
            moved = reassess(case, old, policy, date.today())
        except (PolicyError, WorkflowError) as exc:
            return self.tr("Not re-assessed: {problem}.").format(problem=exc)
        self.set_value(moved)
        self.value_changed.emit(self)
        self.tabs.setCurrentWidget(self.assessment)
        return None

    def _on_assessment_submit_requested(self) -> None:
        """Say at once what blocks submission (the same casework check the store makes); else ask for it."""
        policy = self.assessment.policy
        if self._base is None or policy is None or self._read_only:
            return
        blockers = blocking(review_items(self.value(), policy))
        if blockers:
            self.show_submit_refused(self.tr("%n item(s) must be addressed before submitting", "", len(blockers)),
                                     blockers)
            return
        self.assessment.show_message("")
        self.submit_requested.emit()

    def _on_assessment_review_requested(self, decision: ReviewDecision, comment: str) -> None:
        if self._base is not None:
            self.assessment.show_message("")
            self.review_requested.emit(decision, comment)
