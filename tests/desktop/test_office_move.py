"""Office ▸ Settings moves the link when the office moved — the share on another drive letter or server, the
database host renamed — and only to the same office: another office, a place with no office, an old copy, and a
copy with this office's id but other keys are each refused with their own message (qtbot, the real app, a real
folder and the real PostgreSQL)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import psycopg

from casework.model import Role
from storage.office import link
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import shot
from tests.desktop.test_office_sync import laptops, launch_as, make_cases, office, office_sync, open_sync_dialog
from tests.office.conftest import PG_DSN, SAM, Laptops

__all__ = ["laptops", "office"]

MOVED_DSN = PG_DSN.replace("host=127.0.0.1", "host=localhost")


def another_office(tmp_path: Path, kind: str) -> tuple[Path | None, str]:
    """A second office made by another supervisor: (its folder, or None and its schema)."""
    other = CaseStore.create(tmp_path / "other-sam", PASSPHRASE, SAM, role=Role.SUPERVISOR)
    try:
        if kind == "folder":
            link.init_office(other, link.open_backend(folder=tmp_path / "other-office"))
            return tmp_path / "other-office", ""
        schema = f"{tmp_path.name[-20:].lower().replace('-', '_')}_other"
        link.init_office(other, link.open_backend(dsn=PG_DSN, schema=schema))
        return None, schema
    finally:
        other.close()


def point(dlg, kind: str, folder: Path | None = None, dsn: str = "", schema: str = "") -> None:
    if kind == "folder":
        dlg.folder.setText(str(folder))
    else:
        dlg.dsn.setText(dsn)
        dlg.schema.setText(schema)


def move(qtbot, dlg) -> str:
    dlg.move_button.click()
    qtbot.waitUntil(lambda: dlg.move_button.isEnabled() and dlg.result.text()[:1] in "✔✖", timeout=15000)
    return dlg.result.text()


def test_the_link_follows_the_office_and_only_the_same_office(qtbot, launch, laptops: Laptops, tmp_path):
    kind = laptops.office.kind
    make_cases(laptops.alice, "Uno")
    office_sync(laptops, laptops.alice)
    old_copy = tmp_path / "old-copy"
    if kind == "folder":
        shutil.copytree(laptops.office.folder, old_copy)  # a backup of the share, taken now
    make_cases(laptops.alice, "Dos")
    office_sync(laptops, laptops.alice)
    other_folder, other_schema = another_office(tmp_path, kind)
    if kind == "folder":
        moved = tmp_path / "new-drive" / "office-share"
        moved.parent.mkdir()
        laptops.office.folder.rename(moved)  # the share now lives elsewhere
    window = launch_as(qtbot, launch, laptops, "alice")
    window.office.settings_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "office_dialog", None) is not None and window.office_dialog.isVisible(),
                    timeout=15000)
    dlg = window.office_dialog
    assert dlg.move_button.isVisible() and dlg.where.isVisible()
    if kind == "folder":
        assert dlg.folder.text() == str(laptops.office.folder)  # where the link points now
    else:
        assert dlg.dsn.text() == ""  # never shown again: it may hold a password
        assert dlg.schema.text() == laptops.office.schema != "casefile_office"  # the link's, not the default

    point(dlg, kind, other_folder, PG_DSN, other_schema)
    text = move(qtbot, dlg)
    assert text.startswith("✖ Not moved: ") and "holds another office (" in text
    assert "not the one this profile belongs to" in text and text.endswith("the link was not moved.")

    point(dlg, kind, tmp_path / "nothing-here", MOVED_DSN, "casefile_no_office_here")
    text = move(qtbot, dlg)
    assert text.startswith("✖ Not moved: " + ("The office folder " if kind == "folder" else
                                              "There is no Casefile office in schema casefile_no_office_here")), text
    if kind == "folder":
        assert "nothing-here is not there (a drive removed, a share not mounted, or the folder moved or " \
            "renamed?)" in text

    if kind == "folder":
        point(dlg, kind, old_copy)
        text = move(qtbot, dlg)
        assert "fewer of this office's records than this profile has already taken in (2)" in text, text
        forged = tmp_path / "forged"  # this office's id, with a member list signed by someone else's key
        shutil.copytree(moved, forged)
        other_rosters = sorted((other_folder / "roster").iterdir())
        shutil.rmtree(forged / "roster")
        (forged / "roster").mkdir()
        first = json.loads(other_rosters[0].read_text())
        mine = json.loads((moved / "casefile-office.json").read_text())["office_id"]
        (forged / "roster" / other_rosters[0].name).write_text(json.dumps({**first, "office_id": mine}))
        point(dlg, kind, forged)
        text = move(qtbot, dlg)
        assert "whose member list is not signed by its founder key" in text, text
    assert str(laptops.office.folder if kind == "folder" else "host=127.0.0.1") in dlg.linked_text.text()  # unmoved

    # a password typed into the new DSN (this test server ignores it) must never be shown or logged
    # … and the schema is the link's again (not the default) when only the DSN is typed
    if kind == "folder":
        point(dlg, kind, moved)
    else:
        dlg.close()  # opened again: the Schema field starts as the link's
        window.office.settings_action.trigger()
        qtbot.waitUntil(lambda: window.office_dialog is not dlg and window.office_dialog.isVisible(), timeout=15000)
        dlg = window.office_dialog
        assert dlg.schema.text() == laptops.office.schema
        dlg.dsn.setText(f"{MOVED_DSN} password=moved-secret")
    shot(dlg, f"office-move-typed-{kind}")
    text = move(qtbot, dlg)
    assert text.startswith("✔ Same office: the link now points at "), text
    assert "moved-secret" not in text
    assert (str(moved) if kind == "folder" else "host=localhost") in text
    qtbot.waitUntil(lambda: (str(moved) if kind == "folder" else "host=localhost") in dlg.linked_text.text(),
                    timeout=15000)
    assert "moved-secret" not in dlg.linked_text.text()
    assert "moved-secret" not in dlg.dsn.text()  # the typed password does not stay on screen either
    if kind == "postgres":
        assert dlg.schema.text() == laptops.office.schema
    shot(dlg, f"office-moved-{kind}")
    dlg.reject()
    sync_dlg = open_sync_dialog(qtbot, window, by_key=False)
    sync_dlg.sync_button.click()
    qtbot.waitUntil(lambda: sync_dlg.phase in ("done", "stopped"), timeout=15000)
    assert sync_dlg.phase == "done" and sync_dlg.report.in_step, sync_dlg.headline.text()
    sync_dlg.reject()
    window.close()
    window.shutdown()
    with CaseStore.open(laptops.alice.paths.data_dir, PASSPHRASE) as alice:
        lk = link.require_link(alice)
        assert (lk.location == str(moved)) if kind == "folder" else ("host=localhost" in json.loads(lk.location)["dsn"])
        moves = [e for e in alice.audit_entries() if e.action == "office_link_moved"]
        assert len(moves) == 1 and "moved-secret" not in moves[0].detail
        if kind == "postgres":  # the password went where the login is kept (the encrypted store), not elsewhere
            assert "password=moved-secret" in json.loads(lk.location)["dsn"]
            assert "password=***" in moves[0].detail
    if kind == "postgres":
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{other_schema}" CASCADE')
