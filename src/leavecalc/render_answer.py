"""Answers as text: the full answer for the command line, and a short summary to copy."""

from __future__ import annotations

from .answers import Answer, Article, article_name
from .messages import Lang, text
from .render import day
from .results import Message

SUMMARY_LINES = 10

def article_line(a: Article, lang: Lang) -> str:
    head = getattr(article_name(a), lang)
    return f"{head}：{a.excerpt}" if a.excerpt and lang == "zh" else f"{head}: {a.excerpt}" if a.excerpt else head


def _said(m: Message, lang: Lang) -> str:
    return m.zh if lang == "zh" else m.en


def _section(code: str, lines: list[str], lang: Lang) -> list[str]:
    if not lines:
        return []
    colon = "：" if lang == "zh" else ":"
    return [f"{text(code, lang)}{colon}", *(f"  - {line}" for line in lines)]


def answer_text(a: Answer, lang: Lang, body: list[str] | None = None) -> str:
    """The whole answer, verdict first; ``body`` (a leave's segments) goes after the key dates."""
    zh = lang == "zh"
    out = [a.verdict.zh if zh else a.verdict.en]
    out += [_said(m, lang) for m in a.details]
    out += _section("heading.key_dates", [f"{k.zh if zh else k.en}  {day(k.date, lang)}" for k in a.key_dates], lang)
    if body:
        out += [f"{text('heading.details', lang)}{'：' if zh else ':'}", *(f"  {line}" for line in body)]
    out += _section("heading.articles", [article_line(x, lang) for x in a.articles], lang)
    out += _section("heading.remedies", [_said(m, lang) for m in a.remedies], lang)
    where = [f"{o.name if zh else o.name_en}{'：' if zh else ': '}{o.does if zh else o.does_en}" for o in a.where_to_go]
    out += _section("heading.where_to_go", where, lang)
    out += _section("heading.warnings", [_said(m, lang) for m in a.warnings], lang)
    out += _section("heading.readings", [_said(m, lang) for m in a.readings], lang)
    return "\n".join(out)


def summary_text(a: Answer, lang: Lang) -> str:
    """At most ten lines to paste into a chat or a case note: the verdict, the first details and
    dates, the articles on one line, the first remedy, where to go, the first warning."""
    zh = lang == "zh"
    sep = "；" if zh else "; "
    lines = [a.verdict.zh if zh else a.verdict.en]
    lines += [_said(m, lang) for m in a.details[:2]]
    if a.key_dates:
        lines.append(sep.join(f"{k.zh if zh else k.en} {k.date}" for k in a.key_dates))
    if a.articles:
        arts = sep.join(getattr(article_name(x), lang) for x in a.articles)
        lines.append(f"{text('heading.articles', lang)}{'：' if zh else ': '}{arts}")
    lines += [_said(m, lang) for m in a.remedies[:2]]
    if a.where_to_go:
        names = sep.join(o.name if zh else o.name_en for o in a.where_to_go)
        lines.append(f"{text('heading.where_to_go', lang)}{'：' if zh else ': '}{names}")
    lines += [_said(m, lang) for m in a.warnings[:1]]
    return "\n".join(lines[:SUMMARY_LINES])
