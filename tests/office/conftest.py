"""Office tests run against BOTH backends: a real folder and the real PostgreSQL at 127.0.0.1:5432.

Each PostgreSQL test gets its own schema (casefile_test_<random>), dropped afterwards. Without a server the
PostgreSQL variants skip saying why — except in CI (CASEFILE_REQUIRE_POSTGRES=1), where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casework.model import Officer, Role
from storage.office import link
from storage.office.backend import OfficeBackend
from storage.office.folder import FolderOffice
from storage.office.pg import PostgresOffice
from storage.office.roster import MemberRole
from storage.store import CaseStore
from tests.conftest import PASSPHRASE

PG_DSN = os.environ.get("CASEFILE_TEST_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=test")

ALICE = Officer("Alice Moreno", "AM-101", "Field Office Example")
BOB = Officer("Bob Okafor", "BO-202", "Field Office Example")
SAM = Officer("Sam Reyes", "SR-7", "Field Office Example")


def _pg_problem() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_DSN, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # the reason is what the skip says
        return f"PostgreSQL at {PG_DSN} is not reachable: {str(exc).strip().splitlines()[0] if str(exc) else exc}"
    return None


@dataclass
class OfficeSpec:
    """Where the office lives for one test: `make()` opens a fresh connection to it, as each laptop would."""

    kind: str
    folder: Path | None = None
    schema: str | None = None

    def make(self) -> OfficeBackend:
        if self.kind == "folder":
            assert self.folder is not None
            return FolderOffice(self.folder)
        assert self.schema is not None
        return PostgresOffice(PG_DSN, self.schema)


@pytest.fixture(params=["folder", "postgres"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OfficeSpec]:
    if request.param == "folder":
        yield OfficeSpec("folder", folder=tmp_path / "office-share")
        return
    problem = _pg_problem()
    if problem:
        if os.environ.get("CASEFILE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{problem} (CASEFILE_REQUIRE_POSTGRES=1: PostgreSQL tests must run)")
        pytest.skip(problem)
    schema = f"casefile_test_{secrets.token_hex(6)}"
    yield OfficeSpec("postgres", schema=schema)
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@dataclass
class Laptops:
    office: OfficeSpec
    alice: CaseStore
    bob: CaseStore
    sam: CaseStore

    def backend(self, store: CaseStore) -> OfficeBackend:
        """The office as the store's link names it (what `casefile sync` opens)."""
        return link.linked_backend(store)


@pytest.fixture
def laptops(office: OfficeSpec, tmp_path: Path) -> Iterator[Laptops]:
    """Sam (a supervisor profile) creates the office; Alice and Bob (officers) join and are approved."""
    sam = CaseStore.create(tmp_path / "sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    alice = CaseStore.create(tmp_path / "alice", PASSPHRASE, ALICE)
    bob = CaseStore.create(tmp_path / "bob", PASSPHRASE, BOB)
    backend = office.make()
    link.init_office(sam, backend)
    for officer in (alice, bob):
        link.join_office(officer, office.make())
        link.approve(sam, backend, officer.officer.officer_id, MemberRole.OFFICER)
    backend.close()
    yield Laptops(office, alice, bob, sam)
    for s in (sam, alice, bob):
        s.close()
