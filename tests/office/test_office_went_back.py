"""An office put back from an older copy (the shared folder restored from Monday's backup, a PostgreSQL table
restored or its sequence reset): a laptop that had read further would pass over, for good and without a word,
every record the office gives those numbers again. Its sync refuses, naming what happened, and changes nothing on
either side; once the newest copy is back, it syncs on (both backends)."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest

from casework.model import Officer
from storage.office import link
from storage.office.backend import OfficeError
from storage.office.roster import MemberRole
from storage.store import CaseStore
from storage.sync import sync
from tests.conftest import PASSPHRASE
from tests.office.conftest import PG_DSN, Laptops
from tests.office.test_sync import run_sync

CARLA = Officer("Carla Diaz", "CD-3", "Field Office Example")


def _older_copy(laptops: Laptops, tmp_path) -> Callable[[], Callable[[], None]]:
    """Take a copy of the office now; calling the result puts it back (records after it gone, their numbers free
    again) and returns what puts the newer office back."""
    spec = laptops.office
    if spec.kind == "folder":
        assert spec.folder is not None
        older = tmp_path / "monday"
        shutil.copytree(spec.folder, older)

        def restore() -> Callable[[], None]:
            newer = tmp_path / "newer"
            shutil.move(spec.folder, newer)
            shutil.copytree(older, spec.folder)
            return lambda: (shutil.rmtree(spec.folder), shutil.move(newer, spec.folder))  # type: ignore[func-returns-value]
        return restore
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        (last,) = conn.execute(f'SELECT max(seq) FROM "{spec.schema}".records').fetchone()

    def restore_pg() -> Callable[[], None]:
        s = spec.schema
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE TABLE "{s}".newer AS SELECT * FROM "{s}".records WHERE seq > %s', (last,))
            conn.execute(f'DELETE FROM "{s}".records WHERE seq > %s', (last,))
            conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{s}\".records', 'seq'), %s)", (last,))

        def put_back() -> None:
            with psycopg.connect(PG_DSN, autocommit=True) as conn:
                conn.execute(f'INSERT INTO "{s}".records SELECT * FROM "{s}".newer')
                conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{s}\".records', 'seq'), "
                             f'(SELECT max(seq) FROM "{s}".records))')
        return put_back
    return restore_pg


def _bob_refuses_record_3(laptops: Laptops) -> None:
    """Record 3 edited by hand at the office: Bob's sync refuses it (his cursor passes it, remembered)."""
    from tests.office.test_malformed_records import _hand_edit

    _hand_edit(laptops, 3, case_id="evil case")
    backend = laptops.backend(laptops.bob)
    try:
        assert len(sync(laptops.bob, backend).rejected) == 1
    finally:
        backend.close()


def _refused(store: CaseStore, laptops: Laptops, now: str) -> None:
    backend = laptops.backend(store)
    try:
        with pytest.raises(OfficeError, match=rf"holds an older history than this laptop has read: this laptop has "
                                              rf"read up to office record 3, and the office now {now} \(put back "
                                              rf"from an older copy, or replaced\?\)\. Nothing was synced"):
            sync(store, backend)
    finally:
        backend.close()


def test_a_laptop_refuses_an_office_that_went_back_and_syncs_once_it_is_put_right(laptops: Laptops, tmp_path):
    alice, bob = laptops.alice, laptops.bob
    first = alice.new_case().case
    alice.close_revision(first.id)
    run_sync(laptops, alice)
    restore = _older_copy(laptops, tmp_path)
    later = []
    for _ in range(2):
        later.append(alice.new_case().case)
        alice.close_revision(later[-1].id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    assert bob.sync_cursor_mark()[0] == 3 and all(bob.has_case(c.id) for c in later)
    put_back = restore()

    _refused(bob, laptops, "ends before it")
    bobs = bob.new_case().case  # what bob does meanwhile stays here, and goes up later
    bob.close_revision(bobs.id)
    _refused(bob, laptops, "ends before it")
    assert bob.sync_outgoing() and all(bob.has_case(c.id) for c in later)

    put_back()
    report = run_sync(laptops, bob)
    assert report.in_step and report.pushed == 1
    run_sync(laptops, alice)
    assert alice.has_case(bobs.id)


def test_numbers_the_office_gives_again_are_not_passed_over(laptops: Laptops, tmp_path):
    """After the older copy is back, a laptop that never read further (one that joins now) pushes again, and the
    office gives its records the numbers the others have read: they refuse, rather than never reading them."""
    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    restore = _older_copy(laptops, tmp_path)
    for _ in range(2):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    restore()
    carla = CaseStore.create(tmp_path / "carla", PASSPHRASE, CARLA)
    try:
        link.join_office(carla, laptops.office.make())
        link.approve(sam, laptops.backend(sam), link.member_id(carla), MemberRole.OFFICER)
        for _ in range(3):
            carla.close_revision(carla.new_case().case.id)
        assert run_sync(laptops, carla).pushed == 3
    finally:
        carla.close()
    _refused(bob, laptops, "holds another record under that number")


def test_a_laptop_whose_last_sync_pushed_refuses_an_office_that_went_back(laptops: Laptops, tmp_path):
    """The pusher's cursor moves over its own records without reading them back: it knows them all the same (it
    sent them), so it refuses too — it used to skip others' records given those numbers for good, and never send
    its own again."""
    alice, sam = laptops.alice, laptops.sam
    alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    run_sync(laptops, sam)
    restore = _older_copy(laptops, tmp_path)
    for _ in range(2):
        alice.close_revision(alice.new_case().case.id)
    assert run_sync(laptops, alice).pushed == 2  # records 2 and 3: alice's own, not read back
    restore()
    for _ in range(2):
        sam.close_revision(sam.new_case().case.id)
    assert run_sync(laptops, sam).pushed == 2  # the office gives numbers 2 and 3 again, to sam's cases
    _refused(alice, laptops, "holds another record under that number")


def test_a_laptop_whose_cursor_stands_on_a_refused_record_still_sees_the_office_go_back(laptops: Laptops,
                                                                                        tmp_path):
    """The cursor passes a refused record; the record it knows for sure is the one before: that one is checked."""
    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    restore = _older_copy(laptops, tmp_path)
    for _ in range(2):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    _bob_refuses_record_3(laptops)
    assert bob.sync_cursor_mark()[:2] == (3, 2)
    restore()
    for _ in range(2):
        sam.close_revision(sam.new_case().case.id)
    run_sync(laptops, sam)
    backend = laptops.backend(bob)
    try:
        with pytest.raises(OfficeError, match=r"read up to office record 2, and the office now holds another "
                                              r"record under that number"):
            sync(bob, backend)
    finally:
        backend.close()


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_a_sequence_set_below_the_records_by_hand_numbers_nothing_twice_nor_below(laptops: Laptops):
    """PostgreSQL: the records table's sequence set back by hand (setval) while its rows stay: pushes are
    numbered after the highest record all the same — not below other laptops' cursors (passed over by them for
    good), nor on a number taken ('unexpected UniqueViolation')."""
    import psycopg

    alice, bob = laptops.alice, laptops.bob
    for _ in range(3):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    run_sync(laptops, bob)
    s = laptops.office.schema
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DELETE FROM "{s}".records WHERE seq = 2')  # a hole, then the sequence below the rows
        conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{s}\".records', 'seq'), 1)")
    for _ in range(2):
        case = alice.new_case().case
        alice.close_revision(case.id)
        assert run_sync(laptops, alice).pushed == 1
    office = laptops.backend(bob)
    try:
        assert [r.seq for r in office.pull(3, 10)] == [4, 5]
    finally:
        office.close()
    sync(bob, laptops.backend(bob))
    assert bob.has_case(case.id)


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_the_last_row_deleted_at_the_office_is_not_taken_for_the_office_going_back(laptops: Laptops):
    """A row deleted by hand (a refused record someone removed) is not the office's history going back: the
    laptops that read past it sync on, and its number is not given to the next record (an older Casefile, which
    numbers by the table's sequence, finds the sequence past every record too)."""
    import psycopg

    alice, bob, sam = laptops.alice, laptops.bob, laptops.sam
    for _ in range(3):
        alice.close_revision(alice.new_case().case.id)
    run_sync(laptops, alice)
    _bob_refuses_record_3(laptops)
    s = laptops.office.schema
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DELETE FROM "{s}".records WHERE seq = 3')
    backend = laptops.backend(bob)
    try:
        sync(bob, backend)  # no refusal: the record it knows for sure (2) is there
    finally:
        backend.close()
    sam.close_revision(sam.new_case().case.id)
    run_sync(laptops, sam)
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        seqs = [r[0] for r in conn.execute(f'SELECT seq FROM "{s}".records ORDER BY seq')]
        (given,) = conn.execute(f"SELECT pg_sequence_last_value(pg_get_serial_sequence('\"{s}\".records', "
                                "'seq'))").fetchone()
    assert seqs == [1, 2, 4] and given == 4
    for store in (alice, bob):
        backend = laptops.backend(store)
        try:
            sync(store, backend)  # neither refuses: alice's mark (record 3, her push) is simply not there now
        finally:
            backend.close()


def test_a_laptop_with_no_mark_yet_takes_the_record_at_its_cursor_as_known(laptops: Laptops):
    """A store upgraded from before the mark, or one in a quiet office, has none until a record arrives: the
    check marks the record at the cursor (when it opens), so a restore from then on is caught."""
    bob = laptops.bob
    laptops.alice.close_revision(laptops.alice.new_case().case.id)
    run_sync(laptops, laptops.alice)
    run_sync(laptops, bob)
    with bob.conn:
        bob.conn.execute("UPDATE office_link SET cursor_mark = ''")
    assert bob.sync_cursor_mark() == (1, 0, "")
    run_sync(laptops, bob)
    assert bob.sync_cursor_mark()[:2] == (1, 1) and bob.sync_cursor_mark()[2]
