"""Print records: what each printed memo's rendering used is kept in the store, once per print."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.policy import PolicyLibrary
from desktop.cli_memo import record_memo
from printing.fonts import font_hashes
from printing.memo import RENDERER, MemoSettings, SealRequest, render_memo
from storage import memo_prints
from tests.casework.test_checks import complete_case


@pytest.fixture
def printed(store):
    """A stored case and its sealed memo, rendered with non-default settings on A4."""
    (result,) = store.import_cases([replace(complete_case(), id="", case_number="")])
    case, digest = memo_prints.sealed_revision(store, result.case.id)
    settings = MemoSettings(agency="Agency X", office="Office Y", handling="HANDLE WITH CARE", memo_for="Director Z",
                            through="Supervisor W", paper="a4")
    memo = render_memo(case, PolicyLibrary.bundled().latest(), settings,
                       SealRequest(digest, memo_prints.ProfileSigner(store), case.id))
    return case, memo


def test_a_print_record_keeps_everything_the_rendering_used(store, printed):
    case, memo = printed
    record_memo(store, memo, "saved as memo.pdf")
    (record,) = memo_prints.prints_of(store, case.id)
    assert record.print_id == memo.print_id and record.spec_ok
    assert (record.case_id, record.case_number, record.revision) == (case.id, case.case_number, case.revision)
    assert record.key_id == store.signing_key_id() and record.app_version
    row = store.conn.execute(
        "SELECT agency, office, handling, memo_for, through, paper, memo_date, policy_id, policy_version, "
        "policy_sha256, font_hashes, renderer, page_count, recipient_profile FROM memo_prints").fetchone()
    policy = PolicyLibrary.bundled().latest()
    assert row[:6] == ("Agency X", "Office Y", "HANDLE WITH CARE", "Director Z", "Supervisor W", "a4")
    assert row[7:10] == (policy.id, policy.version, policy.sha256)
    assert __import__("json").loads(row[10]) == font_hashes() and row[11] == RENDERER
    assert row[12] == memo.seal.page_count == len(record.pages) and row[13] == ""
    assert all(set(p) == {"contents", "fonts", "drawings", "page"} for p in record.pages)
    assert [p["contents"] for p in record.pages] == list(memo.page_digests)


def test_printing_the_same_memo_twice_keeps_one_record_and_two_trail_entries(store, printed):
    case, memo = printed
    record_memo(store, memo, "saved as a.pdf")
    record_memo(store, memo, "printed on office-printer")
    assert len(memo_prints.prints_of(store, case.id)) == 1
    details = [e.detail for e in store.audit_entries(case.id) if e.action == "memo_printed"]
    assert len(details) == 2 and all(memo.print_id in d for d in details)
    assert store.verify_audit().ok


def test_a_record_whose_spec_was_edited_is_noticed(store, printed):
    _case, memo = printed
    record_memo(store, memo, "saved as memo.pdf")
    store.conn.execute("UPDATE memo_prints SET spec = replace(spec, 'Agency X', 'Agency Q')")
    assert not memo_prints.get_print(store, memo.print_id).spec_ok


def test_an_older_revision_is_read_as_it_was_stored(store, printed):
    case, _memo = printed
    _, printed_digest = memo_prints.sealed_revision(store, case.id)
    store.update_case(replace(store.get_case(case.id), notes="later"))
    store.close_revision(case.id)
    old, digest = memo_prints.stored_revision(store, case.id, case.revision)
    assert (old.notes, old.revision, digest) == (case.notes, case.revision, printed_digest)
    assert memo_prints.sealed_revision(store, case.id)[0].notes == "later"
    assert memo_prints.stored_revision(store, case.id, 99) is None
