"""The command line's own lines: export says what it wrote (counts in the reader's plural, Spanish too), and
`conflicts` or `queue` with nothing to list say so to a person at a terminal (a script reading the lines gets
none, as before)."""

from __future__ import annotations

import os
import pty
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from casework.i18n import QT_TRANSLATE_NOOP, english_count, plural, render
from desktop.cli_i18n import ENGLISH, Catalogue
from storage.store import CaseStore
from tests.casework.test_checks import complete_case
from tests.conftest import OFFICER, PASSPHRASE
from tests.desktop.test_cli import run
from tests.storage.faults import casefile_cmd, cli_env


@pytest.fixture
def stored(data_dir: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """A store holding two cases; the command line's first arguments for it; the case numbers."""
    with CaseStore.create(data_dir, PASSPHRASE, OFFICER) as store:
        case = complete_case()
        results = store.import_cases([replace(case, id="", case_number=""), replace(
            case, id="", case_number="", subject=replace(case.subject, a_number="A987654321"))])
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    return ["--data-dir", str(data_dir), "--passphrase-file", str(pw)], [r.case.case_number for r in results]


def test_export_says_what_it_wrote(capsys, stored, tmp_path):
    base, numbers = stored
    code, out, err = run(capsys, *base, "export", numbers[0], "-o", str(tmp_path / "one.json"))
    assert (code, err) == (0, "")
    assert out == f"Exported {numbers[0]} to {tmp_path / 'one.json'} (plaintext: handle with care)\n"
    code, out, err = run(capsys, *base, "export", "--all", "-o", str(tmp_path / "all"))
    assert (code, err) == (0, "") and out == f"Exported 2 cases to {tmp_path / 'all'} (plaintext: handle with care)\n"
    code, out, err = run(capsys, "--language", "es", *base, "export", "--all", "-o", str(tmp_path / "todos"))
    assert (code, err) == (0, "")
    assert out == f"Exportación a {tmp_path / 'todos'}: 2 casos (texto sin cifrar: manéjelo con cuidado)\n"
    code, out, _err = run(capsys, *base, "export", numbers[0])  # to standard output: the case alone
    assert code == 0 and out.startswith("{") and "Exported" not in out


def test_counts_take_the_readers_plural():
    cases = plural.translate("cli", "%n case(s)", None, -1)
    assert [english_count(cases.source, n) for n in (0, 1, 2)] == ["0 cases", "1 case", "2 cases"]
    assert [str(cases.of(n)) for n in (0, 1, 2)] == ["0 cases", "1 case", "2 cases"]  # logs and records
    line = QT_TRANSLATE_NOOP("cli", "Exported {cases} to {folder} (plaintext: handle with care)")
    spanish = Catalogue("es")
    assert [spanish.text(cases.of(n)) for n in (1, 2)] == ["1 caso", "2 casos"]
    assert spanish.text(line.format(cases=cases.of(1), folder="/x")).startswith("Exportación a /x: 1 caso ")
    assert ENGLISH.text(line.format(cases=cases.of(1), folder="/x")).startswith("Exported 1 case to /x ")
    assert render(cases.of(1), lambda _context, _source: "") == "1 case"  # a translator without plural forms


def at_a_terminal(data_dir: Path, *args: str) -> str:
    """What `casefile ARGS` prints to a terminal (a pseudo-terminal as its standard output)."""
    main, child = pty.openpty()
    try:
        proc = subprocess.run(casefile_cmd(*args), stdout=child, stderr=subprocess.PIPE, env=cli_env(data_dir),
                              timeout=120, check=False)
        os.close(child)
        child = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
        if child >= 0:
            os.close(child)
    assert proc.returncode == 0 and proc.stderr == b"", proc.stderr
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_nothing_to_list_is_said_at_a_terminal_and_nothing_printed_to_a_script(capsys, stored, data_dir):
    base, _numbers = stored
    assert at_a_terminal(data_dir, *base, "conflicts") == "No open conflicts.\n"
    assert at_a_terminal(data_dir, *base, "--language", "es", "conflicts") == "No hay conflictos abiertos.\n"
    assert at_a_terminal(data_dir, *base, "queue") == "The review queue is empty.\n"
    assert run(capsys, *base, "conflicts") == (0, "", "")
    assert run(capsys, *base, "queue") == (0, "", "")



def test_the_sync_summary_counts_in_the_readers_plural(capsys, tmp_path):
    """'(1 cases, …' before."""
    from casework.model import Role

    with CaseStore.create(tmp_path / "sam", PASSPHRASE, OFFICER, role=Role.SUPERVISOR) as store:
        store.import_cases([replace(complete_case(), id="", case_number="")])
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE)
    base = ["--data-dir", str(tmp_path / "sam"), "--passphrase-file", str(pw)]
    assert run(capsys, *base, "office", "init", "--folder", str(tmp_path / "share"))[0] == 0
    code, out, err = run(capsys, *base, "sync")
    assert code == 0 and "in step (1 case, digest " in out, err
    code, out, err = run(capsys, "--language", "es", *base, "sync")
    assert code == 0 and "sincronizados (1 caso, resumen " in out, err
