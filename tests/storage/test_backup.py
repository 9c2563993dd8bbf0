"""Backups: encrypted, complete (the -wal included), checked, restorable without losing the store replaced."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import backup as backups
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing
from tests.fixtures.make_db_fixtures import TEST_PASSPHRASE
from tests.storage.test_migrations import copy_fixture


def test_a_backup_holds_the_saves_still_in_the_wal_and_no_plaintext(data_dir, tmp_path):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = store.update_case(replace(store.new_case().case, notes=MARKER)).case
        assert (data_dir / "casefile.db-wal").stat().st_size > 0  # the save is still in the WAL
        made = store.backup(dest=tmp_path / "usb")
        assert made.cases == 1 and made.reason == "manual"
        assert [e.action for e in store.audit_entries()][-1] == "backup_created"
    assert files_containing(tmp_path / "usb", MARKER) == []
    assert sorted(p.name for p in made.folder.iterdir()) == ["casefile.db", "casefile.keys", "manifest.json"]
    assert all(p.stat().st_mode & 0o077 == 0 for p in made.folder.iterdir())
    # The backup is a whole store: it opens with the passphrase and holds the saved case.
    restored_copy = tmp_path / "opened"
    shutil.copytree(made.folder, restored_copy)
    with CaseStore.open(restored_copy, PASSPHRASE) as copy:
        assert copy.get_case(case.id).notes == MARKER


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_store(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        kept = store.update_case(replace(store.new_case().case, notes="in the backup")).case
        made = store.backup()
        later = store.update_case(replace(store.new_case().case, notes="after the backup")).case
    aside = backups.restore_backup(StorePaths(data_dir), made.folder)
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert [s.id for s in store.list_cases()] == [kept.id]
    with CaseStore.open(aside, PASSPHRASE) as replaced:  # nothing was lost: the replaced store is whole
        assert {s.id for s in replaced.list_cases()} == {kept.id, later.id}


def test_a_damaged_backup_is_named_not_restored(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
        made = store.backup()
    db = made.folder / "casefile.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0xFF
    db.write_bytes(bytes(data))
    before = (data_dir / "casefile.db").read_bytes()
    with pytest.raises(backups.BackupError, match="damaged"):
        backups.restore_backup(StorePaths(data_dir), made.folder)
    assert (data_dir / "casefile.db").read_bytes() == before
    assert backups.list_backups(StorePaths(data_dir)) == []


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_store(tmp_path):
    folder = copy_fixture(5, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE):
        pass
    (made,) = backups.list_backups(StorePaths(folder))
    assert made.reason == "before-migration-5" and made.schema_version == 5 and made.cases == 5


def test_scheduled_backups_are_daily_and_pruned(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.new_case()
        first = store.backup_if_due()
        assert first is not None and first.reason == "scheduled"
        assert store.backup_if_due() is None  # not due again the same day


def _backup(folder: Path, at: datetime, reason: str = "scheduled") -> backups.Backup:
    return backups.Backup(folder / f"{at.isoformat()}-{reason}", at, reason, 6, 1, "")


def test_retention_keeps_a_week_of_days_and_a_month_of_weeks(tmp_path):
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    made = [_backup(tmp_path, now - timedelta(hours=6 * n)) for n in range(4 * 60)]  # every 6 h for 60 days
    made += [_backup(tmp_path, now - timedelta(days=n), "before-migration-5") for n in range(8)]
    pruned = {b.folder for b in backups.to_prune(made, now)}
    kept = [b for b in made if b.folder not in pruned]
    scheduled = [b for b in kept if b.reason == "scheduled"]
    assert len({b.taken_at.date() for b in scheduled if now - b.taken_at < timedelta(days=7)}) == 7
    assert all(now - b.taken_at < timedelta(weeks=4) for b in scheduled)
    assert 7 < len(scheduled) <= 7 + 4
    assert len([b for b in kept if b.reason == "before-migration-5"]) == backups.KEEP_SPECIAL
