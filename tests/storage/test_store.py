"""The encrypted store: create, reopen, passphrases, errors that never touch the files, no plaintext."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from casework.dates import PartialDate
from casework.model import Offense, Subject
from storage import keyslot
from storage.errors import (
    CaseConflict,
    DatabaseTooNew,
    ForeignFile,
    InvalidCase,
    StoreCorrupt,
    StoreExists,
    StoreNotFound,
    TooManyAttempts,
    WrongPassphrase,
)
from storage.store import CaseStore
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing, raw_bytes_of


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(b).hexdigest() for p, b in raw_bytes_of(folder).items()}


def test_create_then_reopen_keeps_cases(data_dir):
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        created = store.new_case().case
        edited = replace(created, subject=Subject(family_name="Ortega", given_names="Lía", a_number="A12345678"))
        saved = store.update_case(edited).case
    assert saved.revision == 2
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.officer == OFFICER
        again = store.get_case(created.id)
        assert again.subject.given_names == "Lía"
        assert again.revision == 2
        assert store.find_case(created.case_number.lower()).id == created.id
        assert [s.case_number for s in store.list_cases()] == [created.case_number]


def test_case_numbers_are_sequential_per_officer(store):
    numbers = [store.new_case().case.case_number for _ in range(3)]
    assert [n[-4:] for n in numbers] == ["0001", "0002", "0003"]
    assert all("-DO1138-" in n for n in numbers)


def test_wrong_passphrase_is_refused(store, data_dir):
    store.close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, "not the passphrase")


def test_repeated_failures_make_the_next_try_wait(store, data_dir, monkeypatch):
    store.close()
    now = [1_000_000.0]
    monkeypatch.setattr("storage.throttle.time.time", lambda: now[0])
    waits = []
    for _ in range(3):
        with pytest.raises(WrongPassphrase) as info:
            CaseStore.open(data_dir, "guess")
        waits.append(info.value.wait_s)
    assert waits == [0, 0, 5]
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):
        CaseStore.open(data_dir, PASSPHRASE)  # even the right one waits
    now[0] += 5
    with pytest.raises(WrongPassphrase) as info:
        CaseStore.open(data_dir, "guess")
    assert info.value.wait_s == 10  # and the wait grows
    now[0] += 10
    with CaseStore.open(data_dir, PASSPHRASE) as reopened:  # a good passphrase resets the count
        assert reopened.audit_entries()[-1].detail == "after 4 failed attempts"
        failed = [e.detail for e in reopened.audit_entries() if e.action == "unlock_failed"]
        assert failed == ["at 1970-01-12T13:46:40+00:00"] * 3 + ["at 1970-01-12T13:46:45+00:00"]
    assert not (data_dir / "unlock-attempts.json").exists()


def test_a_negative_failure_count_buys_no_free_tries(store, data_dir, monkeypatch):
    store.close()
    monkeypatch.setattr("storage.throttle.time.time", lambda: 1_000_000.0)
    (data_dir / "unlock-attempts.json").write_text('{"failures": -100, "last_failure": 0}')
    with pytest.raises(WrongPassphrase) as info:
        CaseStore.open(data_dir, "guess")
    assert info.value.wait_s == 10  # counted as the free tries used up, plus this one


def test_a_failure_time_in_the_future_never_locks_out_for_longer_than_the_policy(store, data_dir, monkeypatch):
    store.close()
    now = [1_000_000.0]
    monkeypatch.setattr("storage.throttle.time.time", lambda: now[0])
    (data_dir / "unlock-attempts.json").write_text('{"failures": 3, "last_failure": 99999999999}')
    with pytest.raises(TooManyAttempts, match="Try again in 5 seconds"):  # as if the failure were just now
        CaseStore.open(data_dir, PASSPHRASE)
    now[0] += 5
    CaseStore.open(data_dir, PASSPHRASE).close()


def test_change_passphrase_rewraps_the_slot_only(store, data_dir):
    store.new_case()
    salt_before = (data_dir / "casefile.db").read_bytes()[:16]
    store.change_passphrase(PASSPHRASE, "new-sturdy-passphrase-99")
    store.close()
    assert (data_dir / "casefile.db").read_bytes()[:16] == salt_before  # same database salt: not re-encrypted
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)
    with CaseStore.open(data_dir, "new-sturdy-passphrase-99") as reopened:
        assert reopened.count_cases() == 1


def test_change_passphrase_needs_the_old_one(store):
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("wrong", "whatever-new-passphrase")


def test_key_file_stores_its_kdf_parameters(store, data_dir):
    kf = keyslot.read_key_file(data_dir / "casefile.keys")
    (slot,) = kf.slots
    assert slot.kind == "passphrase"
    assert slot.kdf.time_cost == 1 and slot.kdf.memory_kib == 1024  # the test KDF, as created
    assert (data_dir / "casefile.keys").stat().st_mode & 0o777 == 0o600


def test_tampered_kdf_parameters_with_a_matching_checksum_fail_like_a_wrong_passphrase(store, data_dir):
    """Someone who edits a slot and recomputes its checksum still cannot get past AES-GCM's associated data."""
    store.close()
    path = data_dir / "casefile.keys"
    tampered = keyslot.read_key_file(path)
    slot = tampered.slots[0]
    tampered = replace(tampered, slots=(replace(slot, kdf=replace(slot.kdf, time_cost=2)),))
    tampered.write(path)
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, PASSPHRASE)


def test_create_refuses_to_overwrite(store, data_dir):
    with pytest.raises(StoreExists):
        CaseStore.create(data_dir, PASSPHRASE, OFFICER)


def test_missing_store_is_reported(tmp_path):
    with pytest.raises(StoreNotFound, match="Set up a profile"):
        CaseStore.open(tmp_path / "nothing", PASSPHRASE)


@pytest.mark.parametrize(
    ("damage", "error", "message"),
    [
        (lambda d: (d / "casefile.keys").unlink(), StoreCorrupt, "key file .* is missing"),
        (lambda d: (d / "casefile.db").unlink(), StoreCorrupt, "database casefile.db is missing"),
        (lambda d: (d / "casefile.keys").write_text("{ not json"), StoreCorrupt, "not a Casefile key file"),
        (lambda d: (d / "casefile.keys").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)), StoreCorrupt,
         "not a Casefile key file"),
        (lambda d: _flip_bytes(d / "casefile.db", 5000), StoreCorrupt, "is damaged .* Nothing has been changed"),
        (lambda d: (d / "casefile.db").write_bytes(b"SQLite format 3\x00" + bytes(4080)), StoreCorrupt,
         "cannot be decrypted"),
    ],
    ids=["no-key-file", "no-database", "key-file-not-json", "key-file-foreign", "db-corrupt", "db-foreign"],
)
def test_damaged_stores_get_a_specific_message_and_are_left_untouched(store, data_dir, damage, error, message):
    store.new_case()
    store.close()
    damage(data_dir)
    before = fingerprint(data_dir)
    with pytest.raises(error, match=message):
        CaseStore.open(data_dir, PASSPHRASE)
    assert fingerprint(data_dir) == before


def test_a_foreign_sqlcipher_database_with_our_key_is_told_apart(store, data_dir):
    """A SQLCipher file that decrypts but is not ours (application_id differs)."""
    import sqlcipher3

    key = keyslot.read_key_file(data_dir / "casefile.keys").unwrap(PASSPHRASE)
    store.close()
    other = data_dir / "other.db"
    conn = sqlcipher3.connect(str(other))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    shutil.move(other, data_dir / "casefile.db")
    for sidecar in data_dir.glob("casefile.db-*"):
        sidecar.unlink()
    before = fingerprint(data_dir)
    with pytest.raises(ForeignFile, match="not a Casefile store"):
        CaseStore.open(data_dir, PASSPHRASE)
    assert fingerprint(data_dir) == before


def test_a_store_from_a_newer_version_is_refused_untouched(store, data_dir):
    store.conn.execute("PRAGMA user_version = 99")
    store.close()
    before = fingerprint(data_dir)
    with pytest.raises(DatabaseTooNew, match="newer version of Casefile"):
        CaseStore.open(data_dir, PASSPHRASE)
    assert fingerprint(data_dir) == before


def test_invalid_case_is_not_saved_at_all(store):
    case = store.new_case().case
    bad = replace(case, subject=Subject(family_name="Kept?", a_number="A1"))
    with pytest.raises(InvalidCase, match=r"subject\.a_number"):
        store.update_case(bad)
    assert store.get_case(case.id) == case
    assert store.revisions(case.id) == [1]


def test_stale_revision_is_a_conflict_not_an_overwrite(store):
    case = store.new_case().case
    first = store.update_case(replace(case, notes="first")).case
    with pytest.raises(CaseConflict, match="changed elsewhere"):
        store.update_case(replace(case, notes="second, from a stale copy"))
    assert store.get_case(case.id).notes == "first"
    assert first.revision == 2 and first.updated_at > case.updated_at


def test_every_revision_is_kept_and_audited(store):
    case = store.new_case().case
    for i in range(3):
        case = store.update_case(replace(case, notes=f"v{i}")).case
        store.close_revision(case.id)  # the officer left the case: the next edit starts a new revision
    assert store.revisions(case.id) == [1, 2, 3, 4]
    actions = [(e.action, e.detail) for e in store.audit_entries(case.id)]
    assert actions == [("case_created", "revision 1"), ("case_edited", "revision 2; fields: notes"),
                       ("case_edited", "revision 3; fields: notes"), ("case_edited", "revision 4; fields: notes")]
    assert store.verify_audit().ok


def test_no_plaintext_anywhere_on_disk(data_dir):
    """A marker typed into every kind of field never appears in any file: db, -wal, -shm, key file, throttle."""
    store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    case = store.new_case().case
    case = replace(
        case,
        subject=Subject(family_name=MARKER, given_names=f"{MARKER} Zoë", aliases=(MARKER,), a_number="A123456789"),
        offenses=(Offense(charge=MARKER, arrest_date=PartialDate("2020")),),
        notes=MARKER * 50,
    )
    for i in range(20):
        case = store.update_case(replace(case, other_ties=f"{MARKER} {i}")).case
    assert (data_dir / "casefile.db-wal").exists()
    assert files_containing(data_dir, MARKER) == []  # while open, with a live WAL
    store.close()
    with pytest.raises(WrongPassphrase):
        CaseStore.open(data_dir, MARKER)  # a failed unlock writes the throttle file: it must not hold input
    assert files_containing(data_dir, MARKER) == []
    assert files_containing(data_dir, "Zo\u00eb") == []


def test_an_empty_case_gets_the_encounter_time(store):
    case = store.new_case().case
    assert case.encounter.occurred_at is not None
    assert case.officer == OFFICER


def _flip_bytes(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + 64, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["salt", "wrapped_key", "nonce"])
def test_a_damaged_key_slot_is_not_a_wrong_passphrase(data_dir, damage):
    import json

    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    key_file = data_dir / "casefile.keys"
    doc = json.loads(key_file.read_text())
    slot = doc["slots"][0]
    target = slot["kdf"] if damage == "salt" else slot
    value = target[damage]
    target[damage] = ("B" if value[0] != "B" else "C") + value[1:]
    key_file.write_text(json.dumps(doc))
    damaged = key_file.read_bytes()
    for _ in range(4):  # more than the free tries: none of them is counted as a wrong passphrase
        with pytest.raises(StoreCorrupt, match=r"fails its checksum\. This is not a wrong passphrase"):
            CaseStore.open(data_dir, PASSPHRASE)
    key_file.write_text(json.dumps({**doc, "slots": [{**slot, **({"kdf": {**slot["kdf"], "salt": value}}
                                                                  if damage == "salt" else {damage: value})}]}))
    assert key_file.read_bytes() != damaged
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.audit_entries()[-1].detail == ""  # "unlocked", not "after N failed attempts"
