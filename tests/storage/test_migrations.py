"""Migrations: every numbered file applies to a frozen older store, and the version bookkeeping is right."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from casework.body import BODY_VERSION
from casework.model import CaseFile, CaseStatus, Role
from storage import schema
from storage.errors import MigrationFailed
from storage.store import LIST_QUERY, OPEN_REVISIONS_QUERY, CaseStore
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
        for query in ("fixture", "ann fixture", "A000000001"):  # search_text is the search index's source now
            assert [c.id for c in store.search_cases(query).rows] == [summary.id], query


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
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        plan = " ".join(str(r) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN " + LIST_QUERY).fetchall())
        assert "COVERING INDEX cases_list" in plan
        assert [s.family_name for s in store.list_cases()] == ["Fixturé"]


def test_migration_0006_gives_the_profile_a_role_and_reads_old_bodies(tmp_path):
    """The v0005 fixture was written by the schema-5 release: version-1 bodies, revisions, a concurred case."""
    folder = copy_fixture(5, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.role is Role.OFFICER
        assert store.audit_check is not None and store.audit_check.ok  # an upgraded log is not "tampered"
        assert store.verify_audit().ok
        plan = " ".join(str(r) for r in store.conn.execute("EXPLAIN QUERY PLAN " + OPEN_REVISIONS_QUERY))
        assert "cases_open_revision" in plan  # unlocking finds open revisions without reading every case
        concurred = store.find_case("CF-2026-FX1-0002")
        assert concurred.status is CaseStatus.CONCURRED and concurred.revision == 9
        assert [e.event for e in concurred.assessment.history] == ["submitted", "concurred"]
        assert len(store.revisions(concurred.id)) == 9
        # Stored bodies are not rewritten: every old revision still has the digest a memo could have cited.
        first = store.conn.execute("SELECT body FROM case_revisions WHERE case_id = ? AND revision = 1",
                                   (concurred.id,)).fetchone()[0]
        assert '"body_version"' not in first


def test_old_bodies_upgrade_to_stable_item_ids(tmp_path):
    folder = copy_fixture(5, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        concurred = store.find_case("CF-2026-FX1-0002")
        others = concurred.assessment.other_factors
        assert [o.description for o in others] == ["Cares for a parent (fixture)", "Missed a hearing (fixture)"]
        ids = [o.id for o in others] + [o.id for o in concurred.offenses] + [d.id for d in concurred.subject.documents]
        assert all(len(i) == 32 for i in ids) and len(set(ids)) == len(ids)
        again = store.find_case("CF-2026-FX1-0002")  # derived, not random: the same on every read and laptop
        assert [o.id for o in again.assessment.other_factors] == [o.id for o in others]
        draft = store.find_case("CF-2026-FX1-0003")
        saved = store.update_case(replace(draft, notes="edited after the upgrade")).case
        body = store.conn.execute("SELECT body FROM cases WHERE id = ?", (saved.id,)).fetchone()[0]
        assert f'"body_version":{BODY_VERSION}' in body
        assert [f.id for f in store.get_case(saved.id).family] == [f.id for f in draft.family]


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


def test_migration_0007_keeps_print_records_and_an_old_memo_still_verifies(tmp_path):
    """v0006 stores had no print records: after the upgrade a memo printed from one is recorded, and its record
    renders the same pages again."""
    from desktop.cli_memo import check_memo_file, record_memo
    from printing.memo import MemoSettings, SealRequest, render_memo
    from printing.verify import read_memo
    from storage import memo_prints

    folder = copy_fixture(6, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM memo_prints").fetchone()[0] == 0
        assert store.verify_audit().ok
        case = store.list_cases()[0]
        stored, digest = memo_prints.sealed_revision(store, case.id)
        from casework.policy import PolicyLibrary

        memo = render_memo(stored, PolicyLibrary.bundled().latest(), MemoSettings(agency="Fixture Agency"),
                           SealRequest(digest, memo_prints.ProfileSigner(store), case.id))
        record_memo(store, memo, "saved as memo.pdf")
        (kept,) = memo_prints.prints_of(store, case.id)
        assert (kept.print_id, kept.revision, kept.spec["settings"]["agency"]) == (memo.print_id, stored.revision,
                                                                                  "Fixture Agency")
        assert store.conn.execute("SELECT agency, paper FROM memo_prints").fetchone() == ("Fixture Agency", "letter")
        assert check_memo_file(store, read_memo(memo.pdf)).status == "match"
        assert store.verify_audit().ok


def test_migration_0008_links_no_office_and_keeps_every_case_unsynced(tmp_path):
    """v0007 stores knew no office: after the upgrade the profile has no office link, no exchange key yet and no
    sync state, so its first sync sends every case; the audit log still verifies."""
    folder = copy_fixture(7, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM office_link").fetchone()[0] == 0
        assert store.conn.execute("SELECT exchange_key FROM profile").fetchone()[0] is None
        assert [o.case_id for o in store.sync_outgoing()] == ["f" * 32]
        assert store.sync_conflicts() == [] and store.verify_audit().ok


def test_migration_0009_adds_attachment_storage_and_old_bodies_cite_none(tmp_path):
    """v0008 stores had no attachments: after the upgrade the blob table is empty, the fixture's case (an old
    body, never rewritten) reads with no attachments, can gain one, and the audit log still verifies."""
    from tests import attachment_files

    folder = copy_fixture(8, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 0
        old_body = store.conn.execute("SELECT body FROM cases").fetchone()[0]
        assert '"attachments"' not in old_body
        case = store.get_case("f" * 32)
        assert case.attachments == ()
        added = store.add_attachment(case.id, attachment_files.png("fixture"), "scan.png").case
        assert len(added.attachments) == 1 and store.verify_audit().ok
        assert store.conn.execute("SELECT body FROM case_revisions WHERE revision = 3").fetchone()[0] == old_body


def test_migration_0010_adds_empty_tombstones_and_notices_and_a_deletion_leaves_a_tombstone(tmp_path):
    """v0009 stores kept a deletion only in the audit log: after the upgrade there are no tombstones and no
    decision notices yet, and deleting the fixture's draft leaves a tombstone (never synced: nothing to push)."""
    folder = copy_fixture(9, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM case_tombstones").fetchone()[0] == 0
        assert store.decision_notices() == {}
        (draft,) = store.list_cases()
        assert draft.status is CaseStatus.DRAFT
        store.delete_case(draft.id, revision=draft.revision)
        tomb = store.tombstone(draft.id)
        assert (tomb.case_number, tomb.base_rev, tomb.office_rev) == (draft.case_number, None, None)
        assert store.sync_outgoing_tombstones() == []
        assert store.verify_audit().ok


def test_migration_0011_indexes_every_case_for_search_inside_the_store(tmp_path):
    """v0010 stores had search_text as folded plain text: the upgrade builds the FTS5 index (case_search,
    case_fts) and fills every case's keys from its body once, then forgets that it has to."""
    folder = copy_fixture(10, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM search_backfill").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM case_search").fetchone()[0] == 1
        store.conn.execute("INSERT INTO case_fts (case_fts, rank) VALUES ('integrity-check', 1)")
        page = store.search_cases("Fixture Ana")
        assert [c.family_name for c in page.rows] == ["Fixturé"]
        assert {w.how for w in page.why["f" * 32]} == {"exact"}
        plan = " ".join(str(r) for r in store.conn.execute("EXPLAIN QUERY PLAN " + LIST_QUERY).fetchall())
        assert "COVERING INDEX cases_list" in plan
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:  # the second open has nothing to fill
        assert [c.family_name for c in store.search_cases("fixture").rows] == ["Fixturé"]


def test_migration_0012_counts_the_cases_and_keeps_counting(tmp_path):
    """v0011 stores counted their cases with count(*): after the upgrade the count is kept by triggers."""
    folder = copy_fixture(11, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.count_cases() == 1
        (new,) = [r.case for r in store.import_cases([CaseFile(id="a" * 32, case_number="CF-2026-FX1-0002")])]
        assert store.count_cases() == 2 == store.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        store.delete_case(new.id, revision=new.revision)
        assert store.count_cases() == 1


def test_migration_0013_indexes_the_sync_standing_so_an_idle_sync_reads_no_base_body(tmp_path):
    """v0012 stores scanned sync_state (every office base body) to find what to push and to digest the heads."""
    from storage.store import OUTGOING_QUERY

    folder = copy_fixture(12, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + OUTGOING_QUERY))
        assert "COVERING INDEX cases_lookup" in plan and "COVERING INDEX sync_state_standing" in plan
        (summary,) = store.list_cases()
        assert [o.case_id for o in store.sync_outgoing()] == [summary.id]  # never synced: it goes up
        assert store.sync_heads() == {}


def test_migration_0014_rebuilds_stale_keys_and_lets_a_bulk_write_give_its_own_search_rows(tmp_path):
    """v0013 stores kept the case-number keys of an earlier version (the parts run together) once their backfill
    had run; and their cases_indexed trigger always unpacked search_text, even over a search row just written."""
    from storage import database
    from tests.fixtures.make_db_fixtures import TEST_DATA_KEY

    folder = copy_fixture(13, tmp_path)
    conn = database.connect(folder / "casefile.db", TEST_DATA_KEY)
    conn.execute("DELETE FROM search_backfill")  # its backfill ran long ago…
    conn.execute("UPDATE case_search SET number = 'cf2026fx10001'")  # …with keys of an older version
    conn.close()
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        (number,) = store.conn.execute("SELECT number FROM case_search").fetchone()
        assert number.split() == ["cf", "2026", "fx1", "0001", "a000000001", "000000001"]
        assert [s.case_number for s in store.search_cases("0001").rows] == ["CF-2026-FX1-0001"]
        assert not store.conn.execute("SELECT 1 FROM search_backfill").fetchone()
        with store.conn:
            store.conn.execute("INSERT INTO case_search (case_id, sort_name, name) VALUES ('given', 'as given', "
                               "'given')")
            json_keys = '{"sort":"from json"}'
            store.conn.execute("INSERT INTO cases (id, case_number, revision, status, family_name, given_names, "
                               "a_number, created_at, updated_at, body, search_text) VALUES "
                               "('given', 'CF-GIVEN', 1, 'draft', '', '', '', '', '', '{}', ?), "
                               "('plain', 'CF-PLAIN', 1, 'draft', '', '', '', '', '', '{}', ?)", (json_keys, json_keys))
        rows = dict(store.conn.execute("SELECT case_id, sort_name FROM case_search WHERE case_id IN "
                                       "('given', 'plain')"))
        assert rows == {"given": "as given", "plain": "from json"}


def test_migration_0015_remembers_refused_records_and_records_a_refusal_made_before_it_once(tmp_path):
    """v0014 stores set the pull cursor back to a refused record (re-reading every record after it at every sync)
    and found an earlier refusal in the same words by scanning the audit log; v0015 remembers refused records by
    sequence number (read again alone by storage.sync), and a refusal already in the log is not written again."""
    from storage import audit, database
    from tests.fixtures.make_db_fixtures import TEST_DATA_KEY

    folder = copy_fixture(14, tmp_path)
    conn = database.connect(folder / "casefile.db", TEST_DATA_KEY)
    with conn:
        audit.append(conn, "FX1", "sync_rejected", "c1", "damaged on the share")  # refused before the upgrade
    conn.close()
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        assert store.sync_refused() == []

        def refusals() -> int:
            return store.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'sync_rejected'").fetchone()[0]

        store.sync_skip(7, "c1", "damaged on the share")  # read again after the upgrade: the same words
        store.sync_skip(7, "c1", "damaged on the share")
        assert refusals() == 1 and store.sync_refused() == [7]
        store.sync_skip(7, "c1", "now refused for another reason")
        store.sync_skip(3, "", "not a record")
        assert refusals() == 3 and store.sync_refused() == [3, 7]
        store.sync_refusal_settled(7)
        assert store.sync_refused() == [3] and refusals() == 3  # what happened stays recorded


def test_migration_0016_gives_the_pull_cursor_a_mark(tmp_path):
    """v0015 stores knew only the cursor's number; v0016 also keep the mark of the office record it stands on
    (storage.sync.check_office_history), empty until the next pull sets it — so an upgraded laptop is never
    refused for a mark it never had."""
    folder = copy_fixture(15, tmp_path)
    with CaseStore.open(folder, TEST_PASSPHRASE) as store:
        assert schema.user_version(store.conn) == schema.SCHEMA_VERSION
        columns = {r[1]: r[4] for r in store.conn.execute("PRAGMA table_info(office_link)")}
        assert columns["cursor_mark"] == "''"
        assert store.sync_cursor_mark() == (0, 0, "")
