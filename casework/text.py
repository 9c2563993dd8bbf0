"""Text as stored: Unicode NFC, so that "é" typed on one keyboard and "é" (e + combining accent) pasted from
another system are the same name to search, merge and compare."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any, TypeVar

T = TypeVar("T")


def nfc(value: T) -> T:
    """`value` (a dataclass tree, tuple, dict or string) with every string in NFC; other values unchanged."""
    return _nfc(value)  # type: ignore[no-any-return]


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _nfc(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, tuple):
        items = tuple(_nfc(v) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value
