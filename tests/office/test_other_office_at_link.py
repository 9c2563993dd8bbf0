"""Another office where the link points (the share remapped to another office's folder, a DSN edited to another
schema): every office command that reads the member list — status, members, approving — says so by name, as
sync does, instead of showing that office's state as this one's."""

from __future__ import annotations

import pytest

from casework.model import Officer, Role
from storage.office import link
from storage.office.backend import OfficeError
from storage.office.roster import MemberRole
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.office.conftest import Laptops


def test_office_commands_refuse_another_office_where_the_link_points(laptops: Laptops, tmp_path):
    founder = CaseStore.create(tmp_path / "elsewhere", PASSPHRASE, Officer("Eve Other", "EO-1", "Other Office"),
                               role=Role.SUPERVISOR)
    try:
        from storage.office.folder import FolderOffice

        elsewhere = FolderOffice(tmp_path / "other-office")
        link.init_office(founder, elsewhere)
        for call in (lambda: link.refresh(laptops.sam, elsewhere),
                     lambda: link.approve(laptops.sam, elsewhere, "BO-202", MemberRole.SUPERVISOR)):
            with pytest.raises(OfficeError, match=r"other-office holds another office than the one this profile "
                                                  r"joined \([0-9a-f]{8}\)\.$"):
                call()
        elsewhere.close()
    finally:
        founder.close()
