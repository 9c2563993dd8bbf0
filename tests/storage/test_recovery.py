"""The office recovery key: a forgotten passphrase reset with the office's private key; FIPS key slots."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from storage import keyslot, recovery
from storage.errors import PassphraseRefused, StoreCorrupt, WrongPassphrase
from storage.recovery import RecoveryKeyError, RecoverySlotMismatch
from storage.store import CaseStore
from tests.conftest import FAST_KDF, OFFICER, PASSPHRASE

OFFICE_PASSPHRASE = "office-recovery-vault-2026"
NEW_PASSPHRASE = "granite-harbor-lantern-77"


@pytest.fixture(autouse=True)
def _cheap_office_key_kdf(monkeypatch):
    """scrypt at its lowest accepted cost: the private key file's format is the same, only faster to test."""
    monkeypatch.setattr(recovery, "SCRYPT", {"n": 2**14, "r": 8, "p": 1})


@pytest.fixture
def office_keys(tmp_path):
    return recovery.keygen(tmp_path / "office-it", OFFICE_PASSPHRASE)


def test_recovery_round_trip_resets_a_forgotten_passphrase(data_dir, office_keys):
    public = recovery.load_public(office_keys.public)
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=public) as store:
        case_id = store.new_case().case.id
    private = recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
    with CaseStore.recover(data_dir, private, NEW_PASSPHRASE) as store:
        assert store.has_case(case_id)
        entry = store.audit_entries()[-1]
        assert entry.action == "passphrase_recovered"
        assert office_keys.key_id in entry.detail
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)
    with CaseStore.open(data_dir, NEW_PASSPHRASE) as store:
        assert store.has_case(case_id)
        assert store.recovery_key_id == office_keys.key_id  # the recovery slot survives, for the next time
        assert recovery.key_id(store.recovery_public_key) == office_keys.key_id  # to seal a salvaged store to
        assert store.verify_audit().ok


def test_the_private_key_file_is_encrypted_and_private(office_keys):
    doc = json.loads(office_keys.private.read_text())
    assert doc["kdf"]["name"] == "scrypt" and "private_key" in doc
    assert office_keys.private.stat().st_mode & 0o777 == 0o600
    with pytest.raises(RecoveryKeyError, match="passphrase does not open"):
        recovery.load_private(office_keys.private, "not-the-office-passphrase")


def test_keygen_never_replaces_an_existing_key(office_keys):
    before = office_keys.private.read_bytes()
    with pytest.raises(RecoveryKeyError, match="already exists"):
        recovery.keygen(office_keys.private.parent, OFFICE_PASSPHRASE)
    assert office_keys.private.read_bytes() == before


def test_the_private_key_is_never_in_the_profile(data_dir, office_keys):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=recovery.load_public(office_keys.public)):
        pass
    doc = json.loads((data_dir / "casefile.keys").read_text())
    kinds = [s["kind"] for s in doc["slots"]]
    assert kinds == ["passphrase", "recovery"]
    private = recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
    from cryptography.hazmat.primitives import serialization

    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    assert all(raw not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def test_another_offices_key_does_not_recover(data_dir, office_keys, tmp_path):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=recovery.load_public(office_keys.public)):
        pass
    other = recovery.keygen(tmp_path / "other-office", OFFICE_PASSPHRASE)
    before = (data_dir / "casefile.keys").read_bytes()
    with pytest.raises(RecoverySlotMismatch, match="does not open this profile"):
        CaseStore.recover(data_dir, recovery.load_private(other.private, OFFICE_PASSPHRASE), NEW_PASSPHRASE)
    assert (data_dir / "casefile.keys").read_bytes() == before
    CaseStore.open(data_dir, PASSPHRASE).close()


def test_a_profile_without_a_recovery_slot_says_so(store, data_dir, office_keys):
    store.close()
    with pytest.raises(RecoverySlotMismatch, match="no recovery slot"):
        CaseStore.recover(data_dir, recovery.load_private(office_keys.private, OFFICE_PASSPHRASE), NEW_PASSPHRASE)


def test_a_recovery_slot_added_later_recovers(store, data_dir, office_keys):
    store.add_recovery_slot(recovery.load_public(office_keys.public))
    assert store.audit_entries()[-1].action == "recovery_slot_added"
    store.close()
    private = recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
    CaseStore.recover(data_dir, private, NEW_PASSPHRASE).close()
    CaseStore.open(data_dir, NEW_PASSPHRASE).close()


def test_a_refused_new_passphrase_changes_nothing(data_dir, office_keys):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=recovery.load_public(office_keys.public)):
        pass
    before = (data_dir / "casefile.keys").read_bytes()
    private = recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
    with pytest.raises(PassphraseRefused):
        CaseStore.recover(data_dir, private, "short")
    assert (data_dir / "casefile.keys").read_bytes() == before
    CaseStore.open(data_dir, PASSPHRASE).close()


def test_an_altered_recovery_slot_is_refused(data_dir, office_keys):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, recovery_key=recovery.load_public(office_keys.public)):
        pass
    path = data_dir / "casefile.keys"
    kf = keyslot.read_key_file(path)
    passphrase_slot, slot = kf.slots
    other = recovery.load_public(recovery.keygen(path.parent.parent / "x", OFFICE_PASSPHRASE).public)
    swapped = replace(slot, recipient=recovery.key_id(other))  # checksum recomputed: only AES-GCM can notice
    replace(kf, slots=(passphrase_slot, swapped)).write(path)
    with pytest.raises(RecoverySlotMismatch):
        CaseStore.recover(data_dir, recovery.load_private(office_keys.private, OFFICE_PASSPHRASE), NEW_PASSPHRASE)


def test_public_key_file_errors_are_one_clear_line(tmp_path, office_keys):
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": 1}')
    with pytest.raises(RecoveryKeyError, match="not an office public recovery key"):
        recovery.load_public(foreign)
    with pytest.raises(RecoveryKeyError, match="cannot read"):
        recovery.load_public(tmp_path / "missing.json")
    with pytest.raises(RecoveryKeyError, match="not an office private recovery key"):
        recovery.load_private(office_keys.public, OFFICE_PASSPHRASE)


# ----- FIPS profiles ----------------------------------------------------------------------------------------

FAST_FIPS = replace(keyslot.FIPS_KDF, time_cost=1000)


def test_a_fips_profile_uses_pbkdf2_and_stays_fips_across_changes(data_dir, office_keys, monkeypatch):
    monkeypatch.setattr(keyslot, "FIPS_KDF", FAST_FIPS)
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER, kdf=FAST_FIPS,
                          recovery_key=recovery.load_public(office_keys.public)) as store:
        assert "FIPS key slots" in store.audit_entries()[0].detail
        store.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    slot = keyslot.read_key_file(data_dir / "casefile.keys").slots[0]
    assert (slot.kind, slot.kdf.name, slot.kdf.time_cost) == ("passphrase", "pbkdf2-sha512", 1000)
    private = recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
    CaseStore.recover(data_dir, private, "third-sturdy-passphrase-55").close()
    assert keyslot.read_key_file(data_dir / "casefile.keys").fips
    CaseStore.open(data_dir, "third-sturdy-passphrase-55").close()


def test_argon2_slots_keep_their_header_so_old_key_files_still_open(store, data_dir):
    """A key file written before KDF names existed has no "name": it still reads as Argon2id and opens."""
    store.close()
    path = data_dir / "casefile.keys"
    doc = json.loads(path.read_text())
    for s in doc["slots"]:
        del s["kdf"]["name"]
    path.write_text(json.dumps(doc))
    assert keyslot.read_key_file(path).slots[0].kdf.name == "argon2id"
    CaseStore.open(data_dir, PASSPHRASE).close()
    assert FAST_KDF.name == "argon2id"


def test_a_slot_from_a_newer_version_is_not_a_wrong_passphrase(store, data_dir):
    store.close()
    path = data_dir / "casefile.keys"
    kf = keyslot.read_key_file(path)
    (slot,) = kf.slots
    replace(kf, slots=(replace(slot, kdf=replace(slot.kdf, name="balloon-sha3")),)).write(path)
    with pytest.raises(StoreCorrupt, match="Update Casefile"):
        CaseStore.open(data_dir, PASSPHRASE)
    assert not (data_dir / "unlock-attempts.json").exists()  # not counted


def test_an_altered_iteration_count_fails_like_a_wrong_passphrase(data_dir, monkeypatch):
    CaseStore.create(data_dir, PASSPHRASE, OFFICER, kdf=FAST_FIPS).close()
    path = data_dir / "casefile.keys"
    kf = keyslot.read_key_file(path)
    (slot,) = kf.slots
    replace(kf, slots=(replace(slot, kdf=replace(slot.kdf, time_cost=0)),)).write(path)
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)


def test_a_private_key_file_with_an_altered_cost_does_not_open(office_keys):
    doc = json.loads(office_keys.private.read_text())
    doc["kdf"]["n"] = 2**15  # a weaker-looking cost: the header is authenticated, so the key does not come out
    office_keys.private.write_text(json.dumps(doc))
    with pytest.raises(RecoveryKeyError, match="passphrase does not open"):
        recovery.load_private(office_keys.private, OFFICE_PASSPHRASE)
