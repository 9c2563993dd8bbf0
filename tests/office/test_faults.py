"""Faults, on each backend, each leaving both sides consistent with a specific message: clocks that disagree, a
record by someone who is not a member, two laptops pushing the same case at the same moment (two processes),
and — for the folder — a drive pulled mid-write."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from casework.assessment import ReviewDecision
from casework.merge import merge
from casework.model import CaseStatus, Officer
from casework.workflow import decision_state, submitter
from storage.office import crypto, link
from storage.office.backend import OfficeUnreachable, Record
from storage.office.folder import FolderOffice
from storage.store import CaseStore
from storage.sync import push_id, sync
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import Laptops
from tests.office.test_sync import edit, run_sync, shared_case
from tests.storage.test_record_integrity import ready_case


class SkewedOffice:
    """The office, whose clock runs `offset` behind the laptop's."""

    def __init__(self, inner, offset: timedelta) -> None:
        self.inner, self.offset = inner, offset

    def clock(self) -> datetime:
        return self.inner.clock() - self.offset

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def test_clock_skew_is_measured_and_told_never_used_to_order(laptops: Laptops, monkeypatch):
    office = laptops.backend(laptops.alice)
    assert abs(link.clock_skew(office)) < 60  # the same machine: about zero
    skew = link.clock_skew(SkewedOffice(office, timedelta(hours=1)))
    assert 3590 < skew < 3610
    assert link.describe_skew(skew).startswith("this laptop's clock is 3,600 s ahead of the office's — set the "
                                               "clock right")
    report = sync(laptops.alice, SkewedOffice(office, timedelta(hours=-1)))
    assert "this laptop's clock is 3,600 s behind the office's" in report.summary()
    office.close()
    # the supervisor's laptop runs two days slow (the store still keeps a case's own times rising)
    import storage.store

    case = ready_case(laptops.alice)
    laptops.alice.submit_case(case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, laptops.sam)
    real_now = storage.store._now
    monkeypatch.setattr(storage.store, "_now", lambda: real_now() - timedelta(days=2))
    laptops.sam.review_case(case.id, ReviewDecision.CONCURRED)
    monkeypatch.setattr(storage.store, "_now", real_now)
    run_sync(laptops, laptops.sam)
    run_sync(laptops, laptops.alice)
    seen = laptops.alice.get_case(case.id)
    history = seen.assessment.history
    assert [e.event for e in history] == ["submitted", "concurred"]
    assert seen.status is CaseStatus.CONCURRED and submitter(seen) == "AM-101"
    assert not decision_state(seen).stale


def test_merged_workflow_steps_keep_the_offices_order_whatever_their_times():
    step = {"actor": "x", "comment": "", "digest": ""}
    submitted = {**step, "at": "2026-05-02T10:00:00+00:00", "event": "submitted"}
    concurred = {**step, "at": "2026-04-01T09:00:00+00:00", "event": "concurred"}  # a slow clock
    reopened = {**step, "at": "2026-01-01T00:00:00+00:00", "event": "reopened"}  # a slower one
    base = {"assessment": {"history": [submitted]}}
    theirs = {"assessment": {"history": [submitted, concurred]}}
    mine = {"assessment": {"history": [submitted, reopened]}}
    assert merge(base, mine, theirs).merged["assessment"]["history"] == [submitted, concurred, reopened]


def test_a_record_signed_by_someone_who_is_not_a_member_is_rejected_by_name(laptops: Laptops, tmp_path):
    eve = CaseStore.create(tmp_path / "eve", PASSPHRASE, Officer("Eve Stone", "ES-9", "Elsewhere"))
    eve_id = link.member_id(eve)
    case = eve.new_case().case
    body = eve.conn.execute("SELECT body FROM cases WHERE id = ?", (case.id,)).fetchone()[0]
    link.refresh(laptops.alice, laptops.backend(laptops.alice))  # Alice holds office key 1
    lk = link.require_link(laptops.alice)
    rec = Record(case.id, 1, 0, eve_id, 1, push_id(lk.office_id, case.id, 0, body), {})
    stolen_key = link.content_keys(laptops.alice)[1]
    envelope = crypto.seal(stolen_key, rec.header(lk.office_id), json.dumps({"body": body}).encode(),
                           eve.profile_signing_key())
    office = laptops.office.make()
    assert office.push(Record(**{**{f: getattr(rec, f) for f in rec.__slots__}, "envelope": envelope})).accepted
    office.close()
    report = sync(laptops.bob, laptops.backend(laptops.bob))
    assert report.rejected == [f"Office record 1 (case {case.id}, office revision 1) is signed by {eve_id}, who is "
                               "not a member of the office; refused."]
    assert not laptops.bob.has_case(case.id)
    eve.close()


def _casefile(store_dir: Path, pw: Path, *args: str) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "casefile"
    return subprocess.Popen([str(exe), "--data-dir", str(store_dir), "--passphrase-file", str(pw), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_laptops_pushing_the_same_case_at_the_same_moment_lose_nothing(laptops: Laptops, tmp_path):
    case_id = shared_case(laptops)
    edit(laptops.alice, case_id, notes="Alice's note")
    edit(laptops.bob, case_id, other_ties="Bob's ties")
    laptops.alice.close()
    laptops.bob.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    for _round in range(2):  # at the same moment (two processes), then again each: both edits everywhere
        both = [_casefile(tmp_path / name, pw, "sync") for name in ("alice", "bob")]
        for p in both:
            _out, err = p.communicate(timeout=120)
            assert p.returncode in (0, 1), err  # 1: not yet in step (the other laptop moved on meanwhile)
    for name in ("alice", "bob"):
        p = _casefile(tmp_path / name, pw, "sync")
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "in step" in out.decode(), err.decode()
    for name in ("alice", "bob"):
        with CaseStore.open(tmp_path / name, PASSPHRASE) as store:
            case = store.get_case(case_id)
            assert (case.notes, case.other_ties) == ("Alice's note", "Bob's ties")
            assert store.sync_conflicts() == []
    office = laptops.office.make()
    revs = sorted(r.office_rev for r in office.pull(0, 100) if r.case_id == case_id)
    office.close()
    assert revs == list(range(1, len(revs) + 1))  # each office revision once: no duplicate, no gap


FOLDER_ONLY = pytest.mark.parametrize("office", ["folder"], indirect=True)
"""A pulled drive is the folder backend's fault (PostgreSQL's lost connection is in test_sync)."""


def three_cases(store: CaseStore) -> list[str]:
    return [edit(store, store.new_case().case.id, notes=f"case {i}").id for i in range(3)]


@FOLDER_ONLY
def test_a_drive_pulled_while_the_log_file_is_written_keeps_nothing_half_written(laptops: Laptops, monkeypatch):
    ids = three_cases(laptops.alice)
    import storage.office.folder as folder

    def pulled(path: Path, data: bytes) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(folder, "atomic_write_bytes", pulled)
    with pytest.raises(OfficeUnreachable, match=r"Cannot write to the office folder .* nothing half-written was "
                       r"kept"):
        sync(laptops.alice, laptops.backend(laptops.alice))
    monkeypatch.undo()
    assert laptops.alice.sync_heads() == {} and FolderOffice(laptops.office.folder).heads() == {}
    report = run_sync(laptops, laptops.alice)
    assert report.in_step and sorted(report_heads(laptops)) == sorted(ids)


def report_heads(laptops: Laptops) -> dict[str, int]:
    return FolderOffice(laptops.office.folder).heads()


@FOLDER_ONLY
def test_a_drive_pulled_between_the_log_file_and_its_index_is_repaired_by_the_next_push(laptops: Laptops,
                                                                                       monkeypatch):
    bobs = edit(laptops.bob, laptops.bob.new_case().case.id, notes="before").id
    run_sync(laptops, laptops.bob)  # the index is there (a missing one is rebuilt from the log files)
    ids = three_cases(laptops.alice)

    def pulled(self, records, first):
        raise OfficeUnreachable("The office folder went away (injected)")

    monkeypatch.setattr(FolderOffice, "_append_index", pulled)
    with pytest.raises(OfficeUnreachable):
        sync(laptops.alice, laptops.backend(laptops.alice))
    monkeypatch.undo()
    assert laptops.alice.sync_heads() == {bobs: 1}
    assert report_heads(laptops) == {bobs: 1}  # written but not indexed: not there yet for anyone
    report = run_sync(laptops, laptops.alice)  # the push indexes the orphan file and finds its own records
    assert report.in_step and report.office_cases == 4
    office = FolderOffice(laptops.office.folder)
    assert sorted(r.case_id for r in office.pull(0, 100)) == sorted([bobs, *ids])  # once each: no duplicate


@FOLDER_ONLY
def test_a_torn_index_line_is_cut_and_rebuilt_from_the_log(laptops: Laptops):
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    index = laptops.office.folder / "log.idx"
    whole = index.read_bytes()
    index.write_bytes(whole[: len(whole) - 10])  # the drive was pulled mid-append
    assert len(FolderOffice(laptops.office.folder).heads()) == 2  # readers trust only whole lines
    more = laptops.bob.new_case().case
    edit(laptops.bob, more.id, notes="after the torn line")
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.office_cases == 4
    assert index.read_bytes().startswith(whole)


@FOLDER_ONLY
def test_a_folder_office_of_format_1_is_converted_on_open(laptops: Laptops):
    ids = three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    root = laptops.office.folder
    office = FolderOffice(root)
    records = office.pull(0, 100)
    (root / "records").mkdir()
    for r in records:  # lay the office out as format 1 wrote it
        (root / "records" / f"{r.seq:012d}-{r.case_id}-{r.office_rev}-{r.push_id}.json").write_text(
            json.dumps(r.to_doc()))
    for p in (root / "log").iterdir():
        p.unlink()
    (root / "log.idx").unlink()
    marker = json.loads((root / "casefile-office.json").read_text())
    (root / "casefile-office.json").write_text(json.dumps({**marker, "format_version": 1}))
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and sorted(laptops.bob.get_case(i).notes for i in ids) == ["case 0", "case 1", "case 2"]
    assert json.loads((root / "casefile-office.json").read_text())["format_version"] == 2


def test_office_status_shows_the_clock(laptops: Laptops, capsys, tmp_path):
    laptops.alice.close()
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "alice"), "--passphrase-file", str(pw), "office",
                         "status")
    assert (code, err) == (0, "")
    assert "clock: this laptop's clock is " in out and "the office's" in out


def test_the_folder_office_s_clock_is_aware_and_the_file_server_s(tmp_path):
    """The skew arithmetic needs both sides aware: the folder's clock is the time its file server stamps, in UTC."""
    folder = tmp_path / "share"
    folder.mkdir()
    before = datetime.now(UTC)
    stamped = FolderOffice(folder).clock()
    assert stamped.tzinfo is not None
    assert abs((stamped - before).total_seconds()) < 60  # this machine's own disk: the same clock
    assert (folder / ".clock").exists()
