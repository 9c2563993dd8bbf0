"""Migrations: every numbered file applies to a frozen older store, and the version bookkeeping is right."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from storage import schema
from storage.errors import MigrationFailed
from storage.store import LIST_QUERY, CaseStore
from tests.fixtures.make_db_fixtures import TEST_PASSPHRASE

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def copy_fixture(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"v{version:04d}"
    shutil.copytree(FIXTURES / f"v{version:04d}", target)
    return target


def test_schema_version_is_the_highest_migration():
    assert max(m.number for m in schema.migrations()) == schema.SCHEMA_VERSION
    assert [m.number for m in schema.migrations()] == list(range(1, schema.SCHEMA_VERSION + 1))


def test_every_migration_starts_with_a_purpose_line():
    for m in schema.migrations():
        assert m.sql.startswith("-- purpose:"), m.name


def test_every_migration_has_a_test():
    """Migration N is tested by upgrading the fixture at N-1 (or creating the store, for N = 1)."""
    source = Path(__file__).read_text()
    for m in schema.migrations():
        if m.number > 1:
            assert re.search(rf"def test_migration_{m.number:04d}_", source), f"no test for migration {m.number}"
            assert (FIXTURES / f"v{m.number - 1:04d}").is_dir(), f"no fixture store at version {m.number - 1}"


def test_migration_0002_upgrades_a_version_1_store(tmp_path):
    folder = copy_fixture(1, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        (summary,) = store.list_cases()
        assert summary.family_name == "Fixturé"
        assert summary.aliases == ("Ann Fixture",)  # backfilled from the case body
        assert store.revisions(summary.id) == [3]  # the current body became the first kept revision
        assert [e.action for e in store.audit_entries()] == ["unlocked"]


def test_migration_0003_adds_and_backfills_search_text(tmp_path):
    folder = copy_fixture(2, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        (summary,) = store.list_cases()
        assert "fixture" in summary.search_text and "ann fixture" in summary.search_text


def test_migration_0004_gives_the_profile_a_signing_key(tmp_path):
    folder = copy_fixture(3, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        (summary,) = store.list_cases()
        seal = store.seal(summary.id)
        assert store.check_seal(seal).status == "match"
        assert len(store.signing_key_id()) == 16


def test_migration_0005_lists_cases_from_an_index(tmp_path):
    folder = copy_fixture(4, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == 5
        plan = " ".join(str(r) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN " + LIST_QUERY).fetchall())
        assert "COVERING INDEX cases_list" in plan
        assert [s.family_name for s in store.list_cases()] == ["Fixturé"]


def test_a_failing_migration_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    folder = copy_fixture(1, tmp_path)
    real = schema.migrations()
    broken = schema.Migration(2, "broken", "broken", real[1].sql + ";\nTHIS IS NOT SQL;")
    monkeypatch.setattr(schema, "migrations", lambda: [real[0], broken, *real[2:]])
    with pytest.raises(MigrationFailed, match=r"to schema 2 .* syntax error.* left as it was"):
        CaseStore.open(folder, TEST_PASSPHRASE)
    monkeypatch.undo()
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:  # still version 1, and upgrades cleanly now
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.count_cases() == 1
