"""Result models: frozen, typed, and able to explain every number they hold.

Field names here are a public contract (docs/json-contract.md): payroll systems parse them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .messages import Pair
from .policy import Citation, Policy

M = TypeVar("M", bound="Frozen")

# An item of an article, written "42(4)" in a citation (劳动合同法 art 42 item (四)).
ARTICLE_ITEM = re.compile(r"(\d+)\((\d+)\)")
ZH_NUMERALS = "一二三四五六七八九十"


def item_numeral(n: str) -> Pair:
    """An item's number as the law writes it: （四） in Chinese, (4) in English."""
    i = int(n)
    return Pair(ZH_NUMERALS[i - 1] if 1 <= i <= len(ZH_NUMERALS) else n, n)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


_new = object.__new__
# The slots every pydantic model instance has, set through their descriptors (a little faster than
# object.__setattr__ by name, and this runs for every segment, part and result).
_set_dict, _set_fields, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__
    for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
)


def built(cls: type[M], **values: Any) -> M:
    """A result model from values the engine itself computed, every field given, in the order
    declared: not validated again. Validating a segment, its parts and the result took about a
    third of a maternity result's time, and checks nothing the engine's types (mypy --strict)
    and the tests (results re-validated: test_results_are_valid_models) do not. The instance
    is what pydantic's own ``model_construct`` makes, without its per-field loop. Input and
    policy data are always validated; only results are built this way."""
    m = _new(cls)
    _set_dict(m, values)
    _set_fields(m, set(values))
    _set_extra(m, None)
    _set_private(m, None)
    return m


class Basis(Frozen):
    """One legal source behind a number: what it grants (``item``, ``days``) and where it is written."""

    item: str
    days: int | None
    document: str
    article: str
    in_force: date | Literal["unverified"]
    confidence: Literal["text", "secondary", "interpretation"]

    @classmethod
    def of(cls, item: str, days: int | None, c: Citation) -> Basis:
        return cls(item=item, days=days, document=c.document, article=c.article, in_force=c.in_force, confidence=c.confidence)


def cited(policy: Policy, item: str, keys: Iterable[str], days: int | None = None) -> list[Basis]:
    """A Basis line for each citation key: what ``item`` grants (``days``) and where it is written.

    They depend only on the policy, so each is built once and kept in ``policy.memo``; a Basis
    holds no list, so results may share them.
    """
    memo_key = ("cited", item, tuple(keys), days)
    if memo_key not in policy.memo:
        policy.memo[memo_key] = [Basis.of(item, days, c) for c in policy.cite(memo_key[2])]
    return list(policy.memo[memo_key])


class Message(Frozen):
    """A warning or note, with a stable ``code`` for programs and text in both languages."""

    code: str
    zh: str
    en: str


def unique(messages: list[Message]) -> list[Message]:
    """Each message once (the same code and wording), in first-seen order."""
    seen: dict[tuple[str, str], Message] = {}
    for m in messages:
        seen.setdefault((m.code, m.zh), m)
    return list(seen.values())


class NamedDay(Frozen):
    date: date
    name: str
    name_en: str


class HolidayDataUsed(Frozen):
    """The holiday data a year's working days rest on (``estimated``: none was published)."""

    year: int
    source: str
    estimated: bool


class SegmentPart(Frozen):
    """What one rule grants inside a segment (base, difficult_birth, extra_babies, employer,
    condition:<code>), with its own days and dates: the counted days of a segment go to its parts
    in this order, so pay reads who pays each day from here."""

    item: str
    days: int
    start: date
    end: date


class Segment(Frozen):
    """A stretch of leave counted under one rule."""

    name: str
    label: str
    label_en: str
    days: int
    start: date
    end: date
    counting: Literal["calendar", "skip_statutory", "workdays"]
    basis: list[Basis]
    # Maternity segments only (empty elsewhere): the parts in the order their days are counted.
    parts: list[SegmentPart] = Field(default_factory=list)


class LeaveResult(Frozen):
    """A leave: its days, dates, the day back at work, and the law behind each part."""

    kind: str
    policy: str
    total_days: int
    start: date
    end: date
    return_to_work: date
    provisional: bool
    segments: list[Segment]
    skipped_holidays: list[NamedDay]
    warnings: list[Message]
    notes: list[Message]
    holiday_data: list[HolidayDataUsed]
