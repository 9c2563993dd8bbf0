"""Where each case stands with the office, for the case list: synced, changed, conflict, error — and a review
decision that came down from the office and has not been looked at yet.

Read from the store's own tables, no case body decrypted: `sync_state` (the local revision last in step with the
office), `sync_conflicts`, the audit log (a record refused for the case since it was last taken in or pushed) and
the store's decision notices (a decision taken in by sync; opening the case clears it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storage.store import CaseStore


class SyncState(StrEnum):
    SYNCED = "synced"
    CHANGED = "changed"
    """Changed here since the last sync (or never sent): the next sync sends it."""
    CONFLICT = "conflict"
    ERROR = "error"
    """The office's last copy of the case was refused (signature, role, content): see the audit log."""


@dataclass(frozen=True, slots=True)
class SyncMark:
    state: SyncState
    new_decision: str = ""
    """"concurred", "returned" or "nonconcurred": came in by sync and not opened since; "" otherwise."""


def sync_marks(store: CaseStore, ids: list[str] | None = None) -> dict[str, SyncMark]:
    """Every case's mark (or those of `ids`); {} when the profile is not linked to an office."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM office_link WHERE id = 1").fetchone() is None:
        return {}
    where = f" WHERE c.id IN ({','.join('?' * len(ids))})" if ids else ""
    rows = conn.execute(
        "SELECT c.id, c.revision, c.status, s.synced_revision, "
        "EXISTS (SELECT 1 FROM sync_conflicts k WHERE k.case_id = c.id) "
        "FROM cases c LEFT JOIN sync_state s ON s.case_id = c.id" + where, tuple(ids or ())).fetchall()
    last: dict[tuple[str, str], int] = {}
    for case_id, action, seq in conn.execute(
            "SELECT case_id, action, max(seq) FROM audit_log WHERE case_id IS NOT NULL AND action IN "
            "('case_synced', 'case_pushed', 'sync_rejected')"
            + (f" AND case_id IN ({','.join('?' * len(ids))})" if ids else "") + " GROUP BY case_id, action",
            tuple(ids or ())):
        last[(case_id, action)] = seq
    notices = store.decision_notices()
    marks: dict[str, SyncMark] = {}
    for case_id, revision, _status, synced, conflicted in rows:
        taken = max(last.get((case_id, "case_synced"), 0), last.get((case_id, "case_pushed"), 0))
        if conflicted:
            state = SyncState.CONFLICT
        elif last.get((case_id, "sync_rejected"), 0) > taken:
            state = SyncState.ERROR
        elif synced is None or synced != revision:
            state = SyncState.CHANGED
        else:
            state = SyncState.SYNCED
        notice = notices.get(case_id)
        marks[case_id] = SyncMark(state, notice.decision if notice else "")
    return marks
