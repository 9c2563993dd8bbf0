"""A line in the office folder's log that is not a record — edited by hand, or the last line of a log file cut
short by a drive pulled mid-write — is handled like any malformed record: a damaged log.idx is rebuilt past it
(the line indexed in its place, named in casefile.log), every laptop refuses it by name at each sync and takes in
the records around it, and pushes carry on after it. Records missing from a log file are still refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.i18n import message_of
from desktop.cli_i18n import Catalogue
from storage.office.backend import OfficeError
from storage.office.folder import FolderOffice
from storage.store import CaseStore
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_faults import FOLDER_ONLY, three_cases
from tests.office.test_folder_repair import aside, hostile_texts, log_names, new_cases
from tests.office.test_malformed_records import _refusals
from tests.office.test_sync import run_sync

NOT_JSON = "Office record 2 is not a readable office record (it is not readable JSON); refused."
CUT_SHORT = ("Office record 6 is not a readable office record (it is cut short: its log file "
             "000000000005-000000000006.jsonl ends inside it); refused.")


def _six_records(laptops: Laptops) -> list[str]:
    """Alice's six cases, in four log files (1, 2-3, 4, 5-6): the case id of each record, by seq - 1."""
    assert laptops.office.folder is not None
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    new_cases(laptops.alice, 3, "later")
    run_sync(laptops, laptops.alice)
    assert log_names(laptops.office.folder) == ["000000000001-000000000001.jsonl", "000000000002-000000000003.jsonl",
                                                "000000000004-000000000004.jsonl", "000000000005-000000000006.jsonl"]
    office = FolderOffice(laptops.office.folder)
    return [r.case_id for r in office.pull(0, 10)]


def _garbage_at_2_and_record_6_cut_short(root: Path) -> bytes:
    """Record 2's line written over by hand with hostile text (a carriage return, bidi controls, NULs — no
    newline), and the last log file cut off in the middle of record 6, as a pulled drive leaves it."""
    middle = root / "log" / "000000000002-000000000003.jsonl"
    lines = middle.read_bytes().split(b"\n")
    garbage = " \r ".join(hostile_texts()).replace("\n", " ").encode("utf-8", "surrogatepass")
    middle.write_bytes(b"\n".join([garbage, *lines[1:]]))
    last = root / "log" / "000000000005-000000000006.jsonl"
    data = last.read_bytes()
    last.write_bytes(data[:len(data) - 60])
    return garbage


def _cases(store: CaseStore) -> set[str]:
    return {c.id for c in store.list_cases()}


@FOLDER_ONLY
@pytest.mark.parametrize("damage", ["garbage appended", "garbage only", "deleted"])
def test_a_line_that_is_not_a_record_does_not_stop_the_rebuild_of_a_damaged_index(laptops: Laptops, damage: str,
                                                                                caplog):
    root = laptops.office.folder
    assert root is not None
    ids = _six_records(laptops)
    index = root / "log.idx"
    good_index = index.read_bytes()
    _garbage_at_2_and_record_6_cut_short(root)
    if damage == "garbage appended":
        index.write_bytes(good_index + "not ✓ an index line\n".encode())
    elif damage == "garbage only":
        index.write_bytes(b"\x00garbage\r\nmore garbage\n")
    else:
        index.unlink()
    bob = laptops.bob
    report = sync(bob, laptops.backend(bob))
    assert report.rejected == [NOT_JSON, CUT_SHORT]
    assert Catalogue("es").text(report.rejected[1]) == (
        "El registro de la oficina 6 no es un registro de la oficina legible (está cortado: su archivo de bitácora "
        "000000000005-000000000006.jsonl termina dentro de él); rechazado.")
    assert [bob.has_case(i) for i in ids] == [True, False, True, True, True, False]  # the records around them came in
    assert "record 2 in 000000000002-000000000003.jsonl (it is not readable JSON) is not an office record" \
        in caplog.text
    assert "record 6 in 000000000005-000000000006.jsonl (it is cut short" in caplog.text
    if damage == "deleted":
        assert aside(root) == []
    else:
        [kept] = aside(root)
        assert kept.startswith("log.idx.damaged-")
    rebuilt = index.read_bytes()
    assert len(rebuilt.splitlines()) == 6
    office = FolderOffice(root)
    if damage == "garbage appended":  # routed as the old index had them: heads and the digest stay right
        assert rebuilt == good_index and office.heads_summary()[0] == 6
    else:  # nothing says what the two lines were: they move no case's head
        assert office.heads() == {ids[i]: 1 for i in (0, 2, 3, 4)}
    # a second sync: the same two named again (recorded once), nothing taken in twice, nothing lost
    again = sync(bob, laptops.backend(bob))
    assert again.rejected == [NOT_JSON, CUT_SHORT] and again.pulled == 0
    assert _refusals(bob) == [NOT_JSON, CUT_SHORT]
    assert _cases(bob) == {ids[i] for i in (0, 2, 3, 4)} and index.read_bytes() == rebuilt  # not rebuilt again
    assert [r.seq for r in FolderOffice(root).pull(0, 10)] == [1, 2, 3, 4, 5, 6]
    # pushes carry on after them, from record 7
    later = new_cases(bob, 1, "bob's")
    pushed = sync(bob, laptops.backend(bob))
    assert pushed.pushed == 1 and pushed.rejected == [NOT_JSON, CUT_SHORT]
    assert log_names(root)[-1] == "000000000007-000000000007.jsonl"
    alice = sync(laptops.alice, laptops.backend(laptops.alice))
    assert alice.rejected == [] and laptops.alice.has_case(later[0])
    assert alice.in_step is (damage == "garbage appended")  # else the office lost what records 2 and 6 were


@FOLDER_ONLY
def test_a_log_file_cut_short_in_its_last_line_blocks_neither_pulls_nor_pushes(laptops: Laptops):
    """The index intact: a pull reads the file's whole records and refuses the cut one by name; a torn index line
    after it is cut off and the next push goes in after the file."""
    root = laptops.office.folder
    assert root is not None
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    ids = [r.case_id for r in FolderOffice(root).pull(0, 10)]
    seg = root / "log" / "000000000002-000000000003.jsonl"
    seg.write_bytes(seg.read_bytes()[:-30])  # indexed, then damaged: the drive pulled before it reached the disk
    index = root / "log.idx"
    index.write_bytes(index.read_bytes() + b"4 abc")  # and a torn index line of a push that never finished
    new_cases(laptops.bob, 1, "bob's")
    report = sync(laptops.bob, laptops.backend(laptops.bob))
    cut = ("Office record 3 is not a readable office record (it is cut short: its log file "
           "000000000002-000000000003.jsonl ends inside it); refused.")
    assert report.pushed == 1 and report.rejected == [cut]
    assert [laptops.bob.has_case(i) for i in ids] == [True, True, False]
    assert log_names(root)[-1] == "000000000004-000000000004.jsonl" and aside(root) == []
    assert run_sync(laptops, laptops.alice).in_step  # Alice pushed record 3: her copy is the office's head


@FOLDER_ONLY
@pytest.mark.parametrize("index", ["kept", "deleted"])
def test_records_missing_from_a_log_file_are_still_refused_by_name(laptops: Laptops, index: str):
    """Not a line that is no record but records that are not there (the file cut at a line's end): what they were
    cannot be told, so nothing is rebuilt over them; the file is named, and a backup asked for."""
    root = laptops.office.folder
    assert root is not None
    three_cases(laptops.alice)
    run_sync(laptops, laptops.alice)
    seg = root / "log" / "000000000002-000000000003.jsonl"
    seg.write_bytes(seg.read_bytes().split(b"\n")[0] + b"\n")
    if index == "deleted":
        (root / "log.idx").unlink()
        with pytest.raises(OfficeError, match=r"000000000002-000000000003\.jsonl in the office folder holds 1 "
                                              r"records where its name says 2.*backup") as refused:
            FolderOffice(root).heads()
        assert not (root / "log.idx").exists()
    else:
        with pytest.raises(OfficeError, match=r"log file for record 3 is shorter than its index.*backup") as refused:
            sync(laptops.bob, laptops.backend(laptops.bob))
    assert "Traceback" not in message_of(refused.value)
    assert json.loads(seg.read_bytes())["seq"] == 2  # left as it was
