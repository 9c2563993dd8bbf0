"""The office goes away in the middle of a sync started from the Sync dialog (qtbot, the real app): the PostgreSQL
server drops the connection (pg_terminate_backend) or the share disappears, once partway through the push and
once partway through the pull. The officer reads a specific message, nothing is lost or duplicated on either
side, and the next sync from the dialog finishes in step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import storage.office.link as office_link
import storage.sync
from storage.office.backend import OfficeBackend, PushOutcome, Record
from storage.office.pg import PostgresOffice
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.test_office_sync import laptops, launch_as, make_cases, office, office_sync, open_sync_dialog
from tests.office.conftest import PG_DSN, Laptops

__all__ = ["laptops", "office"]  # the fixtures, for pytest


class ServerGoesAway:
    """The linked office, which goes away for real once `after` records have gone up (`when="push"`) or come down
    (`when="pull"`): the PostgreSQL server terminates this connection, or the folder is unplugged (renamed)."""

    def __init__(self, inner: OfficeBackend, when: str, after: int, unplugged: Path) -> None:
        self.inner, self.when, self.after, self.unplugged = inner, when, after, unplugged
        self.count = 0
        self.gone = False

    def _maybe_go(self) -> None:
        if self.gone or self.count < self.after:
            return
        self.gone = True
        if isinstance(self.inner, PostgresOffice):
            import psycopg

            pid = self.inner._connection().info.backend_pid
            with psycopg.connect(PG_DSN, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        else:
            Path(self.inner.location).rename(self.unplugged)

    def push_many(self, records: list[Record]) -> list[PushOutcome]:
        outcomes = self.inner.push_many(records)
        if self.when == "push":
            self.count += len(records)
            self._maybe_go()
        return outcomes

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        page = self.inner.pull(after_seq, limit)
        if self.when == "pull":
            self.count += len(page)
            self._maybe_go()
        return page

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def armed(monkeypatch: pytest.MonkeyPatch, laptops: Laptops, when: str, after: int, tmp_path: Path) -> list[Any]:
    """From now on the app's sync opens the office through ServerGoesAway (the preview is already done)."""
    made: list[Any] = []
    real = office_link.linked_backend

    def linked(store: CaseStore) -> OfficeBackend:
        wrapper = ServerGoesAway(real(store), when, after, tmp_path / "unplugged")
        made.append(wrapper)
        return wrapper  # type: ignore[return-value]

    monkeypatch.setattr(office_link, "linked_backend", linked)
    return made


def back(laptops: Laptops, made: list[Any], tmp_path: Path) -> None:
    """The server is back (PostgreSQL: a new connection), or the drive plugged in again."""
    if laptops.office.kind == "folder" and (tmp_path / "unplugged").exists():
        (tmp_path / "unplugged").rename(laptops.office.folder)


def lost_message(kind: str) -> str:
    return "The office went out of reach during the sync: " + (
        "The office database connection was lost (terminating connection due to administrator command)"
        if kind == "postgres" else "The office folder ")


KEPT = "What was already sent or taken in is kept on both sides; the next sync carries on from there."


def office_heads(laptops: Laptops) -> dict[str, int]:
    backend = laptops.office.make()
    try:
        return backend.heads()
    finally:
        backend.close()


def finish(qtbot, window, laptops: Laptops) -> Any:
    dlg = open_sync_dialog(qtbot, window, by_key=False)
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase in ("done", "stopped"), timeout=20000)
    assert dlg.phase == "done", dlg.headline.text()
    report = dlg.report
    dlg.reject()
    return report


def test_the_office_lost_mid_push_from_the_sync_dialog(qtbot, launch, laptops: Laptops, monkeypatch, tmp_path):
    ids = make_cases(laptops.alice, "Uno", "Dos", "Tres", "Cuatro", "Cinco", "Seis")
    window = launch_as(qtbot, launch, laptops, "alice")
    dlg = open_sync_dialog(qtbot, window)
    made = armed(monkeypatch, laptops, "push", 3, tmp_path)  # batches of 1, 2, 4: gone after the second
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=20000)
    assert made and made[-1].gone
    assert dlg.headline.text().startswith(lost_message(laptops.office.kind)), dlg.headline.text()
    assert dlg.headline.text().endswith(KEPT)
    assert window.statusBar().currentMessage() == dlg.headline.text()
    dlg.reject()
    monkeypatch.undo()
    back(laptops, made, tmp_path)
    sent = office_heads(laptops)
    assert sent == dict.fromkeys(sent, 1) and len(sent) == 3
    # the case list tells which went up before the office went away, and which still wait
    qtbot.waitUntil(lambda: {c: m[0] for c, m in window.model.sync_marks.items()}
                    == {c: "synced" if c in sent else "changed" for c in ids}, timeout=15000)
    report = finish(qtbot, window, laptops)
    assert (report.pushed, report.in_step) == (3, True)
    assert office_heads(laptops) == dict.fromkeys(ids, 1)  # every case once: nothing lost, nothing twice
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.sync_heads() == dict.fromkeys(ids, 1)
        assert any(e.action == "office_sync_failed" and "OfficeUnreachable" in e.detail for e in alice.audit_entries())


def test_the_office_lost_mid_pull_from_the_sync_dialog(qtbot, launch, laptops: Laptops, monkeypatch, tmp_path):
    ids = make_cases(laptops.bob, "Uno", "Dos", "Tres", "Cuatro", "Cinco")
    office_sync(laptops, laptops.bob)
    mine = make_cases(laptops.alice, "Mia")
    window = launch_as(qtbot, launch, laptops, "alice")
    dlg = open_sync_dialog(qtbot, window)
    assert dlg.down_list.count() == 5
    monkeypatch.setattr(storage.sync, "PAGE", 2)
    made = armed(monkeypatch, laptops, "pull", 2, tmp_path)  # gone after the first page of two
    dlg.sync_button.click()
    qtbot.waitUntil(lambda: dlg.phase == "stopped", timeout=20000)
    assert made and made[-1].gone
    assert dlg.headline.text().startswith(lost_message(laptops.office.kind)), dlg.headline.text()
    assert dlg.headline.text().endswith(KEPT)
    dlg.reject()
    monkeypatch.undo()
    back(laptops, made, tmp_path)
    qtbot.waitUntil(lambda: window.model.total() == 3, timeout=15000)  # the first page was taken in and kept
    report = finish(qtbot, window, laptops)
    assert (report.pulled, report.pushed, report.in_step) == (3, 1, True)
    qtbot.waitUntil(lambda: window.model.total() == 6, timeout=15000)
    assert office_heads(laptops) == dict.fromkeys([*ids, *mine], 1)
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.sync_heads() == dict.fromkeys([*ids, *mine], 1)
