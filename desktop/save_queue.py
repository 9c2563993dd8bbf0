"""One save queue per open case: every edit is saved, in order, each save on top of the one before it.

The store refuses a save whose base (revision and saved time) is not the stored one, so that nobody silently
undoes someone else's save. The editor's own saves must therefore chain: a second save queued while the first
is still on its way has to be based on what the first one produced — which only the store thread knows when it
runs. So the queue keeps that base itself, reads and writes it only inside its ops (which run one at a time, in
order, on the store thread), and every op of this case goes through it: saves, Keep mine, Reload, and the
workflow steps.

On the GUI thread the queue counts edits: `edited()` for each change the user makes, `save(case)` when the
edits so far are handed to the store. `unsaved` says whether any edit is not stored yet (queued, in flight,
failed or not even queued), `settled` whether nothing is in flight; `when_settled(cb)` runs `cb(saved_all)`
once every queued save has come back. Lock, print, switching case and quitting flush with `save` first, and act
when settled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.tasks import Op, TaskManager
from storage.errors import CaseConflict

if TYPE_CHECKING:
    from casework.model import CaseFile
    from storage.store import CaseStore, SaveResult

log = logging.getLogger("casefile.autosave")


class CaseSaveQueue:
    """The saves and steps of one case (see the module docstring). Create one per case shown."""

    def __init__(self, tasks: TaskManager, parent: QWidget | None, case: CaseFile, *,
                 on_saved: Callable[[SaveResult], object],
                 on_failed: Callable[[BaseException], object]) -> None:
        self.tasks = tasks
        self.parent = parent
        self.case_id = case.id
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._base: tuple[int, datetime | None] = (case.revision, case.updated_at)  # store thread only, from now on
        self._edits = 0  # edits made on screen
        self._queued = 0  # edits handed to the store so far
        self._stored = 0  # edits the store has confirmed
        self._in_flight = 0
        self._error: BaseException | None = None
        self._waiters: list[Callable[[bool], object]] = []
        self.conflicted = False
        """A save was refused as based on an old copy: nothing more is saved until Reload or Keep mine."""
        self.last_case: CaseFile | None = None
        """The edits last handed to the store (kept in memory while they are not stored)."""

    # ----- state, on the GUI thread ---------------------------------------------------------------------------

    def edited(self) -> None:
        self._edits += 1

    @property
    def dirty(self) -> bool:
        """Edits on screen not yet handed to the store."""
        return self._edits > self._queued

    @property
    def unsaved(self) -> bool:
        """Edits on screen the store has not confirmed (not queued, on their way, or refused)."""
        return self._edits > self._stored

    @property
    def settled(self) -> bool:
        return self._in_flight == 0

    def when_settled(self, callback: Callable[[bool], object]) -> None:
        """Call `callback(every edit is stored)` once no save of this case is on its way (at once if none is)."""
        if self.settled:
            callback(not self.unsaved)
        else:
            self._waiters.append(callback)

    def mark_clean(self) -> None:
        """The screen shows the stored case again (after a Reload): nothing is unsaved."""
        self._queued = self._stored = self._edits
        self.conflicted = False

    # ----- ops ---------------------------------------------------------------------------------------------

    def save(self, case: CaseFile) -> None:
        """Hand the edits so far (`case` is the editor's value now) to the store, behind any save on its way."""
        mark = self._edits
        self._queued = mark
        self.last_case = case

        def op(store: CaseStore) -> SaveResult:
            revision, updated_at = self._base  # what the save before this one produced
            result = store.update_case(replace(case, revision=revision, updated_at=updated_at))
            self._base = (result.case.revision, result.case.updated_at)
            return result

        self._run(op, mark)

    def keep_mine(self, case: CaseFile) -> None:
        """Save `case` on top of whatever is stored now (the user's answer to a conflict)."""
        mark = self._edits
        self._queued = mark
        self.conflicted = False
        self.last_case = case

        def op(store: CaseStore) -> SaveResult:
            result = store.update_case(case, over_latest=True)
            self._base = (result.case.revision, result.case.updated_at)
            return result

        self._run(op, mark, keeping_mine=True)

    def reload(self, *, shown_revision: int | None = None) -> Op[CaseFile]:
        """The case as stored now; later saves are based on it. When it is newer than `shown_revision` (what the
        editor shows, about to be replaced: a decision that came in by sync), the view is recorded as opening the
        case records it, so the list's "new decision" mark goes once the officer has the decision on screen."""

        def op(store: CaseStore) -> CaseFile:
            case = store.get_case(self.case_id)
            if shown_revision is not None and case.revision != shown_revision:
                case = store.view_case(self.case_id)
            self._base = (case.revision, case.updated_at)
            return case

        return self.tasks.run_op(parent=self.parent, op=op)

    def step(self, apply: Callable[[CaseStore], SaveResult]) -> Op[SaveResult]:
        """A workflow step on the stored case (submit, review, reopen), queued behind the saves; later saves are
        based on its result."""

        def op(store: CaseStore) -> SaveResult:
            result = apply(store)
            self._base = (result.case.revision, result.case.updated_at)
            return result

        return self.tasks.run_op(parent=self.parent, op=op)

    def close_revision(self) -> Op[object]:
        """End the case's open revision (leaving the case, locking, printing, exporting), after the saves."""
        case_id = self.case_id
        return self.tasks.run_op(parent=self.parent, op=lambda store: store.close_revision(case_id))

    # ----- results, on the GUI thread ----------------------------------------------------------------------

    def _run(self, op: Callable[[CaseStore], SaveResult], mark: int, *, keeping_mine: bool = False) -> None:
        self._in_flight += 1
        (self.tasks.run_op(parent=self.parent, op=op)
         .success(lambda result: self._landed(result, mark))
         .failure(lambda exc: self._refused(exc, mark, keeping_mine)))

    def _landed(self, result: SaveResult, mark: int) -> None:
        self._in_flight -= 1
        self._stored = max(self._stored, mark)
        self._queued = max(self._queued, mark)  # a save that failed before this one is covered by it
        self._on_saved(result)
        self._settle()

    def _refused(self, exc: BaseException, mark: int, keeping_mine: bool = False) -> None:
        self._in_flight -= 1
        if mark > self._stored:
            self._queued = min(self._queued, self._stored)  # these edits must be handed over again
            self._error = exc
            if isinstance(exc, CaseConflict) or keeping_mine:
                self.conflicted = True  # a failed Keep mine leaves the conflict to be resolved, not autosaved
        log.info("a save was refused: %s", type(exc).__name__)
        self._settle()

    def _settle(self) -> None:
        if not self.settled:
            return
        error, self._error = self._error, None
        if error is not None and self.unsaved:
            self._on_failed(error)  # once, for the last refusal, when nothing else is on its way
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter(not self.unsaved)
