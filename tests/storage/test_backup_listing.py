"""What File ▸ Backups needs from storage: every backup listed with its checked state and size (a damaged
one named, not hidden), a backup that can be cancelled leaving nothing behind, retention as bounded settings,
and a restore that needs the backup's passphrase and honours the throttle."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from storage import backup as backups
from storage.errors import Cancelled, StoreBusy
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.storage.test_backup import _backup


def test_listing_checks_every_backup_and_names_a_damaged_one(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        store.update_case(replace(store.new_case().case, notes="x" * 5000))
        good = store.backup()
        bad = store.backup("scheduled")
    db = bad.folder / "casefile.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 0xFF
    db.write_bytes(bytes(data))
    listed = backups.scan_backups(StorePaths(data_dir))
    assert [item.folder for item in listed] == [bad.folder, good.folder]  # newest first
    assert listed[0].backup is None and "damaged" in listed[0].problem
    assert listed[1].backup == good and listed[1].problem == ""
    assert listed[1].size == sum(f.stat().st_size for f in good.folder.iterdir())


def test_a_cancelled_backup_leaves_nothing_behind(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        for _ in range(30):
            store.update_case(replace(store.new_case().case, notes="y" * 3000))
        polls = []
        with pytest.raises(Cancelled):
            store.backup(cancelled=lambda: polls.append(1) or len(polls) > 2)
        assert len(polls) > 2  # the copy was under way when it stopped
        root = backups.backups_dir(store.paths)
        assert not root.exists() or list(root.iterdir()) == []
        assert "backup_created" not in [e.action for e in store.audit_entries()]
        assert store.backup(cancelled=lambda: False).cases == 30  # the next one works


def test_retention_is_a_setting_bounded_where_it_is_used(tmp_path):
    assert backups.Retention(0, -3) == backups.Retention(backups.DAILY_RANGE[0], backups.WEEKLY_RANGE[0])
    assert backups.Retention(10_000, 10_000) == backups.Retention(backups.DAILY_RANGE[1], backups.WEEKLY_RANGE[1])
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    made = [_backup(tmp_path, now - timedelta(days=n)) for n in range(40)]  # one a day for 40 days
    kept = [b for b in made if b not in backups.to_prune(made, now, backups.Retention(3, 0))]
    assert [b.taken_at for b in kept] == [now - timedelta(days=n) for n in range(3)]
    kept = [b for b in made if b not in backups.to_prune(made, now, backups.Retention(2, 5))]
    assert len(kept) > 2 and all(now - b.taken_at < timedelta(weeks=5) for b in kept)
    assert len(kept) < 2 + 6  # one a week beyond the days


def test_restore_checks_the_passphrase_and_refuses_while_the_store_is_open(data_dir):
    paths = StorePaths(data_dir)
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        made = store.backup()
        with pytest.raises(backups.BackupError, match="does not open this backup"):
            backups.check_passphrase(paths, made, "not the passphrase at all")
        with pytest.raises(StoreBusy):
            backups.restore_closed(paths, made)  # the open store holds the lock: nothing is swapped
    assert not list(data_dir.glob("replaced-*"))
    backups.check_passphrase(paths, made, PASSPHRASE)
    aside = backups.restore_closed(paths, made)
    assert (aside / "casefile.db").exists()
    with CaseStore.open(data_dir, PASSPHRASE) as restored:
        assert [e.action for e in restored.audit_entries()][-1] == "unlocked"
        assert any(e.action == "unlock_failed" for e in restored.audit_entries())  # the wrong try was counted
