"""How the case list finds a person across spellings and scripts, and says why a case matched.

A case is indexed as folded keys (see `index_text`), kept by the store inside the encrypted database:

- every word of a name, alias, place or charge transliterated to ASCII (anyascii) and case-folded, so
  "Иванова" is kept as "ivanova", "Nguyễn" as "nguyen", "محمد" as "mhmd", "Ødegård" as "odegard";
- a sound key of each of those words (`sound`): vowels dropped and letters that sound alike merged, so
  "Muhammad", "Mohammed" and "mhmd" (محمد) are all "mhmd", "Katharina" and "Catarina" both "ktrn";
- the case number and A-number without punctuation (and their tails: "0042", "123456789"), the date of birth in
  the orders people type it ("1985-03-07", "03/07/1985", "7.3.1985"), and the status.

A search finds candidates by those keys (exact, then prefix, then sound) and `rank` orders them with
rapidfuzz: a word found as typed beats one that starts with it, which beats one found only after
transliteration, which beats a spelling that only sounds alike. Each match carries its reasons (`Why`), which
the list shows. Nothing here touches a database or Qt.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

from casework.labels import label
from casework.model import CaseFile, CaseStatus, CaseSummary

INDEX_VERSION = 1
"""Bump when `index_text` changes what it keeps: the store then rebuilds every case's keys (a migration)."""

COLUMNS = ("name", "sound", "number", "born", "place", "charge", "status")
"""The index's key columns, in the order of the store's search table."""

PAGE = 200
"""Rows the case list asks for at a time."""

SEARCH_LIMIT = 50
"""Most matches a search returns, best first (a person narrows a longer list by typing more; the list says
"50+"). Also the most candidates ranked per keystroke, which keeps a keystroke within 20 ms at 100,000 cases."""

_APOSTROPHES = "'’ʼ`´ʻ"
_ASCII_WORD = re.compile("[A-Za-z0-9]+")
"""A word of ASCII text (`words`): ASCII letters and digits are exactly its characters of categories L, M and N."""
_MIN_SCORE = 45.0


# ----- folding ---------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, strip accents and drop punctuation, keeping letters of every script ("Núñez" → "nunez")."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = [ch for ch in decomposed if not unicodedata.combining(ch) and (ch.isalnum() or ch.isspace())]
    return " ".join("".join(kept).casefold().split())


def words(text: str) -> list[str]:
    """The words of `text` in its own script: letters, marks and digits; apostrophes join ("O'Brien" is one
    word), everything else (spaces, hyphens, slashes, dots, control characters) separates."""
    if text.isascii():  # most names and places: the same split, by a regular expression (in C)
        return _ASCII_WORD.findall(text.replace("'", "").replace("`", ""))
    return words_of_any_text(text)


def words_of_any_text(text: str) -> list[str]:
    """words() for text in any script, character by character (what its ASCII shortcut must agree with)."""
    out: list[str] = []
    current: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _APOSTROPHES:
            continue
        if unicodedata.category(ch)[0] in "LMN":
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def latin(word: str) -> str:
    """`word` transliterated to lower-case ASCII letters and digits ("Иванова" → "ivanova", "محمد" → "mhmd")."""
    if word.isascii() and word.isalnum():  # already so, but for the case (anyascii keeps ASCII as it is)
        return word.lower()
    return "".join(ch for ch in anyascii(word).casefold() if ch.isascii() and ch.isalnum())


_DIGRAPHS = (("sch", "s"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("gh", "g"), ("dh", "d"))
_LETTERS = {"q": "k", "z": "s", "x": "ks", "w": "v"}


def sound(word: str) -> str:
    """A sound key of a transliterated word: vowels dropped, alike letters merged, doubles collapsed.

    "muhammad", "mohammed", "mohamed" and "mhmd" → "mhmd"; "katharina", "catarina" → "ktrn"; "cohen", "khhn"
    (כהן) → "khn". Empty for a word with digits (numbers have no sound)."""
    if not word or not word.isalpha():
        return ""
    for a, b in _DIGRAPHS:
        word = word.replace(a, b)
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch == "c":
            ch = "s" if word[i + 1 : i + 2] in ("e", "i", "y") and i + 1 < len(word) else "k"
        ch = _LETTERS.get(ch, ch)
        if ch in "aeiouy":
            continue
        for c in ch:
            if not out or out[-1] != c:
                out.append(c)
    return "".join(out)


# ----- what a case is indexed under ------------------------------------------------------------------------


class Key(NamedTuple):
    """One indexed word of a case: its field, the word as stored (for the explanation) and its keys. A tuple:
    ranking reads hundreds of cases' keys per keystroke."""

    field: str
    """name, alias, case_number, a_number, born, place, charge or status."""
    shown: str
    latin: str
    sound: str = ""


_COLUMN_OF = {"name": "name", "alias": "name", "case_number": "number", "a_number": "number", "born": "born",
              "place": "place", "charge": "charge", "status": "status"}


def _text_keys(field_name: str, text: str) -> Iterator[Key]:
    ws = words(text)
    for w in ws:
        lat = latin(w)
        if lat:
            yield Key(field_name, w, lat, sound(lat))
    if len(ws) > 1 and field_name in ("name", "alias"):  # "عبد الله" is also "bdllh", so "Abdullah" finds it
        joined = "".join(latin(w) for w in ws)
        if joined:
            yield Key(field_name, " ".join(ws), joined, sound(joined))


def _number_keys(field_name: str, text: str) -> Iterator[Key]:
    """"CF-2026-DO1138-0042" → its parts cf, 2026, do1138, 0042; "A123456789" → a123456789 and 123456789.
    (Not the parts run together: 100,000 unique keys that share a long prefix make a prefix search slow.)"""
    parts = [latin(w) for w in words(text)]
    parts = [p for p in parts if p]
    for p in parts:
        yield Key(field_name, text, p)
    if len(parts) == 1 and parts[0][:1].isalpha() and parts[0][1:].isdigit():
        yield Key(field_name, text, parts[0][1:])


def _date_keys(text: str) -> Iterator[Key]:
    """A partial ISO date in the orders people type: 1985-03-07 → 19850307, 03071985, 07031985, 371985,
    731985, and the year."""
    parts = text.split("-")
    if not parts or not parts[0].isdigit():
        return
    y = parts[0]
    forms = [y]
    if len(parts) >= 2:
        m = parts[1]
        forms += [y + m, m + y, str(int(m)) + y]
        if len(parts) == 3:
            d = parts[2]
            forms += [y + m + d, m + d + y, d + m + y, str(int(m)) + str(int(d)) + y, str(int(d)) + str(int(m)) + y]
    for f in dict.fromkeys(forms):
        yield Key("born", text, f)


def keys_of(case: CaseFile, memo: dict[tuple[str, str], tuple[Key, ...]] | None = None) -> list[Key]:
    """Every key a case is found by. `memo`: the keys of texts seen before in the same batch of cases (places,
    charges, statuses and common names repeat), kept by the caller only for that batch."""
    s = case.subject
    keys: list[Key] = []

    def text_keys(field_name: str, text: str) -> Iterable[Key]:
        if memo is None:
            return _text_keys(field_name, text)
        found = memo.get((field_name, text))
        if found is None:
            found = memo[(field_name, text)] = tuple(_text_keys(field_name, text))
        return found

    keys += text_keys("name", s.family_name)
    keys += text_keys("name", s.given_names)
    for alias in s.aliases:
        keys += text_keys("alias", alias)
    if case.case_number:
        keys += _number_keys("case_number", case.case_number)
    if s.a_number:
        keys += _number_keys("a_number", s.a_number)
    if s.date_of_birth.text:
        keys += _date_keys(s.date_of_birth.text)
    h = case.history
    for place in (case.encounter.place, h.place_of_entry, h.apprehension_place):
        keys += text_keys("place", place)
    for offense in case.offenses:
        keys += text_keys("charge", offense.charge)
        keys += text_keys("charge", offense.statute)
    keys += text_keys("status", label(case.status))
    if latin(label(case.status)) != case.status.value:
        keys += text_keys("status", case.status.value)
    return list(dict.fromkeys(keys))


def sort_name(family_name: str, given_names: str) -> str:
    """The name the list sorts by: the folded display name (as the list has always sorted)."""
    return fold(f"{family_name}, {given_names}" if family_name and given_names else family_name or given_names)


def index_text(case: CaseFile, memo: dict[tuple[str, str], tuple[Key, ...]] | None = None) -> str:
    """What the store keeps in cases.search_text (JSON): one space-separated string of keys per index column,
    the sort name, and the keys themselves for ranking. The store's triggers copy it into its search table in
    the same transaction as the save. `memo`: see keys_of."""
    return index_json(index_columns(case, memo))


def index_columns(case: CaseFile, memo: dict[tuple[str, str], tuple[Key, ...]] | None = None) -> dict[str, object]:
    """index_text's content before it is JSON: each column's keys (COLUMNS), "v", "sort" and "keys" (for a bulk
    write that fills the search table itself instead of leaving the trigger to unpack the JSON)."""
    keys = keys_of(case, memo)
    columns: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for k in keys:
        columns[_COLUMN_OF[k.field]].append(k.latin)
        if k.sound and len(k.sound) >= 2:
            columns["sound"].append(k.sound)
    doc: dict[str, object] = {c: " ".join(dict.fromkeys(v)) for c, v in columns.items()}
    doc["v"] = INDEX_VERSION
    doc["sort"] = sort_name(case.subject.family_name, case.subject.given_names)
    doc["keys"] = _stored_keys(keys)
    return doc


def index_json(value: object) -> str:
    """JSON as the search index keeps it (compact, not ASCII-escaped)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _stored_keys(keys: list[Key]) -> list[list[str]]:
    """The keys as ranking reads them: a literal field's forms in one entry ("19850307 03071985 …"), so a case's
    keys stay short (they are read for every candidate of every keystroke)."""
    out: list[list[str]] = []
    literal: dict[tuple[str, str], list[str]] = {}
    for k in keys:
        if k.field in _LITERAL:
            literal.setdefault((k.field, k.shown), []).append(k.latin)
        else:
            out.append([k.field, k.shown, k.latin, k.sound])
    out += [[f, shown, " ".join(forms), ""] for (f, shown), forms in literal.items()]
    return out


KeyRow = Sequence[str]
"""A stored key as ranking reads it: field, shown, latin (a literal field: its forms, space-separated), sound."""


def keys_from_json(text: str) -> list[KeyRow]:
    """The keys `index_text` stored (the search table's `keys` column), as they are (no copying: hundreds of
    cases' keys are read per keystroke)."""
    try:
        raw = json.loads(text) if text else []
    except ValueError:
        return []
    return raw if isinstance(raw, list) else []


# ----- a query ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Word:
    typed: str
    folded: str
    latin: str
    sound: str


@dataclass(frozen=True, slots=True)
class Query:
    words: tuple[Word, ...]
    joined: str
    """All the words run together ("03/07/1985" → 03071985, "CF-2026-0042" → cf20260042), for numbers and
    dates typed with separators."""

    @property
    def empty(self) -> bool:
        return not self.words


def parse_query(text: str) -> Query:
    found = []
    for w in words(text[:500]):
        lat = latin(w)
        if lat:
            found.append(Word(w, fold(w), lat, sound(lat)))
    return Query(tuple(found), "".join(w.latin for w in found) if len(found) > 1 else "")


_KEY_COLUMNS = "{name number born place charge status}"


INDEXED_PREFIX = 3
"""The longest prefix the store's FTS5 index keeps lists for (migration 0011: prefix = '1 2 3')."""

Expand = Callable[[str], Sequence[str] | None]
"""The store's answer to "which keys start with this prefix?": all of them (a short list), or None (too many
to list, or the store cannot say)."""


def fts_stages(query: Query, expand: Expand | None = None) -> list[str]:
    """FTS5 MATCH expressions for the candidates, loosest last: every word as a whole key; then the last word
    (the one being typed) as the start of a key; then also every word by its sound. (A prefix of an earlier word
    would make FTS5 merge the lists of every key it starts; keys are [a-z0-9]+, so quoting is enough.)

    A prefix longer than INDEXED_PREFIX makes FTS5 gather every row of every key it starts before giving the
    first — "cf-2026-scal" reads all 100,000 rows of "scale" — so when `expand` lists the keys it starts, the
    prefix is asked as those whole keys (read lazily, a page at a time) instead."""
    if query.empty:
        return []

    def starting(lat: str, columns: str = _KEY_COLUMNS) -> str:
        keys = expand(lat) if expand is not None and len(lat) > INDEXED_PREFIX else None
        if keys:
            return f"{columns} : ({' OR '.join(_quoted(k) for k in keys)})"
        return f'{columns} : "{lat}"*'

    def joined_or(expr: str) -> str:  # "a-123" → a123*, "03/07/19" → 030719*
        return f"({expr}) OR ({starting(query.joined)})" if query.joined else expr

    last = len(query.words) - 1

    def term(i: int, w: Word) -> str:  # only the last word is still being typed: the others are whole keys
        return f"({starting(w.latin)})" if i == last else f'({_KEY_COLUMNS} : "{w.latin}")'

    def sound_term(w: Word) -> str:
        if len(w.latin) < 4 or len(w.sound) < 2:
            return ""
        return f" OR (sound : \"{w.sound}\")" if len(w.sound) < 3 else f" OR ({starting(w.sound, 'sound')})"

    exact = " AND ".join(f'({_KEY_COLUMNS} : "{w.latin}")' for w in query.words)
    prefixed = " AND ".join(term(i, w) for i, w in enumerate(query.words))
    stages = [joined_or(exact), joined_or(prefixed)]
    if any(sound_term(w) for w in query.words):
        loose = " AND ".join(f"({term(i, w)}{sound_term(w)})" for i, w in enumerate(query.words))
        stages.append(joined_or(loose))
    return stages


def _quoted(key: str) -> str:
    """A key as an FTS5 string (keys are [a-z0-9]+; a quote is doubled all the same)."""
    return '"' + key.replace('"', '""') + '"'


# ----- ranking and explaining --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Why:
    """Why one word of the query matched: `how` is exact, prefix, transliterated or sounds_like; `shown` the
    stored word as written ("محمد"), `latin` its transliteration ("mhmd"), `typed` the query word."""

    field: str
    how: str
    shown: str
    latin: str
    typed: str


@dataclass(frozen=True, slots=True)
class Match:
    case_id: str
    score: float
    why: tuple[Why, ...]


@functools.lru_cache(maxsize=65536)
def _compact(shown: str) -> str:
    return fold(shown).replace(" ", "")


_LITERAL = frozenset({"case_number", "a_number", "born", "status"})
"""Fields matched as typed: they have no spelling variants and nothing to transliterate."""


def _score_key(w: Word, k: KeyRow) -> tuple[float, str]:
    """Cheap tests first: most keys of a candidate share nothing with the word."""
    field_name, shown, lat, snd = k
    if field_name in _LITERAL:
        if w.latin in lat:
            forms = lat.split(" ")
            if w.latin in forms:
                return 100.0, "exact"
            if any(f.startswith(w.latin) for f in forms):
                return 90.0, "prefix"
        return 0.0, ""
    if lat.startswith(w.latin):
        folded = _compact(shown)
        if folded == w.folded:
            return 100.0, "exact"
        if folded.startswith(w.folded):
            return 90.0, "prefix"
        return (85.0, "transliterated") if lat == w.latin else (80.0, "transliterated")
    if not snd or not w.sound:
        return 0.0, ""
    if snd == w.sound:
        return 50.0 + fuzz.ratio(w.latin, lat) / 5, "sounds_like"  # 50..70
    if len(w.sound) >= 3 and snd.startswith(w.sound):
        return 40.0 + fuzz.ratio(w.latin, lat) / 5, "sounds_like"
    return 0.0, ""


def _best(w: Word, keys: Iterable[KeyRow]) -> tuple[float, Why | None]:
    best, why = 0.0, None
    best_key = None
    for k in keys:
        score, how = _score_key(w, k)
        if score > best:
            best, best_key, best_how = score, k, how
            if score >= 100.0:
                break
    if best_key is not None:
        lat = best_key[2].split(" ")[0] if best_key[0] in _LITERAL else best_key[2]
        why = Why(best_key[0], best_how, best_key[1], lat, w.typed)
    return best, why


def score_case(query: Query, keys: Sequence[KeyRow]) -> Match | None:
    """How well one case's keys match the query (None: not at all). Every word must match something."""
    if query.empty:
        return None
    total, whys = 0.0, []
    for w in query.words:
        score, why = _best(w, keys)
        if why is None or score < _MIN_SCORE:
            total = -1.0
            break
        total += score
        whys.append(why)
    if total >= 0:
        return Match("", total / len(query.words), tuple(whys))
    if query.joined:  # "03/07/1985": the words run together are a date or a number
        score, why = _best(Word(query.joined, query.joined, query.joined, ""), keys)
        if why is not None and score >= 90:
            return Match("", score, (why,))
    return None


def rank(query: Query, candidates: Iterable[tuple[str, Sequence[KeyRow]]], limit: int = SEARCH_LIMIT
         ) -> list[Match]:
    """The candidates that match, best first (ties keep the candidates' order)."""
    found = []
    for case_id, keys in candidates:
        m = score_case(query, keys)
        if m is not None:
            found.append(Match(case_id, m.score, m.why))
    found.sort(key=lambda m: -m.score)
    return found[:limit]


# ----- what the list asks the store for --------------------------------------------------------------------

SORTS = ("number", "name", "a_number", "status", "updated")
"""The list's columns, in order, as the store names them for sorting."""


@dataclass(frozen=True, slots=True)
class ListRequest:
    """Rows the case list wants: a page after `after_id` (None: from the top) in `sort` order, or, with a
    `query`, the best matches. `generation` tells the list's own requests apart (a newer one wins)."""

    query: str = ""
    sort: str = "updated"
    descending: bool = True
    after_id: str | None = None
    limit: int = PAGE
    generation: int = 0


@dataclass(frozen=True, slots=True)
class CasePage:
    rows: list[CaseSummary]
    total: int
    """Cases in the store."""
    more: bool
    """Browsing: more rows follow. Searching: there were more matches than `rows`."""
    why: dict[str, tuple[Why, ...]] = field(default_factory=dict)
    """Searching: why each case matched."""


STATUSES = {s.value: s for s in CaseStatus}
