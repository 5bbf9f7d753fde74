"""The `allowance` and `pregnancy-rest` commands: JSON contract and one-line errors."""

from __future__ import annotations

import json
import re

import pytest

from leavecalc.cli import main

# These tests read the English wording; the Chinese default is tested in test_answers_cli.py.
pytestmark = pytest.mark.usefixtures("english")

TWO_DECIMALS = re.compile(r"^\d+\.\d\d$")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return int(e.value.code or 0), out, err


def test_allowance_json_contract(capsys):
    code, out, _ = run(capsys, "allowance", "--avg-wage", "12000", "--birth", "2025-03-10", "--own-wage", "15000", "--json")
    r = json.loads(out)
    assert code == 0
    assert {"days", "daily_rate", "amount", "employer_top_up", "paid_by", "months"} <= set(r)
    # 12000 ÷ 30 × 158 = 63200.00; (15000 − 12000) ÷ 30 × 158 = 15800.00
    assert (r["days"], r["amount"], r["employer_top_up"], r["paid_by"]) == (158, "63200.00", "15800.00", "fund")
    for m in r["months"]:
        assert set(m) == {"month", "days", "normal_wage_days", "amount", "employer_top_up"}
        assert TWO_DECIMALS.match(m["amount"]) and TWO_DECIMALS.match(m["employer_top_up"])


def test_allowance_days_needs_a_date_or_policy(capsys):
    code, _, err = run(capsys, "allowance", "--avg-wage", "12000", "--days", "158")
    assert code == 2 and "--on" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "allowance", "--avg-wage", "12000", "--days", "158", "--on", "2025-03-10", "--json")
    assert code == 0 and json.loads(out)["amount"] == "63200.00" and json.loads(out)["policy"] == "nanjing_2025"
    code, out, _ = run(capsys, "allowance", "--avg-wage", "12000", "--days", "158", "--policy", "nanjing_2023", "--json")
    assert code == 0 and json.loads(out)["months"] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--avg-wage", "-5", "--days", "10", "--on", "2025-01-01"], "--avg-wage"),
        (["--avg-wage", "NaN", "--days", "10", "--on", "2025-01-01"], "--avg-wage"),
        (["--avg-wage", "12k", "--days", "10", "--on", "2025-01-01"], "--avg-wage"),
        (["--avg-wage", "100", "--own-wage", "inf", "--days", "10", "--on", "2025-01-01"], "--own-wage"),
        (["--avg-wage", "100", "--days", "0", "--on", "2025-01-01"], "from 1 to 1000, not 0"),
        # 1..1000 is ample for any leave: a huge number is a typing error, not a 20-digit amount.
        (["--avg-wage", "100", "--days", "99999999999999999999", "--on", "2025-01-01"], "from 1 to 1000"),
        (["--avg-wage", "100", "--days", "1001", "--on", "2025-01-01"], "from 1 to 1000, not 1001"),
        (["--avg-wage", "100", "--days", "10", "--birth", "2025-01-01"], "either --days"),
        (["--avg-wage", "100"], "either --days"),
        (["--uninsured", "--birth", "2025-01-01"], "--own-wage"),
        (["--birth", "2025-01-01"], "--avg-wage"),
        (["--avg-wage", "100", "--birth", "2025-01-01", "--on", "2025-01-01"], "--on goes with --days"),
        (["--avg-wage", "100", "--days", "5", "--babies", "2", "--on", "2025-01-01"], "go with --birth"),
    ],
)
def test_allowance_bad_input_is_one_line(capsys, args, message):
    code, out, err = run(capsys, "allowance", *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_pregnancy_rest_json_contract(capsys):
    code, out, _ = run(capsys, "pregnancy-rest", "--from", "2025-12-01", "--to", "2026-01-31", "--pay", "1500", "--json")
    r = json.loads(out)
    assert code == 0
    # Dec 80% × 2490 = 1992.00; Jan 80% × 2660 = 2128.00; shortfall 492.00 + 628.00 = 1120.00
    assert [(m["month"], m["minimum_wage"], m["floor"], m["paid"], m["shortfall"]) for m in r["months"]] == [
        ("2025-12", "2490.00", "1992.00", "1500.00", "492.00"),
        ("2026-01", "2660.00", "2128.00", "1500.00", "628.00"),
    ]
    assert (r["floor_total"], r["shortfall_total"]) == ("4120.00", "1120.00")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2025-03-02", "--to", "2025-03-01", "--pay", "1"], "ends"),
        (["--from", "2025-03-01", "--to", "2025-03-31", "--pay", "-1"], "--pay"),
        (["--from", "2025-03-01", "--to", "2025-3-32", "--pay", "1"], "--to"),
        (["--from", "2024-03-01", "--to", "2024-03-31", "--pay", "1"], "no pregnancy-rest floor before 2025-01-01"),
        # Art 37 is in force from 2025-01-01 (nanjing_2025's citation): a rest from 2024-12-15 is refused, whole.
        (
            ["--from", "2024-12-15", "--to", "2025-01-31", "--pay", "1"],
            "no pregnancy-rest floor before 2025-01-01 (《南京市妇女权益保障条例》 art 37 is in force from 2025-01-01): "
            "give --from 2025-01-01 or later for the part from then",
        ),
        (["--from", "2021-07-01", "--to", "2021-08-31", "--pay", "1", "--policy", "nanjing_2025"], "before 2025-01-01"),
        (["--from", "2025-07-01", "--to", "2025-08-31", "--pay", "1", "--policy", "nanjing_2023"], "in policy nanjing_2025"),
        # A pregnancy lasts about 40 weeks: a rest over 300 days is a typing error.
        (["--from", "2025-01-01", "--to", "2199-12-31", "--pay", "1"], "at most 300"),
    ],
)
def test_pregnancy_rest_bad_input_is_one_line(capsys, args, message):
    code, out, err = run(capsys, "pregnancy-rest", *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_output_shows_amounts_and_basis(capsys, lang):
    code, out, _ = run(capsys, "allowance", "--avg-wage", "12000", "--birth", "2025-03-10", "--delivery", "cesarean", "--lang", lang)
    assert code == 0 and "69200.00" in out and "《中华人民共和国社会保险法》" in out
    code, out, _ = run(capsys, "pregnancy-rest", "--from", "2026-01-10", "--to", "2026-01-31", "--pay", "1500", "--lang", lang)
    # Shortfall (2128 − 1500) × 22/31 = 13816/31 = 445.677… -> 445.68, rounded once.
    assert code == 0 and "1510.19" in out and "445.68" in out


def test_policies_show_lists_pay_numbers(capsys):
    code, out, _ = run(capsys, "policies", "show", "nanjing_2025")
    assert code == 0
    assert "allowance divisor: 30" in out and "pregnancy-rest floor: 80%" in out
    assert "minimum wage from 2026-01-01: 2660 a month, 25 an hour" in out
    assert "minimum wages last checked 2026-11-22" in out
    code, out, _ = run(capsys, "policies", "show", "nanjing_2023")
    assert code == 0 and "minimum wage from 2024-01-01" in out and "pregnancy-rest floor" not in out
