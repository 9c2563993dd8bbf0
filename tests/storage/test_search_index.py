"""The search index inside the store: every write keeps it, it finds people across spellings and scripts, hostile
text never breaks it, and its keys never reach the disk in plaintext."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from casework.body import dump_body
from casework.dates import PartialDate
from casework.model import CaseFile, Encounter, Offense, Role, Subject
from casework.search import ListRequest, index_text
from storage import database
from storage.bundle import make_bundle, read_bundle, receive_for_review
from storage.errors import InvalidCase
from storage.salvage import salvage
from storage.store import CaseStore
from tests.casework.test_search import ISSUE_PAIRS, TESTDATA, variants
from tests.conftest import MARKER, OFFICER, PASSPHRASE, files_containing
from tests.storage.test_record_integrity import SUPERVISOR, ready_case


def ids(store: CaseStore, query: str) -> list[str]:
    return [c.id for c in store.search_cases(query).rows]


def index_is_whole(store: CaseStore) -> None:
    """One index row per case, and FTS5's own check of the index against its content."""
    conn = store.conn
    cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    assert store.count_cases() == cases  # the count kept by triggers (migration 0012) follows every write too
    assert conn.execute("SELECT count(*) FROM case_search").fetchone()[0] == cases
    assert conn.execute("SELECT count(*) FROM case_search s LEFT JOIN cases c ON c.id = s.case_id "
                        "WHERE c.id IS NULL").fetchone()[0] == 0
    conn.execute("INSERT INTO case_fts (case_fts, rank) VALUES ('integrity-check', 1)")


def named(store: CaseStore, family: str, given: str = "", **subject: object) -> CaseFile:
    case = store.new_case().case
    return store.update_case(replace(case, subject=Subject(family_name=family, given_names=given,
                                                           **subject))).case  # type: ignore[arg-type]


def test_the_index_follows_every_write(store: CaseStore, tmp_path: Path) -> None:
    # new_case + update_case
    a = named(store, "Иванова", "Мария")
    assert ids(store, "Ivanova") == [a.id]
    a = store.update_case(replace(a, subject=replace(a.subject, family_name="Petrova"))).case
    assert ids(store, "Ivanova") == [] and ids(store, "Petrova") == [a.id]
    index_is_whole(store)

    # import: a new case, and a replaced one
    imported = CaseFile(id="b" * 32, case_number="CF-2026-IMP-0001", subject=Subject(family_name="Nguyễn"))
    store.import_cases([imported])
    assert ids(store, "Nguyen") == ["b" * 32]
    store.import_cases([replace(imported, subject=Subject(family_name="Okafor"))], replace_existing=True)
    assert ids(store, "Nguyen") == [] and ids(store, "Okafor") == ["b" * 32]
    index_is_whole(store)

    # workflow steps change the status key; a supervisor's profile takes the submission in
    ready = ready_case(store)
    assert ready.id not in ids(store, "submitted")
    store.submit_case(ready.id)
    assert ready.id in ids(store, "submitted")
    supervisor = CaseStore.create(tmp_path / "supervisor", PASSPHRASE, SUPERVISOR, role=Role.SUPERVISOR)
    receive_for_review(supervisor, read_bundle(make_bundle(store, ready.id)))
    assert ids(supervisor, "submitted") == [ready.id]
    index_is_whole(supervisor)
    supervisor.close()
    store.reopen_case(ready.id, "more facts")
    assert ready.id not in ids(store, "submitted") and ready.id in ids(store, "draft")

    # sync apply: a case new to this laptop, then the office's change of it
    office = CaseFile(id="c" * 32, case_number="CF-2026-OFF-0001", subject=Subject(family_name="Muhammad"))
    store.sync_apply(office, case_id=office.id, office_rev=1, office_body=dump_body(office), cursor=1, in_step=True)
    assert ids(store, "Mohammed") == [office.id]
    changed = replace(store.get_case(office.id), subject=Subject(family_name="Catarina"))
    store.sync_apply(changed, case_id=office.id, office_rev=2, office_body=dump_body(changed), cursor=2,
                     in_step=True)
    assert ids(store, "Mohammed") == [] and ids(store, "Katharina") == [office.id]

    # a resolved sync conflict is a write too
    store.conn.execute("INSERT INTO sync_conflicts (case_id, path, base, mine, theirs, office_rev, found_at) "
                       "VALUES (?, 'subject.family_name', 'null', 'null', 'null', 2, '')", (office.id,))
    resolved = replace(store.get_case(office.id), subject=Subject(family_name="Cohen"))
    store.resolve_conflict(office.id, "subject.family_name", resolved)
    assert ids(store, "Katharina") == [] and ids(store, "כהן") == [office.id]
    index_is_whole(store)

    # delete
    store.delete_case(a.id, revision=store.get_case(a.id).revision)
    assert ids(store, "Petrova") == []
    index_is_whole(store)

    # salvage copies rows straight into a new store: the triggers index them there
    store.close()
    source = CaseStore.open(store.paths.data_dir, PASSPHRASE)
    salvage(source, tmp_path / "salvaged", PASSPHRASE)
    source.close()
    with CaseStore.open(tmp_path / "salvaged", PASSPHRASE) as target:
        assert ids(target, "Okafor") == ["b" * 32] and ids(target, "Cohen") == [office.id]
        index_is_whole(target)


def test_a_failed_write_leaves_the_index_as_it_was(store: CaseStore) -> None:
    a = named(store, "Ivanova")
    with pytest.raises(database.DatabaseError), store._tx():
        store.conn.execute("UPDATE cases SET search_text = ? WHERE id = ?",
                           (index_text(replace(a, subject=Subject(family_name="Zzzother"))), a.id))
        assert ids(store, "zzzother") == [a.id]  # inside the transaction
        raise database.DatabaseError("injected")
    assert ids(store, "zzzother") == [] and ids(store, "Ivanova") == [a.id]


def test_the_issue_pairs_and_every_name_variant_through_the_store(store: CaseStore) -> None:
    distractors = ["Martinez", "Kowalski", "Smith", "Petrova", "Johansson", "Tanaka"]
    for d in distractors:
        named(store, d, "Zed")
    stored = {}
    for _query, name, *_ in [*ISSUE_PAIRS, *variants()]:
        if name not in stored:
            family, _, given = name.partition(" ") if " " in name and not name.startswith("عبد") else (name, "", "")
            stored[name] = named(store, family, given).id
    for query, name, *_ in [*ISSUE_PAIRS, *variants()]:
        page = store.search_cases(query)
        found = [c.id for c in page.rows]
        assert stored[name] in found, (query, name)
        why = page.why[stored[name]]
        assert len(why) == len(query.split()) and all(w.field == "name" for w in why), (query, why)
        assert not set(found) & {c.id for c in store.list_cases() if c.given_names == "Zed"}, query


def test_ranked_best_first_with_reasons(store: CaseStore) -> None:
    translit = named(store, "Иванова").id
    sound = named(store, "Ivanava").id
    exact = named(store, "Ivanova").id
    prefix = named(store, "Ivanovanska").id
    page = store.search_cases("ivanova")
    assert [c.id for c in page.rows] == [exact, prefix, translit, sound]
    assert [page.why[i][0].how for i in (exact, prefix, translit, sound)] == [
        "exact", "prefix", "transliterated", "sounds_like"]
    assert page.why[translit][0].shown == "Иванова" and page.why[translit][0].latin == "ivanova"


def test_numbers_dates_places_charges_and_status(store: CaseStore) -> None:
    case = named(store, "Núñez", "José", a_number="A123456789", date_of_birth=PartialDate("1985-03-07"))
    case = store.update_case(replace(case, encounter=Encounter(place="El Paso"),
                                     offenses=(Offense(charge="Illegal reentry"),))).case
    other = named(store, "Other", a_number="A987654321", date_of_birth=PartialDate("1990-01-01"))
    for query in (case.case_number, case.case_number[-4:], "A123456789", "123456789", "03/07/1985", "1985-03-07",
                  "el paso", "reentry"):
        assert ids(store, query) == [case.id], query
    assert set(ids(store, "draft")) == {case.id, other.id}


def test_hostile_text_never_breaks_the_search(store: CaseStore) -> None:
    data = json.loads((TESTDATA / "hostile-text.json").read_text(encoding="utf-8"))
    texts = [n["text"] for n in data["names"]]
    made = {t: named(store, t[:200], t[:200]).id for t in texts if t != "\u202eevil\u202c"}
    with pytest.raises(InvalidCase, match=r"subject\.family_name: holds invisible characters"):
        named(store, "\u202eevil\u202c")
    fts_syntax = ['"', '""', "*", "a*", "NEAR(a b)", "name:", "{name}: x", "AND", "OR NOT", "-", "^a", "(", ")",
                  "'; DROP TABLE cases; --", "\\", "%", "_", "a" * 5000, "ab " * 300]
    for query in [*texts, *fts_syntax, data["long"]["repeat"] * 100]:
        store.search_cases(query)
        store.case_page(ListRequest(query=query))
    assert ids(store, "Мария Иванова") == [made["Мария Иванова"]]
    assert made["Ali محمد 1987"] in ids(store, "Ali محمد")
    assert made["田中 太郎"] in ids(store, "田中")
    index_is_whole(store)


def test_the_index_is_inside_the_encrypted_store(data_dir: Path, tmp_path: Path) -> None:
    """The marker name is searchable (as typed, transliterated and by sound), yet neither it nor any of its
    index keys is in any file's bytes — db, -wal, -shm. Negative control: a plaintext export of the same
    database holds them, so the scan would find them were they stored unencrypted."""
    store = CaseStore.create(data_dir, PASSPHRASE, OFFICER)
    cyrillic = "Жзмаркерова"  # transliterates to "zhzmarkerova"
    case = named(store, MARKER, cyrillic, aliases=(f"{MARKER}alias",))
    for i in range(5):
        case = store.update_case(replace(case, notes=f"edit {i}")).case
    assert ids(store, MARKER) == [case.id] and ids(store, "zhzmarkerova") == [case.id]
    folded = MARKER.lower()
    needles = [MARKER, folded, cyrillic, "zhzmarkerova", f"{folded}alias"]
    assert (data_dir / "casefile.db-wal").exists()
    for needle in needles:
        assert files_containing(data_dir, needle) == [], needle

    plain = tmp_path / "plain.db"
    store.conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    store.close()
    for needle in needles:
        assert files_containing(tmp_path, needle) == [plain], needle  # found in the export, nowhere else
    for needle in needles:
        assert files_containing(data_dir, needle) == [], needle
