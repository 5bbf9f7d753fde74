"""Answers to the questions of the protected period (三期): a contract ending in it, a dismissal,
the arbitration time limit, overtime and night shifts, nursing time. Pure, as answers.py."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .answers import Answer, Status, article_list, articles, key_date, verdict, provisional_clause
from .holiday_calendar import Calendar
from .maternity import MaternityCase, maternity_leave
from .messages import Pair, joined, message
from .policy import Delivery, Policy
from .protection import (
    Dismissal,
    Lactation,
    PregnancyDates,
    ProtectedPeriod,
    arbitration_deadline,
    earliest_pregnancy_start,
    lactation,
    pregnancy_protection,
    pregnancy_week_start,
    protected_period,
)
from .results import Frozen, Message, cited, unique
from .where_to_go import offices


class Pregnancy(Frozen):
    """What is known of a pregnancy and birth: the birth date, the due date, or both. With the
    due date only, the birth is taken to be on it (an estimate, said so in the answer)."""

    birth: date | None = None
    due: date | None = None
    babies: int = Field(default=1, ge=1, le=9)
    delivery: Delivery = "normal"

    @model_validator(mode="after")
    def _one_known(self) -> Pregnancy:
        if self.birth is None and self.due is None:
            raise ValueError("need the birth date or the due date")
        return self

    @property
    def day(self) -> date:
        """The birth, or the due date standing in for it."""
        return self.birth or self.due  # type: ignore[return-value]

    @property
    def estimate(self) -> bool:
        return self.birth is None


def _conception(policy: Policy, p: Pregnancy) -> date | None:
    weeks = policy.protection.pregnancy.weeks_at_conception.value
    return pregnancy_week_start(policy, PregnancyDates(due=p.due), weeks) if p.due is not None else None


def _period(policy: Policy, p: Pregnancy, calendar: Calendar, contract_end: date | None = None) -> tuple[ProtectedPeriod, Lactation]:
    mat = maternity_leave(policy, MaternityCase(birth=p.day, delivery=p.delivery, babies=p.babies), calendar)
    nur = lactation(policy, p.day, p.babies)
    return protected_period(policy, mat, nur, _conception(policy, p), contract_end), nur


def _period_warnings(p: Pregnancy, extra: list[Message]) -> list[Message]:
    out = [message("warn.estimate_from_due", due=p.due)] if p.estimate else []
    return unique([*out, *extra])


def _first_day(policy: Policy, p: Pregnancy) -> tuple[date, bool]:
    """The first day of the protected period and whether it is only the earliest possible day."""
    known = _conception(policy, p)
    return (known, False) if known is not None else (earliest_pregnancy_start(policy, p.day), True)


def contract_answer(policy: Policy, p: Pregnancy, contract_end: date, calendar: Calendar) -> Answer:
    """Does a fixed-term contract ending on ``contract_end`` end then, or run on (art 45)?"""
    prot, _ = _period(policy, p, calendar, contract_end)
    first, _ = _first_day(policy, p)
    arts = articles(policy, prot.basis)
    runs_on = articles(policy, cited(policy, "contract_runs_on", policy.protection.protected_period.contract_runs_on_basis))
    if prot.contract_inside:
        assert prot.contract_runs_to is not None
        v = verdict("verdict.contract_runs_on", end=contract_end, runs_to=prot.contract_runs_to, articles=article_list(runs_on))
        status: Status = "barred"
        remedies = [message("remedy.contract_runs_on"), message("remedy.reinstate"), message("remedy.double_severance")]
        where = offices(policy.jurisdiction, "dismissal")
    else:
        v = verdict("verdict.contract_ends", end=contract_end, start=first, until=prot.end)
        status, remedies, where = "not_barred", [], []
    return Answer(
        question="contract",
        status=status,
        verdict=v,
        key_dates=[key_date("date.protected_from", first), key_date("date.protected_until", prot.end)],
        articles=arts,
        remedies=remedies,
        where_to_go=where,
        warnings=_period_warnings(p, prot.warnings),
        readings=unique(prot.notes),
    )


# Reasons a dismissal may be given: the codes of the policy's grounds (protected_period.dismissals).
REASONS = ("pregnancy", "no_fault", "layoff", "expiry", "for_cause", "agreement")


def ground_for(policy: Policy, reason: str) -> Dismissal:
    """The policy's dismissal ground whose ``reason`` code is ``reason``."""
    rules = policy.protection.protected_period.dismissals
    found = [r for r in rules if r.reason == reason]
    if len(found) != 1:
        from .errors import PolicyError

        raise PolicyError(f"policy {policy.id}: no single dismissal ground for {reason!r}")
    return Dismissal(ground=found[0].ground, ground_en=found[0].ground_en, barred=found[0].barred, basis=[])


def dismissal_answer(policy: Policy, p: Pregnancy, on: date, calendar: Calendar, reason: str | None = None) -> Answer:
    """Is a dismissal on ``on`` barred by the protected period; what she can claim; by when."""
    prot, _ = _period(policy, p, calendar)
    first, earliest_only = _first_day(policy, p)
    inside = first <= on <= prot.end
    arb = arbitration_deadline(policy, on, calendar)
    grounds = prot.dismissals
    basis = [*prot.basis, *(b for d in grounds for b in d.basis), *arb.basis]
    arts = articles(policy, basis)
    ground = ground_for(policy, reason) if reason else None
    if not inside:
        v = verdict("verdict.dismissal_outside", on=on, start=first, until=prot.end)
        status: Status = "not_barred"
    elif ground is None:
        barred = joined([Pair(d.ground, d.ground_en) for d in grounds if d.barred])
        allowed = joined([Pair(d.ground, d.ground_en) for d in grounds if not d.barred])
        v = verdict("verdict.dismissal_inside", on=on, start=first, until=prot.end, barred=barred, allowed=allowed)
        status = "barred"
    elif ground.barred:
        v = verdict("verdict.dismissal_barred", on=on, until=prot.end, ground=Pair(ground.ground, ground.ground_en))
        status = "barred"
    else:
        v = verdict("verdict.dismissal_possible", on=on, until=prot.end, ground=Pair(ground.ground, ground.ground_en))
        status = "not_barred"
    remedies = [message("remedy.arbitration", last_day=arb.last_day, known=on)]
    if status == "barred":
        remedies[:0] = [message("remedy.reinstate"), message("remedy.double_severance")]
    warnings = list(arb.warnings)
    if inside and earliest_only and on < p.day:
        warnings.append(message("warn.pregnancy_start_unknown", on=on))
    return Answer(
        question="dismissal",
        status=status,
        verdict=v,
        key_dates=[
            key_date("date.protected_from", first),
            key_date("date.protected_until", prot.end),
            key_date("date.arbitration_last_day", arb.last_day),
        ],
        articles=arts,
        remedies=remedies,
        where_to_go=offices(policy.jurisdiction, "dismissal"),
        warnings=_period_warnings(p, warnings),
        readings=unique([*prot.notes, *arb.notes]),
        provisional=arb.provisional,
    )


def arbitration_answer(policy: Policy, known: date, calendar: Calendar) -> Answer:
    """The last day to apply for labour arbitration, from the day she knew of the infringement."""
    arb = arbitration_deadline(policy, known, calendar)
    return Answer(
        question="arbitration",
        status="info",
        verdict=verdict("verdict.arbitration", last_day=arb.last_day, known=known, years=arb.years, provisional=provisional_clause(arb.provisional)),
        key_dates=[key_date("date.known", known), key_date("date.arbitration_last_day", arb.last_day)],
        articles=articles(policy, arb.basis),
        where_to_go=offices(policy.jurisdiction, "arbitration"),
        warnings=unique(arb.warnings),
        readings=unique(arb.notes),
        provisional=arb.provisional,
    )


def overtime_answer(policy: Policy, p: Pregnancy) -> Answer:
    """From when and until when overtime and night shifts are barred (late pregnancy, nursing)."""
    rules = policy.protection
    months = rules.pregnancy.from_months.value
    weeks = months * policy.miscarriage.weeks_per_month.value
    start = pregnancy_week_start(policy, PregnancyDates(due=p.due), weeks)
    nur = lactation(policy, p.day, p.babies)
    years = rules.lactation.until.years
    if start is not None:
        v = verdict("verdict.overtime", start=start, months=months, until=nur.end, years=years)
    else:
        v = verdict("verdict.overtime_no_due", months=months, birth=p.day, until=nur.end, years=years)
    dates = [key_date("date.lactation_end", nur.end)]
    if start is not None:
        dates.insert(0, key_date("date.overtime_from", start))
    # The articles of the late-pregnancy and nursing protections. The pregnancy's basis is taken
    # without the due date: with it, it would also cite the weeks-at-due-date convention.
    preg = pregnancy_protection(policy, PregnancyDates())
    basis = [*preg.basis, *(b for x in preg.protections for b in x.basis), *nur.basis, *(b for x in nur.protections for b in x.basis)]
    return Answer(
        question="overtime",
        status="estimate" if p.estimate else "info",
        verdict=v,
        key_dates=dates,
        articles=articles(policy, basis),
        where_to_go=[],
        warnings=_period_warnings(p, []),
        readings=unique(nur.notes),
    )


def lactation_answer(policy: Policy, birth: date, babies: int = 1) -> Answer:
    """Nursing time a working day and until when, for ``babies`` born on ``birth``."""
    nur = lactation(policy, birth, babies)
    years = policy.protection.lactation.until.years
    return Answer(
        question="lactation",
        status="info",
        verdict=verdict("verdict.lactation", babies=babies, hours=nur.hours_per_day, end=nur.end, years=years),
        details=[message("detail.lactation_protections")],
        key_dates=[key_date("date.lactation_end", nur.end)],
        articles=articles(policy, [*nur.basis, *(b for p in nur.protections for b in p.basis)]),
        readings=unique(nur.notes),
    )
