"""Pay around childbirth: maternity allowance (生育津贴), the employer's top-up (补差), the
pregnancy-rest floor (Nanjing ordinance art 37), and their split by calendar month.

Formulas (docs/pay.md), every number from the policy's ``[pay]`` section:

* allowance = average monthly wage ÷ ``allowance_divisor`` × allowance days;
* top-up = (her monthly wage − average monthly wage) ÷ ``own_wage_divisor`` × the same days,
  when positive (where the allowance is higher she keeps it);
* not insured: the employer pays her monthly wage ÷ ``own_wage_divisor`` × those days;
* pregnancy-rest floor for a month = minimum wage × ``rest_floor`` % × covered days ÷ days
  in the month, and the same proration for the pay agreed; the month's shortfall is
  max(0, floor − pay), from the exact figures.

Money is exact (``Fraction``) until the end and rounded once, half up, to 0.01. A monthly
split rounds the running total: month i = round(cum_i) − round(cum_{i−1}), so the months
add up to the rounded total exactly and none is negative.
"""

from __future__ import annotations

import calendar as months_of
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StrictBool, model_validator

from .errors import InputError, PolicyError
from .holiday_calendar import Calendar
from .leave import notes_for, policy_date_warning, year_used
from .maternity import MaternityCase, maternity_leave
from .policy import MinimumWage, PayRules, Policy
from .cases import Case, Day, check_count, check_date, check_engine_args
from .messages import Pair, message
from .results import Basis, Frozen, HolidayDataUsed, Message, cited

# Input money: finite, not negative, whole fen.
# -0 is read as 0: a payslip must never show "-0.00".
Money = Annotated[
    Decimal, Field(ge=0, max_digits=12, decimal_places=2, allow_inf_nan=False), AfterValidator(lambda v: v + 0 if v == 0 else v)
]
Payer = Literal["fund", "employer"]

CENT = Decimal("0.01")
# Input sanity bounds, not law: the longest Nanjing leave is a few hundred days, and a pregnancy
# lasts about 40 weeks (280 days), so anything beyond these is a typing error.
MAX_ALLOWANCE_DAYS = 1000
MAX_REST_DAYS = 300
ARRANGEMENT_ONLY = {"arrangement_missing"}  # leave warnings about the return day, not about pay


# ---------------------------------------------------------------- money

def round_money(x: Fraction) -> Decimal:
    """``x`` (not negative) rounded half up to 0.01: the one rounding every amount gets."""
    if x < 0:
        raise ValueError("amounts are never negative")
    return _cents(x.numerator, x.denominator)


def half_up(numerator: Any, denominator: Any) -> Any:
    """numerator/denominator rounded half up to a whole number: floor(n/d + 1/2), in integers.
    Works on ints and, element by element, on numpy integer arrays (the columnar engine)."""
    return (2 * numerator + denominator) // (2 * denominator)


def _cents(numerator: int, denominator: int) -> Decimal:
    """numerator/denominator yuan rounded half up to the fen."""
    return Decimal(half_up(100 * numerator, denominator)).scaleb(-2)


def money(x: Decimal) -> Decimal:
    """An input amount shown with two decimals (exact: inputs have at most two)."""
    return x.quantize(CENT)


def split_rounded(parts: Sequence[Fraction]) -> list[Decimal]:
    """Round each of ``parts`` (not negative) so they sum exactly to round(sum(parts)).

    Rounds the running total, not each part: part i = round(cum_i) − round(cum_{i−1}).
    Exact: the parts are put over one common denominator and summed as integers.
    """
    if any(p < 0 for p in parts):
        raise ValueError("amounts are never negative")
    den = lcm(*(p.denominator for p in parts)) if parts else 1
    out: list[Decimal] = []
    cum, shown = 0, Decimal("0.00")
    for p in parts:
        cum += p.numerator * (den // p.denominator)
        now = _cents(cum, den)
        out.append(now - shown)
        shown = now
    return out


def split_days(rate: Fraction, days: Sequence[int]) -> list[Decimal]:
    """``split_rounded`` for ``rate`` × each of ``days``: the same rounding, in integers."""
    if rate < 0 or any(d < 0 for d in days):
        raise ValueError("amounts are never negative")
    out: list[Decimal] = []
    cum, shown = 0, Decimal("0.00")
    for d in days:
        cum += d
        now = _cents(rate.numerator * cum, rate.denominator)
        out.append(now - shown)
        shown = now
    return out


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def month_spans(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months from ``start`` to ``end``, each clipped to the period."""
    spans = []
    lo = start
    while True:
        last = date(lo.year, lo.month, months_of.monthrange(lo.year, lo.month)[1])
        spans.append((lo, min(last, end)))
        if last >= end:  # stop before stepping past date.max
            return spans
        lo = last + timedelta(days=1)


def pay_rules(policy: Policy) -> PayRules:
    if policy.pay is None:
        raise PolicyError(f"policy {policy.id} has no [pay] section: it cannot compute pay")
    return policy.pay


# ---------------------------------------------------------------- minimum wage

def minimum_wage_on(policy: Policy, day: date) -> MinimumWage:
    """The minimum wage of ``policy`` in force on ``day``; a day before its table is an error."""
    check_engine_args(policy)
    day = check_date(day, "day")
    table = pay_rules(policy).minimum_wage
    if day < table[0].since:
        raise InputError(
            f"no minimum wage is known before {table[0].since} (policy {policy.id}); {day} is earlier"
        )
    return [m for m in table if m.since <= day][-1]


def minimum_wage_unchecked(rules: PayRules, months: Iterable[date]) -> list[Message]:
    """A warning naming those of ``months`` (any day in each) after the month the minimum-wage
    table was last checked in: their minimum wage is the latest known then, not a known fact."""
    if rules.minimum_wage_checked is None:  # no table to go stale (no floor: validated)
        return []
    checked = rules.minimum_wage_checked.on
    later = [month_key(m) for m in months if m.replace(day=1) > checked]
    if not later:
        return []
    return [message("warning.minimum_wage_may_change", checked=checked, months=Pair("、".join(later), ", ".join(later)))]


# ---------------------------------------------------------------- maternity allowance

class Wages(Case):
    """What the allowance is computed from. Insured: ``avg_wage`` (the employer's previous-year
    average monthly wage) is needed; ``own_wage`` (her monthly wage) adds the top-up.
    Not insured: ``own_wage`` is needed (the employer pays her pre-leave wage)."""

    avg_wage: Money | None = None
    own_wage: Money | None = None
    insured: StrictBool = True  # "no" or 0 is not a choice a caller can make by accident

    @model_validator(mode="after")
    def _enough(self) -> Wages:
        if self.insured and self.avg_wage is None:
            raise InputError.of("error.needs_avg_wage")
        if not self.insured and self.own_wage is None:
            raise InputError.of("error.needs_own_wage")
        return self


class PayPeriod(Frozen):
    """One part of the leave and who pays it: ``allowance`` (the fund), ``pre_leave_wage``
    (the employer, in place of the allowance, when not insured) or ``normal_wage`` (the employer)."""

    segment: str
    part: str
    label: str
    label_en: str
    days: int
    start: date
    end: date
    paid_by: Payer
    pay: Literal["allowance", "pre_leave_wage", "normal_wage"]


class AllowanceMonth(Frozen):
    month: str
    days: int
    normal_wage_days: int
    amount: Decimal
    employer_top_up: Decimal


class AllowanceResult(Frozen):
    """The maternity allowance (or, not insured, the employer's pay in its place) and top-up.

    ``days`` are the allowance days; ``normal_wage_days`` the other leave days, paid by the
    employer as normal wages (amount not computed: it is her usual pay). ``daily_rate`` is
    shown rounded; ``amount`` is wage × days ÷ divisor rounded once, not daily_rate × days.
    ``months`` is empty when no dates are known (days given directly).
    """

    kind: Literal["allowance"] = "allowance"
    policy: str
    insured: bool
    paid_by: Payer
    avg_wage: Decimal | None
    own_wage: Decimal | None
    divisor: int
    days: int
    normal_wage_days: int
    daily_rate: Decimal
    amount: Decimal
    employer_top_up: Decimal
    leave_start: date | None
    leave_end: date | None
    # The holiday data behind the dates of each year the leave runs through (empty with --days).
    holiday_data: list[HolidayDataUsed] = []
    periods: list[PayPeriod]
    months: list[AllowanceMonth]
    basis: list[Basis]
    warnings: list[Message]
    notes: list[Message]


def _rates(rules: PayRules, wages: Wages) -> tuple[Fraction, Fraction]:
    """(what is paid per allowance day, the top-up per day), exact."""
    own_div = rules.own_wage_divisor.value
    if not wages.insured:
        assert wages.own_wage is not None
        return Fraction(wages.own_wage) / own_div, Fraction(0)
    assert wages.avg_wage is not None
    daily = Fraction(wages.avg_wage) / rules.allowance_divisor.value
    if wages.own_wage is None:
        return daily, Fraction(0)
    return daily, max(Fraction(0), Fraction(wages.own_wage) / own_div - daily)


def _basis_and_keys(policy: Policy, wages: Wages) -> tuple[list[Basis], list[str]]:
    """The basis lines and citation keys of an allowance; the same for every case of a kind,
    so built once per policy and kept in ``policy.memo``."""
    memo_key = ("allowance_basis", wages.insured, wages.own_wage is not None)
    if memo_key not in policy.memo:
        policy.memo[memo_key] = _build_basis_and_keys(policy, wages)
    basis, keys = policy.memo[memo_key]
    return list(basis), list(keys)


def _build_basis_and_keys(policy: Policy, wages: Wages) -> tuple[list[Basis], list[str]]:
    rules = pay_rules(policy)
    if wages.insured:
        keys = [*rules.allowance_wage_basis, *rules.allowance_divisor.basis, *rules.eligibility_basis]
        basis = cited(policy, "allowance_wage", rules.allowance_wage_basis)
        basis += cited(policy, "allowance_divisor", rules.allowance_divisor.basis, rules.allowance_divisor.value)
        # The fund pays only if she qualifies; the result assumes she does and says so in its notes.
        basis += cited(policy, "eligibility", rules.eligibility_basis)
        if wages.own_wage is not None:
            keys += [*rules.top_up_basis, *rules.own_wage_divisor.basis]
            basis += cited(policy, "top_up", rules.top_up_basis)
            basis += cited(policy, "own_wage_divisor", rules.own_wage_divisor.basis, rules.own_wage_divisor.value)
    else:
        keys = [*rules.uninsured_basis, *rules.own_wage_divisor.basis]
        basis = cited(policy, "uninsured", rules.uninsured_basis)
        basis += cited(policy, "own_wage_divisor", rules.own_wage_divisor.basis, rules.own_wage_divisor.value)
    return basis, keys


def _result(
    policy: Policy,
    wages: Wages,
    *,
    days: int,
    normal_wage_days: int,
    months: list[tuple[str, int, int]],
    periods: list[PayPeriod],
    basis: list[Basis],
    keys: list[str],
    warnings: list[Message],
    leave_start: date | None,
    leave_end: date | None,
    holiday_data: list[HolidayDataUsed] | None = None,
) -> AllowanceResult:
    rules = pay_rules(policy)
    daily, top_up = _rates(rules, wages)
    amounts = split_days(daily, [d for _, d, _ in months])
    top_ups = split_days(top_up, [d for _, d, _ in months])
    if wages.insured and wages.own_wage is None:
        warnings = [
            *warnings,
            message("warning.top_up_not_computed"),
        ]
    # Warnings from citations (the unverified fund-days reading) are not repeated as notes.
    warned = {w.code for w in warnings}
    return AllowanceResult(
        policy=policy.id,
        insured=wages.insured,
        paid_by="fund" if wages.insured else "employer",
        avg_wage=None if wages.avg_wage is None else money(wages.avg_wage),
        own_wage=None if wages.own_wage is None else money(wages.own_wage),
        divisor=rules.allowance_divisor.value if wages.insured else rules.own_wage_divisor.value,
        days=days,
        normal_wage_days=normal_wage_days,
        daily_rate=round_money(daily),
        amount=_cents(daily.numerator * days, daily.denominator),
        employer_top_up=_cents(top_up.numerator * days, top_up.denominator),
        leave_start=leave_start,
        leave_end=leave_end,
        holiday_data=holiday_data or [],
        periods=periods,
        months=[
            AllowanceMonth(month=m, days=d, normal_wage_days=n, amount=a, employer_top_up=t)
            for (m, d, n), a, t in zip(months, amounts, top_ups)
        ],
        basis=basis,
        warnings=warnings,
        notes=[n for n in notes_for(policy, keys) if n.code not in warned],
    )


def check_allowance_days(days: int) -> None:
    """Allowance days given directly must be 1 to ``MAX_ALLOWANCE_DAYS`` (ample for any leave)."""
    if not 1 <= days <= MAX_ALLOWANCE_DAYS:
        shown = str(days) if len(str(days)) <= 12 else "a number that large"
        raise InputError.of("error.allowance_days", most=MAX_ALLOWANCE_DAYS, shown=shown)


def allowance_for_days(policy: Policy, days: int, wages: Wages, on: date | None = None) -> AllowanceResult:
    """The allowance for ``days`` allowance days given directly: no dates, so no monthly split.

    ``on`` (optional) is the date the policy is meant for; an explicit policy not in force
    then carries a warning.
    """
    check_engine_args(policy, (wages, Wages, "wages"))
    check_allowance_days(check_count(days, "days"))
    if on is not None:
        on = check_date(on, "on")
    basis, keys = _basis_and_keys(policy, wages)
    warnings = policy_date_warning(policy, on, "what.date") if on is not None else []
    warnings.append(message("warning.no_monthly_split"))
    # Whether the fund pays for all the days given rests on the same unverified reading.
    warnings += notes_for(policy, pay_rules(policy).fund_parts.basis)
    return _result(
        policy, wages, days=days, normal_wage_days=0, months=[], periods=[], basis=basis, keys=keys,
        warnings=warnings, leave_start=None, leave_end=None,
    )


def _counted(calendar: Calendar, start: date, end: date, rule: str) -> int:
    """Leave days counted from ``start`` to ``end`` (statutory holidays skipped if the rule says so)."""
    days = (end - start).days + 1
    return days - calendar.count_statutory(start, end) if rule == "skip_statutory" else days


def maternity_pay(policy: Policy, case: MaternityCase, calendar: Calendar, wages: Wages) -> AllowanceResult:
    """Allowance, top-up and monthly split for the maternity leave of ``case``.

    The fund pays the parts named in the policy's ``pay.fund_parts``; within a segment the
    counted days go to its parts in order (base, difficult birth, extra babies), so each
    calendar day has one payer. Statutory holidays a segment does not count are no one's
    allowance day.
    """
    check_engine_args(policy, (case, MaternityCase, "case"), (calendar, Calendar, "calendar"), (wages, Wages, "wages"))
    rules = pay_rules(policy)
    leave = maternity_leave(policy, case, calendar)
    fund = set(rules.fund_parts.parts)
    periods: list[PayPeriod] = []
    per_month: dict[str, list[int]] = {}
    for seg in leave.segments:
        offset = 0
        for p in seg.parts:  # the leave engine counted each part's days and dates
            first, last, offset = p.start, p.end, offset + p.days
            by_fund = f"{seg.name}.{p.item}" in fund
            periods.append(
                PayPeriod(
                    segment=seg.name, part=p.item, label=seg.label, label_en=seg.label_en, days=p.days,
                    start=first, end=last, paid_by="fund" if by_fund and wages.insured else "employer",
                    pay=("allowance" if wages.insured else "pre_leave_wage") if by_fund else "normal_wage",
                )
            )
            for lo, hi in month_spans(first, last):
                row = per_month.setdefault(month_key(lo), [0, 0])
                row[0 if by_fund else 1] += _counted(calendar, lo, hi, seg.counting)
        if offset != seg.days:  # the segment was counted from these same parts
            raise AssertionError(f"segment {seg.name}: parts add up to {offset}, not {seg.days}")
    months = [(m, a, n) for m, (a, n) in sorted(per_month.items())]
    days = sum(a for _, a, _ in months)
    basis, keys = _basis_and_keys(policy, wages)
    basis += cited(policy, "fund_parts", rules.fund_parts.basis)
    has_mixed = any(
        len({p.pay for p in periods if p.segment == s.name}) > 1 for s in leave.segments
    )
    if has_mixed:
        basis += cited(policy, "fund_day_order", rules.fund_day_order_basis)
        keys += rules.fund_day_order_basis
    warnings = [w for w in leave.warnings if w.code not in ARRANGEMENT_ONLY]
    # Every result resting on the fund-days setting says so, as a warning.
    warnings += notes_for(policy, rules.fund_parts.basis)
    return _result(
        policy, wages, days=days, normal_wage_days=sum(n for _, _, n in months), months=months,
        periods=periods, basis=basis, keys=keys, warnings=warnings, leave_start=leave.start, leave_end=leave.end,
        holiday_data=[year_used(calendar, y) for y in range(leave.start.year, leave.end.year + 1)],
    )


# ---------------------------------------------------------------- pregnancy rest (Nanjing art 37)

class RestCase(Case):
    """Pregnancy rest from ``start`` to ``end`` (both included) at ``pay`` a month as agreed."""

    start: Day
    end: Day
    pay: Money

    @model_validator(mode="after")
    def _in_order(self) -> RestCase:
        if self.end < self.start:
            raise InputError.of("error.rest_ends_before_start", start=self.start, end=self.end)
        days = (self.end - self.start).days + 1
        if days > MAX_REST_DAYS:
            raise InputError.of("error.rest_too_long", days=days, start=self.start, end=self.end, most=MAX_REST_DAYS)
        return self


class RestMonth(Frozen):
    month: str
    days: int
    days_in_month: int
    minimum_wage: Decimal
    floor: Decimal
    paid: Decimal
    shortfall: Decimal


class RestPayResult(Frozen):
    """The art 37 floor month by month: ``floor`` (percent of the minimum wage, prorated),
    ``paid`` (the pay agreed, prorated the same way) and ``shortfall``.

    A month's exact shortfall is max(0, exact floor − exact paid); ``shortfall_total`` is
    their exact sum rounded once. ``floor``, ``paid`` and ``shortfall`` are each split by
    rounding running totals (``split_rounded``), so each column adds up exactly to its total;
    a month's figure may therefore differ by 0.01 from that month rounded alone, and a
    month's ``shortfall`` need not equal its shown ``floor`` − ``paid``."""

    kind: Literal["pregnancy_rest"] = "pregnancy_rest"
    policy: str
    start: date
    end: date
    pay: Decimal
    floor_percent: int
    months: list[RestMonth]
    floor_total: Decimal
    paid_total: Decimal
    shortfall_total: Decimal
    basis: list[Basis]
    warnings: list[Message]
    notes: list[Message]


def rest_floor_since(policy: Policy) -> date:
    """The first day ``policy``'s pregnancy-rest floor applies: the latest date its citations are
    in force from, and never before the policy itself."""
    floor = pay_rules(policy).rest_floor
    assert floor is not None
    dates = [c.in_force for c in policy.cite(floor.basis) if isinstance(c.in_force, date)]
    return max([policy.effective_from, *dates])


def _no_floor(start: date, floor_policy: Policy) -> InputError:
    since = rest_floor_since(floor_policy)
    assert floor_policy.pay is not None and floor_policy.pay.rest_floor is not None
    c = floor_policy.cite(floor_policy.pay.rest_floor.basis)[0]
    return InputError.of("error.no_rest_floor_yet", since=since, document=c.document, article=c.article)


def _check_floor(policy: Policy, start: date, policies: Iterable[Policy]) -> None:
    """Refuse a rest the floor does not cover. ``policies`` (the other policies of the
    jurisdiction) only let the error say from when a floor applies."""
    if pay_rules(policy).rest_floor is not None:
        if start < rest_floor_since(policy):
            raise _no_floor(start, policy)
        return
    later = sorted(
        (p for p in policies if p.jurisdiction == policy.jurisdiction and p.pay is not None and p.pay.rest_floor is not None),
        key=rest_floor_since,
    )
    if not later:
        raise PolicyError(f"policy {policy.id} has no pregnancy-rest floor (pay.rest_floor)")
    if start < rest_floor_since(later[0]):
        raise _no_floor(start, later[0])
    raise InputError(
        f"policy {policy.id} has no pregnancy-rest floor; from {rest_floor_since(later[0])} it is in policy {later[0].id}"
    )


def pregnancy_rest_pay(policy: Policy, case: RestCase, policies: Iterable[Policy] = ()) -> RestPayResult:
    """The pregnancy-rest floor, pay and shortfall, month by month.

    A rest starting before the floor applies is refused (``InputError``); ``policies``, e.g.
    ``registry.policies_of(policy.jurisdiction)``, let that error name the date the floor applies from when
    ``policy`` has no floor at all.
    """
    check_engine_args(policy, (case, RestCase, "case"))
    _check_floor(policy, case.start, policies)
    rules = pay_rules(policy)
    assert rules.rest_floor is not None
    rate = Fraction(rules.rest_floor.percent, 100)
    rows = []
    for lo, hi in month_spans(case.start, case.end):
        covered = (hi - lo).days + 1
        in_month = months_of.monthrange(lo.year, lo.month)[1]
        share = Fraction(covered, in_month)
        wage = minimum_wage_on(policy, lo.replace(day=1))
        rows.append((month_key(lo), covered, in_month, wage, Fraction(wage.monthly) * rate * share, Fraction(case.pay) * share))
    floors = split_rounded([r[4] for r in rows])
    paids = split_rounded([r[5] for r in rows])
    # The shortfall is computed from the exact figures, not the rounded ones: rounded once.
    gaps = [max(Fraction(0), r[4] - r[5]) for r in rows]
    shortfalls = split_rounded(gaps)
    months = [
        RestMonth(month=m, days=c, days_in_month=n, minimum_wage=money(w.monthly), floor=f, paid=p, shortfall=g)
        for (m, c, n, w, _, _), f, p, g in zip(rows, floors, paids, shortfalls)
    ]
    keys = list(rules.rest_floor.basis)
    basis = cited(policy, "rest_floor", keys, rules.rest_floor.percent)
    wages_used = {id(r[3]): r[3] for r in rows}
    for w in wages_used.values():
        basis += cited(policy, "minimum_wage", w.basis)
        keys += w.basis
    if any(c != n for _, c, n, _, _, _ in rows):
        basis += cited(policy, "part_month", rules.part_month_basis)
        keys += rules.part_month_basis
    warnings = policy_date_warning(policy, case.start, "what.rest_start")
    unchecked = minimum_wage_unchecked(rules, [lo for lo, _ in month_spans(case.start, case.end)])
    if unchecked and rules.minimum_wage_checked is not None:
        basis += cited(policy, "minimum_wage_checked", rules.minimum_wage_checked.basis)
        warnings += unchecked
    return RestPayResult(
        policy=policy.id,
        start=case.start,
        end=case.end,
        pay=money(case.pay),
        floor_percent=rules.rest_floor.percent,
        months=months,
        floor_total=sum(floors, Decimal("0.00")),
        paid_total=sum(paids, Decimal("0.00")),
        shortfall_total=round_money(sum(gaps, Fraction(0))),
        basis=basis,
        warnings=warnings,
        notes=notes_for(policy, keys),
    )
