"""Opening, creating and re-keying the profile's store, as background ops (key derivation is slow)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.tasks import Op, TaskManager

if TYPE_CHECKING:
    from casework.model import Officer, Role
    from storage.database import CryptoModule
    from storage.store import CaseStore, Changes


def _store_class() -> type[CaseStore]:
    """Imported on first use, on the store thread: the crypto and SQLCipher modules are not needed to
    show the unlock dialog, and importing them later keeps launch fast."""
    from storage.store import CaseStore

    return CaseStore


def unlock_store(*, tasks: TaskManager, parent: QWidget | None, data_dir: Path, passphrase: str) -> Op[CaseStore]:
    return tasks.open_store(parent=parent, opener=lambda: _store_class().open(data_dir, passphrase))


def create_store(*, tasks: TaskManager, parent: QWidget | None, data_dir: Path, officer: Officer,
                 passphrase: str, role: Role | None = None) -> Op[CaseStore]:
    """Set up the profile on the store thread, as a field officer's unless `role` says otherwise."""

    def opener() -> CaseStore:
        from casework.model import Role

        return _store_class().create(data_dir, passphrase, officer, role=role or Role.OFFICER)

    return tasks.open_store(parent=parent, opener=opener)


def change_passphrase(*, tasks: TaskManager, parent: QWidget | None, old: str, new: str) -> Op[Changes]:
    return tasks.run_op(parent=parent, op=lambda store: store.change_passphrase(old, new))


def crypto_versions(*, tasks: TaskManager, parent: QWidget | None) -> Op[CryptoModule]:
    """SQLCipher's version and its crypto provider, read from the open store on the store thread (as
    `casefile doctor` reports them: storage.database.crypto_module)."""

    def op(store: CaseStore) -> CryptoModule:
        from storage.database import crypto_module

        return crypto_module(store.conn)

    return tasks.run_op(parent=parent, op=op)
