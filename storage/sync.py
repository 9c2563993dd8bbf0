"""Sync a profile with its office: pull what is new, merge, push what changed — losing nothing on either side.

The protocol (Anki's update sequence numbers and sanity check, ODK Central's entity base versions):

1. **Pull** every record above this laptop's cursor, page by page. Each is verified before anything is kept —
   its author is a member of the verified roster, its signature covers its routing and ciphertext, it decrypts
   with the office key, and any workflow step it carries was taken by its author with the right role (a review
   only by a supervisor or the administrator, never by the officer who submitted the case). A record that fails
   is refused by name, recorded in the audit log, and passed over, but remembered: each later sync reads it
   again on its own, until it reads (put right at the office) or its case has moved past it. A good one is kept
   in the same local transaction as the cursor: the office's copy as is when the laptop did not change the
   case, else merged three-way with the local edits (casework.merge); a field changed on both sides is a
   conflict kept for a person, and the case is not pushed until it is resolved.
   A merge this laptop may not send — every other laptop would refuse it (check_steps: a colleague submitted
   the case meanwhile, a decision bound to content the case no longer has) — is never written: the office's copy
   is kept as it stands and this laptop's changed values wait beside it as conflicts (SyncReport.set_aside says
   why); the store refuses keeping them while the case may not change here (CaseStore.resolve_conflict).
2. **Push** each changed case with the office revision it is based on, sealed and signed. The office accepts it
   only on that base; otherwise the next round pulls the office's copy and merges first. The push id is derived
   from the case, its base and its content, so a retry after a lost connection finds the first push.
3. **Compare**: the count of cases and a digest of every case's office revision, on both sides.

Local revisions are never renumbered: whatever arrives is written as the laptop's next revision.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from casework.assessment import WorkflowEvent
from casework.body import dump_body, upgrade
from casework.i18n import QT_TRANSLATE_NOOP, Message, message_of, plural
from casework.ids import with_item_ids
from casework.merge import differences, get_path, merge, set_path
from casework.model import CaseFile, CaseStatus, Officer
from casework.seal import record_digest
from casework.serial import DecodeError, canonical_json, from_jsonable, to_jsonable
from casework.text import nfc
from casework.validation import validate_case
from casework.workflow import (
    REVIEW_EVENTS,
    content_digest,
    edit_refusal,
    is_editable,
    owner,
    reviewed_digest,
    status_of_log,
    submitter,
)
from storage import pull_worker
from storage.errors import Cancelled, CaseConflict, UserFacingError
from storage.office import crypto
from storage.office.backend import OfficeBackend, OfficeError, Record, RecordRejected, heads_digest
from storage.office.link import (
    SKEW_WARNING,
    check_not_revoked,
    clock_skew,
    content_keys,
    describe_skew,
    refresh,
    require_link,
)
from storage.office.roster import REVIEWERS, Member, Roster, honours_revocation
from storage.pull_worker import PageOpener
from storage.store import (
    DELETED,
    CaseStore,
    Incoming,
    NewRow,
    OutgoingCase,
    PageState,
    SearchForm,
    StoredConflict,
    Tombstone,
    new_case_rows,
    search_form,
)

PAGE = 1000
PUSH_BATCH = 1000
ROUNDS = 3


@dataclass
class SyncReport:
    pulled: int = 0
    """Cases the office's records changed here (this laptop's own pushes read back, a case that came and went
    within the sync and refused records are not counted)."""
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    """Cases not pushed: open conflicts, or the office's copy could not be taken in."""
    office_cases: int = 0
    local_cases: int = 0
    office_digest: str = ""
    local_digest: str = ""
    clock_skew: float = 0.0
    """Seconds this laptop's clock is ahead of the office's (link.clock_skew): shown, never used to order."""

    held: list[str] = field(default_factory=list)
    """Case numbers with open conflicts after the sync: not the same on both sides until a person chooses."""
    held_ids: list[str] = field(default_factory=list)
    """Their case ids, in the same order."""
    set_aside: list[Message] = field(default_factory=list)
    """Why this laptop's own changes to a case were not sent, one line each: the office's copy changed so that
    they may no longer stand (a colleague submitted the case meanwhile, a decision on a case changed since). The
    office's copy is kept here and the changed values wait as sync conflicts (nothing is lost)."""
    deletions: int = 0
    """Deleted cases (their tombstones) among local_cases: `cases` is the cases themselves."""
    overruled: dict[str, int] = field(default_factory=dict, repr=False)
    """case id → the newest office revision of it this sync refused although it opened and its signature held
    (a step its author may not take): this laptop's push may go over it (see _push)."""
    taken: set[str] = field(default_factory=set, repr=False)
    arrived: set[str] = field(default_factory=set, repr=False)
    """Case ids taken in (pulled counts them), and those among them that were not here before this sync."""

    @property
    def cases(self) -> int:
        """The cases this laptop holds in step with the office, deletions not counted."""
        return self.local_cases - self.deletions

    def took(self, case_id: str, new: bool) -> None:
        self.taken.add(case_id)
        if new:
            self.arrived.add(case_id)
        self.pulled = len(self.taken)

    def took_deletion(self, case_id: str) -> None:
        """A deletion taken in: a case that arrived in this same sync came and went (nothing changed here)."""
        if case_id in self.arrived:
            self.taken.discard(case_id)
        else:
            self.taken.add(case_id)
        self.pulled = len(self.taken)

    @property
    def in_step(self) -> bool:
        """Both sides hold the same cases at the same revisions, with nothing held back or refused."""
        return self.office_cases == self.local_cases and self.office_digest == self.local_digest \
            and not self.held and not self.waiting and not self.rejected

    def summary(self) -> Message:
        """One line for the CLI (the window words its own), to be translated where it is printed."""
        state = (QT_TRANSLATE_NOOP("storage", "in step ({cases}, digest {digest})") if self.in_step else
                 QT_TRANSLATE_NOOP("storage", "NOT in step ({cases}, digest {digest})")).format(
            cases=CASES.of(self.cases if self.in_step else self.office_cases), digest=self.office_digest[:12])
        line = QT_TRANSLATE_NOOP("storage", "pulled {pulled}, pushed {pushed}, merged {merged}, conflicts "
                                 "{conflicts}, rejected {rejected}; {state}").format(
            pulled=self.pulled, pushed=self.pushed, merged=self.merged, conflicts=self.conflicts,
            rejected=len(self.rejected), state=state)
        if self.in_step and self.deletions:  # deleted cases are compared too, but are not cases
            line = QT_TRANSLATE_NOOP("storage", "{line}; deletions: {deleted}").format(line=line,
                                                                                    deleted=self.deletions)
        if self.held:
            line = QT_TRANSLATE_NOOP("storage", "{line}; held back by conflicts: {cases} (casefile conflicts)").format(
                line=line, cases=", ".join(self.held))
        for why in self.set_aside:
            line = QT_TRANSLATE_NOOP("storage", "{line}; {why}").format(line=line, why=why)
        if abs(self.clock_skew) >= SKEW_WARNING:
            line = QT_TRANSLATE_NOOP("storage", "{line}; {skew}").format(line=line, skew=describe_skew(self.clock_skew))
        return line


CASES = plural.translate("storage", "%n case(s)", None, -1)
"""How the summary counts cases (in the reader's plural)."""
RECORD = QT_TRANSLATE_NOOP("storage", "Office record {seq} (case {case}, office revision {rev})")
"""How a refusal names the office record it is about."""
UNREADABLE = QT_TRANSLATE_NOOP("storage", "Office record {seq} is not a readable office record ({problem}); refused.")
"""A row or log line the office holds that is not a record (backend.UnreadableRecord): refused like any other."""


def push_id(office_id: str, case_id: str, base_rev: int, body: str) -> str:
    """The same case content on the same base is the same push, however often it is retried."""
    return hashlib.sha256(f"{office_id}\0{case_id}\0{base_rev}\0{record_digest(body)}".encode()).hexdigest()[:32]


def sync(store: CaseStore, backend: OfficeBackend, *, progress: Callable[[str], None] | None = None) -> SyncReport:
    """One sync (see the module doc). OfficeUnreachable mid-way leaves both sides consistent: run it again."""
    say = progress or (lambda _text: None)
    report = SyncReport()
    link = require_link(store)
    if backend.office_id() != link.office_id:  # also refuses an office store newer than this app
        raise OfficeError(QT_TRANSLATE_NOOP("storage", "{where} holds another office than the one this profile "
                                            "joined ({office}); nothing was synced.").format(
            where=backend.location, office=link.office_id[:8]))
    roster = refresh(store, backend)
    keys = content_keys(store)
    check_not_revoked(roster, link.member_id)
    backend.trust_revocations(partial(honours_revocation, roster))  # a planted revocation locks nobody out
    report.clock_skew = clock_skew(backend)
    if roster.member(link.member_id) is None or not keys:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "This profile is not yet an approved member of the office "
                                               "(or has no office key): ask the administrator or a supervisor to "
                                               "approve it, then sync again."))
    if roster.key_version not in keys:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "The office key version {version} was not wrapped for this "
                                               "profile; ask the administrator or a supervisor to approve it again. "
                                               "Nothing was synced.").format(version=roster.key_version))
    check_office_history(store, backend, roster, keys, link.office_id)
    for round_ in range(ROUNDS):
        say("pulling")
        _pull(store, backend, roster, keys, link.member_id, link.office_id, report, again=round_ == 0)
        say("pushing")
        refused = _push(store, backend, roster, keys, link.member_id, link.office_id, report)
        if not refused:
            break
    else:
        report.waiting.extend(refused)
    if report.pushed:  # what others pushed meanwhile (between our pull and push), so both sides compare equal
        _pull(store, backend, roster, keys, link.member_id, link.office_id, report)
    held = {c.case_id: store.get_case(c.case_id).case_number for c in store.sync_conflicts()
            if store.has_case(c.case_id)}
    report.held_ids = sorted(held, key=held.__getitem__)
    report.held = [held[i] for i in report.held_ids]
    local = store.sync_heads()
    report.deletions = store.conn.execute("SELECT count(*) FROM case_tombstones t WHERE office_rev IS NOT NULL AND "
                                          "NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.case_id = t.case_id)"
                                          ).fetchone()[0]
    report.office_cases, report.office_digest = backend.heads_summary()
    report.local_cases, report.local_digest = len(local), heads_digest(local)
    store.record_event("office_synced", detail=report.summary())
    return report


OFFICE_WENT_BACK = QT_TRANSLATE_NOOP(
    "storage", "{where} holds an older history than this laptop has read: this laptop has read up to office record "
               "{seq}, and the office now {now} (put back from an older copy, or replaced?). Nothing was synced, so "
               "this laptop's cases stay as they are. Put back the office's newest copy, then sync again.")
"""check_office_history's refusal."""
ENDS_BEFORE = QT_TRANSLATE_NOOP("storage", "ends before it")
OTHER_RECORD = QT_TRANSLATE_NOOP("storage", "holds another record under that number")


def record_mark(record: Record) -> str:
    """What identifies an office record for good: its routing (the same number given to another record differs)."""
    routing = f"{record.seq}\0{record.case_id}\0{record.office_rev}\0{record.push_id}\0{record.author}"
    return hashlib.sha256(routing.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def check_office_history(store: CaseStore, backend: OfficeBackend, roster: Roster, keys: dict[int, bytes],
                         office_id: str) -> None:
    """OfficeError when the office's history went back under this laptop (an older backup put back, a sequence
    reset): it ends before this laptop's cursor, or holds another good record under the number of the last record
    this laptop knows for sure (one it read and opened, or pushed). A pull from the cursor would pass over, for
    good, every record given those numbers again. A record there that does not open (damaged or altered since)
    proves nothing: the pull refuses it by name."""
    cursor, seq, mark = store.sync_cursor_mark()
    if cursor <= 0:
        return
    known = seq if mark else cursor  # records after the one known for sure were refused: read again anyway
    found = backend.pull(known - 1, 1)
    if not found:
        raise OfficeError(OFFICE_WENT_BACK.format(where=backend.location, seq=known, now=ENDS_BEFORE))
    here = found[0] if found[0].seq == known else None
    if here is None:
        return  # not there (a row deleted at the office: the pull names what it misses)
    if mark and record_mark(here) == mark:
        return
    try:
        open_payload(here, roster, keys, office_id)
    except RecordRejected:
        return  # damaged or altered since: proves nothing (the pull refuses it by name)
    if not mark:  # none yet (a store from before migration 0016, a quiet office): this one is known from now on
        store.set_sync_cursor_mark(known, record_mark(here))
        return
    raise OfficeError(OFFICE_WENT_BACK.format(where=backend.location, seq=seq, now=OTHER_RECORD))


GONE = QT_TRANSLATE_NOOP("storage", "Office record {seq}, refused at an earlier sync, is no longer at the office; it "
                                    "is not read again.")


def remembered_records(backend: OfficeBackend, wanted: list[int]) -> tuple[list[Record], list[int]]:
    """The remembered refused records `wanted` (ascending) as the office holds them now, read a page's span at a
    time (not one read each); and those the office no longer holds (a later record was read in their place)."""
    records: list[Record] = []
    gone: list[int] = []
    i = 0
    while i < len(wanted):
        j = i
        while j + 1 < len(wanted) and wanted[j + 1] - wanted[i] < PAGE:
            j += 1
        span = backend.pull(wanted[i] - 1, wanted[j] - wanted[i] + 1)
        by_seq = {r.seq: r for r in span}
        last = max(by_seq, default=0)
        for seq in wanted[i:j + 1]:
            if seq in by_seq:
                records.append(by_seq[seq])
            elif seq < last:
                gone.append(seq)
        i = j + 1
    return records, gone


def _passed_by(store: CaseStore, record: Record) -> bool:
    """Whether this laptop holds the case of refused `record` at that record's office revision or a later one
    (taken in from a newer record, or its own push over it): then it can bring nothing. False for a record with
    no routing to trust (backend.UnreadableRecord)."""
    if record.unreadable() is not None:
        return False
    state = store.sync_base(record.case_id)
    if state is not None:
        return state.office_rev >= record.office_rev
    tomb = store.tombstone(record.case_id)
    return tomb is not None and tomb.office_rev is not None and tomb.office_rev >= record.office_rev


def _pull(store: CaseStore, backend: OfficeBackend, roster: Roster, keys: dict[int, bytes], me: str,
          office_id: str, report: SyncReport, *, again: bool = False) -> None:
    """With `again` (a sync's first pull), the records refused at earlier syncs, read again (store.sync_refused);
    then every page above the cursor. A refused record is passed by the cursor and remembered: it may be put right
    at the office (a record damaged on the share, a row restored), and is taken in once it reads — named in every
    sync's report until then (recorded once: store.sync_skip) — but the records after it are not read again for
    its sake. One whose case this laptop now holds at its revision or later can bring nothing, and is no longer
    read (an altered one, whose routing its signature no longer vouches for, is still read but no longer named)."""
    if again and (wanted := store.sync_refused()):
        records, gone = remembered_records(backend, wanted)
        with store.sync_batch():  # one transaction for them all, each record in it all or nothing
            for seq in gone:
                report.rejected.append(GONE.format(seq=seq))
                store.sync_refusal_settled(seq)
            for record in records:
                opened: dict[str, Any] | RecordRejected
                try:
                    opened = open_payload(record, roster, keys, office_id)
                except RecordRejected as exc:
                    opened = exc
                if _passed_by(store, record):  # its case holds a newer revision here: it can bring nothing…
                    if not isinstance(opened, RecordRejected):
                        store.sync_refusal_settled(record.seq)
                    # …if its routing is true: one whose signature fails may name another case than its own, so it
                    # is still read (not named) until it reads — if its own case is behind, the counts say so.
                    continue
                refused: list[int] = []
                _take_in_page(store, backend, [record], roster, keys, me, office_id, report, refused, [opened])
                if not refused:  # taken in: with it, in one transaction
                    store.sync_refusal_settled(record.seq)
    _pull_pages(store, backend, roster, keys, me, office_id, report)


def _pull_pages(store: CaseStore, backend: OfficeBackend, roster: Roster, keys: dict[int, bytes], me: str,
                office_id: str, report: SyncReport) -> None:
    """Every page above the cursor, one local transaction each. When the first page is full (a large pull: a
    new member's first sync), the pages after it are opened in other processes (storage.pull_worker) while
    this one writes the page before: the next pages are read from the office and handed over before this one
    writes the current."""
    opener: PageOpener | None = None
    ahead: deque[tuple[list[Record], tuple[int, int] | None]] = deque()
    cursor, more, pages = require_link(store).cursor, True, 0
    failed: Exception | None = None
    try:
        while True:
            while more and len(ahead) <= pull_worker.WORKERS:  # each process busy while this one writes
                try:
                    page = backend.pull(cursor, PAGE)
                except Cancelled:
                    raise  # now: the pages read ahead are not taken in (the next sync reads them again)
                except Exception as exc:  # the office lost while reading ahead: what was read is taken in first
                    failed, more = exc, False
                    break
                more = len(page) == PAGE
                if not page:
                    break
                cursor, pages = page[-1].seq, pages + 1
                if opener is None and pages > 1 and len(page) >= PARALLEL_FROM:  # the first: opened here
                    opener = PageOpener(PullContext(roster, keys, office_id, store.officer))
                ahead.append((page, opener.submit(page) if opener is not None else None))
            if not ahead:
                if failed is not None:
                    raise failed
                return
            page, ticket = ahead.popleft()
            opened = opener.result(ticket, page) if opener is not None else None
            refused: list[int] = []
            with store.sync_batch():  # one local transaction per page, each record in it all or nothing
                _take_in_page(store, backend, page, roster, keys, me, office_id, report, refused, opened)
                known = next((r for r in reversed(page) if r.seq not in refused), None)  # opened: routing its own
                if known is not None:
                    store.set_sync_cursor_mark(known.seq, record_mark(known))
            if require_link(store).cursor != page[-1].seq:  # not where the reading ahead assumed: read again
                ahead.clear()
                if failed is not None:
                    raise failed
                cursor, more = require_link(store).cursor, True
    finally:
        if opener is not None:
            opener.close()


PARALLEL_FROM = PAGE
"""A page this full, after a first as full, means a large pull: the rest is opened in other processes."""


@dataclass(frozen=True)
class Hints:
    """What an opening process found out about a pulled case while opening it (storage.pull_worker), from the
    very JSON this process decodes the case from, so it need not work it out again."""

    fields_ok: bool
    """No field problem (casework.validation.validate_case)."""
    prepared: bool
    """Preparing the case for the store (NFC, item ids) changes nothing."""
    search: SearchForm | None
    """Its search keys as the store keys them (when `prepared`)."""
    number: object = None
    """Its case number (the record's JSON is not read again in this process when `new` is used)."""
    new: NewRow | None = None
    """What the store writes for it if it is new here, checked as _as_it_stands checks a case new here."""


@dataclass(frozen=True)
class PullContext:
    """What an opening process opens records with: the verified member list, the office keys, and this profile."""

    roster: Roster
    keys: dict[int, bytes]
    office_id: str
    officer: Officer


def open_for_pull(record: Record, context: PullContext, memo: dict[Any, Any]) -> dict[str, Any] | RecordRejected:
    """open_payload for an opening process: a refusal is returned (not raised), the case body travels as text
    (its JSON is read again here only if it is needed: faster than sending the parsed tree) and Hints come with
    it — for a case that can be taken in as new here, the very rows the store writes (`Hints.new`)."""
    try:
        payload = open_payload(record, context.roster, context.keys, context.office_id)
    except RecordRejected as exc:
        return exc
    doc = payload.pop("doc", None)
    if doc is not None:
        try:
            case = from_jsonable(CaseFile, doc, "case")
        except DecodeError:
            return payload  # refused by name when this process decodes it
        same = nfc(with_item_ids(case)) is case
        fields_ok = not validate_case(case)
        form = search_form(case, memo) if same else None
        new = None
        number = doc.get("case_number")
        if same and fields_ok and form is not None and not doc.get("attachments") and isinstance(number, str) \
                and number:
            try:  # as _as_it_stands checks a case new here
                check_steps(None, doc, record, context.roster, case, fields_checked=True)
            except RecordRejected:
                pass  # refused by name when this process takes it in
            else:
                notice = new_decision(None, doc, case, me_officer=context.officer.officer_id)
                _made, row, search_row = new_case_rows(case, context.officer, given=form)
                new = NewRow(row, search_row, notice)
        payload["hints"] = Hints(fields_ok, same, None if new else form, number, new)  # `new` holds the form
    return payload


def _take_in_page(store: CaseStore, backend: OfficeBackend, page: list[Record], roster: Roster,
                  keys: dict[int, bytes], me: str, office_id: str, report: SyncReport, refused: list[int],
                  ready: list[Any] | None = None) -> None:
    """One pulled page, inside its transaction. Every record is verified first; a record taken in as it stands
    (a case new here, or one this laptop has not changed) joins a bulk write (store.sync_apply_many: one
    statement per table, not ~18 per record); any other — a merge, a deletion, a tombstone, this laptop's own
    push, a refusal, a case met twice in the page — is taken in one by one as before, after writing what was
    queued, so the store ends exactly as record by record."""
    opened: list[dict[str, Any] | RecordRejected] = []
    if ready is not None:  # opened by an opening process (storage.pull_worker); JSON read when needed
        opened.extend(ready)
    for record in page[len(opened):]:  # verifying and decrypting writes nothing: done first, for the whole page
        try:
            opened.append(open_payload(record, roster, keys, office_id))
        except RecordRejected as exc:
            opened.append(exc)
    states = store.sync_page_state({r.case_id for r in page})
    numbers = store.case_numbers_taken({n for p in opened if not isinstance(p, RecordRejected)
                                        and isinstance(n := _number_of(p), str)})
    queued: list[Incoming] = []
    touched: set[str] = set()

    def flush() -> None:
        store.sync_apply_many(queued)
        queued.clear()

    for record, payload in zip(page, opened, strict=True):
        try:
            if isinstance(payload, RecordRejected):
                raise payload
            simple = None
            if "body" in payload and record.case_id not in touched:
                simple = _as_it_stands(store, record, payload, states[record.case_id], numbers, roster, me)
            touched.add(record.case_id)
            new = states[record.case_id].revision is None and record.case_id not in report.taken
            if simple is not None:
                queued.append(simple)
                report.took(record.case_id, new)
                continue
            flush()
            if "tombstone" in payload:
                if _take_in_deletion(store, record, payload["tombstone"], roster, me, report):
                    report.took_deletion(record.case_id)
            elif _take_in(store, record, payload["body"], roster, me, report,
                          pushed_from=payload.get("local_revision"), backend=backend, keys=keys,
                          office_id=office_id):
                report.took(record.case_id, new)
        except RecordRejected as exc:
            flush()
            if str(exc) not in report.rejected:  # read again by the pull after a push
                report.rejected.append(message_of(exc))
            if not isinstance(payload, RecordRejected) and "body" in payload:  # authentic, but not allowed
                report.overruled[record.case_id] = max(record.office_rev, report.overruled.get(record.case_id, 0))
            refused.append(record.seq)
            store.sync_skip(record.seq, record.case_id, str(exc))
    flush()


def _number_of(payload: dict[str, Any]) -> object:
    """The case number a pulled case body carries."""
    if "doc" in payload:
        return (payload["doc"] or {}).get("case_number")
    hints = payload.get("hints")
    if isinstance(hints, Hints):
        return hints.number
    if "body" in payload:
        payload["doc"] = upgrade(json.loads(payload["body"]))
        return payload["doc"].get("case_number")
    return None


def _as_it_stands(store: CaseStore, record: Record, payload: dict[str, Any], state: PageState,
                  numbers: set[str], roster: Roster, me: str) -> Incoming | None:
    """The record as an Incoming for the bulk write, when _take_in would keep the office's copy as it stands
    (checked here the same way; RecordRejected as there); None when it needs _take_in's other paths."""
    base = state.base
    if record.author == me or state.tombstone or state.conflicted or state.revision_open:
        return None
    if base is None:
        if state.revision is not None:
            return None  # a case here never synced: merged
    elif state.revision is None or base.synced_revision != state.revision or record.office_rev <= base.office_rev:
        return None  # changed here (merged), or already here
    body = str(payload["body"])
    hints = payload.get("hints")
    name = f"Office record {record.seq} (case {record.case_id})"
    # The author was verified when the record was opened: naming it here cannot refuse anything.
    detail = f"office revision {record.office_rev} from {roster.author_of(record.author, record.seq, name).officer_id}"
    if base is None and isinstance(hints, Hints) and hints.new is not None \
            and hints.new.row[0] == record.case_id:  # checked there as below
        if hints.number in numbers:
            return None  # numbered here: refused one by one
        numbers.add(str(hints.number))
        return Incoming(None, record.office_rev, body, record.seq, detail, hints.new.notice, new=hints.new)
    theirs = payload.get("doc") or upgrade(json.loads(body))
    if theirs.get("attachments"):
        return None  # its attachments are fetched and checked first
    number = theirs.get("case_number")
    if base is None and (not isinstance(number, str) or not number or number in numbers):
        return None  # numbered here, or refused as there
    base_doc = upgrade(json.loads(base.base_body)) if base else None
    case = _case(theirs, name)
    fields_ok = isinstance(hints, Hints) and hints.fields_ok
    check_steps(base_doc, theirs, record, roster, case, fields_checked=fields_ok)
    notice = new_decision(base_doc, theirs, case, me_officer=store.officer.officer_id)
    if base is None:
        numbers.add(str(number))
    return Incoming(case, record.office_rev, body, record.seq, detail, notice, valid=base is None or fields_ok,
                    prepared=isinstance(hints, Hints) and hints.prepared,
                    search=hints.search if isinstance(hints, Hints) else None)


def open_payload(record: Record, roster: Roster, keys: dict[int, bytes], office_id: str) -> dict[str, Any]:
    """What a record carries — {"body": <case body>} or {"tombstone": {...}} — after its author, signature and
    key are checked; RecordRejected names the record and what is wrong."""
    if (problem := record.unreadable()) is not None:  # edited by hand or damaged at the office: nothing to trust
        raise RecordRejected(UNREADABLE.format(seq=record.seq, problem=problem))
    name = RECORD.format(seq=record.seq, case=record.case_id, rev=record.office_rev)
    author = roster.author_of(record.author, record.seq, name, record.key_version)
    key = keys.get(record.key_version)
    if key is None:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} uses office key version {version}, which this "
                                               "profile does not hold; refused.").format(name=name,
                                                                                         version=record.key_version))
    try:
        plain = crypto.open_sealed(key, record.header(office_id), record.envelope, author.signing_key)
    except crypto.EnvelopeInvalid as exc:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} claiming to be from {author}: {problem}; "
                                               "refused.").format(  # not verified: the member may not have sent it
            name=name, author=author.officer_id, problem=str(exc))) from None
    try:
        payload = json.loads(plain)
        if "tombstone" in payload:
            tomb = dict(payload["tombstone"])
            if tomb.get("deleted_by") != author.officer_id:
                raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its deletion names {named}, but {author} "
                                                       "signed it; refused.").format(
                    name=name, named=str(tomb.get("deleted_by")), author=author.officer_id))
            return {"tombstone": tomb}
        body = str(payload["body"])
        pushed_from = payload.get("local_revision")
        doc = upgrade(json.loads(body))
    except (ValueError, KeyError, TypeError):
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author} holds no readable case; refused.")
                             .format(name=name, author=author.officer_id)) from None
    if doc.get("id") != record.case_id:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author} carries another case than its "
                                               "routing says; refused.").format(name=name, author=author.officer_id))
    return {"body": body, "local_revision": pushed_from if isinstance(pushed_from, int) else None, "doc": doc}


def open_record(record: Record, roster: Roster, keys: dict[int, bytes], office_id: str) -> str:
    """The case body a record carries (see open_payload); a deletion is refused here."""
    payload = open_payload(record, roster, keys, office_id)
    if "body" not in payload:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "Office record {seq} (case {case}) is a deletion, not a "
                                               "case.").format(seq=record.seq, case=record.case_id))
    return str(payload["body"])


def _case(doc: dict[str, Any], name: str) -> CaseFile:
    try:
        return from_jsonable(CaseFile, doc, "case")
    except DecodeError as exc:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: the case is not valid ({problem}); refused.")
                             .format(name=name, problem=str(exc))) from None


def check_steps(base: dict[str, Any] | None, theirs: dict[str, Any], record: Record, roster: Roster,
                case: CaseFile | None = None, *, fields_checked: bool = False) -> list[dict[str, Any]]:
    """Workflow steps a record adds must be its author's own, and a review a reviewer's who did not submit,
    bound (by its digest) to the case it travels with or the office revision it was made on. Returns the steps
    the record adds. `fields_checked`: `case` is known to have no field problem at all (Hints)."""
    name = RECORD.format(seq=record.seq, case=record.case_id, rev=record.office_rev)
    author = roster.author_of(record.author, record.seq, name)
    return _check_steps_of(name, author, base, theirs, case, fields_checked=fields_checked)


def _check_steps_of(name: Message, author: Member, base: dict[str, Any] | None, theirs: dict[str, Any],
                    case: CaseFile | None = None, *, fields_checked: bool = False) -> list[dict[str, Any]]:
    """check_steps for `theirs` signed by `author` (`name` in messages): also what this laptop asks of a merge
    it would push (_refusal_of_merge), before it pushes it."""
    before = [canonical_json(e) for e in ((base or {}).get("assessment") or {}).get("history", [])]
    history = (theirs.get("assessment") or {}).get("history", [])
    now = [canonical_json(e) for e in history]
    new = [e for e, text in zip(history, now, strict=True) if text not in before]
    if now[:len(before)] != before:  # append-only: the review queue and decisions read the steps' order
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author} removes, rewrites or reorders a "
                                               "workflow step the case already had; refused.").format(
            name=name, author=author.officer_id))
    status = theirs.get("status", "draft")
    if (base or {}).get("status", "draft") != status and not new:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author} changes the case's status without a "
                                               "workflow step; refused.").format(name=name, author=author.officer_id))
    if new:
        implied = status_of_log([str(e.get("event")) for e in history if isinstance(e, dict)])
        if (implied.value if implied else "draft") != status:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author} says the case is {status}, but its "
                                                   "workflow steps leave it {implied}; refused.").format(
                name=name, author=author.officer_id, status=status, implied=implied.value if implied else "draft"))
    _check_authority(name, author, base, theirs, history, len(before), bool(new))
    case = case or _case(theirs, name)
    if not fields_checked:
        _check_fields(name, author, case, base)
    for event in new:
        if event.get("actor") != author.officer_id:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its {event} step names {actor}, but {author} "
                                                   "signed it; refused.").format(
                name=name, event=str(event.get("event")), actor=str(event.get("actor")), author=author.officer_id))
        if event.get("event") in REVIEW_EVENTS:
            if author.officer_id == submitter(case):
                raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: the review is signed by {author}, the "
                                                       "officer who submitted the case; refused.").format(
                    name=name, author=author.officer_id))
            if author.role not in REVIEWERS:
                raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: the review is signed by {author}, who is "
                                                       "not a supervisor of the office; refused.").format(
                    name=name, author=author.officer_id))
            reviewed = {reviewed_digest(case)} | ({reviewed_digest(_case(base, name))} if base else set())
            if event.get("digest") not in reviewed:
                raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its {event} decision is bound to digest "
                                                       "{digest}, which is not the case it was made on; refused.")
                                     .format(name=name, event=str(event.get("event")),
                                             digest=str(event.get("digest") or "none")[:12]))
    return new


def _check_fields(name: Message, author: Member, case: CaseFile, base: dict[str, Any] | None) -> None:
    """The field rules every store applies on write (casework.validation), on what another laptop sends: a name
    or place disguised by invisible controls is refused by name. A problem the case already had here (stored
    before the rule) is carried, not refused, so such a case can still be decided and fixed."""
    problems = validate_case(case)
    if problems and base is not None:
        known = {(p.field, str(p.message)) for p in validate_case(_case(base, name))}
        problems = [p for p in problems if (p.field, str(p.message)) not in known]
    if problems:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} from {author}: {field}: {problem}; refused.").format(
            name=name, author=author.officer_id, field=problems[0].field, problem=problems[0].message))


def _status_word(status: str) -> str:
    """A stored status ("concurred") as a translatable word inside a refusal (casework.labels)."""
    from casework.labels import status_word
    from casework.model import CaseStatus

    try:
        return status_word(CaseStatus(status))
    except ValueError:
        return status  # a status this version does not know: shown as it was stored


def _check_authority(name: Message, author: Member, base: dict[str, Any] | None, theirs: dict[str, Any],
                     history: list[Any], first_new: int, has_new: bool) -> None:
    """The rules of casework.workflow (reopen_refusal, edit_refusal) on a pulled record, which another laptop
    may have written past its own store: a reopen only by the officer who submitted the case or a supervisor, a
    resubmission only by that officer, and a change of a submitted case's content only by that officer, after
    reopening it. RecordRejected names the record, its author and what it did."""
    officer = str((theirs.get("officer") or {}).get("officer_id", ""))
    last: str | None = None
    for i, event in enumerate(history):
        if not isinstance(event, dict):
            continue
        step, actor = event.get("event"), str(event.get("actor"))
        if i >= first_new and step == "reopened" and author.role not in REVIEWERS and actor != (last or officer):
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: {author} reopens a case {officer} submitted; "
                                                   "only that officer or a supervisor may; refused.").format(
                name=name, author=author.officer_id, officer=last or officer))
        if i >= first_new and step == "submitted" and last is not None and actor != last:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: {author} submits again a case {officer} "
                                                   "submitted; only that officer may; refused.").format(
                name=name, author=author.officer_id, officer=last))
        if step == "submitted":
            last = actor
    if base is None or content_digest(base) == content_digest(theirs):
        return
    before = [e for e in ((base.get("assessment") or {}).get("history") or []) if isinstance(e, dict)]
    owner = next((str(e.get("actor")) for e in reversed(before) if e.get("event") == "submitted"), None)
    if owner is not None and author.officer_id != owner:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: {author} changes a case {officer} submitted; only "
                                               "that officer may; refused.").format(
            name=name, author=author.officer_id, officer=owner))
    status = str(base.get("status", "draft"))
    reopened = has_new and any(isinstance(e, dict) and e.get("event") == "reopened" for e in history[first_new:])
    if status != "draft" and not reopened:
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: {author} changes the content of a {status} case "
                                               "without reopening it; refused.").format(
            name=name, author=author.officer_id, status=_status_word(status)))


def _take_in(store: CaseStore, record: Record, body: str, roster: Roster, me: str, report: SyncReport, *,
             pushed_from: int | None = None, backend: OfficeBackend | None = None,
             keys: dict[int, bytes] | None = None, office_id: str = "") -> bool:
    """Whether the record changed the case here (not: already here, or this laptop's own push read back)."""
    state = store.sync_base(record.case_id)
    theirs = upgrade(json.loads(body))
    base_doc = upgrade(json.loads(state.base_body)) if state else None
    name = f"Office record {record.seq} (case {record.case_id})"
    if state is not None and record.office_rev <= state.office_rev:
        store.sync_skip(record.seq, "", "")  # already here (pushed from this laptop, or pulled before)
        return False
    if record.author != me and backend is not None and keys is not None:
        fetch_attachments(store, backend, roster, keys, office_id, theirs, name)
    tomb = store.tombstone(record.case_id) if state is None and not store.has_case(record.case_id) else None
    if tomb is not None:
        if tomb.office_rev is not None and record.office_rev <= tomb.office_rev:
            store.sync_skip(record.seq, "", "")  # a revision from before the deletion
            return False
        elif tomb.office_rev is None and record.author == me:
            store.sync_tombstone_rebase(record.case_id, record.office_rev, record.seq)  # deleted after pushing
            return False
        elif tomb.office_rev is None:  # deleted here, changed at the office: the office's copy comes back
            check_steps(base_doc, theirs, record, roster)
            who = roster.author_of(record.author, record.seq, name).officer_id
            store.sync_restore_deleted(_case(theirs, name), office_rev=record.office_rev, office_body=body,
                                       cursor=record.seq, by=who,
                                       detail=f"office revision {record.office_rev} from {who}")
            report.conflicts += 1
        else:  # someone kept the case after its deletion reached the office: it is taken in again
            check_steps(None, theirs, record, roster)
            store.sync_apply(_case(theirs, name), case_id=record.case_id, office_rev=record.office_rev,
                             office_body=body, cursor=record.seq, in_step=True,
                             detail=f"office revision {record.office_rev}, kept after a deletion")
        return True
    local_revision = store.current_revision(record.case_id)
    if pushed_from is None:  # a record pushed before records named their local revision
        pushed_from = theirs.get("revision") if isinstance(theirs.get("revision"), int) else None
    if record.author == me and local_revision is not None and pushed_from is not None \
            and local_revision >= pushed_from:
        # this laptop's own push whose answer was lost: the local case already holds it. Only then — after a
        # restore from a backup the local case may be older than what this laptop pushed, or gone: it is taken
        # back from the office like anyone else's record, never counted as "in step".
        store.sync_apply(None, case_id=record.case_id, office_rev=record.office_rev, office_body=body,
                         cursor=record.seq, in_step=local_revision == pushed_from)
        return False
    case = _case(theirs, name)
    check_steps(base_doc, theirs, record, roster, case)
    detail = f"office revision {record.office_rev} from {roster.author_of(record.author, record.seq, name).officer_id}"
    changed_here = local_revision is not None and (state is None or state.synced_revision != local_revision)
    notice = new_decision(base_doc, theirs, case, me_officer=store.officer.officer_id)
    held = store.sync_conflicts(record.case_id) if local_revision is not None else []
    if not changed_here and not held:
        store.sync_apply(case, case_id=record.case_id, office_rev=record.office_rev,
                         office_body=body, cursor=record.seq, in_step=True, detail=detail, notice=notice)
        return True
    here = store.get_case(record.case_id)
    mine = upgrade(json.loads(dump_body(here)))
    mine, unplaced = _with_kept_aside(mine, held, here, store.officer.officer_id)
    result = merge(base_doc or {}, mine, theirs)
    refusal = _refusal_of_merge(result.merged, theirs, roster, me, here.case_number)
    paths = differences(result.merged, theirs) if refusal is not None else []
    if refusal is not None and paths and edit_refusal(case, store.officer.officer_id) is None \
            and is_editable(case.status):
        refusal = None  # a case this profile may change: its values could not be told apart from the office's
        # (kept_aside); merged and sent as before, for the office's other laptops to refuse by name
    if refusal is not None:  # the office would refuse it: its copy is kept, this laptop's values wait for a person
        aside = [StoredConflict(record.case_id, path, json.dumps(get_path(base_doc or {}, path)),
                                json.dumps(get_path(result.merged, path)), json.dumps(get_path(theirs, path)),
                                record.office_rev) for path in paths]
        aside += [c for c in unplaced if c.path not in {a.path for a in aside}]
        known = {(c.path, c.mine) for c in held}
        fresh = [a for a in aside if (a.path, a.mine) not in known]  # not told again at every later record
        store.sync_apply(case, case_id=record.case_id, office_rev=record.office_rev, office_body=body,
                         cursor=record.seq, in_step=True, conflicts=aside, notice=notice,
                         detail=f"{detail}; this laptop's changes set aside"
                                + (f", {len(aside)} conflicts" if aside else ""))
        if fresh or not aside:
            report.set_aside.append(_set_aside_message(here.case_number, case, result.merged, theirs, aside,
                                                       refusal, store.officer.officer_id))
        report.conflicts += len(fresh)
        return True
    conflicts = [StoredConflict(record.case_id, c.path, json.dumps(c.base), json.dumps(c.mine),
                                json.dumps(c.theirs), record.office_rev) for c in result.conflicts]
    merged = _case(result.merged, name)
    in_step = canonical_json({k: v for k, v in result.merged.items() if k not in ("revision", "updated_at")}) == \
        canonical_json({k: v for k, v in theirs.items() if k not in ("revision", "updated_at")})
    store.sync_apply(merged, case_id=record.case_id, office_rev=record.office_rev, office_body=body,
                     cursor=record.seq, in_step=in_step and not conflicts, conflicts=conflicts,
                     detail=f"{detail}, merged" + (f", {len(conflicts)} conflicts" if conflicts else ""),
                     notice=notice)
    report.merged += 1
    report.conflicts += len(conflicts)
    return True


def kept_aside(conflict: StoredConflict, doc: dict[str, Any], case: CaseFile, officer_id: str) -> bool:
    """Whether this laptop holds `conflict`'s own value only in the conflict: its changes were set aside (see
    _take_in) because the case here — the office's copy — is one this profile may not change (a colleague's
    submitted case, or one not a draft), so the field here holds the office's value. Any other conflict's
    "mine" is the field as it stands here now (edits since included)."""
    if conflict.path == DELETED or (edit_refusal(case, officer_id) is None and is_editable(case.status)):
        return False
    now = get_path(doc, conflict.path)
    return bool(now == json.loads(conflict.theirs) and now != json.loads(conflict.mine))


def _with_kept_aside(doc: dict[str, Any], held: list[StoredConflict], case: CaseFile, officer_id: str
                     ) -> tuple[dict[str, Any], list[StoredConflict]]:
    """`doc` (the case here) with this laptop's values that were set aside put back, as what it would send; and
    the set-aside conflicts whose field no longer leads anywhere in it (kept as they are: nothing is dropped)."""
    unplaced = []
    for c in held:
        if kept_aside(c, doc, case, officer_id):
            try:
                doc = set_path(doc, c.path, json.loads(c.mine))
            except KeyError:
                unplaced.append(c)
    return doc, unplaced


def _refusal_of_merge(merged: dict[str, Any], theirs: dict[str, Any], roster: Roster, me: str, number: str
                      ) -> RecordRejected | None:
    """What every other laptop would refuse in `merged` were this laptop to push it over the office's `theirs`
    (check_steps: the same rules, asked here before anything is written), or None."""
    author = roster.member(me)
    if author is None:
        return None  # not a member: the push is refused by the office itself
    name = QT_TRANSLATE_NOOP("storage", "This laptop's merge of case {number}").format(number=number)
    try:
        _check_steps_of(name, author, theirs, merged, fields_checked=True)
    except RecordRejected as exc:
        return exc
    return _decision_after_withdrawal(name, merged, theirs)


def _decision_after_withdrawal(name: str, merged: dict[str, Any], theirs: dict[str, Any]) -> RecordRejected | None:
    """A review step of this laptop's that the merge puts after the submission it answered was taken back
    (reopened at the office meanwhile): the case unchanged, its digest still matches, but the decision answers
    nothing — sent, the case would read as decided though its officer reopened it. Asked of this laptop's own new
    steps only (never of records already at the office)."""
    before = {canonical_json(e) for e in (theirs.get("assessment") or {}).get("history") or []}
    waiting = False  # a submission no decision has answered yet
    for step in (merged.get("assessment") or {}).get("history") or []:
        event = step.get("event") if isinstance(step, dict) else None
        if event in REVIEW_EVENTS and not waiting and canonical_json(step) not in before:
            return RecordRejected(QT_TRANSLATE_NOOP(
                "storage", "{name}: its {decision} answers a submission that was taken back meanwhile; not sent.")
                .format(name=name, decision=_status_word(str(event))))
        waiting = event == "submitted" or (waiting and event not in REVIEW_EVENTS and event != "reopened")
    return None


DECIDE_AGAIN = QT_TRANSLATE_NOOP("storage", "decide again on the case as it stands")
DECIDED_MEANWHILE = QT_TRANSLATE_NOOP("storage", "another decision was made on it meanwhile")
DECIDE_WHEN_SUBMITTED = QT_TRANSLATE_NOOP("storage", "decide again once it is submitted again")
_DECIDED = {"concurred", "nonconcurred"}


def _set_aside_message(number: str, case: CaseFile, merged: dict[str, Any], theirs: dict[str, Any],
                       aside: list[StoredConflict], refusal: RecordRejected, officer_id: str) -> Message:
    """Why this laptop's changes to a case were set aside (SyncReport.set_aside), in words."""
    status = _status_word(case.status.value)
    if aside and edit_refusal(case, officer_id) is not None:
        return QT_TRANSLATE_NOOP("storage", "your changes to case {number} were not sent: {officer} submitted it "
                                 "meanwhile and only that officer can change it (it is {status} at the office); "
                                 "the office's copy is kept here and your values wait as sync conflicts").format(
            number=number, officer=owner(case), status=status)
    if aside:
        return QT_TRANSLATE_NOOP("storage", "your changes to case {number} were not sent: it is {status} at the "
                                 "office and must be reopened before it can change; the office's copy is kept here "
                                 "and your values wait as sync conflicts").format(number=number, status=status)
    before = [canonical_json(e) for e in (theirs.get("assessment") or {}).get("history") or []]
    mine_steps = [e for e in (merged.get("assessment") or {}).get("history") or []
                  if isinstance(e, dict) and canonical_json(e) not in before]
    decision = next((e for e in reversed(mine_steps) if e.get("event") in REVIEW_EVENTS), None)
    if decision is not None:
        then = (DECIDE_AGAIN if case.status is CaseStatus.SUBMITTED else
                DECIDED_MEANWHILE if case.status.value in _DECIDED else DECIDE_WHEN_SUBMITTED)
        return QT_TRANSLATE_NOOP("storage", "your decision ({decision}) on case {number} was not sent: the case "
                                 "changed at the office before it arrived (it is {status} now); the office's copy is "
                                 "kept here: {then}").format(
            decision=_status_word(str(decision.get("event"))), number=number, status=status, then=then)
    return QT_TRANSLATE_NOOP("storage", "your changes to case {number} were not sent ({problem}); the office's copy "
                             "is kept here").format(number=number, problem=message_of(refusal))


def new_decision(base: dict[str, Any] | None, theirs: dict[str, Any], case: CaseFile, *, me_officer: str
                 ) -> WorkflowEvent | None:
    """The review decision a pulled record adds to a case this officer submitted (shown in the case list as a
    notification until the case is opened), or None."""
    before = [canonical_json(e) for e in ((base or {}).get("assessment") or {}).get("history", [])]
    added = [canonical_json(e) for e in (theirs.get("assessment") or {}).get("history", []) if canonical_json(e)
             not in before]
    if not added or case.assessment is None or submitter(case) != me_officer:
        return None
    return next((e for e in reversed(case.assessment.history)
                 if e.event in REVIEW_EVENTS and canonical_json(to_jsonable(e)) in added), None)


def canonical_json_of(store: CaseStore, case_id: str) -> str:
    return dump_body(store.get_case(case_id))


def _push(store: CaseStore, backend: OfficeBackend, roster: Roster, keys: dict[int, bytes], me: str,
          office_id: str, report: SyncReport) -> list[str]:
    """Push every changed case and deletion in batches growing to PUSH_BATCH (one office transaction or one
    folder file, then one local transaction, per batch; a cancel between two batches leaves both sides agreeing
    on what went up); the ids the office refused (its copy moved on: pull and merge
    first). The cursor moves over this laptop's own records when nobody else's came between."""
    refused: list[str] = []
    key_version = roster.key_version
    signing = store.profile_signing_key()
    out_cases = store.sync_outgoing()
    tombs = store.sync_outgoing_tombstones()
    sealed: list[tuple[Record, OutgoingCase | Tombstone]] = []
    for out in out_cases:
        payload = canonical_json({"body": out.body, "local_revision": out.revision})
        # A record every laptop refuses (a colleague reopening or changing a case not theirs) must not hold the
        # case at the office for good: the push goes over it. Only over records that opened and verified — one
        # refused because it could not be read (damaged on the share) may be a real change, merged once it reads.
        base_rev = max(out.base_rev, report.overruled.get(out.case_id, 0))
        sealed.append((_seal(out.case_id, base_rev, payload, out.body, me, key_version, keys, office_id,
                             signing), out))
    for tomb in tombs:
        assert tomb.base_rev is not None
        stone = canonical_json({"tombstone": {"case_number": tomb.case_number, "revision": tomb.revision,
                                              "digest": tomb.digest, "deleted_by": tomb.deleted_by,
                                              "deleted_at": tomb.deleted_at}})
        sealed.append((_seal(tomb.case_id, tomb.base_rev, stone, stone, me, key_version, keys, office_id, signing),
                       tomb))
    shas = set().union(*(attachment_shas(out.body) for out in out_cases)) if out_cases else set()
    push_attachments(store, backend, sorted(shas), me, key_version, keys, office_id, signing)
    start, size = 0, 1
    while start < len(sealed):
        batch = sealed[start:start + size]
        start, size = start + len(batch), min(size * 2, PUSH_BATCH)  # small first: a Cancel stops early
        outcomes = backend.push_many([record for record, _done in batch])
        with store.sync_batch():
            cursor = require_link(store).cursor
            seqs = []
            pushed: list[tuple[str, int, int, str]] = []
            for (record, what), outcome in zip(batch, outcomes, strict=True):
                if outcome.accepted and outcome.record is not None:
                    if isinstance(what, OutgoingCase):  # (cases come before deletions: the audit order holds)
                        pushed.append((what.case_id, what.revision, outcome.record.office_rev, what.body))
                    else:
                        store.sync_pushed_many(pushed)
                        pushed.clear()
                        store.sync_tombstone_pushed(what.case_id, outcome.record.office_rev)
                    seqs.append(outcome.record.seq)
                    report.pushed += 1
                else:
                    refused.append(record.case_id)
            store.sync_pushed_many(pushed)
            for seq in sorted(seqs):
                if seq != cursor + 1:
                    break
                cursor = seq
            store.sync_move_cursor(cursor)
            for _record, outcome in zip(batch, outcomes, strict=True):
                if outcome.accepted and outcome.record is not None and outcome.record.seq == cursor:
                    store.set_sync_cursor_mark(cursor, record_mark(outcome.record))  # its own: known for sure
    return refused


def attachment_shas(body: str) -> set[str]:
    """The SHA-256 of every attachment a stored body cites (read from the JSON: no case decoded)."""
    items = json.loads(body).get("attachments") or []
    return {str(a["sha256"]) for a in items if isinstance(a, dict) and a.get("sha256")}


def _blob_header(office_id: str, sha: str, author: str, key_version: int) -> dict[str, Any]:
    return {"office_id": office_id, "kind": "attachment", "sha256": sha, "author": author,
            "key_version": key_version}


BLOB_BATCH = 16


def push_attachments(store: CaseStore, backend: OfficeBackend, shas: list[str], me: str, key_version: int,
                     keys: dict[int, bytes], office_id: str, signing: Any) -> None:
    """Send, before the cases that cite them, the attachment contents the office does not hold yet — sealed with
    the office key and signed, like a case. Content the office has is never sent again."""
    if not shas:
        return
    missing = sorted(backend.missing_blobs(shas))
    for start in range(0, len(missing), BLOB_BATCH):
        backend.put_blobs([(sha, me, key_version, crypto.seal(keys[key_version],
                                                              _blob_header(office_id, sha, me, key_version),
                                                              store.get_blob(sha), signing))
                           for sha in missing[start:start + BLOB_BATCH]])


def fetch_attachments(store: CaseStore, backend: OfficeBackend, roster: Roster, keys: dict[int, bytes],
                      office_id: str, doc: dict[str, Any], name: str) -> None:
    """Take in, before the case that cites them, the attachment contents this laptop does not hold: each must be
    at the office, open with the office key under its signer's signature, and hash to what the case cites."""
    items = doc.get("attachments") or []
    need = sorted({str(a["sha256"]) for a in items if isinstance(a, dict) and a.get("sha256")
                   and not store.has_blob(str(a["sha256"]))})
    if not need:
        return
    got = backend.get_blobs(need)
    for sha in need:
        if sha not in got:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} cites an attachment ({sha}) the office does not "
                                                   "hold; refused.").format(name=name, sha=sha[:12]))
        author_id, key_version, envelope = got[sha]
        gone = roster.revocation(author_id) if roster.member(author_id) is None else None
        author = roster.member(author_id) or (gone.member if gone and gone.counts(0, key_version) else None)
        key = keys.get(key_version)
        if author is None or key is None:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its attachment {sha} is sealed by {author} "
                                                   "with office key version {version}, which this profile cannot "
                                                   "check; refused.").format(name=name, sha=sha[:12],
                                                                             author=author_id, version=key_version))
        try:
            data = crypto.open_sealed(key, _blob_header(office_id, sha, author_id, key_version), envelope,
                                      author.signing_key)
        except crypto.EnvelopeInvalid as exc:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its attachment {sha}: {problem}; refused.")
                                 .format(name=name, sha=sha[:12], problem=str(exc))) from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its attachment {sha} does not hash to what the "
                                                   "case cites; refused.").format(name=name, sha=sha[:12]))
        try:
            store.put_blob(data)
        except UserFacingError as exc:
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name}: its attachment {sha} was not kept ({problem}); "
                                                   "refused.").format(name=name, sha=sha[:12],
                                                                      problem=message_of(exc))) from None


def _seal(case_id: str, base_rev: int, payload: str, digest_of: str, me: str, key_version: int,
          keys: dict[int, bytes], office_id: str, signing: Any) -> Record:
    pid = push_id(office_id, case_id, base_rev, digest_of)
    unsealed = Record(case_id, base_rev + 1, base_rev, me, key_version, pid, {})
    envelope = crypto.seal(keys[key_version], unsealed.header(office_id), payload.encode("utf-8"), signing)
    return replace(unsealed, envelope=envelope)


def _take_in_deletion(store: CaseStore, record: Record, tomb: dict[str, Any], roster: Roster, me: str,
                      report: SyncReport) -> bool:
    """A deletion from the office: checked (only a draft never submitted may be deleted), then applied, or kept
    as a `deleted` conflict when the case changed here since."""
    name = RECORD.format(seq=record.seq, case=record.case_id, rev=record.office_rev)
    state = store.sync_base(record.case_id)
    known = store.tombstone(record.case_id)
    if (state is not None and record.office_rev <= state.office_rev) or (
            known is not None and known.office_rev is not None and record.office_rev <= known.office_rev):
        store.sync_skip(record.seq, "", "")
        return False
    if state is not None and state.office_rev == record.base_rev:
        base = upgrade(json.loads(state.base_body))
        history = (base.get("assessment") or {}).get("history", [])
        if base.get("status", "draft") != "draft" or any(e.get("event") == "submitted" for e in history):
            raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} deletes a case that was submitted for review; "
                                                   "refused.").format(name=name))
    try:
        stone = Tombstone(record.case_id, str(tomb["case_number"]), int(tomb["revision"]), str(tomb["digest"]),
                          str(tomb["deleted_by"]), str(tomb["deleted_at"]), record.base_rev, record.office_rev)
    except (KeyError, TypeError, ValueError):
        raise RecordRejected(QT_TRANSLATE_NOOP("storage", "{name} holds no readable deletion; refused.").format(
            name=name)) from None
    who = roster.author_of(record.author, record.seq, name).officer_id
    if not store.sync_apply_tombstone(stone, cursor=record.seq, detail=f"by {who}, office revision "
                                      f"{record.office_rev}"):
        report.conflicts += 1
    return True


def current_conflicts(store: CaseStore, case_id: str | None = None) -> list[StoredConflict]:
    """The open conflicts with `mine` as this laptop holds the field NOW (the officer may have edited it since the
    conflict was recorded): what a person is shown, and what "mine" keeps."""
    out: list[StoredConflict] = []
    docs: dict[str, tuple[CaseFile, dict[str, Any]]] = {}
    for c in store.sync_conflicts(case_id):
        if c.path != DELETED and store.has_case(c.case_id):
            if c.case_id not in docs:
                here = store.get_case(c.case_id)
                docs[c.case_id] = here, upgrade(json.loads(dump_body(here)))
            here, doc = docs[c.case_id]
            if not kept_aside(c, doc, here, store.officer.officer_id):  # set aside: its value is only there
                c = replace(c, mine=json.dumps(get_path(doc, c.path)))
        out.append(c)
    return out


def resolve(store: CaseStore, case_id: str, path: str, side: str, *, shown: str | None = None,
            shown_theirs: str | None = None) -> Any:
    """A person's choice for one conflict: `side` "mine" keeps this laptop's value as it is now (never the one
    recorded with the conflict: an edit made since is kept), "theirs" the office's. `shown` is the mine value the
    person was shown (current_conflicts): taking theirs over a value changed since is refused (CaseConflict);
    `shown_theirs` the office's value shown: either choice is refused once a sync brought another one."""
    if path == DELETED:
        theirs_deleted = any(c.path == DELETED and json.loads(c.theirs or "null") and json.loads(c.theirs)
                             .get("deleted") for c in store.sync_conflicts(case_id))
        return store.resolve_deletion(case_id, delete=(side == "theirs") == theirs_deleted)
    conflict = next((c for c in store.sync_conflicts(case_id) if c.path == path), None)
    if conflict is None:
        from storage.errors import CaseNotFound

        raise CaseNotFound(QT_TRANSLATE_NOOP("storage", "There is no open sync conflict on {field} in this case; "
                                             "'casefile conflicts' lists them.").format(field=repr(path)))
    if shown_theirs is not None and json.loads(shown_theirs) != json.loads(conflict.theirs):
        raise CaseConflict(QT_TRANSLATE_NOOP("storage", "The office's value of {field} changed since the conflict "
                                             "was shown (a sync brought another); nothing was overwritten. Look at "
                                             "it now and choose again.").format(field=repr(path)))
    doc = upgrade(json.loads(canonical_json_of(store, case_id)))
    # Set aside (kept_aside): "mine" is the value kept in the conflict — the store refuses it while it may not stand.
    now = json.loads(conflict.mine) if kept_aside(conflict, doc, store.get_case(case_id), store.officer.officer_id) \
        else get_path(doc, path)
    if side == "mine":
        value = now
    else:
        if shown is not None and json.loads(shown) != now:
            raise CaseConflict(QT_TRANSLATE_NOOP("storage", "{field} changed on this laptop since the conflict was "
                                                 "shown; nothing was overwritten. Look at its value now and choose "
                                                 "again.").format(field=repr(path)))
        value = json.loads(conflict.theirs)
    chosen = set_path(doc, path, value)
    return store.resolve_conflict(case_id, path, _case(chosen, f"Case {case_id}"))
