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

FieldType = Literal["date", "dates", "int", "money", "bool", "choice", "text"]

DELIVERIES = ("normal", "cesarean", "assisted", "other_difficult")


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    zh: str
    en: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str = ""
    lo: int | None = None
    hi: int | None = None
    # False: asked by the desk only (not an option of the CLI command, so not in the API).
    api: bool = True
    hint_zh: str = ""
    hint_en: str = ""


class FieldError(Exception):
    """Bad input in one field (``field`` None: the case as a whole), in both languages."""

    def __init__(self, field: str | None, zh: str, en: str) -> None:
        super().__init__(en)
        self.field, self.zh, self.en = field, zh, en


def F(name: str, type: FieldType, zh: str, en: str, **kw: Any) -> Field:
    return Field(name, type, zh, en, **kw)


BIRTH = F("birth", "date", "生育日期", "Date of birth", required=True)
START = F("start", "date", "产假开始日（产前休假时填）", "First day of leave, if before the birth")
DELIVERY = F("delivery", "choice", "分娩方式", "Delivery", choices=DELIVERIES, default="normal")
BABIES = F("babies", "int", "婴儿数", "Babies", default="1", lo=1, hi=9)
CITY = F("jurisdiction", "choice", "城市", "City")  # left empty: the policies' default place
OTHER = F("other_child", "dates", "其他三岁以下子女的出生日期（可多个，用逗号分开）", "Other children's birth dates (comma-separated)")
AVG = F("avg_wage", "money", "单位上年度职工月平均工资（元）", "Employer's previous-year average monthly wage (yuan)")
OWN = F("own_wage", "money", "本人月工资（元，算单位补差）", "Her monthly wage (yuan, for the top-up)")
UNINSURED = F("uninsured", "bool", "未参加生育保险", "Not covered by maternity insurance")
CLAIMED_DAYS = F("claimed_days", "int", "单位说的假期天数", "Days the employer says", lo=0, hi=1000)
CLAIMED_END = F("claimed_end", "date", "单位说的假期最后一天", "Last day the employer says")
DUE = F("due", "date", "预产期", "Due date")
OPT_BIRTH = F("birth", "date", "生育日期（或填预产期）", "Date of birth (or give the due date)")
# The employer's grounds for a dismissal (answers.REASONS), as the desk's select shows them.
REASONS = {
    "": ("（不清楚或未说明）", "(not known or not given)"),
    "pregnancy": ("因怀孕、生育、哺乳", "pregnancy, childbirth or nursing"),
    "no_fault": ("不能胜任等非过失性解除", "no-fault dismissal (incompetence...)"),
    "layoff": ("经济性裁员", "economic layoff"),
    "expiry": ("合同到期", "the contract expired"),
    "for_cause": ("严重违纪等过失性解除", "dismissal for cause"),
    "agreement": ("协商一致", "mutual agreement"),
}

# Conditions a region may grant more leave for (policy.Condition), as the desk's select shows them.
CONDITIONS = {
    "": REASONS[""],  # one label for the empty choice of every select
    "prepregnancy_check": ("做了孕前检查", "had a pre-pregnancy check"),
    "exclusive_breastfeeding": ("纯母乳喂养（有医院证明）", "exclusive breastfeeding (hospital certificate)"),
    "employer_approval": ("单位同意延长", "the employer agreed to more"),
    "third_child": ("生育第三个孩子", "a third child"),
    "living_apart": ("夫妻异地生活", "the couple live apart"),
}
# Shapes some regions have (docs/policy-format.md): left empty, the minimum is counted with a warning.
CHILD_ORDER = F("child_order", "int", "这是第几个孩子（天数因孩次而不同的地区需要）", "Which child this is (where the days depend on it)", lo=1, hi=20)
CONDITION = F("condition", "choice", "她符合的条件（法规对此另给假期的地区）", "A condition she meets (where the law grants more for it)", choices=tuple(CONDITIONS))
EMPLOYER_DAYS = F("employer_days", "int", "单位确定的产假总天数（法规允许单位在范围内确定的地区）", "Total days the employer set (where the law lets it choose)", lo=1, hi=3650)

FIELDS: dict[str, tuple[Field, ...]] = {
    "maternity": (OPT_BIRTH, DUE, START, DELIVERY, BABIES, CHILD_ORDER, CONDITION, EMPLOYER_DAYS, CLAIMED_DAYS, CLAIMED_END, CITY),
    "miscarriage": (
        F("date", "date", "流产（引产）日期", "Date of the miscarriage or termination", required=True),
        F("weeks", "int", "怀孕周数（满几周）", "Completed weeks of pregnancy", lo=1, hi=60),
        F("months", "int", "或：怀孕月数（满几个月）", "or: completed months", lo=0, hi=15),
        CITY,
    ),
    "paternity": (
        BIRTH, F("start", "date", "护理假开始日（默认生育当天）", "First day of paternity leave (default: the birth)"),
        DELIVERY, BABIES,
        F("mother_start", "date", "女方产假开始日（可不填）", "Mother's first day of leave (optional)"),
        F("mother_end", "date", "女方产假最后一天（可不填）", "Mother's last day of leave (optional)"),
        CLAIMED_DAYS, CLAIMED_END, CITY,
    ),
    "parenting": (
        F("birth", "date", "子女出生日期", "The child's date of birth", required=True),
        F("start", "date", "本次休育儿假的第一天（可不填）", "First day of a block of leave (optional)"),
        F("days", "int", "本次休假天数（可不填）", "Days of that block (optional)", lo=1, hi=366),
        OTHER, F("on", "date", "按哪一天所在年度计算（默认今天）", "The year of the child's age this day falls in (default: today)"),
        CLAIMED_DAYS, CLAIMED_END, CITY,
    ),
    "allowance": (AVG, OWN, UNINSURED, BIRTH, START, DELIVERY, BABIES, CITY),
    "pregnancy-rest": (
        F("from", "date", "保胎休息第一天", "First day of pregnancy rest", required=True),
        F("to", "date", "保胎休息最后一天", "Last day of pregnancy rest", required=True),
        F("pay", "money", "单位发的月工资（元）", "Monthly pay during the rest (yuan)", required=True),
        CITY,
    ),
    "plan": (
        BIRTH, DELIVERY, BABIES,
        F("due", "date", "预产期", "Due date"),
        F("contract_end", "date", "劳动合同到期日", "Last day of her fixed-term contract"),
        F("dispute_known", "date", "知道权利被侵害之日（如被辞退之日）", "Day she knew her rights were infringed (e.g. dismissed)"),
        OTHER, AVG, OWN, UNINSURED, CITY,
    ),
    "holidays": (F("year", "int", "年份", "Year", required=True, lo=2014, hi=2099),),
    "contract": (
        F("end", "date", "劳动合同到期日", "Last day of her fixed-term contract", required=True),
        OPT_BIRTH, DUE, DELIVERY, BABIES, CITY,
    ),
    "dismissal": (
        F("date", "date", "单位解除（或通知解除）劳动合同的日期", "Day the employer dismissed her (or gave notice)", required=True),
        OPT_BIRTH, DUE,
        F("reason", "choice", "单位给出的理由", "The employer's ground", choices=tuple(REASONS)),
        BABIES, CITY,
    ),
    "arbitration": (F("known", "date", "知道权利被侵害之日（如收到解除通知之日）", "Day she knew her rights were infringed", required=True), CITY),
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
    return FieldError(
        f.name,
        f"“{f.zh}”不是有效日期：{text[:40]}。可写 2025-03-10、2025/3/10、2025年3月10日 或 20250310。",
        f"{f.en}: {text[:40]!r} is not a date (e.g. 2025-03-10, 2025/3/10, 20250310).",
    )


def _int(f: Field, text: str) -> int:
    try:
        n = int(unicodedata.normalize("NFKC", text).strip())
    except ValueError:
        raise FieldError(f.name, f"“{f.zh}”应填整数。", f"{f.en}: a whole number, please.") from None
    if (f.lo is not None and n < f.lo) or (f.hi is not None and n > f.hi):
        raise FieldError(f.name, f"“{f.zh}”应在 {f.lo} 到 {f.hi} 之间。", f"{f.en}: from {f.lo} to {f.hi}.")
    return n


def _money(f: Field, text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "").removesuffix("元")
    try:
        ok = Decimal(s).is_finite() and Decimal(s) >= 0
    except InvalidOperation:
        ok = False
    if not ok:
        raise FieldError(f.name, f"“{f.zh}”应填金额，如 8000 或 8000.50。", f"{f.en}: an amount, e.g. 8000 or 8000.50.")
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
            raise FieldError(f.name, f"请填写“{f.zh}”。", f"{f.en} is required.")
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
