"""The processes that open a large pull's pages (storage.pull_worker) only ever save time: when one dies, cannot
start or answers wrongly, the pull finishes in this process with nothing lost; and none outlives the pull."""

from __future__ import annotations

import sys

import storage.sync
from storage import pull_worker
from storage.pull_worker import PageOpener
from tests.office.conftest import Laptops
from tests.office.test_bulk_pull import busy_office, newcomer
from tests.office.test_sync import run_sync


def _large_pull(monkeypatch) -> list[PageOpener]:  # type: ignore[no-untyped-def]
    """Pages of 3 records, every page after the first handed to the other processes; the openers made."""
    monkeypatch.setattr(storage.sync, "PAGE", 3)
    monkeypatch.setattr(storage.sync, "PARALLEL_FROM", 1)
    made: list[PageOpener] = []
    real_init = PageOpener.__init__

    def init(self: PageOpener, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        real_init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(PageOpener, "__init__", init)
    return made


def _cases_of(store) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    return [(s.id, s.revision, s.status.value) for s in sorted(store.list_cases(), key=lambda s: s.id)]


def test_the_processes_open_the_pages_and_end_with_the_pull(laptops: Laptops, tmp_path, monkeypatch):
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    store = newcomer(laptops, tmp_path, "Big Pull", "BIG-1")
    try:
        assert run_sync(laptops, store).in_step
        (opener,) = made
        assert opener.pages_opened >= 2
        assert all(w.pages_opened for w in opener._workers)  # both were given pages
        assert not opener.running  # closed: the processes have ended
        assert _cases_of(store) == _cases_of(laptops.sam)
    finally:
        store.close()


def test_when_the_processes_die_mid_pull_the_rest_is_opened_here_and_nothing_is_lost(
        laptops: Laptops, tmp_path, monkeypatch):
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    real_submit = PageOpener.submit

    def submit_then_die(self: PageOpener, page):  # type: ignore[no-untyped-def]
        ticket = real_submit(self, page)
        for worker in self._workers:
            if worker.proc is not None:
                worker.proc.kill()  # as a crash or the OOM killer would
        return ticket

    monkeypatch.setattr(PageOpener, "submit", submit_then_die)
    store = newcomer(laptops, tmp_path, "Crash Pull", "CRASH-1")
    try:
        report = run_sync(laptops, store)
        assert report.in_step and report.rejected == []
        assert made and made[0].pages_opened == 0
        assert _cases_of(store) == _cases_of(laptops.sam)
        assert store.verify_audit().ok
    finally:
        store.close()


def test_when_no_process_can_start_the_pull_goes_on_here(laptops: Laptops, tmp_path, monkeypatch):
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    store = newcomer(laptops, tmp_path, "No Process", "NOPROC-1")
    try:
        assert run_sync(laptops, store).in_step
        assert made and made[0].pages_opened == 0
        assert _cases_of(store) == _cases_of(laptops.sam)
    finally:
        store.close()


def test_a_page_answer_of_the_wrong_length_is_not_used(laptops: Laptops, tmp_path, monkeypatch):
    """An answer that does not match its page (a bug, or a mixed-up pipe) is never applied to the wrong records."""
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    real_open = pull_worker.PageOpener.result

    def short(self: PageOpener, ticket, page):  # type: ignore[no-untyped-def]
        return real_open(self, ticket, [*page, page[0]]) if ticket is not None else None

    monkeypatch.setattr(PageOpener, "result", short)
    store = newcomer(laptops, tmp_path, "Short Answer", "SHORT-1")
    try:
        assert run_sync(laptops, store).in_step
        assert made and made[0].pages_opened == 0
        assert _cases_of(store) == _cases_of(laptops.sam)
    finally:
        store.close()

