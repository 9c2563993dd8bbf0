"""An office key wrapped for a member, altered or damaged at the office (a flipped character in the shared
folder's key file, an edited row): the member's sync stops with a message naming it and what to do — not an
unexpected error — and takes nothing in; approving the member again wraps it anew (both backends)."""

from __future__ import annotations

import pytest

from storage.office import link
from storage.office.backend import RecordRejected
from storage.office.roster import MemberRole
from storage.sync import sync
from tests.office.conftest import Laptops
from tests.office.test_sync import run_sync


def test_an_altered_wrapped_key_is_named_and_approving_again_mends_it(laptops: Laptops):
    sam, alice = laptops.sam, laptops.alice
    run_sync(laptops, alice)
    link.remove(sam, laptops.backend(sam), link.member_id(laptops.bob))  # the office key turns: version 2
    office = laptops.backend(sam)
    me = link.member_id(alice)
    doc = office.wrapped_key(me, 2)
    assert doc is not None
    sealed = doc["sealed"]
    office.put_wrapped_key(me, 2, {**doc, "sealed": ("B" if sealed[5] != "B" else "C").join(
        (sealed[:5], sealed[6:]))})
    office.close()
    case = sam.new_case().case
    sam.close_revision(case.id)
    run_sync(laptops, sam)  # sealed with version 2

    for _ in range(2):
        backend = laptops.backend(alice)
        try:
            with pytest.raises(RecordRejected, match=r"^The office key version 2 wrapped for this profile at .+ does "
                                                     r"not open with this profile's key: it was altered or damaged "
                                                     r"there\. Ask the administrator or a supervisor to approve this "
                                                     r"profile again"):
                sync(alice, backend)
        finally:
            backend.close()
        assert not alice.has_case(case.id)

    link.approve(sam, laptops.backend(sam), me, MemberRole.OFFICER)
    assert run_sync(laptops, alice).in_step and alice.has_case(case.id)
