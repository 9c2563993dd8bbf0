"""Opening, creating and re-keying the profile's store, as background ops (key derivation is slow)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from casework.model import Officer
from desktop.tasks import Op, TaskManager
from storage.store import CaseStore, Changes


def unlock_store(*, tasks: TaskManager, parent: QWidget | None, data_dir: Path, passphrase: str) -> Op[CaseStore]:
    return tasks.open_store(parent=parent, opener=lambda: CaseStore.open(data_dir, passphrase))


def create_store(*, tasks: TaskManager, parent: QWidget | None, data_dir: Path, officer: Officer,
                 passphrase: str) -> Op[CaseStore]:
    return tasks.open_store(parent=parent, opener=lambda: CaseStore.create(data_dir, passphrase, officer))


def change_passphrase(*, tasks: TaskManager, parent: QWidget | None, old: str, new: str) -> Op[Changes]:
    return tasks.run_op(parent=parent, op=lambda store: store.change_passphrase(old, new))
