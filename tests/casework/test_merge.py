"""Three-way merge at field level: what merges by itself, and what is kept for a person."""

from __future__ import annotations

from casework.merge import Conflict, merge, set_path


def doc(**fields):
    base = {"id": "c1", "revision": 3, "notes": "", "other_ties": "",
            "subject": {"family_name": "Núñez", "given_names": "Ana"},
            "offenses": [{"id": "o1", "charge": "theft", "disposition": ""}]}
    base.update(fields)
    return base


def test_different_fields_merge_and_bookkeeping_is_never_a_conflict():
    base = doc()
    mine = doc(notes="mine", revision=7)
    theirs = doc(subject={"family_name": "Núñez", "given_names": "Ana María"}, revision=2)
    result = merge(base, mine, theirs)
    assert result.conflicts == ()
    assert result.merged == doc(notes="mine", subject={"family_name": "Núñez", "given_names": "Ana María"},
                                revision=7)


def test_the_same_field_changed_on_both_sides_keeps_both_values():
    result = merge(doc(), doc(notes="lives alone"), doc(notes="lives with her mother"))
    assert result.conflicts == (Conflict("notes", "", "lives alone", "lives with her mother"),)
    assert result.merged["notes"] == "lives alone"


def test_list_items_merge_by_their_stable_ids():
    base = doc()
    mine = doc(offenses=[{"id": "o1", "charge": "theft", "disposition": "vacated"}])
    theirs = doc(offenses=[{"id": "o1", "charge": "petty theft", "disposition": ""},
                           {"id": "o2", "charge": "trespass", "disposition": ""}])
    result = merge(base, mine, theirs)
    assert result.conflicts == ()
    assert result.merged["offenses"] == [{"id": "o1", "charge": "petty theft", "disposition": "vacated"},
                                         {"id": "o2", "charge": "trespass", "disposition": ""}]


def test_an_item_removed_on_one_side_and_changed_on_the_other_is_a_conflict():
    mine = doc(offenses=[])
    theirs = doc(offenses=[{"id": "o1", "charge": "theft", "disposition": "dismissed"}])
    (conflict,) = merge(doc(), mine, theirs).conflicts
    assert (conflict.path, conflict.mine, conflict.theirs["disposition"]) == ("offenses[o1]", None, "dismissed")


def test_an_item_removed_on_one_side_only_stays_removed():
    assert merge(doc(), doc(offenses=[]), doc(notes="x")).merged["offenses"] == []


def test_workflow_history_keeps_both_sides_events_in_time_order():
    a = {"at": "2026-01-01T10:00:00+00:00", "actor": "AM-101", "event": "submitted", "comment": ""}
    b = {"at": "2026-01-02T10:00:00+00:00", "actor": "SR-7", "event": "returned", "comment": "why"}
    c = {"at": "2026-01-03T10:00:00+00:00", "actor": "AM-101", "event": "reopened", "comment": "fix"}
    base = doc(assessment={"history": [a]})
    result = merge(base, doc(assessment={"history": [a, c]}), doc(assessment={"history": [a, b]}))
    assert result.merged["assessment"]["history"] == [a, b, c]


def test_set_path_reaches_fields_inside_list_items():
    changed = set_path(doc(), "offenses[o1].charge", "burglary")
    assert changed["offenses"][0]["charge"] == "burglary"
    assert set_path(doc(), "offenses[o1]", None)["offenses"] == []
    assert set_path(doc(), "subject.family_name", "Nunez")["subject"]["family_name"] == "Nunez"
