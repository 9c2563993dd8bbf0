"""A policy's labels and help text in another language, from a translation file kept beside the policy file.

The English policy file is the authority: its rules (ids, prongs, cutoffs, required answers, aliases, never-
factor terms) and its text hash are what an assessment is made under, whatever language the form is shown
in. A translation file (`<policy file stem>.<language>.json`, e.g. `dhs-civil-enforcement-2021-09-30.es.json`)
carries only text, keyed by the policy's own ids (`categories.public_safety.label`,
`questions.current_threat.options.unknown.memo`, `factors.M5.help`, `wording.memo.subject` …), each entry
with a hash of the English text it translates. When the English text of an entry changes, its hash no
longer matches: the entry is stale, the English is shown in its place, and `overlay(...).problems` (and
`casefile policy translations`) say so. A translation file that cannot be read, or that belongs to another
policy version, leaves the whole policy in English with a message saying why: never a crash.

`translated(policy, "es")` is the policy with the Spanish text laid over it; everything else — ids, rules, the
text hash, `accepts()` — is the English policy's. Checks still run on the English policy (see
widgets.assessment_panel), so a rationale is judged the same way in every language.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from casework.errors import PolicyError
from casework.policy import (
    Category,
    Cutoff,
    Determination,
    Factor,
    FactorKind,
    NeverFactor,
    Option,
    Policy,
    Prong,
    Question,
    RecordKind,
    Section,
    Window,
)

FORMAT = "casefile.policy-translation"
FORMAT_VERSION = 1
HASH_LENGTH = 16
"""Hex digits of the SHA-256 of the English text kept per entry: enough to notice any change of wording."""
LANGUAGES = {"en": "English", "es": "Español"}
"""The languages Casefile ships; English is the original of every policy file."""
_HASH = re.compile(f"[0-9a-f]{{{HASH_LENGTH}}}")
_FILE_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2}(?:-[A-Z]{2})?)\.json$")


class PolicyTranslationError(PolicyError):
    """A translation file that cannot be used; the message names the file and the problem."""


def is_translation_file(name: str) -> bool:
    """Whether a file name in resources/policies/ is a translation (`….es.json`) rather than a policy."""
    return _FILE_NAME.match(name) is not None


def text_hash(english: str) -> str:
    """The hash a translation entry keeps of the English text it translates."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# ----- every text of a policy, by a path made of its ids -----------------------------------------------------


def source_texts(policy: Policy) -> dict[str, str]:
    """Every translatable English text of `policy`, by path (the keys a translation file uses), in form order."""
    return dict(_walk(policy, lambda _path, text: text)[1])


def _walk(policy: Policy, tr: Callable[[str, str], str]) -> tuple[Policy, list[tuple[str, str]]]:
    """The policy with every text passed through `tr(path, english)`, and the (path, english) pairs seen.

    One walk serves both listing the texts and laying a translation over them, so the two can never disagree
    about which texts exist or what their paths are."""
    seen: list[tuple[str, str]] = []

    def t(path: str, english: str) -> str:
        if not english:
            return english
        seen.append((path, english))
        return tr(path, english)

    def window(kind: str, w: Window) -> Window:
        return replace(w, note=t(f"{kind}.{w.start.isoformat()}.note", w.note))

    def question(q: Question) -> Question:
        p = f"questions.{q.id}"
        return replace(q, label=t(f"{p}.label", q.label), help=t(f"{p}.help", q.help),
                       prompt=t(f"{p}.prompt", q.prompt), memo_label=t(f"{p}.memo_label", q.memo_label),
                       options=tuple(option(p, o) for o in q.options))

    def option(p: str, o: Option) -> Option:
        return replace(o, label=t(f"{p}.options.{o.id}.label", o.label), memo=t(f"{p}.options.{o.id}.memo", o.memo))

    def prong(c: Category, pr: Prong) -> Prong:
        p = f"categories.{c.id}.prongs.{pr.id}"
        cut: Cutoff | None = pr.cutoff
        if cut is not None:
            cut = replace(cut, review_note=t(f"{p}.cutoff.review_note", cut.review_note))
        return replace(pr, label=t(f"{p}.label", pr.label), note=t(f"{p}.note", pr.note), cutoff=cut)

    def category(c: Category) -> Category:
        p = f"categories.{c.id}"
        return replace(c, label=t(f"{p}.label", c.label), condition=t(f"{p}.condition", c.condition),
                       prongs=tuple(prong(c, pr) for pr in c.prongs),
                       questions=tuple(question(q) for q in c.questions))

    def kind(k: FactorKind) -> FactorKind:
        p = f"factor_kinds.{k.id}"
        return replace(k, label=t(f"{p}.label", k.label), title=t(f"{p}.title", k.title),
                       memo_title=t(f"{p}.memo_title", k.memo_title))

    def factor(f: Factor) -> Factor:
        label = t(f"factors.{f.id}.label", f.label)
        # A rationale names a factor by its label, id or aliases: the English label stays one of them, so a
        # rationale that addresses a factor in English does so whatever language the form is shown in.
        aliases = f.aliases if label == f.label else (*f.aliases, f.label)
        return replace(f, label=label, help=t(f"factors.{f.id}.help", f.help), aliases=aliases)

    def section(s: Section) -> Section:
        p = f"sections.{s.id}"
        return replace(s, title=t(f"{p}.title", s.title), help=t(f"{p}.help", s.help),
                       questions=tuple(question(q) for q in s.questions))

    def never(n: NeverFactor) -> NeverFactor:
        return replace(n, label=t(f"never_factors.{n.id}.label", n.label))

    def record(r: RecordKind) -> RecordKind:
        return replace(r, label=t(f"records.{r.id}.label", r.label))

    def determination(d: Determination) -> Determination:
        p = f"determinations.{d.id}"
        return replace(d, label=t(f"{p}.label", d.label), needs_detail=t(f"{p}.needs_detail", d.needs_detail))

    title, issuer, principle = t("title", policy.title), t("issuer", policy.issuer), t("principle", policy.principle)
    in_force = tuple(window("in_force", w) for w in policy.in_force)
    not_in_force = tuple(window("not_in_force", w) for w in policy.not_in_force)
    wording = {k: t(f"wording.{k}", v) for k, v in policy.wording.items()}
    categories = tuple(category(c) for c in policy.categories)
    kinds = tuple(kind(k) for k in policy.factor_kinds)
    factors = tuple(factor(f) for f in policy.factors)
    sections = tuple(section(s) for s in policy.sections)
    rules = tuple(never(n) for n in policy.never_factor_rules)
    flags = {k: t(f"attention_flags.{k}", v) for k, v in policy.attention_flags.items()}
    records = tuple(record(r) for r in policy.records)
    determinations = tuple(determination(d) for d in policy.determinations)
    out = replace(policy, title=title, issuer=issuer, principle=principle, in_force=in_force,
                  not_in_force=not_in_force, wording=wording, categories=categories, factor_kinds=kinds,
                  factors=factors, sections=sections, never_factor_rules=rules,
                  never_factors=tuple(n.label for n in rules), attention_flags=flags, records=records,
                  determinations=determinations)
    return out, seen


# ----- translation files ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    en_hash: str
    text: str


@dataclass(frozen=True, slots=True)
class Translation:
    """One translation file: which policy version and language it is for, and its entries by path."""

    name: str
    policy_id: str
    policy_version: str
    language: str
    entries: dict[str, Entry]


def read_translation(text: str | bytes, name: str) -> Translation:
    """Parse a translation file; PolicyTranslationError naming the file, the key and the problem otherwise."""

    def fail(problem: str) -> PolicyTranslationError:
        return PolicyTranslationError(f"{name}: {problem}")

    try:
        doc = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail(f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise fail(f'format: must be "{FORMAT}"')
    if doc.get("format_version") != FORMAT_VERSION:
        raise fail(f"format_version: {doc.get('format_version')!r} is not supported (this program reads "
                   f"{FORMAT_VERSION})")
    allowed = {"format", "format_version", "policy_id", "policy_version", "language", "notes", "entries"}
    if unknown := sorted(set(doc) - allowed):
        raise fail(f"{unknown[0]}: is not a known key")
    for key in ("policy_id", "policy_version", "language"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            raise fail(f"{key}: must be non-empty text")
    raw = doc.get("entries")
    if not isinstance(raw, dict):
        raise fail("entries: must be an object of paths")
    entries = {}
    for path, entry in raw.items():
        where = f"entries.{path}"
        if not isinstance(entry, dict) or set(entry) != {"en_hash", "text"}:
            raise fail(f'{where}: must be {{"en_hash", "text"}}')
        if not isinstance(entry["en_hash"], str) or not _HASH.fullmatch(entry["en_hash"]):
            raise fail(f"{where}.en_hash: must be {HASH_LENGTH} lower-case hex digits")
        if not isinstance(entry["text"], str) or not entry["text"].strip():
            raise fail(f"{where}.text: must be non-empty text")
        entries[str(path)] = Entry(entry["en_hash"], entry["text"])
    return Translation(name, doc["policy_id"], doc["policy_version"], doc["language"], entries)


def _shipped(language: str) -> Iterator[tuple[str, bytes]]:
    for entry in sorted(resources.files("resources.policies").iterdir(), key=lambda e: e.name):
        m = _FILE_NAME.match(entry.name)
        if m is not None and m["lang"] == language:
            yield entry.name, entry.read_bytes()


@lru_cache(maxsize=32)
def find_translation(policy_id: str, version: str, language: str) -> Translation | PolicyTranslationError | None:
    """The shipped translation of a policy version, the error of an unreadable one, or None (there is none)."""
    problem: PolicyTranslationError | None = None
    for name, data in _shipped(language):
        try:
            found = read_translation(data, name)
        except PolicyTranslationError as exc:
            problem = problem or exc
            continue
        if (found.policy_id, found.policy_version) == (policy_id, version):
            if found.language != language:
                return PolicyTranslationError(f"{name}: language: {found.language!r}, but the file name says "
                                              f"{language!r}")
            return found
    return problem


# ----- laying a translation over a policy ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overlay:
    """A policy shown in `language`: the policy (English where no fresh translation exists) and what is wrong
    with the translation, one message per problem (empty when every text is translated and current)."""

    policy: Policy
    language: str
    problems: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    """Paths with no translation (shown in English)."""
    stale: tuple[str, ...] = ()
    """Paths whose English text changed since it was translated (shown in English)."""
    unknown: tuple[str, ...] = ()
    """Paths in the file that the policy does not have (ignored)."""


def overlay(policy: Policy, language: str, translation: Translation | None = None) -> Overlay:
    """`policy` shown in `language`, from `translation` or else the shipped translation file.

    English, or a language with no file, is the policy itself. Never raises for a bad file: the problem is
    reported and the English shown."""
    if language in ("", "en") or language.startswith("en-") or language.startswith("en_"):
        return Overlay(policy, "en")
    found: Translation | PolicyTranslationError | None = translation
    if found is None:
        found = find_translation(policy.id, policy.version, language)
    if found is None:
        return Overlay(policy, language, (f"No {_name(language)} translation of {policy.id} version "
                                          f"{policy.version}: shown in English.",))
    if isinstance(found, PolicyTranslationError):
        return Overlay(policy, language, (f"The {_name(language)} translation cannot be used ({found}): the "
                                          "policy is shown in English.",))
    if (found.policy_id, found.policy_version) != (policy.id, policy.version):
        return Overlay(policy, language, (f"{found.name} translates {found.policy_id} version "
                                          f"{found.policy_version}, not {policy.id} version {policy.version}: "
                                          "the policy is shown in English.",))
    missing: list[str] = []
    stale: list[str] = []

    def tr(path: str, english: str) -> str:
        entry = found.entries.get(path)
        if entry is None:
            missing.append(path)
            return english
        if entry.en_hash != text_hash(english):
            stale.append(path)
            return english
        return entry.text

    shown, seen = _walk(policy, tr)
    unknown = sorted(set(found.entries) - {p for p, _ in seen})
    problems = []
    if stale:
        problems.append(f"{found.name}: {len(stale)} text(s) translate an earlier English wording and are shown in "
                        f"English: {', '.join(stale)}")
    if missing:
        problems.append(f"{found.name}: {len(missing)} text(s) have no translation and are shown in English: "
                        f"{', '.join(missing)}")
    if unknown:
        problems.append(f"{found.name}: {len(unknown)} entr(ies) name texts the policy does not have: "
                        f"{', '.join(unknown)}")
    return Overlay(shown, language, tuple(problems), tuple(missing), tuple(stale), tuple(unknown))


@lru_cache(maxsize=8)
def policy_words(language: str) -> dict[str, str]:
    """English text → its translation, over every shipped policy's current translation (for a policy's words
    inside a message: casework.i18n.policy_text). Lower-case forms too ("present" in "mark … as present")."""
    from casework.policy import PolicyLibrary

    words: dict[str, str] = {}
    if language in ("", "en"):
        return words
    for policy in PolicyLibrary.bundled().all():
        english = source_texts(policy)
        shown = source_texts(overlay(policy, language).policy)
        for path, text in english.items():
            if shown.get(path, text) != text:
                words.setdefault(text, shown[path])
                words.setdefault(text.lower(), shown[path].lower())
    return words


def translated(policy: Policy, language: str) -> Policy:
    """`policy` with its labels, help text and wording in `language` where a current translation exists; ids,
    rules and the text hash unchanged (English for anything untranslated, stale, or a bad file)."""
    return overlay(policy, language).policy


def _name(language: str) -> str:
    return {"es": "Spanish"}.get(language, language)


def stub(policy: Policy, translation: Translation | None) -> dict[str, Any]:
    """Entries for a translator: every text that is missing or stale, with the English and its hash (the
    translator writes `text` and moves the entry into the file)."""
    old = translation.entries if translation else {}
    out: dict[str, Any] = {}
    for path, english in source_texts(policy).items():
        entry = old.get(path)
        if entry is None or entry.en_hash != text_hash(english):
            out[path] = {"en_hash": text_hash(english), "en": english,
                         "previous": entry.text if entry else None}
    return out
