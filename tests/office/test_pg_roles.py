"""PostgreSQL specifics: TLS settings in the DSN reach psycopg, and (once built) per-member roles."""

from __future__ import annotations

import pytest

from storage.office.backend import OfficeUnreachable
from storage.office.pg import PostgresOffice
from tests.office.conftest import PG_DSN, OfficeSpec


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_tls_settings_in_the_dsn_reach_psycopg(office: OfficeSpec):
    """This test server has no TLS: sslmode=require must fail saying so (the setting arrived), and
    sslmode=disable must connect; the password in a DSN is never shown."""
    with pytest.raises(OfficeUnreachable, match="server does not support SSL, but SSL was required"):
        PostgresOffice(f"{PG_DSN} sslmode=require", office.schema).schema_version()
    plain = PostgresOffice(f"{PG_DSN} sslmode=disable", office.schema)
    assert plain.schema_version() == 0
    plain.close()
    shown = PostgresOffice(f"{PG_DSN} password=hunter2 sslmode=verify-full", office.schema).location
    assert "hunter2" not in shown and "sslmode=verify-full" in shown
