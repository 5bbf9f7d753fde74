"""THE adapter between the answers layer and the pages: an ``Outcome`` (the engine's result and
the answers layer's ``Answer``) becomes a ``Page``, all the templates see. The answer gives the
verdict, dates, articles, remedies, where to go, warnings, readings and the summary; the result
gives the detail tables (segments, months, years) and the timeline, which has no answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..answers import Answer, article_name
from ..answers import Article as AnswerArticle
from ..messages import Lang, text
from ..render import day
from ..render_answer import summary_text
from .compute import Outcome

Tone = Literal["ok", "bad", "info"]
TONES: dict[str, Tone] = {"wrong": "bad", "unlawful": "bad", "barred": "bad", "correct": "ok", "lawful": "ok", "not_barred": "ok"}


@dataclass
class Article:
    name: str  # the document and article as the answers layer words them: 《A》第42条第（四）项
    confidence: str
    excerpt: str | None = None


@dataclass
class Page:
    verdict: str
    tone: Tone = "info"
    details: list[str] = field(default_factory=list)
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
    summary_lines: str = ""

    def summary(self, lang: Lang, title: str) -> str:
        """The plain text the caller is sent: the answers layer's summary (at most 10 lines)."""
        return self.summary_lines or self.verdict


def L(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def heads(lang: Lang, *codes: str) -> list[str]:
    """A table's column heads, each given as its catalogue code."""
    return [text(c, lang) for c in codes]


def from_answer(a: Answer, lang: Lang) -> Page:
    def said(m: Any) -> str:
        return str(m.zh if lang == "zh" else m.en)

    return Page(
        verdict=said(a.verdict),
        tone=TONES.get(a.status, "info"),
        details=[said(m) for m in a.details],
        key_dates=[(said(k), day(k.date, lang)) for k in a.key_dates],
        articles=[Article(getattr(article_name(x), lang), x.confidence, x.excerpt) for x in a.articles],
        warnings=[said(m) for m in a.warnings],
        readings=[said(m) for m in a.readings],
        remedies=[said(m) for m in a.remedies],
        where_to_go=[
            ((o.name if lang == "zh" else o.name_en) + (f" {o.phone}" if o.phone and o.phone not in o.name else ""),
             o.does if lang == "zh" else o.does_en)
            for o in a.where_to_go
        ],
        provisional=a.provisional,
        summary_lines=summary_text(a, lang),
    )


def detail(page: Page, r: Any, lang: Lang) -> None:
    """The result's own table: a leave's segments, the months of pay, the years of parenting."""
    kind = getattr(r, "kind", "")
    if hasattr(r, "segments"):
        page.table_head = heads(lang, "desk.view.part", "desk.view.days", "desk.view.dates")
        page.table = [[L(lang, s.label, s.label_en), str(s.days), f"{s.start} — {s.end}"] for s in r.segments]
    elif kind == "parenting":
        page.table_head = heads(lang, "desk.view.year", "desk.view.days_each")
        page.table = [[f"{y.from_} — {y.to}", str(y.days)] for y in r.years]
    elif kind == "allowance":
        page.table_head = heads(lang, "desk.view.month", "desk.view.days", "desk.view.allowance", "desk.view.top_up")
        page.table = [[m.month, str(m.days), str(m.amount), str(m.employer_top_up)] for m in r.months]
    elif kind == "pregnancy_rest":
        page.table_head = heads(lang, "desk.view.month", "desk.view.minimum_wage", "desk.view.floor", "desk.view.paid", "desk.view.short")
        page.table = [[m.month, str(m.minimum_wage), str(m.floor), str(m.paid), str(m.shortfall)] for m in r.months]
    elif kind == "plan":
        who = {"mother": "desk.view.mother", "father": "desk.view.father", "each_parent": "desk.view.each_parent"}
        page.table_head = heads(lang, "desk.view.who", "desk.view.what", "desk.view.dates", "desk.view.detail")
        page.table = [[text(who[x.who], lang), L(lang, x.label, x.label_en), f"{x.start or '…'} — {x.end or '…'}",
                       L(lang, x.detail, x.detail_en)] for x in r.lines]
    elif kind == "" and hasattr(r, "statutory"):
        page.table_head = heads(lang, "desk.view.date", "desk.view.holiday")
        page.table = [[str(h.date), L(lang, h.name, h.name_en)] for h in r.statutory]


def timeline(r: Any, lang: Lang) -> Page:
    """The family timeline has no answer of its own: its first line says what it holds."""
    m = r.maternity
    page = Page(text("desk.view.timeline", lang, n=len(r.lines), end=m.end, back=m.return_to_work))
    page.warnings = [L(lang, w.zh, w.en) for w in r.warnings]
    page.readings = [L(lang, n.zh, n.en) for n in r.notes]
    page.provisional = r.provisional
    dated = [x for x in r.lines if x.end is not None][:8]
    colon = text("desk.view.colon", lang)
    page.summary_lines = "\n".join(
        [page.verdict, *(f"{L(lang, x.label, x.label_en)}{colon}{x.start or '…'} — {x.end}" for x in dated)]
    )
    seen = {(b.document, b.article): b for line in r.lines for b in line.basis if b.confidence != "interpretation"}
    page.articles = [
        Article(getattr(article_name(AnswerArticle(document=b.document, article=b.article, confidence=b.confidence)), lang), b.confidence)
        for b in seen.values()
    ]
    return page


def answer(outcome: Outcome, lang: Lang) -> Page:
    """The page for ``outcome``."""
    r = outcome.result
    page = from_answer(outcome.answer, lang) if outcome.answer is not None else timeline(r, lang)
    if r is not None:
        detail(page, r, lang)
        page.policy = str(getattr(r, "policy", ""))
    return page
