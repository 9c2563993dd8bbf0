"""What a sync would do, before it does it: the cases that go up, those that come down, those held back.

The Sync dialog shows this first (counts and the cases by number and name) so that nobody presses Sync without
knowing what it moves. Reading what comes down opens each record exactly as a sync would (storage.sync.open_record:
member, signature, key), so a record that a sync would refuse is listed as refused here too. Nothing is taken in;
only the verified member list may be brought up to date (as any sync would, audited by storage.office.link).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from casework.body import upgrade
from casework.i18n import QT_TRANSLATE_NOOP, message_of
from storage.office.backend import OfficeBackend, Record, RecordRejected
from storage.office.link import content_keys, refresh, require_link
from storage.store import CaseStore
from storage.sync import PAGE, check_office_history, open_payload, remembered_records


@dataclass(frozen=True, slots=True)
class PreviewCase:
    case_id: str
    case_number: str
    name: str
    new: bool = False
    """Coming down: a case this laptop does not hold yet."""
    deleted: bool = False
    """A deletion (tombstone): going up, a draft deleted here; coming down, a case deleted elsewhere."""
    back: bool = False
    """Coming down: a case deleted here that the office changed since; it comes back, with a conflict that asks
    whether to delete it again."""


@dataclass
class SyncPreview:
    up: list[PreviewCase] = field(default_factory=list)
    down: list[PreviewCase] = field(default_factory=list)
    held: list[PreviewCase] = field(default_factory=list)
    """Cases with a sync conflict waiting for a person: not sent until it is resolved."""
    refused: list[str] = field(default_factory=list)
    """Records a sync would refuse, each named with the reason."""

    @property
    def nothing_to_do(self) -> bool:
        return not (self.up or self.down or self.refused)


def preview(store: CaseStore, backend: OfficeBackend, *, check: Callable[[], None] | None = None) -> SyncPreview:
    """What `storage.sync.sync(store, backend)` would push and pull now. `check()` is called between pages and
    may raise (a Cancel). Raises OfficeError (not linked, another office, not approved yet, unreachable)."""
    checkpoint = check or (lambda: None)
    link = require_link(store)
    roster = refresh(store, backend)  # refuses another office where the link points, by name
    keys = content_keys(store)
    check_office_history(store, backend, roster, keys, link.office_id)  # a sync would refuse: its preview too
    if roster.member(link.member_id) is None or not keys:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "This profile is not yet an approved member of the office: "
                                               "ask the administrator or a supervisor to approve it, then sync."))
    out = SyncPreview()
    known = {s.id: s for s in store.list_cases()}

    def local(case_id: str, new: bool = False) -> PreviewCase:
        s = known[case_id]
        return PreviewCase(case_id, s.case_number, s.display_name, new)

    held = {c.case_id for c in store.sync_conflicts()}
    out.held = [local(i) for i in sorted(held) if i in known]
    out.up = [local(o.case_id) for o in store.sync_outgoing() if o.case_id in known]
    out.up += [PreviewCase(t.case_id, t.case_number, "", deleted=True) for t in store.sync_outgoing_tombstones()]
    down: dict[str, PreviewCase] = {}
    """The latest record of each case decides what comes down (a case changed, then deleted, is a deletion)."""
    for page in _pages(store, backend, link.cursor):
        checkpoint()
        for record in page:
            state = store.sync_base(record.case_id)
            if record.author == link.member_id or (state is not None and record.office_rev <= state.office_rev):
                continue
            gone = store.tombstone(record.case_id) if record.case_id not in known else None
            if gone is not None and gone.office_rev is not None and record.office_rev <= gone.office_rev:
                continue  # from before its deletion here: the sync passes it over
            try:
                payload = open_payload(record, roster, keys, link.office_id)
            except RecordRejected as exc:
                out.refused.append(message_of(exc))
                continue
            if "tombstone" in payload:
                if record.case_id in known:
                    down[record.case_id] = PreviewCase(record.case_id, known[record.case_id].case_number, "",
                                                       deleted=True)
                else:  # never here, or already deleted here: nothing changes on this laptop
                    down.pop(record.case_id, None)
            elif record.case_id in known:
                down[record.case_id] = local(record.case_id)
            else:
                doc = upgrade(json.loads(payload["body"]))
                subject = doc.get("subject") or {}
                family, given = str(subject.get("family_name", "")), str(subject.get("given_names", ""))
                name = f"{family}, {given}" if family and given else family or given
                down[record.case_id] = PreviewCase(record.case_id, str(doc.get("case_number", "")), name,
                                                   new=gone is None, back=gone is not None)
    out.down = list(down.values())
    return out


def _pages(store: CaseStore, backend: OfficeBackend, cursor: int) -> Iterator[list[Record]]:
    """What a sync reads: the records refused at earlier syncs (read again: storage.sync._pull), then every page
    above the cursor."""
    if wanted := store.sync_refused():
        yield remembered_records(backend, wanted)[0]
    while page := backend.pull(cursor, PAGE):
        yield page
        cursor = max(cursor, page[-1].seq)
