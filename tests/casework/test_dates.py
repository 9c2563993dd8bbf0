from datetime import date

import pytest

from casework.dates import DatePrecision, PartialDate, PartialDateError


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2020-11-01", DatePrecision.EXACT, date(2020, 11, 1), date(2020, 11, 1)),
        ("2020-11", DatePrecision.MONTH, date(2020, 11, 1), date(2020, 11, 30)),
        ("2020-02", DatePrecision.MONTH, date(2020, 2, 1), date(2020, 2, 29)),
        ("2020", DatePrecision.YEAR, date(2020, 1, 1), date(2020, 12, 31)),
        ("", DatePrecision.UNKNOWN, None, None),
    ],
)
def test_partial_date_range(text, precision, earliest, latest):
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert d.earliest() == earliest
    assert d.latest() == latest


@pytest.mark.parametrize(
    ("text", "message"),
    [("2020-13", "month 13 does not exist"), ("2021-02-29", "not a calendar date"), ("11/01/2020", "use YYYY"),
     ("0999", "out of range"), ("2020-1-1", "use YYYY")],
)
def test_bad_dates_are_refused_with_a_reason(text, message):
    with pytest.raises(PartialDateError, match=message):
        PartialDate.parse(text)
    assert not PartialDate(text).is_valid()
