"""The office recovery key on the command line: keygen, init --recovery-key, recovery-slot add, recover (also
after a lockout), init --fips; every refusal one line on stderr with exit 2."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storage import keyslot, recovery
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run

KEY_PASSPHRASE = "office-recovery-vault-2026"
NEW_PASSPHRASE = "granite-harbor-lantern-77"


@pytest.fixture(autouse=True)
def _cheap_office_key_kdf(monkeypatch):
    """scrypt at its lowest accepted cost: the private key file's format is the same, only faster to test."""
    monkeypatch.setattr(recovery, "SCRYPT", {"n": 2**14, "r": 8, "p": 1})


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("pw", PASSPHRASE), ("key_pw", KEY_PASSPHRASE), ("new_pw", NEW_PASSPHRASE),
                       ("wrong", "not-the-passphrase-at-all")):
        out[name] = tmp_path / f"{name}.txt"
        out[name].write_text(text + "\n")
    return out


@pytest.fixture
def office(capsys, tmp_path, files) -> Path:
    folder = tmp_path / "office-it"
    code, out, err = run(capsys, "office", "keygen", "-o", str(folder), "--key-passphrase-file", str(files["key_pw"]))
    assert (code, err) == (0, "")
    assert out.startswith("Office recovery key ")
    return folder


def init(capsys, folder: Path, pw: Path, *extra: str) -> tuple[list[str], str]:
    base = ["--data-dir", str(folder), "--passphrase-file", str(pw)]
    code, out, err = run(capsys, *base, "init", "--officer-name", "Dana Ortiz", "--officer-id", "DO-1138",
                         "--office", "FO Example", *extra)
    assert (code, err) == (0, ""), err
    return base, out


def test_keygen_init_recover_round_trip(capsys, tmp_path, files, office):
    key_id = json.loads((office / "recovery-public-key.json").read_text())["key_id"]
    profile = tmp_path / "p"
    base, out = init(capsys, profile, files["pw"], "--recovery-key", str(office / "recovery-public-key.json"))
    assert f"recovery slot sealed to office recovery key {key_id}" in out
    code, out, _ = run(capsys, *base, "recovery-slot", "show")
    assert out.strip() == f"Recovery slot sealed to office recovery key {key_id}"
    code, out, err = run(capsys, "--data-dir", str(profile), "--passphrase-file", str(files["new_pw"]), "recover",
                         "--recovery-private-key", str(office / "recovery-private-key.json"),
                         "--key-passphrase-file", str(files["key_pw"]))
    assert (code, err) == (0, "")
    assert f"New passphrase set for Dana Ortiz (DO-1138) with office recovery key {key_id}" in out
    code, _out, err = run(capsys, *base, "list")
    assert code == 2 and "passphrase is not correct" in err
    new_base = ["--data-dir", str(profile), "--passphrase-file", str(files["new_pw"])]
    code, out, _ = run(capsys, *new_base, "audit", "list")
    assert "passphrase_recovered" in out


def test_recover_lifts_a_lockout(capsys, tmp_path, files, office, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr("storage.throttle.time.time", lambda: now[0])
    profile = tmp_path / "p"
    _ = init(capsys, profile, files["pw"], "--recovery-key", str(office / "recovery-public-key.json"))
    wrong = ["--data-dir", str(profile), "--passphrase-file", str(files["wrong"])]
    for step in (0, 0, 0, 5, 10):
        now[0] += step
        run(capsys, *wrong, "list")
    code, _out, err = run(capsys, "--data-dir", str(profile), "--passphrase-file", str(files["pw"]), "list")
    assert code == 2 and err.count("\n") == 1
    assert "This profile is locked" in err and "casefile recover" in err and "office IT" in err
    code, out, err = run(capsys, "--data-dir", str(profile), "--passphrase-file", str(files["new_pw"]), "recover",
                         "--recovery-private-key", str(office / "recovery-private-key.json"),
                         "--key-passphrase-file", str(files["key_pw"]))
    assert (code, err) == (0, "") and "the lockout is lifted" in out
    code, _out, err = run(capsys, "--data-dir", str(profile), "--passphrase-file", str(files["new_pw"]), "list")
    assert (code, err) == (0, "")


def test_restore_is_no_way_around_the_lockout(capsys, tmp_path, files, office, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr("storage.throttle.time.time", lambda: now[0])
    profile = tmp_path / "p"
    base, _ = init(capsys, profile, files["pw"])
    run(capsys, *base, "backup")
    folder = run(capsys, *base, "backups")[1].split("\t")[0]
    wrong = ["--data-dir", str(profile), "--passphrase-file", str(files["wrong"])]
    for step in (0, 0, 0, 5, 10):
        now[0] += step
        code, _out, err = run(capsys, *wrong, "restore", folder)
        assert code == 2
    assert "This profile is locked" in err
    code, _out, err = run(capsys, *base, "restore", folder)
    assert code == 2 and "This profile is locked" in err


def test_recovery_slot_added_to_an_existing_profile(capsys, tmp_path, files, office):
    profile = tmp_path / "p"
    base, _ = init(capsys, profile, files["pw"])
    code, out, _ = run(capsys, *base, "recovery-slot", "show")
    assert out.startswith("No recovery slot")
    code, out, err = run(capsys, *base, "recovery-slot", "add", str(office / "recovery-public-key.json"))
    assert (code, err) == (0, "") and out.startswith("Recovery slot sealed to office recovery key ")
    code, _out, err = run(capsys, "--data-dir", str(profile), "--passphrase-file", str(files["new_pw"]), "recover",
                          "--recovery-private-key", str(office / "recovery-private-key.json"),
                          "--key-passphrase-file", str(files["key_pw"]))
    assert (code, err) == (0, "")


def test_refusals_are_one_line(capsys, tmp_path, files, office):
    profile = tmp_path / "p"
    base, _ = init(capsys, profile, files["pw"])
    recover = ["--data-dir", str(profile), "--passphrase-file", str(files["new_pw"]), "recover",
               "--recovery-private-key", str(office / "recovery-private-key.json")]
    code, _out, err = run(capsys, *recover, "--key-passphrase-file", str(files["key_pw"]))
    assert code == 2 and err.count("\n") == 1 and "no recovery slot" in err
    code, _out, err = run(capsys, *recover, "--key-passphrase-file", str(files["wrong"]))
    assert code == 2 and err.count("\n") == 1 and "passphrase does not open the recovery key" in err
    code, _out, err = run(capsys, *base, "recovery-slot", "add", str(office / "recovery-private-key.json"))
    assert code == 2 and err.count("\n") == 1 and "not an office public recovery key" in err
    code, _out, err = run(capsys, "office", "keygen", "-o", str(office), "--key-passphrase-file",
                          str(files["key_pw"]))
    assert code == 2 and "already exists" in err
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "q"), "--passphrase-file", str(files["pw"]), "init",
                          "--officer-name", "A B", "--officer-id", "X-1", "--office", "O",
                          "--recovery-key", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read the recovery key" in err
    assert not (tmp_path / "q").exists()


def test_init_fips_writes_pbkdf2_slots(capsys, tmp_path, files, monkeypatch):
    monkeypatch.setattr(keyslot, "FIPS_KDF", replace(keyslot.FIPS_KDF, time_cost=1000))
    profile = tmp_path / "p"
    base, _ = init(capsys, profile, files["pw"], "--fips")
    slot = keyslot.read_key_file(profile / "casefile.keys").slots[0]
    assert slot.kdf.name == "pbkdf2-sha512"
    code, _out, err = run(capsys, *base, "list")
    assert (code, err) == (0, "")


def test_doctor_names_the_key_slots_and_says_plainly_when_fips_is_not_met(capsys, tmp_path, files, office,
                                                                           monkeypatch):
    monkeypatch.setattr(keyslot, "FIPS_KDF", replace(keyslot.FIPS_KDF, time_cost=1000))
    base, _ = init(capsys, tmp_path / "p", files["pw"], "--fips", "--recovery-key",
                   str(office / "recovery-public-key.json"))
    key_id = json.loads((office / "recovery-public-key.json").read_text())["key_id"]
    code, out, err = run(capsys, *base, "doctor")
    assert (code, err) == (0, "")
    assert (f"key slots: passphrase with PBKDF2-HMAC-SHA512 (FIPS profile); recovery slot sealed to office "
            f"recovery key {key_id}") in out
    assert "does not meet a FIPS 140 requirement" in out  # the bundled SQLCipher build is not FIPS-validated
    plain, _ = init(capsys, tmp_path / "q", files["pw"])
    code, out, err = run(capsys, *plain, "doctor")
    assert "key slots: passphrase with Argon2id; no recovery slot" in out
    assert "FIPS 140" not in out
