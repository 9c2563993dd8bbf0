"""The processes that open a large pull's pages (storage.pull_worker) only ever save time: when one dies, cannot
start or answers wrongly, the pull finishes in this process with nothing lost; and none outlives the pull."""

from __future__ import annotations

import sys

import pytest

import storage.sync
from storage import pull_worker
from storage.office import link
from storage.pull_worker import PageOpener
from storage.sync import sync
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


def _pull_opened_here(laptops: Laptops, tmp_path, made: list[PageOpener], name: str,  # type: ignore[no-untyped-def]
                      officer_id: str) -> PageOpener:
    """A newcomer's large pull in which no page came from the processes: it still ends in step, with every case
    and an intact audit log. Returns the opener the pull made."""
    store = newcomer(laptops, tmp_path, name, officer_id)
    try:
        assert run_sync(laptops, store).in_step
        assert made and made[0].pages_opened == 0
        assert _cases_of(store) == _cases_of(laptops.sam)
        assert store.verify_audit().ok
    finally:
        store.close()
    return made[0]


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
    _pull_opened_here(laptops, tmp_path, made, "Crash Pull", "CRASH-1")  # run_sync: nothing refused either


def test_when_no_process_can_start_the_pull_goes_on_here(laptops: Laptops, tmp_path, monkeypatch):
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    _pull_opened_here(laptops, tmp_path, made, "No Process", "NOPROC-1")


def test_a_page_answer_of_the_wrong_length_is_not_used(laptops: Laptops, tmp_path, monkeypatch):
    """An answer that does not match its page (a bug, or a mixed-up pipe) is never applied to the wrong records."""
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    real_open = pull_worker.PageOpener.result

    def short(self: PageOpener, ticket, page):  # type: ignore[no-untyped-def]
        return real_open(self, ticket, [*page, page[0]]) if ticket is not None else None

    monkeypatch.setattr(PageOpener, "result", short)
    _pull_opened_here(laptops, tmp_path, made, "Short Answer", "SHORT-1")



def test_the_processes_do_not_run_code_from_the_folder_the_app_was_started_in(laptops: Laptops, tmp_path,
                                                                             monkeypatch):
    """`python -c` puts the current folder first on the path: a struct.py lying there ran in the process that is
    sent the office keys and the decrypted cases."""
    busy_office(laptops)
    made = _large_pull(monkeypatch)
    planted = tmp_path / "downloads"
    planted.mkdir()
    marker = tmp_path / "ran"
    (planted / "struct.py").write_text(f"open({str(marker)!r}, 'w').close()\nfrom _struct import *\n")
    store = newcomer(laptops, tmp_path, "Planted", "PLANT-1")
    monkeypatch.chdir(planted)
    try:
        assert run_sync(laptops, store).in_step
        assert made and made[0].pages_opened >= 1  # they did the work…
        assert not marker.exists()  # …without running what lay in the folder
    finally:
        store.close()


def test_cancel_while_pages_are_read_ahead_takes_in_nothing_more(laptops: Laptops, tmp_path, monkeypatch):
    """Cancel (the desktop raises Cancelled from the next read) stops at once: the pages already read ahead are
    left for the next sync, instead of being written first (2,000 records in a real pull)."""
    from storage.errors import Cancelled
    from storage.office.backend import OfficeBackend

    busy_office(laptops)
    _large_pull(monkeypatch)
    store = newcomer(laptops, tmp_path, "Cancelled Pull", "CANCEL-1")
    backend = laptops.backend(store)
    calls = []
    real_pull = type(backend).pull

    def pull(self: OfficeBackend, after: int, limit: int):  # type: ignore[no-untyped-def]
        calls.append(after)
        if len(calls) == 5:  # pages 1-3 read, page 1 written, page 4 read, page 2 written: then Cancel
            raise Cancelled("Sync cancelled")
        return real_pull(self, after, limit)

    monkeypatch.setattr(type(backend), "pull", pull)
    try:
        with pytest.raises(Cancelled):
            sync(store, backend)
        assert store.count_cases() == 6 and link.require_link(store).cursor == calls[2]  # pages 1 and 2 only
        monkeypatch.setattr(type(backend), "pull", real_pull)
        assert run_sync(laptops, store).in_step  # the rest comes at the next sync
        assert _cases_of(store) == _cases_of(laptops.sam)
    finally:
        backend.close()
        store.close()


def test_a_process_that_stops_answering_costs_only_time(laptops: Laptops, tmp_path, monkeypatch):
    """Alive but silent (stopped, stuck): after ANSWER_TIMEOUT its pages are opened here; it is stopped."""
    import signal

    busy_office(laptops)
    made = _large_pull(monkeypatch)
    monkeypatch.setattr(pull_worker, "ANSWER_TIMEOUT", 1.0)
    real_submit = PageOpener.submit

    def submit_and_freeze(self: PageOpener, page):  # type: ignore[no-untyped-def]
        for worker in self._workers:
            if worker.proc is not None:
                worker.proc.send_signal(signal.SIGSTOP)
        return real_submit(self, page)

    monkeypatch.setattr(PageOpener, "submit", submit_and_freeze)
    assert not _pull_opened_here(laptops, tmp_path, made, "Silent Pull", "SILENT-1").running  # it was stopped


def test_a_page_that_cannot_be_handed_over_is_opened_here(laptops: Laptops, tmp_path, monkeypatch):
    """The thread that writes pages to a process fails (a page it cannot pickle): nobody waits for an answer
    that will never come."""
    import pickle

    busy_office(laptops)
    made = _large_pull(monkeypatch)
    real_send = pull_worker._send

    def send(stream, value):  # type: ignore[no-untyped-def]
        if isinstance(value, list):
            raise pickle.PicklingError("cannot pickle this page")
        return real_send(stream, value)

    monkeypatch.setattr(pull_worker, "_send", send)
    _pull_opened_here(laptops, tmp_path, made, "Unsent Pull", "UNSENT-1")


def test_an_answer_for_other_records_is_never_applied(laptops: Laptops, tmp_path):
    """Answers are matched to their records by sequence number, not by position alone."""
    from storage.office.link import require_link
    from storage.sync import PullContext, content_keys, refresh

    busy_office(laptops)
    backend = laptops.backend(laptops.sam)
    try:
        records = backend.pull(0, 6)
        roster = refresh(laptops.sam, backend)
        context = PullContext(roster, content_keys(laptops.sam), require_link(laptops.sam).office_id,
                              laptops.sam.officer)
    finally:
        backend.close()
    opener = PageOpener(context, workers=1)
    try:
        ticket = opener.submit(records[:3])
        assert opener.result(ticket, records[3:6]) is None  # same length, other records: refused
        assert not opener.running
    finally:
        opener.close()
