"""A damaged frame in the -wal file after a kill -9: SQLite's recovery would silently stop there and drop
every committed save after it. Casefile reads the frames itself first: detected, opened read-only, nothing
written over, and salvage keeps every case that can still be read."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storage import wal
from storage.salvage import salvage
from storage.store import CaseStore, StoreDamaged
from tests.conftest import FAST_KDF, OFFICER, PASSPHRASE
from tests.storage.test_crash import WRITER

REPO = Path(__file__).parents[2]


def killed_mid_saves(data_dir: Path, saves: int = 40, *, create: bool = True) -> list[str]:
    """A writer killed with SIGKILL after `saves` committed cases, its -wal file left full of frames."""
    if create:
        CaseStore.create(data_dir, PASSPHRASE, OFFICER, kdf=FAST_KDF).close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE], stdout=subprocess.PIPE,
                            text=True, cwd=REPO)
    committed: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        committed.append(line.strip())
        if len(committed) >= saves:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return committed


def flip_in_frame(wal_file: Path, frame: int, offset: int = 1000) -> None:
    """Flip one byte of frame `frame`'s page (0-based), as a bad sector or a bit flip would."""
    data = bytearray(wal_file.read_bytes())
    page_size = int.from_bytes(data[8:12], "big")
    data[wal.HEADER + frame * (wal.FRAME_HEADER + page_size) + wal.FRAME_HEADER + offset] ^= 0x01
    wal_file.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_a_flipped_byte_in_a_middle_wal_frame_is_detected_read_only_and_salvaged(data_dir: Path, tmp_path: Path):
    committed = killed_mid_saves(data_dir, 20)  # fewer than the 1,000 frames after which SQLite restarts the -wal
    db, wal_file = data_dir / "casefile.db", data_dir / "casefile.db-wal"
    intact = wal.scan(wal_file)
    assert intact is not None and intact.first_bad is None and not intact.damaged  # the control: all frames good
    middle = intact.frames // 2
    flip_in_frame(wal_file, middle)
    found = wal.scan(wal_file)
    assert found is not None and found.first_bad == middle + 1 and found.lost_commits > 0
    before = (digest(db), digest(wal_file))

    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        assert damaged.damage is not None
        assert f"damaged at frame {middle + 1} of {intact.frames}" in damaged.damage.summary()
        with pytest.raises(StoreDamaged, match=r"-wal file is damaged.*open read-only.*casefile salvage"):
            damaged.new_case()
        readable = {s.id for s in damaged.list_cases()}
        assert readable and set(committed) - readable  # saves beyond the damage SQLite alone drops without a word
    assert (digest(db), digest(wal_file)) == before  # nothing written over: the later frames are still there

    with CaseStore.open(data_dir, PASSPHRASE) as again:  # still found at the next open (the marker stays)
        assert again.damage is not None and again.damage.wal is not None
        report = salvage(again, tmp_path / "salvaged", PASSPHRASE)
    assert (digest(db), digest(wal_file)) == before
    assert any(f"damaged at frame {middle + 1}" in line and "read past it" in line for line in report.unreadable)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        kept = {s.id for s in rescued.list_cases()}
        assert kept >= readable  # every case SQLite can still read, from the frames before the damage…
        assert kept - readable  # …and saves after the damaged frame, read from a repaired copy of the -wal
        assert len(set(committed) - kept) <= 3  # lost: only what lived in the one damaged frame
        for case_id in kept:
            assert rescued.get_case(case_id).subject.family_name.startswith("Person ")
        assert rescued.verify_audit().ok
    assert not list(tmp_path.glob(".casefile-salvage-*"))  # the repaired copy is gone


@pytest.mark.slow
def test_a_torn_last_frame_is_a_normal_crash_not_damage(data_dir: Path):
    committed = killed_mid_saves(data_dir, 10)
    wal_file = data_dir / "casefile.db-wal"
    data = wal_file.read_bytes()
    page_size = int.from_bytes(data[8:12], "big")
    frames = (len(data) - wal.HEADER) // (wal.FRAME_HEADER + page_size)
    flip_in_frame(wal_file, frames - 1)  # the last frame: an unfinished write, nothing committed after it
    found = wal.scan(wal_file)
    assert found is not None and found.first_bad == frames and not found.damaged
    with CaseStore.open(data_dir, PASSPHRASE) as store:
        assert store.damage is None
        assert set(committed[:-1]) <= {s.id for s in store.list_cases()}


def test_the_checksum_is_sqlites(data_dir: Path):
    """Every frame of a -wal file SQLite wrote passes this module's checksum (a store left open)."""
    store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    for _ in range(5):
        store.new_case()
    found = wal.scan(data_dir / "casefile.db-wal")
    store.close()
    assert found is not None and found.frames > 5 and found.recovered == found.frames and found.first_bad is None


@pytest.mark.slow
def test_doctor_and_salvage_on_the_command_line_name_the_damaged_frame(data_dir: Path, tmp_path: Path, capsys):
    from tests.desktop.test_cli import run

    killed_mid_saves(data_dir, 20)
    wal_file = data_dir / "casefile.db-wal"
    frames = wal.scan(wal_file)
    assert frames is not None
    flip_in_frame(wal_file, frames.frames // 3)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    base = ["--data-dir", str(data_dir), "--passphrase-file", str(pw)]
    code, out, _err = run(capsys, *base, "doctor")
    assert code == 1 and f"DAMAGED: the -wal file is damaged at frame {frames.frames // 3 + 1}" in out
    code, out, err = run(capsys, *base, "salvage", "-o", str(tmp_path / "rescued"))
    assert code == 1 and err == ""  # 1: something could not be read, and it says what
    assert f"could not be read: the -wal file is damaged at frame {frames.frames // 3 + 1}" in out
    with CaseStore.open(tmp_path / "rescued", PASSPHRASE) as rescued:
        assert rescued.count_cases() > 0 and rescued.verify_audit().ok


@pytest.mark.slow
def test_a_damaged_wal_header_is_found_too(data_dir: Path, tmp_path: Path):
    """SQLite ignores the whole -wal file when its header fails its checksum: every save in it would go."""
    committed = killed_mid_saves(data_dir, 10)
    db, wal_file = data_dir / "casefile.db", data_dir / "casefile.db-wal"
    data = bytearray(wal_file.read_bytes())
    data[17] ^= 0x01  # in the header's first salt
    wal_file.write_bytes(bytes(data))
    found = wal.scan(wal_file)
    assert found is not None and found.first_bad == 1 and found.recovered == 0 and found.lost_commits >= 10
    before = (digest(db), digest(wal_file))
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        assert damaged.damage is not None and "damaged at frame 1 of" in damaged.damage.summary()
        assert not {s.id for s in damaged.list_cases()} & set(committed)  # SQLite alone sees none of them
    assert (digest(db), digest(wal_file)) == before  # closing a damaged store does not checkpoint (it would empty it)
    with CaseStore.open(data_dir, PASSPHRASE) as damaged:
        salvage(damaged, tmp_path / "salvaged", PASSPHRASE)
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        assert set(committed) <= {s.id for s in rescued.list_cases()}  # only the header was hit: every save kept
