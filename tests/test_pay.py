"""Pay: maternity allowance, top-up, pregnancy-rest floor and the monthly split.

Expected values are worked by hand from the rules (legal-notes section 4, docs/pay.md);
the arithmetic is in the comments.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pathlib import Path

from .conftest import d
from leavecalc.errors import InputError, PolicyError
from leavecalc.maternity import MaternityCase
from leavecalc.pay import (
    RestCase,
    Wages,
    allowance_for_days,
    maternity_pay,
    minimum_wage_on,
    pregnancy_rest_pay,
    split_rounded,
)
from leavecalc.policy import parse_policy

D = Decimal


def wages(avg: str | None = None, own: str | None = None, insured: bool = True) -> Wages:
    return Wages(avg_wage=avg, own_wage=own, insured=insured)


# ---------------------------------------------------------------- allowance formula

def test_allowance_is_average_wage_over_30_times_days(nj2025):
    # 12000 ÷ 30 × 158 = 400 × 158 = 63200.00
    r = allowance_for_days(nj2025, 158, wages("12000"))
    assert (r.days, r.daily_rate, r.amount, r.paid_by) == (158, D("400.00"), D("63200.00"), "fund")
    assert r.employer_top_up == D("0.00")
    assert r.months == [] and any(w.code == "no_monthly_split" for w in r.warnings)
    assert any(w.code == "top_up_not_computed" for w in r.warnings)
    assert any(w.code == "fund_days" for w in r.warnings)  # whether the fund pays all 158 is unverified


def test_allowance_rounds_once_half_up(nj2025):
    # 1000.05 × 3 ÷ 30 = 3000.15 ÷ 30 = 100.005 -> 100.01 (half up; half-even would give 100.00)
    assert allowance_for_days(nj2025, 3, wages("1000.05")).amount == D("100.01")
    # 10000 × 158 ÷ 30 = 52666.666… -> 52666.67; rounding the daily rate first would give 333.33 × 158 = 52666.14
    assert allowance_for_days(nj2025, 158, wages("10000")).amount == D("52666.67")


def test_top_up_pays_the_difference_when_her_wage_is_higher(nj2025):
    # (15000 − 12000) ÷ 30 × 158 = 100 × 158 = 15800.00
    r = allowance_for_days(nj2025, 158, wages("12000", "15000"))
    assert (r.amount, r.employer_top_up) == (D("63200.00"), D("15800.00"))
    assert not any(w.code == "top_up_not_computed" for w in r.warnings)


def test_top_up_is_zero_when_the_allowance_is_higher(nj2025):
    # Her 9000 < 12000: she keeps the whole allowance 63200.00, no top-up.
    r = allowance_for_days(nj2025, 158, wages("12000", "9000"))
    assert (r.amount, r.employer_top_up) == (D("63200.00"), D("0.00"))


@pytest.mark.parametrize("policy", ["nanjing_2025", "nanjing_2023"])
def test_fund_days_note_says_unverified_and_whom_to_ask(registry, policy):
    # legal-notes §4 rates the fund-days reading "unsure"; our nearest confidence is interpretation,
    # so the note itself must say plainly that it is unverified and which office to ask.
    c = registry.get(policy).citations["fund_days"]
    assert c.confidence == "interpretation" and c.in_force == "unverified"
    assert c.note is not None and c.note_en is not None
    assert "未经核实" in c.note and "请向社保（医保）经办机构核实" in c.note
    assert "not verified" in c.note_en and "Check with the social insurance (medical-insurance, 医保) agency" in c.note_en


@pytest.mark.parametrize("policy", ["nanjing_2025", "nanjing_2023"])
def test_allowance_says_it_assumes_she_qualifies(registry, calendar, policy):
    # Jiangsu: the fund pays only after 10 consecutive months paid in (legal-notes §4, secondary).
    # Every insured result, by days or by birth, assumes it in a note and cites it.
    pol = registry.get(policy)
    by_days = allowance_for_days(pol, 158, wages("12000"))
    birth = d("2025-03-10") if policy == "nanjing_2025" else d("2024-03-11")
    by_birth = maternity_pay(pol, MaternityCase(birth=birth), calendar, wages("12000", "15000"))
    for r in (by_days, by_birth):
        (n,) = [n for n in r.notes if n.code == "allowance_eligibility"]
        assert "连续缴纳生育保险满10个月" in n.zh and "10 consecutive months" in n.en and "assumes" in n.en
        assert any(b.item == "eligibility" and b.confidence == "secondary" for b in r.basis)
    # Not insured, the employer pays her wage: the fund's condition does not apply.
    uninsured = allowance_for_days(pol, 158, wages(own="9000", insured=False))
    assert not any(n.code == "allowance_eligibility" for n in uninsured.notes)


def test_uninsured_employer_pays_pre_leave_wage(nj2023, calendar):
    # 619 art 8: not insured, the employer pays her pre-leave wage: 9000 ÷ 30 × 158 = 300 × 158 = 47400.00
    r = maternity_pay(nj2023, MaternityCase(birth=d("2024-05-01")), calendar, wages(own="9000", insured=False))
    assert (r.paid_by, r.amount, r.employer_top_up, r.days) == ("employer", D("47400.00"), D("0.00"), 158)
    assert {p.pay for p in r.periods} == {"pre_leave_wage"}


def test_wages_need_what_the_case_uses():
    # The engine names no command-line option (the CLI adds one: test_pay_cli).
    with pytest.raises(ValueError, match="average monthly wage"):
        Wages(own_wage="9000")
    with pytest.raises(ValueError, match="give her monthly wage"):
        Wages(avg_wage="9000", insured=False)
    for bad in ("-1", "NaN", "inf", "abc", "1.005"):
        with pytest.raises(ValueError):
            Wages(avg_wage=bad)


# ---------------------------------------------------------------- which days, which month

def test_normal_birth_2025_fund_pays_all_158_days_by_month(nj2025, calendar):
    # Birth 2025-03-10: national 98 calendar days 03-10..06-15; local 60 from 06-16, no statutory
    # holiday until 08-14 (端午 was 05-31), so 06-16..08-14.
    # Days: Mar 22 (10..31), Apr 30, May 31, Jun 30, Jul 31, Aug 14 = 158; 400 a day.
    r = maternity_pay(nj2025, MaternityCase(birth=d("2025-03-10")), calendar, wages("12000"))
    assert [(m.month, m.days, m.amount) for m in r.months] == [
        ("2025-03", 22, D("8800.00")),
        ("2025-04", 30, D("12000.00")),
        ("2025-05", 31, D("12400.00")),
        ("2025-06", 30, D("12000.00")),
        ("2025-07", 31, D("12400.00")),
        ("2025-08", 14, D("5600.00")),
    ]
    assert r.amount == D("63200.00") and r.normal_wage_days == 0
    assert any(w.code == "fund_days" for w in r.warnings)  # the unverified reading is always flagged


def test_monthly_split_rounds_the_running_total(nj2025, calendar):
    # Birth 2025-08-01: national 08-01..11-06 (calendar days, 国庆 counted); local 60 from 11-07,
    # 2026-01-01 not counted, so it ends 2026-01-06. Days: Aug 31, Sep 30, Oct 31, Nov 6+24 = 30,
    # Dec 31, Jan 2..6 = 5; total 158. 10000 ÷ 30 = 1000/3 a day. Running totals, rounded:
    #   Aug  31 × 1000/3 = 10333.333 -> 10333.33             month 10333.33
    #   Sep  61 × 1000/3 = 20333.333 -> 20333.33             month 10000.00
    #   Oct  92 × 1000/3 = 30666.667 -> 30666.67             month 10333.34
    #   Nov 122 × 1000/3 = 40666.667 -> 40666.67             month 10000.00
    #   Dec 153 × 1000/3 = 51000.000 -> 51000.00             month 10333.33
    #   Jan 158 × 1000/3 = 52666.667 -> 52666.67             month  1666.67
    r = maternity_pay(nj2025, MaternityCase(birth=d("2025-08-01")), calendar, wages("10000"))
    assert [(m.month, m.days, m.amount) for m in r.months] == [
        ("2025-08", 31, D("10333.33")),
        ("2025-09", 30, D("10000.00")),
        ("2025-10", 31, D("10333.34")),
        ("2025-11", 30, D("10000.00")),
        ("2025-12", 31, D("10333.33")),
        ("2026-01", 5, D("1666.67")),
    ]
    assert r.amount == D("52666.67") == sum(m.amount for m in r.months)


def test_nanjing_difficult_birth_extra_is_paid_by_the_employer(nj2025, calendar):
    # Caesarean 2025-03-10: national 98+15 = 113 calendar days, 03-10..06-30. Local: the 60 first
    # (fund), 07-01..08-29, then the Nanjing +15 (employer, normal wages) 08-30..09-13; no
    # statutory holiday in between (中秋 is 10-06). Fund days 113 + 60 = 173: 400 × 173 = 69200.00.
    # Top-up (15000 − 12000) ÷ 30 × 173 = 100 × 173 = 17300.00.
    r = maternity_pay(nj2025, MaternityCase(birth=d("2025-03-10"), delivery="cesarean"), calendar, wages("12000", "15000"))
    assert (r.days, r.normal_wage_days, r.amount, r.employer_top_up) == (173, 15, D("69200.00"), D("17300.00"))
    local = [(p.part, p.start, p.end, p.pay) for p in r.periods if p.segment == "local"]
    assert local == [
        ("base", d("2025-07-01"), d("2025-08-29"), "allowance"),
        ("difficult_birth", d("2025-08-30"), d("2025-09-13"), "normal_wage"),
    ]
    # Aug: 29 fund days (1..29) and 2 employer days (30, 31); Sep: 13 employer days.
    assert [(m.month, m.days, m.normal_wage_days) for m in r.months][-2:] == [("2025-08", 29, 2), ("2025-09", 0, 13)]
    assert any(n.code == "fund_day_order" for n in r.notes)


def test_statutory_holidays_in_employer_part_are_nobodys_day(nj2025, calendar):
    # Caesarean twins 2025-03-10: national 98+15+15 = 128 days to 07-15; local 60 07-16..09-13 (fund),
    # +15 difficult 09-14..09-28, +15 twins 09-29..10-17 skipping 10-01..10-03 and 中秋 10-06:
    # Oct employer days = 04, 05, 07..17 = 13.
    case = MaternityCase(birth=d("2025-03-10"), delivery="cesarean", babies=2)
    r = maternity_pay(nj2025, case, calendar, wages("12000"))
    assert (r.days, r.normal_wage_days) == (188, 30)
    assert r.months[-1].month == "2025-10" and (r.months[-1].days, r.months[-1].normal_wage_days) == (0, 13)


def test_policy_without_pay_section_is_a_clear_error(nj2025):
    bare = nj2025.model_copy(update={"pay": None})
    with pytest.raises(PolicyError, match="no \\[pay\\] section"):
        allowance_for_days(bare, 10, wages("1000"))


# ---------------------------------------------------------------- minimum wage

def test_minimum_wage_timeline(nj2025):
    # legal-notes section 4: 2021-08-01 2280/22; 2024-01-01 2490/24; 2026-01-01 2660/25.
    got = [(minimum_wage_on(nj2025, d(x)).monthly, minimum_wage_on(nj2025, d(x)).hourly)
           for x in ("2021-08-01", "2023-12-31", "2024-01-01", "2025-12-31", "2026-01-01", "2030-06-01")]
    assert got == [(2280, 22), (2280, 22), (2490, 24), (2490, 24), (2660, 25), (2660, 25)]


def test_minimum_wage_before_table_is_an_error(nj2025):
    with pytest.raises(InputError, match="no minimum wage is known before 2021-08-01"):
        minimum_wage_on(nj2025, d("2021-07-31"))


@pytest.mark.parametrize(
    "entry, message",
    [
        ('since = 2027-01-02\nmonthly = 3000\nhourly = 30\nbasis = "nj_min_wage_2026"', "1st of a month"),
        ('since = 2025-01-01\nmonthly = 3000\nhourly = 30\nbasis = "nj_min_wage_2026"', "ascending"),
        ('since = 2027-01-01\nmonthly = -1\nhourly = 30\nbasis = "nj_min_wage_2026"', "greater than 0"),
        ('since = 2027-01-01\nmonthly = 3000\nhourly = 30\nbasis = "nowhere"', "unknown citation"),
    ],
)
def test_bad_minimum_wage_entries_are_rejected(entry, message):
    from importlib import resources

    text = (Path(__file__).parent / "data" / "whole_policy_nanjing_2025.toml").read_text(encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        parse_policy(text + "\n[[pay.minimum_wage]]\n" + entry + "\n", "test.toml")


def test_unknown_fund_part_is_rejected():
    from importlib import resources

    text = (Path(__file__).parent / "data" / "whole_policy_nanjing_2025.toml").read_text(encoding="utf-8")
    with pytest.raises(PolicyError, match="local.twins"):
        parse_policy(text.replace('"local.base"]', '"local.twins"]'), "test.toml")


# ---------------------------------------------------------------- pregnancy rest (art 37)

def test_rest_floor_whole_months_across_the_2026_minimum_wage_change(nj2025):
    # 80% of 2490 = 1992 (Nov, Dec 2025); 80% of 2660 = 2128 (Jan, Feb 2026).
    # Floor 1992 + 1992 + 2128 + 2128 = 8240.00; paid 4 × 1500 = 6000.00;
    # shortfall 492 + 492 + 628 + 628 = 2240.00.
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2025-11-01"), end=d("2026-02-28"), pay="1500"))
    assert [(m.month, m.minimum_wage, m.floor, m.shortfall) for m in r.months] == [
        ("2025-11", D("2490.00"), D("1992.00"), D("492.00")),
        ("2025-12", D("2490.00"), D("1992.00"), D("492.00")),
        ("2026-01", D("2660.00"), D("2128.00"), D("628.00")),
        ("2026-02", D("2660.00"), D("2128.00"), D("628.00")),
    ]
    assert (r.floor_total, r.paid_total, r.shortfall_total) == (D("8240.00"), D("6000.00"), D("2240.00"))
    assert not any(b.item == "part_month" for b in r.basis)


def test_rest_part_month_is_prorated_by_calendar_days(nj2025):
    # 2026-01-10..31: 22 of 31 days. Floor 2128 × 22/31 = 46816/31 = 1510.1935… -> 1510.19;
    # paid 1500 × 22/31 = 33000/31 = 1064.516… -> 1064.52; shortfall computed exactly, rounded once:
    # (2128 − 1500) × 22/31 = 13816/31 = 445.677… -> 445.68 (not 1510.19 − 1064.52 = 445.67).
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2026-01-10"), end=d("2026-01-31"), pay="1500"))
    (m,) = r.months
    assert (m.days, m.days_in_month, m.floor, m.paid, m.shortfall) == (22, 31, D("1510.19"), D("1064.52"), D("445.68"))
    assert r.shortfall_total == D("445.68")
    assert any(b.item == "part_month" for b in r.basis) and any(n.code == "part_month" for n in r.notes)


def test_rest_two_part_months(nj2025):
    # 2025-11-15..2025-12-10: Nov 16/30, Dec 10/31 at floor 1992.
    # Floor: 1992 × 16/30 = 1062.40; running total + 1992 × 10/31 = 1062.40 + 642.5806… = 1704.9806…
    # -> 1704.98, so Dec 642.58. Paid at 1000: 533.333… -> 533.33; + 322.5806… = 855.913… -> 855.91, Dec 322.58.
    # Shortfall Nov 1062.40 − 533.33 = 529.07; Dec 642.58 − 322.58 = 320.00; total 849.07.
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2025-11-15"), end=d("2025-12-10"), pay="1000"))
    assert [(m.days, m.floor, m.paid, m.shortfall) for m in r.months] == [
        (16, D("1062.40"), D("533.33"), D("529.07")),
        (10, D("642.58"), D("322.58"), D("320.00")),
    ]
    assert (r.floor_total, r.paid_total, r.shortfall_total) == (D("1704.98"), D("855.91"), D("849.07"))


def test_rest_shortfall_rounding_does_not_leak_between_months(nj2025):
    # 2025-12-15..2026-01-10 at 2000. Dec 17/31: floor 1992 × 17/31 = 33864/31 = 1092.387…,
    # paid 2000 × 17/31 = 34000/31 = 1096.774…: no shortfall. Jan 10/31: floor 2128 × 10/31 =
    # 21280/31 = 686.4516…, paid 20000/31 = 645.1612…; shortfall 1280/31 = 41.2903… -> 41.29.
    # Shown figures (running totals): floor Dec 1092.39, Jan 1778.84 − 1092.39 = 686.45; paid Dec
    # 1096.77, Jan 54000/31 = 1741.935… -> 1741.94 − 1096.77 = 645.17. 686.45 − 645.17 = 41.28 is
    # not the shortfall: December's rounding would leak into January.
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2025-12-15"), end=d("2026-01-10"), pay="2000"))
    assert [(m.floor, m.paid, m.shortfall) for m in r.months] == [
        (D("1092.39"), D("1096.77"), D("0.00")),
        (D("686.45"), D("645.17"), D("41.29")),
    ]
    assert (r.floor_total, r.paid_total, r.shortfall_total) == (D("1778.84"), D("1741.94"), D("41.29"))


def test_rest_after_the_minimum_wage_check_warns_naming_the_months(nj2025, nj2023):
    # The table was last checked 2026-11-22 (policy data): November 2026 is known, December on is not.
    # The figures are still 2660's: 80% × 2660 = 2128 a whole month.
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2026-11-01"), end=d("2027-01-31"), pay="1500"))
    assert [m.floor for m in r.months] == [D("2128.00")] * 3
    (w,) = [w for w in r.warnings if w.code == "minimum_wage_may_change"]
    assert "2026-11-22" in w.en and "2026-12, 2027-01 " in w.en and "2026-11," not in w.en
    assert "2026-12、2027-01" in w.zh
    assert any(b.item == "minimum_wage_checked" and b.in_force == d("2026-11-22") for b in r.basis)
    known = pregnancy_rest_pay(nj2025, RestCase(start=d("2026-03-01"), end=d("2026-11-30"), pay="1500"))
    assert not any(w.code == "minimum_wage_may_change" for w in known.warnings)
    assert not any(b.item == "minimum_wage_checked" for b in known.basis)
    # Both policies carry the date.
    assert nj2025.pay is not None and nj2023.pay is not None
    assert nj2025.pay.minimum_wage_checked.on == nj2023.pay.minimum_wage_checked.on == d("2026-11-22")


def test_minimum_wage_check_date_comes_from_the_policy(nj2025):
    assert nj2025.pay is not None
    checked = nj2025.pay.minimum_wage_checked.model_copy(update={"on": d("2025-06-30")})
    earlier = nj2025.model_copy(update={"pay": nj2025.pay.model_copy(update={"minimum_wage_checked": checked})})
    r = pregnancy_rest_pay(earlier, RestCase(start=d("2025-06-20"), end=d("2025-07-10"), pay="1500"))
    (w,) = [w for w in r.warnings if w.code == "minimum_wage_may_change"]
    assert "2025-06-30" in w.en and "for 2025-07 " in w.en


def test_rest_pay_above_floor_has_no_shortfall(nj2025):
    r = pregnancy_rest_pay(nj2025, RestCase(start=d("2025-03-01"), end=d("2025-03-31"), pay="3000"))
    assert (r.months[0].paid, r.months[0].floor, r.shortfall_total) == (D("3000.00"), D("1992.00"), D("0.00"))


NO_FLOOR_BEFORE_2025 = (
    "no pregnancy-rest floor before 2025-01-01 (《南京市妇女权益保障条例》 art 37 is in force from 2025-01-01): "
    "give a first day of rest on 2025-01-01 or later for the part from then"
)


def test_rest_floor_needs_art_37(registry, nj2023, nj2025):
    # The 80% floor is Nanjing ordinance art 37, in force 2025-01-01; the 2023 policy has none.
    # The error says from when (nanjing_2025's art 37 citation) and what to do.
    case = RestCase(start=d("2024-12-15"), end=d("2025-01-31"), pay="1000")
    with pytest.raises(InputError) as e:
        pregnancy_rest_pay(nj2023, case, registry.policies)
    assert str(e.value) == NO_FLOOR_BEFORE_2025
    # Forcing the 2025 policy does not apply art 37 before it was in force.
    with pytest.raises(InputError) as e:
        pregnancy_rest_pay(nj2025, case, registry.policies)
    assert str(e.value) == NO_FLOOR_BEFORE_2025
    with pytest.raises(InputError) as e:
        pregnancy_rest_pay(nj2025, case)
    assert str(e.value) == NO_FLOOR_BEFORE_2025
    # The 2023 policy forced onto a 2025 rest: it has no floor; the error names the one that does.
    with pytest.raises(InputError, match="policy nanjing_2023 has no pregnancy-rest floor; from 2025-01-01 it is in policy nanjing_2025"):
        pregnancy_rest_pay(nj2023, RestCase(start=d("2025-03-01"), end=d("2025-03-31"), pay="1000"), registry.policies)
    # Without the other policies there is nothing to name.
    with pytest.raises(PolicyError, match="policy nanjing_2023 has no pregnancy-rest floor"):
        pregnancy_rest_pay(nj2023, RestCase(start=d("2024-03-01"), end=d("2024-03-31"), pay="1000"))


def test_rest_floor_start_comes_from_the_policy_data(nj2025):
    # Move art 37's in_force to 2025-03-01 in the data: the refusal follows it.
    moved = nj2025.model_copy(
        update={"citations": {**nj2025.citations, "nj2025_art37": nj2025.citations["nj2025_art37"].model_copy(update={"in_force": d("2025-03-01")})}}
    )
    with pytest.raises(InputError, match="before 2025-03-01 .* give a first day of rest on 2025-03-01 or later"):
        pregnancy_rest_pay(moved, RestCase(start=d("2025-02-28"), end=d("2025-03-31"), pay="1000"))
    assert pregnancy_rest_pay(moved, RestCase(start=d("2025-03-01"), end=d("2025-03-31"), pay="1000")).floor_total == D("1992.00")


@pytest.mark.parametrize("days", [0, -3, 1001, 10**20])
def test_allowance_days_are_bounded(nj2025, days):
    # 1..1000 is ample (the longest Nanjing leave is a few hundred days); beyond is a typing error.
    with pytest.raises(InputError, match="allowance days must be from 1 to 1000"):
        allowance_for_days(nj2025, days, wages("12000"))


def test_allowance_days_bound_is_inclusive(nj2025):
    # 12000 ÷ 30 × 1000 = 400000.00; 12000 ÷ 30 × 1 = 400.00
    assert allowance_for_days(nj2025, 1000, wages("12000")).amount == D("400000.00")
    assert allowance_for_days(nj2025, 1, wages("12000")).amount == D("400.00")


def test_rest_period_is_bounded():
    # 2025-01-01..2025-10-27 is 300 days (31+28+31+30+31+30+31+31+30+27): accepted; one more is not.
    assert RestCase(start=d("2025-01-01"), end=d("2025-10-27"), pay="1000").end == d("2025-10-27")
    with pytest.raises(ValueError, match="the rest is 301 days .* at most 300"):
        RestCase(start=d("2025-01-01"), end=d("2025-10-28"), pay="1000")
    with pytest.raises(ValueError, match="at most 300"):
        RestCase(start=d("2025-01-01"), end=d("2199-12-31"), pay="1000")


def test_rest_ending_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="ends"):
        RestCase(start=d("2025-03-02"), end=d("2025-03-01"), pay="1000")


def test_split_rounded_example():
    from fractions import Fraction as F

    # Three thirds of 0.01: running totals 0.00333 -> 0.00, 0.00667 -> 0.01, 0.01 -> 0.01.
    assert split_rounded([F(1, 300)] * 3) == [D("0.00"), D("0.01"), D("0.00")]


def test_month_spans_clip_the_period_and_reach_the_last_date():
    from datetime import date

    from leavecalc.pay import month_spans

    # 2024-02-10..2024-04-05: Feb 10..29 (leap year), Mar 1..31, Apr 1..5.
    assert month_spans(d("2024-02-10"), d("2024-04-05")) == [
        (d("2024-02-10"), d("2024-02-29")), (d("2024-03-01"), d("2024-03-31")), (d("2024-04-01"), d("2024-04-05"))
    ]
    assert month_spans(date(9999, 12, 5), date.max) == [(date(9999, 12, 5), date.max)]


def test_allowance_names_the_holiday_data_of_each_year_of_leave(nj2025, calendar):
    # Birth 2025-10-20, normal: 98 days to 2026-01-25, then 60 more into March 2026: years 2025 and 2026.
    from decimal import Decimal

    from leavecalc.maternity import MaternityCase
    from leavecalc.pay import Wages, maternity_pay

    r = maternity_pay(nj2025, MaternityCase(birth=d("2025-10-20")), calendar, Wages(avg_wage=Decimal("10000")))
    assert [(h.year, h.estimated) for h in r.holiday_data] == [(2025, False), (2026, False)]
    assert all(h.source.startswith("chinese-calendar") for h in r.holiday_data)
