"""Where a date falls against a cutoff: one function, both comparisons, every precision."""

from __future__ import annotations

from datetime import date

import pytest

from casework.cutoff import Position, classify, describe
from casework.dates import PartialDate

CUT = date(2020, 11, 1)
Q, N, ON, S, U = (Position.QUALIFIES, Position.DOES_NOT_QUALIFY, Position.ON_THE_DAY, Position.STRADDLES,
                  Position.UNKNOWN)


@pytest.mark.parametrize(("text", "after", "on_or_after"), [
    ("2020-11-02", Q, Q), ("2020-12", Q, Q), ("2021", Q, Q),
    ("2020-11-01", ON, ON),
    ("2020-11", S, Q),  # 1-30 Nov: the 1st is not "after", every day is "on or after"
    ("2020", S, S),
    ("2020-10-31", N, N), ("2020-10", N, N), ("2019", N, N),
    ("", U, U),
])
def test_classify(text, after, on_or_after):
    assert classify(PartialDate(text), CUT, "after") is after
    assert classify(PartialDate(text), CUT, "on_or_after") is on_or_after


@pytest.mark.parametrize(("text", "comparison", "sentence"), [
    ("2020-11-01", "after", "The last entry (2020-11-01) is exactly the cutoff date 2020-11-01 (does not qualify as "
                            "“after”)."),
    ("2020-11-01", "on_or_after", "The last entry (2020-11-01) is exactly the cutoff date 2020-11-01 (qualifies as "
                                  "“on or after”)."),
    ("2020-11", "after", "The last entry (2020-11, month only) may fall either side of the cutoff of 2020-11-01."),
    ("2021-02-03", "after", "The last entry (2021-02-03) is after the cutoff of 2020-11-01."),
    ("2020-10", "on_or_after", "The last entry (2020-10) is not on or after the cutoff of 2020-11-01."),
    ("", "after", "Cutoff: after 2020-11-01. The last entry date is not recorded."),
])
def test_describe(text, comparison, sentence):
    assert describe(PartialDate(text), CUT, comparison) == sentence
