"""One timeline of both parents' entitlements around a birth, from pregnancy to the child's
third birthday: each line with its dates, what it grants and the law behind it.

Pure: it only assembles the results of maternity, paternity, parenting and protection.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import Field, model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .maternity import MaternityCase, maternity_leave
from .parenting import ParentingCase, ParentingResult, parenting_leave
from .paternity import PaternityCase, paternity_leave
from .policy import Delivery, ParentingRules, Policy
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
from .results import Basis, Frozen, LeaveResult, Message


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


def _labels(items: list[tuple[str, str]]) -> tuple[str, str]:
    return "；".join(zh for zh, _ in items), "; ".join(en for _, en in items)


def _unique(messages: list[Message]) -> list[Message]:
    seen: dict[tuple[str, str], Message] = {}
    for m in messages:
        seen.setdefault((m.code, m.zh), m)
    return list(seen.values())


def allowance_line(pay: AllowanceResult) -> PlanLine:
    """The money during maternity leave: who pays how much, for how many days."""
    if pay.insured:
        zh = f"生育津贴 {pay.amount} 元（生育保险基金支付，{pay.days}天）"
        en = f"maternity allowance {pay.amount} yuan (paid by the maternity fund, {pay.days} days)"
    else:
        zh = f"未参加生育保险：单位按产假前工资支付 {pay.amount} 元（{pay.days}天）"
        en = f"not insured: the employer pays her pre-leave wage, {pay.amount} yuan ({pay.days} days)"
    if pay.employer_top_up:
        zh += f"；单位补差 {pay.employer_top_up} 元"
        en += f"; employer top-up {pay.employer_top_up} yuan"
    if pay.normal_wage_days:
        zh += f"；另{pay.normal_wage_days}天由单位按正常工资支付"
        en += f"; {pay.normal_wage_days} more days paid by the employer as normal wages"
    return PlanLine(
        item="allowance",
        who="mother",
        label="产假期间的工资待遇",
        label_en="pay during maternity leave",
        start=pay.leave_start,
        end=pay.leave_end,
        detail=zh,
        detail_en=en,
        basis=pay.basis,
    )


def _parenting_lines(rules: ParentingRules | None, par: ParentingResult | None) -> list[PlanLine]:
    """A line for each year of parenting leave (none where the region has no parenting leave known)."""
    if rules is None or par is None:
        return []
    return [
        PlanLine(
            item=f"parenting_{i}",
            who="each_parent",
            label=f"{rules.label}（第{i}年）",
            label_en=f"{rules.label_en} (year {i})",
            start=y.from_,
            end=y.to,
            detail=f"父母每人{y.days}天，在此期间休，不结转",
            detail_en=f"{y.days} days for each parent, to be taken in this period, no carry-over",
            basis=par.basis,
        )
        for i, y in enumerate(par.years, 1)
    ]


def make_plan(policy: Policy, case: PlanCase, calendar: Calendar, wages: Wages | None = None) -> PlanResult:
    """Every entitlement of both parents for ``case`` under ``policy``, as one timeline; with
    ``wages``, also the allowance and top-up during maternity leave."""
    check_engine_args(policy, (case, PlanCase, "case"), (calendar, Calendar, "calendar"), (wages, (Wages, type(None)), "wages"))
    dates = PregnancyDates(due=case.due, conception=case.conception)
    preg = pregnancy_protection(policy, dates)
    conceived = pregnancy_week_start(policy, dates, policy.protection.pregnancy.weeks_at_conception.value)
    if conceived is not None and conceived >= case.birth:
        raise InputError(f"the due date {case.due} puts the conception ({conceived}) after the birth {case.birth}")
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
    par = None if policy.parenting is None else parenting_leave(policy, ParentingCase(birth=case.birth, other_births=case.other_births), calendar)
    nur = lactation(policy, case.birth, case.babies)
    prot = protected_period(policy, mat, nur, conceived, case.contract_end)
    arb = arbitration_deadline(policy, case.dispute_known, calendar) if case.dispute_known else None

    before_birth = min(mat.start, case.birth) - timedelta(days=1)
    lines: list[PlanLine] = []
    zh, en = _labels([(p.label, p.label_en) for p in preg.protections])
    when = f"怀孕满{preg.from_months}个月（孕{preg.from_weeks}周）起"
    when_en = f"from {preg.from_months} months ({preg.from_weeks} weeks) of pregnancy"
    if preg.start is None:
        when += "（提供预产期或受孕日可算出日期）"
        when_en += " (give the due date or the conception date for the date)"
    elif preg.start > before_birth:
        # The leave (or the birth) came first: the line stays, saying why it has no dates.
        when += f"；按所给日期孕{preg.from_weeks}周在 {preg.start}，其时已开始休产假或已生育，此项未开始"
        when_en += (
            f"; by the dates given week {preg.from_weeks} is {preg.start}, after maternity leave began or the "
            f"birth, so this never started"
        )
    started = preg.start is not None and preg.start <= before_birth
    lines.append(
        PlanLine(
            item="pregnancy_protection",
            who="mother",
            label="孕晚期保护",
            label_en="late-pregnancy protection",
            # None when unknown, or when the leave or the birth came before that month of pregnancy.
            start=preg.start if started else None,
            end=before_birth if started else None,
            detail=f"{when}：{zh}",
            detail_en=f"{when_en}: {en}",
            basis=preg.basis + [b for p in preg.protections for b in p.basis],
        )
    )
    if preg.whole_pregnancy:
        zh, en = _labels([(p.label, p.label_en) for p in preg.whole_pregnancy])
        lines.append(
            PlanLine(
                item="pregnancy",
                who="mother",
                label="孕期保护",
                label_en="pregnancy protection",
                start=conceived,
                end=before_birth if conceived is not None else None,
                detail=f"整个孕期：{zh}",
                detail_en=f"the whole pregnancy: {en}",
                basis=[b for p in preg.whole_pregnancy for b in p.basis],
            )
        )
    lines.append(
        PlanLine(
            item="maternity",
            who="mother",
            label="产假",
            label_en="maternity leave",
            start=mat.start,
            end=mat.end,
            detail=f"{mat.total_days}天（" + "，".join(f"{s.label}{s.days}天" for s in mat.segments)
            + f"），{mat.return_to_work} 返岗" + ("（暂定）" if mat.provisional else ""),
            detail_en=f"{mat.total_days} days (" + ", ".join(f"{s.label_en} {s.days}" for s in mat.segments)
            + f"), back at work {mat.return_to_work}" + (" (provisional)" if mat.provisional else ""),
            basis=[b for s in mat.segments for b in s.basis],
        )
    )
    lines.append(
        PlanLine(
            item="paternity",
            who="father",
            label=policy.paternity.label,
            label_en=policy.paternity.label_en,
            start=pat.start,
            end=pat.end,
            detail=f"{pat.total_days}天，须在女方产假期间休，{pat.return_to_work} 返岗" + ("（暂定）" if pat.provisional else ""),
            detail_en=f"{pat.total_days} days, during the mother's maternity leave, back at work {pat.return_to_work}"
            + (" (provisional)" if pat.provisional else ""),
            basis=[b for s in pat.segments for b in s.basis],
        )
    )
    zh, en = _labels([(p.label, p.label_en) for p in nur.protections])
    lines.append(
        PlanLine(
            item="lactation",
            who="mother",
            label="哺乳期",
            label_en="nursing period",
            start=nur.start,
            end=nur.end,
            detail=f"每个工作日哺乳时间{nur.hours_per_day}小时（{nur.babies}个婴儿）；{zh}",
            detail_en=f"{nur.hours_per_day} hour(s) of nursing time each working day ({nur.babies} "
            f"{'baby' if nur.babies == 1 else 'babies'}); {en}",
            basis=nur.basis + [b for p in nur.protections for b in p.basis],
        )
    )
    lines += _parenting_lines(policy.parenting, par)
    lines.append(
        PlanLine(
            item="protected_period",
            who="mother",
            label="三期保护（孕期、产期、哺乳期）",
            label_en="protected period (pregnancy, maternity leave, nursing)",
            start=prot.pregnancy_start,
            end=prot.end,
            detail="不得：" + "；".join(d.ground for d in prot.dismissals if d.barred)
            + "。仍可：" + "；".join(d.ground for d in prot.dismissals if not d.barred)
            + ("。（孕期起始日未知）" if prot.pregnancy_start is None else "。"),
            detail_en="barred: " + "; ".join(d.ground_en for d in prot.dismissals if d.barred)
            + ". Still possible: " + "; ".join(d.ground_en for d in prot.dismissals if not d.barred)
            + (". (Start of pregnancy unknown.)" if prot.pregnancy_start is None else "."),
            basis=prot.basis + [b for d in prot.dismissals for b in d.basis],
        )
    )
    if prot.contract_end is not None:
        if prot.contract_inside:
            detail = f"劳动合同 {prot.contract_end} 到期，在三期内：续延至 {prot.contract_runs_to} 三期结束时终止"
            detail_en = f"The contract expires on {prot.contract_end}, inside the protected period: it runs on to {prot.contract_runs_to}"
        else:
            detail = f"劳动合同 {prot.contract_end} 到期，不在三期内，按期终止"
            detail_en = f"The contract expires on {prot.contract_end}, outside the protected period: it ends then"
            if prot.pregnancy_start is None and prot.contract_end < case.birth:
                weeks = policy.protection.pregnancy.longest_weeks.value
                earliest = earliest_pregnancy_start(policy, case.birth)
                detail += f"（早于出生前{weeks}周即 {earliest}，其时不可能已怀孕）"
                detail_en += f" (before {earliest}, {weeks} weeks before the birth: she cannot have been pregnant yet)"
        lines.append(
            PlanLine(
                item="contract",
                who="mother",
                label="劳动合同到期",
                label_en="contract expiry",
                start=prot.contract_end,
                end=prot.contract_runs_to,
                detail=detail,
                detail_en=detail_en,
                basis=[b for b in prot.basis if b.item == "contract_runs_on"],
            )
        )
    if arb is not None:
        lines.append(
            PlanLine(
                item="arbitration",
                who="mother",
                label="劳动仲裁时效",
                label_en="arbitration time limit",
                start=arb.known,
                end=arb.last_day,
                detail=f"自知道权利被侵害之日起{arb.years}年，最后一天 {arb.last_day}",
                detail_en=f"{arb.years} year(s) from when she knew, last day {arb.last_day}",
                basis=arb.basis,
            )
        )
    if pay is not None:
        lines.append(allowance_line(pay))
    # Undated lines first, then by start; the sort is stable, so ties keep the order above.
    lines.sort(key=lambda line: line.start.toordinal() if line.start else 0)
    parts: list[LeaveResult | ParentingResult | ProtectedPeriod | Arbitration | AllowanceResult | None] = [
        mat, pat, par, prot, arb, pay
    ]
    warnings = _unique(pregnancy_date_warnings(policy, dates, case.birth) + [w for p in parts if p is not None for w in p.warnings])
    notes = _unique(
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
