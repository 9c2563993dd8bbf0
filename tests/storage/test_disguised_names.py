"""A name disguised by bidi controls (a right-to-left override shows "evil" as "live") is refused wherever a case
is written — a save, an import, a pulled office record (tests/office/test_reopen_rights.py has the pull) — naming
the field; a case stored before the rule still opens, is found, and can be fixed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from casework.model import CaseFile, Subject
from storage import store as store_module
from storage.errors import InvalidCase, ProfileRefused
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE

DISGUISED = "\u202eevil\u202c"
WHY = ("holds invisible characters that can make it read as other text (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP "
       "DIRECTIONAL FORMATTING); type it with visible characters only")


def test_a_save_and_an_import_refuse_a_disguised_name_naming_the_field(store: CaseStore):
    case = store.new_case().case
    with pytest.raises(InvalidCase) as refused:
        store.update_case(replace(case, subject=Subject(family_name=DISGUISED)))
    assert str(refused.value) == f"subject.family_name: {WHY}"
    with pytest.raises(InvalidCase) as refused:
        store.import_cases([CaseFile(id="", case_number="", subject=Subject(aliases=(DISGUISED,)))])
    assert str(refused.value) == f"subject.aliases[0]: {WHY}"
    assert store.count_cases() == 1
    kept = store.update_case(replace(case, subject=Subject(family_name="محمد", given_names="דוד"))).case
    assert kept.subject.family_name == "محمد"


def test_a_case_stored_before_the_rule_still_opens_is_found_and_can_be_fixed(store: CaseStore, monkeypatch):
    monkeypatch.setattr(store_module, "_check", lambda case: None)  # as an older Casefile stored it
    old = store.import_cases([CaseFile(id="", case_number="", subject=Subject(family_name=DISGUISED,
                                                                              given_names="Ann"))])[0].case
    monkeypatch.undo()
    case = store.view_case(old.id)
    assert case.subject.family_name == DISGUISED
    assert [s.id for s in store.search_cases("evil").rows] == [old.id]
    reopened = store.get_case(old.id)
    with pytest.raises(InvalidCase, match=r"subject\.family_name: holds invisible characters"):
        store.update_case(replace(reopened, notes="an edit leaving the name as it is"))
    fixed = store.update_case(replace(reopened, subject=replace(reopened.subject, family_name="Evil"))).case
    assert fixed.subject.family_name == "Evil"


@pytest.mark.parametrize(("name", "chars"), [
    ("Dana \u202eztrO\u202c", "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING"),
    ("Dana\u200bOrtiz", "U+200B ZERO WIDTH SPACE"),
    ("Dana \u2066Ortiz\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE")])
def test_the_store_refuses_a_disguised_officer_name_and_writes_nothing(tmp_path, name, chars):
    """The officer's name signs every memo and decision: "Dana \u202eztrO" shows as "Dana Ortiz" (a colleague)
    while being another. CaseStore.create refuses it whoever calls it, naming the characters; no file is made."""
    data_dir = tmp_path / "profile"
    with pytest.raises(ProfileRefused) as refused:
        CaseStore.create(data_dir, PASSPHRASE, replace(OFFICER, name=name))
    assert str(refused.value) == (f"the officer name holds invisible characters that can make it read as another "
                                  f"name ({chars}); type it with visible characters only")
    assert not data_dir.exists() and list(tmp_path.iterdir()) == []


def test_a_right_to_left_officer_name_and_the_joiner_persian_needs_are_kept(tmp_path):
    name = "مهر\u200cناز דוד"
    with CaseStore.create(tmp_path / "profile", PASSPHRASE, replace(OFFICER, name=name)) as store:
        assert store.officer.name == name
