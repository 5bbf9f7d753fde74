"""Answers: what a caller asked, answered first, then the dates, the law, what to do and where to go.

Each function here is pure: from a policy, a case and a calendar (or an engine's result) to a
frozen :class:`Answer`. The CLI, the library and the web desk all show these; none of them
works anything out again. Every sentence comes from the message catalogue (messages.py), so an
answer can be shown in Chinese or English and names no command-line option.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from .holiday_calendar import Calendar
from .maternity import MaternityCase, maternity_leave
from .messages import Pair, joined, message, pair, text
from .parenting import ParentingResult
from .pay import AllowanceResult, RestPayResult
from .policy import Delivery, Policy
from .protection import (
    Dismissal,
    Lactation,
    PregnancyDates,
    ProtectedPeriod,
    arbitration_deadline,
    earliest_pregnancy_start,
    lactation,
    pregnancy_week_start,
    protected_period,
)
from .results import Basis, Frozen, LeaveResult, Message, cited, unique
from .where_to_go import Office, offices

Status = Literal["info", "estimate", "correct", "wrong", "unlawful", "lawful", "barred", "not_barred"]
NONE = Pair("", "")
LEAVE_NAMES = {
    "maternity": "leave.maternity",
    "paternity": "leave.paternity",
    "miscarriage": "leave.miscarriage",
    "parenting": "leave.parenting",
}
ONE_DAY = timedelta(days=1)
GRANTS = {"base", "difficult_birth", "extra_babies", "tier", "parenting_days_per_year"}


class Param(Frozen):
    """A value a verdict was worded with, as written in each language (a date or a number is
    the same in both)."""

    name: str
    zh: str
    en: str


class Verdict(Frozen):
    """The one-line answer: its catalogue ``code``, the ``params`` it was worded with, and both
    wordings (a front end may word it again from the code and the params)."""

    code: str
    params: list[Param]
    zh: str
    en: str


class KeyDate(Frozen):
    """A date the caller needs (``code`` names what it is; ``zh``/``en`` its label)."""

    code: str
    date: date
    zh: str
    en: str


class Article(Frozen):
    """A provision of law behind the answer, with its own words where the policy has them."""

    document: str
    article: str
    confidence: str
    excerpt: str | None = None
    issuer: str | None = None
    url: str | None = None


class Answer(Frozen):
    """An answer to one question, in the order a counsellor reads it out.

    ``status`` says what kind of verdict it is (``wrong``: an employer's figure is wrong;
    ``unlawful``: pay below the legal floor; ``barred``: a dismissal the law forbids;
    ``estimate``: worked out from a due date). ``details`` are further lines of the answer;
    ``readings`` are the project's readings of unsettled law the answer rests on.
    """

    question: str
    status: Status
    verdict: Verdict
    details: list[Message] = Field(default_factory=list)
    key_dates: list[KeyDate] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    remedies: list[Message] = Field(default_factory=list)
    where_to_go: list[Office] = Field(default_factory=list)
    warnings: list[Message] = Field(default_factory=list)
    readings: list[Message] = Field(default_factory=list)
    provisional: bool = False


# ---------------------------------------------------------------- building blocks

def verdict(code: str, **params: object) -> Verdict:
    values = [Param(name=k, zh=v.zh, en=v.en) if isinstance(v, Pair) else Param(name=k, zh=str(v), en=str(v)) for k, v in params.items()]
    return Verdict(code=code, params=values, zh=text(code, "zh", **params), en=text(code, "en", **params))


def key_date(code: str, day: date) -> KeyDate:
    return KeyDate(code=code, date=day, zh=text(code, "zh"), en=text(code, "en"))


def articles(policy: Policy, basis: list[Basis]) -> list[Article]:
    """The provisions behind ``basis``, each once, with the excerpt, issuer and url of its citation
    where the policy gives them. Interpretations are readings, not law: they are left out here."""
    out: dict[tuple[str, str], Article] = {}
    for b in basis:
        if b.confidence == "interpretation" or (b.document, b.article) in out:
            continue
        c = next((c for c in policy.citations.values() if (c.document, c.article) == (b.document, b.article)), None)
        out[(b.document, b.article)] = Article(
            document=b.document,
            article=b.article,
            confidence=b.confidence,
            excerpt=getattr(c, "excerpt", None),
            issuer=getattr(c, "issuer", None),
            url=getattr(c, "url", None),
        )
    return list(out.values())


def article_name(a: Article) -> Pair:
    """"《A》第35条" / "A art. 35"; an article described in words rather than numbered: "《A》（…）"."""
    code = "article" if a.article.replace("-", "").isdigit() else "article_named"
    return pair(code, document=a.document, article=a.article)


def article_list(items: list[Article]) -> Pair:
    """Articles as a short parameter: "《A》第35条、《B》第7条"."""
    return joined([article_name(a) for a in items])


def _provisional(flag: bool) -> Pair:
    return pair("clause.provisional") if flag else NONE


# ---------------------------------------------------------------- leave, and an employer's figure

def _skipping(r: LeaveResult) -> Pair:
    if not r.skipped_holidays:
        return NONE
    names: dict[str, Pair] = {}
    for h in r.skipped_holidays:
        names.setdefault(h.name, Pair(h.name, h.name_en))
    return pair("clause.skipping", n=len(r.skipped_holidays), names=joined(list(names.values())))


def leave_line(r: LeaveResult, due: date | None = None) -> Verdict:
    """'产假共188天：…，…返岗上班。' (with ``due``: an estimate from the due date)."""
    params: dict[str, object] = dict(
        leave=pair(LEAVE_NAMES[r.kind]),
        days=r.total_days,
        skipping=_skipping(r),
        start=r.start,
        end=r.end,
        back=r.return_to_work,
        provisional=_provisional(r.provisional),
    )
    if due is not None:
        return verdict("verdict.leave_estimate", due=due, **params)
    return verdict("verdict.leave", **params)


def _as_message(v: Verdict) -> Message:
    return Message(code=v.code, zh=v.zh, en=v.en)


def check_days(claimed: int, due: int, what: list[Article]) -> tuple[Verdict, Status]:
    """An employer's count of days against the law's."""
    if claimed < due:
        return verdict("check.days_short", claimed=claimed, legal=due, diff=due - claimed, articles=article_list(what)), "wrong"
    if claimed > due:
        return verdict("check.days_more", claimed=claimed, legal=due, diff=claimed - due), "correct"
    return verdict("check.days_right", claimed=claimed), "correct"


def check_end(claimed: date, end: date, what: list[Article]) -> tuple[Verdict, Status]:
    """An employer's last day of leave against the law's."""
    if claimed < end:
        diff = (end - claimed).days
        return verdict("check.end_early", claimed=claimed, end=end, diff=diff, articles=article_list(what)), "wrong"
    if claimed > end:
        return verdict("check.end_late", claimed=claimed, end=end, diff=(claimed - end).days), "correct"
    return verdict("check.end_right", claimed=claimed), "correct"


def _checked(
    line: Verdict, arts: list[Article], legal_days: int, end: date | None, claimed_days: int | None, claimed_end: date | None
) -> tuple[Verdict, list[Message], Status]:
    """The verdict and details once any employer figures are checked: the check first."""
    checks: list[tuple[Verdict, Status]] = []
    if claimed_days is not None:
        checks.append(check_days(claimed_days, legal_days, arts))
    if claimed_end is not None and end is not None:
        checks.append(check_end(claimed_end, end, arts))
    if not checks:
        return line, [], "info"
    wrong = [c for c in checks if c[1] == "wrong"]
    first = (wrong or checks)[0]
    rest = [_as_message(v) for v, _ in checks if v is not first[0]]
    return first[0], [*rest, _as_message(line)], first[1]


def _dispute_help(policy: Policy, topic: str) -> tuple[list[Message], list[Office]]:
    return [message("remedy.talk_first"), message("remedy.complain")], offices(policy.jurisdiction, topic)


def leave_answer(
    policy: Policy,
    r: LeaveResult,
    *,
    claimed_days: int | None = None,
    claimed_end: date | None = None,
    due: date | None = None,
    asked_start: date | None = None,
) -> Answer:
    """A leave (maternity, paternity, miscarriage, a parenting block) as an answer; with
    ``claimed_days`` / ``claimed_end``, whether the employer's figure is right; with ``due``,
    the leave was worked out from the due date and is an estimate; ``asked_start``: the first
    day of leave asked for, when the leave may have had to start later."""
    arts = articles(policy, [b for s in r.segments for b in s.basis])
    # The articles that grant the days: what a check of the employer's count cites.
    granting = articles(policy, [b for s in r.segments for b in s.basis if b.days is not None and b.item in GRANTS])
    line = leave_line(r, due)
    v, details, status = _checked(line, granting, r.total_days, r.end, claimed_days, claimed_end)
    remedies, where = _dispute_help(policy, "leave") if status == "wrong" else ([], [])
    warnings = list(r.warnings)
    if asked_start is not None and asked_start < r.start and r.kind == "maternity":
        details.insert(0, too_early(policy, asked_start, r.start))
        warnings = [w for w in warnings if w.code != "start_too_early"]  # the detail says it, and more
    if due is not None:
        status = "estimate" if status == "info" else status
        warnings.insert(0, message("warn.estimate_from_due", due=due))
    return Answer(
        question=r.kind,
        status=status,
        verdict=v,
        details=details,
        key_dates=[key_date("date.leave_start", r.start), key_date("date.leave_end", r.end), key_date("date.back", r.return_to_work)],
        articles=arts,
        remedies=remedies,
        where_to_go=where,
        warnings=unique(warnings),
        readings=unique(r.notes),
        provisional=r.provisional,
    )


def too_early(policy: Policy, asked: date, start: date) -> Message:
    """Days before the birth beyond those maternity leave may start with: which article, and
    what leave they can be instead."""
    rule = policy.maternity.max_days_before_birth
    limit = articles(policy, cited(policy, "max_days_before_birth", rule.basis))
    floor = policy.pay.rest_floor if policy.pay is not None else None
    rest = articles(policy, cited(policy, "rest_floor", floor.basis)) if floor is not None else []
    params = dict(asked=asked, last=start - ONE_DAY, n=(start - asked).days, limit=rule.days, articles=article_list(limit))
    if rest:
        return message("detail.start_too_early_rest", rest=article_list(rest), **params)
    return message("detail.start_too_early", **params)


def maternity_answer(
    policy: Policy,
    case: MaternityCase,
    calendar: Calendar,
    *,
    claimed_days: int | None = None,
    claimed_end: date | None = None,
    estimate: bool = False,
) -> Answer:
    """Maternity leave; ``estimate``: ``case.birth`` is the due date, not a birth."""
    r = maternity_leave(policy, case, calendar)
    due = case.birth if estimate else None
    return leave_answer(policy, r, claimed_days=claimed_days, claimed_end=claimed_end, due=due, asked_start=case.start)


def parenting_answer(
    policy: Policy,
    r: ParentingResult,
    on: date | None = None,
    *,
    claimed_days: int | None = None,
    claimed_end: date | None = None,
) -> Answer:
    """Parenting leave: the days a year until the age limit, the year ``on`` falls in, and a
    block if one was asked for (its dates, and a check of the employer's figure against it)."""
    if r.block is not None:
        block = leave_answer(policy, r.block, claimed_days=claimed_days, claimed_end=claimed_end)
        return block.model_copy(update={"warnings": unique([*r.warnings, *block.warnings]), "readings": unique([*r.notes, *block.readings])})
    rules = policy.parenting
    arts = articles(policy, r.basis)
    year = next((y for y in r.years if on is not None and y.from_ <= on <= y.to), None)
    until = r.years[-1].to
    if year:
        current = pair("clause.parenting_year", start=year.from_, end=year.to, days=year.days)
    elif on is not None and on > until:
        current = pair("clause.parenting_over", on=on)
    else:
        current = NONE
    line = verdict(
        "verdict.parenting",
        years=rules.until.years,
        until=r.years[-1].to,
        days=rules.days_per_year.days,
        total=r.total_days,
        current=current,
    )
    granting = articles(policy, [b for b in r.basis if b.item in GRANTS])
    v, details, status = _checked(line, granting, year.days if year else rules.days_per_year.days, None, claimed_days, None)
    remedies, where = _dispute_help(policy, "leave") if status == "wrong" else ([], [])
    dates = [key_date("date.parenting_until", r.years[-1].to)]
    if year:
        dates[:0] = [key_date("date.year_from", year.from_), key_date("date.year_to", year.to)]
    return Answer(
        question="parenting",
        status=status,
        verdict=v,
        details=details,
        key_dates=dates,
        articles=arts,
        remedies=remedies,
        where_to_go=where,
        warnings=unique(r.warnings),
        readings=unique(r.notes),
    )


# ---------------------------------------------------------------- pay

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


# ---------------------------------------------------------------- the protected period (三期)

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


# Reasons a dismissal may be given, and the words of the policy's ground each one is.
REASONS: dict[str, str] = {
    "pregnancy": "because of pregnancy",
    "no_fault": "no-fault dismissal",
    "layoff": "economic layoff",
    "expiry": "fixed-term contract at expiry",
    "for_cause": "dismissal for cause",
    "agreement": "mutual agreement",
}


def ground_for(policy: Policy, reason: str) -> Dismissal:
    """The policy's dismissal ground for a ``REASONS`` key."""
    words = REASONS[reason]
    rules = policy.protection.protected_period.dismissals
    found = [r for r in rules if words in r.ground_en]
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
        verdict=verdict("verdict.arbitration", last_day=arb.last_day, known=known, years=arb.years, provisional=_provisional(arb.provisional)),
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
    basis = [b for part in protection_basis(policy) for b in part]
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


def protection_basis(policy: Policy) -> list[list[Basis]]:
    """The basis of the late-pregnancy and nursing protections (no overtime, no night shift)."""
    from .protection import pregnancy_protection

    preg = pregnancy_protection(policy, PregnancyDates())
    nur = lactation(policy, policy.effective_from)
    return [preg.basis, *(p.basis for p in preg.protections), nur.basis, *(p.basis for p in nur.protections)]


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
