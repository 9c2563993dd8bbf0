"""Two members may not share an officer ID: who may change a submitted case, and whether a reviewer submitted it,
are decided by it. A second profile set up with a member's ID (an impostor, or a replaced laptop before the old
one is removed) can ask to join, but is not approved while that member is one — by member ID, by officer ID, or
with the ID written in another case or width (both backends)."""

from __future__ import annotations

import pytest

from casework.model import Officer
from storage.office import link
from storage.office.backend import OfficeError, RecordRejected
from storage.office.roster import MemberRole
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.office.conftest import ALICE, Laptops
from tests.office.test_sync import run_sync


@pytest.mark.parametrize("officer_id", ["AM-101", "am-101", "ＡＭ-101"])
def test_a_second_profile_with_a_members_officer_id_is_not_approved(laptops: Laptops, tmp_path, officer_id):
    sam, alice = laptops.sam, laptops.alice
    case = alice.new_case().case
    alice.close_revision(case.id)
    run_sync(laptops, alice)
    other = CaseStore.create(tmp_path / "other", PASSPHRASE, Officer("Alice Moreno", officer_id, ALICE.office))
    try:
        link.join_office(other, laptops.office.make())  # asking is allowed: a replaced laptop asks the same way
        newcomer = link.member_id(other)
        with pytest.raises(OfficeError, match=r"is already the officer ID of Alice Moreno \(member [0-9a-f]{12}\); "
                                              r"two members cannot share one"):
            link.approve(sam, laptops.backend(sam), newcomer, MemberRole.OFFICER)
        if officer_id == ALICE.officer_id:  # the short form names a member and a request alike
            with pytest.raises(OfficeError, match=r"more than one profile.*approve by member ID"):
                link.approve(sam, laptops.backend(sam), officer_id, MemberRole.OFFICER)
        current = link.refresh(sam, laptops.backend(sam))
        assert current.member(newcomer) is None and current.by_officer(ALICE.officer_id) is not None
        from storage.sync import sync

        with pytest.raises(RecordRejected, match="not yet an approved member"):  # it syncs nothing
            sync(other, laptops.backend(other))
        # The old laptop removed (a laptop replaced), the new profile is approved and takes over.
        link.remove(sam, laptops.backend(sam), link.member_id(alice))
        if officer_id == ALICE.officer_id:  # the removed laptop and the new one: the ID names two profiles
            with pytest.raises(OfficeError, match="is the officer ID of more than one profile"):
                link.approve(sam, laptops.backend(sam), officer_id, MemberRole.OFFICER)
            assert link.refresh(sam, laptops.backend(sam)).revocation(link.member_id(alice)) is not None
        approved = link.approve(sam, laptops.backend(sam), newcomer, MemberRole.OFFICER)
        assert approved.officer_id == officer_id
        if officer_id == ALICE.officer_id:  # the replacement a member now: its ID names it alone again
            assert link.approve(sam, laptops.backend(sam), officer_id, MemberRole.OFFICER).member_id == newcomer
        assert run_sync(laptops, other).in_step and other.has_case(case.id)
    finally:
        other.close()
