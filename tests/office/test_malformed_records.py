"""Malformed office records (both backends): the office never stores one, and one already there (a row or log line
edited by hand) is refused by name without stopping anyone's sync.

Routing travels in the clear and ends up in index lines, file names and integer columns: a record whose case,
member or push id is not a plain id, or whose numbers are not whole numbers, cannot be kept or read as a record.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.i18n import message_of
from desktop.cli_i18n import Catalogue
from storage.office import link
from storage.office.backend import Record, RecordRejected
from tests.office.conftest import Laptops
from tests.office.test_sync import run_sync


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
