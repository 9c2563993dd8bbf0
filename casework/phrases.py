"""Finding listed words and phrases in free text, word by word: case- and accent-insensitive, whole words only.

Used for the never-factor guard and for "does the rationale address this factor". Text is split into words
(letters and digits of any script); a phrase matches a run of whole words, so "race" never matches inside
"embraces" and "years" is only what the policy lists, never any word that happens to be shared. A phrase
ending in "*" matches any word starting with its last word ("rehabilitat*"). Folding drops accents and case,
so "religión" and "RELIGION" both match "religion", and "non-binary" matches "non binary".

Matching is a dictionary lookup per word, so a 5,000-character rationale is scanned in well under a
millisecond whatever the number of phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word, lower-cased and without accents ("Religión" → "religion")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True, slots=True)
class Word:
    folded: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of `text`, folded, with where each stands in the text as written."""
    return [Word(fold_word(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool = False
    """The last word matches any word that starts with it."""

    @classmethod
    def of(cls, text: str) -> Phrase:
        prefix = text.rstrip().endswith("*")
        folded = tuple(w.folded for w in words(text))
        if not folded:
            raise ValueError(f"{text!r} holds no word")
        return cls(folded, prefix)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    first: int
    """Index of the first word of the match in the word list."""
    last: int
    """Index of the last word (inclusive)."""
    payload: T


class PhraseIndex(Generic[T]):
    """Phrases, each with a payload, looked up by their first word."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[Phrase, T]]] = {}
        self._prefix: dict[str, list[tuple[Phrase, T]]] = {}
        for text, payload in entries:
            phrase = Phrase.of(text)
            if phrase.prefix and len(phrase.words) == 1:
                self._prefix.setdefault(phrase.words[0], []).append((phrase, payload))
            else:
                self._exact.setdefault(phrase.words[0], []).append((phrase, payload))
        self._prefix_lengths = sorted({len(k) for k in self._prefix})

    def find(self, found: list[Word]) -> Iterator[Hit[T]]:
        """Every match in the word list `found` (overlapping matches included)."""
        for i, word in enumerate(found):
            for phrase, payload in self._exact.get(word.folded, ()):
                if _rest_matches(found, i, phrase):
                    yield Hit(i, i + len(phrase.words) - 1, payload)
            for n in self._prefix_lengths:
                if n > len(word.folded):
                    break
                for _phrase, payload in self._prefix.get(word.folded[:n], ()):
                    yield Hit(i, i, payload)

    def contains_any(self, found: list[Word]) -> bool:
        return next(self.find(found), None) is not None


def _rest_matches(found: list[Word], i: int, phrase: Phrase) -> bool:
    n = len(phrase.words)
    if i + n > len(found):
        return False
    for k in range(1, n):
        want, have = phrase.words[k], found[i + k].folded
        if have != want and not (phrase.prefix and k == n - 1 and have.startswith(want)):
            return False
    return True


def mentions_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether `text` holds any of `phrases` as whole words (for one-off checks; build a PhraseIndex to reuse)."""
    return PhraseIndex((p, None) for p in phrases if p.strip()).contains_any(words(text))
