"""Text as stored: Unicode NFC, so that "é" typed on one keyboard and "é" (e + combining accent) pasted from
another system are the same name to search, merge and compare."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any, TypeVar

from casework.serial import field_names, strings_of

T = TypeVar("T")


def nfc(value: T) -> T:
    """`value` (a dataclass tree, tuple, dict or string) with every string in NFC; other values unchanged.

    Most cases are NFC already: asked first of all their strings at once, in C (joined by a line break, a
    character that never composes with its neighbours, so the whole is NFC exactly when every part is)."""
    joined = "\n".join(strings_of(value))
    if joined.isascii() or unicodedata.is_normalized("NFC", joined):
        return value
    return _nfc(value)  # type: ignore[no-any-return]


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    names = field_names(type(value))
    if names is not None:
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = _nfc(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_nfc(v) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value
