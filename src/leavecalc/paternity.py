"""Paternity leave (护理假): the father's days, to be taken during the mother's maternity leave.

The policy gives the days and how they are counted (Nanjing: 15 days, statutory holidays not
counted). The leave starts on ``start`` (default: the birth). The mother's leave is given or
computed from the birth with :func:`maternity.maternity_leave`; a paternity leave that starts
or ends outside it gets a warning (the employer may refuse to recognise those days).
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import Field, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import counting_basis, finish, make_segment, notes_for, policy_date_warning
from .maternity import MaternityCase, maternity_leave
from .policy import Condition, Delivery, Policy
from .cases import MAX_BABIES, Case, Count, Day, check_engine_args
from .messages import message
from .results import Basis, LeaveResult, Message, cited
from .shapes import by_order_days, conditional_extras


class PaternityCase(Case):
    """A birth, the father's first day of leave (default: the birth) and, optionally, the
    mother's maternity leave (first and last day; default: computed from the birth)."""

    birth: Day
    start: Day | None = None
    delivery: Delivery = "normal"
    babies: Count = Field(default=1, ge=1, le=MAX_BABIES)
    mother_start: Day | None = None
    mother_end: Day | None = None
    # Where the father's days depend on them (docs/policy-format.md): the child's birth order, and
    # the conditions met (e.g. living_apart); None: not told (the minimum, with a warning).
    child_order: Count | None = Field(default=None, ge=1, le=20)
    conditions: list[Condition] | None = None

    @model_validator(mode="after")
    def _mother_leave(self) -> PaternityCase:
        if (self.mother_start is None) != (self.mother_end is None):
            raise InputError.of("error.mother_leave_both_or_neither")
        if self.mother_start and self.mother_end and self.mother_start > self.mother_end:
            raise InputError.of("error.mother_leave_ends_before_start")
        return self


def mother_window(policy: Policy, case: PaternityCase, calendar: Calendar) -> tuple[date, date]:
    """The days paternity leave must fall in: N days from the birth where the policy says so
    (``window_days``), else the mother's maternity leave, as given or computed from the birth."""
    if policy.paternity.window_days is not None:
        return case.birth, case.birth + timedelta(days=policy.paternity.window_days.days - 1)
    if case.mother_start is not None and case.mother_end is not None:
        return case.mother_start, case.mother_end
    leave = maternity_leave(policy, MaternityCase(birth=case.birth, delivery=case.delivery, babies=case.babies), calendar)
    return leave.start, leave.end


def paternity_days(policy: Policy, case: PaternityCase, warnings: list[Message]) -> tuple[int, list[Basis], list[str]]:
    """The father's days (by the child's order, plus extras on a condition), their basis and citation keys."""
    rules = policy.paternity
    order = rules.by_child_order
    base = by_order_days(order, rules.days.days, case.child_order, rules.label, rules.label_en, warnings)
    keys = order.basis if order else rules.days.basis
    basis = cited(policy, "base", keys, base)
    extras = conditional_extras(rules.conditional, case.child_order, case.conditions, warnings)
    for e in extras:
        basis += cited(policy, e.item, e.basis, e.days)
    return base + sum(e.days for e in extras), basis, [*keys, *(k for e in extras for k in e.basis)]


def paternity_leave(policy: Policy, case: PaternityCase, calendar: Calendar) -> LeaveResult:
    """Paternity leave for ``case`` under ``policy``, dates counted on ``calendar``."""
    check_engine_args(policy, (case, PaternityCase, "case"), (calendar, Calendar, "calendar"))
    rules = policy.paternity
    start = case.start or case.birth
    lo, hi = mother_window(policy, case, calendar)
    warnings = policy_date_warning(policy, case.birth, "what.birth")
    days, days_basis, days_keys = paternity_days(policy, case, warnings)
    segment = make_segment(
        calendar,
        name="paternity",
        label=rules.label,
        label_en=rules.label_en,
        start=start,
        days=days,
        counting=rules.counting,
        basis=days_basis
        + cited(policy, "paternity_window", rules.window_basis)
        + counting_basis(policy, rules.counting),
    )
    if rules.window_days is not None and not (lo <= start and segment.end <= hi):
        n = rules.window_days.days
        warnings.append(message("warning.paternity_outside_window", n=n, lo=lo, hi=hi, start=start, end=segment.end))
    elif not lo <= start <= hi:
        warnings.append(message("warning.paternity_outside_maternity", start=start, lo=lo, hi=hi))
    elif segment.end > hi:
        latest = latest_start(policy, calendar, lo, hi, days)
        warnings.append(message("warning.paternity_ends_after_maternity", end=segment.end, hi=hi, latest=latest))
    keys = [*days_keys, *rules.window_basis, *rules.counting.basis, *(rules.window_days.basis if rules.window_days else [])]
    later = rules.later_rule
    if later is not None and segment.end >= later.on:
        warnings.append(message("warning.later_rule_may_apply_paternity", on=later.on))
        keys += later.basis
    return finish(kind="paternity", policy=policy, calendar=calendar, segments=[segment], warnings=warnings, notes=notes_for(policy, keys))


def latest_start(policy: Policy, calendar: Calendar, lo: date, hi: date, days: int | None = None) -> date:
    """The last start from which the whole paternity leave fits in the mother's leave ``lo``..``hi``
    (``lo`` when it cannot fit at all). Ends grow with starts, so a binary search finds it.
    ``days``: the father's days (default: the policy's base days)."""
    rules = policy.paternity
    days = rules.days.days if days is None else days
    a, b = lo.toordinal(), hi.toordinal()
    if calendar.advance(lo, days, rules.counting.rule) > hi:
        return lo
    while a < b:
        mid = (a + b + 1) // 2
        if calendar.advance(date.fromordinal(mid), days, rules.counting.rule) <= hi:
            a = mid
        else:
            b = mid - 1
    return date.fromordinal(a)
