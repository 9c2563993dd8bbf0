"""The never-factor guard: words in the assessment's free text that can point to a never-factor.

The policy file lists, for each never-factor (race, religion, national origin…), words and phrases per
language that suggest it, and look-alikes that do not ("not_when": the Religious Freedom Restoration Act in a
citation, "good faith", "sex offense", the Immigration and Nationality Act, "bajo protesta de decir verdad").
A word inside one of its never-factor's look-alikes is not a mention.

This is a guard for the officer, not an accusation: a mention raises a review item that the officer answers
("mentioned only as …"), because a never-factor may rightly appear in the record — a church that wrote a
character letter, an asylum claim's ground. What the guard cannot tell apart (a surname "Gay", a given name
that is also a word) it asks about; the note settles it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from casework.phrases import PhraseIndex, words
from casework.policy import NeverFactor, Policy


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a never-factor's word stands in a text: `said` is the text as written ("Religión")."""

    never_factor: NeverFactor
    said: str
    start: int
    end: int


class Guard:
    """One policy's never-factor words and look-alikes, ready to scan any number of texts."""

    def __init__(self, rules: tuple[NeverFactor, ...]) -> None:
        self.rules = rules
        self._terms: PhraseIndex[int] = PhraseIndex(
            (term, i) for i, rule in enumerate(rules) for terms in rule.terms.values() for term in terms)
        self._exclusions: PhraseIndex[int] = PhraseIndex(
            (phrase, i) for i, rule in enumerate(rules) for phrase in rule.exclusions)

    def scan(self, text: str) -> list[Mention]:
        """Every mention in `text`, in order (a never-factor may appear several times)."""
        if not text.strip():
            return []
        found = words(text)
        excluded: dict[int, list[tuple[int, int]]] = {}
        for hit in self._exclusions.find(found):
            excluded.setdefault(hit.payload, []).append((hit.first, hit.last))
        out = []
        for hit in self._terms.find(found):
            spans = excluded.get(hit.payload, ())
            if any(a <= hit.first and hit.last <= b for a, b in spans):
                continue
            start, end = found.span(hit.first, hit.last)
            out.append(Mention(self.rules[hit.payload], text[start:end], start, end))
        return sorted(out, key=lambda m: (m.start, -m.end))

    def named(self, text: str) -> dict[str, list[Mention]]:
        """Mentions in `text` by never-factor id, in the policy's order."""
        by_id: dict[str, list[Mention]] = {}
        for m in self.scan(text):
            by_id.setdefault(m.never_factor.id, []).append(m)
        return {r.id: by_id[r.id] for r in self.rules if r.id in by_id}


_GUARDS: dict[str, Guard] = {}


def guard_for(policy: Policy) -> Guard:
    """The guard of `policy`, built once per policy text."""
    guard = _GUARDS.get(policy.sha256)
    if guard is None:
        guard = _GUARDS[policy.sha256] = Guard(policy.never_factor_rules)
    return guard


@lru_cache(maxsize=1024)
def _named(sha256: str, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    guard = _GUARDS[sha256]
    return tuple((nf_id, tuple(dict.fromkeys(m.said for m in ms))) for nf_id, ms in guard.named(text).items())


def mentioned(policy: Policy, text: str) -> list[tuple[NeverFactor, tuple[str, ...]]]:
    """The never-factors `text` mentions, each with the words as written (distinct, in order). Cached by text:
    recomputing the checklist after a keystroke scans only the field that changed."""
    guard = guard_for(policy)
    rules = {r.id: r for r in guard.rules}
    return [(rules[nf_id], said) for nf_id, said in _named(policy.sha256, text)]
