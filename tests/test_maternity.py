"""Worked maternity examples, each computed by hand from the articles (arithmetic in comments).

National segment: 98 days (+15 difficult, +15 per extra baby), calendar days
(《女职工劳动保护特别规定》 art 7). Local segment: +60 (Nanjing 2025 also +15 difficult, +15 per extra
baby), statutory holidays not counted, starting the day after the national segment ends.
"""

from __future__ import annotations

import pytest

from leavecalc.errors import InputError
from leavecalc.maternity import MaternityCase, maternity_leave

from .conftest import d


def leave(registry, calendar, **kw):
    case = MaternityCase(**kw)
    return maternity_leave(registry.in_force("nanjing", case.birth), case, calendar)


def test_normal_birth_2026_skips_two_labour_days_in_local_segment(registry, calendar):
    # national 98: Jan 31 + Feb 28 + Mar 31 = 90 -> Apr 8 is day 98.
    # local 60 from Apr 9: Apr 9-30 = 22; May 1-2 skipped, May 3-31 = 29 (51); Jun 1-9 = 9 (60).
    r = leave(registry, calendar, birth=d("2026-01-01"))
    assert r.policy == "nanjing_2025"
    assert r.total_days == 158
    assert [(s.name, s.days, s.start, s.end) for s in r.segments] == [
        ("national", 98, d("2026-01-01"), d("2026-04-08")),
        ("local", 60, d("2026-04-09"), d("2026-06-09")),
    ]
    assert [h.date for h in r.skipped_holidays] == [d("2026-05-01"), d("2026-05-02")]
    assert r.end == d("2026-06-09")
    assert r.return_to_work == d("2026-06-10")  # Wednesday
    assert not r.provisional and r.warnings == []


def test_caesarean_late_2024_falls_under_the_2023_policy_173_days(registry, calendar):
    # 2023 policy: 98 + 15 (national difficult) = 113 calendar days, then 60, no Nanjing extras.
    # 113 from Dec 20: Dec 20-31 = 12; Jan 31 (43); Feb 28 (71); Mar 31 (102); Apr 1-11 (113).
    # 60 from Apr 12: Apr 12-30 = 19; May less 5-1, 5-2, 5-31 (端午) = 28 (47); Jun 1-13 (60).
    r = leave(registry, calendar, birth=d("2024-12-20"), delivery="cesarean")
    assert r.policy == "nanjing_2023"
    assert r.total_days == 173
    assert [(s.days, s.end) for s in r.segments] == [(113, d("2025-04-11")), (60, d("2025-06-13"))]
    assert r.return_to_work == d("2025-06-16")  # Friday end -> Monday


def test_twins_by_caesarean_2025_get_218_days(registry, calendar):
    # national 98 + 15 + 15 = 128; local 60 + 15 + 15 = 90 (cumulative reading of art 35).
    # 128 from Mar 10: Mar 10-31 = 22; Apr 30 (52); May 31 (83); Jun 30 (113); Jul 1-15 (128).
    # 90 from Jul 16: Jul 16-31 = 16; Aug 31 (47); Sep 30 (77); Oct 4-5 (79); 10-1..3 and
    # 10-6 (中秋) skipped; Oct 7-17 (90).
    r = leave(registry, calendar, birth=d("2025-03-10"), delivery="cesarean", babies=2)
    assert r.total_days == 218
    assert [(s.days, s.end) for s in r.segments] == [(128, d("2025-07-15")), (90, d("2025-10-17"))]
    assert [h.name for h in r.skipped_holidays] == ["国庆节", "国庆节", "国庆节", "中秋节"]
    assert r.return_to_work == d("2025-10-20")


@pytest.mark.parametrize(
    ("delivery", "babies", "total"),
    [("normal", 1, 158), ("cesarean", 1, 188), ("assisted", 1, 188), ("other_difficult", 1, 188),
     ("normal", 2, 188), ("normal", 3, 218), ("cesarean", 3, 248)],
)
def test_nanjing_2025_totals_add_national_and_local_extras(registry, calendar, delivery, babies, total):
    # 158 + 30 if difficult + 30 per extra baby (15 national + 15 Nanjing each).
    r = leave(registry, calendar, birth=d("2025-06-01"), delivery=delivery, babies=babies)
    assert r.total_days == total


def test_2023_policy_gives_no_local_extras(registry, calendar):
    # 98 + 15 + 15*2 = 143 national; 60 local: 203.
    r = leave(registry, calendar, birth=d("2023-05-01"), delivery="cesarean", babies=3)
    assert [s.days for s in r.segments] == [143, 60]


def test_national_segment_counts_new_year_local_segment_skips_spring_festival(registry, calendar):
    # 98 from 2025-10-01: Oct 31; Nov 30 (61); Dec 31 (92); Jan 1-6 (98) -> 元旦 counted.
    # 60 from 2026-01-07: Jan 7-31 = 25; Feb less 2-16..2-19 = 24 (49); Mar 1-11 (60).
    r = leave(registry, calendar, birth=d("2025-10-01"))
    assert r.segments[0].end == d("2026-01-06")
    assert r.end == d("2026-03-11")
    assert [h.date for h in r.skipped_holidays] == [d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19")]
    assert [h.name for h in r.skipped_holidays] == ["除夕", "春节", "春节", "春节"]


def test_national_day_counts_in_the_national_segment(registry, calendar):
    # 98 from 2025-09-01: Sep 30; Oct 31 (61); Nov 30 (91); Dec 1-7 (98).
    # 60 from Dec 8: Dec 8-31 = 24; Jan 2-31 = 30 (54, 元旦 skipped); Feb 1-6 (60).
    r = leave(registry, calendar, birth=d("2025-09-01"))
    assert r.segments[0].end == d("2025-12-07")
    assert r.end == d("2026-02-06")
    assert r.return_to_work == d("2026-02-09")  # Fri end; Sat, Sun; Monday


def test_local_segment_starting_on_a_statutory_day_starts_counting_after_it(registry, calendar):
    # 98 from 2026-06-25: Jun 25-30 = 6; Jul 31 (37); Aug 31 (68); Sep 30 (98).
    # Local starts 10-01 but 10-1..10-3 are not counted: Oct 4-31 = 28; Nov 30 (58); Dec 1-2 (60).
    r = leave(registry, calendar, birth=d("2026-06-25"))
    local = r.segments[1]
    assert local.start == d("2026-10-01")
    assert local.end == d("2026-12-02")
    assert [h.date for h in r.skipped_holidays][:3] == [d("2026-10-01"), d("2026-10-02"), d("2026-10-03")]


def test_leave_starting_before_birth_on_a_statutory_day_counts_that_day(registry, calendar):
    # Start 2025-10-01 (国庆), birth 10-10: the 98 run from 10-01, so they end 2026-01-06 as above.
    r = leave(registry, calendar, birth=d("2025-10-10"), start=d("2025-10-01"))
    assert r.start == d("2025-10-01")
    assert r.segments[0].end == d("2026-01-06")
    assert r.end == d("2026-03-11")
    assert r.warnings == []


def test_start_more_than_15_days_before_birth_counts_only_15(registry, calendar):
    # Birth 2025-10-20; start 2025-09-25 is 25 days early: leave counted from 10-05 (15 days before).
    r = leave(registry, calendar, birth=d("2025-10-20"), start=d("2025-09-25"))
    assert r.start == d("2025-10-05")
    assert [w.code for w in r.warnings] == ["start_too_early"]
    assert "2025-09-25" in r.warnings[0].zh and "2025-10-04" in r.warnings[0].zh


def test_start_after_birth_is_an_error(registry, calendar):
    with pytest.raises(InputError, match="after the birth"):
        leave(registry, calendar, birth=d("2025-10-20"), start=d("2025-10-21"))


def test_return_lands_on_a_make_up_saturday(registry, calendar):
    # 98 from 2025-09-08: Sep 8-30 = 23; Oct 31 (54); Nov 30 (84); Dec 1-14 (98).
    # 60 from Dec 15: Dec 15-31 = 17; Jan 2-31 = 30 (47); Feb 1-13 = 13 (60): ends Fri 2026-02-13.
    # 2026-02-14 (Saturday) is a make-up workday for 春节 (State Council 2026 notice).
    r = leave(registry, calendar, birth=d("2025-09-08"))
    assert r.end == d("2026-02-13")
    assert r.return_to_work == d("2026-02-14")


def test_return_skips_a_statutory_holiday_and_the_weekend(registry, calendar):
    # A leave ending Thu 2026-09-24 would return Fri 9-25 (中秋, statutory); 9-26/27 weekend; Mon 9-28.
    # 60 local days ending 9-24: Sep 1-24 = 24; Aug 31 (55); Jul 27-31 (60) -> local from 7-27,
    # national ends 7-26: birth = 7-26 minus 97 days = 2026-04-20 (Apr 20-30 = 11; May 31 (42);
    # Jun 30 (72); Jul 1-26 (98)).
    r = leave(registry, calendar, birth=d("2026-04-20"))
    assert r.end == d("2026-09-24")
    assert r.return_to_work == d("2026-09-28")


def test_return_skips_arranged_rest_days(registry, calendar):
    # State Council 2026 notice: 国庆 10-01..10-07 off; statutory 10-01..10-03, the rest arranged.
    # A leave ending Sun 10-04 returns Thu 10-08, past the arranged rest days Mon-Wed 10-05..10-07.
    # 60 local days ending 10-04, counted back skipping statutory days: Oct 4 (1); Oct 1-3 skipped;
    # Sep 26-30 (6); Sep 25 中秋 skipped; Sep 1-24 (30); Aug 2-31 (60) -> local from 8-02.
    # National 98 ends 8-01: Aug 1 (1), Jul (32), Jun (62), May (93), Apr 26-30 (98) -> birth 4-26.
    r = leave(registry, calendar, birth=d("2026-04-26"))
    assert [(s.start, s.end) for s in r.segments] == [(d("2026-04-26"), d("2026-08-01")), (d("2026-08-02"), d("2026-10-04"))]
    assert r.return_to_work == d("2026-10-08")


def test_miscarriage_return_skips_arranged_rest_days(registry, calendar):
    # 20 calendar days from Tue 2026-09-15: Sep 15-30 (16), Oct 1-4 (20) -> ends Sun 10-04;
    # 10-05..10-07 are arranged rest days (国庆), so she is back on Thu 10-08.
    from leavecalc.miscarriage import MiscarriageCase, miscarriage_leave

    r = miscarriage_leave(registry.get("nanjing_2025"), MiscarriageCase(date=d("2026-09-15"), weeks=5), calendar)
    assert (r.total_days, r.end, r.return_to_work) == (20, d("2026-10-04"), d("2026-10-08"))


def test_birth_late_2026_returns_in_2027_provisionally(registry, calendar):
    # 98 from 2026-09-01 end 12-07. 60 from 12-08: Dec 8-31 = 24; Jan 2-31 = 30 (54);
    # Feb 1-4 (58); 2-5..2-8 除夕/春节 skipped; Feb 9-10 (60).
    r = leave(registry, calendar, birth=d("2026-09-01"))
    assert r.end == d("2027-02-10")
    assert r.return_to_work == d("2027-02-11")  # estimate: a Thursday, no 2027 notice yet
    assert r.provisional
    assert [w.code for w in r.warnings] == ["arrangement_missing"]
    assert "2027" in r.warnings[0].zh and "2027" in r.warnings[0].en
    assert [(h.year, h.estimated) for h in r.holiday_data] == [(2027, True)]


def test_result_names_the_articles_behind_each_part(registry, calendar):
    r = leave(registry, calendar, birth=d("2025-03-10"), delivery="cesarean", babies=2)
    national, local = r.segments
    parts = {(b.item, b.days, b.article) for b in national.basis}
    assert {("base", 98, "7"), ("difficult_birth", 15, "7"), ("extra_babies", 15, "7")} <= parts
    local_parts = {(b.item, b.days, b.article, b.confidence) for b in local.basis}
    assert ("base", 60, "35", "text") in local_parts
    assert ("difficult_birth", 15, "35", "interpretation") in local_parts
    assert {n.code for n in r.notes} >= {"nj2025_art35_difficult", "nj2025_art35_multiple"}


def test_normal_birth_carries_no_note_about_difficult_births(registry, calendar):
    r = leave(registry, calendar, birth=d("2025-03-10"))
    assert not {n.code for n in r.notes} & {"nj2025_art35_difficult", "nj2025_art35_multiple"}


@pytest.mark.parametrize("babies", [0, 10])
def test_babies_outside_1_to_9_are_rejected(babies):
    with pytest.raises(ValueError):
        MaternityCase(birth=d("2025-03-10"), babies=babies)


def test_explicit_policy_out_of_force_warns(registry, calendar, nj2025):
    case = MaternityCase(birth=d("2024-06-01"))
    r = maternity_leave(nj2025, case, calendar)
    assert "policy_not_in_force" in [w.code for w in r.warnings]
