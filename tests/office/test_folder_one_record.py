"""Reading one record of the shared folder (a sync's history check, a refused record read again) reads its log
file's line alone — a log file holds a whole push, up to thousands of records — and gives what reading the
whole file gives: the same record, an unreadable line refused the same way, a file shorter than its index
named the same way."""

from __future__ import annotations

import pytest

from storage.office.backend import OfficeError
from storage.office.folder import FolderOffice
from tests.office.conftest import Laptops
from tests.office.test_faults import FOLDER_ONLY
from tests.office.test_malformed_records import _hand_edit
from tests.office.test_sync import run_sync


@FOLDER_ONLY
def test_one_record_read_alone_is_the_record_read_with_its_file(laptops: Laptops):
    alice = laptops.alice
    for _ in range(6):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)  # log files of a push's batches
    assert laptops.office.folder is not None
    _hand_edit(laptops, 3, line=lambda old: b"not a record\n")
    _hand_edit(laptops, 6, line=lambda old: old[:50])  # the file's last line cut short
    whole = FolderOffice(laptops.office.folder).pull(0, 100)
    assert [r.seq for r in whole] == [1, 2, 3, 4, 5, 6]
    for record in whole:
        alone = FolderOffice(laptops.office.folder).pull(record.seq - 1, 1)  # a new instance: nothing read yet
        assert alone == [record]
        assert (alone[0].unreadable() is None) == (record.seq not in (3, 6))
    log = next(p for p in (laptops.office.folder / "log").glob("*.jsonl")
               if int(p.stem.split("-")[0]) <= 5 <= int(p.stem.split("-")[1]))  # the file holding record 5
    first = int(log.stem.split("-")[0])
    log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:5 - first]))  # ends before it
    for read in (lambda: FolderOffice(laptops.office.folder).pull(4, 1),
                 lambda: FolderOffice(laptops.office.folder).pull(4, 100)):
        with pytest.raises(OfficeError, match=r"log file for record 5 is shorter than its index"):
            read()
