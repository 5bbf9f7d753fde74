"""THE adapter between results and pages: each result becomes an ``Answer`` (the verdict first,
key dates, figures, articles, warnings, readings, remedies, where to go, a short summary).

Templates see only ``Answer``. Today it is built from the engines' results; the verdict
sentences, the employer's-figure check, remedies and where-to-go are PLACEHOLDERS until the
answers layer (issue 10) gives them (then each ``answer_*`` maps that layer's answer instead).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any, Callable, Literal

from pydantic import BaseModel

from ..render import Lang, article as article_text, day
from ..results import Basis, Message

Tone = Literal["ok", "bad", "info"]


@dataclass
class Article:
    document: str
    article: str
    confidence: str
    excerpt: str | None = None  # the law's own words: from the answers layer (issue 10)


@dataclass
class Answer:
    kind: str
    verdict: str
    tone: Tone = "info"
    key_dates: list[tuple[str, str]] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)
    table_head: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    remedies: list[str] = field(default_factory=list)
    where_to_go: list[tuple[str, str]] = field(default_factory=list)
    policy: str = ""
    provisional: bool = False
    # The parts of the result the answer rests on (default: all of it): their articles and notes.
    parts: list[BaseModel] = field(default_factory=list)

    def summary(self, lang: Lang, title: str) -> str:
        """The plain text the caller is sent: at most 10 lines."""
        lines = [f"【{title}】" if lang == "zh" else f"[{title}]", self.verdict]
        lines += [f"{k}：{v}" if lang == "zh" else f"{k}: {v}" for k, v in (self.key_dates + self.figures)[:4]]
        if self.articles:
            sep = "、" if lang == "zh" else "; "
            # The law's text first; the project's readings are on the page, not in a short summary.
            laws = [a for a in self.articles if a.confidence != "interpretation"] or self.articles
            arts = sep.join(f"{a.document}{article_text(a.article, lang)}" for a in laws[:2])
            lines.append(("依据：" if lang == "zh" else "Law: ") + arts)
        lines += self.warnings[:1]
        if self.where_to_go:
            names = ("、" if lang == "zh" else "; ").join(n for n, _ in self.where_to_go[:3])
            lines.append(("可咨询：" if lang == "zh" else "Ask: ") + names)
        return "\n".join(lines[:10])


def L(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def collect_basis(obj: Any, out: dict[tuple[str, str], Article]) -> None:
    """Every Basis in a result, each document and article once, in order of appearance."""
    if isinstance(obj, Basis):
        if obj.confidence == "interpretation":
            return  # the project's readings are listed with the notes, not as law
        out.setdefault((obj.document, obj.article), Article(obj.document, obj.article, obj.confidence))
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            collect_basis(getattr(obj, name), out)
    elif isinstance(obj, list):
        for item in obj:
            collect_basis(item, out)


def _messages(result: BaseModel, name: str, lang: Lang) -> list[str]:
    items: list[Message] = getattr(result, name, [])
    seen: dict[str, None] = {}
    for m in items:
        seen.setdefault(getattr(m, lang), None)
    return list(seen)


@cache
def placeholders() -> dict[str, Any]:
    return tomllib.loads(files("leavecalc.web").joinpath("placeholders.toml").read_text("utf-8"))


def where_to_go(lang: Lang, dispute: bool) -> list[tuple[str, str]]:
    return [
        (L(lang, w["name"], w["name_en"]), L(lang, w["does"], w["does_en"]))
        for w in placeholders()["where"]
        if dispute or not w.get("dispute")
    ]


def remedies(lang: Lang) -> list[str]:
    return [
        f"{L(lang, r['name'], r['name_en'])}（{r['document']}{article_text(r['article'], lang)}）"
        for r in placeholders()["remedies"]
    ]


def d(x: date | None, lang: Lang) -> str:
    return day(x, lang) if x is not None else L(lang, "未知", "unknown")


def days(n: int, lang: Lang) -> str:
    return f"{n}天" if lang == "zh" else f"{n} days"


def yuan(x: Any, lang: Lang) -> str:
    return f"{x}元" if lang == "zh" else f"{x} yuan"


def leave_dates(r: Any, lang: Lang) -> list[tuple[str, str]]:
    back = d(r.return_to_work, lang) + (L(lang, "（暂定）", " (provisional)") if r.provisional else "")
    return [
        (L(lang, "假期天数", "Days of leave"), days(r.total_days, lang)),
        (L(lang, "第一天", "First day"), d(r.start, lang)),
        (L(lang, "最后一天", "Last day"), d(r.end, lang)),
        (L(lang, "返岗上班日", "Back at work"), back),
    ]


def leave_table(r: Any, lang: Lang) -> tuple[list[str], list[list[str]]]:
    head = [L(lang, "组成", "Part"), L(lang, "天数", "Days"), L(lang, "起止", "Dates")]
    rows = [[L(lang, s.label, s.label_en), str(s.days), f"{s.start} — {s.end}"] for s in r.segments]
    return head, rows


def answer_leave(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    names = {"maternity": ("产假", "Maternity leave"), "miscarriage": ("流产假", "Miscarriage leave"),
             "paternity": ("护理假", "Paternity leave"), "parenting": ("育儿假", "Parenting leave")}
    zh, en = names.get(r.kind, (r.kind, r.kind))
    back = d(r.return_to_work, lang)
    a = Answer(
        r.kind,
        L(lang, f"{zh}共{r.total_days}天，{r.start}至{r.end}；{back}上班。",
          f"{en}: {r.total_days} days, {r.start} to {r.end}; back at work on {back}."),
        key_dates=leave_dates(r, lang),
    )
    a.table_head, a.table = leave_table(r, lang)
    if r.skipped_holidays:
        a.figures.append((L(lang, "顺延的法定节假日", "Statutory holidays not counted"),
                          "、".join(f"{h.date} {L(lang, h.name, h.name_en)}" for h in r.skipped_holidays)))
    check_claim(a, r, lang, form)
    return a


def check_claim(a: Answer, r: Any, lang: Lang, form: dict[str, Any]) -> None:
    """PLACEHOLDER for the answers layer's check of an employer's figure (issue 10)."""
    claimed, claimed_end = form.get("claimed_days"), form.get("claimed_end")
    if claimed is None and claimed_end is None:
        return
    short = r.total_days - claimed if claimed is not None else (r.end - claimed_end).days
    said = L(lang, f"单位按{claimed}天计算", f"The employer says {claimed} days") if claimed is not None else \
        L(lang, f"单位说产假到{claimed_end}", f"The employer says leave ends on {claimed_end}")
    if short == 0:
        a.verdict, a.tone = L(lang, f"{said}，正确。", f"{said}: correct.") + " " + a.verdict, "ok"
    elif short > 0:
        a.verdict, a.tone = L(lang, f"{said}，少算{short}天。应为{r.total_days}天，到{r.end}。",
                              f"{said}: {short} days short. It is {r.total_days} days, to {r.end}."), "bad"
        a.remedies = [L(lang, "请单位按法定天数更正；不更正的，可向劳动保障监察投诉或申请劳动仲裁。",
                        "Ask the employer to correct it; otherwise complain to labour inspection or apply for arbitration.")]
    else:
        a.verdict, a.tone = L(lang, f"{said}，比法定多{-short}天（单位给得更多，可以）。",
                              f"{said}: {-short} days more than the law's minimum (allowed)."), "ok"


def answer_parenting(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    per_year = r.years[0].days if r.years else 0
    a = Answer(
        "parenting",
        L(lang, f"父母每人每年{per_year}天育儿假，到{r.last_day}（孩子满三周岁前）为止，每人共{r.total_days}天。",
          f"Each parent: {per_year} days a year until {r.last_day}, {r.total_days} days in all."),
        key_dates=[(L(lang, "可休到", "Until"), d(r.last_day, lang)), (L(lang, "每人合计", "Each parent in all"), days(r.total_days, lang))],
    )
    a.table_head = [L(lang, "年度", "Year"), L(lang, "天数", "Days")]
    a.table = [[f"{y.from_} — {y.to}", str(y.days)] for y in r.years]
    if r.block is not None:
        a.key_dates += leave_dates(r.block, lang)[1:]
    return a


def answer_allowance(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    payer = L(lang, "生育保险基金", "the maternity insurance fund") if r.paid_by == "fund" else L(lang, "单位", "the employer")
    a = Answer(
        "allowance",
        L(lang, f"生育津贴{yuan(r.amount, lang)}（{r.days}天），由{payer}支付；单位补差{yuan(r.employer_top_up, lang)}。",
          f"Allowance {yuan(r.amount, lang)} ({r.days} days), paid by {payer}; employer's top-up {yuan(r.employer_top_up, lang)}."),
        figures=[
            (L(lang, "生育津贴", "Allowance"), yuan(r.amount, lang)),
            (L(lang, "单位补差", "Employer's top-up"), yuan(r.employer_top_up, lang)),
            (L(lang, "津贴天数", "Allowance days"), days(r.days, lang)),
            (L(lang, "日津贴（仅供参考）", "Daily rate (display only)"), yuan(r.daily_rate, lang)),
        ],
        key_dates=[(L(lang, "产假", "Leave"), f"{r.leave_start} — {r.leave_end}")] if r.leave_start else [],
    )
    a.table_head = [L(lang, "月份", "Month"), L(lang, "天数", "Days"), L(lang, "津贴", "Allowance"), L(lang, "补差", "Top-up")]
    a.table = [[m.month, str(m.days), str(m.amount), str(m.employer_top_up)] for m in r.months]
    return a


def answer_rest(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    if r.shortfall_total > 0:
        verdict = L(lang, f"不合法：工资低于法定最低标准（当地最低工资的{r.floor_percent}%），共少发{yuan(r.shortfall_total, lang)}。",
                    f"Unlawful: below the legal floor ({r.floor_percent}% of the minimum wage), {yuan(r.shortfall_total, lang)} short in all.")
        tone: Tone = "bad"
    else:
        verdict = L(lang, f"合法：不低于法定最低标准（当地最低工资的{r.floor_percent}%）。",
                    f"Lawful: not below the legal floor ({r.floor_percent}% of the minimum wage).")
        tone = "ok"
    a = Answer("pregnancy-rest", verdict, tone,
               key_dates=[(L(lang, "休息期间", "Rest"), f"{r.start} — {r.end}")],
               figures=[(L(lang, "法定最低", "Legal floor"), yuan(r.floor_total, lang)),
                        (L(lang, "实发", "Paid"), yuan(r.paid_total, lang)),
                        (L(lang, "少发", "Shortfall"), yuan(r.shortfall_total, lang))])
    a.table_head = [L(lang, "月份", "Month"), L(lang, "最低工资", "Minimum wage"), L(lang, "法定最低", "Floor"),
                    L(lang, "实发", "Paid"), L(lang, "少发", "Short")]
    a.table = [[m.month, str(m.minimum_wage), str(m.floor), str(m.paid), str(m.shortfall)] for m in r.months]
    if tone == "bad":
        a.remedies = [L(lang, "要求单位补足差额；不补的，可向劳动保障监察投诉或申请劳动仲裁。",
                        "Ask the employer to pay the difference; otherwise complain to labour inspection or apply for arbitration.")]
    return a


def plan_rows(r: Any, lang: Lang) -> tuple[list[str], list[list[str]]]:
    who = {"mother": ("母亲", "mother"), "father": ("父亲", "father"), "each_parent": ("父母各自", "each parent")}
    head = [L(lang, "谁", "Who"), L(lang, "事项", "What"), L(lang, "起止", "Dates"), L(lang, "说明", "Detail")]
    rows = [[L(lang, *who[x.who]), L(lang, x.label, x.label_en), f"{x.start or '…'} — {x.end or '…'}",
             L(lang, x.detail, x.detail_en)] for x in r.lines]
    return head, rows


def answer_plan(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    m = r.maternity
    a = Answer("plan", L(lang, f"全家时间线：共{len(r.lines)}项；产假到{m.end}，{m.return_to_work}上班。",
                         f"The family timeline: {len(r.lines)} items; maternity leave to {m.end}, back on {m.return_to_work}."),
               key_dates=leave_dates(m, lang)[1:])
    a.table_head, a.table = plan_rows(r, lang)
    return a


def answer_lactation(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    return Answer("lactation",
                  L(lang, f"每个工作日哺乳时间{r.hours_per_day}小时，从{r.start}到{r.end}（婴儿满一周岁）。",
                    f"{r.hours_per_day} hour(s) of nursing time each working day, {r.start} to {r.end}."),
                  key_dates=[(L(lang, "哺乳期", "Nursing period"), f"{r.start} — {r.end}")],
                  figures=[(L(lang, "每天哺乳时间", "Nursing time a day"), L(lang, f"{r.hours_per_day}小时", f"{r.hours_per_day} h"))],
                  readings=[L(lang, p.label, p.label_en) for p in r.protections])


def answer_overtime(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    items = "、".join(L(lang, p.label, p.label_en) for p in r.protections)
    return Answer("overtime",
                  L(lang, f"从{r.start}（怀孕满{r.from_months}个月）起：{items}。哺乳期内同样不得安排。",
                    f"From {r.start} (month {r.from_months} of pregnancy): {items}. Also barred while nursing."),
                  "info", key_dates=[(L(lang, "起始日", "From"), d(r.start, lang))],
                  readings=[L(lang, p.label, p.label_en) for p in r.whole_pregnancy])


def answer_arbitration(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    a = Answer("arbitration",
               L(lang, f"申请劳动仲裁的最后一天：{d(r.last_day, lang)}（自知道之日起{r.years}年）。",
                 f"Last day to apply for labour arbitration: {d(r.last_day, lang)} ({r.years} year(s) from the day she knew)."),
               key_dates=[(L(lang, "知道之日", "Knew on"), d(r.known, lang)), (L(lang, "最后一天", "Last day"), d(r.last_day, lang))])
    a.remedies = remedies(lang)
    return a


def answer_dismissal(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    pp = r.protected_period
    barred = [L(lang, x.ground, x.ground_en) for x in pp.dismissals if x.barred]
    allowed = [L(lang, x.ground, x.ground_en) for x in pp.dismissals if not x.barred]
    parts, tone = [], "info"
    if pp.contract_end is not None:
        parts.append(L(lang, f"合同到期日{pp.contract_end}在三期内，合同顺延至{pp.contract_runs_to}。", f"The contract end {pp.contract_end} falls in the protected period: it runs on to {pp.contract_runs_to}.")
                     if pp.contract_inside else L(lang, f"合同到期日{pp.contract_end}不在三期内。", f"The contract end {pp.contract_end} is outside the protected period."))
    dismissed = form.get("dismissed")
    if dismissed is not None and dismissed <= pp.end:
        tone = "bad"
        parts.insert(0, L(lang, "在三期内，单位不得以下列理由辞退：" + "；".join(barred) + "。",
                          "Inside the protected period: she may not be dismissed for " + "; ".join(barred) + "."))
    elif not parts:
        parts.append(L(lang, f"三期保护到{pp.end}为止。", f"The protected period lasts until {pp.end}."))
    a = Answer("dismissal", "".join(parts), tone,  # type: ignore[arg-type]
               key_dates=[(L(lang, "三期保护至", "Protected until"), d(pp.end, lang))])
    if pp.contract_runs_to:
        a.key_dates.append((L(lang, "合同顺延至", "Contract runs to"), d(pp.contract_runs_to, lang)))
    if r.arbitration is not None:
        a.key_dates.append((L(lang, "申请仲裁最后一天", "Last day for arbitration"), d(r.arbitration.last_day, lang)))
    a.readings = [L(lang, "三期内仍可解除的情形：", "Still possible in the period: ") + "；".join(allowed)] if allowed else []
    a.remedies = remedies(lang)
    a.parts = [pp] + ([r.arbitration] if r.arbitration is not None else [])
    return a


def answer_holidays(r: Any, lang: Lang, form: dict[str, Any]) -> Answer:
    a = Answer("holidays", L(lang, f"{r.year}年法定节假日{len(r.statutory)}天。", f"{r.year}: {len(r.statutory)} statutory holidays."))
    a.table_head = [L(lang, "日期", "Date"), L(lang, "节日", "Holiday")]
    a.table = [[str(h.date), L(lang, h.name, h.name_en)] for h in r.statutory]
    return a


BUILDERS: dict[str, Callable[[Any, Lang, dict[str, Any]], Answer]] = {
    "maternity": answer_leave, "miscarriage": answer_leave, "paternity": answer_leave,
    "parenting": answer_parenting, "allowance": answer_allowance, "pregnancy-rest": answer_rest,
    "plan": answer_plan, "lactation": answer_lactation, "overtime": answer_overtime,
    "arbitration": answer_arbitration, "dismissal": answer_dismissal, "holidays": answer_holidays,
}
DISPUTES = {"pregnancy-rest", "arbitration", "dismissal"}


def answer(kind: str, result: BaseModel, lang: Lang, form: dict[str, Any]) -> Answer:
    """The page's answer for ``result`` of question ``kind`` (``form``: the parsed fields)."""
    a = BUILDERS[kind](result, lang, form)
    parts = a.parts or [result]
    arts: dict[tuple[str, str], Article] = {}
    collect_basis(parts, arts)
    a.articles = list(arts.values())
    for part in parts:
        a.warnings += [m for m in _messages(part, "warnings", lang) if m not in a.warnings]
        a.readings += [m for m in _messages(part, "notes", lang) if m not in a.readings]
    a.policy = str(getattr(result, "policy", ""))
    a.provisional = bool(getattr(result, "provisional", False))
    a.where_to_go = where_to_go(lang, kind in DISPUTES or a.tone == "bad")
    return a
