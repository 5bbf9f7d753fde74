"""Parenting leave (育儿假): each parent's days a year until the child reaches the age limit.

The policy gives the days a year, the age limit, what "a year" is (``child_age_year``: birth
to the 1st birthday, to the 2nd, ...; or ``calendar_year``: every calendar year in which the
child is under the limit for at least a day), how the days are counted and whether several
young children multiply the days. Birthdays come from ``dateutil.relativedelta``, so a child
born on 29 February has its birthday on 28 February in common years.

With a ``start``, the result also holds the block of leave taken from that day (the days of
the year it falls in, or fewer) with its last day and the day back at work.

The rules can change while a child is under the age limit (Guangxi and Xinjiang had no
parenting leave before 2022-03-24 and 2021-12-01; Nanjing's 2025 ordinance replaced the 2023
citation). Given the other ``periods`` of the jurisdiction, each year follows the rules in
force on its last day (the year's days are the days of that year's rules, 0 where none was in
force), and a block follows the rules in force on its first day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from pydantic import ConfigDict, Field, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import counting_basis, finish, make_segment, notes_for, policy_date_warning, review_notes, review_warnings
from .policy import AgeLimit, ParentingRules, Policy
from .cases import Case, Count, Day, check_engine_args
from .messages import Pair, message, pair
from .results import Segment, Basis, Frozen, LeaveResult, Message, cited, unique


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
    """One year of entitlement: ``days`` for each parent between ``from`` and ``to``, under the
    rules of ``policy`` (the policy in force on the year's last day)."""

    days: int
    policy: str


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
        raise _none_known(policy)
    return policy.parenting


def _none_known(policy: Policy) -> InputError:
    return InputError.of("error.no_parenting_leave", title=Pair(policy.title, policy.title_en))


def last_day(birth: date, limit: AgeLimit) -> date:
    """The last day a period lasting until the ``limit.years``-th birthday covers."""
    day = birthday(birth, limit.years)
    return day if limit.last_day == "birthday" else day - timedelta(days=1)


def spans(policy: Policy, birth: date) -> list[tuple[date, date]]:
    """(first, last day) of each year of entitlement, as ``policy``'s rules cut them."""
    rules = parenting_rules(policy)
    end = last_day(birth, rules.until)
    if rules.year.rule == "child_age_year":
        starts = [birthday(birth, n) for n in range(rules.until.years)]
    else:
        starts = [birth, *(date(y, 1, 1) for y in range(birth.year + 1, end.year + 1))]
    ends = [s - timedelta(days=1) for s in starts[1:]] + [end]
    return list(zip(starts, ends))


class Periods:
    """The policies a child's years may fall under: the one chosen for the case first, then
    the jurisdiction's other periods (none: the chosen policy alone)."""

    def __init__(self, policy: Policy, others: Sequence[Policy]) -> None:
        self.chosen = policy
        self.all = [policy, *(p for p in others if p is not policy and p.jurisdiction == policy.jurisdiction)]
        self.alone = len(self.all) == 1

    def on(self, day: date) -> Policy | None:
        """The period in force on ``day`` (the chosen policy on every day when it is alone)."""
        if self.alone:
            return self.chosen
        return next((p for p in self.all if p.in_force_on(day)), None)

    def cutting(self, birth: date) -> Policy | None:
        """The policy whose rules cut the years: the newest with parenting leave in force while
        the child is under its age limit (the chosen one, if it has any, when alone); None if
        there is none."""
        with_leave = sorted((p for p in self.all if p.parenting is not None), key=lambda p: p.effective_from, reverse=True)
        for p in with_leave:
            assert p.parenting is not None
            if self.alone or (p.effective_from <= last_day(birth, p.parenting.until) and
                              (p.effective_until is None or p.effective_until >= birth)):
                return p
        return None


def has_parenting(policy: Policy, birth: date, periods: Sequence[Policy] = ()) -> bool:
    """Whether a child born on ``birth`` has parenting leave under ``policy`` or, while under
    the age limit, under another of the ``periods``."""
    return Periods(policy, periods).cutting(birth) is not None


def _no_parenting(chain: Periods, birth: date) -> InputError:
    """The error for a child no period gives parenting leave: none known for the place, or none
    in force before the child reached the age limit."""
    later = sorted((p for p in chain.all if p.parenting is not None), key=lambda p: p.effective_from)
    if not later:
        return _none_known(chain.chosen)
    first = later[0]
    assert first.parenting is not None
    return InputError.of(
        "error.no_parenting_leave_while_young", title=Pair(first.title, first.title_en), years=first.parenting.until.years,
        last=last_day(birth, first.parenting.until), on=first.effective_from,
    )


COUNTING_WORDS = {"calendar": "counting.calendar", "skip_statutory": "counting.skip_statutory", "workdays": "counting.workdays"}


def _days(p: Policy | None) -> int:
    return p.parenting.days_per_year.days if p is not None and p.parenting is not None else 0


def _counting(p: Policy | None) -> str:
    return p.parenting.counting.rule if p is not None and p.parenting is not None else ""


def _years(periods: Periods, rules_of: Policy, birth: date) -> tuple[list[ParentingYear], list[Policy], list[Message]]:
    """Each year under the rules in force on its last day, the policies used, and a warning for
    each year the rules changed in, had none, or that no known period covers (0 days)."""
    years, used, warnings = [], [], []
    for a, b in spans(rules_of, birth):
        p = periods.on(b)
        days = _days(p)
        years.append(ParentingYear(from_=a, to=b, days=days, policy=p.id if p is not None else rules_of.id))
        if p is None:
            warnings.append(message("warning.parenting_no_period", start=a, end=b))
            continue
        if p not in used:
            used.append(p)
        before = periods.on(a)
        if before is not None and before is not p:
            if _days(before) != days:
                warnings.append(message("warning.parenting_rule_changed", start=a, end=b, on=p.effective_from, before=_days(before), after=days))
            elif _counting(before) not in ("", _counting(p)):
                warnings.append(message("warning.parenting_counting_changed", start=a, end=b, on=p.effective_from,
                                        before=pair(COUNTING_WORDS[_counting(before)]), after=pair(COUNTING_WORDS[_counting(p)])))
        if days == 0:
            warnings.append(message("warning.parenting_no_rule_in_year", start=a, end=b, title=Pair(p.title, p.title_en)))
    return years, used, warnings


def overlaps(birth: date, end: date, other_births: list[date], limit: AgeLimit) -> list[Period]:
    """The spans in which another child is also under the age limit, in date order."""
    spans = []
    for other in sorted(other_births):
        a, b = max(birth, other), min(end, last_day(other, limit))
        if a <= b:
            spans.append(Period(from_=a, to=b))
    return spans


def parenting_leave(
    policy: Policy, case: ParentingCase, calendar: Calendar, periods: Sequence[Policy] = ()
) -> ParentingResult:
    """Each parent's parenting leave for the child of ``case`` under ``policy`` (the policy in
    force on the birth). ``periods``: the jurisdiction's other policies (``PolicyRegistry.
    policies_of``), so that each year follows the rules in force in it; without them every year
    follows ``policy``."""
    check_engine_args(policy, (case, ParentingCase, "case"), (calendar, Calendar, "calendar"))
    chain = Periods(policy, periods)
    governing = chain.cutting(case.birth)
    if governing is None:
        raise _no_parenting(chain, case.birth)
    rules = parenting_rules(governing)
    years, used, warnings = _years(chain, governing, case.birth)
    end = years[-1].to
    keys = [*rules.days_per_year.basis, *rules.until.basis, *rules.year.basis, *rules.counting.basis]
    basis: list[Basis] = []
    for p in used:  # the days of each year come from the rules of its own period
        if p.parenting is not None:
            basis += cited(p, "parenting_days_per_year", p.parenting.days_per_year.basis, p.parenting.days_per_year.days)
    basis += cited(governing, "age_limit", rules.until.basis, rules.until.years)
    basis += cited(governing, f"year:{rules.year.rule}", rules.year.basis)
    basis += counting_basis(governing, rules.counting)
    warnings = [*policy_date_warning(policy, case.birth, "what.birth"), *warnings]

    shared = overlaps(case.birth, end, [b for b in case.other_births if b != case.birth], rules.until)
    if shared:
        keys += rules.per_child.basis
        basis += cited(governing, "per_child", rules.per_child.basis)
        if not rules.per_child.value:
            spans = Pair("、".join(f"{p.from_} 至 {p.to}" for p in shared), ", ".join(f"{p.from_} to {p.to}" for p in shared))
            warnings.append(
                message("warning.parenting_not_per_child", spans=spans, years=rules.until.years, days=rules.days_per_year.days)
            )

    block = None
    if case.start is not None:
        taken = chain.on(case.start) or governing
        if taken.parenting is None:
            raise InputError.of("error.no_parenting_leave_on", day=case.start, title=Pair(taken.title, taken.title_en))
        block, more = parenting_block(taken, case, years, calendar)
        warnings += more
    provisional = block is not None and block.provisional
    return ParentingResult(
        policy=governing.id,
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
        warnings=unique([*warnings, *(w for p in used for w in review_warnings(p))]),
        notes=unique([
            *notes_for(governing, keys),
            *(n for p in used if p is not governing and p.parenting for n in notes_for(p, p.parenting.days_per_year.basis)),
            *(n for p in used for n in review_notes(p)),
        ]),
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
