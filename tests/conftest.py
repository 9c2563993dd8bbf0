"""Hermetic test environment: offscreen Qt, a cheap KDF, and no way to touch the user's real profile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from casework.model import Officer
from storage import keyslot
from storage.store import CaseStore

PASSPHRASE = "violet-anchor-meadow-42"
OFFICER = Officer("Dana Ortiz", "DO-1138", "Field Office Example")
FAST_KDF = keyslot.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
MARKER = "ZQXMARKER7731"
"""A string that occurs nowhere but in test input: finding it in raw file bytes means plaintext leaked."""


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(keyslot, "DEFAULT_KDF", FAST_KDF)
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(tmp_path / "default-profile"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("CASEFILE_PASSPHRASE", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(data_dir: Path) -> Iterator[CaseStore]:
    s = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    yield s
    s.close()


def raw_bytes_of(folder: Path) -> dict[Path, bytes]:
    """Every file under `folder`, as bytes (database, -wal, -shm, key file, settings, logs…)."""
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def files_containing(folder: Path, needle: str) -> list[Path]:
    variants = {needle.encode("utf-8"), needle.encode("utf-16-le"), needle.encode("utf-16-be")}
    return [p for p, data in raw_bytes_of(folder).items() if any(v in data for v in variants)]

