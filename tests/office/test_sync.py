"""Sync between two officer laptops and a supervisor, on each backend: merges, conflicts, faults, reviews,
forgeries and what the office holds on disk."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace

import pytest

from casework.assessment import ReviewDecision
from casework.model import CaseStatus, Subject
from storage.office import crypto, link
from storage.office.backend import OfficeBackend, OfficeUnreachable, Record
from storage.store import CaseStore
from storage.sync import push_id, resolve, sync
from tests.conftest import MARKER, files_containing
from tests.office.conftest import PG_DSN, Laptops
from tests.storage.test_record_integrity import ready_case


def run_sync(laptops: Laptops, store: CaseStore, backend: OfficeBackend | None = None):
    backend = backend or laptops.backend(store)
    try:
        report = sync(store, backend)
    finally:
        backend.close()
    assert report.rejected == []
    return report


def edit(store: CaseStore, case_id: str, **changes: object):
    case = store.get_case(case_id)
    saved = store.update_case(replace(case, **changes)).case
    store.close_revision(case_id)
    return saved


def shared_case(laptops: Laptops) -> str:
    """A case Alice made and synced, and Bob pulled."""
    case = laptops.alice.new_case().case
    edit(laptops.alice, case.id, subject=Subject(family_name="Núñez", given_names="María"))
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    assert laptops.bob.get_case(case.id).subject.family_name == "Núñez"
    return case.id


def test_different_fields_edited_offline_are_merged(laptops: Laptops):
    case_id = shared_case(laptops)
    edit(laptops.alice, case_id, notes="Seen at the shelter on Monday.")
    edit(laptops.bob, case_id, other_ties="Volunteers at the parish food bank.")
    run_sync(laptops, laptops.alice)
    report = run_sync(laptops, laptops.bob)
    assert (report.merged, report.conflicts, report.in_step) == (1, 0, True)
    run_sync(laptops, laptops.alice)
    for store in (laptops.alice, laptops.bob):
        case = store.get_case(case_id)
        assert (case.notes, case.other_ties) == ("Seen at the shelter on Monday.",
                                                 "Volunteers at the parish food bank.")
    assert laptops.alice.sync_conflicts() == [] and laptops.bob.sync_conflicts() == []


def test_the_same_field_edited_on_both_sides_is_kept_for_a_person_then_resolved(laptops: Laptops):
    case_id = shared_case(laptops)
    edit(laptops.alice, case_id, notes="Alice: lives with her mother.")
    bob_before = edit(laptops.bob, case_id, notes="Bob: lives alone.")
    run_sync(laptops, laptops.alice)
    report = run_sync(laptops, laptops.bob)
    assert report.conflicts == 1
    (conflict,) = laptops.bob.sync_conflicts()
    assert (conflict.path, json.loads(conflict.mine), json.loads(conflict.theirs)) == (
        "notes", "Bob: lives alone.", "Alice: lives with her mother.")
    assert laptops.bob.get_case(case_id).notes == "Bob: lives alone."  # nothing overwritten meanwhile
    assert laptops.bob.get_case(case_id).revision == bob_before.revision  # kept as it was, never renumbered
    run_sync(laptops, laptops.alice)
    assert laptops.alice.get_case(case_id).notes == "Alice: lives with her mother."  # not pushed while open
    resolved = resolve(laptops.bob, case_id, "notes", "theirs").case
    assert laptops.bob.sync_conflicts() == []
    assert resolved.revision == bob_before.revision + 1  # the choice is the next local revision
    run_sync(laptops, laptops.bob)
    run_sync(laptops, laptops.alice)
    assert laptops.alice.get_case(case_id).notes == laptops.bob.get_case(case_id).notes == \
        "Alice: lives with her mother."


class Flaky:
    """The office, with the connection dropped at one chosen moment (after the office committed a push, or
    partway through a pull)."""

    def __init__(self, inner: OfficeBackend, *, fail_after_push: int = -1, fail_pull_call: int = -1) -> None:
        self.inner, self.kind, self.location = inner, inner.kind, inner.location
        self.pushes, self.pulls = 0, 0
        self.fail_after_push, self.fail_pull_call = fail_after_push, fail_pull_call

    def push(self, record: Record):
        outcome = self.inner.push(record)
        self.pushes += 1
        if self.pushes == self.fail_after_push:
            raise OfficeUnreachable("connection lost (injected)")
        return outcome

    def push_many(self, records: list[Record]):
        """The office takes the records up to the chosen one, then the answer is lost."""
        if self.fail_after_push < 0 or self.pushes + len(records) < self.fail_after_push:
            self.pushes += len(records)
            return self.inner.push_many(records)
        taken = self.fail_after_push - self.pushes
        self.inner.push_many(records[:taken])
        self.pushes += taken
        raise OfficeUnreachable("connection lost (injected)")

    def pull(self, after_seq: int, limit: int):
        self.pulls += 1
        if self.pulls == self.fail_pull_call:
            raise OfficeUnreachable("connection lost (injected)")
        return self.inner.pull(after_seq, limit)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


@pytest.mark.parametrize("at_push", [1, 2, 3])
def test_a_connection_lost_mid_push_then_a_second_sync_duplicates_and_loses_nothing(laptops: Laptops, at_push):
    ids = []
    for i in range(3):
        case = laptops.alice.new_case().case
        ids.append(edit(laptops.alice, case.id, notes=f"case {i}").id)
    with pytest.raises(OfficeUnreachable):
        sync(laptops.alice, Flaky(laptops.backend(laptops.alice), fail_after_push=at_push))
    report = run_sync(laptops, laptops.alice)
    assert report.in_step and report.office_cases == 3
    office = laptops.backend(laptops.alice)
    records = office.pull(0, 100)
    office.close()
    assert sorted(r.case_id for r in records) == sorted(ids)  # each case once: the retry found its first push
    run_sync(laptops, laptops.bob)
    assert sorted(c.notes for c in (laptops.bob.get_case(i) for i in ids)) == ["case 0", "case 1", "case 2"]


def test_a_connection_lost_mid_pull_then_a_second_sync_duplicates_and_loses_nothing(laptops: Laptops,
                                                                                    monkeypatch):
    import storage.sync

    ids = []
    for i in range(3):
        case = laptops.alice.new_case().case
        ids.append(edit(laptops.alice, case.id, notes=f"case {i}").id)
    run_sync(laptops, laptops.alice)
    monkeypatch.setattr(storage.sync, "PAGE", 1)
    with pytest.raises(OfficeUnreachable):
        sync(laptops.bob, Flaky(laptops.backend(laptops.bob), fail_pull_call=3))
    assert laptops.bob.count_cases() == 2  # the first two pages were kept, each with its cursor
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and laptops.bob.count_cases() == 3
    assert [laptops.bob.revisions(i) for i in ids] == [[1], [1], [1]]  # taken in once each
    assert sorted(laptops.bob.get_case(i).notes for i in ids) == ["case 0", "case 1", "case 2"]


def test_the_supervisor_concurs_and_the_officer_sees_it_after_the_next_sync(laptops: Laptops):
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    assert laptops.sam.get_case(case.id).status is CaseStatus.SUBMITTED
    laptops.sam.review_case(case.id, ReviewDecision.CONCURRED)
    run_sync(laptops, laptops.sam)
    assert laptops.alice.get_case(case.id).status is CaseStatus.SUBMITTED
    run_sync(laptops, laptops.alice)
    seen = laptops.alice.get_case(case.id)
    assert seen.status is CaseStatus.CONCURRED
    assert [(e.actor, e.event) for e in seen.assessment.history] == [("AM-101", "submitted"), ("SR-7", "concurred")]


def forged_review(laptops: Laptops, signer: CaseStore) -> str:
    """`signer` (an officer) pushes a correctly sealed record in which it concurs with a case: only the roles
    and the history can tell it is not a review."""
    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, signer)
    submitted = signer.get_case(case.id)
    from casework.workflow import review

    concurred = review(submitted, ReviewDecision.CONCURRED, "", signer.officer.officer_id,
                       submitted.updated_at, role=laptops.sam.role) if signer is laptops.bob else replace(
        submitted, status=CaseStatus.CONCURRED, assessment=replace(submitted.assessment, history=(
            *submitted.assessment.history, replace(submitted.assessment.history[-1], event="concurred"))))
    from casework.body import dump_body

    body = dump_body(replace(concurred, revision=submitted.revision + 1))
    state = signer.sync_base(case.id)
    lk = link.require_link(signer)
    keys = link.content_keys(signer)
    rec = Record(case.id, state.office_rev + 1, state.office_rev, lk.member_id, 1,
                 push_id(lk.office_id, case.id, state.office_rev, body), {})
    envelope = crypto.seal(keys[1], rec.header(lk.office_id),
                           json.dumps({"body": body, "local_revision": 9}).encode(), signer.profile_signing_key())
    office = laptops.backend(signer)
    assert office.push(replace(rec, envelope=envelope)).accepted
    office.close()
    return case.id


def test_a_review_signed_by_the_submitting_officer_is_rejected_by_name(laptops: Laptops):
    case_id = forged_review(laptops, laptops.alice)
    report = sync(laptops.sam, laptops.backend(laptops.sam))
    assert len(report.rejected) == 1
    assert "the review is signed by AM-101, the officer who submitted the case; refused" in report.rejected[0]
    from desktop.cli_i18n import Catalogue  # and in Spanish, as the sync dialog and `casefile sync` show it

    assert Catalogue("es").text(report.rejected[0]) == (
        f"El registro de la oficina {report.rejected[0].params['name'].params['seq']} (caso {case_id}, revisión de la "
        f"oficina {report.rejected[0].params['name'].params['rev']}): la revisión la firma AM-101, el oficial que "
        "presentó el caso; se rechaza.")
    assert laptops.sam.get_case(case_id).status is CaseStatus.SUBMITTED
    assert any(e.action == "sync_rejected" for e in laptops.sam.audit_entries(case_id))


def test_a_review_signed_by_another_officer_is_rejected_by_name(laptops: Laptops):
    case_id = forged_review(laptops, laptops.bob)
    report = sync(laptops.alice, laptops.backend(laptops.alice))
    assert len(report.rejected) == 1
    assert "the review is signed by BO-202, who is not a supervisor of the office; refused" in report.rejected[0]
    assert laptops.alice.get_case(case_id).status is CaseStatus.SUBMITTED


def tamper(laptops: Laptops) -> None:
    """Change one pushed record by hand, where the office keeps it: the row, or the file on the share."""
    if laptops.office.kind == "postgres":
        import psycopg

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'UPDATE "{laptops.office.schema}".records SET base_rev = base_rev + 0, envelope = '
                         "jsonb_set(envelope, '{nonce}', to_jsonb('AAAAAAAAAAAAAAAA'::text))")
    else:
        (path,) = (laptops.office.folder / "log").glob("*.jsonl")
        doc = json.loads(path.read_text())
        doc["author"] = link.require_link(laptops.bob).member_id  # re-attributed to another member
        path.write_text(json.dumps(doc) + "\n")


def test_a_tampered_record_is_rejected_by_name(laptops: Laptops):
    case = laptops.alice.new_case().case
    edit(laptops.alice, case.id, notes="original words")
    run_sync(laptops, laptops.alice)
    tamper(laptops)
    report = sync(laptops.bob, laptops.backend(laptops.bob))
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith(f"Office record 1 (case {case.id}, office revision 1) claiming to be from ")
    assert "signature does not match its content and routing" in report.rejected[0]
    assert not laptops.bob.has_case(case.id)


def test_the_office_holds_no_case_text_in_the_clear(laptops: Laptops, tmp_path):
    case = ready_case(laptops.alice)
    edit(laptops.alice, case.id, notes=f"note {MARKER}", subject=replace(case.subject, family_name=MARKER))
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    assert laptops.sam.get_case(case.id).subject.family_name == MARKER  # it did travel
    if laptops.office.kind == "folder":
        assert files_containing(laptops.office.folder, MARKER) == []
        return
    schema = laptops.office.schema
    dump = subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", schema, "test"],
                          capture_output=True, check=True).stdout
    assert b"records" in dump and MARKER.encode() not in dump
    rows = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-At", "-c",
                           f'SELECT * FROM "{schema}".records; SELECT * FROM "{schema}".rosters; '
                           f'SELECT * FROM "{schema}".join_requests; SELECT * FROM "{schema}".wrapped_keys'],
                          capture_output=True, check=True).stdout
    assert case.id.encode() in rows and MARKER.encode() not in rows
