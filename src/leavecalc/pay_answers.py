"""Answers to the questions of pay: the allowance and top-up, and pregnancy-rest pay against its
floor. Pure, as answers.py."""

from __future__ import annotations

from decimal import Decimal

from .answers import Answer, Status, articles, key_date, verdict
from .messages import message
from .pay import AllowanceResult, RestPayResult
from .policy import Policy
from .results import unique
from .where_to_go import offices


def allowance_answer(policy: Policy, r: AllowanceResult) -> Answer:
    """Who pays what during maternity leave."""
    if r.insured:
        v = verdict("verdict.allowance", amount=r.amount, days=r.days)
    else:
        v = verdict("verdict.allowance_uninsured", amount=r.amount, days=r.days)
    details = []
    if r.employer_top_up:
        details.append(message("detail.top_up", amount=r.employer_top_up))
    if r.normal_wage_days:
        details.append(message("detail.normal_wage_days", days=r.normal_wage_days))
    details.append(message("detail.holidays_paid"))
    dates = []
    if r.leave_start is not None and r.leave_end is not None:
        dates = [key_date("date.leave_start", r.leave_start), key_date("date.leave_end", r.leave_end)]
    return Answer(
        question="allowance",
        status="info",
        verdict=v,
        details=details,
        key_dates=dates,
        articles=articles(policy, r.basis),
        warnings=unique(r.warnings),
        readings=unique(r.notes),
    )


def rest_answer(policy: Policy, r: RestPayResult) -> Answer:
    """Pregnancy rest pay against the floor: the shortfall if any, and when the floor applies."""
    arts = articles(policy, r.basis)
    if r.shortfall_total > Decimal(0):
        v = verdict(
            "verdict.rest_below", pay=r.pay, percent=r.floor_percent, start=r.start, end=r.end,
            floor=r.floor_total, shortfall=r.shortfall_total,
        )
        status: Status = "unlawful"
        remedies, where = [message("remedy.claim_shortfall", amount=r.shortfall_total), message("remedy.complain")], offices(policy.jurisdiction, "pay")
    else:
        v = verdict("verdict.rest_ok", pay=r.pay, percent=r.floor_percent)
        status, remedies, where = "lawful", [], []
    return Answer(
        question="pregnancy_rest",
        status=status,
        verdict=v,
        details=[message("detail.rest_conditions", percent=r.floor_percent)],
        key_dates=[key_date("date.rest_start", r.start), key_date("date.rest_end", r.end)],
        articles=arts,
        remedies=remedies,
        where_to_go=where,
        warnings=unique(r.warnings),
        readings=unique(r.notes),
    )
