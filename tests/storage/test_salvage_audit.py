"""Salvage carries the old store's audit history: every entry that still reads and chains from the first, with
its original seq, time and hash, then the salvage entry; what no longer chains is named, never carried."""

from __future__ import annotations

from dataclasses import replace

from casework.model import Subject
from storage.salvage import salvage
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.storage.test_damage import crash, filled, flip_page


def _entries(store: CaseStore) -> list[tuple[int, str, str, str]]:
    return [(e.seq, e.at, e.action, e.hash) for e in store.audit_entries()]


def test_the_salvaged_store_shows_the_history_from_before_the_damage(data_dir, tmp_path):
    store, ids = filled(data_dir, 12)
    crash(store)
    with CaseStore.open(data_dir, PASSPHRASE) as source:  # opening closes the open revisions: case_edited
        before = _entries(source)
        case_history = source.audit_entries(ids[3])
        assert len(before) > 24 and len(case_history) == 2  # created, then each case created and edited
        report = salvage(source, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == ()
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        after = _entries(rescued)
        assert after[:len(before)] == before
        assert after[len(before)][2] == "store_salvaged"
        assert rescued.verify_audit().ok
        assert rescued.check_audit_since_last_time().ok
        (salvaged,) = [e for e in rescued.audit_entries() if e.action == "store_salvaged"]
        assert f"{len(before)} audit entries" in salvaged.detail
        assert rescued.audit_entries(ids[3]) == case_history  # the case's History shows what it did
        # the log goes on from there: a new edit chains onto the carried history and verifies
        rescued.update_case(replace(rescued.get_case(ids[0]), subject=Subject(family_name="Edited after")))
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as again:
        assert again.verify_audit().ok
        assert [e.seq for e in again.audit_entries(ids[0])][-1] > len(after)
        assert _entries(again)[:len(after)] == after


def test_an_altered_entry_ends_what_is_carried_and_is_named(data_dir, tmp_path):
    store, _ids = filled(data_dir, 6)
    count = len(store.audit_entries())
    store.conn.execute("UPDATE audit_log SET detail = 'rewritten' WHERE seq = 5")
    store.close()
    with CaseStore.open(data_dir, PASSPHRASE) as source:
        report = salvage(source, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == ("the audit log from entry 5 on: it no longer reads or chains (the damaged store "
                                 "keeps it as it was)",)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        seqs = [e.seq for e in rescued.audit_entries()]
        assert seqs[:4] == [1, 2, 3, 4] and rescued.audit_entries()[4].action == "store_salvaged"
        assert "rewritten" not in [e.detail for e in rescued.audit_entries()]
        assert rescued.verify_audit().ok
    with CaseStore.open(data_dir, PASSPHRASE) as source:  # the source keeps every entry, the altered one too
        assert len([e for e in source.audit_entries() if e.action != "audit_log_altered"]) >= count


def test_page_damage_in_the_log_carries_the_entries_before_it_and_names_the_rest(data_dir, tmp_path):
    from storage import audit
    from storage.store import _transaction

    store, _ids = filled(data_dir, 4)
    with _transaction(store.conn):  # the last ~100 pages of the file are audit entries, written in order
        for i in range(400):
            audit.append(store.conn, OFFICER.officer_id, "exported", None, f"{i:04d} " + "d" * 1000)
    before = _entries(store)
    crash(store)
    db = data_dir / "casefile.db"
    flip_page(db, db.stat().st_size // 4096 - 50)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        report = salvage(damaged, tmp_path / "salvaged", PASSPHRASE)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        after = _entries(rescued)
        actions = [a for _s, _t, a, _h in after]
        carried = after[:actions.index("store_salvaged")]
        assert 10 < len(carried) < len(before) - 100
        assert carried == before[:len(carried)]
        named = f"the audit log from entry {len(carried) + 1} on: it no longer reads or chains"
        assert named in " ".join(report.unreadable)
        assert rescued.verify_audit().ok


def test_a_new_profile_entry_is_not_left_in_front_of_the_carried_log(data_dir, tmp_path):
    store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    first = store.audit_entries()[0]
    store.close()
    with CaseStore.open(data_dir, PASSPHRASE) as source:
        salvage(source, tmp_path / "salvaged", PASSPHRASE)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        assert rescued.audit_entries()[0] == first
        assert [e.action for e in rescued.audit_entries()].count("profile_created") == 1
