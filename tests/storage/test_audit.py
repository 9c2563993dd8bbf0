"""The audit log: tampering by raw SQL — an edit, a rehash, a truncation, a deletion — is found and named."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storage import audit
from storage.store import CaseStore
from tests.conftest import MARKER, PASSPHRASE


@pytest.fixture
def busy_store(store: CaseStore) -> CaseStore:
    for n in range(3):
        case = store.new_case().case
        store.update_case(replace(case, notes=f"{MARKER} {n}"))
        store.close_revision(case.id)
    return store


def rehash_from(conn, seq: int) -> None:
    """What a careful forger does after editing entry `seq`: recompute every hash after it."""
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq - 1,)).fetchone()[0] if seq > 1 else (
        audit.GENESIS)
    for e in audit.entries(conn):
        if e.seq < seq:
            continue
        h = audit.entry_hash(e.seq, e.at, e.actor, e.action, e.case_id, e.detail, prev, e.device, e.digest)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, e.seq))
        prev = h


def test_an_intact_log_verifies(busy_store):
    check = busy_store.verify_audit()
    assert check.ok and check.first_bad is None and check.entries == len(busy_store.audit_entries())


def test_entries_carry_time_device_and_digest_but_no_case_text(busy_store):
    entries = busy_store.audit_entries()
    edited = [e for e in entries if e.action == "case_edited"]
    assert edited and all(len(e.digest) == 64 for e in edited)
    assert all(e.at.endswith("+00:00") and len(e.at.split(".")[1]) == len("23+00:00") for e in entries)
    assert all(e.device for e in entries)
    assert not any(MARKER in e.detail for e in entries)


def test_an_edited_entry_is_named(busy_store):
    busy_store.conn.execute("UPDATE audit_log SET action = 'case_viewed' WHERE seq = 3")
    check = busy_store.verify_audit()
    assert (check.ok, check.first_bad) == (False, 3) and "entry 3" in check.message


def test_an_edit_with_every_hash_recomputed_is_found(busy_store):
    busy_store.conn.execute("UPDATE audit_log SET actor = 'SOMEONE-ELSE' WHERE seq = 4")
    rehash_from(busy_store.conn, 4)
    check = busy_store.verify_audit()
    assert (check.ok, check.first_bad) == (False, check.entries) and "rewritten" in check.message


def test_deleting_the_newest_entries_is_found(busy_store):
    last = busy_store.audit_entries()[-1].seq
    busy_store.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last - 1,))
    check = busy_store.verify_audit()
    assert (check.ok, check.first_bad) == (False, last - 1) and "removed" in check.message


def test_deleting_a_middle_entry_is_found(busy_store):
    busy_store.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    check = busy_store.verify_audit()
    assert (check.ok, check.first_bad) == (False, 2) and "missing" in check.message


def test_deleting_every_entry_is_found(busy_store):
    busy_store.conn.execute("DELETE FROM audit_log")
    assert not busy_store.verify_audit().ok
    busy_store.conn.execute("DELETE FROM audit_head")
    check = busy_store.verify_audit()
    assert not check.ok and "empty" in check.message


def test_unlock_checks_only_what_is_new_and_notices_an_old_entry_changed(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, _officer()) as store:
        store.new_case()
        assert store.check_audit_since_last_time().ok
        store.new_case()
        assert store.check_audit_since_last_time().ok
        store.conn.execute("UPDATE audit_log SET detail = 'x' WHERE seq = 1")
        rehash_from(store.conn, 1)
        check = store.check_audit_since_last_time()
        assert not check.ok and check.first_bad is not None


def _officer():
    from tests.conftest import OFFICER

    return OFFICER


def test_unlock_reports_a_truncated_log_and_the_next_append_records_it(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, _officer()) as store:
        for _ in range(3):
            store.new_case()
        last = store.audit_entries()[-1].seq
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.audit_check is not None and store.audit_check.ok
        store.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last,))
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.audit_check is not None and not store.audit_check.ok
        assert "removed" in store.audit_check.message
        altered = [e for e in store.audit_entries() if e.action == audit.ALTERED]
        assert len(altered) == 1 and f"the signed head was entry {last + 1}" in altered[0].detail
        assert store.verify_audit().ok  # the chain goes on, and the alteration stays written in it
