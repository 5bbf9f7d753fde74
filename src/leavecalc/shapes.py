"""Rule shapes shared by maternity and paternity leave: days by the child's birth order and extras
on a condition (docs/policy-format.md, "Where rule shapes go").

Each grants what the case says she (or he) is entitled to. Where the case does not say (the child's
order, whether a condition is met), the legal minimum is granted and a warning says what more may be
due and on what condition: never a silent guess.
"""

from __future__ import annotations

from typing import NamedTuple

from .policy import ByChildOrder, Condition, ConditionalDays
from .messages import Pair, message, pair
from .results import Message


class Extra(NamedTuple):
    """A conditional extra granted: its item (``condition:<code>``), days or calendar months, citations."""

    item: str
    days: int
    months: int
    basis: list[str]


def by_order_days(
    order: ByChildOrder | None, default: int, child_order: int | None, label: str, label_en: str, warnings: list[Message]
) -> int:
    """The days for the ``child_order``-th child (the last entry serves every later child); without
    the order, the least, with a warning."""
    if order is None:
        return default
    if child_order is not None:
        return order.days[min(child_order, len(order.days)) - 1]
    low, high = min(order.days), max(order.days)
    if high > low:
        options = Pair("、".join(map(str, order.days)), ", ".join(map(str, order.days)))
        warnings.append(message("warning.child_order_unknown", label=Pair(label, label_en), options=options, low=low, high=high))
    return low


def _amount(c: ConditionalDays) -> Pair:
    """What the extra gives, in words: "30天" / "30 more days", or a range "1至3个月" / "1 to 3 more month(s)"."""
    codes = ("shape.amount_month_range", "shape.amount_month") if c.months else ("shape.amount_day_range", "shape.amount_day")
    return pair(codes[0] if c.up_to else codes[1], n=c.months or c.days, up_to=c.up_to)


def _range_warning(c: ConditionalDays) -> Message:
    unit = pair("shape.unit_month" if c.months else "shape.unit_day")
    return message("warning.condition_range", label=Pair(c.label, c.label_en), least=c.months or c.days, up_to=c.up_to, unit=unit)


def conditional_extras(
    extras: list[ConditionalDays], child_order: int | None, conditions: list[Condition] | None, warnings: list[Message]
) -> list[Extra]:
    """The extras whose condition the case meets. An extra for a later child (``min_child_order``)
    does not apply to an earlier one; not told the order or the condition: not granted, with a warning."""
    out = []
    for c in extras:
        if c.min_child_order is not None and child_order is not None and child_order < c.min_child_order:
            continue
        met = conditions is not None and c.condition in conditions
        if met and (c.min_child_order is None or child_order is not None):
            out.append(Extra(f"condition:{c.condition}", c.days or 0, c.months or 0, c.basis))
            if c.up_to:
                warnings.append(_range_warning(c))
            continue
        if conditions is not None and not met:
            continue  # told the conditions she meets, and this is not one of them
        order = pair("shape.from_child_order", n=c.min_child_order) if c.min_child_order else Pair("", "")
        warnings.append(message("warning.condition_unknown", order=order, condition=Pair(c.label, c.label_en), amount=_amount(c)))
    return out
