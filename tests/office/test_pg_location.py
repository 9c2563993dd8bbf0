"""A PostgreSQL office however it is made (a link, the bench, a test) shows its DSN the one way
(storage.office.dsn): the old pattern showed the rest of a quoted password holding an escaped quote."""

from __future__ import annotations

import json

import pytest

from storage.office.pg import PostgresOffice


@pytest.mark.parametrize("dsn", [
    r"host=db.example user=alice password='it\'s s3cret-tail'",
    "postgresql://alice:s3cret-tail@db.example/casefile",
    "host=db.example user=alice sslpassword=s3cret-tail",
])
def test_a_postgres_office_never_shows_the_password_of_its_dsn(dsn):
    office = PostgresOffice(dsn, "casefile_office")
    for shown in (office.location, PostgresOffice.shown(json.dumps({"dsn": dsn, "schema": "casefile_office"}))):
        assert "s3cret" not in shown and "tail" not in shown and "***" in shown
        assert "db.example" in shown and shown.endswith(" schema casefile_office")
