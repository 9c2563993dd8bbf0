"""User-level actions on cases, as background ops. Windows call these, never `store.*` directly."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.model import CaseFile, CaseSummary
    from storage.store import SaveResult


def list_cases(*, tasks: TaskManager, parent: QWidget | None) -> Op[list[CaseSummary]]:
    return tasks.run_op(parent=parent, op=lambda store: store.list_cases(), label="Loading cases…")


def new_case(*, tasks: TaskManager, parent: QWidget | None) -> Op[SaveResult]:
    return tasks.run_op(parent=parent, op=lambda store: store.new_case())


def load_case(*, tasks: TaskManager, parent: QWidget | None, case_id: str) -> Op[CaseFile]:
    return tasks.run_op(parent=parent, op=lambda store: store.get_case(case_id))


def save_case(*, tasks: TaskManager, parent: QWidget | None, case: CaseFile) -> Op[SaveResult]:
    """Save `case` as its next revision (one transaction). Raises CaseConflict if it changed meanwhile."""
    return tasks.run_op(parent=parent, op=lambda store: store.update_case(case))
