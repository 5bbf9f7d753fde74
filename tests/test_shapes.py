"""Rule shapes other provinces need, on a test layer (tests/data/layers/shapes.toml, not the law).
Each expected value is worked out by hand from that file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leavecalc import MaternityCase, PaternityCase, maternity_leave, paternity_leave
from leavecalc.errors import InputError

SHAPES = Path(__file__).parent / "data" / "layers" / "shapes.toml"
BIRTH = date(2025, 3, 10)


@pytest.fixture(scope="module")
def shapes():
    from leavecalc.policy import bundled_policies

    return bundled_policies().with_layer_file(SHAPES).in_force("形状省", BIRTH)


def leave(shapes, calendar, **given):
    return maternity_leave(shapes, MaternityCase(birth=BIRTH, **given), calendar)


def test_unknown_inputs_give_the_minimum_and_say_what_more(shapes, calendar):
    r = leave(shapes, calendar)
    # national 98; local: first-child 60 (the least of 60/90), no condition, employer minimum;
    # months: 1 month from the day after the local segment.
    assert [p.days for p in r.segments[1].parts] == [60]
    assert {w.code for w in r.warnings} >= {"child_order_unknown", "condition_unknown", "employer_days_unknown"}


def test_child_order_condition_and_employer_days(shapes, calendar):
    r = leave(shapes, calendar, child_order=3, conditions=["exclusive_breastfeeding"], employer_days=195)
    # base 90 (the last entry serves the 3rd child), employer 195 - 188 = 7, breastfeeding 30.
    assert [(p.item, p.days) for p in r.segments[1].parts] == [("base", 90), ("employer", 7), ("condition:exclusive_breastfeeding", 30)]
    assert not {w.code for w in r.warnings} & {"child_order_unknown", "condition_unknown", "employer_days_unknown"}


def test_told_no_condition_means_no_warning(shapes, calendar):
    r = leave(shapes, calendar, child_order=1, conditions=[], employer_days=188)
    # employer_days at the minimum adds nothing (a part of 0 days is left out).
    assert [(p.item, p.days) for p in r.segments[1].parts] == [("base", 60)]
    assert not [w for w in r.warnings if w.code.endswith("_unknown")]


def test_employer_days_outside_the_range_is_an_input_error(shapes, calendar):
    with pytest.raises(InputError, match="188 to 200"):
        leave(shapes, calendar, employer_days=201)


def test_difficult_days_only_for_the_named_delivery(shapes, calendar):
    cesarean = leave(shapes, calendar, delivery="cesarean", child_order=1, conditions=[], employer_days=188)
    assisted = leave(shapes, calendar, delivery="assisted", child_order=1, conditions=[], employer_days=188)
    # national +15 for both (difficult); the local +15 only for the caesarean.
    assert [p.days for p in cesarean.segments[1].parts] == [60, 15]
    assert [p.days for p in assisted.segments[1].parts] == [60]
    assert assisted.segments[0].days == 113


def test_months_are_calendar_months_from_the_segment_start(shapes, calendar):
    r = leave(shapes, calendar, child_order=1, conditions=[], employer_days=188)
    # national 98 from 03-10 -> 06-15; local 60 from 06-16 -> 08-14; one month from 08-15 -> 09-14
    # (08-15 + 1 month = 09-15, so 31 days: 08-15..09-14).
    months = r.segments[2]
    assert (months.start, months.end, months.days) == (date(2025, 8, 15), date(2025, 9, 14), 31)


def test_multiple_birth_left_to_agreement_warns(shapes, calendar):
    r = leave(shapes, calendar, babies=2, child_order=1, conditions=[], employer_days=188)
    assert "multiple_birth_manual" in {w.code for w in r.warnings}


def test_paternity_window_of_days_after_the_birth(shapes, calendar):
    inside = paternity_leave(shapes, PaternityCase(birth=BIRTH, start=date(2025, 3, 20)), calendar)
    late = paternity_leave(shapes, PaternityCase(birth=BIRTH, start=date(2025, 4, 5)), calendar)
    # window 30 days: 03-10..04-08. From 03-20, 10 days end 03-29 (inside); from 04-05 they end 04-14.
    assert inside.end == date(2025, 3, 29) and not [w for w in inside.warnings if w.code.startswith("paternity_")]
    assert late.end == date(2025, 4, 14) and "paternity_outside_window" in {w.code for w in late.warnings}


def test_whole_leave_skipping_and_difficult_replace_change_the_national_segment(tmp_path, calendar):
    # A province whose WHOLE leave skips statutory holidays and whose difficult birth gives 30
    # instead of the national 15: both are changes of the national segment, merged by name.
    from leavecalc.policy import bundled_policies

    text = SHAPES.read_text(encoding="utf-8") + """
[[periods.rules.maternity.segments]]
name = "national"
counting = { rule = "skip_statutory", basis = "s" }
difficult_birth = { days = 30, basis = "s" }
"""
    path = tmp_path / "whole.toml"
    path.write_text(text, encoding="utf-8")
    policy = bundled_policies().with_layer_file(path).in_force("shapes", BIRTH)
    r = maternity_leave(policy, MaternityCase(birth=BIRTH, delivery="cesarean", child_order=1, conditions=[], employer_days=188), calendar)
    national = r.segments[0]
    # 98 + 30 = 128 counted days from 03-10 (calendar: 03-10..07-15), plus the statutory days
    # inside: 清明 04-04, 劳动节 05-01 and 05-02, 端午 05-31 = 4 -> 07-19.
    assert (national.days, national.counting, national.end) == (128, "skip_statutory", date(2025, 7, 19))
    assert [(p.item, p.days) for p in national.parts] == [("base", 98), ("difficult_birth", 30)]
