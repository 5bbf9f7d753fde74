"""The two-parent plan, its iCalendar file and the new CLI commands."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import d
from leavecalc.cli import main
from leavecalc.ics import plan_ics
from leavecalc.plan import PlanCase, make_plan
from leavecalc.render import plan_text

# These tests read the English wording; the Chinese default is tested in test_answers_cli.py.
pytestmark = pytest.mark.usefixtures("english")

STAMP = datetime(2026, 1, 1, tzinfo=timezone.utc)


def by_item(plan):
    return {line.item: line for line in plan.lines}


def test_twins_by_caesarean_on_2025_03_10(nj2025, calendar):
    # Maternity: national 98 + 15 (difficult) + 15 (one extra baby) = 128 calendar days,
    # 03-10 + 127 = 07-15; Nanjing 60 + 15 + 15 = 90 from 07-16 skipping 10-1..10-3 and 10-6:
    # 07-16 + 89 = 10-13, + 4 holidays = 10-17. 218 days.
    # Paternity: 15 days from the birth, 03-10..03-24. Nursing to 2026-03-09, 2 hours a day.
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), delivery="cesarean", babies=2), calendar)
    lines = by_item(plan)
    assert (lines["maternity"].start, lines["maternity"].end, lines["maternity"].who) == (d("2025-03-10"), d("2025-10-17"), "mother")
    assert plan.maternity.total_days == 218 and plan.maternity.return_to_work == d("2025-10-20")
    assert (lines["paternity"].start, lines["paternity"].end, lines["paternity"].who) == (d("2025-03-10"), d("2025-03-24"), "father")
    assert (lines["lactation"].end, plan.lactation.hours_per_day) == (d("2026-03-09"), 2)
    assert [(lines[f"parenting_{i}"].start, lines[f"parenting_{i}"].end) for i in (1, 2, 3)] == [
        (d("2025-03-10"), d("2026-03-09")),
        (d("2026-03-10"), d("2027-03-09")),
        (d("2027-03-10"), d("2028-03-09")),
    ]
    assert lines["parenting_1"].who == "each_parent"
    assert lines["protected_period"].end == d("2026-03-09")
    assert lines["pregnancy_protection"].start is None  # no due date given
    # every line rests on at least one legal text, not only on project readings
    assert all(any(b.confidence != "interpretation" for b in line.basis) for line in plan.lines)
    text = plan_text(plan, "zh")
    for expected in ("第6条", "第7条", "第9条", "第35条", "第42条", "第45条", "2025-10-17", "2025-03-24", "每个工作日哺乳时间2小时"):
        assert expected in text


def test_lines_are_in_date_order_with_undated_ones_first(nj2025, calendar):
    plan = make_plan(nj2025, PlanCase(birth=d("2025-03-10"), due=d("2025-03-20"), contract_end=d("2025-12-31")), calendar)
    starts = [line.start for line in plan.lines]
    assert None not in starts and starts == sorted(starts)
    lines = by_item(plan)
    # conception = due - 38 weeks = 2025-03-20 - 266 days = 2024-06-27
    assert lines["protected_period"].start == d("2024-06-27")
    assert lines["pregnancy_protection"].start == d("2024-12-26")
    assert lines["pregnancy_protection"].end == d("2025-03-09")
    assert (lines["contract"].start, lines["contract"].end) == (d("2025-12-31"), d("2026-03-09"))


def test_a_due_date_that_puts_conception_after_the_birth_is_an_error(nj2025, calendar):
    from leavecalc.errors import InputError

    with pytest.raises(InputError):
        make_plan(nj2025, PlanCase(birth=d("2025-03-10"), due=d("2026-01-01")), calendar)


def ics_periods(data: bytes):
    cal = icalendar.Calendar.from_ical(data)
    return sorted(
        (str(e.get("uid")), e.decoded("dtstart"), e.decoded("dtend") - timedelta(days=1)) for e in cal.walk("VEVENT")
    )


@settings(max_examples=15, deadline=None)
@given(
    birth=st.dates(d("2025-01-01"), d("2026-12-31")),
    delivery=st.sampled_from(["normal", "cesarean"]),
    babies=st.integers(1, 3),
    due_shift=st.one_of(st.none(), st.integers(-21, 14)),
    lang=st.sampled_from(["zh", "en"]),
)
def test_ics_parses_back_to_the_same_periods(nj2025, calendar, birth, delivery, babies, due_shift, lang):
    due = None if due_shift is None else birth + timedelta(days=due_shift)
    plan = make_plan(nj2025, PlanCase(birth=birth, delivery=delivery, babies=babies, due=due), calendar)
    expected = sorted(
        (f"{plan.birth}-{line.item}-{line.who}@leavecalc", line.start or line.end, line.end)
        for line in plan.lines
        if line.end is not None
    )
    assert ics_periods(plan_ics(plan, STAMP, lang)) == expected
    assert len(expected) >= 7  # maternity, paternity, nursing, 3 parenting years, protected period


def run(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out = capsys.readouterr()
    return e.value.code, out.out, out.err


def test_cli_plan_text_json_and_ics(capsys, tmp_path):
    path = tmp_path / "plan.ics"
    code, out, _ = run(capsys, "plan", "--birth", "2025-03-10", "--delivery", "cesarean", "--babies", "2", "--ics", str(path), "--lang", "zh")
    assert code == 0 and "[父亲] 护理假  2025-03-10 至 2025-03-24" in out and "[母亲] 产假  2025-03-10 至 2025-10-17" in out
    assert any(p[1:] == (d("2025-03-10"), d("2025-10-17")) for p in ics_periods(path.read_bytes()))
    code, out, _ = run(capsys, "plan", "--birth", "2025-03-10", "--json")
    data = json.loads(out)
    assert code == 0 and data["kind"] == "plan" and data["parenting"]["years"][0]["from"] == "2025-03-10"


def test_cli_paternity_and_parenting(capsys):
    code, out, _ = run(capsys, "paternity", "--birth", "2025-09-01", "--start", "2025-09-28", "--json")
    assert code == 0 and json.loads(out)["end"] == "2025-10-16"
    code, out, _ = run(capsys, "paternity", "--birth", "2025-09-01", "--start", "2025-09-28", "--lang", "en")
    assert code == 0 and "Paternity leave" in out and "2025-10-16" in out
    code, out, _ = run(capsys, "parenting", "--birth", "2024-02-29", "--lang", "zh")
    assert code == 0 and "2026-02-28 至 2027-02-27" in out
    code, out, _ = run(capsys, "parenting", "--birth", "2025-03-10", "--start", "2025-09-28", "--json")
    assert code == 0 and json.loads(out)["block"]["end"] == "2025-10-11"


@pytest.mark.parametrize(
    "args, message",
    [
        (("paternity", "--birth", "2025-13-01"), "--birth"),
        (("paternity", "--birth", "2025-03-10", "--mother-start", "2025-03-10"), "mother"),
        (("parenting", "--birth", "2025-03-10", "--days", "3"), "--start"),
        (("plan", "--birth", "2025-03-10", "--due", "2025-03-01", "--conception", "2024-06-01"), "not both"),
        (("plan", "--birth", "2025-03-10", "--babies", "0"), "--babies"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_policies_show_lists_the_family_numbers(capsys):
    code, out, _ = run(capsys, "policies", "show", "nanjing_2025")
    assert code == 0
    assert "paternity (护理假): 15 days" in out and "10 days a year for each parent" in out
    assert "protections from 7 months" in out and "1 hour(s) a working day" in out and "within 1 year(s)" in out
