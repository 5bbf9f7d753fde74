"""Parenting leave (育儿假): windows, a block from a start date, several children; properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import d
from leavecalc.parenting import ParentingCase, parenting_leave
from leavecalc.policy import Policy


def with_parenting(policy: Policy, **changes: str) -> Policy:
    """The policy with parenting.year.rule / parenting.counting.rule replaced."""
    par = policy.parenting
    if "year" in changes:
        par = par.model_copy(update={"year": par.year.model_copy(update={"rule": changes["year"]})})
    if "counting" in changes:
        par = par.model_copy(update={"counting": par.counting.model_copy(update={"rule": changes["counting"]})})
    return policy.model_copy(update={"parenting": par})


def spans(years):
    return [(y.from_, y.to, y.days) for y in years]


def test_child_age_years_for_a_child_born_on_29_february(nj2023, calendar):
    # Birthdays of a 29 Feb child fall on 28 Feb in common years (relativedelta): 2025-02-28,
    # 2026-02-28, 2027-02-28. "Before the 3rd birthday": the last day is 2027-02-27.
    r = parenting_leave(nj2023, ParentingCase(birth=d("2024-02-29")), calendar)
    assert spans(r.years) == [
        (d("2024-02-29"), d("2025-02-27"), 10),
        (d("2025-02-28"), d("2026-02-27"), 10),
        (d("2026-02-28"), d("2027-02-27"), 10),
    ]
    assert (r.total_days, r.last_day, r.block) == (30, d("2027-02-27"), None)


def test_calendar_years_for_a_child_born_on_29_february(nj2023, calendar):
    # Under 3 for at least a day in 2024, 2025, 2026 and 2027 (to 02-27): 4 years x 10 = 40.
    pol = with_parenting(nj2023, year="calendar_year")
    r = parenting_leave(pol, ParentingCase(birth=d("2024-02-29")), calendar)
    assert spans(r.years) == [
        (d("2024-02-29"), d("2024-12-31"), 10),
        (d("2025-01-01"), d("2025-12-31"), 10),
        (d("2026-01-01"), d("2026-12-31"), 10),
        (d("2027-01-01"), d("2027-02-27"), 10),
    ]
    assert r.total_days == 40


def test_calendar_years_for_a_child_born_on_1_january(nj2025, calendar):
    # Born 2025-01-01, 3 on 2028-01-01: under 3 in 2025, 2026, 2027 only.
    r = parenting_leave(with_parenting(nj2025, year="calendar_year"), ParentingCase(birth=d("2025-01-01")), calendar)
    assert [y.from_.year for y in r.years] == [2025, 2026, 2027] and r.total_days == 30


def test_json_uses_from_and_to(nj2025, calendar):
    r = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10")), calendar)
    assert r.model_dump(mode="json")["years"][0] == {"from": "2025-03-10", "to": "2026-03-09", "days": 10, "policy": "nanjing_2025"}


def test_block_from_start_skips_statutory_holidays(nj2025, calendar):
    # 10 days from 2025-09-28: 9-28..9-30 = 3; 10-1..10-3 skipped; 10-4, 10-5 = 5; 10-6 中秋 skipped;
    # 10-7..10-11 = 10. 10-11 (Sat) is a make-up workday, 10-12 Sunday: back Mon 10-13.
    r = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2025-09-28")), calendar)
    assert r.block is not None
    assert (r.block.total_days, r.block.end, r.block.return_to_work) == (10, d("2025-10-11"), d("2025-10-13"))
    assert r.warnings == []


def test_block_counted_in_working_days_when_the_policy_says_so(nj2025, calendar):
    # Working days from Sun 2025-09-28 (make-up workday): 9-28, 9-29, 9-30 = 3; 10-1..10-8 off;
    # 10-9, 10-10 = 5; Sat 10-11 make-up workday = 6; 10-13..10-16 = 10.
    pol = with_parenting(nj2025, counting="workdays")
    r = parenting_leave(pol, ParentingCase(birth=d("2025-03-10"), start=d("2025-09-28")), calendar)
    assert r.block is not None and r.block.end == d("2025-10-16") and not r.block.provisional


def test_workdays_in_a_year_without_an_arrangement_are_provisional(nj2025, calendar):
    pol = with_parenting(nj2025, counting="workdays")
    r = parenting_leave(pol, ParentingCase(birth=d("2026-03-10"), start=d("2027-03-01")), calendar)
    assert r.provisional and r.block is not None and "arrangement_missing" in [w.code for w in r.block.warnings]


def test_shorter_block_and_too_long_block(nj2025, calendar):
    # 3 days from Mon 2025-06-02: 06-02..06-04 (端午 2025 was 05-31).
    r = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2025-06-02"), days=3), calendar)
    assert r.block is not None and r.block.end == d("2025-06-04")
    long = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2025-06-02"), days=12), calendar)
    assert [w.code for w in long.warnings] == ["parenting_more_than_year"]


def test_block_outside_the_period_and_past_the_age_limit_warn(nj2025, calendar):
    after = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2028-03-10")), calendar)
    assert [w.code for w in after.warnings] == ["parenting_outside_period"]
    # From 2028-03-05 (last day under 3 is 2028-03-09): 10 days would end 2028-03-14, but only
    # 03-05..03-09 (5 days, no holidays) are before the 3rd birthday: the block is those 5 (issue 10).
    late = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2028-03-05")), calendar)
    assert late.block is not None and (late.block.total_days, late.block.end) == (5, d("2028-03-09"))
    assert [w.code for w in late.warnings] == ["parenting_past_age_limit"]


def test_block_crossing_into_the_next_year_warns(nj2025, calendar):
    # Year 1 of a child born 2025-03-10 ends 2026-03-09; 10 days from 2026-03-05 end 03-14 (no holidays).
    r = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), start=d("2026-03-05")), calendar)
    assert r.block is not None and r.block.end == d("2026-03-14")
    assert [w.code for w in r.warnings] == ["parenting_crosses_year"]


def test_several_children_do_not_multiply_the_days(nj2025, calendar):
    # The older child (2023-05-01) is under 3 until 2026-04-30: overlap 2025-03-10..2026-04-30.
    r = parenting_leave(nj2025, ParentingCase(birth=d("2025-03-10"), other_births=[d("2023-05-01"), d("2020-01-01")]), calendar)
    assert [(p.from_, p.to) for p in r.shared_with_other_children] == [(d("2025-03-10"), d("2026-04-30"))]
    assert [w.code for w in r.warnings] == ["parenting_not_per_child"]
    assert r.total_days == 30  # this child's years are listed as they are; the warning says they are shared
    per_child = nj2025.model_copy(
        update={"parenting": nj2025.parenting.model_copy(update={"per_child": nj2025.parenting.per_child.model_copy(update={"value": True})})}
    )
    assert parenting_leave(per_child, ParentingCase(birth=d("2025-03-10"), other_births=[d("2023-05-01")]), calendar).warnings == []


def test_days_need_a_start():
    with pytest.raises(ValueError):
        ParentingCase(birth=d("2025-03-10"), days=3)


def third_birthday(birth: date) -> date:
    """Computed independently of relativedelta: 29 Feb falls back to 28 Feb."""
    try:
        return birth.replace(year=birth.year + 3)
    except ValueError:
        return date(birth.year + 3, 2, 28)


@settings(max_examples=60, deadline=None)
@given(birth=st.dates(d("2014-01-01"), d("2095-12-31")), rule=st.sampled_from(["child_age_year", "calendar_year"]))
def test_windows_are_contiguous_stop_before_the_3rd_birthday_and_sum_to_the_total(nj2025, calendar, birth, rule):
    pol = with_parenting(nj2025, year=rule)
    years = parenting_leave(pol, ParentingCase(birth=birth), calendar).years
    assert years[0].from_ == birth
    assert years[-1].to == third_birthday(birth) - timedelta(days=1)
    assert all(a.to + timedelta(days=1) == b.from_ for a, b in zip(years, years[1:]))
    assert all(y.from_ <= y.to for y in years)
    per_year = pol.parenting.days_per_year.days
    # calendar years: every year from the birth's to the one holding the last day under 3
    last = third_birthday(birth) - timedelta(days=1)
    expected_years = 3 if rule == "child_age_year" else last.year - birth.year + 1
    assert len(years) == expected_years
    assert sum(y.days for y in years) == per_year * expected_years


# ---------------------------------------------------------------- rules that change while the child is under 3

def parenting(registry, calendar, place, birth, **fields):
    import leavecalc

    return leavecalc.compute("parenting", jurisdiction=place, birth=d(birth), registry=registry, calendar=calendar, **fields)


def test_years_before_a_region_had_parenting_leave_count_0_days(registry, calendar):
    # Guangxi: parenting leave only from the 2022 revision (2022-03-24), 10 days a year to age 3.
    # Born 2019-06-01: years 2019-06-01..2020-05-31 and 2020-06-01..2021-05-31 end before it (0
    # days each); 2021-06-01..2022-05-31 ends under it (10). Total 0 + 0 + 10 = 10.
    r = parenting(registry, calendar, "广西", "2019-06-01")
    assert spans(r.years) == [
        (d("2019-06-01"), d("2020-05-31"), 0),
        (d("2020-06-01"), d("2021-05-31"), 0),
        (d("2021-06-01"), d("2022-05-31"), 10),
    ]
    assert [y.policy for y in r.years] == ["guangxi_2016", "guangxi_2016", "guangxi_2022"]
    assert (r.total_days, r.policy) == (10, "guangxi_2022")
    codes = [w.code for w in r.warnings]
    assert codes.count("parenting_no_rule_in_year") == 2 and codes.count("parenting_rule_changed") == 1


def test_a_child_born_before_the_rule_has_its_later_years_under_it(registry, calendar):
    # Guangxi, born 2021-06-01 (under the 2016 rules, which had no parenting leave): every year
    # ends on or after 2022-03-24, so 10 + 10 + 10 = 30; the first year straddles the change.
    r = parenting(registry, calendar, "南宁", "2021-06-01")
    assert [y.days for y in r.years] == [10, 10, 10] and r.total_days == 30
    changed = [w for w in r.warnings if w.code == "parenting_rule_changed"]
    assert len(changed) == 1 and "2022-03-24" in changed[0].zh and "2021-06-01" in changed[0].zh


def test_calendar_years_follow_the_rule_in_force_on_their_last_day(registry, calendar):
    # Xinjiang: parenting leave from 2021-12-01. Born 2020-01-01, years of age: 2020 (ends
    # 2020-12-31, before the rule: 0), 2021 (ends 2021-12-31, under it: 10), 2022 (10). Total 20.
    r = parenting(registry, calendar, "新疆", "2020-01-01")
    assert [y.days for y in r.years] == [0, 10, 10] and r.total_days == 20


def test_later_years_cite_the_rule_then_in_force(registry, calendar):
    # Nanjing, born 2023-06-01: the first year (to 2024-05-31) is under the 2023 rules (Jiangsu's
    # 2022 scheme), the next two under the 2025 ordinance (art 35). 10 days a year in both, so no
    # change of days is warned of; both sources are cited.
    r = parenting(registry, calendar, "南京", "2023-06-01")
    assert [y.policy for y in r.years] == ["nanjing_2023", "nanjing_2025", "nanjing_2025"]
    assert [y.days for y in r.years] == [10, 10, 10] and r.policy == "nanjing_2025"
    documents = {b.document for b in r.basis if b.item == "parenting_days_per_year"}
    assert any("南京市妇女权益保障条例" in x for x in documents) and len(documents) >= 2
    assert "parenting_rule_changed" not in {w.code for w in r.warnings}


def test_a_block_follows_the_rule_in_force_on_its_first_day(registry, calendar):
    # Nanjing, born 2023-06-01, 10 days from 2025-03-03: under the 2025 ordinance.
    r = parenting(registry, calendar, "南京", "2023-06-01", start=d("2025-03-03"))
    assert r.block is not None and r.block.policy == "nanjing_2025"


def test_a_block_on_a_day_with_no_parenting_rule_is_refused(registry, calendar):
    from leavecalc.errors import InputError

    with pytest.raises(InputError) as e:
        parenting(registry, calendar, "广西", "2021-06-01", start=d("2021-10-08"))
    assert e.value.code == "error.no_parenting_leave_on"


def test_a_policy_given_whole_is_applied_alone(registry, calendar):
    # A policy not from the registry (a file, or a copy) is the user's choice: its rules for
    # every year, as before, with no other period mixed in.
    import leavecalc

    own = registry.get("nanjing_2023").model_copy()
    r = leavecalc.compute("parenting", policy=own, birth=d("2023-06-01"), registry=registry, calendar=calendar)
    assert [y.policy for y in r.years] == ["nanjing_2023"] * 3 and r.policy == "nanjing_2023"


def test_the_plan_shows_parenting_years_a_later_rule_gives(registry, calendar):
    import leavecalc

    r = leavecalc.compute("plan", jurisdiction="广西", birth=d("2021-06-01"), registry=registry, calendar=calendar)
    assert r.parenting is not None and r.parenting.total_days == 30
    assert [x.item for x in r.lines if x.item.startswith("parenting_")] == ["parenting_1", "parenting_2", "parenting_3"]


def test_a_named_policy_is_applied_alone_to_every_year(registry, calendar):
    # --policy ID (or a policy column) is the caller's choice, as its warning says ("computed
    # under it as asked"): Guangxi's 2022 rules for a child born in 2014 give 10 + 10 + 10.
    import leavecalc

    r = leavecalc.compute("parenting", policy=registry.get("guangxi_2022"), birth=d("2014-06-01"), registry=registry, calendar=calendar)
    assert [(y.days, y.policy) for y in r.years] == [(10, "guangxi_2022")] * 3
    assert "policy_not_in_force" in {w.code for w in r.warnings}


def test_a_named_policy_without_parenting_leave_is_a_clear_error_on_the_command_line(capsys):
    from leavecalc.cli import main

    with pytest.raises(SystemExit) as e:
        main(["parenting", "--policy", "guangxi_2016", "--birth", "2021-06-01"])
    assert e.value.code == 2 and "Traceback" not in capsys.readouterr().err


def test_a_child_over_3_before_the_rule_began_is_told_so(registry, calendar):
    # Guangxi from 2022-03-24; born 2019-03-24, the last day under 3 is 2022-03-23.
    from leavecalc.errors import InputError

    with pytest.raises(InputError) as e:
        parenting(registry, calendar, "广西", "2019-03-24")
    assert e.value.code == "error.no_parenting_leave_while_young" and "2022-03-23" in str(e.value)


def test_a_change_in_how_days_are_counted_is_warned_of(registry, calendar):
    # Sichuan counted calendar days (2021 rules) and counts working days from 2025-11-28. Born
    # 2022-11-29: the third year, 2024-11-29..2025-11-28, ends on the first day of the new rules.
    r = parenting(registry, calendar, "四川", "2022-11-29")
    assert [y.policy for y in r.years] == ["sichuan_2021", "sichuan_2021", "sichuan_2025"]
    assert "parenting_counting_changed" in {w.code for w in r.warnings}


def test_a_year_no_known_period_covers_counts_0_days_and_says_so(registry, calendar, nj2023, nj2025):
    # A gap between two periods (library input): the 2025 rules moved to start on 2025-06-01.
    # Born 2023-06-01: the year ending 2024-05-31 is under the 2023 rules (10); the one ending
    # 2025-05-31 falls in the gap (0, warned); the one ending 2026-05-31 under the later (10).
    later = nj2025.model_copy(update={"effective_from": d("2025-06-01")})
    r = parenting_leave(nj2023, ParentingCase(birth=d("2023-06-01")), calendar, [nj2023, later])
    assert [y.days for y in r.years] == [10, 0, 10] and r.total_days == 20
    assert "parenting_no_period" in {w.code for w in r.warnings}


def test_the_verdict_gives_each_years_days_when_they_differ(registry, calendar):
    from leavecalc.answers import parenting_answer

    r = parenting(registry, calendar, "广西", "2019-06-01")
    reply = parenting_answer(registry.get(r.policy), r)
    assert "0、0、10" in reply.verdict.zh and "0, 0, 10" in reply.verdict.en and "共有10天" in reply.verdict.zh


def test_each_plan_year_cites_its_own_periods_days(registry, calendar):
    # Nanjing, born 2023-06-01: year 1 under the 2023 rules (Jiangsu's scheme), years 2-3 under
    # the 2025 ordinance (art 35): only year 2 and 3 cite the ordinance for their days.
    import leavecalc

    r = leavecalc.compute("plan", jurisdiction="南京", birth=d("2023-06-01"), registry=registry, calendar=calendar)
    cites = {x.item: {b.document for b in x.basis if b.item == "parenting_days_per_year"} for x in r.lines if x.item.startswith("parenting_")}
    ordinance = "《南京市妇女权益保障条例》"
    assert not any(ordinance in doc for doc in cites["parenting_1"])
    assert any(ordinance in doc for doc in cites["parenting_2"]) and any(ordinance in doc for doc in cites["parenting_3"])
