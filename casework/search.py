"""How the case list matches what an officer types: case-, accent- and punctuation-insensitive.

"jose" finds "José", "a12345" finds "A-123-456-789"'s normalised form, "o'neil" finds "O’Neil".
"""

from __future__ import annotations

import unicodedata

from casework.model import CaseSummary


def fold(text: str) -> str:
    """Lower-case, strip accents and drop punctuation, keeping letters of every script."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = [
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and (ch.isalnum() or ch.isspace())
    ]
    return " ".join("".join(kept).casefold().split())


def haystack(summary: CaseSummary) -> str:
    """Everything a search may match in one string: names, aliases, A-number and case number."""
    parts = [summary.family_name, summary.given_names, *summary.aliases, summary.a_number, summary.case_number]
    return "\n".join(fold(p) for p in parts)


def matches(query_folded: str, hay: str) -> bool:
    """Every word of the query occurs somewhere in the haystack."""
    return all(word in hay for word in query_folded.split())
