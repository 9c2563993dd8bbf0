"""Widgets built by a test speak English, with its plural forms (desktop.i18n)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    from desktop import i18n

    i18n.ensure("en")
