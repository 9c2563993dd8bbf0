"""The rule for a passphrase that may protect a store: one function, applied by every way in.

`casefile init` and `casefile passwd`, the set-up and change-passphrase dialogs, and the store itself
(`CaseStore.create`, `CaseStore.change_passphrase`, every new key slot) all ask `passphrase_problem`, so a
passphrase one of them refuses cannot get in through another. The strength estimate is zxcvbn's (pure
Python, imported on first use: its word lists take ~20 ms to load and are not needed at launch).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
        return f"Use at least {MIN_LENGTH} characters; several unrelated words work well."
    result = strength(text, context)
    if result["score"] < MIN_SCORE:
        hint = result["feedback"].get("warning") or "Add another unrelated word."
        return f"Too easy to guess. {hint}".strip()
    return None


def officer_words(name: str, officer_id: str) -> list[str]:
    """The words of an officer's identity that a passphrase must not lean on."""
    return [*name.split(), officer_id]
