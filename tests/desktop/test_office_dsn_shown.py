"""A DSN is never shown with its password: the office settings dialog's connection test, `casefile office`'s
lines and errors, and the link's status say where the office is with the password as *** — for a URI and for
key=value text (a quoted password with an escaped quote, a dbname that is itself a connection string) — and a
DSN libpq cannot read is not shown at all (its own complaint quotes it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.model import Officer, Role
from storage.office.dsn import parse_problem, shown_dsn, shown_location
from storage.office.probe import Probe, probe_postgres
from storage.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.desktop.conftest import shot, unlock, wait_unlocked
from tests.desktop.test_cli import run
from tests.office import conftest as office_fixtures

office = office_fixtures.office

SECRET = "s3cret-Zq9"
UNREADABLE = f"postgresql://postgres:{SECRET}@[::1:5433/test"
"""An IPv6 host without its closing bracket: libpq's complaint quotes the whole URI."""
QUOTED = rf"host=127.0.0.1 port=1 user=postgres password='it\'s {SECRET}' dbname=test connect_timeout=3"
"""A quoted password holding an escaped quote: a pattern that stops at the first quote shows the rest of it."""
URI = f"postgresql://postgres:{SECRET}@127.0.0.1:1/test?connect_timeout=3"


@pytest.mark.parametrize(("dsn", "shown"), [
    (URI, "user=postgres password=*** connect_timeout=3 dbname=test host=127.0.0.1 port=1"),
    (QUOTED, "user=postgres password=*** connect_timeout=3 dbname=test host=127.0.0.1 port=1"),
    (f"host=h dbname='postgresql://u:{SECRET}@h2/db'", "dbname='user=u password=*** dbname=db host=h2' host=h"),
    (f"host=h sslpassword={SECRET} sslmode=verify-full", "host=h sslmode=verify-full sslpassword=***"),
    (f"postgresql://h/db?password={SECRET}&sslmode=require", "password=*** dbname=db host=h sslmode=require"),
    (UNREADABLE, None),
    (f"host=h password {SECRET}", None),
])
def test_a_dsn_is_shown_without_its_password_or_not_at_all(dsn, shown):
    assert shown_dsn(dsn) == shown
    assert SECRET not in shown_location(dsn, "casefile_office")
    assert SECRET not in (parse_problem(dsn) or "")


@pytest.mark.parametrize("dsn", [UNREADABLE, QUOTED, URI])
def test_the_connection_test_never_shows_the_password(dsn):
    found = probe_postgres(dsn, "casefile_office")
    assert not found.ok and SECRET not in found.message
    if dsn == UNREADABLE:
        assert found.outcome is Probe.BAD_ADDRESS and "postgresql://" not in found.message
    else:
        assert "password=***" in found.message and found.outcome is Probe.UNREACHABLE


def test_the_office_settings_dialog_shows_a_failed_test_without_the_password(qtbot, launch, tmp_path: Path):
    CaseStore.create(tmp_path / "dan", PASSPHRASE, Officer("Dan Ruiz", "DR-9", "Field Office Example")).close()
    window = launch(tmp_path / "dan")
    unlock(qtbot, window)
    wait_unlocked(qtbot, window)
    qtbot.waitUntil(lambda: window.office.join_action.isEnabled(), timeout=15000)
    window.office.join_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "office_dialog", None) is not None and window.office_dialog.isVisible(),
                    timeout=15000)
    dlg = window.office_dialog
    dlg.pg_radio.setChecked(True)
    for dsn, says in ((UNREADABLE, "not a PostgreSQL connection string"), (QUOTED, "cannot be reached"),
                      (URI, "cannot be reached")):
        dlg.dsn.setText(dsn)
        dlg.result.clear()
        dlg.test_button.click()
        qtbot.waitUntil(lambda: dlg.test_button.isEnabled() and dlg.result.text().startswith("✖"), timeout=15000)
        text = dlg.result.text()
        assert says in text and SECRET not in text, text
        assert ("postgresql://" not in text) if dsn == UNREADABLE else ("password=***" in text)
    shot(dlg, "office-settings-dsn-hidden")
    dlg.reject()


@pytest.mark.parametrize("office", ["postgres"], indirect=True)
def test_casefile_office_lines_and_errors_never_show_the_password(capsys, office, tmp_path: Path):
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n")
    base = ["--data-dir", str(tmp_path / "sam"), "--passphrase-file", str(pw)]
    CaseStore.create(tmp_path / "sam", PASSPHRASE, Officer("Sam Reyes", "SR-7", "FO"), role=Role.SUPERVISOR).close()
    code, out, err = run(capsys, *base, "office", "init", "--dsn", UNREADABLE, "--schema", office.schema)
    assert (code, out) == (2, "") and err.count("\n") == 1 and SECRET not in err
    assert "not a PostgreSQL connection string" in err and "postgresql://" not in err
    code, out, err = run(capsys, *base, "office", "init", "--dsn", QUOTED, "--schema", office.schema)
    assert code == 2 and err.count("\n") == 1 and SECRET not in err
    # a trust-auth test server takes any password: the office is made, and its line shows where without it
    good = f"{office_fixtures.PG_DSN} password='it\\'s {SECRET}'"
    code, out, err = run(capsys, *base, "office", "init", "--dsn", good, "--schema", office.schema)
    assert (code, err) == (0, ""), err
    assert SECRET not in out and "password=***" in out
    code, out, err = run(capsys, *base, "office", "status")
    assert (code, err) == (0, ""), err
    assert SECRET not in out and "password=***" in out
