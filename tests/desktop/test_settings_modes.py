"""The profile's folder and settings.ini are its owner's alone, however the folder came to exist (the window
writes its settings before the store is set up)."""

from __future__ import annotations

import stat

from desktop.settings import open_settings
from storage.store import CaseStore
from tests.conftest import OFFICER, PASSPHRASE


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_settings_written_before_the_store_is_set_up_stay_private(tmp_path):
    data_dir = tmp_path / "Casefile"
    settings = open_settings(data_dir / "settings.ini")
    settings.setValue("ui/language", "es")
    settings.sync()
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "settings.ini") == 0o600
    assert (data_dir / "settings.ini").read_text().strip().endswith("language=es")


def test_a_store_set_up_in_a_folder_that_was_open_to_others_closes_it(tmp_path):
    data_dir = tmp_path / "Casefile"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    CaseStore.create(data_dir, PASSPHRASE, OFFICER).close()
    assert _mode(data_dir) == 0o700


def test_a_settings_file_and_folder_left_open_by_an_older_version_are_closed(tmp_path):
    data_dir = tmp_path / "Casefile"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    (data_dir / "settings.ini").write_text("[ui]\nlanguage=en\n")
    (data_dir / "settings.ini").chmod(0o644)
    settings = open_settings(data_dir / "settings.ini")
    assert settings.value("ui/language") == "en"
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "settings.ini") == 0o600
