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


# ---------------------------------------------------------------- shapes_b.toml: months, child order, paternity

SHAPES_B = Path(__file__).parent / "data" / "layers" / "shapes_b.toml"


@pytest.fixture(scope="module")
def shapes_b():
    from leavecalc.policy import bundled_policies

    return bundled_policies().with_layer_file(SHAPES_B).in_force("shapesb", BIRTH)


def parts_b(shapes_b, calendar, **given):
    r = maternity_leave(shapes_b, MaternityCase(birth=BIRTH, **given), calendar)
    return r, [(p.item, p.days, p.start, p.end) for p in r.segments[1].parts]


def test_third_child_consent_and_a_month_of_breastfeeding(shapes_b, calendar):
    r, parts = parts_b(shapes_b, calendar, child_order=3, conditions=["employer_approval", "exclusive_breastfeeding"])
    # National 98 from 2025-03-10 -> 06-15. Local from 06-16: base 60 -> 08-14; consent 30 -> 09-13;
    # one calendar month from 09-14 -> 10-14, so the last day is 10-13: Sep 14-30 (17) + Oct 1-13 (13) = 30.
    assert parts == [
        ("base", 60, date(2025, 6, 16), date(2025, 8, 14)),
        ("condition:employer_approval", 30, date(2025, 8, 15), date(2025, 9, 13)),
        ("condition:exclusive_breastfeeding", 30, date(2025, 9, 14), date(2025, 10, 13)),
    ]
    assert r.total_days == 98 + 120 and r.end == date(2025, 10, 13)
    assert [b.days for b in r.segments[1].basis if b.item == "condition:exclusive_breastfeeding"] == [30]


def test_a_month_is_counted_from_its_own_first_day(shapes_b, calendar):
    _, parts = parts_b(shapes_b, calendar, child_order=1, conditions=["exclusive_breastfeeding"])
    # Base 60 -> 08-14; the month from 08-15 -> 09-15, last day 09-14: Aug 15-31 (17) + Sep 1-14 (14) = 31.
    assert parts[-1] == ("condition:exclusive_breastfeeding", 31, date(2025, 8, 15), date(2025, 9, 14))


def test_an_extra_from_the_third_child_does_not_apply_to_the_second(shapes_b, calendar):
    r, parts = parts_b(shapes_b, calendar, child_order=2, conditions=["employer_approval"])
    assert [p[:2] for p in parts] == [("base", 60)]
    assert not [w for w in r.warnings if w.code == "condition_unknown"]


def test_unknown_order_or_condition_is_warned_in_days_and_months(shapes_b, calendar):
    r, parts = parts_b(shapes_b, calendar, conditions=["employer_approval"])  # consent, but which child?
    assert [p[:2] for p in parts] == [("base", 60)]
    assert [w.zh for w in r.warnings if w.code == "condition_unknown"] == [
        "生育第3个及以后子女、符合“三孩经单位同意”条件的，可另享受30天；未说明是否符合，本结果未计入。"
    ]
    r, _ = parts_b(shapes_b, calendar)
    assert any("可另享受1个月" in w.zh for w in r.warnings if w.code == "condition_unknown")


def paternity_b(shapes_b, calendar, **given):
    return paternity_leave(shapes_b, PaternityCase(birth=BIRTH, **given), calendar)


def test_paternity_by_child_order_and_living_apart(shapes_b, calendar):
    # Third child 25, living apart +5 = 30 calendar days from 2025-03-10 -> 04-08.
    r = paternity_b(shapes_b, calendar, child_order=3, conditions=["living_apart"])
    assert (r.total_days, r.end) == (30, date(2025, 4, 8))
    assert [(b.item, b.days) for b in r.segments[0].basis[:2]] == [("base", 25), ("condition:living_apart", 5)]
    first = paternity_b(shapes_b, calendar, child_order=1, conditions=[])
    assert first.total_days == 15 and not [w for w in first.warnings if w.code.endswith("_unknown")]


def test_paternity_not_told_gives_the_minimum_with_warnings(shapes_b, calendar):
    r = paternity_b(shapes_b, calendar)
    assert r.total_days == 15
    assert {w.code for w in r.warnings} >= {"child_order_unknown", "condition_unknown"}


def test_no_parenting_leave_is_one_clear_error_and_the_plan_leaves_it_out(shapes_b, calendar):
    from leavecalc import ParentingCase, PlanCase, make_plan, parenting_leave

    with pytest.raises(InputError, match="no parenting leave"):
        parenting_leave(shapes_b, ParentingCase(birth=BIRTH), calendar)
    p = make_plan(shapes_b, PlanCase(birth=BIRTH), calendar)
    assert p.parenting is None and not [line for line in p.lines if line.item.startswith("parenting")]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('{ condition = "other", days = 3, months = 1, label = "x", label_en = "x", basis = "s" }', "give days or months"),
        ('{ condition = "other", label = "x", label_en = "x", basis = "s" }', "give days or months"),
        ('{ condition = "other", months = 11, label = "x", label_en = "x", basis = "s" }', "less than or equal to 10"),
        ('{ condition = "other", days = 3, min_child_order = 1, label = "x", label_en = "x", basis = "s" }', "greater than or equal to 2"),
    ],
)
def test_conditional_shapes_are_validated(tmp_path, extra, message):
    from leavecalc.errors import PolicyError
    from leavecalc.policy import bundled_policies

    text = SHAPES_B.read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('conditional = [{ condition = "living_apart"', f"conditional = [{extra}, {{ condition = \"living_apart\""), encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        bundled_policies().with_layer_file(bad).in_force("shapesb", BIRTH)


def test_months_need_calendar_counting_and_paternity_takes_days(tmp_path):
    from leavecalc.errors import PolicyError
    from leavecalc.policy import bundled_policies

    text = SHAPES_B.read_text(encoding="utf-8")
    skip = tmp_path / "skip.toml"
    skip.write_text(text.replace('counting = { rule = "calendar", basis = "s" }\nbase', 'counting = { rule = "skip_statutory", basis = "s" }\nbase'), encoding="utf-8")
    with pytest.raises(PolicyError, match="need counting calendar"):
        bundled_policies().with_layer_file(skip).in_force("shapesb", BIRTH)
    months = tmp_path / "months.toml"
    months.write_text(text.replace('condition = "living_apart", days = 5', 'condition = "living_apart", months = 1'), encoding="utf-8")
    with pytest.raises(PolicyError, match="given in days"):
        bundled_policies().with_layer_file(months).in_force("shapesb", BIRTH)


def test_a_range_grants_its_least_and_says_what_more(tmp_path, calendar):
    # Beijing-style "+1 to 3 months with the employer's agreement": the breastfeeding month as 1 to 3.
    from leavecalc.policy import bundled_policies

    ranged = tmp_path / "ranged.toml"
    ranged.write_text(SHAPES_B.read_text(encoding="utf-8").replace("months = 1,", "months = 1, up_to = 3,"), encoding="utf-8")
    policy = bundled_policies().with_layer_file(ranged).in_force("shapesb", BIRTH)
    r, parts = parts_b(policy, calendar, child_order=1, conditions=["exclusive_breastfeeding"])
    # The least, one month from 08-15: 31 days, as without the range.
    assert parts[-1][:2] == ("condition:exclusive_breastfeeding", 31)
    assert [w.zh for w in r.warnings if w.code == "condition_range"] == [
        "“纯母乳喂养”可增加1至3个月：本结果按最少的1个月计算；单位同意更多的，以实际为准。"
    ]
    r, _ = parts_b(policy, calendar, child_order=1)
    assert any("可另享受1至3个月" in w.zh for w in r.warnings if w.code == "condition_unknown")


def test_a_range_must_go_up(tmp_path):
    from leavecalc.errors import PolicyError
    from leavecalc.policy import bundled_policies

    bad = tmp_path / "down.toml"
    bad.write_text(SHAPES_B.read_text(encoding="utf-8").replace("months = 1,", "months = 1, up_to = 1,"), encoding="utf-8")
    with pytest.raises(PolicyError, match="up_to must be above"):
        bundled_policies().with_layer_file(bad).in_force("shapesb", BIRTH)
