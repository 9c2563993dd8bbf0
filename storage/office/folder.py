"""The office as a shared folder (a network share or a USB drive): small files written atomically, and an
append-only log of sealed records.

    DIR/casefile-office.json                 {"format": "casefile.office", "format_version", "office_id"}
    DIR/requests/<member id>.json            join requests (public keys, signed by the joiner)
    DIR/roster/<version>.json                the signed member lists
    DIR/keys/<member id>.<key version>.json  the content key wrapped to a member
    DIR/revoked/<member id>.json             a removed member: {"member_id", "after_seq", "doc"}; its pushes are
                                             refused (on the word of "doc", roster.sign_revocation, when the
                                             pushing client can check it: roster.honours_revocation)
    DIR/blobs/<sha256>.json                  attachment content, sealed: {"sha256", "author", "key_version",
                                             "envelope"}
    DIR/log/<first seq>-<last seq>.jsonl     sealed case revisions, one record per line: one file per push batch
    DIR/log.idx                              the log's routing, one line per record: "seq case_id office_rev
                                             push_id first_seq_of_its_file" — appended; rewritten whole only by a
                                             rebuild from the log files
    DIR/set-aside/<name>.<why>-<UTC time>    what a repair took out of the log: kept for a person, never deleted

Every file is written to a temporary name, flushed and renamed (storage.atomic), so a drive pulled mid-write
leaves the old state — on a file system that keeps that promise. Pushes take an exclusive lock on DIR/.lock
(fcntl.flock) for the compare-and-set. The log files are the truth, the index is derived from them; under the
lock, before a push:
- a torn last index line is cut off;
- a damaged index (a line that is not one, or out of order), or a missing or empty one beside log files, is
  rebuilt from the log files, each read and verified; a damaged one is set aside. Readers who meet one take the
  lock and have it rebuilt too, so heads and digests are never read from a broken index;
- a log file after the last indexed record (its push's drive pulled before the index line) is indexed when it
  holds exactly its whole records, each following on the office's heads; otherwise it is an unfinished push,
  set aside — its laptop was never told the push went in, and pushes it again (push ids make that safe);
- a log file over records the index routes to another file (a copy) is set aside.
A line of a log file that is not a record — edited by hand, or the file's last line cut short by a drive pulled
mid-write — is read as an UnreadableRecord in its place, by a pull and by a rebuild alike: the rebuilt index
routes it as the damaged index did when that line of it is readable (else it moves no case's head), casefile.log
names it, every laptop refuses it by name and takes in the records around it, and pushes go on after it.
What cannot be repaired without guessing — records missing from a log file the index lists (fewer lines than its
name says), a log file missing, a gap between log files, two log files starting at one record with no index to
choose — is refused with a message naming the file; the index is then left as it is. Readers trust only whole
index lines, so they never see record N+1 before N. A sync with nothing to do reads the index (the routing of
every record, ~60 bytes each) and no record at all; an instance keeps what it read and reads only what was
appended since (all of it again when the index was rebuilt: a new file).

Format 1 (one file per record, every name listed on every sync) is converted to this layout, under the lock,
by the first Casefile that opens it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP
from storage.atomic import atomic_write_bytes
from storage.office.backend import (
    ROUTING_TOKEN,
    OfficeError,
    OfficeTooNew,
    OfficeUnreachable,
    PushOutcome,
    Record,
    RevocationCheck,
    UnreadableRecord,
    check_pushable,
    decide_pushes,
    heads_digest,
    honoured,
)

MARKER = "casefile-office.json"
FOLDER_FORMAT = 2
"""1: one file per record in records/; 2: the log and its index (see the module doc)."""
_RECORD = re.compile(r"^(\d{12})-([0-9a-zA-Z_]+)-(\d+)-([0-9a-f]+)\.json$")
_SEGMENT = re.compile(r"^\d{12}-\d{12}\.jsonl$")
SET_ASIDE = "set-aside"
"""Where a repair moves what it takes out of the log (never deleted): DIR/set-aside/<name>.<why>-<UTC time>."""
_log = logging.getLogger(__name__)


@dataclass
class _Index:
    """The log's index as read so far: the bytes read, the last sequence number, each case's head revision,
    each push id's (seq, case), and the first seq of the file holding each record (by seq - 1)."""

    offset: int = 0
    last_seq: int = 0
    heads: dict[str, int] = field(default_factory=dict)
    by_push: dict[str, tuple[int, str]] = field(default_factory=dict)
    segment_of: list[int] = field(default_factory=list)
    file_id: tuple[int, int] | None = None
    """(device, inode) of the log.idx read: a rebuilt one is a new file, read again from the start."""


class _NeedsRepair(OfficeError):
    """log.idx is damaged, or missing or empty beside log files: rebuilt under the lock (FolderOffice._index)."""

    def __init__(self, why: str) -> None:
        super().__init__(f"log.idx in the office folder is {why}; it is rebuilt from the log files at the next "
                         "sync.")
        self.why = why


_UNREADABLE_CASE = "?"
"""The case id of an index line for a log line that is not a record, when nothing says what it was routed as: no
case id is "?" (ROUTING_TOKEN), so it moves no case's head and answers no push."""
_NO_ROUTING = f"{_UNREADABLE_CASE} 0 {_UNREADABLE_CASE}".encode("ascii")


def _segment_name(first: int, last: int) -> str:
    return f"{first:012d}-{last:012d}.jsonl"


def _index_line(record: Record, first: int) -> bytes:
    return f"{record.seq} {record.case_id} {record.office_rev} {record.push_id} {first}\n".encode("ascii")


def _line(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii")


class FolderOffice:
    kind = "folder"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.location = str(self.folder)
        self._idx: _Index | None = None
        self._segments: dict[int, list[Record]] = {}
        self._honour: RevocationCheck | None = None
        self._lock_owner: int | None = None

    def trust_revocations(self, check: RevocationCheck) -> None:
        self._honour = check

    def _check_reachable(self) -> None:
        if not self.folder.is_dir():
            # Said whenever it goes, mid-sync too: what was kept is the sync's to say (storage.sync), not this.
            raise OfficeUnreachable(f"The office folder {self.folder} is not there (a drive removed, a share not "
                                    "mounted, or the folder moved or renamed?); sync again when it is back.")

    def create(self, office_id: str) -> None:
        if (self.folder / MARKER).exists():
            raise OfficeError(f"There is already an office in {self.folder}; join it instead.")
        self.folder.mkdir(parents=True, exist_ok=True)
        if any(p for p in self.folder.iterdir() if not p.name.startswith(".")):
            raise OfficeError(f"The folder {self.folder} is not empty; choose an empty folder for a new office.")
        for sub in ("requests", "roster", "keys", "revoked", "log"):
            (self.folder / sub).mkdir(exist_ok=True)
        self._write(self.folder / MARKER, {"format": "casefile.office", "format_version": FOLDER_FORMAT,
                                           "office_id": office_id})

    def office_id(self) -> str:
        self._check_reachable()
        doc = self._read(self.folder / MARKER, missing=None)
        if not isinstance(doc, dict) or doc.get("format") != "casefile.office":
            raise OfficeError(f"There is no Casefile office in {self.folder}.")
        version = int(doc.get("format_version", 0))
        if version > FOLDER_FORMAT:
            raise OfficeTooNew(f"The office in {self.folder} was written by a newer Casefile (format {version}; "
                               f"this version knows {FOLDER_FORMAT}). Update Casefile; nothing was changed.")
        if version < FOLDER_FORMAT:
            self._upgrade_from_1(doc)
        return str(doc["office_id"])

    def put_request(self, member_id: str, doc: dict[str, Any]) -> None:
        self._check_reachable()
        self._write(self.folder / "requests" / f"{_safe(member_id)}.json", doc)

    def requests(self) -> list[dict[str, Any]]:
        return [d for p in self._list("requests") if isinstance(d := self._read(p), dict)]

    def put_roster(self, version: int, doc: dict[str, Any]) -> None:
        self._check_reachable()
        with self._locked():
            path = self.folder / "roster" / f"{version:08d}.json"
            if path.exists():
                raise OfficeError("Someone else changed the member list at the same moment; try again.")
            self._write(path, doc)

    def rosters(self, after: int = 0) -> list[dict[str, Any]]:
        return [d for p in self._list("roster") if int(p.stem) > after and isinstance(d := self._read(p), dict)]

    def put_wrapped_key(self, member_id: str, key_version: int, doc: dict[str, Any]) -> None:
        self._check_reachable()
        self._write(self.folder / "keys" / f"{_safe(member_id)}.{key_version}.json", doc)

    def wrapped_key(self, member_id: str, key_version: int) -> dict[str, Any] | None:
        self._check_reachable()
        doc = self._read(self.folder / "keys" / f"{_safe(member_id)}.{key_version}.json", missing=None)
        return doc if isinstance(doc, dict) else None

    def push(self, record: Record) -> PushOutcome:
        return self.push_many([record])[0]

    def push_many(self, records: list[Record]) -> list[PushOutcome]:
        self._check_reachable()
        if not records:
            return []
        check_pushable(records)  # nothing malformed reaches the log
        with self._locked():
            self._repair_log()
            index = self._index()
            seq = index.last_seq
            revoked = honoured(self._revocations({r.author for r in records}), self._honour)

            def taken(r: Record) -> Record | None:
                found = index.by_push.get(r.push_id)
                stored = self._record_at(found[0], index) if found is not None and found[1] == r.case_id else None
                return None if isinstance(stored, UnreadableRecord) else stored  # edited by hand: no answer in it

            outcomes, accept = decide_pushes(records, taken, dict(index.heads), revoked)
            accepted: list[tuple[int, Record]] = []
            for i in accept:
                r = records[i]
                seq += 1
                stored = Record(r.case_id, r.office_rev, r.base_rev, r.author, r.key_version, r.push_id,
                                r.envelope, seq)
                accepted.append((i, stored))
                outcomes[i] = PushOutcome(True, stored, stored.office_rev)
            if accepted:
                rows = [rec for _i, rec in accepted]
                first, last = rows[0].seq, rows[-1].seq
                self._ensure_dir("log")
                self._write_raw(self.folder / "log" / f"{first:012d}-{last:012d}.jsonl",
                                b"".join(_line(rec.to_doc()) for rec in rows))
                self._append_index(rows, first)
        return [o for o in outcomes if o is not None]

    def missing_blobs(self, shas: list[str]) -> set[str]:
        self._check_reachable()
        return {sha for sha in shas if not (self.folder / "blobs" / f"{_sha(sha)}.json").exists()}

    def put_blobs(self, blobs: list[tuple[str, str, int, dict[str, Any]]]) -> None:
        self._check_reachable()
        if blobs:
            self._ensure_dir("blobs")
        for sha, author, key_version, envelope in blobs:
            path = self.folder / "blobs" / f"{_sha(sha)}.json"
            if not path.exists():
                self._write(path, {"sha256": sha, "author": author, "key_version": key_version,
                                   "envelope": envelope})

    def get_blobs(self, shas: list[str]) -> dict[str, tuple[str, int, dict[str, Any]]]:
        self._check_reachable()
        out = {}
        for sha in shas:
            doc = self._read(self.folder / "blobs" / f"{_sha(sha)}.json", missing=None)
            if isinstance(doc, dict) and isinstance(doc.get("envelope"), dict):
                try:
                    out[sha] = (str(doc["author"]), int(doc["key_version"]), dict(doc["envelope"]))
                except (KeyError, TypeError, ValueError):
                    continue
        return out

    def clock(self) -> datetime:
        """The file server's time, as it stamps a file written now (a USB drive: this laptop's own)."""
        self._check_reachable()
        path = self.folder / ".clock"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"casefile clock probe\n")
            finally:
                os.close(fd)
            return datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}).") from None

    def _revocations(self, members: set[str]) -> dict[str, Any]:
        """member id → the signed revocation its file holds (None when the file holds none, or is unreadable)."""
        found: dict[str, Any] = {}
        for member in members:
            path = self.folder / "revoked" / f"{_safe(member)}.json"
            if path.exists():
                try:
                    doc = self._read(path, missing=None)
                except OfficeUnreachable:
                    raise
                except OfficeError:
                    doc = None
                found[member] = doc.get("doc") if isinstance(doc, dict) else None
        return found

    def revoke(self, member_id: str, doc: dict[str, Any] | None = None) -> int:
        self._check_reachable()
        path = self.folder / "revoked" / f"{_safe(member_id)}.json"
        with self._locked():
            try:
                known = self._read(path, missing=None)
            except OfficeUnreachable:
                raise
            except OfficeError:
                known = None  # damaged: written anew below
            self._repair_log()
            after = self._index().last_seq
            if isinstance(known, dict) and isinstance(known.get("after_seq"), int) and (
                    self._honour is None or self._honour(member_id, known.get("doc"))):
                # a retry: the first answer — never one beyond the log (a planted file must not widen what the
                # removed member may still have pushed); one the remover cannot trust is written anew
                return min(int(known["after_seq"]), after)
            self._ensure_dir("revoked")
            self._write(path, {"member_id": member_id, "after_seq": after, **({"doc": doc} if doc else {})})
            return after

    def reinstate(self, member_id: str) -> None:
        self._check_reachable()
        path = self.folder / "revoked" / f"{_safe(member_id)}.json"
        with self._locked():
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}).") \
                    from None

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        self._check_reachable()
        index = self._index()
        if after_seq >= index.last_seq:
            return []
        if limit == 1 and index.segment_of[after_seq] not in self._segments:  # one record (a sync's checks, a
            return [self._record_alone(after_seq + 1, index)]  # refused one read again): its line, not its file
        out = []
        for seq in range(after_seq + 1, min(index.last_seq, after_seq + limit) + 1):
            out.append(self._record_at(seq, index))
        return out

    def heads(self) -> dict[str, int]:
        self._check_reachable()
        return dict(self._index().heads)

    def heads_summary(self) -> tuple[int, str]:
        self._check_reachable()
        heads = self._index().heads
        return len(heads), heads_digest(heads)

    def close(self) -> None:
        pass

    # ----- files ----------------------------------------------------------------------------------------

    def _upgrade_from_1(self, marker: dict[str, Any]) -> None:
        """Format 1 → 2, under the lock: every record file into one log file and the index, then the marker.
        Interrupted anywhere, the next open does it again from the start (the old files stay until then)."""
        with self._locked():
            doc = self._read(self.folder / MARKER, missing=None)
            if isinstance(doc, dict) and int(doc.get("format_version", 0)) >= FOLDER_FORMAT:
                return
            names = sorted((m for p in self._list("records") if (m := _RECORD.match(p.name))),
                           key=lambda m: int(m[1]))
            rows = [replace(Record.from_doc(self._read(self.folder / "records" / m[0]), f"office record {m[0]}"),
                            seq=n + 1) for n, m in enumerate(names)]
            for sub in ("log", "revoked"):
                self._ensure_dir(sub)
            for old in self._segment_files():
                old.unlink()
            (self.folder / "log.idx").unlink(missing_ok=True)
            if rows:
                self._write_raw(self.folder / "log" / f"{1:012d}-{len(rows):012d}.jsonl",
                                b"".join(_line(r.to_doc()) for r in rows))
                self._append_index(rows, 1)
            self._write(self.folder / MARKER, {**marker, "format_version": FOLDER_FORMAT})
            self._idx = None

    # ----- the log -------------------------------------------------------------------------------------

    def _index(self) -> _Index:
        """The log's index, read from where this instance last stopped (it is only ever appended to, or replaced
        whole by a rebuild: then read again from the start). A damaged, missing or empty index beside log files
        is rebuilt first, under the lock."""
        try:
            return self._scan()
        except _NeedsRepair:
            self._idx = None
        with self._locked():
            self._repair_log()
        try:
            return self._scan()
        except _NeedsRepair:
            self._idx = None
            raise OfficeError("log.idx in the office folder changed again while it was rebuilt (another Casefile "
                              "or a hand edit?); sync again.") from None

    def _scan(self) -> _Index:
        """_index without repairs: _NeedsRepair when the index is damaged, or missing or empty beside log files."""
        idx = self._idx
        try:
            with open(self.folder / "log.idx", "rb") as f:
                st = os.fstat(f.fileno())
                if idx is None or idx.file_id != (st.st_dev, st.st_ino) or st.st_size < idx.offset:
                    idx = self._idx = _Index(file_id=(st.st_dev, st.st_ino))
                f.seek(idx.offset)
                data = f.read()
        except FileNotFoundError:
            self._idx = _Index()
            if self._segment_files():
                raise _NeedsRepair("missing") from None
            return self._idx
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None
        end = data.rfind(b"\n") + 1  # only whole lines: a torn last line is not there yet
        if idx.offset == 0 and end == 0:
            if self._segment_files():
                raise _NeedsRepair("empty")
            return idx
        # Every sync reads the whole index once (~60 bytes a record): the loop keeps to local names.
        heads, by_push, segment_of, last = idx.heads, idx.by_push, idx.segment_of, idx.last_seq
        get = heads.get
        prev = segment_of[-1] if segment_of else 1
        try:
            for line in data[:end].decode("ascii", "replace").splitlines():
                parts = line.split(" ")
                if len(parts) != 5 or not (parts[2].isdigit() and parts[4].isdigit()) or parts[0] != str(last + 1):
                    raise _NeedsRepair("damaged")
                last += 1
                first = int(parts[4])
                if first != prev and first != last:
                    raise _NeedsRepair("damaged")  # each line continues its file, or starts one at its own seq
                prev = first
                case_id, rev = parts[1], int(parts[2])
                if case_id != _UNREADABLE_CASE:  # a log line that is not a record, with no routing to go by
                    if rev >= get(case_id, 0):
                        heads[case_id] = rev
                    by_push[parts[3]] = (last, case_id)
                segment_of.append(first)
        except _NeedsRepair:
            self._idx = None
            raise
        idx.last_seq = last
        idx.offset += end
        if end:
            self._check_last_segment(idx)
        return idx

    def _check_last_segment(self, idx: _Index) -> None:
        """The index is written after its log file: one it lists that is not there was lost (files deleted, a
        folder copied in part). Refused, never rebuilt over: the laptops that pushed those records count them
        as synced."""
        first = idx.segment_of[-1]
        if (self.folder / "log" / _segment_name(first, idx.last_seq)).exists():
            return
        if any(a == first and b >= idx.last_seq for a, b, _p in self._spans()):
            return  # a file indexed in part (a torn index line cut): the next push indexes the rest
        raise OfficeError(f"log.idx in the office folder lists records up to {idx.last_seq}, but the log file "
                          f"{_segment_name(first, idx.last_seq)} holding them is missing from {self.folder / 'log'} "
                          "(files deleted, or the folder copied in part). Nothing was taken in from it. Copy the "
                          "missing log files back from a backup or from the drive the folder was copied from.")

    def _record_at(self, seq: int, index: _Index) -> Record:
        first = index.segment_of[seq - 1]
        records = self._segments.get(first)
        if records is None:
            records = self._read_segment(first, bisect_right(index.segment_of, first))
            self._segments = {first: records}  # one file kept: pulls go through the log in order
        try:
            record = records[seq - first]
        except IndexError:
            raise _shorter_than_index(seq) from None
        if record.seq != seq:
            record = replace(record, seq=seq)
        return record

    def _segment_path(self, first: int, last: int) -> Path:
        """The log file for records first..last (or from first on: one indexed in part)."""
        exact = self.folder / "log" / _segment_name(first, last)
        if exact.exists():
            return exact
        for a, b, path in self._spans():
            if a == first and b >= last:
                return path
        raise OfficeUnreachable(f"The office folder's log file {_segment_name(first, last)} is missing (a drive "
                                "removed, or a folder copied in part?); the records in it were not taken in.")

    def _segment_files(self) -> list[Path]:
        try:
            return sorted(p for p in (self.folder / "log").iterdir() if _SEGMENT.match(p.name))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None

    def _spans(self) -> list[tuple[int, int, Path]]:
        """(first seq, last seq, path) of every log file, by first then last."""
        return [(int(p.name[:12]), int(p.name[13:25]), p) for p in self._segment_files()]

    def _record_alone(self, seq: int, index: _Index) -> Record:
        """Record `seq` read from its log file's line alone (the file's other lines are not parsed: a log file
        holds a whole push, up to thousands of records), as _record_at reads it."""
        first = index.segment_of[seq - 1]
        path = self._segment_path(first, bisect_right(index.segment_of, first))
        data = self._read_log_file(path)
        lines = data.split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        n = seq - first
        if n >= len(lines):
            raise _shorter_than_index(seq)
        record = _line_record(lines[n], seq, path, torn=n == len(lines) - 1 and not data.endswith(b"\n"))[1]
        return record if record.seq == seq else replace(record, seq=seq)

    def _read_log_file(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise OfficeUnreachable(f"{path.name} disappeared from the office folder while it was read.") from None
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None

    def _read_segment(self, first: int, last: int) -> list[Record]:
        path = self._segment_path(first, last)
        found = self._parse_segment(path, first, lenient=True)
        if isinstance(found, str):
            raise OfficeError(f"{path.name} in the office folder {found} (damaged, or a drive pulled before it "
                              "finished writing); its records were not taken in. Restore the folder's log from a "
                              "backup.")
        return found

    def _parse_segment(self, path: Path, first: int, last: int | None = None, *,
                       lenient: bool = False) -> list[Record] | str:
        """The records of a log file, each verified as a record; or what is wrong with it. With `last`, the file
        must hold exactly records first..last, each naming its own seq, ending in a whole line. `lenient` (a pull,
        an index rebuilt): a line that is not a record — edited by hand, or the file's last line cut short by a
        drive pulled mid-write — is an UnreadableRecord in its place, so the records around it are still read and
        it is refused by name; records missing from the file (fewer lines than its name says) are still what is
        wrong with it. Lines end at "\n" only: a stray carriage return in a line edited by hand is part of it."""
        data = self._read_log_file(path)
        out: list[Record] = []
        lines = data.split(b"\n")
        if lines[-1] == b"":  # the file ends in a whole line (or is empty)
            lines.pop()
        for n, line in enumerate(lines):
            torn = n == len(lines) - 1 and not data.endswith(b"\n")
            doc, record = _line_record(line, first + n, path, torn=torn)
            if isinstance(record, UnreadableRecord) and not lenient:
                if torn:
                    return f"is cut short at record {first + n}"
                return f"is not readable at record {first + n}"
            if last is not None and isinstance(doc, dict) and not isinstance(record, UnreadableRecord) \
                    and doc.get("seq") != first + n:
                return f"holds record {doc.get('seq')!r} where record {first + n} belongs"
            out.append(record)
        if last is not None:
            if data and not data.endswith(b"\n") and not lenient:
                return f"is cut short at record {first + len(out) - 1}"
            if len(out) != last - first + 1:
                return f"holds {len(out)} records where its name says {last - first + 1}"
        return out

    def _append_index(self, records: list[Record], first: int) -> None:
        lines = b"".join(_index_line(r, first) for r in records)
        try:
            fd = os.open(self.folder / "log.idx", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, lines)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}); the "
                                    "records written are indexed by the next sync.") from None

    def _repair_log(self) -> None:
        """Under the lock: cut a torn last index line; rebuild a damaged, missing or empty index from the log files;
        then index a log file a pulled drive left unindexed when it holds whole records that follow on, and set
        aside (rename, never delete) one that does not — an unfinished push, which its laptop pushes again — or
        one over records the index routes to another file (a copy)."""
        path = self.folder / "log.idx"
        try:
            size = path.stat().st_size
            if size:
                with open(path, "rb+") as f:
                    f.seek(max(0, size - 4096))
                    tail = f.read()
                    if not tail.endswith(b"\n"):
                        f.truncate(size - (len(tail) - (tail.rfind(b"\n") + 1)))
                        os.fsync(f.fileno())
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None
        self._idx = None
        try:
            index = self._scan()
        except _NeedsRepair as need:
            self._rebuild_index(need.why)
            index = self._scan()
        self._segments = {}
        spans = self._spans()
        exact = {(first, last) for first, last, _p in spans}
        for first, last, segment in spans:
            routed = bisect_right(index.segment_of, first)  # the last record the index routes to this first
            if routed >= first and index.segment_of[first - 1] == first:  # the index routes records to this first
                if last == routed:
                    continue
                if (first, routed) in exact:
                    self._set_aside(segment, "duplicate", f"its records {first}-{last} are already in the log from "
                                    "another file (a copy, or a folder merged by hand)")
                elif last > routed == index.last_seq:  # indexed in part (a torn index line was cut): the rest
                    self._take_unindexed(first, last, segment, index)
                    index = self._scan()
                # else the file the index routes to is not there: said when its records are read
            elif first <= index.last_seq:
                self._set_aside(segment, "duplicate", f"its records {first}-{last} are already in the log from "
                                "another file (a copy, or a folder merged by hand)")
            elif first == index.last_seq + 1:
                if self._take_unindexed(first, last, segment, index):
                    index = self._scan()
            elif isinstance(found := self._parse_segment(segment, first, last), str):  # not a whole log file
                self._set_aside(segment, "unfinished", f"it {found}, after a gap in the log: no push writes that")
            else:
                raise OfficeError(f"The office folder's log jumps from record {index.last_seq} to {first} (log "
                                  f"files missing from {self.folder / 'log'}, or the folder copied in part); "
                                  "the office took nothing in. Copy the missing log files back from a backup.")

    def _take_unindexed(self, first: int, last: int, segment: Path, index: _Index) -> bool:
        """Index a log file its push left unindexed, from index.last_seq + 1 on, when it holds exactly its whole
        records and each follows on the office's heads (compare-and-set, a push id not taken); else set it
        aside. True when indexed."""
        records = self._parse_segment(segment, first, last)
        problem = records if isinstance(records, str) else None
        if not isinstance(records, str):
            heads = dict(index.heads)
            for record in records[index.last_seq + 1 - first:]:
                head = heads.get(record.case_id, 0)
                if record.push_id in index.by_push or record.base_rev != head or record.office_rev != head + 1:
                    problem = f"record {record.seq} does not follow on the office's copy of its case"
                    break
                heads[record.case_id] = record.office_rev
        if problem is not None:
            if first <= index.last_seq:  # part of it is indexed: damage, reported when that part is read
                return False
            self._set_aside(segment, "unfinished", f"it {problem}: a push that did not finish (a drive pulled or "
                            "the connection lost mid-write); its laptop pushes those records again")
            return False
        assert not isinstance(records, str)
        self._append_index([r for r in records if r.seq > index.last_seq], first)
        return True

    def _rebuild_index(self, why: str) -> None:
        """Under the lock: log.idx again from the log files (each read and verified), the damaged one set aside.
        A line that is not a record is indexed in its place (routed as the damaged index had it, if it can say;
        refused by name on every pull) and named in casefile.log. Refused — nothing rewritten — when records or
        log files are missing."""
        path = self.folder / "log.idx"
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = b""
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None
        listed, prev = 0, 1  # how far the damaged index's readable lines reach: what laptops may count as synced
        routing: dict[int, bytes] = {}  # seq → "case_id office_rev push_id" of those lines, where well formed
        for line in old.splitlines():
            parts = line.split(b" ")
            if len(parts) == 5 and parts[0].isdigit() and parts[4].isdigit() and int(parts[0]) == listed + 1 \
                    and int(parts[4]) in (listed + 1, prev):
                listed, prev = listed + 1, int(parts[4])
                if all(ROUTING_TOKEN.fullmatch(p.decode("ascii", "replace")) for p in (parts[1], parts[3])) \
                        and parts[2].isdigit() and int(parts[2]) > 0:
                    routing[listed] = b" ".join(parts[1:4])
        lines: list[bytes] = []
        unreadable: list[str] = []
        spans = self._spans()
        for n, (first, last, segment) in enumerate(spans):
            if first != len(lines) + 1:
                if first <= len(lines):
                    raise OfficeError(f"Two log files in the office folder hold record {first} ({segment.name} and "
                                      f"another); log.idx is {why} and cannot tell which one counts, so it was left "
                                      "as it is. Move the file that does not belong out of "
                                      f"{self.folder / 'log'} (keep it), then sync again.")
                raise OfficeError(f"The office folder's log jumps from record {len(lines)} to {first} (log files "
                                  f"missing from {self.folder / 'log'}, or the folder copied in part); log.idx was "
                                  "left as it is. Copy the missing log files back from a backup.")
            records = self._parse_segment(segment, first, last)
            if isinstance(records, str):
                whole = records
                # a line that is not a record is indexed in its place (refused by name on every pull)
                records = self._parse_segment(segment, first, last, lenient=True)
                if n == len(spans) - 1 and listed < first and (old.strip() or first == 1) \
                        and (listed == first - 1 or isinstance(records, str)):
                    # the last file, never listed (by an index that lists every one before it, or by none: the
                    # first push): a push that did not finish, which its laptop makes again
                    self._set_aside(segment, "unfinished", f"it {whole}: a push that did not finish")
                    break
            if isinstance(records, str):
                raise OfficeError(f"{segment.name} in the office folder {records} (damaged, or a drive pulled "
                                  f"before it finished writing), and log.idx ({why}) cannot be rebuilt past it; it "
                                  "was left as it is. Restore the folder's log from a backup.")
            for r in records:
                if isinstance(r, UnreadableRecord):
                    # routed as the damaged index had it when it could say (so heads and retries stay right)
                    lines.append(f"{r.seq} ".encode("ascii") + routing.get(r.seq, _NO_ROUTING)
                                 + f" {first}\n".encode("ascii"))
                    unreadable.append(f"record {r.seq} in {segment.name} ({r.problem})")
                else:
                    lines.append(_index_line(r, first))
        if listed > len(lines):
            raise OfficeError(f"log.idx in the office folder is {why} and lists records up to {listed}, but the log "
                              f"files hold only {len(lines)} (files missing from {self.folder / 'log'}); log.idx "
                              "was left as it is. Copy the missing log files back from a backup.")
        if old:
            self._set_aside(path, "damaged", f"it was {why}")
        self._write_raw(path, b"".join(lines))
        self._idx = None
        _log.warning("Office folder %s: log.idx was %s; rebuilt from the log files (%d records)%s.", self.folder,
                     why, len(lines), "; the old one is kept in set-aside/" if old else "")
        for bad in unreadable:
            _log.warning("Office folder %s: %s is not an office record; indexed in its place, every laptop refuses "
                         "it by name until it is put right from a backup.", self.folder, bad)

    def _set_aside(self, path: Path, label: str, why: str) -> None:
        """Move a file out of the log into DIR/set-aside/ under a new name, never over another: kept for a person."""
        self._ensure_dir(SET_ASIDE)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        for n in range(1000):
            target = self.folder / SET_ASIDE / f"{path.name}.{label}-{stamp}{f'-{n}' if n else ''}"
            if not target.exists():
                break
        try:
            os.rename(path, target)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}).") from None
        self._segments = {}
        _log.warning("Office folder %s: %s set aside as %s/%s: %s.", self.folder, path.name, SET_ASIDE, target.name,
                     why)

    def _list(self, sub: str) -> list[Path]:
        self._check_reachable()
        try:
            return sorted(p for p in (self.folder / sub).iterdir() if p.suffix == ".json"
                          and not p.name.startswith("."))
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None

    def _read(self, path: Path, missing: object = ...) -> Any:
        try:
            return json.loads(path.read_bytes())
        except FileNotFoundError:
            if missing is not ...:
                return missing
            raise OfficeUnreachable(f"{path.name} disappeared from the office folder while it was read.") from None
        except ValueError:
            raise OfficeError(f"{path.name} in the office folder is not readable JSON (damaged or edited by "
                              "hand); it was not taken in.") from None
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None

    def _ensure_dir(self, sub: str) -> None:
        try:
            (self.folder / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}).") from None

    def _write_raw(self, path: Path, data: bytes) -> None:
        try:
            atomic_write_bytes(path, data)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}); nothing "
                                    "half-written was kept.") from None

    def _write(self, path: Path, doc: dict[str, Any]) -> None:
        try:
            atomic_write_bytes(path, (json.dumps(doc, sort_keys=True, ensure_ascii=True) + "\n").encode("ascii"))
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}); nothing "
                                    "half-written was kept.") from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The folder's lock; reentrant for the thread holding it (a repair met while pushing: flock on a second
        descriptor would wait for ourselves). Another thread, or another instance, waits."""
        if self._lock_owner == threading.get_ident():
            yield
            return
        try:
            fd = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot lock the office folder {self.folder} ({exc.strerror}).") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._lock_owner = threading.get_ident()
            try:
                yield
            finally:
                self._lock_owner = None
        finally:
            os.close(fd)


def _safe(member_id: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{16}", member_id):
        raise OfficeError(f"{member_id!r} is not a member id.")
    return member_id


def _sha(sha: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise OfficeError(f"{sha!r} is not a content hash.")
    return sha


def _line_record(line: bytes, seq: int, path: Path, *, torn: bool) -> tuple[Any, Record]:
    """A log file's line as record `seq` (and the JSON it holds, None when it holds none): an UnreadableRecord
    for a line that is not one — `torn`: the file's last line, cut short."""
    try:
        doc = json.loads(line)
    except ValueError:
        return None, UnreadableRecord.at(seq, QT_TRANSLATE_NOOP(
            "storage", "it is cut short: its log file {file} ends inside it").format(file=path.name)
            if torn else QT_TRANSLATE_NOOP("storage", "it is not readable JSON"))
    return doc, Record.read(doc, seq)


def _shorter_than_index(seq: int) -> OfficeError:
    return OfficeError(f"The office folder's log file for record {seq} is shorter than its index (damaged or edited "
                       f"by hand); record {seq} was not taken in. Restore the folder's log from a backup.")
