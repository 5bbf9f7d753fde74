"""Paternity leave (护理假): worked examples computed by hand, and a property."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import d
from leavecalc.maternity import MaternityCase, maternity_leave
from leavecalc.paternity import PaternityCase, latest_start, paternity_leave


def codes(result):
    return [w.code for w in result.warnings]


def test_statutory_holidays_not_counted_skips_national_day_and_mid_autumn(nj2025, calendar):
    # 15 days from 2025-09-28: 9-28, 9-29, 9-30 = 3; 10-1..10-3 国庆 skipped; 10-4, 10-5 = 5;
    # 10-6 中秋 skipped; 10-7..10-16 = 10 more = 15. Back at work Fri 10-17.
    r = paternity_leave(nj2025, PaternityCase(birth=d("2025-09-01"), start=d("2025-09-28")), calendar)
    assert (r.kind, r.total_days, r.start, r.end) == ("paternity", 15, d("2025-09-28"), d("2025-10-16"))
    assert r.return_to_work == d("2025-10-17")
    assert [h.date for h in r.skipped_holidays] == [d("2025-10-01"), d("2025-10-02"), d("2025-10-03"), d("2025-10-06")]
    assert r.warnings == []


def test_default_start_is_the_birth(nj2025, calendar):
    # 2025-03-10 + 14 = 2025-03-24; no statutory day in between (清明 is 2025-04-04). Back Tue 03-25.
    r = paternity_leave(nj2025, PaternityCase(birth=d("2025-03-10")), calendar)
    assert (r.start, r.end, r.return_to_work) == (d("2025-03-10"), d("2025-03-24"), d("2025-03-25"))
    assert r.skipped_holidays == []


def test_2023_policy_15_days_skipping_national_day(nj2023, calendar):
    # 2024-09-20..09-30 = 11 days; 10-1..10-3 skipped; 10-4..10-07 = 4 more = 15 (中秋 2024 was 09-17).
    r = paternity_leave(nj2023, PaternityCase(birth=d("2024-09-20")), calendar)
    assert (r.total_days, r.end) == (15, d("2024-10-07"))


def test_start_outside_the_mothers_leave_is_a_warning(nj2025, calendar):
    # Mother, normal birth 2025-03-10: 98 calendar days to 06-15, then 60 days from 06-16
    # (no statutory day until 10-01): 06-16..06-30 = 15, July = 46, 08-14 = 60. Her leave ends 08-14.
    r = paternity_leave(nj2025, PaternityCase(birth=d("2025-03-10"), start=d("2025-08-15")), calendar)
    assert codes(r) == ["paternity_outside_maternity"]
    assert "2025-08-14" in r.warnings[0].zh and "2025-08-14" in r.warnings[0].en
    early = paternity_leave(nj2025, PaternityCase(birth=d("2025-03-10"), start=d("2025-03-09")), calendar)
    assert codes(early) == ["paternity_outside_maternity"]


def test_ending_after_the_mothers_leave_is_a_warning_naming_the_latest_start(nj2025, calendar):
    # Her leave ends 2025-08-14 (above); 15 days ending on it start on 07-31 (no holidays between).
    r = paternity_leave(nj2025, PaternityCase(birth=d("2025-03-10"), start=d("2025-08-10")), calendar)
    assert codes(r) == ["paternity_ends_after_maternity"]
    assert "2025-07-31" in r.warnings[0].zh
    fits = paternity_leave(nj2025, PaternityCase(birth=d("2025-03-10"), start=d("2025-07-31")), calendar)
    assert fits.end == d("2025-08-14") and fits.warnings == []


def test_mothers_leave_as_given(nj2025, calendar):
    case = PaternityCase(birth=d("2025-03-10"), start=d("2025-05-01"), mother_start=d("2025-03-10"), mother_end=d("2025-04-30"))
    assert codes(paternity_leave(nj2025, case, calendar)) == ["paternity_outside_maternity"]


@settings(max_examples=40, deadline=None)
@given(
    birth=st.dates(d("2025-01-01"), d("2026-10-31")),
    delivery=st.sampled_from(["normal", "cesarean"]),
    babies=st.integers(1, 3),
    pick=st.floats(0, 1),
)
def test_started_inside_the_window_it_stays_inside(nj2025, calendar, birth, delivery, babies, pick):
    mat = maternity_leave(nj2025, MaternityCase(birth=birth, delivery=delivery, babies=babies), calendar)
    last = latest_start(nj2025, calendar, mat.start, mat.end)
    start = mat.start + timedelta(days=round(pick * (last - mat.start).days))
    r = paternity_leave(nj2025, PaternityCase(birth=birth, start=start, delivery=delivery, babies=babies), calendar)
    assert mat.start <= r.start and r.end <= mat.end
    assert not [c for c in codes(r) if c.startswith("paternity")]
    # and the latest start is the latest: one day later no longer fits
    later = paternity_leave(nj2025, PaternityCase(birth=birth, start=last + timedelta(days=1), delivery=delivery, babies=babies), calendar)
    assert later.end > mat.end and "paternity_ends_after_maternity" in codes(later)


@pytest.mark.parametrize(("birth", "warned"), [("2025-11-01", False), ("2025-11-08", False), ("2025-11-09", True), ("2025-11-27", True)])
def test_a_newer_rule_is_warned_of_only_for_paternity_leave_running_on_its_first_day(registry, calendar, birth, warned):
    # Sichuan: 20 calendar days before 2025-11-28, 30 from it. Born 11-08: Nov 8-27 (20) ends the
    # day before; born 11-09: Nov 9-28 ends on it. From 11-28 the birth is under the new rules.
    import leavecalc

    r = leavecalc.compute("paternity", jurisdiction="四川", birth=d(birth), registry=registry, calendar=calendar)
    assert ("later_rule_may_apply" in {w.code for w in r.warnings}) is warned
    assert (r.policy, r.total_days) == ("sichuan_2021", 20)
