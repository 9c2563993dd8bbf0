"""A large pull's records opened in a second process while this one writes the pages before them.

A new supervisor's first sync takes in every case of the office: for each record, checking its Ed25519
signature, decrypting it, decoding and validating the case and working out its search keys is about as much work
as writing it into the store. On a laptop with two cores, a second process does the first part for page k + 1
while this one writes page k (storage.sync._pull_pages), so the two overlap.

The second process is a fresh Python running `serve` (nothing of this process is copied into it but what it is
sent), with core dumps off like its parent and its error output discarded. Through its standard input, a pipe
only the two hold, it is sent the verified member list, the office content keys and each page's sealed records;
through its standard output it sends back, in order, what `storage.sync.open_for_pull` gives for each record:
the case body or deletion, or why it was refused, with hints (the case has no field problem; its search keys).
It writes nothing, opens no file of the profile, and exits when its input closes: when the pull ends, is
cancelled or fails.

Nothing depends on it: a page whose answer does not come (the process could not start, died, or sent
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
    from storage.office.roster import Roster

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
    """The second process: open each page it is sent until its input ends."""
    from storage.hardening import no_core_dumps
    from storage.sync import open_for_pull

    no_core_dumps()  # it holds the office keys and plaintext, as its parent does
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        roster, keys, office_id = _receive(stdin)
        memo: dict[Any, Any] = {}  # search keys of texts met before (names, places repeat), gone when it exits
        while True:
            page: list[Record] = _receive(stdin)
            if len(memo) > 100_000:
                memo.clear()
            _send(stdout, [open_for_pull(record, roster, keys, office_id, memo) for record in page])
    except (EOFError, BrokenPipeError):
        return


class PageOpener:
    """The second process, for one pull. `submit` a page, then take its `result`, pages in the order given:
    the opened records, or None when they must be opened here instead (the process is not asked again)."""

    def __init__(self, roster: Roster, keys: dict[int, bytes], office_id: str) -> None:
        self.pages_opened = 0
        self._answers: queue.Queue[list[Any] | None] = queue.Queue()
        self._asked = 0
        self._taken = 0
        self._outbox: queue.Queue[list[Record] | None] = queue.Queue()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        try:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=env, close_fds=True)
            assert self._proc.stdin is not None
            _send(self._proc.stdin, (roster, keys, office_id))
        except (OSError, ValueError):
            log.warning("the second process for the pull did not start; the pull goes on in this one")
            self._proc = None
            return
        self._reader = threading.Thread(target=self._read, name="pull-answers", daemon=True)
        self._reader.start()
        threading.Thread(target=self._write, name="pull-pages", daemon=True).start()

    def _write(self) -> None:
        """Hands pages over in order. A thread of its own: the pipe holds 64 KB, so writing a page blocks until
        the second process has finished the one before and reads it — the caller must not wait for that."""
        proc = self._proc
        assert proc is not None and proc.stdin is not None
        try:
            while (page := self._outbox.get()) is not None:
                _send(proc.stdin, page)
            proc.stdin.close()  # the end: it exits
        except (OSError, ValueError):  # it died: the reader says so to whoever waits for an answer
            pass

    def _read(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        try:
            while True:
                self._answers.put(_receive(proc.stdout))
        except Exception:  # ended, died, or sent something unreadable: every page still waiting is opened here
            self._answers.put(None)

    def submit(self, page: list[Record]) -> int | None:
        """Hand `page` over; its ticket for `result`, or None when it is to be opened here."""
        if self._proc is None:
            return None
        self._outbox.put(page)
        self._asked += 1
        return self._asked

    def result(self, ticket: int | None, page: list[Record]) -> list[Any] | None:
        if ticket is None or self._proc is None:
            return None
        answer: list[Any] | None = None
        while self._taken < ticket:
            answer = self._answers.get()
            if answer is None:
                self.close()
                return None
            self._taken += 1
        if answer is None or len(answer) != len(page):
            self.close()
            return None
        self.pages_opened += 1
        return answer

    def close(self) -> None:
        """End the second process (its input closes; it is stopped if it does not end by itself)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:  # pages not yet handed over are not: they are opened here, if at all
            while True:
                self._outbox.get_nowait()
        except queue.Empty:
            pass
        self._outbox.put(None)  # its input closes, and it exits
        try:  # idle, it ends at once; in the middle of a page (a cancelled pull) it is stopped
            proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdin is not None:  # closed by the writer, unless the process died first
            with contextlib.suppress(OSError, ValueError):
                proc.stdin.close()
        self._reader.join(timeout=1)  # its output has ended: the reader stops
        if proc.stdout is not None and not self._reader.is_alive():
            proc.stdout.close()
