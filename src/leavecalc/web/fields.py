"""The fields of each question: one table drives the HTML forms, the form and JSON parsing and
the OpenAPI schema. Field names are the CLI's option names (``--avg-wage`` -> ``avg_wage``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from collections.abc import Sequence
from typing import Any, Literal

from ..messages import Pair, pair, text

FieldType = Literal["date", "dates", "int", "money", "bool", "choice", "text"]

DELIVERIES = ("normal", "cesarean", "assisted", "other_difficult")


class Worded:
    """Something the desk shows by its catalogue code ``label``, worded by ``zh`` and ``en``."""

    label: str

    @property
    def zh(self) -> str:
        return text(self.label, "zh")

    @property
    def en(self) -> str:
        return text(self.label, "en")

    @property
    def words(self) -> Pair:
        return pair(self.label)


@dataclass(frozen=True)
class Field(Worded):
    name: str
    type: FieldType
    label: str  # its catalogue code (desk.field.*)
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    lo: int | None = None
    hi: int | None = None
    # False: asked by the desk only (not an option of the CLI command, so not in the API).
    api: bool = True


class FieldError(Exception):
    """Bad input in one field (``field`` None: the case as a whole), in both languages."""

    def __init__(self, field: str | None, zh: str, en: str) -> None:
        super().__init__(en)
        self.field, self.zh, self.en = field, zh, en

    @classmethod
    def of(cls, code: str, field: str | None, **params: object) -> FieldError:
        """The error worded from the catalogue's ``code`` (desk.error.*) in both languages."""
        return cls(field, text(code, "zh", **params), text(code, "en", **params))


def F(name: str, type: FieldType, label: str, **kw: Any) -> Field:
    return Field(name, type, label, **kw)


BIRTH = F("birth", "date", "desk.field.birth", required=True)
START = F("start", "date", "desk.field.start")
DELIVERY = F("delivery", "choice", "desk.field.delivery", choices=DELIVERIES, default="normal")
BABIES = F("babies", "int", "desk.field.babies", default="1", lo=1, hi=9)
CITY = F("jurisdiction", "choice", "desk.field.jurisdiction")  # left empty: the policies' default place
OTHER = F("other_child", "dates", "desk.field.other_child")
AVG = F("avg_wage", "money", "desk.field.avg_wage")
OWN = F("own_wage", "money", "desk.field.own_wage")
UNINSURED = F("uninsured", "bool", "desk.field.uninsured")
CLAIMED_DAYS = F("claimed_days", "int", "desk.field.claimed_days", lo=0, hi=1000)
CLAIMED_END = F("claimed_end", "date", "desk.field.claimed_end")
DUE = F("due", "date", "desk.field.due")
OPT_BIRTH = F("birth", "date", "desk.field.birth_or_due")
# The employer's grounds for a dismissal (answers.REASONS), as the desk's select shows them.
REASONS = {
    "": pair("desk.reason.unknown"),
    "pregnancy": pair("desk.reason.pregnancy"),
    "no_fault": pair("desk.reason.no_fault"),
    "layoff": pair("desk.reason.layoff"),
    "expiry": pair("desk.reason.expiry"),
    "for_cause": pair("desk.reason.for_cause"),
    "agreement": pair("desk.reason.agreement"),
}

# Conditions a region may grant more leave for (policy.Condition), as the desk's select shows them.
CONDITIONS = {
    "": REASONS[""],  # one label for the empty choice of every select
    "prepregnancy_check": pair("desk.condition.prepregnancy_check"),
    "exclusive_breastfeeding": pair("desk.condition.exclusive_breastfeeding"),
    "employer_approval": pair("desk.condition.employer_approval"),
    "third_child": pair("desk.condition.third_child"),
    "living_apart": pair("desk.condition.living_apart"),
}
# Shapes some regions have (docs/policy-format.md): left empty, the minimum is counted with a warning.
CHILD_ORDER = F("child_order", "int", "desk.field.child_order", lo=1, hi=20)
CONDITION = F("condition", "choice", "desk.field.condition", choices=tuple(CONDITIONS))
EMPLOYER_DAYS = F("employer_days", "int", "desk.field.employer_days", lo=1, hi=3650)

FIELDS: dict[str, tuple[Field, ...]] = {
    "maternity": (OPT_BIRTH, DUE, START, DELIVERY, BABIES, CHILD_ORDER, CONDITION, EMPLOYER_DAYS, CLAIMED_DAYS, CLAIMED_END, CITY),
    "miscarriage": (
        F("date", "date", "desk.field.miscarriage_date", required=True),
        F("weeks", "int", "desk.field.weeks", lo=1, hi=60),
        F("months", "int", "desk.field.months", lo=0, hi=15),
        CITY,
    ),
    "paternity": (
        BIRTH, F("start", "date", "desk.field.paternity_start"),
        DELIVERY, BABIES,
        F("mother_start", "date", "desk.field.mother_start"),
        F("mother_end", "date", "desk.field.mother_end"),
        CLAIMED_DAYS, CLAIMED_END, CITY,
    ),
    "parenting": (
        F("birth", "date", "desk.field.child_birth", required=True),
        F("start", "date", "desk.field.block_start"),
        F("days", "int", "desk.field.block_days", lo=1, hi=366),
        OTHER, F("on", "date", "desk.field.on"),
        CLAIMED_DAYS, CLAIMED_END, CITY,
    ),
    "allowance": (AVG, OWN, UNINSURED, BIRTH, START, DELIVERY, BABIES, CITY),
    "pregnancy-rest": (
        F("from", "date", "desk.field.rest_from", required=True),
        F("to", "date", "desk.field.rest_to", required=True),
        F("pay", "money", "desk.field.pay", required=True),
        CITY,
    ),
    "plan": (
        BIRTH, DELIVERY, BABIES,
        DUE,
        F("contract_end", "date", "desk.field.contract_end"),
        F("dispute_known", "date", "desk.field.dispute_known"),
        OTHER, AVG, OWN, UNINSURED, CITY,
    ),
    "holidays": (F("year", "int", "desk.field.year", required=True, lo=2014, hi=2099),),
    "contract": (
        F("end", "date", "desk.field.contract_end", required=True),
        OPT_BIRTH, DUE, DELIVERY, BABIES, CITY,
    ),
    "dismissal": (
        F("date", "date", "desk.field.dismissal_date", required=True),
        OPT_BIRTH, DUE,
        F("reason", "choice", "desk.field.reason", choices=tuple(REASONS)),
        BABIES, CITY,
    ),
    "arbitration": (F("known", "date", "desk.field.known", required=True), CITY),
    "overtime": (OPT_BIRTH, DUE, BABIES, CITY),
    "lactation": (BIRTH, BABIES, CITY),
}
# Kinds the API serves: every CLI command answering --json, with the same JSON.
API_KINDS = tuple(FIELDS)

def parse_any_date(text: str) -> date:
    """A date in any form the CLI accepts (dates.parse_date), typed with full-width digits or
    stray spaces too; ValueError otherwise."""
    from ..dates import parse_date

    return parse_date(unicodedata.normalize("NFKC", text).replace(" ", ""))


def _bad_date(f: Field, text: str) -> FieldError:
    return FieldError.of("desk.error.not_a_date", f.name, label=f.words, value=text[:40])


def _int(f: Field, text: str) -> int:
    try:
        n = int(unicodedata.normalize("NFKC", text).strip())
    except ValueError:
        raise FieldError.of("desk.error.not_whole", f.name, label=f.words) from None
    if (f.lo is not None and n < f.lo) or (f.hi is not None and n > f.hi):
        raise FieldError.of("desk.error.out_of_range", f.name, label=f.words, lo=f.lo, hi=f.hi)
    return n


def _money(f: Field, text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("元")
    try:
        ok = Decimal(s).is_finite() and Decimal(s) >= 0
    except InvalidOperation:
        ok = False
    if not ok:
        raise FieldError.of("desk.error.not_money", f.name, label=f.words)
    return s


def parse_value(f: Field, raw: Any) -> Any:
    """One field's value from a form string or a JSON value; None when left empty."""
    if f.type == "bool":
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in ("1", "true", "on", "yes", "是")
    if f.type == "dates":
        items = raw if isinstance(raw, list) else re.split(r"[,，;；\s]+", str(raw))
        out = []
        for item in (str(i).strip() for i in items):
            if item:
                try:
                    out.append(parse_any_date(item))
                except ValueError:
                    raise _bad_date(f, item) from None
        return out
    text = "" if raw is None else str(raw).strip()
    if not text:
        if f.required:
            raise FieldError.of("desk.error.required", f.name, label=f.words)
        return None
    if f.type == "date":
        try:
            return parse_any_date(text)
        except ValueError:
            raise _bad_date(f, text) from None
    if f.type == "int":
        return _int(f, text)
    if f.type == "money":
        return _money(f, text)
    if f.name == "delivery":
        from ..cli import DELIVERIES as WORDS  # 顺产, 剖宫产... as the CLI takes them

        text = WORDS.get(text.lower(), text)
    if f.type == "choice" and f.choices and text not in f.choices:
        raise FieldError(f.name, f"“{f.zh}”不在可选范围内。", f"{f.en}: one of {', '.join(f.choices)}.")
    return text


@dataclass
class Parsed:
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


def api_fields(kind: str) -> list[Field]:
    return [f for f in FIELDS[kind] if f.api]


def parse_fields(specs: Sequence[Field], data: dict[str, Any], strict: bool = False) -> Parsed:
    """Every field of ``specs`` from ``data``, one error per bad field (``strict``: unknown names too)."""
    out = Parsed()
    if strict:
        known = {f.name for f in specs}
        for name in data:
            if name not in known:
                out.errors.append(FieldError(name, f"未知字段：{name}", f"unknown field {name!r} (known: {', '.join(sorted(known))})"))
    for f in specs:
        raw = data.get(f.name)
        try:
            out.values[f.name] = parse_value(f, f.default if raw is None or raw == "" else raw)
        except FieldError as e:
            out.errors.append(e)
    return out
