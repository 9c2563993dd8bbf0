"""A large pull's records opened in other processes while this one writes the pages before them.

A new supervisor's first sync takes in every case of the office: for each record, checking its Ed25519
signature, decrypting it, decoding and validating the case, working out its search keys and the rows the store
will write is more work than writing them. Two other processes do that for the next pages while this one
writes the current page (storage.sync._pull_pages), so the work overlaps.

Each is a fresh Python running `serve` (nothing of this process is copied into it but what it is sent), with
core dumps off like its parent and its error output discarded. Through its standard input, a pipe only the two
hold, it is sent the verified member list, the office content keys, this profile's officer and each page's
sealed records; through its standard output it sends back, in order, what `storage.sync.open_for_pull` gives
for each record: the case body or deletion, or why it was refused, with hints (no field problem; its search
keys; the rows the store writes if the case is new here). It writes nothing, opens no file of the profile, and
exits when its input closes: when the pull ends, is cancelled or fails.

Nothing depends on them: a page whose answer does not come (a process could not start, died, or sent
something unreadable) is opened in this process as before, and the pull goes on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage.office.backend import Record
    from storage.sync import PullContext

log = logging.getLogger(__name__)

_LENGTH = struct.Struct(">Q")
_BOOT = "from storage.pull_worker import serve; serve()"


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next value on `stream`; EOFError when it has ended."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # from this program's own parent or child, over their private pipe


def serve() -> None:
    """An opening process: open each page it is sent until its input ends."""
    from storage.hardening import no_core_dumps
    from storage.sync import open_for_pull

    no_core_dumps()  # it holds the office keys and plaintext, as its parent does
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        context: PullContext = _receive(stdin)
        memo: dict[Any, Any] = {}  # search keys of texts met before (names, places repeat), gone when it exits
        while True:
            page: list[Record] = _receive(stdin)
            if len(memo) > 100_000:
                memo.clear()
            _send(stdout, [(record.seq, open_for_pull(record, context, memo)) for record in page])
    except (EOFError, BrokenPipeError):
        return


ANSWER_TIMEOUT = 60.0
"""Seconds to wait for a page's answer (a page takes well under one): past it, the process is stopped and the
page opened here."""

WORKERS = 2
"""Processes that open pages. Two, even on two cores: this process only writes, so their work and its
overlap — and each of them has less to do than this one."""


class PageOpener:
    """The processes that open a pull's pages, handed pages in turn. `submit` a page, then take its `result`
    in the order given: the opened records, or None when they must be opened here instead (a process that
    failed is not asked again)."""

    def __init__(self, context: PullContext, workers: int = WORKERS) -> None:
        self._workers = [_Worker(context) for _ in range(workers)]
        self._turn = 0

    @property
    def pages_opened(self) -> int:
        return sum(w.pages_opened for w in self._workers)

    @property
    def running(self) -> bool:
        return any(w.proc is not None for w in self._workers)

    def submit(self, page: list[Record]) -> tuple[int, int] | None:
        """Hand `page` over; its ticket for `result`, or None when it is to be opened here."""
        for _ in range(len(self._workers)):
            index, self._turn = self._turn, (self._turn + 1) % len(self._workers)
            ticket = self._workers[index].submit(page)
            if ticket is not None:
                return index, ticket
        return None

    def result(self, ticket: tuple[int, int] | None, page: list[Record]) -> list[Any] | None:
        if ticket is None:
            return None
        index, number = ticket
        return self._workers[index].result(number, page)

    def close(self) -> None:
        for worker in self._workers:
            worker.close()


class _Worker:
    """One process: its pipe, and the answers it has sent, in order."""

    def __init__(self, context: PullContext) -> None:
        self.pages_opened = 0
        self._answers: queue.Queue[list[Any] | None] = queue.Queue()
        self._asked = 0
        self._taken = 0
        self._outbox: queue.Queue[list[Record] | None] = queue.Queue()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        self.proc: subprocess.Popen[bytes] | None = None
        try:  # -P: not the folder it is started in first on its path (a stray json.py there would run in it)
            self.proc = subprocess.Popen(
                [sys.executable, "-P", "-c", _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env, close_fds=True)
            assert self.proc.stdin is not None
            _send(self.proc.stdin, context)
        except Exception:  # it could not start, or died starting: the pull goes on without it
            log.warning("a process to open the pull's pages did not start; the pull goes on without it")
            proc, self.proc = self.proc, None
            if proc is not None:
                _end(proc)
            return
        self._reader = threading.Thread(target=self._read, name="pull-answers", daemon=True)
        self._reader.start()
        threading.Thread(target=self._write, name="pull-pages", daemon=True).start()

    def _write(self) -> None:
        """Hands pages over in order. A thread of its own: the pipe holds 64 KB, so writing a page blocks until
        the process has finished the one before and reads it — the pull must not wait for that."""
        proc = self.proc
        assert proc is not None and proc.stdin is not None
        try:
            while (page := self._outbox.get()) is not None:
                _send(proc.stdin, page)
            proc.stdin.close()  # the end: it exits
        except (OSError, ValueError):  # it died: the reader says so to whoever waits for an answer
            pass
        except BaseException:  # a page it could not send (not picklable…): nobody may wait for its answer
            log.warning("a page of the pull could not be handed over; it is opened here", exc_info=True)
            self._answers.put(None)

    def _read(self) -> None:
        proc = self.proc
        assert proc is not None and proc.stdout is not None
        try:
            while True:
                self._answers.put(_receive(proc.stdout))
        except Exception:  # ended, died, or sent something unreadable: every page still waiting is opened here
            self._answers.put(None)

    def submit(self, page: list[Record]) -> int | None:
        if self.proc is None:
            return None
        self._outbox.put(page)
        self._asked += 1
        return self._asked

    def result(self, ticket: int, page: list[Record]) -> list[Any] | None:
        if self.proc is None:
            return None
        answer: list[Any] | None = None
        while self._taken < ticket:
            try:
                answer = self._answers.get(timeout=ANSWER_TIMEOUT)
            except queue.Empty:  # alive but silent (stopped, stuck): the page is opened here
                answer = None
            if answer is None:
                self.close()
                return None
            self._taken += 1
        if answer is None or len(answer) != len(page) or any(
                seq != record.seq for (seq, _opened), record in zip(answer, page, strict=True)):
            self.close()  # not this page's answer: never applied to other records
            return None
        self.pages_opened += 1
        return [opened for _seq, opened in answer]

    def close(self) -> None:
        """End the process (its input closes; it is stopped if it does not end by itself)."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:  # pages not yet handed over are not: they are opened in the pull's own process, if at all
            while True:
                self._outbox.get_nowait()
        except queue.Empty:
            pass
        self._outbox.put(None)  # its input closes, and it exits
        _end(proc)
        self._reader.join(timeout=1)  # its output has ended: the reader stops
        if proc.stdout is not None and not self._reader.is_alive():
            proc.stdout.close()


def _end(proc: subprocess.Popen[bytes]) -> None:
    """Wait for the process to end (idle, it ends at once once its input closes); stop it if it does not —
    in the middle of a page (a cancelled pull) or stuck. Its input pipe is closed either way."""
    try:
        proc.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdin is not None:  # closed by the writer, unless the process died first
        with contextlib.suppress(OSError, ValueError):
            proc.stdin.close()
