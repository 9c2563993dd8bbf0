"""The default profile folder is the platform's per-user data folder, computed on Linux without platformdirs
(it is read before the unlock dialog is painted) and by the same rule."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from storage.paths import APP_NAME, StorePaths, default_data_dir


@pytest.mark.parametrize("xdg", [None, "", "relative/share", "/srv/officer data/share", "/tmp/Ñandú/شارع"])
def test_the_default_folder_is_platformdirs_own(monkeypatch, xdg):
    monkeypatch.delenv("CASEFILE_DATA_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_data_dir() == Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is Linux's")
def test_a_relative_xdg_folder_is_ignored(monkeypatch):
    monkeypatch.delenv("CASEFILE_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", "/home/officer")
    assert default_data_dir() == Path("/home/officer/.local/share/Casefile")


def test_casefile_data_dir_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path


def test_store_paths_is_an_immutable_value(tmp_path):
    paths = StorePaths(tmp_path)
    assert paths == StorePaths(tmp_path) and hash(paths) == hash(StorePaths(tmp_path))
    assert paths != StorePaths(tmp_path / "other") and paths != tmp_path
    assert paths.database == tmp_path / "casefile.db" and repr(paths) == f"StorePaths(data_dir={tmp_path!r})"
    with pytest.raises(AttributeError):
        paths.data_dir = tmp_path / "other"  # type: ignore[misc]
    assert paths.data_dir == tmp_path
