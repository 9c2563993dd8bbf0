"""Reading a policy file (format version 2): every problem refused naming the file, the key and what is wrong.

Unknown keys are refused too (a misspelt "requried" must not silently make a question optional), and every
id a policy uses elsewhere — a fact of the case, a disposition, a finding, an attention source — is checked
against the ones Casefile knows, so a policy that loads is one the form, the checks and the memo can carry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date
from typing import Any

from casework.assessment import LEGACY_QUESTIONS, Assessment
from casework.errors import PolicyError
from casework.facts import FACTS
from casework.model import AttentionSource, Disposition
from casework.never_factors import guard_for
from casework.policy import (
    ASKED_WHEN,
    FACTOR_WORDING_KEYS,
    FORMAT,
    FORMAT_VERSION,
    QUESTION_KINDS,
    REQUIRED,
    WORDING_KEYS,
    Category,
    Cutoff,
    Determination,
    Factor,
    FactorKind,
    FactTest,
    NeverFactor,
    Option,
    Policy,
    Prong,
    Question,
    RecordKind,
    Section,
    Window,
)

FINDINGS = ("applies", "does_not_apply", "unknown")
RESERVED_QUESTION_IDS = frozenset(f.name for f in dataclasses.fields(Assessment)) - set(LEGACY_QUESTIONS)
"""A question's answers are addressed as assessment.<question id>: it may not take the name of another field."""
_ID = re.compile(r"^[A-Za-z0-9_\-]+$")
_SHA = re.compile(r"^[0-9a-f]{64}$")

Obj = dict[str, Any]


class _Reader:
    """Walks the parsed JSON, turning every problem into a PolicyError naming file and key."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(f"{self.name}: {key}: {problem}")

    def obj(self, value: Any, path: str, allowed: set[str]) -> Obj:
        if not isinstance(value, dict):
            raise self.fail(path, "must be an object")
        if unknown := sorted(set(value) - allowed):
            raise self.fail(_join(path, unknown[0]), "is not a known key")
        return value

    def text(self, obj: Obj, key: str, path: str, required: bool = True) -> str:
        if key not in obj:
            if required:
                raise self.fail(_join(path, key), "is missing")
            return ""
        value = obj[key]
        if not (isinstance(value, str) and value.strip()):
            raise self.fail(_join(path, key), "must be non-empty text")
        return value

    def ident(self, obj: Obj, key: str, path: str) -> str:
        value = self.text(obj, key, path)
        if not _ID.match(value):
            raise self.fail(_join(path, key), f"{value!r} may hold only letters, digits, _ and -")
        return value

    def flag(self, obj: Obj, key: str, path: str, required: bool = False) -> bool:
        if key not in obj:
            if required:
                raise self.fail(_join(path, key), "is missing")
            return False
        if not isinstance(obj[key], bool):
            raise self.fail(_join(path, key), "must be true or false")
        return bool(obj[key])

    def items(self, obj: Obj, key: str, path: str, required: bool = True) -> list[Any]:
        if key not in obj:
            if required:
                raise self.fail(_join(path, key), "is missing")
            return []
        if not isinstance(obj[key], list):
            raise self.fail(_join(path, key), "must be a list")
        return list(obj[key])

    def strings(self, obj: Obj, key: str, path: str, required: bool = False,
                allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.items(obj, key, path, required)):
            where = f"{_join(path, key)}[{i}]"
            if not isinstance(item, str) or not item.strip():
                raise self.fail(where, "must be non-empty text")
            if allowed is not None and item not in allowed:
                raise self.fail(where, f"{item!r} must be one of {', '.join(allowed)}")
            out.append(item)
        return tuple(out)

    def day(self, obj: Obj, key: str, path: str) -> date:
        text = self.text(obj, key, path)
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(_join(path, key), f"{text!r} is not a date (YYYY-MM-DD)") from None

    def choice(self, obj: Obj, key: str, path: str, allowed: tuple[str, ...], default: str) -> str:
        if key not in obj:
            return default
        value = self.text(obj, key, path)
        if value not in allowed:
            raise self.fail(_join(path, key), f"{value!r} must be one of {', '.join(allowed)}")
        return value

    def unique(self, path: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for i, x in enumerate(ids):
            if x in seen:
                raise self.fail(f"{path}[{i}].id", f"{x!r} appears twice")
            seen.add(x)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


TOP_KEYS = {"format", "format_version", "id", "version", "title", "issuer", "signed", "effective", "earlier_sha256",
            "notes", "in_force", "not_in_force", "principle", "wording", "categories", "factor_kinds",
            "never_factors", "attention_flags", "records", "determinations", "sections",
            "requires_supervisor_concurrence"}


def read_policy(text: str | bytes, name: str) -> Policy:
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
    r.obj(doc, "", TOP_KEYS)
    in_force = tuple(_window(r, w, f"in_force[{i}]", open_end=False)
                     for i, w in enumerate(r.items(doc, "in_force", "")))
    if not in_force:
        raise r.fail("in_force", "must list at least one period")
    not_in_force = tuple(_window(r, w, f"not_in_force[{i}]", open_end=True)
                         for i, w in enumerate(r.items(doc, "not_in_force", "", required=False)))
    kinds, factors = _factor_kinds(r, doc)
    categories = tuple(_category(r, c, f"categories[{i}]") for i, c in enumerate(r.items(doc, "categories", "")))
    r.unique("categories", [c.id for c in categories])
    if not categories:
        raise r.fail("categories", "must list at least one category")
    weighing = [c for c in categories if c.weighs_factors]
    if weighing and not factors:
        raise r.fail(f"categories[{categories.index(weighing[0])}].weighs_factors", "needs factor_kinds with factors")
    if factors and not weighing:
        raise r.fail("factor_kinds", "no category weighs factors (set weighs_factors on one)")
    sections = tuple(_section(r, s, f"sections[{i}]")
                     for i, s in enumerate(r.items(doc, "sections", "", required=False)))
    r.unique("sections", [s.id for s in sections])
    _check_questions(r, categories, sections)
    never = tuple(_never_factor(r, n, f"never_factors[{i}]") for i, n in enumerate(r.items(doc, "never_factors", "")))
    r.unique("never_factors", [n.id for n in never])
    if not never:
        raise r.fail("never_factors", "must list at least one never-factor")
    records = tuple(_record(r, x, f"records[{i}]") for i, x in enumerate(r.items(doc, "records", "")))
    r.unique("records", [x.id for x in records])
    determinations = tuple(_determination(r, d, f"determinations[{i}]")
                           for i, d in enumerate(r.items(doc, "determinations", "")))
    r.unique("determinations", [d.id for d in determinations])
    if not determinations:
        raise r.fail("determinations", "must list at least one determination")
    flags = r.obj(doc.get("attention_flags", {}), "attention_flags", {s.value for s in AttentionSource if s.value})
    for key in flags:
        r.text(flags, key, "attention_flags")
    wording = _wording(r, doc, has_factors=bool(factors))
    earlier = r.strings(doc, "earlier_sha256", "")
    for i, sha in enumerate(earlier):
        if not _SHA.match(sha):
            raise r.fail(f"earlier_sha256[{i}]", "must be 64 lower-case hex digits")
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    policy = Policy(
        id=r.ident(doc, "id", ""), version=r.text(doc, "version", ""), title=r.text(doc, "title", ""),
        issuer=r.text(doc, "issuer", ""), signed=r.day(doc, "signed", ""), effective=r.day(doc, "effective", ""),
        in_force=in_force, not_in_force=not_in_force, principle=r.text(doc, "principle", ""),
        categories=categories, factors=factors, factor_kinds=kinds,
        never_factors=tuple(n.label for n in never), never_factor_rules=never,
        attention_flags={k: str(v) for k, v in flags.items()}, records=records, determinations=determinations,
        sections=sections, wording=wording, notes=r.strings(doc, "notes", ""), earlier_sha256=earlier,
        requires_supervisor_concurrence=r.flag(doc, "requires_supervisor_concurrence", "", required=True),
        sha256=hashlib.sha256(canonical).hexdigest(),
    )
    guard_for(policy)  # built now, while loading, rather than on the officer's first keystroke
    return policy


def _window(r: _Reader, raw: Any, path: str, open_end: bool) -> Window:
    w = r.obj(raw, path, {"from", "until", "note"})
    start = r.day(w, "from", path)
    until = r.day(w, "until", path) if ("until" in w or not open_end) else date.max
    if until <= start:
        raise r.fail(f"{path}.until", "must be after 'from'")
    note = r.text(w, "note", path, required=open_end)
    return Window(start, until, note)


def _factor_kinds(r: _Reader, doc: Obj) -> tuple[tuple[FactorKind, ...], tuple[Factor, ...]]:
    kinds, factors = [], []
    for i, raw in enumerate(r.items(doc, "factor_kinds", "", required=False)):
        path = f"factor_kinds[{i}]"
        k = r.obj(raw, path, {"id", "label", "title", "memo_title", "others_allowed", "factors"})
        kind = FactorKind(r.ident(k, "id", path), r.text(k, "label", path), r.text(k, "title", path),
                          r.text(k, "memo_title", path),
                          r.flag(k, "others_allowed", path) if "others_allowed" in k else True)
        kinds.append(kind)
        for j, fraw in enumerate(r.items(k, "factors", path)):
            fpath = f"{path}.factors[{j}]"
            f: Obj = r.obj(fraw, fpath, {"id", "label", "help", "aliases", "conflicts_with_dispositions"})
            factors.append(Factor(
                r.ident(f, "id", fpath), kind.id, r.text(f, "label", fpath), r.text(f, "help", fpath),
                r.strings(f, "aliases", fpath),
                r.strings(f, "conflicts_with_dispositions", fpath, allowed=tuple(d.value for d in Disposition if d)),
            ))
    r.unique("factor_kinds", [k.id for k in kinds])
    seen: dict[str, str] = {}
    for kind in kinds:
        for j, factor in enumerate(x for x in factors if x.kind == kind.id):
            if factor.id in seen:
                raise r.fail(f"factor_kinds[{kinds.index(kind)}].factors[{j}].id",
                             f"{factor.id!r} appears twice (also under {seen[factor.id]})")
            seen[factor.id] = kind.id
    return tuple(kinds), tuple(factors)


def _category(r: _Reader, raw: Any, path: str) -> Category:
    c = r.obj(raw, path, {"id", "label", "condition", "weighs_factors", "prongs", "questions"})
    prongs = tuple(_prong(r, p, f"{path}.prongs[{i}]") for i, p in enumerate(r.items(c, "prongs", path, False)))
    r.unique(f"{path}.prongs", [p.id for p in prongs])
    questions = tuple(_question(r, q, f"{path}.questions[{i}]")
                      for i, q in enumerate(r.items(c, "questions", path, False)))
    return Category(r.ident(c, "id", path), r.text(c, "label", path), r.text(c, "condition", path),
                    r.flag(c, "weighs_factors", path), prongs, questions)


def _prong(r: _Reader, raw: Any, path: str) -> Prong:
    p = r.obj(raw, path, {"id", "label", "facts", "cutoff", "note"})
    tests = []
    for i, traw in enumerate(r.items(p, "facts", path, required=False)):
        tpath = f"{path}.facts[{i}]"
        t = r.obj(traw, tpath, {"fact", "in"})
        fact_name = r.text(t, "fact", tpath)
        fact = FACTS.get(fact_name)
        if fact is None or fact.values is None:
            coded = ", ".join(k for k, f in FACTS.items() if f.values is not None)
            raise r.fail(f"{tpath}.fact", f"{fact_name!r} is not a coded fact of a case ({coded})")
        values = r.strings(t, "in", tpath, required=True, allowed=tuple(v.value for v in fact.values if v.value))
        if not values:
            raise r.fail(f"{tpath}.in", "must list at least one value")
        tests.append(FactTest(fact_name, values))
    cutoff = None
    if "cutoff" in p:
        cpath = f"{path}.cutoff"
        cut = r.obj(p["cutoff"], cpath, {"date", "comparison", "fact", "review_on_the_day", "review_note"})
        fact_name = r.text(cut, "fact", cpath, required=False) or "history.last_entry"
        if fact_name not in FACTS or not FACTS[fact_name].is_date():
            dates = ", ".join(k for k, f in FACTS.items() if f.is_date())
            raise r.fail(f"{cpath}.fact", f"{fact_name!r} is not a date of a case ({dates})")
        comparison = r.text(cut, "comparison", cpath)
        if comparison not in ("after", "on_or_after"):
            raise r.fail(f"{cpath}.comparison", f"{comparison!r} must be 'after' or 'on_or_after'")
        cutoff = Cutoff(r.day(cut, "date", cpath), comparison, fact_name, r.flag(cut, "review_on_the_day", cpath),
                        r.text(cut, "review_note", cpath, required=False))
    if not tests and cutoff is None:
        raise r.fail(path, "needs facts or a cutoff (a prong the facts can never meet tells nothing)")
    return Prong(r.ident(p, "id", path), r.text(p, "label", path), tuple(tests), cutoff,
                 r.text(p, "note", path, required=False))


def _question(r: _Reader, raw: Any, path: str) -> Question:
    q = r.obj(raw, path, {"id", "kind", "label", "help", "required", "options", "prompt", "memo_label"})
    kind = r.choice(q, "kind", path, QUESTION_KINDS, "")
    if not kind:
        raise r.fail(f"{path}.kind", "is missing")
    options = []
    for i, oraw in enumerate(r.items(q, "options", path, required=kind in ("choice", "multi"))):
        opath = f"{path}.options[{i}]"
        o = r.obj(oraw, opath, {"id", "label", "memo", "contradicts"})
        options.append(Option(r.ident(o, "id", opath), r.text(o, "label", opath), r.text(o, "memo", opath, False),
                              r.strings(o, "contradicts", opath, allowed=FINDINGS)))
    if kind in ("choice", "multi") and len(options) < 2:
        raise r.fail(f"{path}.options", "must list at least two options")
    if kind not in ("choice", "multi") and options:
        raise r.fail(f"{path}.options", f"a {kind} question has no options")
    r.unique(f"{path}.options", [o.id for o in options])
    qid = r.ident(q, "id", path)
    if qid in RESERVED_QUESTION_IDS:
        raise r.fail(f"{path}.id", f"{qid!r} is the name of another assessment field")
    return Question(qid, kind, r.text(q, "label", path), r.text(q, "help", path, False),
                    r.choice(q, "required", path, REQUIRED, "no"), tuple(options), r.text(q, "prompt", path, False),
                    r.text(q, "memo_label", path, False))


def _section(r: _Reader, raw: Any, path: str) -> Section:
    s = r.obj(raw, path, {"id", "title", "help", "asked_when", "questions"})
    asked = r.strings(s, "asked_when", path, required=True, allowed=ASKED_WHEN)
    if not asked:
        raise r.fail(f"{path}.asked_when", "must list at least one condition")
    questions = tuple(_question(r, q, f"{path}.questions[{i}]")
                      for i, q in enumerate(r.items(s, "questions", path)))
    if not questions:
        raise r.fail(f"{path}.questions", "must list at least one question")
    return Section(r.ident(s, "id", path), r.text(s, "title", path), r.text(s, "help", path, False), asked,
                   questions)


def _check_questions(r: _Reader, categories: tuple[Category, ...], sections: tuple[Section, ...]) -> None:
    seen: dict[str, str] = {}
    places = [(f"categories[{i}]", c.questions, c.weighs_factors) for i, c in enumerate(categories)]
    places += [(f"sections[{i}]", s.questions, False) for i, s in enumerate(sections)]
    for path, questions, weighs in places:
        for j, q in enumerate(questions):
            where = f"{path}.questions[{j}]"
            if q.id in seen:
                raise r.fail(f"{where}.id", f"{q.id!r} appears twice (also in {seen[q.id]})")
            seen[q.id] = path
            if q.required == "if_applies" and path.startswith("sections"):
                raise r.fail(f"{where}.required", "'if_applies' is for a category's questions")
            if q.required == "if_factors_present" and not weighs:
                raise r.fail(f"{where}.required", "'if_factors_present' is for a category that weighs factors")
            if any(o.contradicts for o in q.options) and path.startswith("sections"):
                raise r.fail(f"{where}.options", "'contradicts' is for a category's questions")


def _never_factor(r: _Reader, raw: Any, path: str) -> NeverFactor:
    n = r.obj(raw, path, {"id", "label", "terms", "not_when"})
    terms_raw = n.get("terms")
    if not isinstance(terms_raw, dict) or not terms_raw:
        raise r.fail(f"{path}.terms", "must be an object of languages, each a list of words and phrases")
    terms = {}
    for lang in terms_raw:
        words = r.strings(terms_raw, lang, f"{path}.terms", required=True)
        for i, w in enumerate(words):
            if "*" in w[:-1]:
                raise r.fail(f"{path}.terms.{lang}[{i}]", "'*' may only end a term")
        terms[str(lang)] = words
    return NeverFactor(r.ident(n, "id", path), r.text(n, "label", path), terms, r.strings(n, "not_when", path))


def _record(r: _Reader, raw: Any, path: str) -> RecordKind:
    x = r.obj(raw, path, {"id", "label", "insufficient_alone"})
    return RecordKind(r.ident(x, "id", path), r.text(x, "label", path), r.flag(x, "insufficient_alone", path))


def _determination(r: _Reader, raw: Any, path: str) -> Determination:
    d = r.obj(raw, path, {"id", "label", "needs_detail", "action"})
    return Determination(r.ident(d, "id", path), r.text(d, "label", path), r.text(d, "needs_detail", path, False),
                         r.flag(d, "action", path))


def _wording(r: _Reader, doc: Obj, has_factors: bool) -> dict[str, str]:
    keys = WORDING_KEYS + (FACTOR_WORDING_KEYS if has_factors else ())
    raw = doc.get("wording")
    if raw is None:
        raise r.fail("wording", "is missing")
    w = r.obj(raw, "wording", set(WORDING_KEYS + FACTOR_WORDING_KEYS))
    return {k: r.text(w, k, "wording") for k in keys} | {k: r.text(w, k, "wording") for k in w}
