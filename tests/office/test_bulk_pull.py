"""A pulled page is taken in with one bulk write for the records kept as they stand (storage.sync_apply_many)
and one by one for the rest: the store must end exactly as record by record — the same cases, revisions, audit
entries, sync bases, notices and search index — and a failure in the middle of a bulk write must lose nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storage.sync
from casework.assessment import ReviewDecision
from casework.model import Officer, Role, Subject
from storage.office import link
from storage.office.roster import MemberRole
from storage.pull_worker import PageOpener
from storage.store import CaseStore
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync
from tests.storage.test_record_integrity import ready_case

HOSTILE = [n["text"] for n in json.loads(Path("../shared/testdata/hostile-text.json").read_text(
    encoding="utf-8"))["names"]]


def newcomer(laptops: Laptops, tmp_path: Path, name: str, officer_id: str) -> CaseStore:
    """A supervisor's profile that joins the office now, with nothing in it yet."""
    store = CaseStore.create(tmp_path / name, PASSPHRASE, Officer(name, officer_id, "Field Office Example"),
                             role=Role.SUPERVISOR)
    link.join_office(store, laptops.office.make())
    backend = laptops.office.make()
    link.approve(laptops.sam, backend, officer_id, MemberRole.SUPERVISOR)
    backend.close()
    return store


def busy_office(laptops: Laptops) -> list[str]:
    """Cases with hostile names, some edited again after their first push (so a page holds a case twice), one
    submitted and concurred by Sam, one deleted (a tombstone) — every path of a pull."""
    alice = laptops.alice
    ids = []
    for n, name in enumerate(HOSTILE[:9]):
        case = alice.new_case().case
        ids.append(edit(alice, case.id, subject=Subject(family_name=name, given_names=f"Given {n}"),
                        notes=f"first {name}").id)
    doomed = alice.new_case().case.id
    run_sync(laptops, alice)
    for case_id in ids[::3]:
        edit(alice, case_id, notes="edited after the first push")
    reviewed = ready_case(alice)
    alice.submit_case(reviewed.id)
    alice.delete_case(doomed, revision=alice.get_case(doomed).revision)
    run_sync(laptops, alice)
    run_sync(laptops, laptops.sam)
    laptops.sam.review_case(reviewed.id, ReviewDecision.CONCURRED, "fine")
    run_sync(laptops, laptops.sam)
    return [*ids, reviewed.id]


def snapshot(store: CaseStore, since: int) -> dict[str, object]:
    """What a pull leaves in a store, but for the times it was written at and who the profile is."""
    conn = store.conn

    def rows(sql: str) -> list[tuple[object, ...]]:
        return [tuple(r) for r in conn.execute(sql)]

    def no_time(body: object) -> str:
        doc = json.loads(str(body))
        doc.pop("updated_at", None)
        return json.dumps(doc, sort_keys=True)

    return {
        "cases": [(*r[:-1], no_time(r[-1])) for r in rows(
            "SELECT id, case_number, revision, status, family_name, given_names, a_number, aliases, created_at, "
            "search_text, revision_open, body FROM cases ORDER BY id")],
        "revisions": [(*r[:-1], no_time(r[-1])) for r in rows(
            "SELECT case_id, revision, body FROM case_revisions ORDER BY case_id, revision")],
        "sync_state": rows("SELECT case_id, office_rev, base_body, synced_revision FROM sync_state ORDER BY case_id"),
        "tombstones": rows("SELECT * FROM case_tombstones ORDER BY case_id"),
        "conflicts": rows("SELECT case_id, path, base, mine, theirs FROM sync_conflicts ORDER BY case_id, path"),
        "notices": rows("SELECT case_id, decision, actor FROM decision_notices ORDER BY case_id"),
        "audit": rows(f"SELECT action, case_id, detail FROM audit_log WHERE seq > {since} AND action IN "
                      "('case_synced', 'case_deleted', 'sync_conflict', 'sync_rejected', 'case_edited') ORDER BY seq"),
        "search_rows": rows("SELECT n, case_id, sort_name, name, sound, number, born, place, charge, status, keys "
                            "FROM case_search ORDER BY n"),
        "count": store.count_cases(),
        "cursor": link.require_link(store).cursor,
    }


def searches(store: CaseStore) -> dict[str, list[str]]:
    queries = [*HOSTILE[:9], "Ivanova", "Nguyen", "Given 3", "edited", "concurred", "draft"]
    return {q: [r.id for r in store.search_cases(q).rows] for q in queries}


def last_seq(store: CaseStore) -> int:
    return int(store.conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0])


@pytest.mark.parametrize(("page", "second_process"), [(3, False), (500, False), (3, True)])
def test_a_bulk_pull_leaves_the_same_store_and_search_as_record_by_record(laptops: Laptops, tmp_path, monkeypatch,
                                                                          page, second_process):
    """second_process: pages after the first are opened by storage.pull_worker (its hints: no field problem,
    the search keys, the case's exact JSON) — the store must still end byte for byte the same."""
    ids = busy_office(laptops)
    monkeypatch.setattr(storage.sync, "PAGE", page)
    opened_there = []
    if second_process:
        monkeypatch.setattr(storage.sync, "PARALLEL_FROM", 1)
        real_result = PageOpener.result

        def counted(self: PageOpener, ticket, records):  # type: ignore[no-untyped-def]
            answer = real_result(self, ticket, records)
            if ticket is not None:  # handed over (the first page is opened here while the process starts)
                opened_there.extend([answer is not None] * len(records))
            return answer

        monkeypatch.setattr(PageOpener, "result", counted)
    bulk = newcomer(laptops, tmp_path, "Bulk Pull", "BULK-1")
    one_by_one = newcomer(laptops, tmp_path, "One By One", "ONE-1")
    try:
        taken = []
        real = CaseStore.sync_apply_many

        def counting(self: CaseStore, items):  # type: ignore[no-untyped-def]
            taken.extend(item.case_id for item in items)
            return real(self, items)

        monkeypatch.setattr(CaseStore, "sync_apply_many", counting)
        since_bulk = last_seq(bulk)
        assert run_sync(laptops, bulk).in_step
        assert set(taken) >= set(ids) - {ids[-1]}  # the bulk path did the work
        if second_process:  # every page but the first was opened there
            assert opened_there and all(opened_there)
            monkeypatch.setattr(storage.sync, "PARALLEL_FROM", 10**9)
        monkeypatch.setattr(storage.sync, "_as_it_stands", lambda *a, **k: None)  # every record one by one
        since_one = last_seq(one_by_one)
        assert run_sync(laptops, one_by_one).in_step
        assert snapshot(bulk, since_bulk) == snapshot(one_by_one, since_one)
        assert searches(bulk) == searches(one_by_one)
        assert bulk.verify_audit().ok and one_by_one.verify_audit().ok
        assert all(bulk.search_cases(name).rows for name in HOSTILE[:9])
    finally:
        bulk.close()
        one_by_one.close()


def test_a_failure_in_the_middle_of_a_bulk_page_loses_nothing_and_a_second_sync_completes(laptops: Laptops,
                                                                                          tmp_path, monkeypatch):
    ids = busy_office(laptops)
    monkeypatch.setattr(storage.sync, "PAGE", 4)
    store = newcomer(laptops, tmp_path, "Interrupted", "INT-1")
    reference = newcomer(laptops, tmp_path, "Reference", "REF-1")
    try:
        real = CaseStore.sync_apply_many
        calls = []
        calls_ids: set[str] = set()

        def failing(self: CaseStore, items):  # type: ignore[no-untyped-def]
            calls.append(len(items))
            calls_ids.update(item.case.id for item in items)
            real(self, items)  # written, then the power goes before the page's transaction commits
            if len(calls) == 2:
                raise OSError("power cut")

        monkeypatch.setattr(CaseStore, "sync_apply_many", failing)
        since = last_seq(store)
        backend = laptops.backend(store)
        with pytest.raises(OSError, match="power cut"):
            sync(store, backend)
        backend.close()
        assert store.count_cases() == 4 and link.require_link(store).cursor == 4  # the first page, whole
        office = laptops.backend(store)
        first_page = office.pull(0, 4)  # the page the cursor (4) moved over
        office.close()
        assert {r.id for r in store.list_cases()} == {r.case_id for r in first_page} <= calls_ids
        assert store.verify_audit().ok
        assert store.conn.execute("SELECT count(*) FROM case_search").fetchone()[0] == 4
        for summary in (s for s in store.list_cases() if s.family_name):  # (the deleted draft had no name)
            assert summary.id in [r.id for r in store.search_cases(summary.family_name).rows]
        monkeypatch.setattr(CaseStore, "sync_apply_many", real)
        assert run_sync(laptops, store).in_step
        since_reference = last_seq(reference)
        assert run_sync(laptops, reference).in_step
        assert snapshot(store, since) == snapshot(reference, since_reference)
        assert searches(store) == searches(reference)
        assert all(store.revisions(i) == reference.revisions(i) for i in ids)  # taken in once each
    finally:
        store.close()
        reference.close()


def test_a_page_with_a_local_edit_merges_it_and_takes_the_rest_in_bulk(laptops: Laptops, monkeypatch):
    """Bob edits one case the office then changes too: that one is merged, the others go in bulk."""
    ids = []
    for n in range(4):
        case = laptops.alice.new_case().case
        ids.append(edit(laptops.alice, case.id, notes=f"case {n}").id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.bob)
    edit(laptops.bob, ids[1], subject=Subject(family_name="Bob's spelling"))
    for case_id in ids:
        edit(laptops.alice, case_id, notes=f"again {case_id[:4]}")
    run_sync(laptops, laptops.alice)
    taken: list[str] = []
    real = CaseStore.sync_apply_many
    monkeypatch.setattr(CaseStore, "sync_apply_many",
                        lambda self, items: (taken.extend(i.case.id for i in items), real(self, items))[1])
    report = run_sync(laptops, laptops.bob)
    assert report.merged == 1 and ids[1] not in taken and set(ids) - {ids[1]} <= set(taken)
    merged = laptops.bob.get_case(ids[1])
    assert merged.subject.family_name == "Bob's spelling" and merged.notes == f"again {ids[1][:4]}"
    assert [laptops.bob.get_case(i).notes for i in ids] == [f"again {i[:4]}" for i in ids]
    assert laptops.bob.search_cases("Bob's spelling").rows[0].id == ids[1]
    assert report.in_step


def test_the_office_digests_its_heads_as_the_laptop_does(laptops: Laptops):
    """heads_summary (PostgreSQL computes it in SQL) equals the count and heads_digest of heads()."""
    from storage.office.backend import heads_digest

    busy_office(laptops)
    run_sync(laptops, laptops.alice)  # takes in Sam's review
    office = laptops.office.make()
    try:
        heads = office.heads()
        assert len(heads) == 11
        assert office.heads_summary() == (len(heads), heads_digest(heads))
        assert office.heads_summary()[1] == heads_digest(laptops.alice.sync_heads())
    finally:
        office.close()


def test_a_push_records_each_case_as_one_by_one_would(laptops: Laptops):
    """The pushed marks of a batch go in with one statement per table: each case in step at the revision sent,
    one case_pushed entry each, in the order sent, and the audit chain intact."""
    alice = laptops.alice
    ids = sorted(edit(alice, alice.new_case().case.id, notes=f"case {n}").id for n in range(5))
    since = last_seq(alice)
    assert run_sync(laptops, alice).pushed == 5
    pushed = [(r[0], r[1]) for r in alice.conn.execute(
        f"SELECT case_id, detail FROM audit_log WHERE seq > {since} AND action = 'case_pushed' ORDER BY seq")]
    assert pushed == [(i, f"revision {alice.current_revision(i)} as office revision 1") for i in ids]
    assert alice.sync_outgoing() == [] and alice.verify_audit().ok
    assert all(alice.sync_base(i).synced_revision == alice.current_revision(i) for i in ids)
