"""Maternity leave (产假): how many days, from when to when, and the day back at work.

The policy lists the segments in order (Nanjing: the national days and national extras,
counted in calendar days, then the local extension, statutory holidays not counted). Each
segment starts the day after the previous one ends. Up to ``max_days_before_birth`` of the
first segment may be taken before the birth (《女职工劳动保护特别规定》 art 7).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from pydantic import Field

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import counting_basis, finish, make_segment, notes_for, policy_date_warning
from .policy import Counting, Delivery, MaternitySegmentRules, Policy
from .cases import MAX_BABIES, Case, Count, Day, check_engine_args
from .results import Basis, Frozen, LeaveResult, Message, Segment, cited


ONE_DAY = timedelta(days=1)


class MaternityCase(Case):
    """A birth. ``start`` is the first day of leave if taken before the birth (default: the birth)."""

    birth: Day
    start: Day | None = None
    delivery: Delivery = "normal"
    babies: Count = Field(default=1, ge=1, le=MAX_BABIES)


class SegmentPlan(NamedTuple):
    """A segment with its days and basis worked out; only its dates remain to be counted."""

    rules: MaternitySegmentRules
    days: int
    basis: list[Basis]
    counting: Counting


def segment_parts(rules: MaternitySegmentRules, difficult: bool, babies: int) -> list[tuple[str, int, list[str]]]:
    """The parts of a segment this birth is granted: (item, days, citation keys)."""
    parts = [("base", rules.base.days, rules.base.basis)]
    if difficult and rules.difficult_birth is not None and rules.difficult_birth.days:
        parts.append(("difficult_birth", rules.difficult_birth.days, rules.difficult_birth.basis))
    if babies > 1 and rules.per_extra_baby is not None and rules.per_extra_baby.days:
        parts.append(("extra_babies", rules.per_extra_baby.days * (babies - 1), rules.per_extra_baby.basis))
    return parts


def maternity_plan(policy: Policy, difficult: bool, babies: int) -> tuple[list[SegmentPlan], list[Message]]:
    """Segments, days, basis and notes for a kind of birth. The same for every birth of that
    kind under the policy, so it is built once and kept in ``policy.memo``."""
    key = ("maternity", difficult, babies)
    if key in policy.memo:
        return policy.memo[key]  # type: ignore[no-any-return]
    rules = policy.maternity
    plans: list[SegmentPlan] = []
    keys = [*rules.order_basis, *rules.max_days_before_birth.basis]
    for seg in rules.segments:
        parts = segment_parts(seg, difficult, babies)
        days = sum(d for _, d, _ in parts)
        if days == 0:
            continue
        basis = [Basis.of(item, d, c) for item, d, ks in parts for c in policy.cite(ks)]
        if any(item == "difficult_birth" for item, _, _ in parts):
            basis += cited(policy, "difficult_delivery", rules.difficult_deliveries_basis)
            keys += rules.difficult_deliveries_basis  # a reading of which births are difficult carries a note
        plans.append(SegmentPlan(seg, days, basis + counting_basis(policy, seg.counting), seg.counting))
        keys += [*seg.counting.basis, *(k for _, _, ks in parts for k in ks)]
    policy.memo[key] = (plans, notes_for(policy, keys))
    return policy.memo[key]  # type: ignore[no-any-return]


def maternity_leave(policy: Policy, case: MaternityCase, calendar: Calendar) -> LeaveResult:
    """Maternity leave for ``case`` under ``policy``, dates counted on ``calendar``."""
    check_engine_args(policy, (case, MaternityCase, "case"), (calendar, Calendar, "calendar"))
    rules = policy.maternity
    birth = case.birth
    warnings: list[Message] = [] if policy.in_force_on(birth) else policy_date_warning(policy, birth, "生育日期", "birth date")
    start = case.start or birth
    if start > birth:
        raise InputError(f"the leave start {start} is after the birth {birth}: leave starts on or before the birth")
    limit = rules.max_days_before_birth.days
    earliest = birth - timedelta(days=limit)
    if start < earliest:
        warnings.append(
            Message(
                code="start_too_early",
                zh=f"产前最多只有{limit}天计入产假：从{earliest}起算。{start}至{earliest - timedelta(days=1)}"
                f"不属于产假，需另行请假（如年休假、病假）。",
                en=f"Only {limit} days before the birth count as maternity leave: the leave is counted from "
                f"{earliest}. {start} to {earliest - timedelta(days=1)} is not maternity leave and needs other "
                f"leave (annual, sick).",
            )
        )
        start = earliest

    plans, notes = maternity_plan(policy, case.delivery in rules.difficult_deliveries, case.babies)
    segments: list[Segment] = []
    cursor = start
    for plan in plans:
        r = plan.rules
        segment = make_segment(calendar, r.name, r.label, r.label_en, cursor, plan.days, plan.counting, plan.basis)
        segments.append(segment)
        cursor = segment.end + ONE_DAY
    return finish(kind="maternity", policy=policy, calendar=calendar, segments=segments, warnings=warnings, notes=notes)
