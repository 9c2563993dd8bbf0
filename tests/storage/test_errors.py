"""Errors named for what they are: busy, read-only, permission, disk full, not a file, damaged.

"Restore it from a backup" is advice that loses the newest work; it is given for real damage only.
"""

from __future__ import annotations

import errno
import shutil

import pytest
import sqlcipher3

from storage import error_map, keyslot
from storage.errors import (
    DiskFull,
    StorageFull,
    StoreBusy,
    StoreCorrupt,
    StorePermissionDenied,
    StoreReadOnly,
    WrongKindOfPath,
)
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE, raw_bytes_of
from tests.storage.faults import fill, read_only, tmpfs


def _sqlite_error(message: str, code: int) -> sqlcipher3.OperationalError:
    exc = sqlcipher3.OperationalError(message)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


def _closed_store(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
    return raw_bytes_of(data_dir)


def test_a_foreign_write_lock_is_busy_not_damage(data_dir):
    _closed_store(data_dir)
    key = keyslot.read_key_file(data_dir / "casefile.keys").unwrap(PASSPHRASE)
    other = sqlcipher3.connect(str(data_dir / "casefile.db"), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    other.execute("BEGIN IMMEDIATE")  # e.g. a backup tool or the sqlcipher shell, mid-transaction
    try:
        with pytest.raises(StoreBusy) as info:
            CaseStore.open(data_dir, PASSPHRASE)
        assert str(info.value) == "Casefile is already open on this profile in another window or process."
    finally:
        other.execute("ROLLBACK")
        other.close()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.count_cases() == 1


def test_a_save_blocked_by_a_foreign_write_lock_is_busy(store, data_dir):
    key = keyslot.read_key_file(data_dir / "casefile.keys").unwrap(PASSPHRASE)
    other = sqlcipher3.connect(str(data_dir / "casefile.db"), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy):
            store.new_case()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.new_case().case.case_number.endswith("-0001")  # nothing was half-written


def test_a_database_that_is_a_folder_is_named(data_dir):
    _closed_store(data_dir)
    (data_dir / "casefile.db").unlink()
    (data_dir / "casefile.db").mkdir()
    with pytest.raises(WrongKindOfPath, match=r"casefile\.db is a folder, not a file") as info:
        CaseStore.open(data_dir, PASSPHRASE)
    assert "backup" not in str(info.value)


def test_a_data_folder_that_is_a_file_is_named(tmp_path):
    not_a_folder = tmp_path / "profile"
    not_a_folder.write_text("a file")
    for attempt in (lambda: CaseStore.open(not_a_folder, PASSPHRASE),
                    lambda: CaseStore.create(not_a_folder, PASSPHRASE, OFFICER),
                    lambda: CaseStore.create(not_a_folder / "inside", PASSPHRASE, OFFICER)):
        with pytest.raises(WrongKindOfPath, match="profile is a file, not a folder"):
            attempt()
    assert not_a_folder.read_text() == "a file"


def test_only_real_damage_advises_a_backup(data_dir):
    _closed_store(data_dir)
    db = data_dir / "casefile.db"
    data = bytearray(db.read_bytes())
    data[5000:5064] = bytes(64)
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt, match="restore it from a backup"):
        CaseStore.open(data_dir, PASSPHRASE)


def test_a_full_disk_while_unlocking_says_so(data_dir, monkeypatch):
    """Injected: SQLite reports SQLITE_FULL when the unlock is recorded."""
    before = _closed_store(data_dir)

    def full(*_args, **_kwargs):
        raise _sqlite_error("database or disk is full", 13)

    monkeypatch.setattr("storage.store.audit.append", full)
    with pytest.raises(DiskFull) as info:
        CaseStore.open(data_dir, PASSPHRASE)
    assert "is full, so Casefile cannot open the case store" in str(info.value)
    assert "backup" not in str(info.value) and "edits" not in str(info.value)
    monkeypatch.undo()
    assert raw_bytes_of(data_dir).keys() >= before.keys()
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.count_cases() == 1


def test_a_full_disk_with_the_store_closed(tmp_path):
    """Real: a 3 MB RAM disk, filled up while Casefile is closed."""
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "profile"
        _closed_store(data_dir)
        filler = fill(disk)
        with pytest.raises(DiskFull) as info:
            CaseStore.open(data_dir, PASSPHRASE)
        assert str(info.value).startswith(f"The disk holding {data_dir} is full")
        assert "backup" not in str(info.value)
        filler.unlink()
        with CaseStore.open(data_dir, PASSPHRASE) as store:
            assert store.count_cases() == 1


def test_setting_up_on_a_full_disk_leaves_nothing_behind(tmp_path):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        fill(disk)
        data_dir = disk / "profile"
        with pytest.raises(StorageFull, match="is full, so Casefile cannot set up the profile"):
            CaseStore.create(data_dir, PASSPHRASE, OFFICER)
        assert not StorePaths(data_dir).exists()


def test_a_read_only_data_folder_says_so(tmp_path):
    with tmpfs(tmp_path / "disk", "8m") as disk:
        data_dir = disk / "profile"
        before = _closed_store(data_dir)
        with read_only(data_dir, disk), pytest.raises(StoreReadOnly) as info:
            CaseStore.open(data_dir, PASSPHRASE)
        assert str(info.value).startswith(f"The profile folder {data_dir} is read-only")
        assert "backup" not in str(info.value)
        assert raw_bytes_of(data_dir) == before


@pytest.mark.parametrize(
    ("exc", "kind", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFull, "is full"),
        (OSError(errno.EROFS, "Read-only file system"), StoreReadOnly, "is read-only"),
        (PermissionError(errno.EACCES, "Permission denied", "/x/casefile.keys"), StorePermissionDenied,
         "not allowed to use /x/casefile.keys (permission denied)"),
        (_sqlite_error("database is locked", 5), StoreBusy, "already open on this profile"),
        (_sqlite_error("database table is locked", 6), StoreBusy, "already open on this profile"),
        (_sqlite_error("database or disk is full", 13), DiskFull, "is full"),
        (_sqlite_error("file is not a database", 26), StoreCorrupt, "restore it from a backup"),
        (_sqlite_error("database disk image is malformed", 11), StoreCorrupt, "restore it from a backup"),
    ],
)
def test_the_one_mapping(tmp_path, exc, kind, words):
    mapped = error_map.user_error(exc, tmp_path, doing="open the case store")
    assert type(mapped) is kind
    assert words in str(mapped)
    assert ("backup" in str(mapped)) == (kind is StoreCorrupt)


def test_errors_the_mapping_does_not_know_are_left_alone(tmp_path):
    assert error_map.user_error(ValueError("x"), tmp_path) is None
    assert error_map.user_error(_sqlite_error("UNIQUE constraint failed", 19), tmp_path) is None


def test_a_store_on_a_disk_without_room_for_the_shared_memory_file(tmp_path):
    """SQLite calls this "disk I/O error" (the -shm file cannot grow); the folder is examined to say why."""
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "profile"
        _closed_store(data_dir)
        shutil.copy(data_dir / "casefile.db", tmp_path / "copy.db")
        filler = fill(disk)
        with pytest.raises(DiskFull):
            CaseStore.open(data_dir, PASSPHRASE)
        filler.unlink()
        assert (data_dir / "casefile.db").read_bytes() == (tmp_path / "copy.db").read_bytes()
