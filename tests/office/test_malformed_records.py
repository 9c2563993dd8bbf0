"""Malformed office records (both backends): the office never stores one, and one already there (a row or log line
edited by hand) is refused by name without stopping anyone's sync.

Routing travels in the clear and ends up in index lines, file names and integer columns: a record whose case,
member or push id is not a plain id, or whose numbers are not whole numbers, cannot be kept or read as a record.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest

from casework.i18n import message_of
from desktop.cli_i18n import Catalogue
from storage.office import link
from storage.office.backend import Record, RecordRejected
from storage.store import CaseStore
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_faults import FOLDER_ONLY
from tests.office.test_sync import edit, run_sync
from tests.office.test_sync_integrity import _damage_newest_record


def _with(record: Record, **fields: object) -> Record:
    """`record` with `fields` set past the constructor's checks: what a buggy or hostile client could hand over."""
    odd = replace(record)
    for name, value in fields.items():
        object.__setattr__(odd, name, value)
    return odd


MALFORMED = [
    ({"case_id": "evil case\n1 x"}, r"its case id 'evil case\\n1 x' is not a plain id"),
    ({"push_id": "../../log.idx"}, r"its push id '\.\./\.\./log\.idx' is not a plain id"),
    ({"key_version": "1"}, r"its key_version '1' is not a whole number the office can keep"),
    ({"office_rev": 2**40, "base_rev": 2**40 - 1}, r"its office_rev 1099511627776 is not a whole number"),
    ({"envelope": ["not", "an", "envelope"]}, r"it holds no sealed envelope"),
]


def test_the_office_refuses_to_store_a_malformed_record_and_writes_nothing(laptops: Laptops):
    alice, bob = laptops.alice, laptops.bob
    run_sync(laptops, alice)
    member = link.require_link(alice).member_id
    good = Record("case-1", 1, 0, member, 1, "a" * 32, {"nonce": "", "ciphertext": "", "signature": ""})
    office = laptops.backend(alice)
    try:
        for fields, problem in MALFORMED:
            bad = _with(good, **fields)
            with pytest.raises(RecordRejected, match=rf"The office refused a push: a record for case .* is not an "
                                                     rf"office record \({problem}.*\); nothing was written\."):
                office.push(bad)
            with pytest.raises(RecordRejected, match=problem):  # a batch with one malformed record: none of it
                office.push_many([replace(good, case_id="case-2", push_id="b" * 32), bad])
            assert office.pull(0, 10) == [] and office.heads() == {} and office.heads_summary()[0] == 0
        with pytest.raises(RecordRejected) as refused:
            office.push(_with(good, case_id="evil case"))
        assert Catalogue("es").text(message_of(refused.value)) == (
            "La oficina rechazó un envío: un registro del caso 'evil case' no es un registro de la oficina (su "
            "identificador del caso 'evil case' no es un identificador simple); no se escribió nada.")
    finally:
        office.close()
    case = alice.new_case().case  # and the office works on: nothing half-written is in anyone's way
    alice.close_revision(case.id)
    assert run_sync(laptops, alice).pushed == 1
    assert run_sync(laptops, bob).in_step and bob.has_case(case.id)


def _hand_edit(laptops: Laptops, seq: int, line: Callable[[bytes], bytes] | None = None, **columns: object
               ) -> Callable[[], None]:
    """Change record `seq` where the office keeps it, as a person editing it by hand would: its PostgreSQL row's
    `columns`, or its line in the folder's log (`line` rewrites the line's bytes; else `columns` in its JSON).
    Returns a function that puts the record back as it was."""
    if laptops.office.kind == "postgres":
        import psycopg
        from psycopg import sql

        from tests.office.conftest import PG_DSN

        table = sql.Identifier(laptops.office.schema, "records")
        names = [sql.Identifier(name) for name in columns]
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            before = conn.execute(sql.SQL("SELECT {} FROM {} WHERE seq = %s").format(
                sql.SQL(", ").join(names), table), (seq,)).fetchone()
            conn.execute(sql.SQL("UPDATE {} SET {} WHERE seq = %s").format(table, sql.SQL(", ").join(
                sql.SQL("{} = %s").format(n) for n in names)), (*columns.values(), seq))

        def put_back() -> None:
            with psycopg.connect(PG_DSN, autocommit=True) as conn:
                conn.execute(sql.SQL("UPDATE {} SET {} WHERE seq = %s").format(table, sql.SQL(", ").join(
                    sql.SQL("{} = %s").format(n) for n in names)), (*before, seq))
        return put_back
    assert laptops.office.folder is not None
    path, first = next((p, int(p.name[:12])) for p in sorted((laptops.office.folder / "log").glob("*.jsonl"))
                       if int(p.name[:12]) <= seq <= int(p.name[13:25]))
    original = path.read_bytes()
    lines = original.splitlines(keepends=True)
    old = lines[seq - first]
    if line is None:
        doc = json.loads(old)
        doc.update(columns)
        lines[seq - first] = (json.dumps(doc, sort_keys=True) + "\n").encode()
    else:
        lines[seq - first] = line(old)
    path.write_bytes(b"".join(lines))
    return lambda: path.write_bytes(original)


def _three_cases(laptops: Laptops) -> list[str]:
    """Alice's three new cases, pushed in one sync: office records 1, 2 and 3 (their ids in that order)."""
    for _ in range(3):
        case = laptops.alice.new_case().case
        laptops.alice.close_revision(case.id)
    assert run_sync(laptops, laptops.alice).pushed == 3
    office = laptops.backend(laptops.alice)
    try:
        return [r.case_id for r in office.pull(0, 10)]
    finally:
        office.close()


def _refusals(store: CaseStore) -> list[str]:
    return [e.detail for e in store.audit_entries() if e.action == "sync_rejected"]


NOT_A_PLAIN_CASE_ID = ("Office record 2 is not a readable office record (its case id 'evil case' is not a plain id); "
                       "refused.")


def test_a_record_edited_by_hand_at_the_office_is_refused_by_name_and_the_rest_are_taken_in(laptops: Laptops):
    """A row (PostgreSQL) or log line (folder) whose case id someone changed by hand: every laptop's pull used to
    stop at it for good. It is refused by name, in the report and the audit log, and every good record around it
    — and after it, in a later sync — is taken in."""
    alice, bob = laptops.alice, laptops.bob
    ids = _three_cases(laptops)
    _hand_edit(laptops, 2, case_id="evil case")
    from storage.sync_preview import preview

    seen = preview(bob, laptops.backend(bob))  # what a sync would do: the same refusal, the others coming down
    assert seen.refused == [NOT_A_PLAIN_CASE_ID] and sorted(c.case_id for c in seen.down) == sorted([ids[0], ids[2]])
    report = sync(bob, laptops.backend(bob))
    assert report.rejected == [NOT_A_PLAIN_CASE_ID]
    assert Catalogue("es").text(report.rejected[0]) == (
        "El registro de la oficina 2 no es un registro de la oficina legible (su identificador del caso 'evil case' "
        "no es un identificador simple); rechazado.")
    assert [bob.has_case(i) for i in ids] == [True, False, True]
    assert not report.in_step and "rejected 1" in report.summary()
    assert _refusals(bob) == [NOT_A_PLAIN_CASE_ID]
    later = alice.new_case().case
    alice.close_revision(later.id)
    run_sync(laptops, alice)
    assert sync(bob, laptops.backend(bob)).rejected == [NOT_A_PLAIN_CASE_ID]
    assert bob.has_case(later.id)


@FOLDER_ONLY
@pytest.mark.parametrize(("edit", "problem"), [
    ({"office_rev": "two"}, "its office_rev 'two' is not a whole number the office can keep"),
    ({"push_id": "a b"}, "its push id 'a b' is not a plain id"),
    ({"line": lambda old: old[:40] + b"\n"}, "it is not readable JSON"),
    ({"line": lambda old: b"[1, 2, 3]\n"}, "it is not a record"),
])
def test_a_log_line_that_is_not_a_record_is_refused_by_name_and_the_rest_are_taken_in(laptops: Laptops, edit,
                                                                                       problem):
    """The folder's log line of record 2 edited by hand (a word for a number, a space in an id, a line cut in the
    middle of the file, something that is not a record at all): the file's other records are still read."""
    bob = laptops.bob
    ids = _three_cases(laptops)
    _hand_edit(laptops, 2, **edit)
    report = sync(bob, laptops.backend(bob))
    assert report.rejected == [f"Office record 2 is not a readable office record ({problem}); refused."]
    assert [bob.has_case(i) for i in ids] == [True, False, True]


def test_a_record_that_stays_unreadable_is_named_at_every_sync_but_recorded_once(laptops: Laptops):
    """Read again at each sync (it may be put right at the office, and must not drop out of sight while it is
    not), named in each report, but written to the audit log once — not once per sync, or per pull. Put right,
    it is taken in and the laptop is in step."""
    bob = laptops.bob
    ids = _three_cases(laptops)
    put_back = _hand_edit(laptops, 2, case_id="evil case")
    for _ in range(3):
        report = sync(bob, laptops.backend(bob))
        assert report.rejected == [NOT_A_PLAIN_CASE_ID] and not report.in_step
    assert _refusals(bob) == [NOT_A_PLAIN_CASE_ID]
    put_back()
    report = run_sync(laptops, bob)
    assert report.in_step and bob.has_case(ids[1])
    assert _refusals(bob) == [NOT_A_PLAIN_CASE_ID]  # what happened stays recorded


def test_a_refused_record_is_read_again_alone_not_with_every_record_after_it(laptops: Laptops):
    """A refused record used to set the cursor back to just before it, so every later sync read every record
    after it again (and, for a large office, started the opening processes) for as long as it stayed refused —
    for good, for a log line that is not a record. Now the later syncs read that record alone, still name it,
    see it preview-listed as refused, and take it in once it reads."""
    from storage.sync_preview import preview

    alice, bob = laptops.alice, laptops.bob
    ids = _three_cases(laptops)
    for _ in range(5):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)  # records 4 to 8, after the one that will be refused
    put_back = _hand_edit(laptops, 2, case_id="evil case")
    assert sync(bob, laptops.backend(bob)).rejected == [NOT_A_PLAIN_CASE_ID]
    assert bob.count_cases() == 7
    office = laptops.backend(bob)
    asked: list[tuple[int, int]] = []
    real_pull = office.pull

    def counted(cursor: int, limit: int) -> list[Record]:
        found = real_pull(cursor, limit)
        asked.extend((cursor, r.seq) for r in found)
        return found

    office.pull = counted  # type: ignore[method-assign]
    try:
        for _ in range(2):
            report = sync(bob, office)
            assert report.rejected == [NOT_A_PLAIN_CASE_ID] and not report.in_step
            # the record the cursor stands on (storage.sync.check_office_history), then record 2 alone: not 3 to 8
            assert [seq for _cursor, seq in asked] == [8, 2], asked
            asked.clear()
        assert preview(bob, office).refused == [NOT_A_PLAIN_CASE_ID]
    finally:
        office.close()
    assert _refusals(bob) == [NOT_A_PLAIN_CASE_ID]
    put_back()
    report = run_sync(laptops, bob)
    assert report.in_step and bob.has_case(ids[1]) and bob.count_cases() == 8
    assert bob.sync_refused() == []


def test_a_record_whose_routing_was_edited_to_another_case_is_kept_until_it_reads(laptops: Laptops):
    """A record whose case id was edited by hand to another case's, one this laptop holds at that revision: its
    signature no longer holds, so nothing in its routing is verified, and it must not be forgotten as passed by
    that other case (its real case was left a revision behind for good). It is read again until the office puts
    the row right, then taken in."""
    alice, bob = laptops.alice, laptops.bob
    x, y = alice.new_case().case, alice.new_case().case
    for case in (x, y):
        alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    edit(alice, x.id, notes="x second words")
    edit(alice, y.id, notes="y second words")
    run_sync(laptops, alice)
    office = laptops.backend(alice)
    try:
        seq = next(r.seq for r in office.pull(0, 100) if r.case_id == x.id and r.office_rev == 2)
    finally:
        office.close()
    pg = laptops.office.kind == "postgres"  # (Y, 1) and (Y, 2) are taken there: UNIQUE (case_id, office_rev)
    put_back = _hand_edit(laptops, seq, case_id=y.id, **({"office_rev": 0} if pg else {}))
    assert len(sync(bob, laptops.backend(bob)).rejected) == 1
    for _ in range(2):  # named once; then read again, not named (its routing is unverified)
        report = sync(bob, laptops.backend(bob))
        assert report.rejected == []
        assert bob.sync_refused() == [seq] and bob.get_case(x.id).notes == ""
    put_back()
    assert run_sync(laptops, bob).in_step and bob.get_case(x.id).notes == "x second words"
    assert bob.sync_refused() == []


def test_many_refused_records_are_read_again_a_page_at_a_time_and_one_gone_is_named(laptops: Laptops):
    """Records that stay refused are read again together (a span of them per office read, one transaction), not
    one office read and one commit each at every sync; one the office no longer holds is named once and
    forgotten, not asked for silently for ever."""
    alice, bob = laptops.alice, laptops.bob
    for _ in range(12):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    for seq in range(2, 12, 2):
        _hand_edit(laptops, seq, case_id=f"evil case {seq}")
    assert len(sync(bob, laptops.backend(bob)).rejected) == 5 and bob.sync_refused() == [2, 4, 6, 8, 10]
    office = laptops.backend(bob)
    asked: list[tuple[int, int]] = []
    real_pull = office.pull

    def counted(cursor: int, limit: int) -> list[Record]:
        asked.append((cursor, limit))
        return real_pull(cursor, limit)

    office.pull = counted  # type: ignore[method-assign]
    try:
        report = sync(bob, office)
    finally:
        office.close()
    assert len(report.rejected) == 5
    assert [call for call in asked if call[1] > 1 or call[0] != 11] == [(1, 9), (12, 1000)]  # but the cursor's
    if laptops.office.kind == "postgres":  # a row deleted at the office by hand
        import psycopg

        from tests.office.conftest import PG_DSN

        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DELETE FROM "{laptops.office.schema}".records WHERE seq = 4')
        report = sync(bob, laptops.backend(bob))
        assert "Office record 4, refused at an earlier sync, is no longer at the office; it is not read again." \
            in report.rejected
        assert bob.sync_refused() == [2, 6, 8, 10]
        assert "Office record 4" not in " ".join(sync(bob, laptops.backend(bob)).rejected)


def test_a_refused_record_whose_case_moved_past_it_is_not_read_again(laptops: Laptops):
    """A damaged record can bring nothing once this laptop holds its case at a later office revision (the author
    pushed again on top of it): it is not read again, and the syncs after are in step. Its refusal stays in the
    case's history, once."""
    alice, bob = laptops.alice, laptops.bob
    case = alice.new_case().case
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    edit(alice, case.id, notes="second words")
    run_sync(laptops, alice)
    _damage_newest_record(laptops)
    assert len(sync(bob, laptops.backend(bob)).rejected) == 1
    edit(alice, case.id, notes="third words")
    run_sync(laptops, alice)
    sync(bob, laptops.backend(bob))  # the damaged record is read again here (and named): its case catches up
    assert bob.get_case(case.id).notes == "third words"
    report = run_sync(laptops, bob)
    assert report.in_step
    assert [e.action for e in bob.audit_entries(case.id)].count("sync_rejected") == 1


def test_a_record_edited_by_hand_is_refused_by_name_when_a_second_process_opens_it(laptops: Laptops, monkeypatch):
    """A large pull opens the pages after the first in a second process (storage.pull_worker): the record that is
    not one travels there and back, and is refused by name the same way."""
    import storage.sync
    from storage.pull_worker import PageOpener

    bob = laptops.bob
    ids = _three_cases(laptops)
    _hand_edit(laptops, 2, case_id="evil case")
    monkeypatch.setattr(storage.sync, "PAGE", 1)
    monkeypatch.setattr(storage.sync, "PARALLEL_FROM", 1)
    opened_there: list[int] = []
    real_result = PageOpener.result

    def counted(self: PageOpener, ticket, records):  # type: ignore[no-untyped-def]
        answer = real_result(self, ticket, records)
        if ticket is not None and answer is not None:
            opened_there.extend(r.seq for r in records)
        return answer

    monkeypatch.setattr(PageOpener, "result", counted)
    report = sync(bob, laptops.backend(bob))
    assert 2 in opened_there
    assert report.rejected == [NOT_A_PLAIN_CASE_ID]
    assert [bob.has_case(i) for i in ids] == [True, False, True]
