"""Turning results into text (Chinese or English) and JSON. No computation happens here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from .messages import text
from .policy import Policy
from .results import ARTICLE_ITEM, Basis, item_numeral, LeaveResult, Message, NamedDay

if TYPE_CHECKING:
    from .holiday_data import HolidayYear
    from .parenting import ParentingResult
    from .pay import AllowanceResult, RestPayResult
    from .plan import PlanLine, PlanResult

Lang = Literal["zh", "en"]

WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

# The words of the text output: each key's catalogue code (data/messages.toml, label.*).
LABELS: dict[str, str] = {
    "base": "label.base",
    "difficult_birth": "label.difficult_birth",
    "extra_babies": "label.extra_babies",
    "difficult_delivery": "label.difficult_delivery",
    "counting:calendar": "label.counting_calendar",
    "counting:skip_statutory": "label.counting_skip_statutory",
    "statutory_holidays": "label.statutory_holidays",
    "tier": "label.tier",
    "national_floor": "label.national_floor",
    "weeks_per_month": "label.weeks_per_month",
    "text": "label.text",
    "secondary": "label.secondary",
    "interpretation": "label.interpretation",
    "calendar": "label.calendar",
    "skip_statutory": "label.skip_statutory",
    "maternity": "label.maternity",
    "miscarriage": "label.miscarriage",
    "policy": "label.policy",
    "total": "label.total",
    "end": "label.end",
    "return": "label.return",
    "provisional": "label.provisional",
    "skipped": "label.skipped",
    "warnings": "label.warnings",
    "notes": "label.notes",
    "holiday_data": "label.holiday_data",
    "estimated": "label.estimated",
    "days": "label.days",
    "to": "label.to",
}


def t(key: str, lang: Lang) -> str:
    """The word for ``key`` in ``lang`` (the key itself where there is none)."""
    return text(LABELS[key], lang) if key in LABELS else key


def day(d: date, lang: Lang) -> str:
    wd = WEEKDAYS[lang][d.weekday()]
    return f"{d.isoformat()}（星期{wd}）" if lang == "zh" else f"{d.isoformat()} ({wd})"


def article(a: str, lang: Lang) -> str:
    if a.isdigit():
        return f"第{a}条" if lang == "zh" else f"art. {a}"
    item = ARTICLE_ITEM.fullmatch(a)
    if item:
        return f"第{item[1]}条第（{item_numeral(item[2]).zh}）项" if lang == "zh" else f"art. {a}"
    return a


# Basis items whose number is a count of something other than leave days.
PLAIN_NUMBERS = {"weeks_per_month", "statutory_holidays"}


def basis_line(b: Basis, lang: Lang) -> str:
    if b.days is None:
        amount = ""
    elif b.item in PLAIN_NUMBERS:
        amount = f" {b.days}"
    else:
        amount = f" {b.days}{t('days', lang)}"
    return f"{t(b.item, lang)}{amount} —— {b.document} {article(b.article, lang)} [{t(b.confidence, lang)}]"


def messages(title: str, items: list[Message], lang: Lang) -> list[str]:
    if not items:
        return []
    return [f"{title}:", *(f"  - {getattr(m, lang)}" for m in items)]


def policy_tag(policy: str, lang: Lang) -> str:
    """" · Policy nanjing_2025" in English; Chinese text names no policy id (the JSON does)."""
    return "" if lang == "zh" else f" · {t('policy', lang)} {policy}"


def source_name(source: str) -> str:
    """A holiday data source as shown: a file is named, not given by its path."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def segment_lines(r: LeaveResult, lang: Lang) -> list[str]:
    """Each segment with its days, dates and counting; the holidays not counted; the data used."""
    days = t("days", lang)
    out = []
    for i, s in enumerate(r.segments, 1):
        label = s.label if lang == "zh" else s.label_en
        out.append(f"{i}. {label}  {s.days}{days}  {s.start} {t('to', lang)} {s.end}  ({t(s.counting, lang)})")
    if r.skipped_holidays:
        names = ", ".join(f"{h.date} {h.name if lang == 'zh' else h.name_en}" for h in r.skipped_holidays)
        out.append(f"{t('skipped', lang)}: {names}")
    data = ", ".join(f"{d.year}: {source_name(d.source)}" for d in r.holiday_data)
    out.append(f"{t('holiday_data', lang)}: {data}")
    return out


def leave_text(r: LeaveResult, lang: Lang, heading: str = "") -> str:
    """A readable account of a leave: each segment with its days, dates and articles."""
    days = t("days", lang)
    out = [f"{t(r.kind, lang)}{policy_tag(r.policy, lang)}" + (f" · {heading}" if heading else ""), ""]
    for i, s in enumerate(r.segments, 1):
        label = s.label if lang == "zh" else s.label_en
        out.append(f"{i}. {label}  {s.days}{days}  {s.start} {t('to', lang)} {s.end}  ({t(s.counting, lang)})")
        out += [f"     {basis_line(b, lang)}" for b in s.basis]
    out.append("")
    out.append(f"{t('total', lang)}: {r.total_days}{days}  ({r.start} {t('to', lang)} {r.end})")
    out.append(f"{t('end', lang)}: {day(r.end, lang)}")
    out.append(f"{t('return', lang)}: {day(r.return_to_work, lang)}{t('provisional', lang) if r.provisional else ''}")
    out += segment_lines(r, lang)[len(r.segments):]
    out += messages(t("warnings", lang), r.warnings, lang)
    out += messages(t("notes", lang), r.notes, lang)
    return "\n".join(out)


def to_json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2)


def cite_line(p: Policy, keys: list[str]) -> str:
    """The citations behind a policy number, on one line, for `leavecalc policies show`."""
    return "; ".join(f"{c.document} {article(c.article, 'zh')} [{c.confidence}]" for c in p.cite(keys))


def policy_text(p: Policy) -> str:
    """Every number of a policy with the citation behind it, for `leavecalc policies show`."""
    cite = partial(cite_line, p)

    until = p.effective_until or "(open)"
    out = [f"{p.id} · {p.title}", f"{p.title_en}", f"jurisdiction {p.jurisdiction}, in force {p.effective_from} to {until}"]
    out += [f"status {p.review.status}" + (f": {p.review.note}" if p.review.note else "")]
    out += [f"layers {' <- '.join(p.layers)}"] if p.layers else []
    out += [""]
    m = p.maternity
    out.append("maternity:")
    out.append(f"  up to {m.max_days_before_birth.days} days before the birth — {cite(m.max_days_before_birth.basis)}")
    out.append(f"  difficult deliveries: {', '.join(m.difficult_deliveries)} — {cite(m.difficult_deliveries_basis)}")
    for s in m.segments:
        out.append(f"  segment {s.name} ({s.label} / {s.label_en}), counting {s.counting.rule} — {cite(s.counting.basis)}")
        for item, part in (("base", s.base), ("difficult birth", s.difficult_birth), ("per extra baby", s.per_extra_baby)):
            if part is not None:
                out.append(f"    {item}: {part.days} days — {cite(part.basis)}")
    mc = p.miscarriage
    out.append(f"miscarriage (counting {mc.counting.rule}, {mc.weeks_per_month.value} weeks a month):")
    for tier in mc.tiers:
        out.append(f"  from {tier.from_months} months: {tier.days} days ({tier.label}) — {cite(tier.basis)}")
    out += family_policy_lines(p, cite)
    out += pay_policy_lines(p)
    out.append("")
    out.append("citations:")
    for key, c in p.citations.items():
        out.append(f"  {key}: {c.document} {article(c.article, 'zh')}, in force {c.in_force}, {c.confidence}")
        if c.note:
            out.append(f"      {c.note}")
    return "\n".join(out)


# ---------------------------------------------------------------- family entitlements

LABELS.update(
    {
        "paternity": "label.paternity",
        "parenting": "label.parenting",
        "plan": "label.plan",
        "mother": "label.mother",
        "father": "label.father",
        "each_parent": "label.each_parent",
        "paternity_window": "label.paternity_window",
        "parenting_days_per_year": "label.parenting_days_per_year",
        "age_limit": "label.age_limit",
        "year:child_age_year": "label.year_child_age_year",
        "year:calendar_year": "label.year_calendar_year",
        "counting:workdays": "label.counting_workdays",
        "workdays": "label.workdays",
        "per_child": "label.per_child",
        "from_months": "label.from_months",
        "weeks_at_due_date": "label.weeks_at_due_date",
        "weeks_at_conception": "label.weeks_at_conception",
        "protection": "label.protection",
        "lactation_hours": "label.lactation_hours",
        "lactation_extra_baby": "label.lactation_extra_baby",
        "protected_period": "label.protected_period",
        "contract_runs_on": "label.contract_runs_on",
        "dismissal": "label.dismissal",
        "arbitration_years": "label.arbitration_years",
        "period_counting": "label.period_counting",
        "dates_unknown": "label.dates_unknown",
        "ends": "label.ends",
        "delivery:normal": "label.delivery_normal",
        "delivery:cesarean": "label.delivery_cesarean",
        "delivery:assisted": "label.delivery_assisted",
        "delivery:other_difficult": "label.delivery_other_difficult",
        "start_unknown": "label.start_unknown",
        "end_unknown": "label.end_unknown",
        "years": "label.years",
        "each": "label.each",
        "block": "label.block",
        "shared": "label.shared",
        "barred": "label.barred",
        "allowed": "label.allowed",
        "by": "label.by",
        "mother_leave": "label.mother_leave",
    }
)
PLAIN_NUMBERS.update(
    {"age_limit", "from_months", "weeks_at_due_date", "weeks_at_conception", "lactation_hours", "lactation_extra_baby", "arbitration_years"}
)


def short_articles(basis: list[Basis], lang: Lang) -> str:
    """The documents and articles behind a line, each once: "《A》第7条、第35条；项目解读"."""
    by_doc: dict[str, list[str]] = {}
    for b in basis:
        doc = t("interpretation", lang) if b.confidence == "interpretation" else b.document
        arts = by_doc.setdefault(doc, [])
        a = "" if b.confidence == "interpretation" else article(b.article, lang)
        if a and a not in arts:
            arts.append(a)
    sep, join = ("；", "、") if lang == "zh" else ("; ", ", ")

    def arts_text(arts: list[str]) -> str:
        # Numbered articles read well in a list; descriptive ones need a clearer separator.
        numbered = all(a.startswith(("第", "art.")) for a in arts)
        return (join if numbered else " / ").join(arts)

    return sep.join(f"{doc} {arts_text(arts)}".strip() for doc, arts in by_doc.items())


def plan_line_articles(line: PlanLine, lang: Lang) -> str:
    return f"{t('by', lang)}: {short_articles(line.basis, lang)}"


def _span(start: date | None, end: date | None, lang: Lang) -> str:
    if start is None and end is None:
        return t("dates_unknown", lang)
    return f"{start or t('start_unknown', lang)} {t('to', lang)} {end or t('end_unknown', lang)}"


def birth_heading(birth: date, delivery: str, babies: int, lang: Lang) -> str:
    """A birth as headings show it: 2025-03-10 · 剖宫产 · 2个婴儿."""
    count = f"{babies}个婴儿" if lang == "zh" else f"{babies} {'baby' if babies == 1 else 'babies'}"
    return f"{birth} · {t('delivery:' + delivery, lang)} · {count}"


def plan_text(r: PlanResult, lang: Lang) -> str:
    """The timeline of both parents, a line per entitlement with its dates and articles."""
    out = [f"{t('plan', lang)}{policy_tag(r.policy, lang)} · {birth_heading(r.birth, r.delivery, r.babies, lang)}", ""]
    for line in r.lines:
        label = line.label if lang == "zh" else line.label_en
        out.append(f"[{t(line.who, lang)}] {label}  {_span(line.start, line.end, lang)}")
        out.append(f"    {line.detail if lang == 'zh' else line.detail_en}")
        out.append(f"    {plan_line_articles(line, lang)}")
    out.append("")
    out += messages(t("warnings", lang), r.warnings, lang)
    out += messages(t("notes", lang), r.notes, lang)
    return "\n".join(out)


def parenting_lines(r: ParentingResult, lang: Lang) -> list[str]:
    """The years with their days, any overlap with other children, and the block's segments."""
    days = t("days", lang)
    out = [f"{i}. {y.from_} {t('to', lang)} {y.to}  {y.days}{days}" for i, y in enumerate(r.years, 1)]
    out.append(f"{t('total', lang)}: {r.total_days}{days}")
    if r.shared_with_other_children:
        spans = ", ".join(f"{p.from_} {t('to', lang)} {p.to}" for p in r.shared_with_other_children)
        out.append(f"{t('shared', lang)}: {spans}")
    if r.block is not None:
        out += [f"{t('block', lang)}:", *segment_lines(r.block, lang)]
    return out


def family_policy_lines(p: Policy, cite: Callable[[list[str]], str]) -> list[str]:
    """The paternity, parenting and protection numbers of a policy, for `leavecalc policies show`."""
    pa, pr, pt = p.paternity, p.parenting, p.protection
    preg, nur, prot = pt.pregnancy, pt.lactation, pt.protected_period
    out = [f"paternity ({pa.label}): {pa.days.days} days — {cite(pa.days.basis)}"]
    out.append(f"  counting {pa.counting.rule} — {cite(pa.counting.basis)}")
    out.append(f"  during the mother's maternity leave — {cite(pa.window_basis)}")
    if pr is None:
        out.append("parenting: none known for this jurisdiction (see its review note)")
    else:
        out.append(f"parenting ({pr.label}): {pr.days_per_year.days} days a year for each parent — {cite(pr.days_per_year.basis)}")
        out.append(f"  until the child is {pr.until.years} ({pr.until.last_day}) — {cite(pr.until.basis)}")
        out.append(f"  year {pr.year.rule} — {cite(pr.year.basis)}")
        out.append(f"  counting {pr.counting.rule} — {cite(pr.counting.basis)}")
        out.append(f"  per child: {pr.per_child.value} — {cite(pr.per_child.basis)}")
    out.append(f"pregnancy: protections from {preg.from_months.value} months — {cite(preg.from_months.basis)}")
    out.append(f"  due date = week {preg.weeks_at_due_date.value} — {cite(preg.weeks_at_due_date.basis)}")
    out.append(f"  conception = week {preg.weeks_at_conception.value} — {cite(preg.weeks_at_conception.basis)}")
    for r in [*preg.from_month_protections, *preg.whole_pregnancy_protections]:
        out.append(f"  {r.label} — {cite(r.basis)}")
    out.append(f"nursing: until the child is {nur.until.years} ({nur.until.last_day}) — {cite(nur.until.basis)}")
    out.append(f"  {nur.hours_per_day.hours} hour(s) a working day — {cite(nur.hours_per_day.basis)}")
    out.append(f"  +{nur.per_extra_baby.hours} hour(s) per extra baby — {cite(nur.per_extra_baby.basis)}")
    for r in nur.protections:
        out.append(f"  {r.label} — {cite(r.basis)}")
    out.append(f"protected period — {cite(prot.phases_basis)}; contract runs on — {cite(prot.contract_runs_on_basis)}")
    for dm in prot.dismissals:
        out.append(f"  {'barred' if dm.barred else 'not barred'}: {dm.ground} — {cite(dm.basis)}")
    out.append(f"  arbitration within {prot.arbitration_years.value} year(s) — {cite(prot.arbitration_years.basis)}; "
               f"counting — {cite(prot.arbitration_counting_basis)}")
    return out


# ---------------------------------------------------------------- pay (pay.py)

LABELS.update(
    {
        "allowance": "label.allowance",
        "allowance_wage": "label.allowance_wage",
        "allowance_divisor": "label.allowance_divisor",
        "own_wage_divisor": "label.own_wage_divisor",
        "top_up": "label.top_up",
        "uninsured": "label.uninsured",
        "fund_parts": "label.fund_parts",
        "fund_day_order": "label.fund_day_order",
        "rest_floor": "label.rest_floor",
        "minimum_wage": "label.minimum_wage",
        "part_month": "label.part_month",
        "minimum_wage_checked": "label.minimum_wage_checked",
        "eligibility": "label.eligibility",
        "pregnancy_rest": "label.pregnancy_rest",
        "pay:allowance": "label.pay_allowance",
        "pay:pre_leave_wage": "label.pay_pre_leave_wage",
        "pay:normal_wage": "label.pay_normal_wage",
        "basis": "label.basis",
        "months": "label.months",
    }
)
PLAIN_NUMBERS |= {"allowance_divisor", "own_wage_divisor", "rest_floor"}


def rest_lines(r: RestPayResult, lang: Lang) -> list[str]:
    """The agreed pay against the floor, month by month, and the total owed."""
    zh = lang == "zh"
    out = []
    out.append(
        f"约定月工资 {r.pay}；下限为当月最低工资标准的 {r.floor_percent}%" if zh
        else f"Agreed monthly pay {r.pay}; the floor is {r.floor_percent}% of the month's minimum wage"
    )
    for m in r.months:
        out.append(
            f"  {m.month}  {m.days}/{m.days_in_month}天  最低工资 {m.minimum_wage}  下限 {m.floor}  约定 {m.paid}  差额 {m.shortfall}"
            if zh
            else f"  {m.month}  {m.days}/{m.days_in_month} days  minimum wage {m.minimum_wage}  floor {m.floor}  "
            f"agreed {m.paid}  shortfall {m.shortfall}"
        )
    out.append(
        f"{t('total', lang)}: 下限 {r.floor_total}  约定 {r.paid_total}  单位应补足 {r.shortfall_total}" if zh
        else f"{t('total', lang)}: floor {r.floor_total}  agreed {r.paid_total}  the employer owes {r.shortfall_total}"
    )
    return out


def _basis_block(items: list[Basis], lang: Lang) -> list[str]:
    return [f"{t('basis', lang)}:", *(f"  {basis_line(b, lang)}" for b in items)]


def allowance_lines(r: AllowanceResult, lang: Lang) -> list[str]:
    """The sum behind the allowance, who pays which part, and the months."""
    zh = lang == "zh"
    days = t("days", lang)
    out = []
    if r.insured:
        assert r.avg_wage is not None
        out.append(
            f"单位上年度职工月平均工资 {r.avg_wage} ÷ {r.divisor} × {r.days}天 = {r.amount}（生育保险基金支付；日额约 {r.daily_rate}）"
            if zh
            else f"Employer's average monthly wage {r.avg_wage} ÷ {r.divisor} × {r.days} days = {r.amount} "
            f"(paid by the maternity fund; about {r.daily_rate} a day)"
        )
        if r.own_wage is not None:
            out.append(
                f"本人月工资 {r.own_wage}：单位补差 {r.employer_top_up}" if zh
                else f"Her monthly wage {r.own_wage}: employer's top-up {r.employer_top_up}"
            )
    else:
        out.append(
            f"未参加生育保险：单位按产假前工资支付 {r.own_wage} ÷ {r.divisor} × {r.days}天 = {r.amount}" if zh
            else f"Not insured: the employer pays her pre-leave wage {r.own_wage} ÷ {r.divisor} × {r.days} days = {r.amount}"
        )
    if r.normal_wage_days:
        out.append(
            f"另有 {r.normal_wage_days}天 产假由单位按正常工资支付" if zh
            else f"Another {r.normal_wage_days} days of leave are paid by the employer as normal wages"
        )
    for p in r.periods:
        label = p.label if zh else p.label_en
        out.append(f"  {label} · {t(p.part, lang)} {p.days}{days}  {p.start} {t('to', lang)} {p.end}  {t('pay:' + p.pay, lang)}")
    if r.months:
        out.append(f"{t('months', lang)}:")
        for m in r.months:
            out.append(
                f"  {m.month}  津贴天数 {m.days}  金额 {m.amount}  补差 {m.employer_top_up}  正常工资天数 {m.normal_wage_days}"
                if zh
                else f"  {m.month}  days {m.days}  amount {m.amount}  top-up {m.employer_top_up}  normal-wage days {m.normal_wage_days}"
            )
    return out


def pay_policy_lines(p: Policy) -> list[str]:
    """The [pay] numbers of a policy with their citations, for `leavecalc policies show`."""
    if p.pay is None:
        return []
    cite = partial(cite_line, p)

    pay = p.pay
    out = ["pay:"]
    out.append(f"  allowance at the employer's previous-year average monthly wage — {cite(pay.allowance_wage_basis)}")
    out.append(f"  allowance divisor: {pay.allowance_divisor.value} — {cite(pay.allowance_divisor.basis)}")
    out.append(f"  fund pays: {', '.join(pay.fund_parts.parts)} — {cite(pay.fund_parts.basis)}")
    out.append(f"  order of days within a segment — {cite(pay.fund_day_order_basis)}")
    out.append(f"  top-up — {cite(pay.top_up_basis)}")
    out.append(f"  her daily wage divisor: {pay.own_wage_divisor.value} — {cite(pay.own_wage_divisor.basis)}")
    out.append(f"  who qualifies (assumed) — {cite(pay.eligibility_basis)}")
    out.append(f"  not insured — {cite(pay.uninsured_basis)}")
    if pay.rest_floor is not None:
        out.append(f"  pregnancy-rest floor: {pay.rest_floor.percent}% of the minimum wage — {cite(pay.rest_floor.basis)}")
        out.append(f"  part months — {cite(pay.part_month_basis)}")
    for m in pay.minimum_wage:
        out.append(f"  minimum wage from {m.since}: {m.monthly} a month, {m.hourly} an hour — {cite(m.basis)}")
    if pay.minimum_wage_checked is not None:
        out.append(f"  minimum wages last checked {pay.minimum_wage_checked.on} — {cite(pay.minimum_wage_checked.basis)}")
    return out


HOLIDAY_LABELS: dict[str, str] = {
    "holiday_year": "holiday_label.holiday_year",
    "statutory_days": "holiday_label.statutory_days",
    "statutory_days_file": "holiday_label.statutory_days_file",
    "rest_days": "holiday_label.rest_days",
    "workdays": "holiday_label.workdays",
    "none": "holiday_label.none",
    "source": "holiday_label.source",
    "unknown": "holiday_label.unknown",
}


def holiday_year_text(r: HolidayYear, lang: Lang) -> str:
    """`leavecalc holidays YEAR`: the year's days by kind, each with its name, and the sources."""

    def label(key: str, **kw: object) -> str:
        return text(HOLIDAY_LABELS[key], lang, **kw)

    def listing(days: list[NamedDay]) -> list[str]:
        if not days:
            return [f"  {label('none')}"]
        return [f"  {day(d.date, lang)} {d.name if lang == 'zh' else d.name_en}" for d in days]

    source = label("unknown") if r.estimated else r.source
    out = [label("holiday_year", year=r.year), f"{label('source')}: {source}", ""]
    out.append(f"{label('statutory_days_file' if r.statutory_overridden else 'statutory_days', n=len(r.statutory))}:")
    out += [f"  {basis_line(b, lang)}" for b in r.statutory_basis]
    out += listing(r.statutory)
    out.append(f"{label('rest_days')}:")
    out += listing(r.rest_days)
    out.append(f"{label('workdays')}:")
    out += listing(r.workdays)
    out += messages(t("warnings", lang), r.warnings, lang)
    return "\n".join(out)
