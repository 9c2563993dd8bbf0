"""A policy version, loaded from data: categories, factors, never-factors, determinations, in-force windows.

Nothing about the 2021 guidelines is written in code: the form, the checks and the memo are built from a
`Policy`. A bad file is refused with a message that names the file, the key and what is wrong. Each policy's
`sha256` is over its canonical JSON, so an assessment can prove which exact text it was made under.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from casework.errors import PolicyError

FORMAT = "casefile.policy"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    until: date  # exclusive
    note: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day < self.until


@dataclass(frozen=True, slots=True)
class Cutoff:
    day: date
    comparison: str  # "after" or "on_or_after"
    review_note: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    condition: str
    weighs_factors: bool = False
    cutoff: Cutoff | None = None


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    kind: str  # "aggravating" or "mitigating"
    label: str
    help: str
    keywords: tuple[str, ...] = ()
    conflicts_with_dispositions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordKind:
    id: str
    label: str
    insufficient_alone: bool = False


@dataclass(frozen=True, slots=True)
class Determination:
    id: str
    label: str
    needs_detail: str = ""


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    version: str
    title: str
    issuer: str
    signed: date
    effective: date
    in_force: tuple[Window, ...]
    principle: str
    categories: tuple[Category, ...]
    factors: tuple[Factor, ...]
    never_factors: tuple[str, ...]
    attention_flags: dict[str, str]
    records: tuple[RecordKind, ...]
    determinations: tuple[Determination, ...]
    requires_supervisor_concurrence: bool
    sha256: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def factor(self, factor_id: str) -> Factor | None:
        return next((f for f in self.factors if f.id == factor_id), None)

    def factors_of(self, kind: str) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == kind)

    def determination(self, determination_id: str) -> Determination | None:
        return next((d for d in self.determinations if d.id == determination_id), None)

    def window_for(self, day: date) -> Window | None:
        return next((w for w in self.in_force if w.contains(day)), None)

    def status_on(self, day: date) -> str:
        """'in force', or a sentence saying why not, for the banner and the memo."""
        if self.window_for(day):
            return "in force"
        if day < self.effective:
            return f"not yet in force on {day.isoformat()} (effective {self.effective.isoformat()})"
        return f"not in force on {day.isoformat()}"


class _Reader:
    """Walks the parsed JSON, turning every problem into a PolicyError naming file and key."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(f"{self.name}: {key}: {problem}")

    def get(self, obj: dict[str, Any], key: str, path: str, kind: type, required: bool = True) -> Any:
        full = f"{path}.{key}" if path else key
        if key not in obj:
            if required:
                raise self.fail(full, "is missing")
            return None
        value = obj[key]
        if kind is str and not (isinstance(value, str) and value.strip()):
            raise self.fail(full, "must be non-empty text")
        if kind is list and not isinstance(value, list):
            raise self.fail(full, "must be a list")
        if kind is dict and not isinstance(value, dict):
            raise self.fail(full, "must be an object")
        if kind is bool and not isinstance(value, bool):
            raise self.fail(full, "must be true or false")
        return value

    def day(self, obj: dict[str, Any], key: str, path: str) -> date:
        text = self.get(obj, key, path, str)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(f"{path}.{key}" if path else key, f"{text!r} is not a date (YYYY-MM-DD)") from None

    def strings(self, obj: dict[str, Any], key: str, path: str, required: bool = False) -> tuple[str, ...]:
        value = self.get(obj, key, path, list, required) or []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{path}.{key}[{i}]", "must be non-empty text")
        return tuple(value)


def parse_policy(text: str | bytes, name: str) -> Policy:
    """Parse and check one policy document. `name` (usually the file name) prefixes every error."""
    r = _Reader(name)
    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PolicyError(f"{name}: not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PolicyError(f'{name}: format: must be "{FORMAT}"')
    if doc.get("format_version") != FORMAT_VERSION:
        raise PolicyError(f"{name}: format_version: {doc.get('format_version')!r} is not supported "
                          f"(this program reads {FORMAT_VERSION})")
    windows = []
    for i, w in enumerate(r.get(doc, "in_force", "", list)):
        path = f"in_force[{i}]"
        if not isinstance(w, dict):
            raise r.fail(path, "must be an object")
        window = Window(r.day(w, "from", path), r.day(w, "until", path), w.get("note", ""))
        if window.until <= window.start:
            raise r.fail(f"{path}.until", "must be after 'from'")
        windows.append(window)
    categories = []
    for i, c in enumerate(r.get(doc, "categories", "", list)):
        path = f"categories[{i}]"
        cutoff = None
        if "cutoff" in c:
            cut = r.get(c, "cutoff", path, dict)
            comparison = r.get(cut, "comparison", f"{path}.cutoff", str)
            if comparison not in ("after", "on_or_after"):
                raise r.fail(f"{path}.cutoff.comparison", f"{comparison!r} must be 'after' or 'on_or_after'")
            cutoff = Cutoff(r.day(cut, "date", f"{path}.cutoff"), comparison, cut.get("review_note", ""))
        categories.append(Category(r.get(c, "id", path, str), r.get(c, "label", path, str),
                                   r.get(c, "condition", path, str), bool(c.get("weighs_factors", False)), cutoff))
    _unique(r, "categories", [c.id for c in categories])
    factors = []
    table = r.get(doc, "factors", "", dict)
    for kind in ("aggravating", "mitigating"):
        for i, f in enumerate(r.get(table, kind, "factors", list)):
            path = f"factors.{kind}[{i}]"
            if not isinstance(f, dict):
                raise r.fail(path, "must be an object")
            factors.append(Factor(r.get(f, "id", path, str), kind, r.get(f, "label", path, str),
                                  r.get(f, "help", path, str), r.strings(f, "keywords", path),
                                  r.strings(f, "conflicts_with_dispositions", path)))
    _unique(r, "factors", [f.id for f in factors])
    records = [RecordKind(r.get(x, "id", f"records[{i}]", str), r.get(x, "label", f"records[{i}]", str),
                          bool(x.get("insufficient_alone", False)))
               for i, x in enumerate(r.get(doc, "records", "", list))]
    _unique(r, "records", [x.id for x in records])
    determinations = [Determination(r.get(d, "id", f"determinations[{i}]", str),
                                    r.get(d, "label", f"determinations[{i}]", str), d.get("needs_detail", ""))
                      for i, d in enumerate(r.get(doc, "determinations", "", list))]
    _unique(r, "determinations", [d.id for d in determinations])
    if not determinations:
        raise r.fail("determinations", "must list at least one determination")
    flags = r.get(doc, "attention_flags", "", dict, required=False) or {}
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Policy(
        id=r.get(doc, "id", "", str), version=r.get(doc, "version", "", str), title=r.get(doc, "title", "", str),
        issuer=r.get(doc, "issuer", "", str), signed=r.day(doc, "signed", ""), effective=r.day(doc, "effective", ""),
        in_force=tuple(windows), principle=r.get(doc, "principle", "", str), categories=tuple(categories),
        factors=tuple(factors), never_factors=r.strings(doc, "never_factors", "", required=True),
        attention_flags={str(k): str(v) for k, v in flags.items()}, records=tuple(records),
        determinations=tuple(determinations),
        requires_supervisor_concurrence=r.get(doc, "requires_supervisor_concurrence", "", bool),
        sha256=hashlib.sha256(canonical).hexdigest(),
    )


def _unique(r: _Reader, key: str, ids: list[str]) -> None:
    seen = set()
    for i, x in enumerate(ids):
        if x in seen:
            raise r.fail(f"{key}[{i}].id", f"{x!r} appears twice")
        seen.add(x)


class PolicyLibrary:
    """Every policy version Casefile knows, by (id, version). Assessments keep the version they were made under."""

    def __init__(self, policies: list[Policy]) -> None:
        self._by_key = {p.key: p for p in policies}
        if not policies:
            raise PolicyError("no policy files found")

    @classmethod
    def bundled(cls) -> PolicyLibrary:
        """The policies shipped in resources/policies/ (one JSON file per version)."""
        found = []
        for entry in sorted(resources.files("resources.policies").iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                found.append(parse_policy(entry.read_bytes(), entry.name))
        return cls(found)

    def get(self, policy_id: str, version: str) -> Policy:
        try:
            return self._by_key[(policy_id, version)]
        except KeyError:
            raise PolicyError(
                f"policy {policy_id} version {version} is not known to this version of Casefile"
            ) from None

    def latest(self) -> Policy:
        """The newest version (by effective date) of any policy: what a new assessment starts under."""
        return max(self._by_key.values(), key=lambda p: (p.effective, p.version))

    def all(self) -> list[Policy]:
        return list(self._by_key.values())
