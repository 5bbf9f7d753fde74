"""Maternity leave (产假): how many days, from when to when, and the day back at work.

The policy lists the segments in order (Nanjing: the national days and national extras,
counted in calendar days, then the local extension, statutory holidays not counted). Each
segment starts the day after the previous one ends. Up to ``max_days_before_birth`` of the
first segment may be taken before the birth (《女职工劳动保护特别规定》 art 7).

A segment is made of parts (base, difficult_birth, extra_babies, employer, condition:<code>),
each a rule shape of the policy (docs/policy-format.md). A shape that needs something the case
does not say (the child's birth order, a condition, the employer's chosen total) grants the
legal minimum and warns what more she may get and on what condition: never a silent guess.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta
from datetime import date, timedelta
from typing import NamedTuple

from pydantic import Field

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import ONE_DAY, counting_basis, finish, make_segment, notes_for, policy_date_warning
from .cases import MAX_BABIES, Case, Count, Day, check_engine_args
from .policy import Condition, Counting, Delivery, MaternityRules, MaternitySegmentRules, Policy
from .messages import message, pair
from .results import Basis, LeaveResult, Message, Segment, cited
from .shapes import by_order_days, conditional_extras




class MaternityCase(Case):
    """A birth. ``start`` is the first day of leave if taken before the birth (default: the birth).

    ``child_order`` (1 for her first child), ``conditions`` (those met; None: not told) and
    ``employer_days`` (the total days the employer set, where the law lets it choose) matter only
    where the policy has such a rule."""

    birth: Day
    start: Day | None = None
    delivery: Delivery = "normal"
    babies: Count = Field(default=1, ge=1, le=MAX_BABIES)
    child_order: Count | None = Field(default=None, ge=1, le=20)
    conditions: list[Condition] | None = None
    employer_days: Count | None = Field(default=None, ge=1, le=3650)


class SegmentPlan(NamedTuple):
    """A segment with its days and basis worked out; only its dates remain to be counted."""

    rules: MaternitySegmentRules
    parts: list[tuple[str, int, list[str]]]
    days: int
    basis: list[Basis]
    counting: Counting
    months: bool  # a part is given in calendar months, so the days depend on the start


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day if it is shorter), as parenting and
    protection count months."""
    moved: date = day + relativedelta(months=months)
    return moved


def _base(rules: MaternitySegmentRules, case: MaternityCase, warnings: list[Message]) -> int:
    return by_order_days(rules.by_child_order, rules.base.days, case.child_order, rules.label, rules.label_en, warnings)


def segment_parts(
    policy: Policy, rules: MaternitySegmentRules, case: MaternityCase, warnings: list[Message]
) -> list[tuple[str, int, list[str]]]:
    """The parts of a segment this birth is granted: (item, days, citation keys). Months are
    added when the segment's dates are counted."""
    m = policy.maternity
    base_keys = rules.by_child_order.basis if rules.by_child_order else rules.base.basis
    parts = [("base", _base(rules, case, warnings), base_keys)]
    d = rules.difficult_birth
    if d is not None and d.days and case.delivery in (d.deliveries or m.difficult_deliveries):
        parts.append(("difficult_birth", d.days, d.basis))
    if case.babies > 1 and rules.per_extra_baby is not None and rules.per_extra_baby.days:
        parts.append(("extra_babies", rules.per_extra_baby.days * (case.babies - 1), rules.per_extra_baby.basis))
    r = m.employer_range
    if r is not None and r.segment == rules.name:
        parts += _employer_part(r.min_total, r.max_total, r.basis, case, warnings)
    # A conditional extra in months has 0 days here: _counted_parts() counts its months.
    parts += [(e.item, e.days, e.basis) for e in conditional_extras(rules.conditional, case.child_order, case.conditions, warnings)]
    return [p for p in parts if p[1] or p[0] == "base" or _months(rules, p[0])]


def _employer_part(
    low: int, high: int, keys: list[str], case: MaternityCase, warnings: list[Message]
) -> list[tuple[str, int, list[str]]]:
    if case.employer_days is None:
        warnings.append(message("warning.employer_days_unknown", low=low, high=high))
        return []
    if not low <= case.employer_days <= high:
        raise InputError.of("error.employer_days_outside", days=case.employer_days, low=low, high=high)
    return [("employer", case.employer_days - low, keys)]


def maternity_plan(policy: Policy, case: MaternityCase) -> tuple[list[SegmentPlan], list[Message], list[Message]]:
    """Segments, days, basis, notes and warnings for a kind of birth. The same for every birth of
    that kind under the policy, so it is built once and kept in ``policy.memo``."""
    conditions = None if case.conditions is None else tuple(sorted(case.conditions))
    key = ("maternity", case.delivery, case.babies, case.child_order, conditions, case.employer_days)
    if key in policy.memo:
        return policy.memo[key]  # type: ignore[no-any-return]
    rules = policy.maternity
    plans: list[SegmentPlan] = []
    warnings: list[Message] = []
    keys = [*rules.order_basis, *rules.max_days_before_birth.basis]
    for seg in rules.segments:
        parts = segment_parts(policy, seg, case, warnings)
        days = sum(d for _, d, _ in parts)
        if days == 0 and not any(_months(seg, item) for item, _, _ in parts):
            continue
        basis = [Basis.of(item, d, c) for item, d, ks in parts for c in policy.cite(ks)]
        if any(item == "difficult_birth" for item, _, _ in parts):
            basis += cited(policy, "difficult_delivery", rules.difficult_deliveries_basis)
            keys += rules.difficult_deliveries_basis  # a reading of which births are difficult carries a note
        months = seg.base_months is not None or any(c.months for c in seg.conditional)
        plans.append(SegmentPlan(seg, parts, days, basis + counting_basis(policy, seg.counting), seg.counting, months))
        keys += [*seg.counting.basis, *(k for _, _, ks in parts for k in ks)]
    if case.delivery != "normal" and case.delivery not in rules.difficult_deliveries:
        # A caesarean or assisted birth the region does not count as 难产 by itself: say so, with the
        # reading behind it, rather than answer 15 days short in silence (review of issue 12).
        delivery = pair("delivery.cesarean" if case.delivery == "cesarean" else "delivery.assisted")
        warnings.append(message("warning.difficult_not_counted", delivery=delivery))
        keys += rules.difficult_deliveries_basis
    if case.babies > 1 and rules.multiple_manual:
        warnings += [Message(code="multiple_birth_manual", zh=n.zh, en=n.en) for n in notes_for(policy, rules.multiple_manual)]
    policy.memo[key] = (plans, notes_for(policy, keys), warnings)
    return policy.memo[key]  # type: ignore[no-any-return]


def _earliest_start(rules: MaternityRules, case: MaternityCase, warnings: list[Message]) -> date:
    birth = case.birth
    start = case.start or birth
    if start > birth:
        raise InputError.of("error.start_after_birth", start=start, birth=birth)
    if rules.anchored_to_birth is not None and rules.anchored_to_birth.value:
        if start < birth:
            warnings.append(message("warning.leave_from_birth", start=start, last=birth - ONE_DAY))
        return birth
    limit = rules.max_days_before_birth.days
    earliest = birth - ONE_DAY * limit
    if start < earliest:
        warnings.append(message("warning.start_too_early", limit=limit, earliest=earliest, start=start, last=earliest - ONE_DAY))
        return earliest
    return start


def _months(rules: MaternitySegmentRules, item: str) -> int:
    """The calendar months a part of the segment adds on top of its days (0 for most)."""
    if item == "base":
        return rules.base_months.value if rules.base_months else 0
    return next((c.months or 0 for c in rules.conditional if item == f"condition:{c.condition}"), 0)


def _counted_parts(calendar: Calendar, plan: SegmentPlan, start: date) -> tuple[list[tuple[str, int, list[str]]], int]:
    """The plan's parts with any months turned into the days they span from the part's first day
    (months are calendar months: the segment counts calendar days, so a part starts ``offset`` days on)."""
    if not plan.months:
        return plan.parts, plan.days
    parts, offset = [], 0
    for item, d, ks in plan.parts:
        first = start + timedelta(days=offset)
        extra = (add_months(first, _months(plan.rules, item)) - first).days
        parts.append((item, d + extra, ks))
        offset += d + extra
    return parts, offset


def _counted_basis(basis: list[Basis], parts: list[tuple[str, int, list[str]]]) -> list[Basis]:
    """The basis lines with the days a part of months spans from this leave's start."""
    counted = {item: d for item, d, _ in parts}
    return [b.model_copy(update={"days": counted.get(b.item, b.days)}) for b in basis]


def maternity_leave(policy: Policy, case: MaternityCase, calendar: Calendar) -> LeaveResult:
    """Maternity leave for ``case`` under ``policy``, dates counted on ``calendar``."""
    check_engine_args(policy, (case, MaternityCase, "case"), (calendar, Calendar, "calendar"))
    rules = policy.maternity
    warnings: list[Message] = policy_date_warning(policy, case.birth, "what.birth")
    start = _earliest_start(rules, case, warnings)
    plans, notes, needs = maternity_plan(policy, case)
    warnings += needs
    segments: list[Segment] = []
    cursor = start
    for plan in plans:
        r = plan.rules
        parts, days = _counted_parts(calendar, plan, cursor)
        basis = plan.basis if days == plan.days else _counted_basis(plan.basis, parts)
        segment = make_segment(calendar, r.name, r.label, r.label_en, cursor, days, plan.counting, basis, parts)
        segments.append(segment)
        cursor = segment.end + ONE_DAY
    later = rules.later_rule
    if later is not None and segments[-1].end >= later.on:
        warnings.append(message("warning.later_rule_may_apply", on=later.on))
    return finish(kind="maternity", policy=policy, calendar=calendar, segments=segments, warnings=warnings, notes=notes)
