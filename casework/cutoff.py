"""Where a date falls against a policy's cutoff: the one place this is decided (checks, form hint and memo).

A date may be known only to the month or the year, so it stands for a range of days. Against a cutoff of
1 Nov 2020 compared "after": 2020-12 certainly qualifies, 2020-10 certainly does not, 2020-11 and 2020 may
fall either side (they straddle it), and 2020-11-01 is exactly the cutoff date — which qualifies under
"on or after" but not under "after", and needs review where the policy says so (the 2021 guidelines wrote
"after" where the earlier interim memo wrote "on or after").
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from casework.dates import PartialDate
from casework.i18n import QT_TRANSLATE_NOOP, Message


class Position(StrEnum):
    QUALIFIES = "qualifies"
    """Every day the date can stand for is on the qualifying side of the cutoff."""
    DOES_NOT_QUALIFY = "does_not_qualify"
    """No day the date can stand for is."""
    ON_THE_DAY = "on_the_day"
    """An exact date equal to the cutoff date (qualifies or not by the comparison; may need review)."""
    STRADDLES = "straddles"
    """A month- or year-only date whose range holds days on both sides."""
    UNKNOWN = "unknown"
    """No date recorded."""


def qualifies(day: date, cutoff_day: date, comparison: str) -> bool:
    """Whether one exact day is on the qualifying side: comparison "after" or "on_or_after"."""
    return day > cutoff_day if comparison == "after" else day >= cutoff_day


def classify(value: PartialDate, cutoff_day: date, comparison: str) -> Position:
    """Where `value` falls against the cutoff."""
    earliest, latest = value.earliest(), value.latest()
    if earliest is None or latest is None:
        return Position.UNKNOWN
    if earliest == latest == cutoff_day:
        return Position.ON_THE_DAY
    if qualifies(earliest, cutoff_day, comparison):
        return Position.QUALIFIES
    if not qualifies(latest, cutoff_day, comparison):
        return Position.DOES_NOT_QUALIFY
    return Position.STRADDLES


def comparison_words(comparison: str) -> Message:
    return QT_TRANSLATE_NOOP("checks", "after") if comparison == "after" else QT_TRANSLATE_NOOP("checks",
                                                                                                "on or after")


def describe(value: PartialDate, cutoff_day: date, comparison: str,
             what: str = QT_TRANSLATE_NOOP("checks", "last entry")) -> Message:
    """One sentence for the form's hint and the items: where the date falls, in words."""
    from casework.facts import precision_word

    params = {"word": comparison_words(comparison), "cut": cutoff_day.isoformat(), "what": what,
              "value": value.text}
    position = classify(value, cutoff_day, comparison)
    if position is Position.UNKNOWN:
        return QT_TRANSLATE_NOOP("checks", "Cutoff: {word} {cut}. The {what} date is not recorded.").format(**params)
    if position is Position.ON_THE_DAY:
        if qualifies(cutoff_day, cutoff_day, comparison):
            return QT_TRANSLATE_NOOP("checks", "The {what} ({value}) is exactly the cutoff date {cut} (qualifies as "
                                     "“{word}”).").format(**params)
        return QT_TRANSLATE_NOOP("checks", "The {what} ({value}) is exactly the cutoff date {cut} (does not qualify "
                                 "as “{word}”).").format(**params)
    if position is Position.QUALIFIES:
        return QT_TRANSLATE_NOOP("checks", "The {what} ({value}) is {word} the cutoff of {cut}.").format(**params)
    if position is Position.DOES_NOT_QUALIFY:
        return QT_TRANSLATE_NOOP("checks", "The {what} ({value}) is not {word} the cutoff of {cut}.").format(**params)
    return QT_TRANSLATE_NOOP("checks", "The {what} ({value}, {precision} only) may fall either side of the cutoff "
                             "of {cut}.").format(precision=precision_word(value), **params)
