"""Damage after a crash: detected, never written over, salvaged into a new store."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from casework.model import Subject
from storage.salvage import salvage
from storage.store import CaseStore, StoreDamaged
from tests.conftest import OFFICER, PASSPHRASE

PAGE = 4096


def crash(store: CaseStore) -> None:
    """What a kill -9 leaves: the connection gone without a clean close (the open marker stays)."""
    assert store._conn is not None and store._lock is not None
    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the pages are in the main file, as after a while
    store._conn.close()
    store._conn = None
    store._lock.release()


def filled(data_dir: Path, n: int = 40) -> tuple[CaseStore, list[str]]:
    store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    ids = []
    for i in range(n):
        case = store.new_case().case
        case = store.update_case(replace(case, subject=Subject(family_name=f"Person {i}"), notes="x" * 3000)).case
        ids.append(case.id)
    return store, ids


def flip_page(db: Path, page: int) -> None:
    data = bytearray(db.read_bytes())
    for i in range(page * PAGE + 200, page * PAGE + 260):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_damage_after_a_crash_is_detected_and_the_store_opens_read_only(data_dir):
    store, _ids = filled(data_dir)
    crash(store)
    db = data_dir / "casefile.db"
    pages = db.stat().st_size // PAGE
    flip_page(db, pages // 2)
    before = digest(db)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        assert damaged.damage is not None and "HMAC verification failed" in damaged.damage.summary()
        with pytest.raises(StoreDamaged, match=r"open read-only.*casefile salvage"):
            damaged.new_case()
    assert digest(db) == before  # nothing was written into the damage


def test_salvage_keeps_every_readable_case_and_names_the_rest(data_dir, tmp_path):
    store, ids = filled(data_dir)
    crash(store)
    db = data_dir / "casefile.db"
    flip_page(db, db.stat().st_size // PAGE // 2)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        report = salvage(damaged, tmp_path / "salvaged", PASSPHRASE)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        kept = {s.id for s in rescued.list_cases()}
        assert report.cases == len(kept) and kept <= set(ids)
        assert len(kept) >= len(ids) - 5  # one damaged page loses at most the few cases stored on it
        lost = set(ids) - kept
        assert all(any(case_id in line for line in report.unreadable) for case_id in lost)
        for case_id in kept:
            assert rescued.get_case(case_id).subject.family_name.startswith("Person ")
        assert rescued.verify_audit().ok
        (entry,) = [e for e in rescued.audit_entries() if e.action == "store_salvaged"]
        assert f"{report.cases} cases" in entry.detail
        rescued.update_case(replace(rescued.get_case(next(iter(kept))), notes="the new store is writable"))


def test_a_clean_close_skips_the_check(data_dir, monkeypatch):
    import storage.store as module

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    calls = []
    monkeypatch.setattr(module, "check_before_open", lambda paths, key: calls.append(1) or module.IntegrityReport())
    CaseStore.open(data_dir, PASSPHRASE).close()
    assert calls == []
    CaseStore.open(data_dir, PASSPHRASE, check_integrity=True).close()
    assert calls == [1]


def test_a_salvaged_store_keeps_the_office_recovery_key_and_the_fips_key_slots(tmp_path, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from storage import keyslot

    monkeypatch.setattr(keyslot, "FIPS_KDF", replace(keyslot.FIPS_KDF, time_cost=1000))
    office_key = X25519PrivateKey.generate().public_key()
    store = CaseStore.create(tmp_path / "p", PASSPHRASE, OFFICER, kdf=keyslot.FIPS_KDF, recovery_key=office_key)
    store.new_case()
    with store:
        salvage(store, tmp_path / "salvaged", PASSPHRASE)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        assert rescued.fips_key_slots
        public = rescued.recovery_public_key
        assert public is not None and public.public_bytes_raw() == office_key.public_bytes_raw()


def test_a_read_only_store_still_prints_exports_and_leaves_cases(data_dir):
    store, ids = filled(data_dir, 5)
    crash(store)
    db = data_dir / "casefile.db"
    flip_page(db, db.stat().st_size // PAGE // 2)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        assert damaged.damage is not None
        readable = [i for i in ids if _reads(damaged, i)]
        assert readable
        assert damaged.close_revision(readable[0]).cases is False  # nothing to close, nothing written, no error


def _reads(store: CaseStore, case_id: str) -> bool:
    try:
        store.get_case(case_id)
    except Exception:
        store.reconnect()
        return False
    return True


def test_wrong_passphrases_are_kept_until_an_open_can_write_them_into_the_log(data_dir):
    import pytest as _pytest

    from storage.errors import WrongPassphrase

    store, _ids = filled(data_dir)
    crash(store)
    with _pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, "not the passphrase")
    db = data_dir / "casefile.db"
    data = db.read_bytes()
    flip_page(db, db.stat().st_size // PAGE // 2)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:  # read-only: it cannot record the failed try
        assert damaged.damage is not None
    db.write_bytes(data)  # the damage repaired (say, restored from a backup)
    with CaseStore.open(data_dir, PASSPHRASE, check_integrity=True) as healthy:
        assert healthy.damage is None
        assert [e.action for e in healthy.audit_entries()].count("unlock_failed") == 1
