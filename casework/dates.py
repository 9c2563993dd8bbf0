"""Dates known only to a month or a year.

Officers often know a date of birth or of last entry only as "March 2019" or "2019". A `PartialDate` keeps
exactly what was said, and `earliest()` / `latest()` give the range it stands for, so rules such as the
border-security cutoff can tell "certainly after", "certainly not after" and "straddles the cutoff".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casework.i18n import QT_TRANSLATE_NOOP


class DatePrecision(StrEnum):
    EXACT = "exact"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDateError(ValueError):
    """Raised for text that is not YYYY-MM-DD, YYYY-MM, YYYY or empty."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """An ISO date truncated to the precision known: "2020-11-01", "2020-11", "2020", or "" (unknown)."""

    text: str = ""

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse and check user text; raise PartialDateError with a message a person can act on."""
        text = text.strip()
        if not text:
            return cls("")
        m = _PATTERN.match(text)
        if not m:
            raise PartialDateError(QT_TRANSLATE_NOOP("casework", "use YYYY-MM-DD, YYYY-MM or YYYY"))
        year, month, day = int(m[1]), m[2], m[3]
        if not 1800 <= year <= 2200:
            raise PartialDateError(QT_TRANSLATE_NOOP("casework", "year {year} is out of range").format(year=year))
        if month is not None and not 1 <= int(month) <= 12:
            raise PartialDateError(QT_TRANSLATE_NOOP("casework", "month {month} does not exist").format(
                month=month))
        if day is not None:
            try:
                date(year, int(month), int(day))
            except ValueError:
                raise PartialDateError(QT_TRANSLATE_NOOP("casework", "{text} is not a calendar date").format(
                    text=text)) from None
        return cls(text)

    @classmethod
    def of(cls, d: date | None) -> PartialDate:
        return cls(d.isoformat() if d else "")

    @property
    def precision(self) -> DatePrecision:
        return {0: DatePrecision.UNKNOWN, 4: DatePrecision.YEAR, 7: DatePrecision.MONTH}.get(
            len(self.text), DatePrecision.EXACT
        )

    def is_valid(self) -> bool:
        if not self.text:  # unknown: most dates of most cases
            return True
        try:
            PartialDate.parse(self.text)
        except PartialDateError:
            return False
        return True

    def earliest(self) -> date | None:
        """First day this date could be; None when unknown."""
        if not self.text or not self.is_valid():
            return None
        parts = [int(p) for p in self.text.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def latest(self) -> date | None:
        """Last day this date could be; None when unknown."""
        if not self.text or not self.is_valid():
            return None
        parts = [int(p) for p in self.text.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], 12, 31)

    def __str__(self) -> str:
        return self.text or "unknown"
