"""Turning results into text (Chinese or English) and JSON. No computation happens here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from .policy import Policy
from .results import ARTICLE_ITEM, Basis, item_numeral, LeaveResult, Message, NamedDay

if TYPE_CHECKING:
    from .holiday_data import HolidayYear
    from .parenting import ParentingResult
    from .pay import AllowanceResult, RestPayResult
    from .plan import PlanLine, PlanResult

Lang = Literal["zh", "en"]

WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

LABELS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "base": ("基本天数", "base"),
    "difficult_birth": ("难产增加", "difficult birth"),
    "extra_babies": ("多胞胎增加", "extra babies"),
    "difficult_delivery": ("难产的范围", "what counts as a difficult birth"),
    "counting:calendar": ("计算方式：自然日连续计算", "counting: consecutive calendar days"),
    "counting:skip_statutory": ("计算方式：法定节假日不计入", "counting: statutory holidays not counted"),
    "statutory_holidays": ("全年法定节假日天数（这些日子不计入假期；不是本次不计入的天数）", "statutory holidays a year (days that are not counted; not the days skipped here)"),
    "tier": ("流产假天数", "miscarriage leave"),
    "national_floor": ("国家规定的最低标准（各地不得低于）", "the national minimum (local rules may not go below it)"),
    "weeks_per_month": ("孕周换算（每月周数）", "weeks per month of pregnancy"),
    "text": ("原文", "text"),
    "secondary": ("转载来源，待核", "secondary"),
    "interpretation": ("项目解读", "interpretation"),
    "calendar": ("自然日", "calendar days"),
    "skip_statutory": ("法定节假日不计入", "statutory holidays not counted"),
    "maternity": ("产假", "Maternity leave"),
    "miscarriage": ("流产假", "Miscarriage leave"),
    "policy": ("政策", "Policy"),
    "total": ("合计", "Total"),
    "end": ("假期最后一天", "Last day of leave"),
    "return": ("返岗上班日", "Back at work"),
    "provisional": ("（暂定）", " (provisional)"),
    "skipped": ("不计入的法定节假日", "Statutory holidays not counted"),
    "warnings": ("注意", "Warnings"),
    "notes": ("说明（法律依据的解读）", "Notes (how the law is read)"),
    "holiday_data": ("节假日数据", "Holiday data"),
    "estimated": ("估算", "estimated"),
    "days": ("天", " days"),
    "to": ("至", "to"),
}


def t(key: str, lang: Lang) -> str:
    zh, en = LABELS.get(key, (key, key))
    return zh if lang == "zh" else en


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
        "paternity": ("护理假", "Paternity leave"),
        "parenting": ("育儿假", "Parenting leave"),
        "plan": ("生育全程时间表", "Birth entitlements timeline"),
        "mother": ("母亲", "mother"),
        "father": ("父亲", "father"),
        "each_parent": ("父母各自", "each parent"),
        "paternity_window": ("须在女方产假期间享受", "to be taken during the mother's maternity leave"),
        "parenting_days_per_year": ("每人每年天数", "days a year for each parent"),
        "age_limit": ("子女年龄上限（周岁）", "child's age limit (years)"),
        "year:child_age_year": ("“每年”按子女年龄年度", "'a year' is a year of the child's age"),
        "year:calendar_year": ("“每年”按自然年", "'a year' is a calendar year"),
        "counting:workdays": ("计算方式：按工作日", "counting: working days"),
        "workdays": ("工作日", "working days"),
        "per_child": ("多个子女不累加", "several children do not multiply the days"),
        "from_months": ("自怀孕满几个月起", "from this month of pregnancy"),
        "weeks_at_due_date": ("预产期对应孕周", "weeks of pregnancy at the due date"),
        "weeks_at_conception": ("受孕日对应孕周", "weeks of pregnancy at conception"),
        "protection": ("保护措施", "protection"),
        "lactation_hours": ("每日哺乳时间（小时）", "nursing time a day (hours)"),
        "lactation_extra_baby": ("每多一个婴儿增加（小时）", "more per extra baby (hours)"),
        "protected_period": ("三期保护", "protected period"),
        "contract_runs_on": ("合同期满续延至三期结束", "a contract expiring in it runs on to its end"),
        "dismissal": ("解除劳动合同", "dismissal"),
        "arbitration_years": ("仲裁时效（年）", "arbitration time limit (years)"),
        "period_counting": ("期间计算", "counting the period"),
        "dates_unknown": ("日期未知", "dates not known"),
        "ends": ("结束", "ends"),
        "delivery:normal": ("顺产", "normal delivery"),
        "delivery:cesarean": ("剖宫产", "caesarean"),
        "delivery:assisted": ("助娩产", "assisted delivery"),
        "delivery:other_difficult": ("其他难产", "other difficult delivery"),
        "start_unknown": ("（起始日未知）", "(start unknown)"),
        "end_unknown": ("（结束日未知）", "(end unknown)"),
        "years": ("年度", "Years"),
        "each": ("（父母每人）", " (for each parent)"),
        "block": ("本次休假", "Block of leave"),
        "shared": ("与其他三岁以下子女重叠的期间", "Overlap with other children under the age limit"),
        "barred": ("三期内不得", "Barred in the protected period"),
        "allowed": ("三期内仍可", "Still possible in the protected period"),
        "by": ("依据", "Law"),
        "mother_leave": ("女方产假", "mother's maternity leave"),
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
        "allowance": ("生育津贴", "Maternity allowance"),
        "allowance_wage": ("生育津贴按用人单位上年度职工月平均工资计发", "allowance at the employer's previous-year average monthly wage"),
        "allowance_divisor": ("生育津贴日额除数", "allowance divisor"),
        "own_wage_divisor": ("本人日工资除数", "divisor of her daily wage"),
        "top_up": ("单位补差", "employer's top-up"),
        "uninsured": ("未参保：单位支付产假前工资", "not insured: the employer pays her pre-leave wage"),
        "fund_parts": ("基金支付的天数", "days the fund pays for"),
        "fund_day_order": ("同段内天数的先后", "order of days within a stretch"),
        "rest_floor": ("孕期休息工资下限（最低工资的百分比）", "pregnancy-rest floor (percent of the minimum wage)"),
        "minimum_wage": ("最低工资标准", "minimum wage"),
        "part_month": ("不足整月的折算", "part-month proration"),
        "minimum_wage_checked": ("最低工资标准表核对日期", "minimum-wage table last checked"),
        "eligibility": ("享受生育津贴的条件（假定符合）", "who qualifies for the allowance (assumed)"),
        "pregnancy_rest": ("孕期休息工资", "Pregnancy rest pay"),
        "pay:allowance": ("生育津贴（基金支付）", "allowance (paid by the fund)"),
        "pay:pre_leave_wage": ("产假前工资（单位支付）", "pre-leave wage (paid by the employer)"),
        "pay:normal_wage": ("正常工资（单位支付）", "normal wage (paid by the employer)"),
        "basis": ("依据", "Basis"),
        "months": ("按月", "By month"),
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


HOLIDAY_LABELS: dict[str, tuple[str, str]] = {
    "holiday_year": ("{year}年节假日", "Holidays of {year}"),
    "statutory_days": ("法定节假日（{n}天，由法律规定）", "Statutory holidays ({n} days, set by law)"),
    "statutory_days_file": ("法定节假日（{n}天，按所提供文件，替代法律推算的日期）", "Statutory holidays ({n} days, as a file gives them, overriding the law's dates)"),
    "rest_days": ("调休放假（工作日放假）", "Arranged rest days (weekdays off)"),
    "workdays": ("调休上班（周末上班）", "Make-up workdays (weekend days worked)"),
    "none": ("无", "none"),
    "source": ("放假调休安排来源", "Arrangement from"),
    "unknown": ("未公布或未提供，按周末和法定节假日估算", "not published or supplied; estimated from weekends and statutory holidays"),
}


def holiday_year_text(r: HolidayYear, lang: Lang) -> str:
    """`leavecalc holidays YEAR`: the year's days by kind, each with its name, and the sources."""

    def label(key: str, **kw: object) -> str:
        zh, en = HOLIDAY_LABELS[key]
        return (zh if lang == "zh" else en).format(**kw)

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
