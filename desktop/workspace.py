"""The unlocked workspace: the case list, the editor, autosave, and the workflow steps of the open case.

Built only when the store is being unlocked (while the key is derived on the store thread), so the unlock
dialog appears without paying for the form. `deactivate()` drops every piece of case data it shows.

Saving: every edit of the open case goes through its `CaseSaveQueue`, so saves land in order and none is lost
(see desktop.save_queue). Leaving the case, printing, locking and quitting hand the pending edits over first;
leaving and printing then wait (milliseconds) until the store confirmed them, and stay put, saying why, when it
did not. The case list refreshes from the store's change broadcast (`TaskManager.store_changed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QDataStream,
    QEvent,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casework.model import CaseFile, CaseStatus, CaseSummary, Encounter, Officer, Role, summary_of
from desktop import i18n
from desktop.errors import error_text, show_error
from desktop.operations import cases as case_ops
from desktop.save_queue import CaseSaveQueue
from desktop.tasks import TaskManager
from storage.errors import CaseConflict, StoreLocked, UserFacingError, WorkflowRefused
from widgets.case_edit import CaseEdit
from widgets.case_list_model import SHORT_NUMBER, CaseListModel, isolate
from widgets.sync_state_delegate import NEW_MARKER, SyncStateDelegate
from widgets.translated import label, translated

if TYPE_CHECKING:
    from casework.assessment import ReviewDecision
    from casework.search import CasePage, ListRequest
    from casework.validation import FieldError
    from storage.store import Changes, SaveResult

OPEN_SETTLE_MS = 350
"""Moving through the list with the arrow keys opens the case it stops on after this pause, not each case it
passes; Return, a click or a double-click opens at once."""
LIST_WIDTH = 432
LIST_MIN_WIDTH = 260
COLUMN_WIDTHS = (108, 120, 96, 72, 116)
"""Case number (elided in the middle: "CF-20…-0042"), name (stretches), A-number (hidden at first), status (as
wide as its longest word), updated (the date; its time in the tooltip) — the number, status and date columns are
sized from the font, so the name keeps most of the list: all visible in LIST_WIDTH in English and Spanish,
with no sideways scrolling that hid the end of "Updated" and squeezed the name to its first letters; the editor
beside it keeps room for every section tab at 1024 px."""
AUTOSAVE_DELAY_MS = 700
"""Autosave this long after the last keystroke: a crash loses at most about a second of typing."""
RETRY_MS = 5000
"""After a failed save (a full disk, say), try again this often while the edits wait on screen."""

SAVED = QT_TRANSLATE_NOOP("CaseWorkspace", "Saved")
SAVING = QT_TRANSLATE_NOOP("CaseWorkspace", "Saving…")
UNSAVED = QT_TRANSLATE_NOOP("CaseWorkspace", "Unsaved changes…")
NOT_STARTED = QT_TRANSLATE_NOOP("CaseWorkspace", "New — saved once you type")
KEPT = QT_TRANSLATE_NOOP("CaseWorkspace", "Not saved — kept on screen")
CONFLICT = QT_TRANSLATE_NOOP("CaseWorkspace", "Not saved — changed elsewhere")
"""The header's save states, in English (translated as they are shown)."""


CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP("CaseWorkspace", "Changed elsewhere: this case was saved somewhere else after "
                                                       "you opened it. Your changes are still on screen but not "
                                                       "saved. Reload shows the stored case (dropping them); Keep "
                                                       "mine saves yours on top of it.")


@dataclass
class _Resume:
    """What a lock keeps in memory (never on disk) to come back to: the open case, and any edits the store has not
    taken (fields to fix, a conflict, a failed save), with the queue they belong to."""

    case_id: str | None
    draft: CaseFile | None
    queue: CaseSaveQueue | None
    conflict: str = ""
    creating: object | None = None
    """The new case (`draft`, not stored yet) whose creation was on its way at the lock: its result adopts the
    draft, so what was typed is saved into it after unlock."""


class _ElideMiddle(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]


class CaseWorkspace(QSplitter):
    status_message = Signal(str)
    history_requested = Signal(str)
    """A case's History was asked for from the list's context menu (the main window shows it)."""
    case_opened = Signal(str)
    conflicts_requested = Signal(str)
    """The list's context menu asked to resolve a case's sync conflicts (desktop.office_controller)."""
    """A case was opened in the editor (its view recorded): the office marks drop its "new decision"."""

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.active = False
        self.queue: CaseSaveQueue | None = None
        self._resume: _Resume | None = None
        self._officer_id, self._role = "", Role.OFFICER  # who is at the keyboard (set_profile)
        self._conflict = ""
        self._failing = False  # the last save failed for a reason other than a conflict (a full disk, say)
        self._creating = False  # a new case's first edit is being turned into a stored case
        self._blank: object | None = None  # the new case on screen (a token), while it is not stored yet
        self._blank_edited = False  # the officer typed into it: those edits are unsaved until it is created
        self._after_create: list[Callable[[], object]] = []  # waiting for the new case to be stored

        self.model = CaseListModel(fetch=self._fetch_rows)
        self._first_load: _Resume | bool | None = False  # activate → the first list answer: what to resume
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, alias, A-number or case number  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.number_delegate = _ElideMiddle(self.table)  # "CF-2026-…-0042": the part that differs stays
        self.table.setItemDelegateForColumn(0, self.number_delegate)
        self.sync_delegate = SyncStateDelegate(self.table)  # the status column: also where it stands with the office
        self.table.setItemDelegateForColumn(3, self.sync_delegate)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSortIndicatorShown(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.resizeSection(0, self._number_width())
        header.resizeSection(3, self._status_width())
        header.resizeSection(4, self._updated_width())
        header.setSectionHidden(2, True)  # the A-number: searchable, shown on request (the header's menu)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        self.count_label = QLabel()
        self.match_label = QLabel()  # while searching: why the current (or first) row matched
        self.match_label.setWordWrap(True)
        self.match_label.setTextFormat(Qt.TextFormat.PlainText)
        self.match_label.hide()
        left = QWidget()
        left.setMinimumWidth(LIST_MIN_WIDTH)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.match_label)
        left_layout.addWidget(self.count_label)

        self.editor = CaseEdit(language=i18n.current_language())
        self.no_case = QLabel(self.tr("Select a case in the list, or start a new one with Ctrl+N."))
        self.no_case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.no_case)
        self.right.addWidget(self.editor)
        self.addWidget(left)
        self.addWidget(self.right)
        # The list keeps its width as the window or the editor's header changes; the editor takes the rest.
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setSizes([LIST_WIDTH, 800])
        self._list_width = LIST_WIDTH
        """The list's width as the officer left it (dragged, or restored): a narrow window takes from it only
        what the section tabs need, and a wider one gives it back."""
        self.splitterMoved.connect(self._on_splitter_moved)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.flush)
        self._pending_open: str | None = None
        """The case of the row the officer moved to, opened when the open timer fires."""
        self.open_timer = QTimer(self)
        self.open_timer.setSingleShot(True)
        self.open_timer.setInterval(OPEN_SETTLE_MS)
        self.open_timer.timeout.connect(self._open_current_row)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.editor.value_changed.connect(self._on_editor_value_changed)
        self.editor.submit_requested.connect(self._on_editor_submit_requested)
        self.editor.review_requested.connect(self._on_editor_review_requested)
        self.editor.reopen_requested.connect(self._on_editor_reopen_requested)
        self.editor.reload_requested.connect(self._on_editor_reload_requested)
        self.editor.keep_mine_requested.connect(self._on_editor_keep_mine_requested)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.loaded.connect(self._on_list_loaded)
        tasks.store_changed.connect(self._on_tasks_store_changed)
        from desktop.dialogs.attachment_controller import AttachmentController

        self.attachments = AttachmentController(tasks, self.editor, self, queue=lambda: self.queue,
                                                on_saved=self._on_saved, flush=self.flush)

    # ----- lifecycle -----------------------------------------------------------------------------------------

    def set_profile(self, officer: Officer, role: Role) -> None:
        self._officer_id, self._role = officer.officer_id, role
        self.editor.set_profile(officer.officer_id, role)

    def activate(self) -> None:
        """Load the list; then return to the case open at the lock, with any edits the store had not taken."""
        self.active = True
        self._first_load, self._resume = self._resume, None
        self.model.reload()

    def _on_list_loaded(self) -> None:
        """The list (or a search's matches) arrived; the first time after unlocking, resume the open case."""
        self._update_count()
        if self._first_load is False:
            return
        resume, self._first_load = self._first_load, False
        if isinstance(resume, _Resume) and resume.draft is not None and not resume.draft.id:
            self._show_blank(resume.draft)  # a new case typed into but not stored yet: store it now
            self._create_blank()
        elif isinstance(resume, _Resume) and resume.draft is not None:
            self._show_case(resume.draft, queue=resume.queue)
            if resume.conflict:
                self._show_conflict(resume.conflict)
            else:
                self.flush()
        elif isinstance(resume, _Resume) and resume.case_id is not None:
            self.open_case(resume.case_id)

    def _fetch_rows(self, request: ListRequest) -> None:
        """Run the list's request on the store thread; the answer goes back to the list (if still wanted)."""
        loading = self._first_load is not False and request.after_id is None and not request.query
        (case_ops.case_page(tasks=self.tasks, parent=self, request=request,
                            label=self.tr("Loading cases…") if loading else None)
         .success(lambda page: self._on_page(request, page))
         .failure(lambda exc: self._on_page_failed(request, exc)))

    def _on_page(self, request: ListRequest, page: CasePage) -> None:
        if self.active:
            self.model.deliver(request, page)
            self._update_count()

    def _on_page_failed(self, request: ListRequest, exc: BaseException) -> None:
        self.model.failed(request)
        self._on_summaries_failed(exc)

    def deactivate(self) -> None:
        """Hand the pending edits to the store, end the case's revision, and clear every widget. Edits the store
        cannot take now (fields to fix, a conflict) stay in memory for `activate`; so do edits whose save fails
        after this returns."""
        self.autosave_timer.stop()
        self.open_timer.stop()
        self._pending_open = None
        q = self.queue
        case_id, draft, creating = self.editor.case_id(), None, None
        if q is not None:
            self.flush()
            if q.dirty:
                draft = self.editor.value()  # cannot be saved yet: kept in memory only, restored on unlock
            q.close_revision()
        elif self._blank_unsaved():
            draft = self.editor.value()  # a new case not stored yet (being created, or its creation failed)
            creating = self._blank if self._creating else None
        self._resume = _Resume(case_id, draft, q, self._conflict, creating)
        self._blank = None
        self._blank_edited = False
        self._after_create.clear()
        self.active = False
        self._first_load = False
        self.queue = None
        self._conflict = ""
        self.model.clear()
        self.search.clear()
        self.editor.clear()
        self.right.setCurrentWidget(self.no_case)
        self.count_label.clear()
        self.match_label.clear()
        self.match_label.hide()

    def has_unsaved_edits(self) -> bool:
        """Edits on screen the store has not taken (fields to fix, a conflict, a failed save, or still on their
        way)."""
        return self.active and (self.queue.unsaved if self.queue is not None else self._blank_unsaved())

    def _blank_unsaved(self) -> bool:
        """A new case on screen has been typed into but is not stored yet (its creation is on its way or
        failed): what was typed is unsaved."""
        return self.queue is None and self._blank_edited and self.is_blank()

    def unsaved_reason(self) -> str:
        q = self.queue
        if q is None:
            return self.tr("This new case could not be stored yet, so what you typed in it is not saved.") \
                if self._blank_unsaved() else ""
        if q.conflicted:
            return self.tr("This case was changed elsewhere, so your latest changes are not saved.")
        if self.editor.check():
            return self.tr("This case has fields that need fixing, so its latest changes are not saved.")
        return self.tr("The latest changes to this case could not be saved.")

    # ----- cases -------------------------------------------------------------------------------------------

    def new_case(self) -> None:
        """Show an empty case to fill in. Nothing is stored until the officer types: the first edit creates the
        case in the store (with its number) and saves what was typed (`_create_blank`)."""
        self.after_saving(self._show_blank, leaving=True)

    def _show_blank(self, draft: CaseFile | None = None) -> None:
        """An empty new case, or `draft`: a new case typed into before a lock and not stored yet."""
        if not self.active:
            return
        self.search.clear()
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        self.editor.set_value(draft or CaseFile(id="", case_number="", encounter=Encounter(occurred_at=now)))
        self.queue = None
        self._creating = False
        self._blank = object()
        self._blank_edited = draft is not None
        self._after_create.clear()
        self._conflict = ""
        self._failing = False
        self.right.setCurrentWidget(self.editor)
        self.editor.set_save_state(translated("CaseWorkspace", NOT_STARTED))
        self._select_row_of(None)
        self.editor.tabs.setCurrentIndex(0)
        self.editor.focus_field("subject.family_name")

    def is_blank(self) -> bool:
        """An empty new case is on screen, not stored yet."""
        return self.queue is None and self.right.currentWidget() is self.editor and self.editor.base() is not None \
            and not self.editor.base().id

    def _create_blank(self) -> None:
        """The first edit of a new case: create it in the store, then save what is on screen into it.

        Until the store has answered, what was typed counts as unsaved (quit asks, a lock keeps it in memory,
        leaving waits); a failed creation keeps it on screen as "Not saved" and is tried again, as a failed save
        is."""
        if self._creating or not self.is_blank():
            return
        self._creating = True
        self._blank_edited = True
        self.autosave_timer.stop()
        self.editor.set_save_state(translated("CaseWorkspace", SAVING))
        blank = self._blank

        def created(result: SaveResult) -> None:
            if not self.active:
                self._adopt_after_lock(blank, result)
                return
            if self._blank is not blank or not self.is_blank():
                return  # left meanwhile (nothing typed was on screen): the empty case stays, as any other draft
            self._creating = False
            self.editor.adopt_created(result.case)
            self._blank = None
            self._blank_edited = False
            self.queue = CaseSaveQueue(self.tasks, self, result.case, on_saved=self._on_saved,
                                       on_failed=self._on_save_failed)
            self.queue.edited()
            self.model.upsert(summary_of(result.case))
            self._update_count()
            self._select_row_of(result.case.id)
            self.flush()
            waiting, self._after_create = self._after_create, []
            for then in waiting:
                then()

        def failed(exc: BaseException) -> None:
            resume = self._resume
            if not self.active:
                if resume is not None and resume.creating is blank:
                    resume.creating = None  # the draft stays in memory; unlocking tries again
                return
            if self._blank is not blank:
                return
            self._creating = False
            self.editor.set_save_state(translated("CaseWorkspace", KEPT))
            if self._after_create:
                self._after_create.clear()
                self.status_message.emit(self.tr("This new case is not stored yet; what you typed is kept on "
                                                 "screen."))
            self.autosave_timer.start(RETRY_MS)  # e.g. a full disk: try again while the text waits on screen
            if not self._failing:  # say it once, not at every retry
                self._failing = True
                show_error(self, exc)

        case_ops.new_case(tasks=self.tasks, parent=self).success(created).failure(failed)

    def _adopt_after_lock(self, blank: object | None, result: SaveResult) -> None:
        """A new case was created after the window locked: the text typed into it (kept in memory by the lock)
        now belongs to the stored case, and is saved into it after unlock."""
        resume = self._resume
        if resume is None or resume.creating is not blank or resume.draft is None:
            return
        created = result.case
        resume.creating = None
        resume.draft = replace(resume.draft, id=created.id, case_number=created.case_number,
                               revision=created.revision, created_at=created.created_at,
                               updated_at=created.updated_at, officer=created.officer, status=created.status)
        resume.case_id = created.id
        resume.queue = CaseSaveQueue(self.tasks, self, created, on_saved=self._on_saved,
                                     on_failed=self._on_save_failed)
        resume.queue.edited()

    def open_case(self, case_id: str) -> None:
        if case_id == self.editor.case_id():
            return
        self.after_saving(
            lambda: case_ops.load_case(tasks=self.tasks, parent=self, case_id=case_id).success(self._show_case),
            leaving=True)

    def _show_case(self, case: CaseFile, queue: CaseSaveQueue | None = None) -> None:
        if not self.active:
            return
        self.editor.set_value(case)
        from storage.office.link import member_names  # (not at launch: the office code loads when needed)

        (self.tasks.run_op(parent=None, op=member_names)  # decisions name the supervisor as the member list does
         .success(self.editor.banner.set_names).failure(lambda _exc: None))
        self.queue = queue if queue is not None and queue.case_id == case.id else CaseSaveQueue(
            self.tasks, self, case, on_saved=self._on_saved, on_failed=self._on_save_failed)
        self._conflict = ""
        self._failing = False
        self.right.setCurrentWidget(self.editor)
        self._show_save_state()
        self._select_row_of(case.id)
        self.case_opened.emit(case.id)

    def after_saving(self, then: Callable[[], object], *, leaving: bool = False) -> bool:
        """Hand the open case's edits to the store and run `then` once every one of them is stored (and, when
        `leaving`, its revision is closed). Runs nothing, and says why, while fields need fixing, the case
        conflicts, or a save fails: the edits stay on screen. False when refused at once."""
        q = self.queue
        if q is None and self._blank_unsaved():  # a new case typed into: once it is stored (and saved), go on
            self._after_create.append(lambda: self.after_saving(then, leaving=leaving))
            self._create_blank()  # (again, if it failed before)
            return True
        if q is None:
            then()
            return True
        if q.conflicted:
            self._stay(self.tr("This case was changed elsewhere: choose Reload or Keep mine first."))
            return False
        if not self.flush():
            errors = self.editor.check()
            if errors:
                self.editor.focus_field(errors[0].field)
            self._stay(self.tr("Fix the highlighted fields first: this case is not saved yet."))
            return False

        def settled(saved_all: bool) -> None:
            if not self.active or self.queue is not q:
                return
            if q.dirty or not q.settled:  # typed again meanwhile: hand that over too, then try again
                self.after_saving(then, leaving=leaving)
                return
            if not saved_all:
                self._stay(self.tr("This case's latest changes are not saved yet; they are kept on screen."))
                return
            if leaving:
                q.close_revision()
            then()

        q.when_settled(settled)
        return True

    def reload_if_clean(self) -> None:
        """After a sync: show the open case as stored now, unless it has edits the store has not taken."""
        q = self.queue
        if q is None or q.unsaved or not q.settled or q.conflicted:
            return
        shown = self.editor.base().revision if self.editor.base() else -1
        q.reload(shown_revision=shown).success(
            lambda case: self._show_case(case, queue=q) if self.active and self.queue is q
            and case.revision != (self.editor.base().revision if self.editor.base() else -1) else None)

    def _stay(self, message: str) -> None:
        self._select_row_of(self.editor.case_id())
        self.status_message.emit(message)

    # ----- autosave ------------------------------------------------------------------------------------------

    def _on_editor_value_changed(self, _editor: object) -> None:
        q = self.queue
        if q is None:
            if self.is_blank():
                self._blank_edited = True
                self._create_blank()
            return
        q.edited()
        self._show_save_state()
        if not q.conflicted:
            self.autosave_timer.start()

    def flush(self) -> bool:
        """Hand the open case's edits to the store now, even with a save still on its way (it is queued behind
        it). False when they cannot be: fields to fix (shown under them), or a conflict to resolve."""
        self.autosave_timer.stop()
        q = self.queue
        if q is None and self._blank_unsaved():
            self._create_blank()  # a new case whose creation failed: try again (its text is saved once it is)
            return True
        if q is None or not q.dirty:
            return True
        if q.conflicted:
            return False
        errors = self.editor.check()
        self.editor.show_errors(errors)
        if errors:
            self._show_save_state(errors)
            return False
        q.save(self.editor.value())
        self._show_save_state()
        return True

    save_now = flush

    def _show_save_state(self, errors: list[FieldError] | None = None) -> None:
        """The header's word on the open case: saved, on its way, waiting, or why not (`errors`: found by a flush)."""
        q = self.queue
        if q is None:
            return
        if q.conflicted:
            text = translated("CaseWorkspace", CONFLICT)
        elif errors:
            text = self.tr("Not saved: fix %n field(s)", "", len(errors))
        elif q.dirty:
            text = translated("CaseWorkspace", KEPT if self._failing else UNSAVED)
        elif not q.settled:
            text = translated("CaseWorkspace", SAVING)
        else:
            text = translated("CaseWorkspace", SAVED)
        self.editor.set_save_state(text)

    def _on_saved(self, result: SaveResult) -> None:
        q = self.queue
        if not self.active or q is None or q.case_id != result.case.id:
            return  # a save that landed after the lock or after leaving the case: nothing of it is shown
        self.editor.mark_saved(result.case)
        if not q.conflicted and self._conflict:
            self._show_conflict("")
        if not q.unsaved:
            self._failing = False
            self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._show_save_state()

    def _on_save_failed(self, exc: BaseException) -> None:
        if not self.active:
            self._keep_after_lock(exc)
            return
        q = self.queue
        if q is None:
            return
        self.editor.conflict_bar.set_busy(False)
        if isinstance(exc, CaseConflict):
            self._show_conflict(str(exc))
            return
        if q.conflicted:  # Keep mine failed (a full disk, say): the choice stays open, with the reason shown
            self._show_save_state()
            show_error(self, exc)
            return
        self.autosave_timer.start(RETRY_MS)  # e.g. a full disk: try again; the edits stay on screen meanwhile
        if not self._failing:  # say it once, not at every retry
            self._failing = True
            show_error(self, exc)
        self._show_save_state()

    def _keep_after_lock(self, exc: BaseException) -> None:
        """A save refused after the window was locked: keep its edits in memory, to show and save after unlock."""
        resume = self._resume
        if resume is None or resume.queue is None or not resume.queue.unsaved:
            return
        if resume.draft is None:  # a draft kept at the lock is newer than any save it had queued
            resume.draft = resume.queue.last_case
        if isinstance(exc, CaseConflict):
            resume.conflict = str(exc)

    # ----- conflicts -----------------------------------------------------------------------------------------

    def _show_conflict(self, detail: str) -> None:
        """Show (or with "" hide) the "changed elsewhere" bar; `detail` is the store's account (its tooltip)."""
        self._conflict = detail
        self.editor.show_conflict(translated("CaseWorkspace", CHANGED_ELSEWHERE) if detail else "", detail)
        self._show_save_state()

    def _on_editor_reload_requested(self) -> None:
        q = self.queue
        if q is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reload the case"),
                          self.tr("Show the case as it is stored now?"), QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("The changes on screen that are not saved will be dropped."))
        reload_button = box.addButton(self.tr("Reload and drop my changes"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided(_result: int) -> None:
            if box.clickedButton() is not reload_button or self.queue is not q:
                return
            def failed(exc: BaseException) -> None:
                self.editor.conflict_bar.set_busy(False)
                show_error(self, exc)

            self.editor.conflict_bar.set_busy(True)
            q.reload().success(lambda case: self._on_reloaded(q, case)).failure(failed)

        box.finished.connect(decided)
        self.reload_box = box
        box.open()

    def _on_reloaded(self, q: CaseSaveQueue, case: CaseFile) -> None:
        if not self.active or self.queue is not q:
            return
        q.mark_clean()
        self._show_case(case, queue=q)
        self.status_message.emit(self.tr("Reloaded: the case as stored now."))

    def _on_editor_keep_mine_requested(self) -> None:
        q = self.queue
        if q is None:
            return
        errors = self.editor.check()
        if errors:
            self.editor.show_errors(errors)
            self.editor.focus_field(errors[0].field)
            return
        self.editor.conflict_bar.set_busy(True)
        q.keep_mine(self.editor.value())
        self._show_save_state()

    # ----- workflow steps ------------------------------------------------------------------------------------

    def _on_editor_submit_requested(self) -> None:
        q = self.queue
        if q is None:
            return

        def submit() -> None:
            (case_ops.submit_case(queue=q)
             .success(lambda result: self._on_step_done(q, result, self.tr("Submitted for review.")))
             .failure(self._on_submit_refused))

        self.after_saving(submit)

    def _on_submit_refused(self, exc: BaseException) -> None:
        if isinstance(exc, WorkflowRefused):
            self.editor.show_submit_refused(error_text(exc), list(exc.items))  # type: ignore[arg-type]
        else:
            show_error(self, exc)

    def _on_editor_review_requested(self, decision: ReviewDecision, comment: str) -> None:
        """A decision is part of the record: it is recorded once the supervisor confirms it (decision and
        comment shown). One the store would refuse (a return without a comment, a comment holding bidi overrides:
        casework.workflow.review_refusal) is said at once, as the review queue says it, without asking."""
        q, case = self.queue, self.editor.base()
        if q is None or case is None:
            return
        from casework.workflow import reviewed_digest

        read = reviewed_digest(case)  # on what is on screen: refused if a sync changed it while the box was open

        def record() -> None:
            if self.queue is not q:
                return  # the case was left meanwhile
            (case_ops.review_case(queue=q, decision=decision, comment=comment, read=read)
             .success(lambda result: self._on_step_done(q, result, self.tr("Review recorded.")))
             .failure(self._on_review_refused))

        from casework.workflow import review_refusal
        from desktop.dialogs.confirm_decision import confirm_decision, refusal_text

        if (problem := review_refusal(case, decision, comment, self._officer_id, self._role)) is not None:
            self.editor.show_workflow_message(refusal_text(problem))  # nothing to confirm: it cannot be recorded
            self.editor.assessment.review_comment.setFocus()
            return
        confirm_decision(self, case.case_number, decision, comment, record)

    def _on_review_refused(self, exc: BaseException) -> None:
        if isinstance(exc, WorkflowRefused):
            self.editor.show_workflow_message(self.tr("Not recorded: {problem}").format(problem=error_text(exc)))
        else:
            show_error(self, exc)

    def _on_editor_reopen_requested(self) -> None:
        q, case = self.queue, self.editor.base()
        if q is None or case is None:
            return
        from desktop.dialogs.reopen import ReopenDialog

        def reopen(reason: str) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, UserFacingError):
                    dlg.failed(str(exc))
                else:
                    dlg.failed(self.tr("The case could not be reopened."))
                    show_error(dlg, exc)

            def reopened(result: SaveResult) -> None:
                dlg.succeeded()
                self._on_step_done(q, result, self.tr("Reopened for editing: it is a draft again."))

            case_ops.reopen_case(queue=q, reason=reason).success(reopened).failure(failed)

        dlg = ReopenDialog(self, case, reopen)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reopen_dialog = dlg
        dlg.open()

    def _on_step_done(self, q: CaseSaveQueue, result: SaveResult, message: str) -> None:
        if not self.active or self.queue is not q:
            return
        self._show_case(result.case, queue=q)
        self.status_message.emit(message)

    # ----- list ----------------------------------------------------------------------------------------------

    def _on_tasks_store_changed(self, changes: Changes) -> None:
        """Refresh the rows of the cases a committed change touched (whoever made it)."""
        if not self.active or not changes.cases:
            return
        (case_ops.case_summaries(tasks=self.tasks, parent=self, case_ids=changes.case_ids)
         .success(self._on_summaries)
         .failure(self._on_summaries_failed))

    def _on_summaries_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StoreLocked):  # locked meanwhile: the list is empty and reloads at unlock
            show_error(self, exc)

    def _on_summaries(self, found: tuple[bool, list[CaseSummary]]) -> None:
        if not self.active:
            return
        everything, summaries = found
        if everything:
            self.model.reload()
        else:
            self.model.upsert(*summaries)
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_filter(text)  # the store searches its index; the matches arrive in _on_page

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_match()
        if current.isValid():
            self._pending_open = self.model.case_at(current.row()).id
            self.open_timer.start()  # opens once the officer stops on a row
        else:
            self.open_timer.stop()

    def _open_current_row(self) -> None:
        case_id, self._pending_open = self._pending_open, None
        if case_id is not None and self.active:
            self.open_case(case_id)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_timer.stop()
        self._pending_open = None
        if index.isValid() and self.active:
            self.open_case(self.model.case_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The search box: Down goes to the list, Return opens the first match, Esc clears it. The list:
        Return opens the case, Delete asks to delete it."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not self.active:
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                row = max(self.table.currentIndex().row(), 0)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
            if enter and self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))
                self._open_index(self.model.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        if watched is self.table:
            if enter:
                self._open_index(self.table.currentIndex())
                return True
            if key == Qt.Key.Key_Delete:
                self.ask_delete()
                return True
        return super().eventFilter(watched, event)

    def _on_table_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        summary = self.model.case_at(index.row())
        menu = QMenu(self)
        open_action = menu.addAction(self.tr("&Open"))
        open_action.triggered.connect(lambda: self._open_index(index))
        delete_action = menu.addAction(self.tr("&Delete draft case…"))
        delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete_action.setEnabled(summary.status is CaseStatus.DRAFT)
        delete_action.triggered.connect(lambda: self.ask_delete(summary.id))
        history_action = menu.addAction(self.tr("&History…"))
        history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        history_action.triggered.connect(lambda: self.history_requested.emit(summary.id))
        if summary.id in self.model.sync_marks:  # linked to an office: its conflicts are one step away
            resolve_action = menu.addAction(self.tr("Resolve sync &conflicts…"))
            resolve_action.setEnabled(self.model.sync_marks[summary.id][0] == "conflict")
            resolve_action.triggered.connect(lambda: self.conflicts_requested.emit(summary.id))
        self.table_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ----- deleting a draft ----------------------------------------------------------------------------------

    def ask_delete(self, case_id: str | None = None) -> None:
        """Ask before deleting the draft selected in the list (or `case_id`); say why not for any other case."""
        if case_id is None:
            index = self.table.currentIndex()
            case_id = self.model.case_at(index.row()).id if index.isValid() else self.editor.case_id()
        row = self.model.row_of(case_id) if case_id else -1
        if row < 0:
            self.status_message.emit(self.tr("Select the case to delete in the list first."))
            return
        summary = self.model.case_at(row)
        if summary.status is not CaseStatus.DRAFT:
            self.status_message.emit(self.tr("Case {case} is {status}: only a draft can be deleted.").format(
                case=summary.case_number, status=label(summary.status).lower()))
            return
        name = summary.display_name or self.tr("no name yet")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete a draft case"),
                          self.tr("Delete the draft case {case} ({name})?").format(case=summary.case_number,
                                                                                   name=name),
                          QMessageBox.StandardButton.NoButton, self)
        gone = self.tr("It is removed from this laptop and cannot be brought back. The audit log keeps a record "
                       "that you deleted it.")
        if summary.id in self.model.sync_marks:  # linked to an office: the deletion travels
            gone += " " + self.tr("This laptop syncs with an office: the next sync deletes the case at the office "
                                  "and on the other laptops too.")
        box.setInformativeText(gone)
        delete_button = box.addButton(self.tr("&Delete the case"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided(_result: int) -> None:
            if box.clickedButton() is delete_button and self.active:
                self._delete(summary)

        box.finished.connect(decided)
        self.delete_box = box
        box.open()

    def _delete(self, summary: CaseSummary) -> None:
        """Delete in the store. The open case's edits are handed to the store first and stay on screen (and
        unsaved, if they could not be stored) until the store has answered: a refused delete loses nothing."""
        q = self.queue if self.editor.case_id() == summary.id else None

        def deleted(_changes: object) -> None:
            if not self.active:
                return
            if q is not None and self.queue is q:
                q.mark_clean()  # the edits on screen went with the case
                self._drop_open_case()
            self.model.remove(summary.id)
            self._update_count()
            self.status_message.emit(self.tr("Deleted the draft case {case}.").format(case=summary.case_number))

        def refused(exc: BaseException) -> None:
            if not self.active:
                return
            if isinstance(exc, UserFacingError):
                self.status_message.emit(self.tr("Not deleted: {problem}").format(problem=exc))
            else:
                show_error(self, exc)

        def run(revision: int) -> None:
            (case_ops.delete_case(tasks=self.tasks, parent=self, case_id=summary.id, revision=revision)
             .success(deleted).failure(refused))

        if q is None:
            run(summary.revision)
            return
        self.flush()  # stored if they can be (the delete then names the revision they made)

        def settled(_saved_all: bool) -> None:
            base = self.editor.base()
            revision = base.revision if base is not None and base.id == summary.id else summary.revision
            run(revision)

        q.when_settled(settled)

    def _drop_open_case(self) -> None:
        self.queue = None
        self._conflict = ""
        self.editor.clear()
        self.right.setCurrentWidget(self.no_case)

    def _on_model_reset(self) -> None:
        """Keep the highlight on the open case, or on the row the officer just moved to (not opened yet)."""
        pending = self._pending_open if self.open_timer.isActive() else None
        self._select_row_of(pending or self.editor.case_id())

    def _select_row_of(self, case_id: str | None) -> None:
        row = self.model.row_of(case_id) if case_id else -1
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        try:
            if row >= 0:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
            else:
                self.table.clearSelection()
        finally:
            sm.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.model.matches(), self.model.total()
        if shown == total:
            text = self.tr("%n case(s)", "", total)
        elif self.model.more_matches():  # the best matches only: typing more narrows them
            text = self.tr("{shown}+ of %n case(s)", "", total).format(shown=shown)
        else:
            text = self.tr("{shown} of %n case(s)", "", total).format(shown=shown)
        self.count_label.setText(text)
        self._show_match()

    def _show_match(self) -> None:
        """Say why the current row (or the first) matched the search, under the list; hidden when not searching."""
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else 0
        why = self.model.why(self.model.case_at(row).id) if self.model.searching() and self.model.rowCount() else ""
        if why:
            name = self.model.data(self.model.index(row, 1))
            self.match_label.setText(self.tr("{name}: {why}").format(name=isolate(str(name)), why=why))
        self.match_label.setVisible(bool(why))

    # ----- the list's columns, remembered by the window (desktop.settings.UI_CASE_LIST_HEADER) ---------------

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        """The saved sizes, and the list's own width from them (read from the state itself: the splitter, not
        shown yet, fits the sizes it restores into its first, small, geometry)."""
        restored = super().restoreState(state)
        if restored:
            stream = QDataStream(state if isinstance(state, QByteArray) else QByteArray(bytes(state)))
            stream.readInt32()  # QSplitter's marker
            stream.readInt32()  # and its version
            if stream.readUInt32() == 2 and (width := stream.readInt32()) > 0:
                self._list_width = max(LIST_MIN_WIDTH, width)
        return restored

    def saveState(self) -> QByteArray:
        """The list's own width (as the officer left it), not what a narrow window left it: a window closed on
        the laptop opens with the usual list on the office's monitor."""
        sizes = self.sizes()
        if len(sizes) != 2 or sizes[0] == self._list_width:
            return super().saveState()
        total = sum(sizes)
        self.setSizes([self._list_width, total - self._list_width])
        state = super().saveState()
        self.setSizes(sizes)
        return state

    def _on_splitter_moved(self, pos: int, _index: int) -> None:
        self._list_width = max(LIST_MIN_WIDTH, self.sizes()[0])
        self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list()

    def _fit_list(self) -> None:
        """On a narrow window (a 1024-px laptop) the list gives the editor the width its section tabs need to
        show every label whole ("Subj…", "Encoun…" could not be told apart), down to LIST_MIN_WIDTH; on a wider
        one it has its own width back. It depends on the window's width and the tabs' labels only, never on
        the header's text, so the list does not jump as "Saved" / "Unsaved changes…" come and go."""
        sizes = self.sizes()
        total = sum(sizes)
        if total <= 0 or len(sizes) != 2:
            return
        layout = self.editor.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        need = self.editor.tabs.tabBar().sizeHint().width() + margins.left() + margins.right() + 2
        target = max(LIST_MIN_WIDTH, min(self._list_width, total - need))
        if sizes[0] != target:
            self.setSizes([target, total - target])
        self._fit_columns()

    def _fit_columns(self) -> None:
        """On a narrow list the case number (elided in the middle anyway) gives up width so the name stays
        readable, under a short title ("No.") that fits it; it has its full width and title back when there is
        room (a width saved from a narrow window comes back full on a wide one)."""
        header = self.table.horizontalHeader()
        if header.isSectionHidden(0) or header.isSectionHidden(1):
            self.model.set_short_number_title(False)
            return
        frame = 2 * self.table.frameWidth()
        bar = self.table.verticalScrollBar()
        room = self.sizes()[0] - frame - (bar.sizeHint().width() if bar.isVisible() else 0)
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in (0, 1) and not header.isSectionHidden(c))
        metrics = self.table.fontMetrics()
        name_min = metrics.horizontalAdvance("Núñez Ortiz, A") + 8  # a name readable to about 14 letters
        full = self._number_width()
        bold = QFont(header.font())
        bold.setBold(True)  # the title of a column with the current row is drawn bold
        short_title = translated("CaseListModel", str(SHORT_NUMBER))
        narrow = max(metrics.horizontalAdvance("CF-…-0042"), QFontMetrics(bold).horizontalAdvance(short_title)) + 16
        width = max(narrow, min(full, room - others - name_min))
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)
        self.model.set_short_number_title(width < full)

    def list_state(self) -> bytes:
        return bytes(self.table.horizontalHeader().saveState().data())

    def restore_list_state(self, state: bytes) -> None:
        header = self.table.horizontalHeader()
        if state and header.restoreState(QByteArray(state)):
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _status_width(self) -> int:
        """The status column fits its longest word in the window's language beside its sync icon ("Submitted"
        and "Concurred" — or "Conformidad" — cut to "Sub…", "Conc…" could not be told apart)."""
        from PySide6.QtWidgets import QStyle  # here: the launch path never builds QStyle (test_launch_lean)

        bold = self.table.font()
        bold.setBold(True)  # a decision not seen yet shows its status in bold (widgets.sync_state_delegate)
        metrics = QFontMetrics(bold)
        longest = max(metrics.horizontalAdvance(f"{NEW_MARKER} {label(status)}") for status in CaseStatus)
        icon = self.table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        return max(COLUMN_WIDTHS[3], longest + icon + 16)

    def _number_width(self) -> int:
        """The case number, elided in the middle ("CF-20…-0042"): the office's prefix and the part that
        differs stay; the rest of the width goes to the name."""
        title = str(self.model.headerData(0, Qt.Orientation.Horizontal))
        return max(self.table.fontMetrics().horizontalAdvance("CF-20…-0042"),
                   self.table.horizontalHeader().fontMetrics().horizontalAdvance(title)) + 16

    def _updated_width(self) -> int:
        """The date the case was last changed (the time is in its tooltip), or the column's title if wider."""
        return self._header_or(4, "2026-11-26")

    def _header_or(self, column: int, sample: str) -> int:
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
        sort_arrow = 20
        return max(self.table.fontMetrics().horizontalAdvance(sample) + 16,
                   self.table.horizontalHeader().fontMetrics().horizontalAdvance(title) + 16 + sort_arrow)

    def _on_header_menu_requested(self, pos: QPoint) -> None:
        """Show or hide the list's columns (the name always stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == 1:
                continue
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        self.header_menu = menu
        menu.popup(header.mapToGlobal(pos))
