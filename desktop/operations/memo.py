"""Render, record and verify decision memos, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from casework.policy import PolicyLibrary
from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.seal import MemoSeal, SealCheck
    from printing.memo import MemoSettings
    from storage.store import Changes


@dataclass(frozen=True, slots=True)
class RenderedMemo:
    case: CaseFile
    seal: MemoSeal
    pdf: bytes


def render_case_memo(*, tasks: TaskManager, parent: QWidget | None, case_id: str, settings: MemoSettings,
                     policies: PolicyLibrary) -> Op[RenderedMemo]:
    """Seal the case as stored now and lay out its memo (on the store thread: never on the GUI thread)."""

    def op(store) -> RenderedMemo:
        from printing.memo import SealRequest, render_memo
        from storage import memo_prints

        case, digest = memo_prints.sealed_revision(store, case_id)  # closes the open revision first
        a = case.assessment
        policy = policies.get(a.policy_id, a.policy_version) if a else policies.latest()
        memo = render_memo(case, policy, settings, SealRequest(digest, memo_prints.ProfileSigner(store), case_id))
        return RenderedMemo(case, memo.seal, memo.pdf)

    return tasks.run_op(parent=parent, op=op, label="Preparing the memo…")


def record_print(*, tasks: TaskManager, parent: QWidget | None, memo: RenderedMemo, how: str) -> Op[Changes]:
    """Note on the case (in its audit trail) that this revision's memo was printed or saved."""
    detail = f"revision {memo.seal.revision}, print {memo.seal.print_id}, {how}"
    return tasks.run_op(parent=parent, op=lambda store: store.record_event("memo_printed", memo.case.id, detail))


def check_memo(*, tasks: TaskManager, parent: QWidget | None, pdf: bytes) -> Op[SealCheck]:
    def op(store) -> SealCheck:
        from desktop.cli_memo import check_memo_file
        from printing.verify import read_memo

        return check_memo_file(store, read_memo(pdf))

    return tasks.run_op(parent=parent, op=op)
