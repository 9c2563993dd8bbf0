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
    convert = _TO_JSON.get(cls)
    if convert is None:
        convert = _TO_JSON[cls] = _to_json_for(cls)
    return convert(value)


_TO_JSON: dict[type, typing.Callable[[Any], Any]] = {}
"""The converter of each type met (to_jsonable): a case is converted at every save, digest and sync."""


def _to_json_for(cls: type) -> typing.Callable[[Any], Any]:
    names = field_names(cls)
    if names is not None:
        if issubclass(cls, PartialDate):
            return lambda value: value.text

        def convert(value: Any) -> Any:
            out = {}
            for name in names:
                field = getattr(value, name)
                out[name] = field if type(field) in _PLAIN else to_jsonable(field)
            return out
        return convert
    if issubclass(cls, Enum):
        return lambda value: value.value
    if issubclass(cls, datetime | date):
        return lambda value: value.isoformat()
    if issubclass(cls, tuple | list):
        return lambda value: [item if type(item) in _PLAIN else to_jsonable(item) for item in value]
    if issubclass(cls, dict):
        return lambda value: {str(k): to_jsonable(v) for k, v in value.items()}
    return lambda value: value


def strings_of(value: Any) -> list[str]:
    """Every string in a dataclass tree — fields, list items, dict values, a PartialDate's text — in order (enum
    members, numbers and dates are not text a person wrote). Lets a check of all a case's text (NFC, UTF-8) ask
    once, in C, of the strings joined, instead of walking the case in Python for every field."""
    out: list[str] = []
    _collect_strings(value, out)
    return out


def _collect_strings(value: Any, out: list[str]) -> None:
    cls = type(value)
    if cls is str:
        out.append(value)
        return
    walk = _STRING_WALKERS.get(cls)
    if walk is None:
        walk = _STRING_WALKERS[cls] = _string_walker(cls)
    walk(value, out)


_STRING_WALKERS: dict[type, typing.Callable[[Any, list[str]], None]] = {}
_NOT_TEXT = (int, float, bool, Enum, datetime, date, type(None))


def _string_walker(cls: type) -> typing.Callable[[Any, list[str]], None]:
    if issubclass(cls, _NOT_TEXT):  # before str: a StrEnum member is a str
        return lambda value, out: None
    if issubclass(cls, str):
        return lambda value, out: out.append(value)
    names = field_names(cls)
    if names is not None:
        def fields(value: Any, out: list[str]) -> None:
            for name in names:
                field = getattr(value, name)
                if type(field) is str:
                    out.append(field)
                else:
                    _collect_strings(field, out)
        return fields
    if issubclass(cls, tuple | list):
        def items(value: Any, out: list[str]) -> None:
            for item in value:
                if type(item) is str:
                    out.append(item)
                else:
                    _collect_strings(item, out)
        return items
    if issubclass(cls, dict):
        def values(value: Any, out: list[str]) -> None:
            for item in value.values():
                _collect_strings(item, out)
        return values
    return lambda value, out: None


def canonical_json(value: Any) -> str:
    return plain_canonical_json(to_jsonable(value))


def plain_canonical_json(value: Any) -> str:
    """canonical_json of a value that is plain JSON values already (what to_jsonable gives): not walked again."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


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
    return typing.cast(T, _decoder(typing.cast(Any, cls))(data, path))


def _decode(tp: Any, data: Any, path: str) -> Any:
    return _decoder(tp)(data, path)


Decoder = typing.Callable[[Any, str], Any]


@cache
def _decoder(tp: Any) -> Decoder:
    """The function that decodes JSON values into `tp`, made once per type from its hints (a pull decodes
    10,000 cases: asking typing what each field is at every value cost more than the decoding)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        nullable = type(None) in args
        (inner_tp,) = [a for a in args if a is not type(None)]
        inner = _decoder(inner_tp)

        def optional(data: Any, path: str) -> Any:
            if data is None and nullable:
                return None
            return inner(data, path)
        return optional
    if origin is tuple:
        (item_tp, _ellipsis) = typing.get_args(tp)
        item = _decoder(item_tp)

        def sequence(data: Any, path: str) -> Any:
            if not isinstance(data, list):
                raise DecodeError(path, "expected a list")
            try:
                return tuple([item(value, "") for value in data])
            except DecodeError as exc:  # which item: found again only now (no path is built while all is well)
                at = next(i for i, value in enumerate(data) if _fails(item, value))
                raise _within(exc, f"{path}[{at}]") from None
        return sequence
    if tp is PartialDate:
        return _partial_date
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        enum_tp = tp

        def member(data: Any, path: str) -> Any:
            try:
                return enum_tp(data)
            except ValueError:
                allowed = ", ".join(repr(m.value) for m in enum_tp)
                raise DecodeError(path, f"{data!r} is not one of {allowed}") from None
        return member
    plain = {datetime: _datetime, date: _date, bool: _bool, int: _int, str: _str}.get(tp)
    if plain is None:
        raise TypeError(f"no decoder for {tp!r}")  # a programming error, not bad input
    return plain


def _dataclass_decoder(cls: type) -> Decoder:
    """Decodes a JSON object into `cls`; the field decoders are looked up on first use (a type may refer to
    itself, or to one not yet decoded)."""
    fields = _decoded_fields(cls)
    names = fields.keys()
    decoders: list[tuple[str, Decoder, bool]] = []

    def decode(data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            raise DecodeError(path, "expected an object")
        if not data.keys() <= names:
            raise DecodeError(_join(path, sorted(set(data) - set(names))[0]), "is not a known field")
        if not decoders:  # built whole, then put in place at once: another thread sees none or all of it
            decoders[:] = [(name, _decoder(hint), needed) for name, (hint, needed) in fields.items()]
        kwargs = {}
        for name, field_decoder, needed in decoders:
            if name in data:
                value = data[name]
                if type(value) is str and field_decoder is _str:
                    kwargs[name] = value
                    continue
                try:
                    kwargs[name] = field_decoder(value, "")
                except DecodeError as exc:  # the path is built only for an error
                    raise _within(exc, _join(path, name)) from None
            elif needed:
                raise DecodeError(_join(path, name), "is required")
        return cls(**kwargs)
    return decode


def _within(exc: DecodeError, prefix: str) -> DecodeError:
    """`exc`, raised by a part decoded with an empty path, with the path of that part in front."""
    inner = exc.path
    path = prefix if not inner else prefix + inner if inner.startswith("[") else _join(prefix, inner)
    return DecodeError(path, exc.message)


def _fails(decoder: Decoder, value: Any) -> bool:
    try:
        decoder(value, "")
    except DecodeError:
        return True
    return False


def _str(data: Any, path: str) -> Any:
    if not isinstance(data, str):
        raise DecodeError(path, "expected text")
    return data


def _partial_date(data: Any, path: str) -> Any:
    if not isinstance(data, str):
        raise DecodeError(path, "expected a date as text (YYYY-MM-DD, YYYY-MM, YYYY or empty)")
    try:
        return PartialDate.parse(data)
    except PartialDateError as exc:
        raise DecodeError(path, f"{data!r}: {exc}") from None


def _datetime(data: Any, path: str) -> Any:
    if not isinstance(data, str):
        raise DecodeError(path, "expected a date and time as text")
    try:
        return datetime.fromisoformat(data)
    except ValueError:
        raise DecodeError(path, f"{data!r} is not an ISO date and time") from None


def _date(data: Any, path: str) -> Any:
    if not isinstance(data, str):
        raise DecodeError(path, "expected a date as text (YYYY-MM-DD)")
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise DecodeError(path, f"{data!r} is not a date (YYYY-MM-DD)") from None


def _bool(data: Any, path: str) -> Any:
    if not isinstance(data, bool):
        raise DecodeError(path, "expected true or false")
    return data


def _int(data: Any, path: str) -> Any:
    if not isinstance(data, int) or isinstance(data, bool):
        raise DecodeError(path, "expected a whole number")
    return data


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
