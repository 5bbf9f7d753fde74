"""Pregnancy and nursing protections, the protected period (三期) and the arbitration limit."""

from __future__ import annotations

import pytest

from .conftest import d
from leavecalc.maternity import MaternityCase, maternity_leave
from leavecalc.protection import (
    PregnancyDates,
    arbitration_deadline,
    lactation,
    pregnancy_protection,
    protected_period,
)


def test_no_overtime_from_7_months_counted_from_the_due_date(nj2025):
    # 7 months x 4 weeks = week 28; the due date is week 40, so 12 weeks = 84 days before it:
    # 2025-03-20 - 84 days = 2024-12-26 (03-20 -> 02-20 is 28, -> 01-23 is 56, -> 12-26 is 84).
    p = pregnancy_protection(nj2025, PregnancyDates(due=d("2025-03-20")))
    assert (p.from_months, p.from_weeks, p.start) == (7, 28, d("2024-12-26"))
    assert {x.label_en for x in p.protections} == {"no overtime", "no night shift", "rest time within working hours"}
    assert "prenatal checks in working hours count as working time" in {x.label_en for x in p.whole_pregnancy}
    assert {n.code for n in p.notes} >= {"gestation_convention", "obstetric_month"}


def test_no_overtime_from_7_months_counted_from_conception(nj2025):
    # Conception is week 2, so week 28 is 26 weeks = 182 days later: 2024-06-27 + 182 = 2024-12-26
    # (06-30 is +3, then July 31, Aug 31, Sep 30, Oct 31, Nov 30 = 156 at 11-30, +26 = 12-26).
    p = pregnancy_protection(nj2025, PregnancyDates(conception=d("2024-06-27")))
    assert p.start == d("2024-12-26")


def test_without_dates_the_start_is_unknown(nj2025):
    assert pregnancy_protection(nj2025, PregnancyDates()).start is None
    with pytest.raises(ValueError):
        PregnancyDates(due=d("2025-03-20"), conception=d("2024-06-27"))


def test_lactation_until_the_first_birthday_with_an_hour_per_extra_baby(nj2025):
    # Under 1 until the day before the 1st birthday (2026-03-10): 2026-03-09. Twins: 1 + 1 = 2 hours.
    n = lactation(nj2025, d("2025-03-10"), babies=2)
    assert (n.start, n.end, n.hours_per_day) == (d("2025-03-10"), d("2026-03-09"), 2)
    assert lactation(nj2025, d("2025-03-10")).hours_per_day == 1
    assert lactation(nj2025, d("2025-03-10"), babies=3).hours_per_day == 3


@pytest.fixture
def birth_2025(nj2025, calendar):
    mat = maternity_leave(nj2025, MaternityCase(birth=d("2025-03-10")), calendar)
    return mat, lactation(nj2025, d("2025-03-10"))


def test_contract_ending_during_lactation_runs_on_to_its_end(nj2025, birth_2025):
    # Maternity leave ends 2025-08-14 (98 + 60 days); nursing ends 2026-03-09. A contract ending
    # 2025-12-31 is inside: it runs on to 2026-03-09 (劳动合同法 art 45).
    mat, nur = birth_2025
    p = protected_period(nj2025, mat, nur, contract_end=d("2025-12-31"))
    assert (p.end, p.contract_inside, p.contract_runs_to) == (d("2026-03-09"), True, d("2026-03-09"))
    assert p.warnings == []
    barred = {b.article for x in p.dismissals if x.barred for b in x.basis}
    allowed = {b.article for x in p.dismissals if not x.barred for b in x.basis}
    assert "42(4)" in barred and "45" in barred and "39" in allowed and "39" not in barred


def test_contract_ending_on_the_last_day_or_after(nj2025, birth_2025):
    mat, nur = birth_2025
    assert protected_period(nj2025, mat, nur, contract_end=d("2026-03-09")).contract_inside is True
    after = protected_period(nj2025, mat, nur, contract_end=d("2026-03-10"))
    assert (after.contract_inside, after.contract_runs_to) == (False, d("2026-03-10"))


def test_contract_ending_before_the_birth(nj2025, birth_2025):
    mat, nur = birth_2025
    unknown = protected_period(nj2025, mat, nur, contract_end=d("2024-12-31"))
    assert unknown.contract_inside is True and [w.code for w in unknown.warnings] == ["pregnancy_start_unknown"]
    before = protected_period(nj2025, mat, nur, pregnancy_start=d("2024-06-13"), contract_end=d("2024-05-31"))
    assert before.contract_inside is False and before.warnings == []


def test_arbitration_limit_is_one_year_moved_past_the_may_holiday(nj2025, calendar):
    # Knew on 2025-05-01: a year later is 2026-05-01, inside the 05-01..05-05 holiday: last day Wed 05-06.
    a = arbitration_deadline(nj2025, d("2025-05-01"), calendar)
    assert (a.years, a.last_day, a.provisional) == (1, d("2026-05-06"), False)
    # 2025-03-10 -> Tue 2026-03-10, a working day. 29 Feb -> 28 Feb (no corresponding day: month end).
    assert arbitration_deadline(nj2025, d("2025-03-10"), calendar).last_day == d("2026-03-10")
    assert arbitration_deadline(nj2025, d("2024-02-29"), calendar).last_day == d("2025-02-28")
    # 2026-06-01 -> 2027-06-01: no 2027 arrangement yet, so provisional.
    assert arbitration_deadline(nj2025, d("2026-06-01"), calendar).provisional
