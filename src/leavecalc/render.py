"""Turning results into text (Chinese or English) and JSON. No computation happens here."""

from __future__ import annotations

from datetime import date
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from .policy import Policy
from .results import Basis, LeaveResult, Message

if TYPE_CHECKING:
    from .parenting import ParentingResult
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
    "statutory_holidays": ("法定节假日（全年天数）", "statutory holidays (days a year)"),
    "tier": ("流产假天数", "miscarriage leave"),
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


def leave_text(r: LeaveResult, lang: Lang, heading: str = "") -> str:
    """A readable account of a leave: each segment with its days, dates and articles."""
    days = t("days", lang)
    out = [f"{t(r.kind, lang)} · {t('policy', lang)} {r.policy}" + (f" · {heading}" if heading else ""), ""]
    for i, s in enumerate(r.segments, 1):
        label = s.label if lang == "zh" else s.label_en
        out.append(f"{i}. {label}  {s.days}{days}  {s.start} {t('to', lang)} {s.end}  ({t(s.counting, lang)})")
        out += [f"     {basis_line(b, lang)}" for b in s.basis]
    out.append("")
    out.append(f"{t('total', lang)}: {r.total_days}{days}  ({r.start} {t('to', lang)} {r.end})")
    out.append(f"{t('end', lang)}: {day(r.end, lang)}")
    out.append(f"{t('return', lang)}: {day(r.return_to_work, lang)}{t('provisional', lang) if r.provisional else ''}")
    if r.skipped_holidays:
        names = ", ".join(f"{h.date} {h.name if lang == 'zh' else h.name_en}" for h in r.skipped_holidays)
        out.append(f"{t('skipped', lang)}: {names}")
    data = ", ".join(f"{d.year}: {d.source}" for d in r.holiday_data)
    out.append(f"{t('holiday_data', lang)}: {data}")
    out += messages(t("warnings", lang), r.warnings, lang)
    out += messages(t("notes", lang), r.notes, lang)
    return "\n".join(out)


def to_json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2)


def policy_text(p: Policy) -> str:
    """Every number of a policy with the citation behind it, for `leavecalc policies show`."""

    def cite(keys: list[str]) -> str:
        return "; ".join(
            f"{c.document} {article(c.article, 'zh')} [{c.confidence}]" for c in p.cite(keys)
        )

    until = p.effective_until or "(open)"
    out = [f"{p.id} · {p.title}", f"{p.title_en}", f"jurisdiction {p.jurisdiction}, in force {p.effective_from} to {until}", ""]
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
        "nursing_hours": ("每日哺乳时间（小时）", "nursing time a day (hours)"),
        "nursing_extra_baby": ("每多一个婴儿增加（小时）", "more per extra baby (hours)"),
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
    {"age_limit", "from_months", "weeks_at_due_date", "weeks_at_conception", "nursing_hours", "nursing_extra_baby", "arbitration_years"}
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


def plan_text(r: PlanResult, lang: Lang) -> str:
    """The timeline of both parents, a line per entitlement with its dates and articles."""
    babies = f"{r.babies}个婴儿" if lang == "zh" else f"{r.babies} {'baby' if r.babies == 1 else 'babies'}"
    out = [f"{t('plan', lang)} · {t('policy', lang)} {r.policy} · {r.birth} · {t('delivery:' + r.delivery, lang)} · {babies}", ""]
    for line in r.lines:
        label = line.label if lang == "zh" else line.label_en
        out.append(f"[{t(line.who, lang)}] {label}  {_span(line.start, line.end, lang)}")
        out.append(f"    {line.detail if lang == 'zh' else line.detail_en}")
        out.append(f"    {plan_line_articles(line, lang)}")
    out.append("")
    out += messages(t("warnings", lang), r.warnings, lang)
    out += messages(t("notes", lang), r.notes, lang)
    return "\n".join(out)


def parenting_text(r: ParentingResult, lang: Lang) -> str:
    """Each parent's parenting-leave years, and the block taken from --start if asked."""
    days = t("days", lang)
    out = [f"{t('parenting', lang)}{t('each', lang)} · {t('policy', lang)} {r.policy} · {r.birth}", ""]
    for i, y in enumerate(r.years, 1):
        out.append(f"{i}. {y.from_} {t('to', lang)} {y.to}  {y.days}{days}")
    out.append(f"{t('total', lang)}: {r.total_days}{days}")
    out += [f"     {basis_line(b, lang)}" for b in r.basis]
    if r.shared_with_other_children:
        spans = ", ".join(f"{p.from_} {t('to', lang)} {p.to}" for p in r.shared_with_other_children)
        out.append(f"{t('shared', lang)}: {spans}")
    if r.block is not None:
        out += ["", f"{t('block', lang)}:", leave_text(r.block, lang)]
    out += messages(t("warnings", lang), r.warnings, lang)
    out += messages(t("notes", lang), r.notes, lang)
    return "\n".join(out)


def family_policy_lines(p: Policy, cite: Callable[[list[str]], str]) -> list[str]:
    """The paternity, parenting and protection numbers of a policy, for `leavecalc policies show`."""
    pa, pr, pt = p.paternity, p.parenting, p.protection
    preg, nur, prot = pt.pregnancy, pt.nursing, pt.protected_period
    out = [f"paternity ({pa.label}): {pa.days.days} days — {cite(pa.days.basis)}"]
    out.append(f"  counting {pa.counting.rule} — {cite(pa.counting.basis)}")
    out.append(f"  during the mother's maternity leave — {cite(pa.window_basis)}")
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
