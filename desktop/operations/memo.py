"""Render, record and verify decision memos, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from casework.policy import PolicyLibrary
from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.model import CaseFile
    from casework.seal import MemoSeal
    from desktop.cli_memo import MemoCheck
    from printing import memo as printing_memo
    from printing.memo import MemoSettings
    from storage.store import Changes


@dataclass(frozen=True, slots=True)
class RenderedMemo:
    case: CaseFile
    seal: MemoSeal
    pdf: bytes
    rendered: printing_memo.RenderedMemo
    """Everything the rendering used (kept in the print record when the memo is printed or saved)."""
    translated_copy: str = ""
    """The language of a translated copy after the memo's pages in `pdf` (printing.translated_copy), if any."""
    translated_pages: int = 0


def render_case_memo(*, tasks: TaskManager, parent: QWidget | None, case_id: str, settings: MemoSettings,
                     policies: PolicyLibrary, recipient_type: str = "", recipient: str = "",
                     translated_copy: str = "") -> Op[RenderedMemo]:
    """Seal the case as stored now and lay out its memo (on the store thread: never on the GUI thread).

    With `recipient_type` ("counsel", "agency": casework.disclosure.recipients()) and `recipient` (a name), a
    copy for that recipient under the type's disclosure profile; printing or saving it logs the disclosure.
    A bad recipient name fails the op with DisclosureError (its message says what is wrong). With
    `translated_copy` ("es"), a translated copy follows the memo's pages (not sealed; the record is the original)."""

    def op(store: Any) -> RenderedMemo:
        from casework.disclosure import check_recipient, profile_for
        from printing.memo import CopyFor, SealRequest, render_memo
        from storage import memo_prints

        copy = CopyFor(profile_for(recipient_type), check_recipient(recipient)) if recipient_type else None
        case, digest = memo_prints.sealed_revision(store, case_id)  # closes the open revision first
        a = case.assessment
        policy = policies.get(a.policy_id, a.policy_version) if a else policies.latest()
        memo = render_memo(case, policy, settings, SealRequest(digest, memo_prints.ProfileSigner(store), case_id),
                           copy=copy)
        assert memo.seal is not None
        if translated_copy:
            from desktop.cli_memo import with_translated_copy

            pdf, pages = with_translated_copy(case, policy, settings, memo, translated_copy, copy)
            return RenderedMemo(case, memo.seal, pdf, memo, translated_copy, pages)
        return RenderedMemo(case, memo.seal, memo.pdf, memo)

    return tasks.run_op(parent=parent, op=op, label="Preparing the memo…")


def record_print(*, tasks: TaskManager, parent: QWidget | None, memo: RenderedMemo, how: str) -> Op[Changes]:
    """Keep the print record (what the rendering used, so the memo verifies later whatever the settings are
    then) and note in the case's audit trail that this revision's memo was printed or saved (for a copy: the
    disclosure, who to whom under which profile)."""

    def op(store: Any) -> Changes:
        from desktop.cli_memo import record_memo

        also = (f", with a translated copy ({memo.translated_copy}, {memo.translated_pages} pages, not sealed)"
                if memo.translated_pages else "")
        return record_memo(store, memo.rendered, how + also)

    return tasks.run_op(parent=parent, op=op)


def check_memo(*, tasks: TaskManager, parent: QWidget | None, files: list[tuple[str, bytes]] | None = None,
               pdf: bytes | None = None, policies: PolicyLibrary | None = None) -> Op[MemoCheck]:
    """Check a memo PDF, or scans or photos of a paper copy (`files`: one or more (name, bytes)), against the
    store. For scans the result carries each scanned image and the stored memo rendered again, for a person to
    compare. (`pdf`: one memo file, as older callers pass it.)"""
    if files is None:
        files = [("memo.pdf", pdf or b"")]

    def op(store: Any) -> MemoCheck:
        from desktop.cli_memo import check_memo_file, check_scans, read_memo_or_scans

        memo, images = read_memo_or_scans(files)
        if memo is not None:
            return check_memo_file(store, memo, policies)
        return check_scans(store, images, policies, keep_images=True)

    return tasks.run_op(parent=parent, op=op, label="Checking the memo…")
