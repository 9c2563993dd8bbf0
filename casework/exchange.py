"""The JSON exchange format for one case: what `casefile export` writes and `casefile import` reads.

    {"format": "casefile.case", "format_version": 4, "case": {...}}

The layout of "case" is the `CaseFile` dataclass tree (see `case_schema()`, published as
resources/schema/case-v4.schema.json). A file names its own format version, so a future version can be told
apart and refused in plain words rather than half-read. `id` and `case_number` may be left out of a file made
by another system; the store assigns them on import.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

from casework.body import legacy_to_answers
from casework.dates import PartialDate
from casework.errors import ExchangeError
from casework.model import CaseFile
from casework.serial import DecodeError, from_jsonable, to_jsonable

FORMAT = "casefile.case"
FORMAT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
"""1: the case file alone; 2: adds the optional "assessment"; 3: list items (offenses, family ties, identity
documents, other factors) carry a stable "id"; 4: the assessment keeps the answers to its policy's questions by
question id ("answers"; the 2021 layout's "border_notes", "weighing" and "current_threat" of older files are
read into the answers of those ids), the officer's acknowledgements of review items ("acknowledgements") and
where a re-assessment came from ("reassessed_from"). Each version reads as the next one without what it adds; items
that arrive without an id get one when the case is saved."""
ADDED_IN = {"answers": 4, "acknowledgements": 4, "reassessed_from": 4}
"""Assessment fields an older format version cannot hold, with the version that added them."""
TOP_LEVEL_KEYS = frozenset({"format", "format_version", "case"})


def dump_case(case: CaseFile) -> str:
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION, "case": to_jsonable(case)}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load_case(text: str | bytes) -> CaseFile:
    """Parse one exchange document; raise ExchangeError naming the line or field at fault."""
    try:
        doc = json.loads(text)
    except UnicodeDecodeError:
        raise ExchangeError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError(f'not a Casefile case (expected "format": "{FORMAT}")')
    if unknown := sorted(set(doc) - TOP_LEVEL_KEYS):
        raise ExchangeError(f"{unknown[0]}: is not a known field (a case file holds format, format_version and case)")
    version = doc.get("format_version")
    if version not in READABLE_VERSIONS:
        raise ExchangeError(
            f"format_version {version!r} is not supported; this program reads versions "
            f"{', '.join(map(str, READABLE_VERSIONS))}"
        )
    if version == 1 and isinstance(doc.get("case"), dict) and "assessment" in doc["case"]:
        raise ExchangeError('case.assessment: is not part of format_version 1 (use 2)')
    body = doc.get("case")
    if not isinstance(body, dict):
        raise ExchangeError('"case" must be an object')
    assessment = body.get("assessment")
    if isinstance(assessment, dict):
        for key, added in ADDED_IN.items():
            if key in assessment and version < added:
                raise ExchangeError(f"case.assessment.{key}: is not part of format_version {version} (use {added})")
        if version < 4:  # the 2021 layout's own fields are answers to its questions from version 4 on
            body = {**body, "assessment": legacy_to_answers(assessment)}
    body = {"id": "", "case_number": "", **body}
    try:
        return from_jsonable(CaseFile, body, "case")
    except DecodeError as exc:
        raise ExchangeError(str(exc)) from None


def case_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of an exchange document, derived from the dataclasses so it cannot drift."""
    defs: dict[str, Any] = {}
    case = _schema_for(CaseFile, defs)
    defs["CaseFile"]["required"] = []
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://casefile.invalid/schema/case-v{FORMAT_VERSION}.schema.json",
        "title": f"Casefile case exchange document, format version {FORMAT_VERSION}",
        "type": "object",
        "required": ["format", "format_version", "case"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"enum": list(READABLE_VERSIONS)},
            "case": case,
        },
        "$defs": defs,
    }


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_schema_for(inner, defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if tp is PartialDate:
        return {
            "type": "string",
            "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
            "description": "YYYY-MM-DD, YYYY-MM or YYYY as far as known; empty when unknown",
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: guards against recursion
            hints = typing.get_type_hints(tp)
            fields = dataclasses.fields(tp)
            defs[name] = {
                "type": "object",
                "additionalProperties": False,
                "properties": {f.name: _schema_for(hints[f.name], defs) for f in fields},
                "required": [
                    f.name
                    for f in fields
                    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
                ],
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date"}
    return {str: {"type": "string"}, int: {"type": "integer"}, bool: {"type": "boolean"}}[tp]
