"""`casefile office status` with a case held back by a conflict: 'to push 0' alone read as nothing waiting; it
names the case held back and the command that lists its conflicts (in Spanish too, as are its other lines)."""

from __future__ import annotations

from pathlib import Path

from tests.desktop.test_cli import run
from tests.office.conftest import Laptops
from tests.office.test_cli_resolve_digest import alices_command_line
from tests.office.test_conflict_after_edits import conflicted


def test_office_status_names_a_case_held_back_by_a_conflict(capsys, laptops: Laptops, tmp_path: Path):
    case_id = conflicted(laptops)  # notes changed on both laptops: Alice's edit waits for a person
    number = laptops.alice.get_case(case_id).case_number
    base = alices_command_line(laptops, tmp_path)
    code, out, err = run(capsys, *base, "office", "status")
    assert code == 0, err
    assert f"to push 0; open conflicts 1; held back by conflicts: {number} (casefile conflicts)\n" in out
    code, out, err = run(capsys, "--language", "es", *base, "office", "status")
    assert code == 0 and f"por enviar 0; conflictos abiertos 1; retenidos por conflictos: {number}" in out, err
    lines = out.splitlines()  # every line in the reader's language, not English beside Spanish
    assert lines[0].startswith("oficina ") and ("(carpeta: " in lines[0] or "(postgres: " in lines[0])
    assert lines[1].startswith("miembro ") and "lista de miembros versión" in lines[1] and "member" not in lines[1]
    assert lines[3].startswith("reloj: ")
