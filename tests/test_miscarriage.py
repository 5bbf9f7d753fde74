"""Miscarriage tiers (江苏省政府令第122号 art 12): under 2 months 20, 2-3 months 30, 3-7 months 42,
7 months or more 98 days, calendar days from the event; 4 weeks a month."""

from __future__ import annotations

import pytest

from leavecalc.miscarriage import MiscarriageCase, miscarriage_leave

from .conftest import d


def leave(registry, calendar, **kw):
    case = MiscarriageCase(**kw)
    return miscarriage_leave(registry.in_force("nanjing", case.date), case, calendar)


@pytest.mark.parametrize(
    ("weeks", "days"),
    [(1, 20), (7, 20), (8, 30), (11, 30), (12, 42), (27, 42), (28, 98), (40, 98)],
)
def test_tier_boundaries_in_weeks(registry, calendar, weeks, days):
    # 8 weeks = 2 months, 12 weeks = 3 months, 28 weeks = 7 months (4-week months).
    assert leave(registry, calendar, date=d("2025-05-05"), weeks=weeks).total_days == days


@pytest.mark.parametrize(("months", "days"), [(1, 20), (2, 30), (3, 42), (6, 42), (7, 98)])
def test_tier_boundaries_in_months(registry, calendar, months, days):
    assert leave(registry, calendar, date=d("2025-05-05"), months=months).total_days == days


def test_miscarriage_days_are_calendar_days_including_holidays(registry, calendar):
    # 42 days from 2025-09-20: Sep 20-30 = 11; Oct 1-31 = 31 (42) -> ends 10-31, 国庆 counted.
    r = leave(registry, calendar, date=d("2025-09-20"), weeks=13)
    assert r.end == d("2025-10-31")
    assert r.skipped_holidays == []
    assert r.return_to_work == d("2025-11-03")  # Fri end -> Monday


def test_miscarriage_return_on_make_up_saturday(registry, calendar):
    # 20 days from 2026-01-25: Jan 25-31 = 7; Feb 1-13 = 13 (20) -> ends Fri 02-13; Sat 02-14 is worked.
    r = leave(registry, calendar, date=d("2026-01-25"), weeks=6)
    assert r.end == d("2026-02-13")
    assert r.return_to_work == d("2026-02-14")


def test_weeks_and_months_are_exclusive():
    with pytest.raises(ValueError, match="exactly one"):
        MiscarriageCase(date=d("2025-01-01"), weeks=5, months=1)
    with pytest.raises(ValueError, match="exactly one"):
        MiscarriageCase(date=d("2025-01-01"))


def test_weeks_conversion_note_appears_only_for_weeks(registry, calendar):
    by_weeks = leave(registry, calendar, date=d("2025-05-05"), weeks=9)
    by_months = leave(registry, calendar, date=d("2025-05-05"), months=2)
    assert "obstetric_month" in {n.code for n in by_weeks.notes}
    assert "obstetric_month" not in {n.code for n in by_months.notes}


def test_the_longest_pregnancy_comes_from_the_policy(registry, calendar):
    # protection.pregnancy.longest_weeks = 45: 45 weeks (11 months 1 week) is the 98-day tier;
    # 46 weeks, or 12 months (48 weeks at 4 a month), cannot be.
    from leavecalc.errors import InputError

    assert leave(registry, calendar, date=d("2025-05-05"), weeks=45).total_days == 98
    assert leave(registry, calendar, date=d("2025-05-05"), months=11).total_days == 98
    for kw in ({"weeks": 46}, {"months": 12}):
        with pytest.raises(InputError, match="longer than a pregnancy lasts"):
            leave(registry, calendar, date=d("2025-05-05"), **kw)
