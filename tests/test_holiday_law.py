"""Statutory days follow the law; the bundled arrangements follow the State Council notices.

Every expected date below is written by hand from the law (《全国年节及纪念日放假办法》 art 2,
as in force that year, and the lunar calendar) or from the notice's text, not from our output.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays as holidays_pkg
import pytest

from leavecalc.holiday_calendar import Calendar, statutory_days

from .conftest import d


def days(first: str, last: str | None = None) -> list[date]:
    a, b = d(first), d(last or first)
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


# 2014 law (11 days): 元旦; 春节 正月初一-初三; 清明; 劳动节 5-1; 端午; 中秋; 国庆 10-1-10-3.
# 2025 law (13 days): the same plus 除夕 and 5-2.
STATUTORY = {
    # 2024: 正月初一 = 2-10, 清明 4-4, 端午 (五月初五) = 6-10, 中秋 (八月十五) = 9-17.
    2024: [*days("2024-01-01"), *days("2024-02-10", "2024-02-12"), *days("2024-04-04"), *days("2024-05-01"),
           *days("2024-06-10"), *days("2024-09-17"), *days("2024-10-01", "2024-10-03")],
    # 2025: 除夕 1-28, 正月初一 1-29, 清明 4-4, 端午 5-31, 中秋 10-6.
    2025: [*days("2025-01-01"), *days("2025-01-28", "2025-01-31"), *days("2025-04-04"),
           *days("2025-05-01", "2025-05-02"), *days("2025-05-31"), *days("2025-10-01", "2025-10-03"),
           *days("2025-10-06")],
    # 2026: 除夕 2-16, 正月初一 2-17, 清明 4-5, 端午 6-19, 中秋 9-25.
    2026: [*days("2026-01-01"), *days("2026-02-16", "2026-02-19"), *days("2026-04-05"),
           *days("2026-05-01", "2026-05-02"), *days("2026-06-19"), *days("2026-09-25"),
           *days("2026-10-01", "2026-10-03")],
    # 2027 (legal-notes section 2): 1-1; 2-5 (除夕), 2-6..2-8; 4-5; 5-1..5-2; 6-9; 9-15; 10-1..10-3.
    2027: [*days("2027-01-01"), *days("2027-02-05", "2027-02-08"), *days("2027-04-05"),
           *days("2027-05-01", "2027-05-02"), *days("2027-06-09"), *days("2027-09-15"),
           *days("2027-10-01", "2027-10-03")],
}


@pytest.mark.parametrize("year", sorted(STATUTORY))
def test_statutory_days_are_the_laws_list(calendar: Calendar, year: int) -> None:
    got = [day for day, _ in calendar.statutory_between(date(year, 1, 1), date(year, 12, 31))]
    assert got == STATUTORY[year]
    # 11 days under the 2014 law, 13 from 2025.
    assert len(got) == (11 if year < 2025 else 13)


def test_statutory_days_carry_the_laws_names(calendar: Calendar) -> None:
    assert calendar.statutory_name(d("2026-02-16")).zh == "除夕"  # type: ignore[union-attr]
    assert calendar.statutory_name(d("2027-09-15")).zh == "中秋节"  # type: ignore[union-attr]
    assert calendar.statutory_name(d("2026-02-20")) is None  # an arranged rest day, not statutory


# One-off rest days the State Council added outside the law, which `holidays` lists as holidays.
ONE_OFFS = {d("2015-09-03"), *days("2020-01-31", "2020-02-02")}


@pytest.mark.parametrize("year", range(2014, 2031))
def test_statutory_days_agree_with_the_holidays_package(calendar: Calendar, year: int) -> None:
    theirs = {
        day
        for day, name in holidays_pkg.China(years=year).items()
        if "(observed)" not in name and not name.startswith("Day off") and day not in ONE_OFFS
    }
    assert set(statutory_days(calendar.law, year)) == theirs


# The notices, item by item: (first day off, last day off, make-up workdays).
NOTICES = {
    # 国务院办公厅关于2025年部分节假日安排的通知
    2025: [
        ("2025-01-01", "2025-01-01", []),
        ("2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
        ("2025-04-04", "2025-04-06", []),
        ("2025-05-01", "2025-05-05", ["2025-04-27"]),
        ("2025-05-31", "2025-06-02", []),
        ("2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),  # 国庆节、中秋节
    ],
    # 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
    2026: [
        ("2026-01-01", "2026-01-03", ["2026-01-04"]),
        ("2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
        ("2026-04-04", "2026-04-06", []),
        ("2026-05-01", "2026-05-05", ["2026-05-09"]),
        ("2026-06-19", "2026-06-21", []),
        ("2026-09-25", "2026-09-27", []),
        ("2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ],
}


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_bundled_working_days_are_the_notices(calendar: Calendar, year: int) -> None:
    """A day is worked if it is a make-up workday, or a weekday outside every block of the notice."""
    off = {day for first, last, _ in NOTICES[year] for day in days(first, last)}
    made_up = {d(w) for _, _, work in NOTICES[year] for w in work}
    for day in days(f"{year}-01-01", f"{year}-12-31"):
        expected = day in made_up or (day.weekday() < 5 and day not in off)
        assert calendar.is_workday(day) == (expected, True), day


def test_bundled_rest_days_of_2026_are_the_weekdays_the_notice_frees(calendar: Calendar) -> None:
    # Weekdays inside the 2026 blocks that are not statutory days (those are off by law anyway).
    expected = [*days("2026-01-02"), *days("2026-02-20"), *days("2026-02-23"), *days("2026-04-06"),
                *days("2026-05-04", "2026-05-05"), *days("2026-10-05", "2026-10-07")]
    assert sorted(calendar.arrangements[2026].rest_days) == expected


def test_statutory_days_computed_on_demand_equal_those_computed_up_front():
    # The calendar computes a year's statutory days when first asked; asking out of order, or
    # far ahead, must give what a calendar with every year computed gives.
    from datetime import date

    from leavecalc.holiday_calendar import LAST_YEAR, bundled_calendar

    eager, lazy = bundled_calendar(), bundled_calendar()
    eager._upto(LAST_YEAR)
    assert lazy.advance(date(2098, 12, 1), 60, "skip_statutory") == eager.advance(date(2098, 12, 1), 60, "skip_statutory")
    for year in (2040, 2031, 2099, 2014, 2060):
        span = (date(year, 1, 1), date(year, 12, 31))
        assert lazy.statutory_between(*span) == eager.statutory_between(*span)
        assert lazy.count_statutory(*span) == eager.count_statutory(*span) == len(eager.statutory_between(*span))


def test_a_leave_longer_than_a_year_counts_every_years_holidays():
    # 800 counted days from 2030-01-01 on a fresh calendar (statutory days not yet computed past
    # 2027) must skip the holidays of 2031 and 2032 too: compare with a day-by-day count.
    from datetime import date, timedelta

    from leavecalc.holiday_calendar import bundled_calendar

    cal = bundled_calendar()
    end = cal.advance(date(2030, 1, 1), 800, "skip_statutory")
    reference = bundled_calendar()
    reference._upto(2099)
    day, counted = date(2030, 1, 1), 0
    while True:
        if reference.statutory_name(day) is None:
            counted += 1
            if counted == 800:
                break
        day += timedelta(days=1)
    assert end == day


@pytest.mark.parametrize("rule", ["calendar", "skip_statutory", "workdays"])
def test_a_leave_past_2099_is_a_clean_error(rule):
    from datetime import date

    from leavecalc.errors import CalendarError
    from leavecalc.holiday_calendar import bundled_calendar

    with pytest.raises(CalendarError, match="runs past 2099-12-31|outside the years"):
        bundled_calendar().advance(date(2025, 4, 1), 100_000_000 if rule != "workdays" else 40_000, rule)


def test_mid_autumn_on_a_national_day_is_one_statutory_day_with_both_names():
    # 2028: 八月十五 is 10-03, a 国庆 day. The law lists 13 festival days; there are 12 dates.
    from datetime import date

    from leavecalc.holiday_calendar import bundled_calendar, load_law, statutory_days

    days = statutory_days(load_law(), 2028)
    assert len(days) == 12
    assert days[date(2028, 10, 3)].shared and "中秋节" in days[date(2028, 10, 3)].zh and "国庆节" in days[date(2028, 10, 3)].zh
    # 10 parenting-style days from 2028-09-28, statutory days skipped: 9-28..9-30 (3), 10-1..10-3
    # skipped (three dates, not four), 10-4..10-10 (10).
    assert bundled_calendar().advance(date(2028, 9, 28), 10, "skip_statutory") == date(2028, 10, 10)


def test_a_leave_over_a_shared_date_says_how_it_was_counted(nj2025, calendar):
    from leavecalc.paternity import PaternityCase, paternity_leave

    # Paternity from 2028-09-28: 9-28..9-30 (3), 10-4..10-15 (15): ends 10-15 (10-1..10-3 skipped once each).
    r = paternity_leave(nj2025, PaternityCase(birth=d("2028-09-28")), calendar)
    assert r.end == d("2028-10-15")
    assert "holidays_coincide" in {n.code for n in r.notes}
    plain = paternity_leave(nj2025, PaternityCase(birth=d("2027-09-28")), calendar)
    assert "holidays_coincide" not in {n.code for n in plain.notes}
