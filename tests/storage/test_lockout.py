"""Lockout: 5 wrong passphrases within 15 minutes lock the profile until office IT recovers it; every tampered
throttle state fails closed without locking the real user out for longer than the policy says."""

from __future__ import annotations

import json

import pytest

from storage import recovery
from storage.errors import TooManyAttempts, WrongPassphrase
from storage.store import CaseStore
from storage.throttle import LOCKOUT_AFTER, ProfileLockedOut
from tests.conftest import OFFICER, PASSPHRASE

OFFICE_PASSPHRASE = "office-recovery-vault-2026"
NEW_PASSPHRASE = "granite-harbor-lantern-77"
T0 = 1_000_000.0


@pytest.fixture(autouse=True)
def _cheap_office_key_kdf(monkeypatch):
    """scrypt at its lowest accepted cost: the private key file's format is the same, only faster to test."""
    monkeypatch.setattr(recovery, "SCRYPT", {"n": 2**14, "r": 8, "p": 1})


@pytest.fixture
def clock(monkeypatch):
    now = [T0]
    monkeypatch.setattr("storage.throttle.time.time", lambda: now[0])
    return now


@pytest.fixture
def office_keys(tmp_path):
    return recovery.keygen(tmp_path / "office-it", OFFICE_PASSPHRASE)


@pytest.fixture
def profile(data_dir, office_keys):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=recovery.load_public(office_keys.public)).close()
    return data_dir


def attempts(profile):
    return profile / "unlock-attempts.json"


def fail_four_times(profile, clock):
    """Four wrong passphrases as fast as the growing delay allows (0, 0, 0, then 5 s)."""
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            CaseStore.open(profile, "guess")
    clock[0] += 5
    with pytest.raises(WrongPassphrase) as info:
        CaseStore.open(profile, "guess")
    assert info.value.wait_s == 10
    clock[0] += 10


def recover(profile, office_keys):
    return CaseStore.recover(profile, recovery.load_private(office_keys.private, OFFICE_PASSPHRASE), NEW_PASSPHRASE)


def test_five_wrong_passphrases_within_15_minutes_lock_until_recovered(profile, clock, office_keys):
    fail_four_times(profile, clock)
    with pytest.raises(ProfileLockedOut, match="casefile recover") as info:
        CaseStore.open(profile, "guess")
    assert "office IT" in str(info.value) and f"{LOCKOUT_AFTER} wrong passphrases" in str(info.value)
    clock[0] += 7 * 24 * 3600  # no wait ends a lockout
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, PASSPHRASE)  # not even the right passphrase
    with recover(profile, office_keys) as store:
        actions = [e.action for e in store.audit_entries()]
        assert actions.count("unlock_failed") == 5
        assert store.audit_entries()[-1].detail.endswith("the lockout was cleared")
    assert not attempts(profile).exists()
    assert "unlock_attempts" not in json.loads((profile / "casefile.keys").read_text())
    CaseStore.open(profile, NEW_PASSPHRASE).close()


def test_fewer_than_five_within_the_window_keep_the_growing_delay(profile, clock):
    fail_four_times(profile, clock)
    clock[0] += 16 * 60  # the first four are now outside the 15-minute window
    with pytest.raises(WrongPassphrase) as info:
        CaseStore.open(profile, "guess")
    assert info.value.wait_s == 20
    with pytest.raises(TooManyAttempts):
        CaseStore.open(profile, PASSPHRASE)
    clock[0] += 20
    with CaseStore.open(profile, PASSPHRASE) as store:
        assert store.audit_entries()[-1].detail == "after 5 failed attempts"
    assert "unlock_attempts" not in json.loads((profile / "casefile.keys").read_text())


def test_deleting_the_attempts_file_buys_no_tries(profile, clock):
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            CaseStore.open(profile, "guess")
    attempts(profile).unlink()
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):  # the key file still counts them
        CaseStore.open(profile, PASSPHRASE)
    clock[0] += 5
    with pytest.raises(WrongPassphrase):
        CaseStore.open(profile, "guess")
    clock[0] += 10
    attempts(profile).unlink()
    with pytest.raises(ProfileLockedOut):  # the fifth within 15 minutes
        CaseStore.open(profile, "guess")


def test_deleting_the_lockout_from_the_attempts_file_does_not_lift_it(profile, clock):
    fail_four_times(profile, clock)
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, "guess")
    attempts(profile).write_text('{"failures": 0, "last_failure": 0, "times": []}')
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, PASSPHRASE)
    attempts(profile).unlink()
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, PASSPHRASE)


def test_a_lockout_time_in_the_future_is_still_only_a_lockout(profile, clock, office_keys):
    attempts(profile).write_text(json.dumps({"failures": 5, "last_failure": T0, "locked_at": T0 * 1000}))
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, PASSPHRASE)
    recover(profile, office_keys).close()
    CaseStore.open(profile, NEW_PASSPHRASE).close()


@pytest.mark.parametrize("content", ["not json at all", "[1, 2, 3]", '{"failures": "many", "last_failure": 0}',
                                     '{"failures": 3, "last_failure": "yesterday"}'])
def test_an_unreadable_attempts_file_counts_as_the_free_tries_used_up_and_the_wait_ends(profile, clock, content):
    attempts(profile).write_text(content)
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):
        CaseStore.open(profile, PASSPHRASE)
    clock[0] += 5
    CaseStore.open(profile, PASSPHRASE).close()


def test_times_in_the_future_count_as_now_and_the_wait_ends_on_time(profile, clock):
    future = T0 + 10**9
    attempts(profile).write_text(json.dumps({"failures": 3, "last_failure": future, "times": [future] * 3}))
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):
        CaseStore.open(profile, PASSPHRASE)
    clock[0] += 5
    CaseStore.open(profile, PASSPHRASE).close()


def test_a_tampered_mirror_in_the_key_file_fails_closed_too(profile, clock):
    path = profile / "casefile.keys"
    doc = json.loads(path.read_text())
    doc["unlock_attempts"] = {"failures": -100, "last_failure": T0 + 10**9}
    path.write_text(json.dumps(doc))
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):  # free tries used up, as of now
        CaseStore.open(profile, PASSPHRASE)
    clock[0] += 5
    CaseStore.open(profile, PASSPHRASE).close()


def test_times_cut_from_the_file_still_count_towards_the_lockout(profile, clock):
    attempts(profile).write_text(json.dumps({"failures": 4, "last_failure": T0, "times": []}))
    clock[0] += 10
    with pytest.raises(ProfileLockedOut):
        CaseStore.open(profile, "guess")


def test_a_lockout_without_a_recovery_slot_names_office_it(data_dir, clock):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    fail_four_times(data_dir, clock)
    with pytest.raises(ProfileLockedOut, match="office IT"):
        CaseStore.open(data_dir, "guess")
