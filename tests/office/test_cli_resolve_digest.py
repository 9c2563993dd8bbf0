"""`casefile resolve` applies a choice only to the conflict `casefile conflicts` showed: the listing gives each
conflict's digest (its field, both values and office revision), and taking the office's value (or deciding a
deletion) needs it back — a conflict that changed since (a sync brought another office value, an edit here) is
refused with exit 2 and one line, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.test_cli import run
from tests.office.conftest import Laptops
from tests.office.test_conflict_after_edits import conflicted
from tests.office.test_sync import edit, run_sync


def listed(capsys, base: list[str]) -> dict[str, list[str]]:
    code, out, err = run(capsys, *base, "conflicts")
    assert (code, err) == (0, ""), err
    return {line.split("\t")[1]: line.split("\t") for line in out.splitlines()}


def alices_command_line(laptops: Laptops, tmp_path: Path) -> list[str]:
    """Alice's profile closed here and opened by `casefile` instead: the arguments that name it."""
    data_dir = laptops.alice.paths.data_dir
    laptops.alice.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    return ["--data-dir", str(data_dir), "--passphrase-file", str(pw)]


def test_take_theirs_needs_the_listed_digest_and_is_refused_once_the_office_value_changed(
        capsys, laptops: Laptops, tmp_path: Path):
    case_id = conflicted(laptops)  # notes: "A-FIRST" here, "B-ONLY" at the office
    number = laptops.alice.get_case(case_id).case_number
    base = alices_command_line(laptops, tmp_path)

    row = listed(capsys, base)["notes"]
    assert row[:4] == [number, "notes", 'mine: "A-FIRST"', 'theirs: "B-ONLY"'] and row[4].startswith("digest: ")
    shown = row[4].removeprefix("digest: ")
    assert len(shown) == 12

    code, out, err = run(capsys, *base, "resolve", number, "notes", "--theirs")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "give --digest as 'casefile conflicts' lists it for notes" in err

    # Bob changes the notes again; Alice's next sync brings that office value into the open conflict.
    edit(laptops.bob, case_id, notes="B-SECOND")
    run_sync(laptops, laptops.bob)
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        run_sync(laptops, alice)
        assert json.loads(alice.sync_conflicts(case_id)[0].theirs) == "B-SECOND"
    now = listed(capsys, base)["notes"][4].removeprefix("digest: ")
    assert now != shown

    code, out, err = run(capsys, *base, "resolve", number, "notes", "--theirs", "--digest", shown)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err == (f"casefile: the conflict on notes of {number} changed since it was listed (digest now {now}); "
                   "nothing was changed. Run 'casefile conflicts' again and choose again\n")
    code, out, err = run(capsys, "--language", "es", *base, "resolve", number, "notes", "--theirs", "--digest", shown)
    assert code == 2 and err.count("\n") == 1 and "cambió desde que se listó" in err, err
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "A-FIRST"  # nothing overwritten
        assert [c.path for c in alice.sync_conflicts(case_id)] == ["notes"]  # still open

    code, out, err = run(capsys, *base, "resolve", number, "notes", "--theirs", "--digest", now)
    assert (code, err) == (0, ""), err
    assert out.startswith(f"{number}: kept theirs for notes")
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "B-SECOND" and alice.sync_conflicts(case_id) == []


def test_keep_mine_without_a_digest_still_works_and_a_wrong_one_is_refused(capsys, laptops: Laptops,
                                                                           tmp_path: Path):
    case_id = conflicted(laptops)
    number = laptops.alice.get_case(case_id).case_number
    base = alices_command_line(laptops, tmp_path)
    code, out, err = run(capsys, *base, "resolve", number, "notes", "--mine", "--digest", "000000000000")
    assert (code, out) == (2, "") and "changed since it was listed" in err
    code, out, err = run(capsys, *base, "resolve", number, "notes", "--mine")
    assert (code, err) == (0, ""), err
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        assert alice.get_case(case_id).notes == "A-FIRST" and alice.sync_conflicts(case_id) == []
