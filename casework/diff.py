"""Which fields of a case changed between two versions of it — names only, never values (for the audit log)."""

from __future__ import annotations

from typing import Any

BOOKKEEPING = frozenset({"id", "revision", "updated_at", "created_at", "status", "body_version"})
"""Top-level keys the store itself maintains; a person's edit never shows up as one of these."""


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Dotted paths of the leaves or lists that differ ("subject.family_name", "offenses"), sorted."""
    out: list[str] = []
    _walk(old, new, "", out)
    return sorted(p for p in out if p.split(".")[0] not in BOOKKEEPING)


def _walk(old: Any, new: Any, path: str, out: list[str]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key == "history" and path == "assessment":
                continue  # workflow history is written by the workflow steps, which are audited themselves
            _walk(old.get(key), new.get(key), f"{path}.{key}" if path else key, out)
    elif old != new:
        out.append(path)
