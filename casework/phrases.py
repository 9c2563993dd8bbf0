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


class Words:
    """The words of a text, folded; where each stands in the text as written is worked out only when asked."""

    __slots__ = ("_spans", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():  # folding ASCII changes no length: one pass over the whole text
            self.folded: list[str] = _WORD.findall(text.casefold())
        else:
            self.folded = [fold_word(w) for w in _WORD.findall(text)]
        self._spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.folded)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Where words first..last (inclusive) stand in the text as written."""
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self.text)]
        return self._spans[first][0], self._spans[last][1]


@lru_cache(maxsize=64)
def words(text: str) -> Words:
    """The words of `text` (cached: the checks read the same rationale for several rules)."""
    return Words(text)


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool = False
    """The last word matches any word that starts with it."""

    @classmethod
    def of(cls, text: str) -> Phrase:
        prefix = text.rstrip().endswith("*")
        folded = tuple(words(text).folded)
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

    def find(self, found: Words) -> Iterator[Hit[T]]:
        """Every match in `found` (overlapping matches included)."""
        folded = found.folded
        exact, prefix, lengths = self._exact, self._prefix, self._prefix_lengths
        for i, word in enumerate(folded):
            if word in exact:
                for phrase, payload in exact[word]:
                    if len(phrase.words) == 1 or _rest_matches(folded, i, phrase):
                        yield Hit(i, i + len(phrase.words) - 1, payload)
            for n in lengths:
                if n > len(word):
                    break
                for _phrase, payload in prefix.get(word[:n], ()):
                    yield Hit(i, i, payload)

    def contains_any(self, found: Words) -> bool:
        return next(self.find(found), None) is not None


def _rest_matches(folded: list[str], i: int, phrase: Phrase) -> bool:
    n = len(phrase.words)
    if i + n > len(folded):
        return False
    for k in range(1, n):
        want, have = phrase.words[k], folded[i + k]
        if have != want and not (phrase.prefix and k == n - 1 and have.startswith(want)):
            return False
    return True


def mentions_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether `text` holds any of `phrases` as whole words (for one-off checks; build a PhraseIndex to reuse)."""
    return PhraseIndex((p, None) for p in phrases if p.strip()).contains_any(words(text))
