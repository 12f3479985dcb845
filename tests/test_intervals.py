import pytest

from bbc_timeline.errors import UsageError
from bbc_timeline.timevalues import display, interval
from bbc_timeline.userdates import parse_bound


@pytest.mark.parametrize(
    "value,end_value,start,end,precision,shown",
    [
        ("2017-07-25", None, "2017-07-25", "2017-07-25", "day", "2017-07-25"),
        ("2017-07", None, "2017-07-01", "2017-07-31", "month", "2017-07"),
        ("2016", None, "2016-01-01", "2016-12-31", "year", "2016"),
        ("201", None, "2010-01-01", "2019-12-31", "decade", "2010s"),
        ("2017-07-11", "2017-07-18", "2017-07-11", "2017-07-18", "day", "2017-07-11 – 18"),
        ("2020-08-09", "2020-10", "2020-08-09", "2020-10-31", "day", "2020-08-09 – 2020-10"),
        ("2017-Q3", None, "2017-07-01", "2017-09-30", "month", "2017-Q3"),
        ("2017-W30", None, "2017-07-24", "2017-07-30", "week", "2017-W30"),
        ("2017-07-31T13:12", None, "2017-07-31", "2017-07-31", "day", "2017-07-31"),
    ],
)
def test_interval_keeps_precision(value, end_value, start, end, precision, shown):
    dv = interval(value, end_value)
    assert (dv.start, dv.end, dv.precision) == (start, end, precision)
    assert display(dv.to_dict()) == shown


@pytest.mark.parametrize("value", ["P3Y", "PRESENT_REF", "XXXX-08", "", "2017-13"])
def test_values_without_a_place_in_time(value):
    assert interval(value) is None


def test_bounds_of_since_and_until():
    assert parse_bound("2017-07", "start") == "2017-07-01"
    assert parse_bound("2017-02", "end") == "2017-02-28"
    assert parse_bound("2016", "end") == "2016-12-31"
    with pytest.raises(UsageError, match="not a date"):
        parse_bound("the day after the war", "start")


@pytest.mark.parametrize(
    "value,start,end",
    [
        ("2020-02", "2020-02-01", "2020-02-29"),  # leap year
        ("1900-02", "1900-02-01", "1900-02-28"),  # century, not leap
        ("2019-12", "2019-12-01", "2019-12-31"),
        ("2019-WI", "2019-12-01", "2020-02-29"),  # winter runs into the next year
        ("2019-H2", "2019-07-01", "2019-12-31"),
    ],
)
def test_month_ends(value, start, end):
    dv = interval(value)
    assert (dv.start, dv.end) == (start, end)


def test_unit_end_is_the_last_day_of_the_unit_containing_the_day():
    from datetime import date

    from bbc_timeline.timevalues import unit_end, value_at

    d = date(2016, 2, 10)
    assert [value_at(d, p) for p in ("day", "month", "year", "decade")] == ["2016-02-10", "2016-02", "2016", "201"]
    assert unit_end(d, "day") == d
    assert unit_end(d, "month") == date(2016, 2, 29)  # leap year
    assert unit_end(d, "year") == date(2016, 12, 31)
    assert unit_end(d, "decade") == date(2019, 12, 31)
