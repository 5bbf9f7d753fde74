"""Parenting leave (育儿假): each parent's days a year until the child reaches the age limit.

The policy gives the days a year, the age limit, what "a year" is (``child_age_year``: birth
to the 1st birthday, to the 2nd, ...; or ``calendar_year``: every calendar year in which the
child is under the limit for at least a day), how the days are counted and whether several
young children multiply the days. Birthdays come from ``dateutil.relativedelta``, so a child
born on 29 February has its birthday on 28 February in common years.

With a ``start``, the result also holds the block of leave taken from that day (the days of
the year it falls in, or fewer) with its last day and the day back at work.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from pydantic import ConfigDict, Field, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import counting_basis, finish, make_segment, notes_for, policy_date_warning, review_notes, review_warnings
from .policy import AgeLimit, ParentingRules, Policy
from .cases import Case, Count, Day, check_engine_args
from .messages import Pair, message
from .results import Segment, Basis, Frozen, LeaveResult, Message, cited


class ParentingCase(Case):
    """A child's birth; optionally a block of leave from ``start`` (``days``: default the year's
    days) and the births of the parent's other children (to apply the no-multiplying rule)."""

    birth: Day
    start: Day | None = None
    days: Count | None = Field(default=None, ge=1)
    other_births: list[Day] = Field(default_factory=list)

    @model_validator(mode="after")
    def _days_need_start(self) -> ParentingCase:
        if self.days is not None and self.start is None:
            raise InputError.of("error.block_needs_start")
        return self


class Period(Frozen):
    """A span of days, both ends included. Serialised as ``from`` and ``to``."""

    model_config = ConfigDict(frozen=True, extra="forbid", serialize_by_alias=True, validate_by_name=True)

    from_: date = Field(alias="from")
    to: date


class ParentingYear(Period):
    """One year of entitlement: ``days`` for each parent between ``from`` and ``to``."""

    days: int


class ParentingResult(Frozen):
    """Each parent's parenting leave for one child: the years, their days and an optional block."""

    kind: str = "parenting"
    policy: str
    birth: date
    last_day: date  # last day on which the child is under the age limit
    year_rule: str
    counting: str
    per_parent: bool = True  # the days are for each parent (both may take them)
    years: list[ParentingYear]
    total_days: int
    shared_with_other_children: list[Period]
    block: LeaveResult | None
    provisional: bool
    basis: list[Basis]
    warnings: list[Message]
    notes: list[Message]


def birthday(birth: date, years: int) -> date:
    """The ``years``-th birthday (29 February falls on 28 February in a common year)."""
    day: date = birth + relativedelta(years=years)
    return day


def parenting_rules(policy: Policy) -> ParentingRules:
    """The policy's parenting leave; one clear error where the region has none known."""
    if policy.parenting is None:
        raise InputError.of("error.no_parenting_leave", title=Pair(policy.title, policy.title_en))
    return policy.parenting


def last_day(birth: date, limit: AgeLimit) -> date:
    """The last day a period lasting until the ``limit.years``-th birthday covers."""
    day = birthday(birth, limit.years)
    return day if limit.last_day == "birthday" else day - timedelta(days=1)


def windows(policy: Policy, birth: date) -> list[ParentingYear]:
    """The years of entitlement of a child born on ``birth``: contiguous, from the birth to
    the last day under the age limit, ``days_per_year`` each."""
    rules = parenting_rules(policy)
    days = rules.days_per_year.days
    end = last_day(birth, rules.until)
    if rules.year.rule == "child_age_year":
        starts = [birthday(birth, n) for n in range(rules.until.years)]
    else:
        starts = [birth, *(date(y, 1, 1) for y in range(birth.year + 1, end.year + 1))]
    ends = [s - timedelta(days=1) for s in starts[1:]] + [end]
    return [ParentingYear(from_=a, to=b, days=days) for a, b in zip(starts, ends)]


def overlaps(birth: date, end: date, other_births: list[date], limit: AgeLimit) -> list[Period]:
    """The spans in which another child is also under the age limit, in date order."""
    spans = []
    for other in sorted(other_births):
        a, b = max(birth, other), min(end, last_day(other, limit))
        if a <= b:
            spans.append(Period(from_=a, to=b))
    return spans


def parenting_leave(policy: Policy, case: ParentingCase, calendar: Calendar) -> ParentingResult:
    """Each parent's parenting leave for the child of ``case`` under ``policy``."""
    check_engine_args(policy, (case, ParentingCase, "case"), (calendar, Calendar, "calendar"))
    rules = parenting_rules(policy)
    years = windows(policy, case.birth)
    end = years[-1].to
    keys = [*rules.days_per_year.basis, *rules.until.basis, *rules.year.basis, *rules.counting.basis]
    basis = cited(policy, "parenting_days_per_year", rules.days_per_year.basis, rules.days_per_year.days)
    basis += cited(policy, "age_limit", rules.until.basis, rules.until.years)
    basis += cited(policy, f"year:{rules.year.rule}", rules.year.basis)
    basis += counting_basis(policy, rules.counting)
    warnings = policy_date_warning(policy, case.birth, "what.birth")

    shared = overlaps(case.birth, end, [b for b in case.other_births if b != case.birth], rules.until)
    if shared:
        keys += rules.per_child.basis
        basis += cited(policy, "per_child", rules.per_child.basis)
        if not rules.per_child.value:
            spans = Pair("、".join(f"{p.from_} 至 {p.to}" for p in shared), ", ".join(f"{p.from_} to {p.to}" for p in shared))
            warnings.append(
                message("warning.parenting_not_per_child", spans=spans, years=rules.until.years, days=rules.days_per_year.days)
            )

    block = None
    if case.start is not None:
        block, more = parenting_block(policy, case, years, calendar)
        warnings += more
    provisional = block is not None and block.provisional
    return ParentingResult(
        policy=policy.id,
        birth=case.birth,
        last_day=end,
        year_rule=rules.year.rule,
        counting=rules.counting.rule,
        years=years,
        total_days=sum(y.days for y in years),
        shared_with_other_children=shared,
        block=block,
        provisional=provisional,
        basis=basis,
        warnings=[*warnings, *review_warnings(policy)],
        notes=[*notes_for(policy, keys), *review_notes(policy)],
    )


def parenting_block(
    policy: Policy, case: ParentingCase, years: list[ParentingYear], calendar: Calendar
) -> tuple[LeaveResult, list[Message]]:
    """A block of parenting leave from ``case.start``, and warnings about where it falls."""
    assert case.start is not None
    rules = parenting_rules(policy)
    start, end = case.start, years[-1].to
    year = next((y for y in years if y.from_ <= start <= y.to), None)
    available = year.days if year else rules.days_per_year.days
    days = case.days or available
    warnings: list[Message] = []
    if year is None:
        warnings.append(message("warning.parenting_outside_period", start=start, first=years[0].from_, end=end, years=rules.until.years))
    elif days > available:
        warnings.append(message("warning.parenting_more_than_year", days=days, start=year.from_, end=year.to, available=available))
    basis = cited(policy, "parenting_days_per_year", rules.days_per_year.basis, rules.days_per_year.days)
    basis += counting_basis(policy, rules.counting)

    def block_of(n: int) -> Segment:
        return make_segment(calendar, name="parenting", label=rules.label, label_en=rules.label_en, start=start, days=n,
                            counting=rules.counting, basis=basis)

    segment = block_of(days)
    if year is not None and segment.end > end:
        # Only the days up to the age limit are parenting leave: the block shows those alone.
        asked = days
        while days > 1 and segment.end > end:
            days -= 1
            segment = block_of(days)
        warnings.append(message("warning.parenting_past_age_limit", asked=asked, days=days, years=rules.until.years, end=end))
    if year is not None and year.to < segment.end <= end:
        warnings.append(message("warning.parenting_crosses_year", end=segment.end, year_end=year.to))
    keys = [*rules.days_per_year.basis, *rules.counting.basis]
    block = finish(kind="parenting", policy=policy, calendar=calendar, segments=[segment], warnings=[], notes=notes_for(policy, keys))
    return block, warnings
