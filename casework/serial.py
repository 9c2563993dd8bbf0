"""Dataclasses ↔ plain JSON values, driven by the type hints, with errors that name the field.

One mapping serves the encrypted store, the JSON exchange format, (later) office sync and the memo digest, so
a case means the same bytes everywhere. `canonical_json` is the form that is hashed: sorted keys, no
insignificant white space, UTF-8.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from casework.dates import PartialDate, PartialDateError

T = TypeVar("T")


class DecodeError(ValueError):
    """A value does not fit the field it is meant for; `path` names the field ("subject.a_number")."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'document'}: {message}")
        self.path = path
        self.message = message


_PLAIN = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type (looked up once per type: walking a case
    — to JSON, to NFC, for validation — asked dataclasses for them at every object)."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def to_jsonable(value: Any) -> Any:
    """Turn a dataclass tree into dicts, lists, strings, numbers, booleans and None."""
    cls = type(value)
    if cls in _PLAIN:
        return value
    names = field_names(cls)
    if names is not None:
        if isinstance(value, PartialDate):
            return value.text
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(to_jsonable(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _decoded_fields(cls: type) -> dict[str, tuple[Any, bool]]:
    """name → (type hint, required) of a dataclass's fields, in order."""
    hints = _hints(cls)
    return {f.name: (hints[f.name], f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
            for f in dataclasses.fields(cls)}


def from_jsonable(cls: type[T], data: Any, path: str = "") -> T:
    """Build `cls` from JSON values; missing fields take their defaults, unknown fields are an error."""
    return typing.cast(T, _decode(cls, data, path))


def _decode(tp: Any, data: Any, path: str) -> Any:
    if tp is str and type(data) is str:  # most fields: no need to ask typing what `str` is
        return data
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, data, path)
    if origin is tuple:
        if not isinstance(data, list):
            raise DecodeError(path, "expected a list")
        (inner, _ellipsis) = typing.get_args(tp)
        return tuple(_decode(inner, item, f"{path}[{i}]") for i, item in enumerate(data))
    if tp is PartialDate:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a date as text (YYYY-MM-DD, YYYY-MM, YYYY or empty)")
        try:
            return PartialDate.parse(data)
        except PartialDateError as exc:
            raise DecodeError(path, f"{data!r}: {exc}") from None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise DecodeError(path, "expected an object")
        fields = _decoded_fields(tp)
        if not data.keys() <= fields.keys():
            raise DecodeError(_join(path, sorted(set(data) - set(fields))[0]), "is not a known field")
        kwargs = {}
        for name, (hint, required) in fields.items():
            if name in data:
                kwargs[name] = _decode(hint, data[name], _join(path, name))
            elif required:
                raise DecodeError(_join(path, name), "is required")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in tp)
            raise DecodeError(path, f"{data!r} is not one of {allowed}") from None
    if tp is datetime:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a date and time as text")
        try:
            return datetime.fromisoformat(data)
        except ValueError:
            raise DecodeError(path, f"{data!r} is not an ISO date and time") from None
    if tp is date:
        if not isinstance(data, str):
            raise DecodeError(path, "expected a date as text (YYYY-MM-DD)")
        try:
            return date.fromisoformat(data)
        except ValueError:
            raise DecodeError(path, f"{data!r} is not a date (YYYY-MM-DD)") from None
    if tp is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, "expected true or false")
        return data
    if tp is int:
        if not isinstance(data, int) or isinstance(data, bool):
            raise DecodeError(path, "expected a whole number")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise DecodeError(path, "expected text")
        return data
    raise TypeError(f"no decoder for {tp!r} at {path}")  # a programming error, not bad input


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
