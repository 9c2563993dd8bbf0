"""The store applies the passphrase rule itself, and a passphrase change is all or nothing.

A change that fails must leave the old passphrase working and say so; one that succeeds is in the audit log.
"""

from __future__ import annotations

import errno

import pytest
import sqlcipher3

from storage import keyslot
from storage.errors import PassphraseNotChanged, PassphraseRefused, WrongPassphrase
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.storage.faults import fill, tmpfs

NEW = "copper kettle winter harbor"


def _actions(store: CaseStore) -> list[str]:
    return [e.action for e in store.audit_entries()]


def _left_over(data_dir) -> list[str]:
    """Files a change may leave behind if it is not tidy: temporary key files and backups."""
    return sorted(p.name for p in data_dir.iterdir() if ".keys." in p.name or p.name.endswith(".previous"))


@pytest.mark.parametrize("weak", ["x", "short1!", "aaaaaaaaaaaa"])
def test_the_store_refuses_a_weak_passphrase_when_setting_up(data_dir, weak):
    with pytest.raises(PassphraseRefused):
        CaseStore.create(data_dir, weak, OFFICER)
    assert not StorePaths(data_dir).exists()


def test_the_store_refuses_a_weak_new_passphrase(store, data_dir):
    key_file = (data_dir / "casefile.keys").read_bytes()
    with pytest.raises(PassphraseRefused, match="at least 10 characters"):
        store.change_passphrase(PASSPHRASE, "x")
    with pytest.raises(PassphraseRefused, match="Too easy to guess"):
        store.change_passphrase(PASSPHRASE, "DO-1138Ortiz")  # the officer's own ID and name
    assert (data_dir / "casefile.keys").read_bytes() == key_file
    assert "passphrase_changed" not in _actions(store)


def test_a_change_is_recorded_and_tidy(store, data_dir):
    store.change_passphrase(PASSPHRASE, NEW)
    assert _actions(store)[-1] == "passphrase_changed"
    assert _left_over(data_dir) == []
    store.close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)
    CaseStore.open(data_dir, NEW).close()


def test_no_room_for_the_new_key_file_changes_nothing(store, data_dir, monkeypatch):
    """Injected: the disk fills up while the new key file is written."""
    key_file = (data_dir / "casefile.keys").read_bytes()
    real_fsync = keyslot.os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(keyslot.os, "fsync", full)
    with pytest.raises(PassphraseNotChanged) as info:
        store.change_passphrase(PASSPHRASE, NEW)
    monkeypatch.setattr(keyslot.os, "fsync", real_fsync)
    assert str(info.value) == (f"The passphrase was not changed: the disk holding {data_dir} is full. Your current "
                               "passphrase still works. Free some space and try again.")
    assert (data_dir / "casefile.keys").read_bytes() == key_file
    assert _left_over(data_dir) == []
    assert "passphrase_changed" not in _actions(store)
    store.close()
    CaseStore.open(data_dir, PASSPHRASE).close()


def test_a_failed_audit_entry_puts_the_old_key_file_back(store, data_dir, monkeypatch):
    """Injected: the new key file is in place, then the audit entry cannot be committed (disk full)."""
    key_file = (data_dir / "casefile.keys").read_bytes()

    def full(*_args, **_kwargs):
        exc = sqlcipher3.OperationalError("database or disk is full")
        exc.sqlite_errorcode = 13  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr("storage.store.audit.append", full)
    with pytest.raises(PassphraseNotChanged, match="Your current passphrase still works"):
        store.change_passphrase(PASSPHRASE, NEW)
    monkeypatch.undo()
    assert (data_dir / "casefile.keys").read_bytes() == key_file
    assert _left_over(data_dir) == []
    store.close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, NEW)
    with CaseStore.open(data_dir, PASSPHRASE) as again:
        assert "passphrase_changed" not in _actions(again)


def test_a_change_on_a_really_full_disk_leaves_the_old_passphrase_working(tmp_path):
    with tmpfs(tmp_path / "disk", "3m") as disk:
        data_dir = disk / "profile"
        store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
        store.new_case()
        filler = fill(disk)
        with pytest.raises(PassphraseNotChanged, match=r"is full\. Your current passphrase still works"):
            store.change_passphrase(PASSPHRASE, NEW)
        store.close()
        filler.unlink()
        assert _left_over(data_dir) == []
        with CaseStore.open(data_dir, PASSPHRASE) as again:
            assert again.count_cases() == 1
            assert "passphrase_changed" not in _actions(again)
