"""Properties of maternity leave that must hold for every birth, delivery and number of babies."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from leavecalc.maternity import MaternityCase, maternity_leave

births = st.dates(min_value=date(2022, 2, 10), max_value=date(2027, 12, 31))
deliveries = st.sampled_from(["normal", "cesarean", "assisted", "other_difficult"])
babies = st.integers(min_value=1, max_value=9)


def compute(registry, calendar, **kw):
    case = MaternityCase(**kw)
    return maternity_leave(registry.in_force("nanjing", case.birth), case, calendar)


def counted_days_naively(calendar, start: date, end: date, skip: bool) -> int:
    """Day by day, independent of the bisect arithmetic in Calendar.advance."""
    n, day = 0, start
    while day <= end:
        if not (skip and calendar.statutory_name(day)):
            n += 1
        day += timedelta(days=1)
    return n


@settings(max_examples=150, deadline=None)
@given(births, deliveries, babies, st.integers(min_value=0, max_value=20))
def test_segments_are_contiguous_and_count_exactly_their_days(registry, calendar, birth, delivery, n, early):
    r = compute(registry, calendar, birth=birth, delivery=delivery, babies=n, start=birth - timedelta(days=early))
    assert r.start <= r.end < r.return_to_work
    assert r.segments[0].start == r.start and r.segments[-1].end == r.end
    for a, b in zip(r.segments, r.segments[1:]):
        assert b.start == a.end + timedelta(days=1)
    for s in r.segments:
        assert counted_days_naively(calendar, s.start, s.end, s.counting == "skip_statutory") == s.days
        # The last day of a segment that skips holidays is itself a counted day.
        if s.counting == "skip_statutory":
            assert calendar.statutory_name(s.end) is None
    assert sum(s.days for s in r.segments) == r.total_days
    # Skipping only ever moves the end later.
    assert r.end >= r.start + timedelta(days=r.total_days - 1)


@settings(max_examples=100, deadline=None)
@given(births, babies)
def test_more_babies_or_a_difficult_birth_never_shorten_leave(registry, calendar, birth, n):
    base = compute(registry, calendar, birth=birth, babies=n)
    more = compute(registry, calendar, birth=birth, babies=min(n + 1, 9))
    hard = compute(registry, calendar, birth=birth, babies=n, delivery="cesarean")
    assert more.total_days >= base.total_days and more.end >= base.end
    assert hard.total_days > base.total_days and hard.end > base.end


@settings(max_examples=100, deadline=None)
@given(births, deliveries, babies)
def test_return_to_work_is_the_first_working_day_after_the_end(registry, calendar, birth, delivery, n):
    r = compute(registry, calendar, birth=birth, delivery=delivery, babies=n)
    day = r.end + timedelta(days=1)
    while day < r.return_to_work:
        assert not calendar.is_workday(day)[0]
        day += timedelta(days=1)
    assert calendar.is_workday(r.return_to_work)[0]
    # Provisional exactly when a day it passed over lies in a year with no arrangement, or in the
    # last days of December before a year with none (that notice can reach back into December).
    passed = [r.end + timedelta(days=i) for i in range(1, (r.return_to_work - r.end).days + 1)]
    needed = {day.year for day in passed} | {day.year + 1 for day in passed if day.month == 12 and day.day >= 29}
    assert r.provisional == any(calendar.year_data(y).estimated for y in needed)


@settings(max_examples=50, deadline=None)
@given(births, deliveries, babies)
def test_same_input_same_output(registry, calendar, birth, delivery, n):
    a = compute(registry, calendar, birth=birth, delivery=delivery, babies=n)
    b = compute(registry, calendar, birth=birth, delivery=delivery, babies=n)
    assert a == b and a.model_dump_json() == b.model_dump_json()
