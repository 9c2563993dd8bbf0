"""The office as a shared folder (a network share or a USB drive): one small file per thing, written atomically.

    DIR/casefile-office.json                 {"format": "casefile.office", "format_version", "office_id"}
    DIR/requests/<member id>.json            join requests (public keys, signed by the joiner)
    DIR/roster/<version>.json                the signed member lists
    DIR/keys/<member id>.<key version>.json  the content key wrapped to a member
    DIR/revoked/<member id>.json             a removed member: {"member_id", "after_seq"}; its pushes are refused
    DIR/records/<seq>-<case id>-<office rev>-<push id>.json   sealed case revisions

Every file is written to a temporary name, flushed and renamed (storage.atomic), so a drive pulled mid-write
leaves the old state. Pushes take an exclusive lock on DIR/.lock (fcntl.flock) for the compare-and-set; the
truth is the records folder itself, so there is no index to go stale.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storage.atomic import atomic_write_bytes
from storage.office.backend import (
    FORMAT_VERSION,
    MemberRevoked,
    OfficeError,
    OfficeTooNew,
    OfficeUnreachable,
    PushOutcome,
    Record,
)

MARKER = "casefile-office.json"
_RECORD = re.compile(r"^(\d{12})-([0-9a-zA-Z_]+)-(\d+)-([0-9a-f]+)\.json$")


class FolderOffice:
    kind = "folder"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.location = str(self.folder)

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
        for sub in ("requests", "roster", "keys", "records"):
            (self.folder / sub).mkdir(exist_ok=True)
        self._write(self.folder / MARKER, {"format": "casefile.office", "format_version": FORMAT_VERSION,
                                           "office_id": office_id})

    def office_id(self) -> str:
        self._check_reachable()
        doc = self._read(self.folder / MARKER, missing=None)
        if not isinstance(doc, dict) or doc.get("format") != "casefile.office":
            raise OfficeError(f"There is no Casefile office in {self.folder}.")
        if int(doc.get("format_version", 0)) > FORMAT_VERSION:
            raise OfficeTooNew(f"The office in {self.folder} was written by a newer Casefile (format "
                               f"{doc.get('format_version')}; this version knows {FORMAT_VERSION}). Update Casefile.")
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
        self._check_reachable()
        with self._locked():
            names = self._record_names()
            for name, (_seq, case_id, _rev, push_id) in names.items():
                if push_id == record.push_id and case_id == record.case_id:
                    stored = Record.from_doc(self._read(self.folder / "records" / name), f"office record {name}")
                    return PushOutcome(True, stored, stored.office_rev)
            if (self.folder / "revoked" / f"{_safe(record.author)}.json").exists():
                raise MemberRevoked(f"The office refused the push: member {record.author} was removed from the "
                                    "office.")
            head = max((rev for (_s, c, rev, _p) in names.values() if c == record.case_id), default=0)
            if record.base_rev != head or record.office_rev != head + 1:
                return PushOutcome(False, None, head)
            seq = max((s for (s, _c, _r, _p) in names.values()), default=0) + 1
            stored = Record(record.case_id, record.office_rev, record.base_rev, record.author, record.key_version,
                            record.push_id, record.envelope, seq)
            self._write(self.folder / "records" / _record_name(stored), stored.to_doc())
            return PushOutcome(True, stored, stored.office_rev)

    def revoke(self, member_id: str) -> int:
        self._check_reachable()
        path = self.folder / "revoked" / f"{_safe(member_id)}.json"
        with self._locked():
            known = self._read(path, missing=None)
            if isinstance(known, dict):
                return int(known["after_seq"])
            after = max((s for (s, _c, _r, _p) in self._record_names().values()), default=0)
            try:
                path.parent.mkdir(exist_ok=True)
            except OSError as exc:
                raise OfficeUnreachable(f"Cannot write to the office folder {self.folder} ({exc.strerror}).") from None
            self._write(path, {"member_id": member_id, "after_seq": after})
            return after

    def pull(self, after_seq: int, limit: int) -> list[Record]:
        self._check_reachable()
        out = []
        for name, (seq, _c, _r, _p) in sorted(self._record_names().items(), key=lambda kv: kv[1][0]):
            if seq <= after_seq:
                continue
            record = Record.from_doc(self._read(self.folder / "records" / name), f"office record {name}")
            if record.seq != seq:
                record = Record(record.case_id, record.office_rev, record.base_rev, record.author,
                                record.key_version, record.push_id, record.envelope, seq)
            out.append(record)
            if len(out) >= limit:
                break
        return out

    def heads(self) -> dict[str, int]:
        self._check_reachable()
        heads: dict[str, int] = {}
        for (_s, case_id, rev, _p) in self._record_names().values():
            heads[case_id] = max(rev, heads.get(case_id, 0))
        return heads

    def close(self) -> None:
        pass

    # ----- files ----------------------------------------------------------------------------------------

    def _record_names(self) -> dict[str, tuple[int, str, int, str]]:
        out = {}
        for p in self._list("records"):
            if m := _RECORD.match(p.name):
                out[p.name] = (int(m[1]), m[2], int(m[3]), m[4])
        return out

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


def _record_name(record: Record) -> str:
    return f"{record.seq:012d}-{record.case_id}-{record.office_rev}-{record.push_id}.json"


def _safe(member_id: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{16}", member_id):
        raise OfficeError(f"{member_id!r} is not a member id.")
    return member_id
