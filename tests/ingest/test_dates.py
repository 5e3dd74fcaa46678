from datetime import date

import pytest

from ingest.dates import resolve_date

TUESDAY = date(2025, 2, 4)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Tuesday", False, date(2025, 2, 4)),
        ("on Monday", False, date(2025, 2, 3)),
        ("last Friday", False, date(2025, 1, 31)),
        ("effective Feb 10", True, date(2025, 2, 10)),
        ("from March 10", True, date(2025, 3, 10)),
        ("from next Monday", True, date(2025, 2, 10)),
        ("starting Monday", True, date(2025, 2, 10)),
        ("on 10 February 2026", True, date(2026, 2, 10)),
        ("from 2025-04-09", True, date(2025, 4, 9)),
        ("no date here", False, None),
    ],
)
def test_resolve_date(text, future, expected):
    assert resolve_date(text, TUESDAY, future=future) == expected


def test_without_reference_only_absolute_dates_resolve():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("March 3, 2025", None) == date(2025, 3, 3)


def test_month_day_without_year_is_put_in_the_nearest_plausible_year():
    assert resolve_date("effective Jan 1", date(2024, 11, 20), future=True) == date(2025, 1, 1)
    assert resolve_date("on Dec 30", date(2025, 1, 2)) == date(2024, 12, 30)


def test_a_future_day_said_months_after_last_years_is_next_years():
    # "would face a 50 percent tariff from July 1", said in December: next July
    assert resolve_date("July 1", date(2025, 12, 18), future=True) == date(2026, 7, 1)
    assert resolve_date("July 1", date(2025, 12, 18)) == date(2025, 7, 1)


def test_the_beginning_of_next_quarter_is_the_first_day_of_the_next_calendar_quarter():
    assert resolve_date("starting at the beginning of next quarter", date(2070, 3, 9)) == date(2070, 4, 1)
    assert resolve_date("from the start of next quarter", date(2070, 11, 2)) == date(2071, 1, 1)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        # a day of the month told alone: still to come (this month or the next) or already past (this month or the
        # last), as the sentence tells it; "of the month" is this month's; a numbered thing is no day
        ("duties apply from the 15th, the ministry said", True, date(2025, 2, 15)),
        ("Starting the 2nd, the ministry will levy", True, date(2025, 3, 2)),
        ("has been investigating since the 20th, the company said", False, date(2025, 1, 20)),
        ("has been investigating, since the first of the month, how", False, date(2025, 2, 1)),
        ("marked the 15th anniversary of the listing", True, None),
    ],
)
def test_a_day_of_the_month_told_alone(text, future, expected):
    assert resolve_date(text, TUESDAY, future=future) == expected
