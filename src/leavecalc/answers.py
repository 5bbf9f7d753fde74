"""Answers: what a caller asked, answered first, then the dates, the law, what to do and where to go.

This module: the Answer model, leave (with checks of an employer's figure) and pay; the
questions of pay are in pay_answers.py, those of the protected period (三期) in
protection_answers.py.

Each function here is pure: from a policy, a case and a calendar (or an engine's result) to a
frozen :class:`Answer`. The CLI, the library and the web desk all show these; none of them
works anything out again. Every sentence comes from the message catalogue (messages.py), so an
answer can be shown in Chinese or English and names no command-line option.
"""

from __future__ import annotations


from datetime import date
from typing import Literal

from pydantic import Field

from .holiday_calendar import Calendar
from .leave import ONE_DAY
from .maternity import MaternityCase
from .messages import Pair, joined, message, pair, text
from .parenting import ParentingResult
from .policy import Policy
from .results import ARTICLE_ITEM, Basis, item_numeral, Frozen, LeaveResult, Message, cited, unique
from .where_to_go import Office, offices

Status = Literal["info", "estimate", "correct", "wrong", "unlawful", "lawful", "barred", "not_barred"]
NONE = Pair("", "")
LEAVE_NAMES = {
    "maternity": "leave.maternity",
    "paternity": "leave.paternity",
    "miscarriage": "leave.miscarriage",
    "parenting": "leave.parenting",
}
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
    """"《A》第35条" / "A art. 35"; an item of an article, "42(4)": "《A》第42条第（4）项"; an article
    described in words rather than numbered: "《A》（…）"."""
    item = ARTICLE_ITEM.fullmatch(a.article)
    if item:
        return pair("article_item", document=a.document, article=item[1], item=item_numeral(item[2]))
    code = "article" if a.article.replace("-", "").isdigit() else "article_named"
    return pair(code, document=a.document, article=a.article)


def article_list(items: list[Article]) -> Pair:
    """Articles as a short parameter: "《A》第35条、《B》第7条"."""
    return joined([article_name(a) for a in items])


def provisional_clause(flag: bool) -> Pair:
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
    """'产假共N天：…，…返岗上班。' (with ``due``: an estimate from the due date)."""
    params: dict[str, object] = dict(
        leave=pair(LEAVE_NAMES[r.kind]),
        days=r.total_days,
        skipping=_skipping(r),
        start=r.start,
        end=r.end,
        back=r.return_to_work,
        provisional=provisional_clause(r.provisional),
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
    from .maternity import maternity_leave

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
    assert rules is not None  # parenting_leave() gives a result only where the policy has parenting leave
    arts = articles(policy, r.basis)
    year = next((y for y in r.years if on is not None and y.from_ <= on <= y.to), None)
    until = r.years[-1].to
    if year:
        current = pair("clause.parenting_year", start=year.from_, end=year.to, days=year.days)
    elif on is not None and on > until:
        current = pair("clause.parenting_over", on=on)
    else:
        current = NONE
    each = [y.days for y in r.years]
    if len(set(each)) > 1:  # the rules changed while the child was under the limit (parenting.py)
        line = verdict(
            "verdict.parenting_varies", years=rules.until.years, until=r.years[-1].to, total=r.total_days,
            each=joined([Pair(str(n), str(n)) for n in each]), current=current,
        )
    else:
        line = verdict(
            "verdict.parenting", years=rules.until.years, until=r.years[-1].to, days=each[0], total=r.total_days, current=current,
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
