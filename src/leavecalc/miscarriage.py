"""Miscarriage and termination leave (流产假): days by the month of pregnancy, calendar days.

The policy gives tiers of days by completed months of pregnancy (Jiangsu: 江苏省政府令第122号
art 12) and how many weeks make a month (obstetric months). The leave starts on the day of the
event.
"""

from __future__ import annotations

from fractions import Fraction

from pydantic import Field, field_validator, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import counting_basis, finish, make_segment, notes_for, policy_date_warning
from .messages import pair
from .policy import Policy
from .cases import Case, Count, Day, check_engine_args
from .results import LeaveResult, cited


class MiscarriageCase(Case):
    """A miscarriage or termination on ``date`` after ``weeks`` or ``months`` of pregnancy (one of them)."""

    date: Day
    # At least 1 week (checked below, with a plain message); the longest pregnancy is the
    # policy's (protection.pregnancy.longest_weeks), checked by miscarriage_leave.
    weeks: Count | None = None
    # 0 completed months is meaningful (under 1 month: weeks 1-3), so months may be 0.
    months: Count | None = Field(default=None, ge=0)

    @field_validator("weeks")
    @classmethod
    def _at_least_a_week(cls, weeks: int | None) -> int | None:
        if weeks is not None and weeks < 1:
            raise InputError.of("error.weeks_zero", weeks=weeks)
        return weeks

    @model_validator(mode="after")
    def _one_gestation(self) -> MiscarriageCase:
        if (self.weeks is None) == (self.months is None):
            raise InputError.of("error.weeks_or_months")
        return self


def miscarriage_leave(policy: Policy, case: MiscarriageCase, calendar: Calendar) -> LeaveResult:
    """Miscarriage or termination leave for ``case`` under ``policy``."""
    check_engine_args(policy, (case, MiscarriageCase, "case"), (calendar, Calendar, "calendar"))
    rules = policy.miscarriage
    if case.months is not None:
        months = Fraction(case.months)
        keys: list[str] = []
    else:
        assert case.weeks is not None
        months = Fraction(case.weeks, rules.weeks_per_month.value)
        keys = list(rules.weeks_per_month.basis)
    longest = policy.protection.pregnancy.longest_weeks.value
    if months * rules.weeks_per_month.value > longest:
        given = pair("error.given_weeks", n=case.weeks) if case.weeks is not None else pair("error.given_months", n=case.months)
        raise InputError.of("error.longer_than_pregnancy", given=given, longest=longest)
    # Tiers ascend from month 0 (checked on load), so one always applies.
    tier = [t for t in rules.tiers if t.from_months <= months][-1]
    basis = cited(policy, "tier", tier.basis, tier.days)
    # A province's own tiers: cite the national floor they rest on too (not twice where a tier is national).
    basis += cited(policy, "national_floor", [k for k in rules.national_floor_basis if k not in tier.basis])
    basis += cited(policy, "weeks_per_month", keys, rules.weeks_per_month.value)
    segment = make_segment(
        calendar,
        name="miscarriage",
        label=tier.label,
        label_en=tier.label_en,
        start=case.date,
        days=tier.days,
        counting=rules.counting,
        basis=basis + counting_basis(policy, rules.counting),
    )
    return finish(
        kind="miscarriage",
        policy=policy,
        calendar=calendar,
        segments=[segment],
        warnings=policy_date_warning(policy, case.date, "what.miscarriage"),
        notes=notes_for(policy, [*tier.basis, *keys, *rules.counting.basis]),
    )
