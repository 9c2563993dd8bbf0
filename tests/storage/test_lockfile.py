"""One Casefile at a time per profile: a second window or process is refused at once, with words to act on."""

from __future__ import annotations

import stat

import pytest

from storage import lockfile
from storage.errors import StoreBusy
from storage.paths import StorePaths
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE
from tests.storage.faults import Holder

BUSY = "Casefile is already open on this profile in another window or process."


def test_a_second_open_is_refused_before_the_passphrase_is_even_tried(store, data_dir):
    with pytest.raises(StoreBusy) as info:
        CaseStore.open(data_dir, "a wrong passphrase")  # refused for being busy, not for being wrong
    assert str(info.value) == BUSY
    assert not StorePaths(data_dir).throttle.exists()  # no wrong try was counted
    store.new_case()  # the first one is unaffected


def test_closing_lets_the_next_one_in(store, data_dir):
    store.close()
    with CaseStore.open(data_dir, PASSPHRASE) as again:
        assert again.officer == OFFICER
    with CaseStore.open(data_dir, PASSPHRASE):  # and that one released it too
        pass


def test_the_store_being_set_up_is_held_too(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER), pytest.raises(StoreBusy):
        CaseStore.open(data_dir, PASSPHRASE)


def test_another_process_holding_the_profile_is_named(store, data_dir):
    store.close()
    holder = Holder(data_dir, PASSPHRASE)
    try:
        with pytest.raises(StoreBusy, match="already open on this profile in another window or process"):
            CaseStore.open(data_dir, PASSPHRASE)
        assert lockfile.is_locked(StorePaths(data_dir))
    finally:
        holder.release()
    with CaseStore.open(data_dir, PASSPHRASE):
        pass


def test_a_lock_file_left_by_a_killed_process_does_not_block(store, data_dir):
    store.close()
    holder = Holder(data_dir, PASSPHRASE)
    holder.kill()
    assert StorePaths(data_dir).lock_file.exists()  # left behind…
    assert not lockfile.is_locked(StorePaths(data_dir))
    with CaseStore.open(data_dir, PASSPHRASE) as again:  # …and harmless
        assert again.count_cases() == 0


def test_the_lock_file_holds_nothing_and_only_its_owner_may_read_it(store, data_dir):
    lock = StorePaths(data_dir).lock_file
    assert lock.read_bytes() == b""
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_every_file_of_the_profile_is_its_owners_alone(store, data_dir):
    store.new_case()  # the -wal and -shm files exist while the store is open
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data_dir.iterdir()}
    assert {"casefile.db", "casefile.db-wal", "casefile.keys", "casefile.lock"} <= set(modes)
    assert {name: mode for name, mode in modes.items() if mode != 0o600} == {}
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


def test_release_is_safe_twice(data_dir):
    data_dir.mkdir()
    lock = lockfile.ProfileLock.acquire(StorePaths(data_dir))
    assert lock.held
    lock.release()
    lock.release()
    assert not lock.held
    assert not lockfile.is_locked(StorePaths(data_dir))


def test_the_probe_before_the_prompt_sees_the_lock_and_says_the_store_s_message(data_dir):
    from storage.errors import StoreBusy
    from storage.lock_probe import BUSY, held_elsewhere

    paths = StorePaths(data_dir)
    assert not held_elsewhere(paths.lock_file)  # no profile yet
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER):
        assert held_elsewhere(paths.lock_file)
    assert not held_elsewhere(paths.lock_file)  # closed: free again
    assert BUSY == StoreBusy.MESSAGE  # translated from the CLI catalogue's entry
