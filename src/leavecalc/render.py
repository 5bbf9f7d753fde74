"""Turning results into text (Chinese or English) and JSON. No computation happens here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from .policy import Policy
from .results import Basis, LeaveResult, Message, NamedDay

if TYPE_CHECKING:
    from .holiday_data import HolidayYear

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
    out.append("")
    out.append("citations:")
    for key, c in p.citations.items():
        out.append(f"  {key}: {c.document} {article(c.article, 'zh')}, in force {c.in_force}, {c.confidence}")
        if c.note:
            out.append(f"      {c.note}")
    return "\n".join(out)


HOLIDAY_LABELS: dict[str, tuple[str, str]] = {
    "holiday_year": ("{year}年节假日", "Holidays of {year}"),
    "statutory_days": ("法定节假日（{n}天，由法律规定）", "Statutory holidays ({n} days, set by law)"),
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
    out.append(f"{label('statutory_days', n=len(r.statutory))}:")
    out += [f"  {basis_line(b, lang)}" for b in r.statutory_basis]
    out += listing(r.statutory)
    out.append(f"{label('rest_days')}:")
    out += listing(r.rest_days)
    out.append(f"{label('workdays')}:")
    out += listing(r.workdays)
    out += messages(t("warnings", lang), r.warnings, lang)
    return "\n".join(out)
