"""`plan` with wages: the pay line during maternity leave (issue 4 on top of issue 3)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from leavecalc.cli import main
from leavecalc.pay import Wages
from leavecalc.plan import PlanCase, make_plan

from .conftest import d

# These tests read the English wording; the Chinese default is tested in test_answers_cli.py.
pytestmark = pytest.mark.usefixtures("english")


def test_plan_without_wages_has_no_pay_line(nj2025, calendar):
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10")), calendar)
    assert plan.allowance is None
    assert "allowance" not in [line.item for line in plan.lines]


def test_plan_pay_line_twins_by_caesarean(nj2025, calendar):
    # Fund days: national 98 + 15 + 15 = 128 and the Jiangsu 60 = 188; 12000 / 30 x 188 = 75200.00.
    # Top-up: (15000 - 12000) / 30 x 188 = 18800.00. Nanjing extras 15 + 15 = 30 days: normal wages.
    case = PlanCase(birth=d("2025-03-10"), delivery="cesarean", babies=2)
    plan = make_plan(nj2025, case, calendar, Wages(avg_wage=Decimal("12000"), own_wage=Decimal("15000")))
    assert plan.allowance is not None
    assert (plan.allowance.days, plan.allowance.amount, plan.allowance.employer_top_up) == (188, Decimal("75200.00"), Decimal("18800.00"))
    line = next(line for line in plan.lines if line.item == "allowance")
    assert "75200.00" in line.detail and "18800.00" in line.detail and "30天" in line.detail
    assert (line.start, line.end) == (d("2025-03-10"), d("2025-10-17"))
    assert "fund_days" in {w.code for w in plan.warnings}


def test_plan_pay_line_uninsured(nj2025, calendar):
    # Not insured, normal birth 2025-03-10: the employer pays 158 days of her wage: 9000 / 30 x 158 = 47400.00.
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10")), calendar, Wages(own_wage=Decimal("9000"), insured=False))
    assert plan.allowance is not None and plan.allowance.amount == Decimal("47400.00")
    assert "未参加生育保险" in next(line.detail for line in plan.lines if line.item == "allowance")


def test_plan_cli_json_carries_the_allowance(capsys):
    with pytest.raises(SystemExit) as e:
        main(["plan", "--birth", "2025-03-10", "--avg-wage", "12000", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert e.value.code == 0
    # Normal birth: 98 + 60 = 158 fund days; 12000 / 30 x 158 = 63200.00.
    assert data["allowance"]["amount"] == "63200.00" and data["allowance"]["days"] == 158
