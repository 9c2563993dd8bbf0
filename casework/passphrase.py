"""The rule for a passphrase that may protect a store: one function, applied by every way in.

`casefile init` and `casefile passwd`, the set-up and change-passphrase dialogs, and the store itself
(`CaseStore.create`, `CaseStore.change_passphrase`, every new key slot) all ask `passphrase_problem`, so a
passphrase one of them refuses cannot get in through another. The strength estimate is zxcvbn's (pure
Python, imported on first use: its word lists take ~20 ms to load and are not needed at launch).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP

MIN_LENGTH = 10
"""Characters (code points). The set-up dialog has always promised "at least 10 characters"."""

MIN_SCORE = 3
"""zxcvbn's 0..4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash scenario"."""

MAX_SCORED = 100
"""zxcvbn's run time grows with the length; beyond 100 characters the first 100 decide."""

STRENGTH_WORDS = ("very weak", "weak", "fair", "strong", "very strong")


def strength(text: str, context: Iterable[str] = ()) -> dict[str, Any]:
    """zxcvbn's verdict on `text` ("score" 0..4, "feedback"), penalising words from `context`."""
    from zxcvbn import zxcvbn  # no stubs; pure Python

    return dict(zxcvbn(text[:MAX_SCORED], user_inputs=[w for w in context if w]))


def passphrase_problem(text: str, context: Iterable[str] = ()) -> str | None:
    """Why `text` may not protect a store, or None when it may.

    `context` holds words the passphrase must not lean on (the officer's name and ID): a passphrase made of
    them scores lower.
    """
    if len(text) < MIN_LENGTH:
        return QT_TRANSLATE_NOOP("casework", "Use at least {count} characters; several unrelated words work well."
                                 ).format(count=MIN_LENGTH)
    result = strength(text, context)
    if result["score"] < MIN_SCORE:
        warning = result["feedback"].get("warning") or ""
        hint = _WARNINGS.get(warning, warning) or QT_TRANSLATE_NOOP("casework", "Add another unrelated word.")
        return QT_TRANSLATE_NOOP("casework", "Too easy to guess. {hint}").format(hint=hint)
    return None


_WARNINGS: dict[str, str] = {str(w): w for w in (
    QT_TRANSLATE_NOOP("zxcvbn", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP("zxcvbn", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    QT_TRANSLATE_NOOP("zxcvbn", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("zxcvbn", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a very common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("zxcvbn", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Common names and surnames are easy to guess."),
)}
"""zxcvbn's warnings (English only), marked so a catalogue can translate the hint it gives."""


def officer_words(name: str, officer_id: str) -> list[str]:
    """The words of an officer's identity that a passphrase must not lean on."""
    return [*name.split(), officer_id]
