"""Rule shapes shared by maternity and paternity leave: days by the child's birth order and extras
on a condition (docs/policy-format.md, "Where rule shapes go").

Each grants what the case says she (or he) is entitled to. Where the case does not say (the child's
order, whether a condition is met), the legal minimum is granted and a warning says what more may be
due and on what condition: never a silent guess.
"""

from __future__ import annotations

from typing import NamedTuple

from .policy import ByChildOrder, Condition, ConditionalDays
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
        warnings.append(
            Message(
                code="child_order_unknown",
                zh=f"{label}的天数按第几个孩子而定（{'、'.join(map(str, order.days))}天）：未说明是第几个孩子，"
                f"本结果按最少的{low}天计算；如符合条件，最多可享受{high}天。",
                en=f"The days of the {label_en} depend on the child's birth order ({', '.join(map(str, order.days))}): "
                f"the order was not given, so the least ({low}) is counted; she may be entitled to up to {high}.",
            )
        )
    return low


def _amount(c: ConditionalDays) -> tuple[str, str]:
    """What the extra gives, in words: "30天" / "30 more days", or a range "1至3个月" / "1 to 3 more month(s)"."""
    n, up = c.months or c.days, f"至{c.up_to}" if c.up_to else ""
    up_en = f" to {c.up_to}" if c.up_to else ""
    return (f"{n}{up}个月", f"{n}{up_en} more month(s)") if c.months else (f"{n}{up}天", f"{n}{up_en} more days")


def _range_warning(c: ConditionalDays) -> Message:
    unit, unit_en = ("个月", "month(s)") if c.months else ("天", "days")
    least = c.months or c.days
    return Message(
        code="condition_range",
        zh=f"“{c.label}”可增加{least}至{c.up_to}{unit}：本结果按最少的{least}{unit}计算；单位同意更多的，以实际为准。",
        en=f"'{c.label_en}' gives {least} to {c.up_to} {unit_en}: this result counts the least ({least}); if more was agreed, that applies.",
    )


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
        zh, en = _amount(c)
        order_zh = f"生育第{c.min_child_order}个及以后子女、" if c.min_child_order else ""
        order_en = f"For a child of birth order {c.min_child_order} or later: i" if c.min_child_order else "I"
        warnings.append(
            Message(
                code="condition_unknown",
                zh=f"{order_zh}符合“{c.label}”条件的，可另享受{zh}；未说明是否符合，本结果未计入。",
                en=f"{order_en}f '{c.label_en}' applies she gets {en}; not told, this result leaves them out.",
            )
        )
    return out
