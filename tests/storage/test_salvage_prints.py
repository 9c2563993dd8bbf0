"""Salvage carries the memo print records across: a printed draft stays undeletable and an old memo still
verifies page by page against what it was printed with."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.model import CaseStatus
from casework.policy import PolicyLibrary
from desktop.cli_memo import check_memo_file, record_memo
from printing.memo import MemoSettings, SealRequest, render_memo
from printing.verify import read_memo
from storage import memo_prints
from storage.errors import ReadOnlyCase
from storage.salvage import salvage
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import PASSPHRASE


def test_salvage_keeps_print_records(store, tmp_path):
    (result,) = store.import_cases([replace(complete_case(), id="", case_number="")])
    case, digest = memo_prints.sealed_revision(store, result.case.id)
    assert case.status is CaseStatus.DRAFT
    memo = render_memo(case, PolicyLibrary.bundled().latest(), MemoSettings(paper="a4"),
                       SealRequest(digest, memo_prints.ProfileSigner(store), case.id))
    record_memo(store, memo, "saved as memo.pdf")
    report = salvage(store, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == ()
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        record = memo_prints.get_print(rescued, memo.print_id)
        assert record is not None and record.spec_ok and record.case_id == case.id
        with pytest.raises(ReadOnlyCase, match=r"memo .* was printed"):
            rescued.delete_case(case.id, revision=rescued.get_case(case.id).revision)
        check = check_memo_file(rescued, read_memo(memo.pdf))
        assert check.status == "match"
        assert "pages is as printed" in check.message and "keeps no record" not in check.message
        (entry,) = [e for e in rescued.audit_entries() if e.action == "store_salvaged"]
        assert "1 print records" in entry.detail


def test_salvage_keeps_the_attachments_the_cases_cite(store, tmp_path):
    from tests import attachment_files as files

    case = store.new_case().case
    data = files.jpeg("salvage")
    (item,) = store.add_attachment(case.id, data, "passport.jpg").case.attachments
    store.add_attachment(store.new_case().case.id, files.jpeg("other"), "other.jpg")
    report = salvage(store, tmp_path / "salvaged", PASSPHRASE)
    assert report.unreadable == ()
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as rescued:
        assert rescued.get_blob(item.sha256) == data
        assert rescued.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 2
        (entry,) = [e for e in rescued.audit_entries() if e.action == "store_salvaged"]
        assert "2 attachments" in entry.detail
