"""Worked examples for the final review's findings: the earliest start of an unknown pregnancy,
implausible pregnancy dates, and lines that must not vanish."""

from __future__ import annotations

from .conftest import d
from leavecalc.maternity import MaternityCase, maternity_leave
from leavecalc.plan import PlanCase, make_plan
from leavecalc.protection import lactation, protected_period


def _birth_2025(nj2025, calendar):
    return maternity_leave(nj2025, MaternityCase(birth=d("2025-03-10")), calendar), lactation(nj2025, d("2025-03-10"))


def test_contract_ending_before_the_longest_pregnancy_is_outside(nj2025, calendar):
    # No pregnancy dates. A pregnancy lasts at most 45 weeks = 315 days: 2025-03-10 - 365 days
    # = 2024-03-10 (2024 is leap, so 365 days back is the same date), + 50 days = 2024-04-29.
    # A contract ending 2020-01-01 (or 2024-04-28) is before that: outside, ends on its own date.
    mat, nur = _birth_2025(nj2025, calendar)
    for end in ("2020-01-01", "2024-04-28"):
        p = protected_period(nj2025, mat, nur, contract_end=d(end))
        assert (p.contract_inside, p.contract_runs_to, p.warnings) == (False, d(end), [])
        assert [b.days for b in p.basis if b.item == "longest_weeks"] == [45]
    # From 2024-04-29 to the birth it stays inside, with the warning that the start is unknown.
    p = protected_period(nj2025, mat, nur, contract_end=d("2024-04-29"))
    assert (p.contract_inside, p.contract_runs_to) == (True, d("2026-03-09"))
    assert [w.code for w in p.warnings] == ["pregnancy_start_unknown"]


def test_plan_shows_an_old_contract_as_outside(nj2025, calendar):
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), contract_end=d("2020-01-01")), calendar)
    line = {x.item: x for x in plan.lines}["contract"]
    assert (line.start, line.end) == (d("2020-01-01"), d("2020-01-01"))
    assert "不在三期内" in line.detail and "2024-04-29" in line.detail
    assert "pregnancy_start_unknown" not in {w.code for w in plan.warnings}


def test_contract_before_a_known_conception_uses_that_start(nj2025, calendar):
    # Conception 2024-06-15 is the start (it beats the 45-week bound 2024-04-29): a contract
    # ending 2024-06-14 is outside, one ending 2024-06-15 inside, running on to 2026-03-09.
    before = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), conception=d("2024-06-15"), contract_end=d("2024-06-14")), calendar)
    on = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), conception=d("2024-06-15"), contract_end=d("2024-06-15")), calendar)
    assert (before.protected_period.contract_inside, on.protected_period.contract_runs_to) == (False, d("2026-03-09"))


def test_conception_days_before_the_birth_keeps_the_late_pregnancy_line_and_warns(nj2025, calendar):
    # Conception 2025-03-01 is week 2, so the last period was 2025-02-15 and the birth on
    # 2025-03-10 is 23 days = 3 weeks 2 days in: under 22 weeks, a warning. Week 28 would be
    # 2025-03-01 + 26 weeks = 2025-08-30, after the birth: the line stays, undated, saying why.
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), conception=d("2025-03-01")), calendar)
    line = {x.item: x for x in plan.lines}["pregnancy_protection"]
    assert (line.start, line.end) == (None, None)
    assert "2025-08-30" in line.detail and "未开始" in line.detail and "never started" in line.detail_en
    [w] = [w for w in plan.warnings if w.code == "pregnancy_dates_unusual"]
    assert "3 weeks 2 days" in w.en and "孕3周2天" in w.zh


def test_due_date_ten_weeks_after_the_birth_warns(nj2025, calendar):
    # Due 2025-05-19 is 70 days (10 weeks) after the birth 2025-03-10 (21 to 03-31, 30 in April,
    # 19 in May): more than 6 weeks, a warning. Birth at 40 - 10 = week 30, inside 22..45, so only
    # the gap is named.
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), due=d("2025-05-19")), calendar)
    [w] = [w for w in plan.warnings if w.code == "pregnancy_dates_unusual"]
    assert "70 days" in w.en and "outside" not in w.en


def test_due_date_six_weeks_away_is_ordinary(nj2025, calendar):
    # 42 days either side (6 weeks exactly) is not "more than 6 weeks": no warning. Birth 2025-03-10
    # with due 2025-04-21 (21 + 21 = 42 days later) is week 34; due 2025-01-27 (4 + 31 + 7 = 42
    # days before) is week 46, past the 45-week longest pregnancy: that warns.
    early = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), due=d("2025-04-21")), calendar)
    late = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), due=d("2025-01-27")), calendar)
    assert "pregnancy_dates_unusual" not in {w.code for w in early.warnings}
    [w] = [w for w in late.warnings if w.code == "pregnancy_dates_unusual"]
    assert "46 weeks 0 days" in w.en and "more than 6 weeks" not in w.en


def test_caesarean_as_difficult_before_2025_is_cited_as_a_reading_not_art_7(registry, calendar):
    # 619 art 7 names no kind of delivery: under the 2023 policy the caesarean's +15 rests on the
    # Jiangsu-practice reading (with its note); from 2025 on Nanjing art 35, which names 剖宫产.
    from leavecalc.maternity import MaternityCase, maternity_leave

    old = maternity_leave(registry.get("nanjing_2023"), MaternityCase(birth=d("2024-12-20"), delivery="cesarean"), calendar)
    new = maternity_leave(registry.get("nanjing_2025"), MaternityCase(birth=d("2025-03-10"), delivery="cesarean"), calendar)
    # One entry per segment with difficult-birth days (2023: the national one only).
    cited_old = {(b.confidence, b.article) for s in old.segments for b in s.basis if b.item == "difficult_delivery"}
    assert cited_old == {("interpretation", "docs/interpretations.md#difficult-births-before-2025")}
    assert "difficult_deliveries_2023" in {n.code for n in old.notes}
    cited_new = {(b.confidence, b.article) for s in new.segments for b in s.basis if b.item == "difficult_delivery"}
    assert cited_new == {("text", "35")}


def test_the_calendar_year_example_switches_the_rule_and_its_note(calendar):
    # docs/interpretations.md#parenting-leave-year: applying its example to nanjing_2025 gives the
    # calendar-year reading with a note that says so. Born 2025-03-10, under 3 until 2028-03-09:
    # calendar years 2025, 2026, 2027, 2028, 10 days each = 40.
    import re
    import tomllib
    from pathlib import Path

    from leavecalc.parenting import ParentingCase, parenting_leave
    from leavecalc.policy import parse_policy

    root = Path(__file__).parent.parent
    doc = (root / "docs" / "interpretations.md").read_text(encoding="utf-8")
    section = doc.split("### Parenting leave year", 1)[1].split("\n### ", 1)[0]
    example = re.search(r"```toml\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    cite_block, year_line = example.split("\n[parenting]\n")
    text = (root / "tests" / "data" / "whole_policy_nanjing_2025.toml").read_text(encoding="utf-8")
    text = re.sub(r"\[citations\.parenting_year\]\n.*?\n\n", cite_block.strip() + "\n\n", text, count=1, flags=re.S)
    text = re.sub(r'^year = \{ rule = "child_age_year".*$', year_line.strip(), text, count=1, flags=re.M)
    policy = parse_policy(text, "example")
    assert tomllib.loads(example)["parenting"]["year"]["rule"] == policy.parenting.year.rule == "calendar_year"
    r = parenting_leave(policy, ParentingCase(birth=d("2025-03-10")), calendar)
    assert ([y.from_.year for y in r.years], r.total_days) == ([2025, 2026, 2027, 2028], 40)
    [note] = [n for n in r.notes if n.code == "parenting_year"]
    assert "自然年计算" in note.zh and note.en.startswith("'A year' of parenting leave is a calendar year")


def test_miscarriage_at_0_weeks_is_an_input_error_but_0_completed_months_is_the_first_tier(capsys, registry, calendar):
    import pytest

    from leavecalc.cli import main
    from leavecalc.miscarriage import MiscarriageCase, miscarriage_leave

    with pytest.raises(SystemExit) as exit_:
        main(["miscarriage", "--date", "2025-03-10", "--weeks", "0", "--lang", "en"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "--weeks: 0 completed weeks" in err
    # Under 1 month (weeks 1-3) is under 2 months: 20 days, 2025-03-10 + 19 = 2025-03-29.
    r = miscarriage_leave(registry.get("nanjing_2025"), MiscarriageCase(date=d("2025-03-10"), months=0), calendar)
    assert (r.total_days, r.end) == (20, d("2025-03-29"))
