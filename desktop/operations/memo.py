"""Render, record and verify decision memos, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from casework.policy import PolicyLibrary
from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.seal import Seal, SealCheck
    from printing.memo import MemoSettings
    from storage.store import Changes


@dataclass(frozen=True, slots=True)
class RenderedMemo:
    case: CaseFile
    seal: Seal
    pdf: bytes


def render_case_memo(*, tasks: TaskManager, parent: QWidget | None, case_id: str, settings: MemoSettings,
                     policies: PolicyLibrary) -> Op[RenderedMemo]:
    """Seal the case as stored now and lay out its memo (on the store thread: never on the GUI thread)."""

    def op(store) -> RenderedMemo:
        from printing.memo import render_memo

        case = store.get_case(case_id)
        a = case.assessment
        policy = policies.get(a.policy_id, a.policy_version) if a else policies.latest()
        seal = store.seal(case_id)
        return RenderedMemo(case, seal, render_memo(case, policy, settings, seal))

    return tasks.run_op(parent=parent, op=op, label="Preparing the memo…")


def record_print(*, tasks: TaskManager, parent: QWidget | None, memo: RenderedMemo, how: str) -> Op[Changes]:
    """Note on the case (in its audit trail) that this revision's memo was printed or saved."""
    detail = f"revision {memo.seal.revision}, digest {memo.seal.digest[:16]}, {how}"
    return tasks.run_op(parent=parent, op=lambda store: store.record_event("memo_printed", memo.case.id, detail))


def check_memo(*, tasks: TaskManager, parent: QWidget | None, pdf: bytes) -> Op[SealCheck]:
    def op(store) -> SealCheck:
        from printing.verify import read_seal

        return store.check_seal(read_seal(pdf))

    return tasks.run_op(parent=parent, op=op)
