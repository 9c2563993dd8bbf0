"""Three-way merge of two versions of a case body at field level, pure (no storage, no Qt).

Sync needs this when a laptop edited a case that someone else changed at the office meanwhile: both sides start
from the same base (the office revision the laptop last synced). Every field one side changed and the other did
not is taken automatically; a field both sides changed to different values is a `Conflict` that keeps both
values for a person to choose — never a silent last-writer-wins (ODK Central's entity conflicts are the model).

List items are matched by their stable ids (casework.ids: offenses, family, subject.documents,
assessment.other_factors), and the assessment's findings by what they answer (category, factor, question,
review item), so two people editing different offenses — or adding one each — never collide. The workflow
history is a log: both sides' events are kept, the office's first, in the order they were taken (never by the
times they carry: clocks disagree).

Paths name a field as people and the CLI see it: `subject.family_name`, `offenses[<id>].charge`,
`assessment.factors[<factor id>].evidence`; a whole item is `offenses[<id>]` (added, removed or changed on one
side while removed on the other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from casework.workflow import status_of_log

KEYED_LISTS: dict[str, str] = {
    "subject.documents": "id",
    "offenses": "id",
    "family": "id",
    "attachments": "id",
    "assessment.other_factors": "id",
    "assessment.categories": "category_id",
    "assessment.factors": "factor_id",
    "assessment.answers": "question",
    "assessment.acknowledgements": "key",
}
"""Lists whose items are matched by a key (the dotted path of the list, without item keys → the key field)."""

LOG_LISTS = frozenset({"assessment.history"})
"""Append-only logs: the union of both sides' entries, ordered by time."""

IGNORED = frozenset({"revision", "updated_at"})
"""Top-level keys each store keeps for itself; never merged and never a conflict."""

_MISSING: Any = object()


@dataclass(frozen=True, slots=True)
class Conflict:
    """One field both sides changed differently: `mine` (this laptop), `theirs` (the office), and the `base`
    they both started from (None where the field or item did not exist)."""

    path: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class MergeResult:
    merged: dict[str, Any]
    """The merged body; where there is a conflict it holds `mine` until a person chooses."""
    conflicts: tuple[Conflict, ...]


def merge(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> MergeResult:
    """Merge `mine` and `theirs`, both descended from `base` (bodies as dicts, already upgraded)."""
    conflicts: list[Conflict] = []
    merged = _merge_dict(base, mine, theirs, "", conflicts)
    for key in IGNORED & set(mine):
        merged[key] = mine[key]
    history = (merged.get("assessment") or {}).get("history") or []
    implied = status_of_log([str(e.get("event")) for e in history if isinstance(e, dict)])
    if implied is not None:  # the status is what the merged workflow log leads to, never a person's choice
        merged["status"] = implied.value
        conflicts = [c for c in conflicts if c.path != "status"]
    return MergeResult(merged, tuple(conflicts))


def _merge_value(base: Any, mine: Any, theirs: Any, path: str, out: list[Conflict]) -> Any:
    if mine == theirs:
        return mine
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dict(base if isinstance(base, dict) else {}, mine, theirs, path, out)
    list_path = _unkeyed(path)
    if isinstance(mine, list) and isinstance(theirs, list):
        if list_path in KEYED_LISTS:
            return _merge_keyed(base if isinstance(base, list) else [], mine, theirs, path,
                                KEYED_LISTS[list_path], out)
        if list_path in LOG_LISTS:
            return _merge_log(mine, theirs)
    out.append(Conflict(path, None if base is _MISSING else base, None if mine is _MISSING else mine,
                        None if theirs is _MISSING else theirs))
    return mine


def _merge_dict(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], path: str,
                out: list[Conflict]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in [*mine, *(k for k in theirs if k not in mine)]:
        if not path and key in IGNORED:
            continue
        value = _merge_value(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING),
                             f"{path}.{key}" if path else key, out)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _merge_keyed(base: list[Any], mine: list[Any], theirs: list[Any], path: str, key: str,
                 out: list[Conflict]) -> list[Any]:
    """Items matched by `key`: in `mine`'s order, then items only `theirs` added; one side's removal stands
    unless the other side changed that item (then it is a conflict on the whole item)."""

    def by_key(items: list[Any]) -> dict[str, Any]:
        return {str(i.get(key)): i for i in items if isinstance(i, dict)}

    b, m, t = by_key(base), by_key(mine), by_key(theirs)
    order = [*m, *(k for k in t if k not in m)]
    merged = []
    for k in order:
        value = _merge_value(b.get(k, _MISSING), m.get(k, _MISSING), t.get(k, _MISSING), f"{path}[{k}]", out)
        if value is not _MISSING:
            merged.append(value)
    return merged


def _merge_log(mine: list[Any], theirs: list[Any]) -> list[Any]:
    """The office's log as it stands, then the steps only this laptop took, in the order it took them — never
    sorted by the times they carry: laptops' clocks disagree, and the office's order is the order steps were
    accepted (each based on the revision before)."""
    merged: list[Any] = list(theirs)
    merged.extend(entry for entry in mine if entry not in theirs)
    return merged


WORKFLOW = frozenset({"status", "assessment.history"})
"""What only workflow steps change: never a field a person chooses (the status follows the log)."""


def differences(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """The paths (as Conflict.path names them) at which `mine` and `theirs` differ, in `mine`'s order: the
    fields a person would choose between if `mine` may not stand as it is (storage.sync keeps such values
    aside as conflicts). A keyed list is compared item by item (an item on one side only is its whole path);
    any other value as a whole. The workflow (status and history) and the store's own keys are left out."""
    out: list[str] = []
    _differ(mine, theirs, "", out)
    return out


def _differ(mine: Any, theirs: Any, path: str, out: list[str]) -> None:
    if mine == theirs or path in IGNORED or path in WORKFLOW:
        return
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for key in [*mine, *(k for k in theirs if k not in mine)]:
            _differ(mine.get(key, _MISSING), theirs.get(key, _MISSING), f"{path}.{key}" if path else key, out)
        return
    list_path = _unkeyed(path) if path else ""
    if isinstance(mine, list) and isinstance(theirs, list) and list_path in KEYED_LISTS:
        key = KEYED_LISTS[list_path]
        m = {str(i.get(key)): i for i in mine if isinstance(i, dict)}
        t = {str(i.get(key)): i for i in theirs if isinstance(i, dict)}
        if len(m) == len(mine) and len(t) == len(theirs):  # every item named by its key: item by item
            for k in [*m, *(k for k in t if k not in m)]:
                _differ(m.get(k, _MISSING), t.get(k, _MISSING), f"{path}[{k}]", out)
            return
    out.append(path)


_STEP = re.compile(r"([^.\[\]]+)(?:\[([^\]]*)\])?")


def _steps(path: str) -> list[tuple[str, str | None]]:
    """`offenses[abc].charge` → [("offenses", "abc"), ("charge", None)]."""
    steps = []
    for part in _split(path):
        m = _STEP.fullmatch(part)
        if not m:
            raise KeyError(path)
        steps.append((m[1], m[2]))
    return steps


def _split(path: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in path:
        if ch == "." and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += ch == "["
        depth -= ch == "]"
        current += ch
    parts.append(current)
    return parts


def _unkeyed(path: str) -> str:
    return ".".join(name for name, _item in _steps(path)) if path else ""


def get_path(doc: dict[str, Any], path: str) -> Any:
    """The value at `path` in `doc` (as set_path reads paths); None where the field or the item is not there."""
    node: Any = doc
    prefix = ""
    for name, item in _steps(path):
        here = f"{prefix}.{name}" if prefix else name
        node = node.get(name) if isinstance(node, dict) else None
        if item is not None:
            key = KEYED_LISTS.get(here)
            node = next((x for x in node if isinstance(x, dict) and str(x.get(key)) == item), None) \
                if key is not None and isinstance(node, list) else None
        prefix = here
    return node


def set_path(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `doc` with the field at `path` set to `value` (None at an item path removes the item).
    KeyError when the path does not lead into `doc`."""
    result: dict[str, Any] = _set(doc, _steps(path), value, "")
    return result


def _set(node: Any, steps: list[tuple[str, str | None]], value: Any, prefix: str) -> Any:
    (name, item), rest = steps[0], steps[1:]
    if not isinstance(node, dict):
        raise KeyError(name)
    out = dict(node)
    here = f"{prefix}.{name}" if prefix else name
    if item is None:
        if rest:
            out[name] = _set(node.get(name, {}), rest, value, here)
        elif value is None and name not in node:
            pass
        else:
            out[name] = value
        return out
    key = KEYED_LISTS.get(here)
    if key is None:
        raise KeyError(here)
    items = list(node.get(name) or [])
    index = next((i for i, x in enumerate(items) if isinstance(x, dict) and str(x.get(key)) == item), None)
    if rest:
        if index is None:
            raise KeyError(f"{here}[{item}]")
        items[index] = _set(items[index], rest, value, here)
    elif value is None:
        if index is not None:
            del items[index]
    elif index is None:
        items.append(value)
    else:
        items[index] = value
    out[name] = items
    return out
