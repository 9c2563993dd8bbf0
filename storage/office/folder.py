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
                                             push_id first_seq_of_its_file" — appended, never rewritten

Every file is written to a temporary name, flushed and renamed (storage.atomic), so a drive pulled mid-write
leaves the old state. Pushes take an exclusive lock on DIR/.lock (fcntl.flock) for the compare-and-set. The log
files are the truth: a batch whose file was written but whose index lines were not (a drive pulled between the
two) is indexed by the next push, and a torn last index line is cut off first. Readers trust only whole index
lines, so they never see record N+1 before N. A sync with nothing to do reads the index (the routing of every
record, ~60 bytes each) and no record at all; an instance keeps what it read and reads only what was appended
since.

Format 1 (one file per record, every name listed on every sync) is converted to this layout, under the lock,
by the first Casefile that opens it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.office.backend import (
    OfficeError,
    OfficeTooNew,
    OfficeUnreachable,
    PushOutcome,
    Record,
    RevocationCheck,
    decide_pushes,
    heads_digest,
    honoured,
)

MARKER = "casefile-office.json"
FOLDER_FORMAT = 2
"""1: one file per record in records/; 2: the log and its index (see the module doc)."""
_RECORD = re.compile(r"^(\d{12})-([0-9a-zA-Z_]+)-(\d+)-([0-9a-f]+)\.json$")
_SEGMENT = re.compile(r"^\d{12}-\d{12}\.jsonl$")


@dataclass
class _Index:
    """The log's index as read so far: the bytes read, the last sequence number, each case's head revision,
    each push id's (seq, case), and the first seq of the file holding each record (by seq - 1)."""

    offset: int = 0
    last_seq: int = 0
    heads: dict[str, int] = field(default_factory=dict)
    by_push: dict[str, tuple[int, str]] = field(default_factory=dict)
    segment_of: list[int] = field(default_factory=list)


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

    def trust_revocations(self, check: RevocationCheck) -> None:
        self._honour = check

    def _check_reachable(self) -> None:
        if not self.folder.is_dir():
            raise OfficeUnreachable(f"The office folder {self.folder} is not there (a drive removed or a share "
                                    "not mounted?). Nothing was changed; sync again when it is back.")

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
        with self._locked():
            self._repair_log()
            index = self._index()
            seq = index.last_seq
            revoked = honoured(self._revocations({r.author for r in records}), self._honour)

            def taken(r: Record) -> Record | None:
                found = index.by_push.get(r.push_id)
                return self._record_at(found[0], index) if found is not None and found[1] == r.case_id else None

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
        """The log's index, read from where this instance last stopped (it is only ever appended to)."""
        if self._idx is None:
            self._idx = _Index()
        idx = self._idx
        try:
            with open(self.folder / "log.idx", "rb") as f:
                f.seek(idx.offset)
                data = f.read()
        except FileNotFoundError:
            return idx
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None
        end = data.rfind(b"\n") + 1  # only whole lines: a torn last line is not there yet
        # Every sync reads the whole index once (~60 bytes a record): the loop keeps to local names.
        heads, by_push, segment_of, last = idx.heads, idx.by_push, idx.segment_of, idx.last_seq
        get = heads.get
        try:
            for line in data[:end].decode("ascii", "replace").splitlines():
                parts = line.split(" ")
                if len(parts) != 5 or not (parts[0].isdigit() and parts[2].isdigit() and parts[4].isdigit()):
                    raise OfficeError("log.idx in the office folder is damaged or was edited by hand; nothing was "
                                      "synced. Restore the folder from a backup.")
                seq, case_id, rev = int(parts[0]), parts[1], int(parts[2])
                if seq != last + 1:
                    raise OfficeError(f"log.idx in the office folder skips from record {last} to {seq} "
                                      "(damaged or edited by hand); nothing was synced.")
                last = seq
                if rev >= get(case_id, 0):
                    heads[case_id] = rev
                by_push[parts[3]] = (seq, case_id)
                segment_of.append(int(parts[4]))
        finally:
            idx.last_seq = last
        idx.offset += end
        return idx

    def _record_at(self, seq: int, index: _Index) -> Record:
        first = index.segment_of[seq - 1]
        records = self._segments.get(first)
        if records is None:
            records = self._read_segment(first)
            self._segments = {first: records}  # one file kept: pulls go through the log in order
        try:
            record = records[seq - first]
        except IndexError:
            raise OfficeError(f"The office folder's log file for record {seq} is shorter than its index (damaged "
                              "or edited by hand); nothing was synced.") from None
        if record.seq != seq:
            record = Record(record.case_id, record.office_rev, record.base_rev, record.author, record.key_version,
                            record.push_id, record.envelope, seq)
        return record

    def _segment_path(self, first: int) -> Path:
        for path in self._segment_files():
            if int(path.name[:12]) == first:
                return path
        raise OfficeUnreachable(f"The office folder's log file starting at record {first} is missing (a drive "
                                "removed, or a folder copied in part?); nothing was synced.")

    def _segment_files(self) -> list[Path]:
        try:
            return sorted(p for p in (self.folder / "log").iterdir() if _SEGMENT.match(p.name))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None

    def _read_segment(self, first: int) -> list[Record]:
        path = self._segment_path(first)
        try:
            lines = path.read_bytes().splitlines()
        except FileNotFoundError:
            raise OfficeUnreachable(f"{path.name} disappeared from the office folder while it was read.") from None
        except OSError as exc:
            raise OfficeUnreachable(f"The office folder {self.folder} cannot be read ({exc.strerror}).") from None
        out = []
        for n, line in enumerate(lines):
            try:
                doc = json.loads(line)
            except ValueError:
                raise OfficeError(f"{path.name} in the office folder is not readable (damaged or edited by hand); "
                                  "it was not taken in.") from None
            out.append(Record.from_doc(doc if isinstance(doc, dict) else {}, f"office record {first + n}"))
        return out

    def _append_index(self, records: list[Record], first: int) -> None:
        lines = b"".join(f"{r.seq} {r.case_id} {r.office_rev} {r.push_id} {first}\n".encode("ascii")
                         for r in records)
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
        """Under the lock: cut a torn last index line, then index any log file a pulled drive left unindexed."""
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
        index = self._index()
        for segment in self._segment_files():
            first, last = int(segment.name[:12]), int(segment.name[13:25])
            if last <= index.last_seq:
                continue
            if first > index.last_seq + 1:
                raise OfficeError(f"The office folder's log jumps from record {index.last_seq} to {first} "
                                  "(files missing or copied in part); nothing was synced.")
            self._segments = {}
            rows = [replace(r, seq=first + n) for n, r in enumerate(self._read_segment(first))]
            self._append_index([r for r in rows if r.seq > index.last_seq], first)
            self._idx = None
            index = self._index()

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
        try:
            fd = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise OfficeUnreachable(f"Cannot lock the office folder {self.folder} ({exc.strerror}).") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
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
