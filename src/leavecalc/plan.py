"""One timeline of both parents' entitlements around a birth, from pregnancy to the child's
third birthday: each line with its dates, what it grants and the law behind it.

Pure: it only assembles the results of maternity, paternity, parenting and protection.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from pydantic import Field, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .maternity import MaternityCase, maternity_leave
from .parenting import ParentingCase, ParentingResult, has_parenting, parenting_leave
from .paternity import PaternityCase, paternity_leave
from .policy import Delivery, Policy
from .protection import (
    Arbitration,
    Lactation,
    PregnancyDates,
    PregnancyProtection,
    ProtectedPeriod,
    arbitration_deadline,
    earliest_pregnancy_start,
    lactation,
    pregnancy_date_warnings,
    pregnancy_protection,
    pregnancy_week_start,
    protected_period,
)
from .pay import AllowanceResult, Wages, maternity_pay
from .cases import MAX_BABIES, Case, Count, Day, check_engine_args
from .messages import Pair, pair
from .results import Basis, Frozen, LeaveResult, Message, cited, unique

NONE = Pair("", "")


class PlanCase(Case):
    """A birth and what else is known: the due or conception date, the first day of the
    mother's and of the father's leave, the end of her fixed-term contract, and the day she
    learnt of an infringement of her rights (for the arbitration time limit)."""

    birth: Day
    delivery: Delivery = "normal"
    babies: Count = Field(default=1, ge=1, le=MAX_BABIES)
    due: Day | None = None
    conception: Day | None = None
    maternity_start: Day | None = None
    paternity_start: Day | None = None
    contract_end: Day | None = None
    dispute_known: Day | None = None
    other_births: list[Day] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> PlanCase:
        if self.due is not None and self.conception is not None:
            raise ValueError("give the due date or the conception date, not both")
        if self.conception is not None and self.conception >= self.birth:
            raise ValueError("the conception date must be before the birth")
        return self


Who = Literal["mother", "father", "each_parent"]


class PlanLine(Frozen):
    """One entitlement on the timeline. ``start``/``end`` are None when not known."""

    item: str
    who: Who
    label: str
    label_en: str
    start: date | None
    end: date | None
    detail: str
    detail_en: str
    basis: list[Basis]


class PlanResult(Frozen):
    """The timeline (``lines``, in date order) and the full results it was made from."""

    kind: str = "plan"
    policy: str
    birth: date
    delivery: Delivery
    babies: int
    lines: list[PlanLine]
    pregnancy: PregnancyProtection
    maternity: LeaveResult
    paternity: LeaveResult
    parenting: ParentingResult | None  # None where the region has no parenting leave known
    lactation: Lactation
    protected_period: ProtectedPeriod
    arbitration: Arbitration | None
    allowance: AllowanceResult | None = None
    provisional: bool
    warnings: list[Message]
    notes: list[Message]


def _labels(items: list[tuple[str, str]]) -> Pair:
    return Pair("；".join(zh for zh, _ in items), "; ".join(en for _, en in items))


def _line(item: str, who: Who, label: Pair, start: date | None, end: date | None, detail: Pair, basis: list[Basis]) -> PlanLine:
    return PlanLine(
        item=item, who=who, label=label.zh, label_en=label.en, start=start, end=end, detail=detail.zh, detail_en=detail.en, basis=basis
    )


def allowance_line(pay: AllowanceResult) -> PlanLine:
    """The money during maternity leave: who pays how much, for how many days."""
    code = "plan.detail.allowance" if pay.insured else "plan.detail.allowance_uninsured"
    parts = [pair(code, amount=pay.amount, days=pay.days)]
    if pay.employer_top_up:
        parts.append(pair("plan.detail.top_up", amount=pay.employer_top_up))
    if pay.normal_wage_days:
        parts.append(pair("plan.detail.normal_wage_days", days=pay.normal_wage_days))
    detail = Pair("；".join(p.zh for p in parts), "; ".join(p.en for p in parts))
    return _line("allowance", "mother", pair("plan.label.allowance"), pay.leave_start, pay.leave_end, detail, pay.basis)


def _parenting_lines(par: ParentingResult | None, policies: dict[str, Policy]) -> list[PlanLine]:
    """A line for each year of parenting leave (none where the region has no parenting leave
    known), each citing the days a year of its own period (the rules can change while the
    child is under the age limit: parenting.py)."""
    if par is None:
        return []
    rules = policies[par.policy].parenting
    assert rules is not None  # the policy a parenting result names has parenting leave
    label = Pair(rules.label, rules.label_en)
    common = [b for b in par.basis if b.item != "parenting_days_per_year"]
    lines = []
    for i, y in enumerate(par.years, 1):
        own = policies[y.policy].parenting
        days = cited(policies[y.policy], "parenting_days_per_year", own.days_per_year.basis, own.days_per_year.days) if own else []
        detail = pair("plan.detail.parenting_year", days=y.days) if y.days else pair("plan.detail.parenting_year_none")
        lines.append(_line(f"parenting_{i}", "each_parent", pair("plan.label.parenting_year", label=label, year=i), y.from_, y.to, detail, days + common))
    return lines


def make_plan(
    policy: Policy, case: PlanCase, calendar: Calendar, wages: Wages | None = None, periods: Sequence[Policy] = ()
) -> PlanResult:
    """Every entitlement of both parents for ``case`` under ``policy``, as one timeline; with
    ``wages``, also the allowance and top-up during maternity leave. ``periods``: the
    jurisdiction's other policies, for the parenting leave of the years they govern
    (parenting.parenting_leave)."""
    check_engine_args(policy, (case, PlanCase, "case"), (calendar, Calendar, "calendar"), (wages, (Wages, type(None)), "wages"))
    dates = PregnancyDates(due=case.due, conception=case.conception)
    preg = pregnancy_protection(policy, dates)
    conceived = pregnancy_week_start(policy, dates, policy.protection.pregnancy.weeks_at_conception.value)
    if conceived is not None and conceived >= case.birth:
        raise InputError.of("error.conception_after_birth", due=case.due, conceived=conceived, birth=case.birth)
    mat_case = MaternityCase(birth=case.birth, start=case.maternity_start, delivery=case.delivery, babies=case.babies)
    mat = maternity_leave(policy, mat_case, calendar)
    pay = maternity_pay(policy, mat_case, calendar, wages) if wages is not None else None
    pat = paternity_leave(
        policy,
        PaternityCase(
            birth=case.birth,
            start=case.paternity_start,
            delivery=case.delivery,
            babies=case.babies,
            mother_start=mat.start,
            mother_end=mat.end,
        ),
        calendar,
    )
    par = parenting_leave(policy, ParentingCase(birth=case.birth, other_births=case.other_births), calendar, periods) if has_parenting(policy, case.birth, periods) else None
    nur = lactation(policy, case.birth, case.babies)
    prot = protected_period(policy, mat, nur, conceived, case.contract_end)
    arb = arbitration_deadline(policy, case.dispute_known, calendar) if case.dispute_known else None

    before_birth = min(mat.start, case.birth) - timedelta(days=1)
    lines: list[PlanLine] = []
    months, weeks = preg.from_months, preg.from_weeks
    if preg.start is None:
        when = pair("plan.detail.late_pregnancy_no_date", months=months, weeks=weeks)
    elif preg.start > before_birth:
        # The leave (or the birth) came first: the line stays, saying why it has no dates.
        when = pair("plan.detail.late_pregnancy_never", months=months, weeks=weeks, start=preg.start)
    else:
        when = pair("plan.detail.late_pregnancy", months=months, weeks=weeks)
    started = preg.start is not None and preg.start <= before_birth
    lines.append(
        _line(
            "pregnancy_protection",
            "mother",
            pair("plan.label.late_pregnancy"),
            # None when unknown, or when the leave or the birth came before that month of pregnancy.
            preg.start if started else None,
            before_birth if started else None,
            pair("plan.detail.protections", when=when, protections=_labels([(p.label, p.label_en) for p in preg.protections])),
            preg.basis + [b for p in preg.protections for b in p.basis],
        )
    )
    if preg.whole_pregnancy:
        lines.append(
            _line(
                "pregnancy",
                "mother",
                pair("plan.label.pregnancy"),
                conceived,
                before_birth if conceived is not None else None,
                pair("plan.detail.whole_pregnancy", protections=_labels([(p.label, p.label_en) for p in preg.whole_pregnancy])),
                [b for p in preg.whole_pregnancy for b in p.basis],
            )
        )
    provisional = pair("plan.detail.provisional")
    lines.append(
        _line(
            "maternity",
            "mother",
            pair("plan.label.maternity"),
            mat.start,
            mat.end,
            pair(
                "plan.detail.maternity",
                days=mat.total_days,
                segments=Pair("，".join(f"{s.label}{s.days}天" for s in mat.segments), ", ".join(f"{s.label_en} {s.days}" for s in mat.segments)),
                back=mat.return_to_work,
                provisional=provisional if mat.provisional else NONE,
            ),
            [b for s in mat.segments for b in s.basis],
        )
    )
    lines.append(
        _line(
            "paternity",
            "father",
            Pair(policy.paternity.label, policy.paternity.label_en),
            pat.start,
            pat.end,
            pair("plan.detail.paternity", days=pat.total_days, back=pat.return_to_work, provisional=provisional if pat.provisional else NONE),
            [b for s in pat.segments for b in s.basis],
        )
    )
    lines.append(
        _line(
            "lactation",
            "mother",
            pair("plan.label.lactation"),
            nur.start,
            nur.end,
            pair(
                "plan.detail.lactation",
                hours=nur.hours_per_day,
                babies=nur.babies,
                baby=Pair("", "baby" if nur.babies == 1 else "babies"),
                protections=_labels([(p.label, p.label_en) for p in nur.protections]),
            ),
            nur.basis + [b for p in nur.protections for b in p.basis],
        )
    )
    lines += _parenting_lines(par, {p.id: p for p in (*periods, policy)})
    barred = Pair("；".join(d.ground for d in prot.dismissals if d.barred), "; ".join(d.ground_en for d in prot.dismissals if d.barred))
    allowed = Pair("；".join(d.ground for d in prot.dismissals if not d.barred), "; ".join(d.ground_en for d in prot.dismissals if not d.barred))
    lines.append(
        _line(
            "protected_period",
            "mother",
            pair("plan.label.protected_period"),
            prot.pregnancy_start,
            prot.end,
            pair(
                "plan.detail.protected_period",
                barred=barred,
                allowed=allowed,
                unknown=pair("plan.detail.pregnancy_start_unknown") if prot.pregnancy_start is None else NONE,
            ),
            prot.basis + [b for d in prot.dismissals for b in d.basis],
        )
    )
    if prot.contract_end is not None:
        if prot.contract_inside:
            detail = pair("plan.detail.contract_runs_on", end=prot.contract_end, runs_to=prot.contract_runs_to)
        else:
            before = NONE
            if prot.pregnancy_start is None and prot.contract_end < case.birth:
                weeks = policy.protection.pregnancy.longest_weeks.value
                before = pair("plan.detail.before_any_pregnancy", weeks=weeks, earliest=earliest_pregnancy_start(policy, case.birth))
            detail = pair("plan.detail.contract_ends", end=prot.contract_end, before=before)
        lines.append(
            _line(
                "contract",
                "mother",
                pair("plan.label.contract"),
                prot.contract_end,
                prot.contract_runs_to,
                detail,
                [b for b in prot.basis if b.item == "contract_runs_on"],
            )
        )
    if arb is not None:
        lines.append(
            _line(
                "arbitration",
                "mother",
                pair("plan.label.arbitration"),
                arb.known,
                arb.last_day,
                pair("plan.detail.arbitration", years=arb.years, last_day=arb.last_day),
                arb.basis,
            )
        )
    if pay is not None:
        lines.append(allowance_line(pay))
    # Undated lines first, then by start; the sort is stable, so ties keep the order above.
    lines.sort(key=lambda line: line.start.toordinal() if line.start else 0)
    parts: list[LeaveResult | ParentingResult | ProtectedPeriod | Arbitration | AllowanceResult | None] = [
        mat, pat, par, prot, arb, pay
    ]
    warnings = unique(pregnancy_date_warnings(policy, dates, case.birth) + [w for p in parts if p is not None for w in p.warnings])
    notes = unique(
        [*preg.notes, *mat.notes, *pat.notes, *(par.notes if par else []), *nur.notes, *prot.notes, *(arb.notes if arb else []),
         *(pay.notes if pay else [])]
    )
    return PlanResult(
        policy=policy.id,
        birth=case.birth,
        delivery=case.delivery,
        babies=case.babies,
        lines=lines,
        pregnancy=preg,
        maternity=mat,
        paternity=pat,
        parenting=par,
        lactation=nur,
        protected_period=prot,
        arbitration=arb,
        allowance=pay,
        provisional=any(p.provisional for p in (mat, pat, par) if p) or bool(arb and arb.provisional),
        warnings=warnings,
        notes=notes,
    )
