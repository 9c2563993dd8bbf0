"""A word being typed past three letters is asked of FTS5 as the whole keys it starts (storage.search_terms),
not as a prefix FTS5 would read every row of: the answers must be exactly the plain prefix query's, keystroke
by keystroke, and follow every change of the store."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from casework.dates import PartialDate
from casework.model import CaseFile, Encounter, Offense, Subject
from casework.search import CasePage
from storage import search_terms
from storage.store import CaseStore
from tests.casework.test_search import ISSUE_PAIRS, TESTDATA
from tests.storage.test_search_index import ids, named

QUERIES = ["Ivanova", "Иванова", "Mohammed", "محمد", "Nguyen Thi", "Katharina", "Gonzales", "Papadopoulos",
           "Abdullah", "CF-2026-SCALE-0012", "A12345", "1985-03-07", "03/07/1985", "el paso", "reentry", "Scalera",
           "zqx"]


def answer(page: CasePage) -> list[tuple[str, tuple[object, ...]]]:
    return [(c.id, page.why[c.id]) for c in page.rows]


@pytest.fixture
def crowded(store: CaseStore) -> CaseStore:
    """Names in several scripts, case numbers sharing a long prefix, dates, places, charges, hostile text."""
    names = [name for _q, name, *_ in ISSUE_PAIRS] + ["Ivanovanska", "Ivanava", "Nguyễn Thị Lan", "González",
                                                      "Papadopoulos", "عبد الله", "Scala", "Scalera", "Scalise"]
    hostile = [n["text"][:200] for n in json.loads((TESTDATA / "hostile-text.json").read_text("utf-8"))["names"]
               if n["text"] != "\u202eevil\u202c"]  # refused in a name (tests/casework/test_validation.py)
    cases = []
    for n, name in enumerate(names + hostile):
        cases.append(CaseFile(
            id=f"{n:032x}", case_number=f"CF-2026-SCALE-{n:06d}",
            subject=Subject(family_name=name, a_number=f"A12345{n:04d}",
                            date_of_birth=PartialDate(f"19{80 + n % 20}-03-{1 + n % 28:02d}")),
            encounter=Encounter(place=("El Paso, TX", "Scalby", "Laredo")[n % 3]),
            offenses=(Offense(charge=("Illegal reentry", "Fraud")[n % 2]),)))
    store.import_cases(cases)
    return store


def test_every_keystroke_finds_what_the_plain_prefix_query_finds(crowded: CaseStore, monkeypatch) -> None:
    monkeypatch.setattr(search_terms, "ROWS_PER_KEY", 0)  # a small store: list the keys of every prefix
    asked: list[str] = []
    listed = search_terms.KeyPrefixes.keys

    def spy(self, conn, prefix):
        keys = listed(self, conn, prefix)
        if keys:
            asked.append(prefix)
        return keys

    monkeypatch.setattr(search_terms.KeyPrefixes, "keys", spy)
    typed = [q[:end] for q in QUERIES for end in range(1, len(q) + 1)]
    expanded = {t: answer(crowded.search_cases(t)) for t in typed}
    assert {"ivano", "scal", "scale", "papad", "1985"} <= set(asked)  # the expansion was used

    monkeypatch.setattr(search_terms.KeyPrefixes, "keys", lambda self, conn, prefix: None)
    plain = {t: answer(crowded.search_cases(t)) for t in typed}
    assert expanded == plain
    assert any(len(found) > 1 for found in plain.values()) and any(found == [] for found in plain.values())


def test_a_prefix_s_keys_follow_every_change_of_the_store(store: CaseStore, monkeypatch) -> None:
    monkeypatch.setattr(search_terms, "ROWS_PER_KEY", 0)
    first = named(store, "Zubrowa")
    assert ids(store, "Zubr") == [first.id] and ids(store, "Zubrow") == [first.id]
    second = named(store, "Zubrowski")  # a new key under a prefix whose list is remembered
    assert sorted(ids(store, "Zubr")) == sorted([first.id, second.id])
    assert ids(store, "Zubrows") == [second.id]
    store.update_case(replace(store.get_case(first.id), subject=Subject(family_name="Other")))
    assert ids(store, "Zubr") == [second.id] and first.id not in ids(store, "Zubrowa")


def test_a_prefix_of_many_keys_or_of_few_rows_is_left_to_fts5(store: CaseStore, monkeypatch) -> None:
    made = [named(store, f"Kowal{chr(ord('a') + n)}ski").id for n in range(search_terms.MAX_KEYS + 4)]
    prefixes = search_terms.KeyPrefixes()
    assert prefixes.keys(store.conn, "kowala") is None  # one key of one row: FTS5's prefix is faster
    monkeypatch.setattr(search_terms, "ROWS_PER_KEY", 0)
    assert prefixes.keys(store.conn, "kowal") is None  # more keys than MAX_KEYS
    assert prefixes.keys(store.conn, "kowala") == ["kowalaski"]
    assert sorted(ids(store, "Kowal")) == sorted(made)


def test_a_read_only_store_searches_without_the_key_list(store: CaseStore, monkeypatch) -> None:
    monkeypatch.setattr(search_terms, "ROWS_PER_KEY", 0)
    case = named(store, "Scalera")
    store.conn.execute("PRAGMA query_only = ON")
    try:
        prefixes = search_terms.KeyPrefixes()
        assert prefixes.keys(store.conn, "scale") is None  # the temp table cannot be made: FTS5's prefix instead
        store._key_prefixes = prefixes
        assert ids(store, "Scale") == [case.id]
    finally:
        store.conn.execute("PRAGMA query_only = OFF")
