"""User-level actions on cases, as background ops. Windows call these, never `store.*` directly.

The steps of an open case (submit, review, reopen) go through its save queue (`desktop.save_queue`), behind
any save still on its way, so that they act on the case as the officer last saw it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.assessment import ReviewDecision
    from casework.model import CaseFile, CaseSummary
    from casework.search import CasePage, ListRequest
    from desktop.save_queue import CaseSaveQueue
    from storage.store import CaseStore, SaveResult

MANY = 200
"""Past this many changed cases, the list is read again whole (one query) instead of case by case."""


def list_cases(*, tasks: TaskManager, parent: QWidget | None) -> Op[list[CaseSummary]]:
    return tasks.run_op(parent=parent, op=lambda store: store.list_cases(), label="Loading cases…")


def case_summaries(*, tasks: TaskManager, parent: QWidget | None,
                   case_ids: frozenset[str]) -> Op[tuple[bool, list[CaseSummary]]]:
    """The list rows of `case_ids` as stored now: (False, those rows), or (True, no rows: reload the list) when
    the change touched many cases or did not say which (`case_ids` empty)."""

    def op(store: CaseStore) -> tuple[bool, list[CaseSummary]]:
        if not case_ids or len(case_ids) > MANY:
            return True, []  # the list asks for its page again (it never holds every case)
        return False, store.list_cases(case_ids)  # from the list index: no case body decrypted

    return tasks.run_op(parent=parent, op=op)


def case_page(*, tasks: TaskManager, parent: QWidget | None, request: ListRequest,
              label: str | None = None) -> Op[CasePage]:
    """A page of the case list, or a search's best matches (storage.store.CaseStore.case_page)."""
    return tasks.run_op(parent=parent, op=lambda store: store.case_page(request), label=label)


def new_case(*, tasks: TaskManager, parent: QWidget | None) -> Op[SaveResult]:
    return tasks.run_op(parent=parent, op=lambda store: store.new_case())


def load_case(*, tasks: TaskManager, parent: QWidget | None, case_id: str) -> Op[CaseFile]:
    """Open a case for the officer (the view is recorded in the audit log)."""
    return tasks.run_op(parent=parent, op=lambda store: store.view_case(case_id))


def submit_case(*, queue: CaseSaveQueue) -> Op[SaveResult]:
    """Submit the stored case for review (after the saves queued before). WorkflowRefused names what blocks it."""
    case_id = queue.case_id
    return queue.step(lambda store: store.submit_case(case_id))


def review_case(*, queue: CaseSaveQueue, decision: ReviewDecision, comment: str, read: str | None = None
                ) -> Op[SaveResult]:
    """A supervisor's decision; refused (WorkflowRefused) for an officer profile or the submitting officer, and —
    given `read`, the reviewed_digest of what the supervisor read — when a sync changed the case since."""
    case_id = queue.case_id
    return queue.step(lambda store: store.review_case(case_id, decision, comment, read=read))


def reopen_case(*, queue: CaseSaveQueue, reason: str) -> Op[SaveResult]:
    """Make a submitted or reviewed case a draft again; the reason goes into its history and the audit log."""
    case_id = queue.case_id
    return queue.step(lambda store: store.reopen_case(case_id, reason))


def delete_case(*, tasks: TaskManager, parent: QWidget | None, case_id: str, revision: int) -> Op[object]:
    """Delete a draft case (the store refuses a submitted or printed one, and one that changed meanwhile)."""
    return tasks.run_op(parent=parent, op=lambda store: store.delete_case(case_id, revision=revision))
