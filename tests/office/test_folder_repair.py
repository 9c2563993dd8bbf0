"""The office folder repairs what a pulled drive or a hand edit leaves, losing nothing: an unfinished push's log
file is set aside (renamed, never deleted) and pushed again by its laptop; a damaged, missing or empty log.idx is
rebuilt from the log files (the damaged one kept aside). What cannot be repaired — a log file that is itself
damaged, log files missing — is refused with a message that names the file and says what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.office.backend import OfficeError, OfficeUnreachable
from storage.office.folder import FolderOffice
from storage.store import CaseStore
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_faults import FOLDER_ONLY, three_cases
from tests.office.test_sync import edit, run_sync

HOSTILE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "testdata")


def log_names(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "log").iterdir() if not p.name.startswith("."))


def aside(root: Path) -> list[str]:
    folder = root / "set-aside"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def new_cases(store: CaseStore, n: int, note: str = "case") -> list[str]:
    return [edit(store, store.new_case().case.id, notes=f"{note} {i}").id for i in range(n)]


@FOLDER_ONLY
def test_a_partial_unindexed_log_file_is_set_aside_and_the_push_goes_on(laptops: Laptops):
    root = laptops.office.folder
    first = three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    stray = root / "log" / "000000000004-000000000004.jsonl"
    stray.write_bytes(b'{"case_id": "x", "enve')  # a drive pulled between a log file and its index line
    ids = new_cases(laptops.bob, 2, "bob")
    report = run_sync(laptops, laptops.bob)
    assert report.pushed == 2 and report.in_step and report.office_cases == 5
    assert json.loads(stray.read_bytes().splitlines()[0])["case_id"] in ids  # the name now holds Bob's first batch
    [kept] = aside(root)
    assert kept.startswith("000000000004-000000000004.jsonl.unfinished-")
    assert (root / "set-aside" / kept).read_bytes() == b'{"case_id": "x", "enve'  # renamed, never deleted
    assert set(FolderOffice(root).heads()) == set(first) | set(ids)
    assert run_sync(laptops, laptops.alice).in_step


@FOLDER_ONLY
def test_an_unfinished_push_set_aside_is_pushed_again_by_its_laptop(laptops: Laptops, monkeypatch):
    root = laptops.office.folder
    ids = three_cases(laptops.alice)

    def pulled(self, records, first):
        # the log file reached the drive cut short and its index line never did
        path = root / "log" / f"{first:012d}-{records[-1].seq:012d}.jsonl"
        path.write_bytes(path.read_bytes()[:-40])
        raise OfficeUnreachable("The office folder went away (injected)")

    monkeypatch.setattr(FolderOffice, "_append_index", pulled)
    with pytest.raises(OfficeUnreachable):
        sync(laptops.alice, laptops.backend(laptops.alice))
    monkeypatch.undo()
    new_cases(laptops.bob, 1, "bob")
    assert run_sync(laptops, laptops.bob).pushed == 1  # not blocked by Alice's unfinished file
    assert len(aside(root)) == 1
    report = run_sync(laptops, laptops.alice)  # Alice's records go up again
    assert report.in_step and report.office_cases == 4
    assert set(ids) <= set(FolderOffice(root).heads())
    assert run_sync(laptops, laptops.bob).in_step


@FOLDER_ONLY
def test_a_log_file_that_duplicates_indexed_records_is_set_aside(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    assert log_names(root) == ["000000000001-000000000001.jsonl", "000000000002-000000000003.jsonl"]
    copy = root / "log" / "000000000002-000000000002.jsonl"  # a second file over record 2 (a copy, a merge)
    copy.write_bytes((root / "log" / "000000000002-000000000003.jsonl").read_bytes().splitlines(keepends=True)[0])
    new_cases(laptops.bob, 1)
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.office_cases == 4 and not copy.exists()
    assert [n.split(".jsonl.")[0] for n in aside(root)] == ["000000000002-000000000002"]
    assert run_sync(laptops, laptops.alice).in_step


@FOLDER_ONLY
def test_a_garbage_line_in_the_index_is_rebuilt_from_the_log_and_kept_aside(laptops: Laptops, caplog):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    index = root / "log.idx"
    good = index.read_bytes()
    garbage = good + "garbage ✓ line\n".encode()
    index.write_bytes(garbage)
    assert run_sync(laptops, laptops.bob).in_step  # a reader: nothing to push, the index is rebuilt first
    assert index.read_bytes() == good
    [kept] = aside(root)
    assert kept.startswith("log.idx.damaged-") and (root / "set-aside" / kept).read_bytes() == garbage
    assert "log.idx" in caplog.text and "rebuilt" in caplog.text
    new_cases(laptops.alice, 1)
    assert run_sync(laptops, laptops.alice).in_step and run_sync(laptops, laptops.bob).office_cases == 4


@FOLDER_ONLY
def test_a_damaged_index_seen_by_a_pusher_is_rebuilt_too(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    index = root / "log.idx"
    lines = index.read_bytes().splitlines(keepends=True)
    index.write_bytes(lines[0] + b"7 case 1 push 7\n" + b"".join(lines[1:]))  # a line out of order
    new_cases(laptops.bob, 1)
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.office_cases == 4 and len(aside(root)) == 1


@FOLDER_ONLY
@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_missing_or_empty_index_is_rebuilt_so_heads_and_digests_are_right(laptops: Laptops, how: str):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    before = FolderOffice(root).heads_summary()
    index = root / "log.idx"
    if how == "deleted":
        index.unlink()
    else:
        index.write_bytes(b"")
    report = run_sync(laptops, laptops.alice)  # nothing to push
    assert report.in_step and (report.office_cases, report.office_digest) == before
    assert FolderOffice(root).heads_summary() == before and aside(root) == []
    assert run_sync(laptops, laptops.bob).in_step and laptops.bob.sync_heads() == FolderOffice(root).heads()


@FOLDER_ONLY
def test_an_instance_that_read_the_index_before_a_rebuild_reads_it_again(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    reader = FolderOffice(root)
    before = reader.heads_summary()
    index = root / "log.idx"
    index.write_bytes(index.read_bytes() + b"not an index line\n")
    FolderOffice(root).heads()  # another laptop rebuilds it
    new_cases(laptops.bob, 1)
    run_sync(laptops, laptops.bob)
    assert reader.heads_summary()[0] == before[0] + 1


@FOLDER_ONLY
def test_an_index_ahead_of_the_log_files_is_refused_naming_what_is_missing(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    new_cases(laptops.alice, 2)
    run_sync(laptops, laptops.alice)
    last = log_names(root)[-1]
    (root / "log" / last).rename(root / last)  # a folder copied in part
    moved = (root / last).read_bytes()
    with pytest.raises(OfficeError, match=rf"log\.idx .*lists records up to 5, but the log file {last} .*missing"):
        FolderOffice(root).heads()
    new_cases(laptops.bob, 1)
    with pytest.raises(OfficeError, match=rf"{last} .*missing"):
        sync(laptops.bob, laptops.backend(laptops.bob))
    assert (root / last).read_bytes() == moved and not (root / "log" / last).exists()  # untouched


@FOLDER_ONLY
def test_a_gap_in_the_log_files_is_refused_when_the_index_is_rebuilt(laptops: Laptops):
    root = laptops.office.folder
    for _ in range(3):
        new_cases(laptops.alice, 1)
        run_sync(laptops, laptops.alice)
    middle = log_names(root)[1]
    (root / "log" / middle).rename(root / middle)
    (root / "log.idx").write_bytes(b"")
    with pytest.raises(OfficeError, match=r"jumps from record 1 to 3"):
        FolderOffice(root).heads()
    assert (root / "log.idx").read_bytes() == b""  # nothing rebuilt over what is missing


@FOLDER_ONLY
def test_office_folder_gone_before_anything_moved_claims_nothing(laptops: Laptops, tmp_path: Path):
    new_cases(laptops.alice, 1)
    assert laptops.office.folder is not None
    laptops.office.folder.rename(tmp_path / "moved")
    with pytest.raises(OfficeUnreachable, match=r"moved or renamed") as caught:
        sync(laptops.alice, laptops.backend(laptops.alice))
    assert "sent" not in str(caught.value)


def hostile_texts() -> list[str]:
    doc = json.loads((HOSTILE / "hostile-text.json").read_text(encoding="utf-8"))
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return out


@FOLDER_ONLY
def test_hostile_text_in_the_log_folder_and_index_is_set_aside(laptops: Laptops):
    root = laptops.office.folder
    texts = hostile_texts()
    assert texts
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    text = "\n".join(texts).encode("utf-8", "surrogatepass")
    (root / "log" / "000000000004-000000000004.jsonl").write_bytes(text + b"\n")  # a stray, unindexed
    (root / "log" / "notes.jsonl").write_bytes(text)  # not a log file's name: left alone
    index = root / "log.idx"
    index.write_bytes(index.read_bytes() + text.replace(b"\n", b" ") + b"\n")
    new_cases(laptops.bob, 1)
    report = run_sync(laptops, laptops.bob)
    assert report.in_step and report.office_cases == 4
    assert sorted(n.split(".")[0] for n in aside(root)) == ["000000000004-000000000004", "log"]
    assert (root / "log" / "notes.jsonl").read_bytes() == text


@FOLDER_ONLY
def test_an_index_line_routed_to_another_file_is_damage_and_rebuilt(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    index = root / "log.idx"
    good = index.read_bytes()
    index.write_bytes(good + b"4 somecase 1 somepush 1\n")  # well formed, but file 1 was followed by file 2
    assert FolderOffice(root).heads_summary()[0] == 3
    assert index.read_bytes() == good and [n.split("-")[0] for n in aside(root)] == ["log.idx.damaged"]


@FOLDER_ONLY
def test_a_partial_stray_after_a_gap_is_set_aside_and_the_push_goes_on(laptops: Laptops):
    root = laptops.office.folder
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    (root / "log" / "000000000610-000000000610.jsonl").write_bytes(b'{"seq": 610, "case')
    new_cases(laptops.bob, 1)
    report = run_sync(laptops, laptops.bob)
    assert report.pushed == 1 and report.in_step and report.office_cases == 4
    assert [n.split(".jsonl.")[0] for n in aside(root)] == ["000000000610-000000000610"]


@FOLDER_ONLY
def test_the_folder_renamed_mid_sync_claims_nothing_about_what_changed(laptops: Laptops, tmp_path: Path):
    """QA: the folder renamed after the push went in — the message must not say nothing was changed."""
    ids = new_cases(laptops.alice, 2)
    backend = laptops.backend(laptops.alice)
    real = backend.heads_summary
    folder = laptops.office.folder

    def renamed() -> tuple[int, str]:
        folder.rename(tmp_path / "moved")
        return real()

    backend.heads_summary = renamed  # type: ignore[method-assign]
    with pytest.raises(OfficeUnreachable, match=r"is not there \(.*moved or renamed\?\); sync again when it is "
                       r"back\.$") as caught:
        sync(laptops.alice, backend)
    assert "othing was changed" not in str(caught.value)
    assert laptops.alice.sync_outgoing() == []  # what went up is marked so here
    (tmp_path / "moved").rename(folder)
    assert set(ids) <= set(FolderOffice(folder).heads())
    assert run_sync(laptops, laptops.alice).in_step
