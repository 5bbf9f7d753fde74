"""Whole columns of cases at once: the batch contract, computed with numpy and pyarrow.

Input: columns named as `leavecalc batch` names them (docs/batch.md), as an Arrow table or as
batch rows. Output: one row per input row, in order, with the batch output columns
(:data:`OUTPUT_SCHEMA`). The answers are the scalar engine's, by construction:

* The law comes from the scalar engine, never from here: a leave's segments (days and counting
  rule) from :func:`maternity.maternity_plan`, the policy data, or the scalar result of one row
  of the group; dates are then counted with the calendar's :class:`~count_index.CountIndex`.
* Rows are grouped by everything the output depends on apart from the dates (policy, plan,
  which warnings). One row of each group is also computed by the scalar engine: its warnings
  (and other per-group columns) are taken from there, and its other columns must equal the
  columnar ones, or the whole group is computed by the scalar engine instead.
* Any row the columnar code does not handle in bulk (an error, an unusual value, a kind it does
  not vectorise, a calendar whose statutory days a holiday file replaced) is computed by the
  scalar engine (:func:`batch.compute`) in its place, once per distinct case.

Needs the ``columnar`` extra (numpy, pyarrow). The scalar engine does not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, cast, get_args

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .batch import COLUMNS, Context, Record, column_name, compute
from .count_index import CountIndex, IntArray, count_index
from .errors import LeavecalcError
from .kinds import KINDS
from .cases import MAX_BABIES
from .maternity import MaternityCase, maternity_plan
from .policy import Delivery, Policy

# A plan key packs the babies in a slot one wider than the most a case may have.
BABY_SLOTS = MAX_BABIES + 1
EPOCH = date(1970, 1, 1).toordinal()  # Arrow's date32 counts days from here

_TYPES: dict[str, pa.DataType] = {"total_days": pa.int64(), "days": pa.int64(), "provisional": pa.bool_()}
DATE_COLUMNS = ("start", "end", "return_to_work", "block_start", "block_end")
_TYPES |= {c: pa.date32() for c in DATE_COLUMNS}
# The batch output columns, typed: days as integers, dates as dates, money as text (exact, two
# decimals, as in --json). A column the row's kind does not fill is null; so is ``error`` when
# there is none.
OUTPUT_SCHEMA = pa.schema([(c, _TYPES.get(c, pa.string())) for c in COLUMNS])

Raw = Callable[[Sequence[int]], list[Record]]


@dataclass
class Stats:
    """How the rows were computed: in bulk, or one at a time by the scalar engine."""

    bulk: int = 0
    scalar: int = 0
    # Groups whose check row disagreed with the scalar engine (a defect here: those rows were
    # computed by the scalar engine instead). Tests require 0.
    disagreements: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- reading columns as text

@cache
def _spaces() -> str:
    """What ``str.strip()`` removes, so "no surrounding space" means the same here."""
    return "".join(chr(c) for c in range(0x3001) if chr(c).isspace())  # U+3000 is the last


def _np(a: pa.Array | pa.ChunkedArray) -> Any:
    return a.to_numpy(zero_copy_only=False)


def _match(a: pa.Array, pattern: str) -> Any:
    return _np(pc.fill_null(pc.match_substring_regex(a, pattern), False))


@dataclass(frozen=True)
class Column:
    """An input column as text, and the rows whose value is of a type only the scalar engine reads."""

    text: pa.Array
    odd: Any = None  # numpy bool array, or None when no row is odd


class Rows:
    """The input columns of some rows, as text (absent or empty: null). ``odd`` collects the rows
    with an odd value in any column asked about: those go to the scalar engine."""

    def __init__(self, cols: Mapping[str, Column], idx: IntArray):
        self.cols, self.idx, self.n = cols, idx, len(idx)
        self.odd = np.zeros(self.n, dtype=bool)
        self._cache: dict[str, pa.Array] = {}
        self._take = pa.array(idx)

    def text(self, name: str) -> pa.Array:
        if name not in self._cache:
            col = self.cols.get(name)
            if col is None:
                a = pa.nulls(self.n, pa.string())
            else:
                a = col.text if len(col.text) == self.n else col.text.take(self._take)
                if col.odd is not None:
                    self.odd |= col.odd[self.idx]  # idx: the rows of a kind, in order
            self._cache[name] = pc.if_else(pc.equal(a, ""), pa.scalar(None, pa.string()), a)
        return self._cache[name]

    def present(self, name: str) -> Any:
        return _np(self.text(name).is_valid())

    def clean(self, name: str) -> Any:
        """Absent, or with nothing ``str.strip()`` would remove (else the scalar engine reads it)."""
        a = self.text(name)
        return _np(pc.fill_null(pc.equal(pc.utf8_trim(a, _spaces()), a), True))

    def date(self, name: str) -> tuple[Any, Any, Any]:
        """(day ordinals, present, readable: absent or exactly a real YYYY-MM-DD day)."""
        a = self.text(name)
        present = self.present(name)
        fine = _np(pc.fill_null(pc.equal(pc.utf8_length(a), 10), False))
        b = pc.if_else(pa.array(fine), a, "2000-01-01")
        try:  # Arrow reads exactly YYYY-MM-DD (ASCII digits) and refuses days that do not exist
            days = pc.cast(b, pa.date32())
        except pa.ArrowInvalid:  # some row is not: find which, one row at a time, as the scalar engine would
            days = pa.array([_day_or_none(x) for x in b.to_pylist()], pa.date32())
            # Written back, it must be the text given (so nothing but YYYY-MM-DD is read).
            fine &= _np(pc.fill_null(pc.equal(days.cast(pa.string()), b), False))
        day = _np(pc.fill_null(days.view(pa.int32()), 0)).astype(np.int64) + EPOCH
        fine &= day >= 1  # year 0 is no date for Python
        return np.where(fine, day, 0), present, fine | ~present

    def integer(self, name: str, lo: int, hi: int) -> tuple[Any, Any, Any]:
        """(values, present, readable: absent or plain digits from ``lo`` to ``hi``)."""
        a = self.text(name)
        present = self.present(name)
        fine = _match(a, r"^(0|[1-9][0-9]{0,5})$")
        v = _np(pc.cast(pc.if_else(pa.array(fine), a, "0"), pa.int64()))
        fine &= (v >= lo) & (v <= hi)
        return np.where(fine, v, 0), present, fine | ~present

    def fen(self, name: str) -> tuple[Any, Any, Any]:
        """Money in fen: (values, present, readable: absent or at most 12 digits, 2 after the point)."""
        a = self.text(name)
        present = self.present(name)
        fine = _match(a, r"^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$")
        b = pc.if_else(pa.array(fine), a, "0")
        parts = pc.extract_regex(b, r"^(?P<whole>[0-9]+)\.?(?P<cents>[0-9]*)$")
        whole = _np(pc.cast(pc.struct_field(parts, "whole"), pa.int64()))
        cents = _np(pc.cast(pc.utf8_rpad(pc.struct_field(parts, "cents"), 2, "0"), pa.int64()))
        return np.where(fine, whole * 100 + cents, 0), present, fine | ~present

    def choice(self, name: str, values: Sequence[str], default: str) -> tuple[Any, Any]:
        """(index into ``values`` with absent read as ``default``, readable)."""
        a = pc.fill_null(self.text(name), default)
        codes = _np(pc.fill_null(pc.index_in(a, pa.array(list(values))), -1))
        return codes, codes >= 0


def _day_or_none(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _codes(a: pa.Array) -> tuple[Any, list[Any]]:
    """(index of each row's value, -1 for null; the distinct values)."""
    enc = pc.dictionary_encode(a)
    return _np(pc.fill_null(enc.indices, -1)).astype(np.int64), enc.dictionary.to_pylist()


def _group(*parts: Any) -> Any:
    """One integer per row for a combination of small non-negative integer columns."""
    key = np.zeros(len(parts[0]), dtype=np.int64)
    for part in parts:
        part = np.asarray(part, dtype=np.int64)
        key = key * (int(part.max(initial=0)) + 1) + part
    return key


def _distinct(values: Any) -> tuple[Any, Any, Any]:
    """(distinct values, a row holding each, each row's value number), as np.unique with
    return_index and return_inverse gives them, for small non-negative integers (group and plan
    numbers), by counting rather than sorting: O(rows). Which row of a value is given does not
    matter to the callers (any row of a group can be its check row)."""
    if not len(values) or int(values.max()) > 4 * len(values) + 1_000_000:
        return np.unique(values, return_index=True, return_inverse=True)
    present = np.zeros(int(values.max()) + 1, dtype=bool)
    present[values] = True
    first = np.empty(len(present), dtype=np.int64)
    first[values] = np.arange(len(values))
    rank = np.cumsum(present) - 1
    return np.flatnonzero(present), first[present], rank[values]


def _each_distinct(values: Any, sel: Any, fn: Callable[[int], int], default: int) -> Any:
    """``fn`` of each row's value (a day ordinal) where ``sel``, computed once per distinct value;
    ``default`` elsewhere. A lookup table over the span of values, not a sort: O(rows)."""
    out = np.full(len(values), default, dtype=np.int64)
    if sel.any():
        v = values[sel]
        lo = int(v.min())
        seen = np.zeros(int(v.max()) - lo + 1, dtype=bool)
        seen[v - lo] = True
        table = np.full(len(seen), default, dtype=np.int64)
        for i in np.flatnonzero(seen).tolist():
            table[i] = fn(lo + i)
        out[sel] = table[v - lo]
    return out


# ---------------------------------------------------------------- policies and dates

class Policies:
    """The policies the rows use, numbered in order of first use."""

    def __init__(self) -> None:
        self.all: list[Policy] = []
        self._number: dict[int, int] = {}
        # (policy cell, jurisdiction cell, day ordinal) -> policy number (-1: none), as chosen so far
        self.chosen: dict[tuple[str | None, str | None, int], int] = {}

    def number(self, policy: Policy) -> int:
        if id(policy) not in self._number:
            self._number[id(policy)] = len(self.all)
            self.all.append(policy)
        return self._number[id(policy)]

    def table(self, fn: Callable[[Policy], Any]) -> Any:
        """``fn`` of each policy, indexable by policy number (one spare entry for "none", a copy
        of the first: rows without a policy are not ok, whatever they read here)."""
        values = [fn(p) for p in self.all]
        return np.array(values + values[:1]) if values else None


def _policy_of(ctx: Context, rows: Rows, day: IntArray, ok: Any, pols: Policies) -> tuple[Any, Any]:
    """(policy number of each row, ok): as :meth:`Context.policy_for`. A chosen policy not in force
    on ``day`` (a warning the scalar engine words) or no policy at all: not ok."""
    ok = ok & rows.clean("policy") & rows.clean("jurisdiction")
    pi, pv = _codes(rows.text("policy"))
    ji, jv = _codes(rows.text("jurisdiction"))
    key = (pi + 1) * (len(jv) + 1) + (ji + 1)
    p = np.full(rows.n, -1, dtype=np.int64)
    for k in np.unique(key[ok]):
        a, b = divmod(int(k), len(jv) + 1)
        row = ({"policy": pv[a - 1]} if a else {}) | ({"jurisdiction": jv[b - 1]} if b else {})
        explicit = bool(a) or ctx.policy is not None

        def choose(ordinal: int) -> int:
            known = (row.get("policy"), row.get("jurisdiction"), ordinal)
            if known not in pols.chosen:
                day = date.fromordinal(ordinal)
                try:
                    policy = _policy_for(ctx, row, day)
                except LeavecalcError:
                    pols.chosen[known] = -1
                else:
                    pols.chosen[known] = -1 if explicit and not policy.in_force_on(day) else pols.number(policy)
            return pols.chosen[known]

        sel = ok & (key == k)
        p[sel] = _each_distinct(day, sel, choose, -1)[sel]
    return p, ok & (p >= 0)


def _policy_for(ctx: Context, row: Mapping[str, str], day: date) -> Policy:
    """As kinds.solve chooses: the row's policy, else --policy, else the one in force on ``day``."""
    if "policy" in row:
        return ctx.registry.get(row["policy"])
    if ctx.policy is not None:
        return ctx.policy
    return ctx.registry.in_force(row.get("jurisdiction") or ctx.jurisdiction, day)


RULES = ("calendar", "skip_statutory")  # the counting rules done in bulk; others go to the scalar engine


def _advance(index: CountIndex, start: IntArray, days: IntArray, rule: IntArray) -> tuple[Any, Any]:
    """(last day, ok) of leaves of ``days`` counted days from ``start`` under ``rule`` (index into RULES)."""
    cal, cal_ok = index.calendar_end(start, days)
    skip, skip_ok = index.skip_statutory_end(start, days)
    return np.where(rule == 1, skip, cal), np.where(rule == 1, skip_ok, cal_ok & (rule == 0))


def _return_day(ctx: Context, end: IntArray, ok: Any) -> tuple[Any, Any, Any]:
    """(the day back at work, estimated, ok) after leaves ending on ``end``, as the scalar engine
    finds them (``Calendar.return_day``, once per distinct end)."""

    def back(ordinal: int) -> int:
        try:
            r = ctx.calendar.return_day(date.fromordinal(ordinal))
        except LeavecalcError:
            return -1
        return r.day.toordinal() * 2 + bool(r.estimated_years)

    code = _each_distinct(end, ok, back, -1)
    return code // 2, (code % 2).astype(bool), ok & (code >= 0)


# ---------------------------------------------------------------- the kinds

@dataclass
class Bulk:
    """A kind's answers for its rows: the columns that vary row by row (dates and days as day
    ordinals and integers, money in fen), the columns taken from each group's check row, and
    each row's group. Only rows where ``ok`` hold answers."""

    ok: Any
    group: Any
    varying: dict[str, Any]
    per_group: tuple[str, ...] = ("policy", "warnings")


@dataclass
class Maternity:
    ok: Any
    plan: Any  # which plan (policy, difficult, babies) each row follows
    start: Any
    end: Any
    total: Any
    early: Any
    back: Any
    estimated: Any


DELIVERIES: tuple[str, ...] = get_args(Delivery)


def _birth_columns(rows: Rows) -> tuple[Any, Any, Any, Any, Any, Any]:
    """(birth, start, start given, delivery number, babies, readable) as ``batch.birth_fields``."""
    birth, has_birth, ok = rows.date("birth")
    start, has_start, ok_start = rows.date("start")
    delivery, ok_delivery = rows.choice("delivery", DELIVERIES, "normal")
    babies, has_babies, ok_babies = rows.integer("babies", 1, 9)
    ok = ok & has_birth & ok_start & ok_delivery & ok_babies
    return birth, start, has_start, delivery, np.where(has_babies, babies, 1), ok


def _maternity(ctx: Context, pols: Policies, p: Any, birth: Any, start: Any, has_start: Any, delivery: Any,
               babies: Any, ok: Any) -> Maternity:
    """Maternity leave as :func:`maternity.maternity_leave`, segments from ``maternity_plan``."""
    q = np.where(ok, p, len(pols.all))
    limit = pols.table(lambda pol: pol.maternity.max_days_before_birth.days)[q]
    s = np.where(has_start, start, birth)
    ok = ok & (s <= birth)
    earliest = birth - limit
    early = ok & (s < earliest)
    s = np.maximum(s, earliest)
    per_policy = len(DELIVERIES) * BABY_SLOTS
    plan = q * per_policy + np.where(ok, delivery, 0) * BABY_SLOTS + np.where(ok, babies, 1)
    u, _, inv = _distinct(plan)
    plans: list[list[tuple[int, int]] | None] = []
    for g in u.tolist():
        pol = pols.all[g // per_policy] if g // per_policy < len(pols.all) else None
        anchored = pol is not None and pol.maternity.anchored_to_birth is not None and pol.maternity.anchored_to_birth.value
        # Leave counted from the birth whatever the start, or a warning that depends on the leave's
        # own end (a newer rule from a date: later_rule): the scalar engine.
        if pol is None or anchored or pol.maternity.later_rule is not None:
            plans.append(None)
            continue
        case = MaternityCase(birth=pol.effective_from, delivery=DELIVERIES[g // BABY_SLOTS % len(DELIVERIES)], babies=g % BABY_SLOTS)
        segments, _, _ = maternity_plan(pol, case)  # the same for every birth of the kind
        if any(x.months for x in segments):  # days that depend on the start (calendar months)
            plans.append(None)
            continue
        plans.append([(x.days, RULES.index(x.counting.rule) if x.counting.rule in RULES else 2) for x in segments])
    width = max((len(x) for x in plans if x is not None), default=0)
    days = np.zeros((len(u), width), dtype=np.int64)
    rule = np.zeros((len(u), width), dtype=np.int64)
    usable = np.array([x is not None for x in plans] or [False])
    for i, x in enumerate(plans):
        for k, (d, r) in enumerate(x or []):
            days[i, k], rule[i, k] = d, r
    ok = ok & usable[inv]
    index = count_index(ctx.calendar)
    cursor, end, total = s, s - 1, np.zeros(len(s), dtype=np.int64)
    for k in range(width):
        d, r = days[inv, k], rule[inv, k]
        e, fine = _advance(index, cursor, d, r)
        has = d > 0
        ok &= ~has | fine
        end = np.where(has, e, end)
        cursor = np.where(has, e + 1, cursor)
        total += d
    back, estimated, ok = _return_day(ctx, np.where(ok, end, 0), ok)
    return Maternity(ok, inv, s, end, total, early, back, estimated)


def _none(rows: Rows) -> Bulk:
    """No row done in bulk (every one has something only the scalar engine reads)."""
    return Bulk(ok=np.zeros(rows.n, dtype=bool), group=np.zeros(rows.n, dtype=np.int64), varying={})


def maternity_bulk(ctx: Context, rows: Rows, pols: Policies) -> Bulk:
    birth, start, has_start, delivery, babies, ok = _birth_columns(rows)
    p, ok = _policy_of(ctx, rows, birth, ok, pols)
    if not ok.any():
        return _none(rows)
    m = _maternity(ctx, pols, p, birth, start, has_start, delivery, babies, ok)
    return Bulk(
        ok=m.ok,
        group=_group(m.plan, m.early, m.estimated),
        varying={"total_days": m.total, "start": m.start, "end": m.end, "return_to_work": m.back, "provisional": m.estimated},
    )


def _by_group_row(group: Any, ok: Any, fn: Callable[[int], Any]) -> tuple[list[Any], Any]:
    """``fn`` of the first row of each ``group`` (where ``ok``): (results, each row's result number)."""
    u, first, inv = _distinct(np.where(ok, group + 1, 0))
    return [fn(int(i)) if g > 0 else None for g, i in zip(u.tolist(), first.tolist())], inv


def miscarriage_bulk(ctx: Context, rows: Rows, pols: Policies) -> Bulk:
    """As ``batch.miscarriage_row``. The days (a tier of the policy) come from the scalar engine,
    once per policy and length of pregnancy; the dates are counted here."""
    from .miscarriage import MiscarriageCase, miscarriage_leave

    day, has_day, ok = rows.date("date")
    weeks, has_weeks, ok_weeks = rows.integer("weeks", 1, 999)
    months, has_months, ok_months = rows.integer("months", 0, 999)
    ok = ok & has_day & ok_weeks & ok_months & (has_weeks != has_months)
    p, ok = _policy_of(ctx, rows, day, ok, pols)
    if not ok.any():
        return _none(rows)
    gestation = np.where(has_weeks, weeks, 1000 + months)

    def plan(i: int) -> tuple[int, int] | None:
        by = {"weeks": int(weeks[i])} if has_weeks[i] else {"months": int(months[i])}
        try:
            leave = miscarriage_leave(pols.all[p[i]], MiscarriageCase(date=date.fromordinal(int(day[i])), **by), ctx.calendar)
        except LeavecalcError:
            return None
        (segment,) = leave.segments
        return segment.days, RULES.index(segment.counting) if segment.counting in RULES else 2

    plans, which = _by_group_row(_group(np.maximum(p, 0), gestation), ok, plan)
    usable = np.array([x is not None for x in plans])
    days = np.array([x[0] if x else 1 for x in plans], dtype=np.int64)[which]
    rule = np.array([x[1] if x else 2 for x in plans], dtype=np.int64)[which]
    end, fine = _advance(count_index(ctx.calendar), day, days, rule)
    ok = ok & usable[which] & fine
    back, estimated, ok = _return_day(ctx, np.where(ok, end, 0), ok)
    return Bulk(
        ok=ok,
        group=_group(which, estimated),
        varying={"total_days": days, "start": day, "end": end, "return_to_work": back, "provisional": estimated},
    )


def paternity_bulk(ctx: Context, rows: Rows, pols: Policies) -> Bulk:
    """As ``batch.paternity_row``: the days and counting rule from the policy; the mother's
    leave as given, or her maternity leave counted as above."""
    birth, start, has_start, delivery, babies, ok = _birth_columns(rows)
    lo, has_lo, ok_lo = rows.date("mother_start")
    hi, has_hi, ok_hi = rows.date("mother_end")
    ok = ok & ok_lo & ok_hi & (has_lo == has_hi) & (~has_lo | (lo <= hi))
    p, ok = _policy_of(ctx, rows, birth, ok, pols)
    if not ok.any():
        return _none(rows)
    q = np.where(ok, p, len(pols.all))
    mother = _maternity(ctx, pols, p, birth, birth, np.zeros(rows.n, dtype=bool), delivery, babies, ok & ~has_lo)
    ok &= has_lo | mother.ok
    lo, hi = np.where(has_lo, lo, mother.start), np.where(has_lo, hi, mother.end)
    days = pols.table(lambda pol: pol.paternity.days.days)[q]
    rule = pols.table(
        lambda pol: RULES.index(pol.paternity.counting.rule)
        if pol.paternity.counting.rule in RULES and pol.paternity.window_days is None
        and pol.paternity.by_child_order is None and not pol.paternity.conditional and pol.paternity.later_rule is None
        else 2  # a window from the birth, days by child order or condition, a newer rule's warning: scalar
    )[q]
    s = np.where(has_start, start, birth)
    end, fine = _advance(count_index(ctx.calendar), s, days, rule)
    ok &= fine
    outside = (s < lo) | (s > hi)
    late = ~outside & (end > hi)
    back, estimated, ok = _return_day(ctx, np.where(ok, end, 0), ok)
    return Bulk(
        ok=ok,
        group=_group(np.where(has_lo, 0, mother.plan + 1), np.maximum(p, 0), outside, late, estimated),
        varying={"total_days": days, "start": s, "end": end, "return_to_work": back, "provisional": estimated},
    )


FLAGS = ("false", "0", "no", "n", "true", "1", "yes", "y")  # as batch.flag reads them (true from index 4)


def allowance_bulk(ctx: Context, rows: Rows, pols: Policies) -> Bulk:
    """As ``batch.allowance_row`` for a birth (rows giving ``days`` go to the scalar engine).

    The allowance days come from the scalar engine once per policy and kind of birth; the
    amounts are computed here in whole fen with the divisors of the policy, rounded half up
    exactly as ``pay`` rounds: floor((2·wage·days + divisor) / (2·divisor)) fen.
    """
    from decimal import Decimal

    from .pay import Wages, half_up, maternity_pay, pay_rules

    birth, start, has_start, delivery, babies, ok = _birth_columns(rows)
    flag, ok_flag = rows.choice("uninsured", FLAGS, "false")
    insured = flag < 4
    avg, has_avg, ok_avg = rows.fen("avg_wage")
    own, has_own, ok_own = rows.fen("own_wage")
    ok = ok & ok_flag & ok_avg & ok_own & ~rows.present("days") & ~rows.present("on") & np.where(insured, has_avg, has_own)
    p, ok = _policy_of(ctx, rows, birth, ok, pols)
    if not ok.any():
        return _none(rows)
    leave = _maternity(ctx, pols, p, birth, start, has_start, delivery, babies, ok)
    ok = leave.ok

    def plan(i: int) -> int:
        case = MaternityCase(birth=date.fromordinal(int(birth[i])), delivery=DELIVERIES[delivery[i]], babies=int(babies[i]))
        wages = Wages(avg_wage=Decimal(1)) if insured[i] else Wages(own_wage=Decimal(1), insured=False)
        try:
            return maternity_pay(pols.all[p[i]], case, ctx.calendar, wages).days
        except LeavecalcError:
            return -1

    plans, which = _by_group_row(_group(leave.plan, insured), ok, plan)
    days = np.array([-1 if x is None else x for x in plans], dtype=np.int64)[which]
    ok &= days >= 0
    q = np.where(ok, p, len(pols.all))

    def divisors(pol: Policy) -> tuple[int, int]:
        try:
            rules = pay_rules(pol)
        except LeavecalcError:
            return 1, 1
        return rules.allowance_divisor.value, rules.own_wage_divisor.value

    table = pols.table(divisors)
    div, own_div = table[q, 0], table[q, 1]
    wage, wage_div = np.where(insured, avg, own), np.where(insured, div, own_div)
    top_up = np.maximum(0, own * div - avg * own_div) * (insured & has_own)
    return Bulk(
        ok=ok,
        group=_group(which, leave.early, has_own),
        varying={
            "days": days,
            "daily_rate": half_up(wage, wage_div),
            "amount": half_up(wage * days, wage_div),
            "employer_top_up": half_up(top_up * days, own_div * div),
            "start": leave.start,
            "end": leave.end,
        },
        per_group=("policy", "paid_by", "warnings"),
    )


MONTHS_OF_REST = 11  # months a rest of at most pay.MAX_REST_DAYS (300) days can touch
# The day counts of months (28-31) divide this, so a month's share of a monthly sum is an integer
# multiple of 1/(100·L) fen: exact in int64 for pay up to 10,000,000 yuan a month.
MONTH_LCM = 377_580
BIGGEST_PAY = 10**9  # fen


def _month_starts(ordinal: Any) -> Any:
    """(month number since 1970-01 of each day, the day ordinal of that month's 1st)."""
    month = (ordinal - EPOCH).astype("datetime64[D]").astype("datetime64[M]")
    return month.astype(np.int64), month.astype("datetime64[D]").astype(np.int64) + EPOCH


def pregnancy_rest_bulk(ctx: Context, rows: Rows, pols: Policies) -> Bulk:
    """As ``batch.pregnancy_rest_row``: the floor (the policy's percent of the minimum wage of
    each month), the pay agreed, both prorated by the days covered in each month, and the
    shortfall month by month, each total rounded once, half up (pay.pregnancy_rest_pay). Exact
    in whole numbers over the common denominator 100 · MONTH_LCM."""
    from .pay import MAX_REST_DAYS, half_up, minimum_wage_on, pay_rules, rest_floor_since

    start, has_start, ok = rows.date("from")
    end, has_end, ok_end = rows.date("to")
    pay, has_pay, ok_pay = rows.fen("pay")
    ok = ok & has_start & has_end & ok_end & has_pay & ok_pay & (end >= start) & (end - start < MAX_REST_DAYS)
    ok &= pay <= BIGGEST_PAY
    p, ok = _policy_of(ctx, rows, start, ok, pols)
    if not ok.any():
        return _none(rows)
    q = np.where(ok, p, len(pols.all))

    def floor_rules(pol: Policy) -> tuple[int, int, int]:
        """(percent, first day the floor applies, the month the minimum-wage table was checked): -1 for none."""
        try:
            floor = pay_rules(pol).rest_floor
        except LeavecalcError:
            return -1, 0, 0
        if floor is None:
            return -1, 0, 0
        checked = pay_rules(pol).minimum_wage_checked
        return floor.percent, rest_floor_since(pol).toordinal(), (checked.on if checked else date.max).toordinal()

    table = pols.table(floor_rules)
    percent, since, checked = table[q, 0], table[q, 1], table[q, 2]
    ok &= (percent >= 0) & (start >= since)
    month0, _ = _month_starts(np.where(ok, start, EPOCH))
    last_month, last_first = _month_starts(np.where(ok, end, EPOCH))
    _, checked_first = _month_starts(np.where(ok, checked, EPOCH))
    unchecked = last_first > checked_first  # some month of the rest is after the table was checked
    span = 2 * 12 * 200  # month numbers 1970..2169, with the policy number above them

    def wage(key: int) -> int:
        pol, month = pols.all[key // span], key % span
        first = date(1970 + month // 12, month % 12 + 1, 1)
        try:
            monthly = minimum_wage_on(pol, first).monthly * 100
        except LeavecalcError:
            return -1
        return int(monthly) if monthly == int(monthly) else -1

    ok &= (month0 >= 0) & (last_month + 1 < span)
    floor = paid = gap = np.zeros(rows.n, dtype=np.int64)
    for k in range(MONTHS_OF_REST):
        month = month0 + k
        first = (month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)) + EPOCH
        after = ((month + 1).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)) + EPOCH
        covered = np.maximum(0, np.minimum(end, after - 1) - np.maximum(start, first) + 1)
        used = ok & (covered > 0)
        w = _each_distinct(np.where(used, q * span + month, 0), used, wage, -1)
        ok &= ~used | (w >= 0)
        share = covered * (MONTH_LCM // (after - first))  # covered / days in month, over MONTH_LCM
        month_floor = np.where(used, w, 0) * percent * share  # fen · 100 · MONTH_LCM
        month_paid = pay * 100 * share
        floor, paid = floor + month_floor, paid + month_paid
        gap = gap + np.maximum(0, month_floor - month_paid)
    den = 100 * MONTH_LCM
    return Bulk(
        ok=ok,
        group=_group(np.maximum(p, 0), unchecked),
        varying={
            "start": start,
            "end": end,
            "floor_total": half_up(floor, den),
            "paid_total": half_up(paid, den),
            "shortfall_total": half_up(gap, den),
        },
    )


# kind -> its bulk computation and the inputs it reads. Kinds not named here are computed by the
# scalar engine, and so is a row giving any other input (the scalar engine uses it, or refuses it).
BIRTH_INPUTS = ("birth", "start", "delivery", "babies")
BULK: dict[str, tuple[Callable[[Context, Rows, Policies], Bulk], tuple[str, ...]]] = {
    "maternity": (maternity_bulk, BIRTH_INPUTS),
    "miscarriage": (miscarriage_bulk, ("date", "weeks", "months")),
    "paternity": (paternity_bulk, (*BIRTH_INPUTS, "mother_start", "mother_end")),
    "allowance": (allowance_bulk, (*BIRTH_INPUTS, "avg_wage", "own_wage", "uninsured")),
    "pregnancy_rest": (pregnancy_rest_bulk, ("from", "to", "pay")),
}
ALWAYS = ("id", "kind", "policy", "jurisdiction")

MONEY = ("daily_rate", "amount", "employer_top_up", "floor_total", "paid_total", "shortfall_total")


def _shown(name: str, value: Any) -> Any:
    """A bulk value as the scalar engine's batch row shows it."""
    if name in DATE_COLUMNS:
        return date.fromordinal(int(value)).isoformat()
    if name in MONEY:
        return _yuan(int(value))
    if name == "provisional":
        return bool(value)
    return int(value)


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _empty_is_none(value: Any) -> Any:
    return None if value is None or value == "" else value


def _arrow(name: str, values: Any) -> pa.Array:
    """A bulk column as its output type."""
    if name in DATE_COLUMNS:
        return pa.array(np.asarray(values - EPOCH, dtype=np.int32)).view(pa.date32())
    if name in MONEY:
        return pa.array([_yuan(v) for v in values.tolist()], pa.string())
    return pa.array(values, OUTPUT_SCHEMA.field(name).type)


def _scalar_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Batch rows computed by the scalar engine, as a table of the output schema (an empty
    ``error`` is null, so that null means "no error" and rows can be counted)."""
    arrays = []
    for f in OUTPUT_SCHEMA:
        values = [r.get(f.name) or None for r in rows] if f.name == "error" else [r.get(f.name) for r in rows]
        if f.type == pa.date32():
            arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
        else:
            arrays.append(pa.array(values, f.type))
    return pa.Table.from_arrays(arrays, schema=OUTPUT_SCHEMA)


def _checked(kind: str, bulk: Bulk, idx: IntArray, raw: Raw, ctx: Context, names_are_clean: bool,
             stats: Stats) -> tuple[Any, list[dict[str, Any]]]:
    """Check one row of each group against the scalar engine: (ok, each group's scalar row).
    A group whose check row differs in any column is not ok (all its rows go to the scalar engine)."""
    ok = bulk.ok
    groups, first, _ = _distinct(bulk.group[ok])
    rows_ok = np.flatnonzero(ok)
    reps: list[dict[str, Any]] = []
    bad: list[int] = []
    for g, i in zip(groups.tolist(), rows_ok[first].tolist()):
        rep = compute(raw([int(idx[i])])[0], ctx, names_are_clean)
        mine = {name: _shown(name, col[i]) for name, col in bulk.varying.items()}
        theirs = {name: _empty_is_none(rep.get(name)) for name in COLUMNS[3:] if name not in bulk.per_group}
        theirs = {k: v for k, v in theirs.items() if v is not None or k in mine}
        if rep["error"] or theirs != mine:
            stats.disagreements.append(f"{kind} row {int(idx[i])}: bulk {mine}, scalar {theirs} {rep['error']}")
            bad.append(g)
        reps.append(rep)
    if bad:
        ok = ok & ~np.isin(bulk.group, bad)
    return ok, reps


def compute_columns(cols: Mapping[str, Column], n: int, raw: Raw, ctx: Context, names_are_clean: bool = True,
                    stats: Stats | None = None, odd_rows: Any = None,
                    scalar_rows: dict[int, dict[str, Any]] | None = None, state: RunState | None = None) -> pa.Table:
    """The output table of ``n`` rows given as text columns; ``raw(indices)`` gives those rows as
    the scalar engine reads them (for the rows it computes, and one row of each group to check).
    ``odd_rows`` (optional) marks rows only the scalar engine reads; ``scalar_rows`` (optional)
    receives the rows the scalar engine computed, as it gave them, by row number."""
    stats = stats if stats is not None else Stats()
    state = state if state is not None else RunState()
    pols = state.policies
    done = np.zeros(n, dtype=bool)
    parts: list[tuple[Any, pa.Table]] = []
    if n and not ctx.calendar.overridden:  # replaced statutory days add per-year warnings: scalar
        every = Rows(cols, np.arange(n))
        ids, kinds = every.text("id"), every.text("kind")
        candidate = every.present("id") & every.clean("id")
        kind_codes, kind_names = _codes(kinds)
        candidate &= ~every.odd if odd_rows is None else ~(every.odd | odd_rows)
        for code, kind in enumerate(kind_names):
            if kind not in BULK:
                continue
            idx = np.flatnonzero(candidate & (kind_codes == code))
            if not len(idx):
                continue
            rows = Rows(cols, idx)
            compute_kind, reads = BULK[kind]
            bulk = compute_kind(ctx, rows, pols)
            for name in cols.keys() - {*reads, *ALWAYS}:
                bulk.ok &= ~rows.present(name)
            bulk.ok = bulk.ok & ~rows.odd
            ok, reps = _checked(kind, bulk, idx, raw, ctx, names_are_clean, stats)
            if not ok.any():
                continue
            sel = np.flatnonzero(ok)
            done[idx[sel]] = True
            groups, _, inv = _distinct(bulk.group[sel])
            rep_of = np.searchsorted(_distinct(bulk.group[bulk.ok])[0], groups)
            arrays: dict[str, pa.Array] = {
                "id": ids if len(sel) == n else ids.take(pa.array(idx[sel])),
                "kind": kinds if len(sel) == n else kinds.take(pa.array(idx[sel])),
            }
            for name, col in bulk.varying.items():
                arrays[name] = _arrow(name, col[sel])
            for name in bulk.per_group:
                values = [reps[j].get(name) for j in rep_of.tolist()]
                arrays[name] = pa.array(values, pa.string()).take(pa.array(inv))
            parts.append((idx[sel], pa.Table.from_arrays(
                [arrays.get(f.name, pa.nulls(len(sel), f.type)) for f in OUTPUT_SCHEMA], schema=OUTPUT_SCHEMA
            )))
    rest = np.flatnonzero(~done)
    stats.bulk += n - len(rest)
    stats.scalar += len(rest)
    if len(rest):
        computed = _scalar(raw(rest.tolist()), ctx, names_are_clean, state.rows)
        if scalar_rows is not None:
            scalar_rows.update(zip(rest.tolist(), computed))
        parts.append((rest, _scalar_table(computed)))
    if len(parts) <= 1:
        return parts[0][1] if parts else OUTPUT_SCHEMA.empty_table()
    order = np.argsort(np.concatenate([i for i, _ in parts]), kind="stable")
    return pa.concat_tables([t for _, t in parts]).take(pa.array(order))


def _scalar(rows: list[Record], ctx: Context, names_are_clean: bool, memo: dict[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """The scalar engine's row for each of ``rows``, computed once for rows alike but for their id.

    The engines are pure functions of the row, and only ``id`` (its text, and whether there is
    one) reaches the output from the id cell; populations repeat cases (births on one day), so
    each distinct case is computed once and copied with its own id.
    """
    out = []
    for row in rows:
        key = _alike(row, names_are_clean)
        if key is None:
            out.append(compute(row, ctx, names_are_clean))
            continue
        if key not in memo:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = compute(row, ctx, names_are_clean)
        rid = cast(Mapping[str, Any], row).get("id")
        out.append(memo[key] | {"id": "" if rid is None else str(rid).strip()})
    return out


MEMO_SIZE = 100_000  # distinct cases remembered in a run (a few hundred bytes each)
@dataclass
class RunState:
    """What the chunks of one run share: the policies chosen so far, and the rows the scalar
    engine computed (by everything but their id), so a case repeated in a later chunk is not
    computed again. One per run: a new one for each call unless the caller passes it on."""

    policies: Policies = field(default_factory=lambda: Policies())
    rows: dict[Any, dict[str, Any]] = field(default_factory=dict)


def _alike(row: Record, names_are_clean: bool) -> Any:
    """What the output of ``row`` depends on, hashable, or None (then it is not shared)."""
    if not isinstance(row, Mapping):
        return None
    if not names_are_clean and any(column_name(k) != k for k in row if isinstance(k, str)):
        return None
    rid = row.get("id")
    has_id = rid is not None and (not isinstance(rid, str) or rid.strip() != "")
    try:
        # In order (the first bad input is the one reported), with each value's type (True == 1 ==
        # 1.0 in Python, but not to the scalar engine), and how the row is read (CSV or JSON).
        key = (names_are_clean, has_id, tuple((k, type(v), v) for k, v in row.items() if k != "id"))
        hash(key)
    except TypeError:  # a list or an object in a JSON cell, or a ragged CSV line
        return None
    return key


# ---------------------------------------------------------------- front doors

def _arrow_text(name: str, a: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A column as the text a CSV cell would hold: text as it is, numbers and booleans written
    out (a float column holding whole numbers as integers: pandas stores an integer column with
    gaps as floats), dates as YYYY-MM-DD. Other types are refused (TypeError)."""
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    t = a.type
    if pa.types.is_dictionary(t):
        a, t = a.cast(t.value_type), t.value_type
    if pa.types.is_null(t):
        return pa.nulls(len(a), pa.string())
    if pa.types.is_floating(t):
        whole = pc.all(pc.equal(pc.floor(a), a)).as_py() in (True, None)
        return (a.cast(pa.int64()) if whole else a).cast(pa.string())
    if any(f(t) for f in (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer, pa.types.is_boolean,
                          pa.types.is_decimal, pa.types.is_date)):
        return a.cast(pa.string())
    raise TypeError(f"column {name}: values of type {t} cannot be read (use text, whole numbers, decimals, dates or booleans)")


def arrow_inputs(table: pa.Table | pa.RecordBatch) -> tuple[list[str], list[pa.Array]]:
    """(column names, columns as text) of an Arrow table of batch input columns, read as the
    cells of a CSV file would be: names as `leavecalc batch` reads a header (a name given twice
    or unknown is refused, ValueError), values as their text (:func:`_arrow_text`, TypeError)."""
    from .batch import ROW_NAMES

    names = [column_name(n) for n in table.column_names]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"more than one column is named {dup[0]!r} (names ignore case, spaces, - and _)")
    unknown = [raw for raw, n in zip(table.column_names, names) if n not in ROW_NAMES]
    if unknown:
        raise ValueError(f"unknown column {unknown[0]!r} (the columns of docs/batch.md: {', '.join(sorted(ROW_NAMES))})")
    return names, [_arrow_text(n, c) for n, c in zip(names, table.columns)]


def compute_arrow(table: pa.Table | pa.RecordBatch, ctx: Context, stats: Stats | None = None,
                  state: RunState | None = None) -> pa.Table:
    """The batch output of an Arrow table of batch input columns (see :func:`arrow_inputs`)."""
    names, text = arrow_inputs(table)
    cols = {n: Column(t) for n, t in zip(names, text)}
    plain = pa.Table.from_arrays(text, names=names)

    def raw(indices: Sequence[int]) -> list[Record]:
        return plain.take(pa.array(indices, pa.int64())).to_pylist()  # type: ignore[no-any-return]

    return compute_columns(cols, table.num_rows, raw, ctx, True, stats, state=state)


def compute_rows(rows: Sequence[Record], ctx: Context, names_are_clean: bool = False,
                 stats: Stats | None = None, scalar_rows: dict[int, dict[str, Any]] | None = None,
                 state: RunState | None = None) -> pa.Table:
    """The batch output of rows as the CSV and JSON Lines readers give them."""
    # A record that is no row (bad JSON, a ragged CSV line...) gives its error from the scalar engine.
    records: list[Mapping[str, Any]] = [r if isinstance(r, Mapping) else {} for r in rows]
    whole_row_odd = np.array([not isinstance(r, Mapping) or None in r for r in rows], dtype=bool)
    cols = _text_columns(records) if names_are_clean else None  # CSV: every cell is text
    if cols is None:
        cols = _any_columns(records, names_are_clean, whole_row_odd)

    def raw(indices: Sequence[int]) -> list[Record]:
        return [rows[i] for i in indices]

    return compute_columns(cols, len(rows), raw, ctx, names_are_clean, stats, whole_row_odd, scalar_rows, state)


_ODD = object()
# Each input's type, as kinds.py gives it (a name two kinds type differently is not read in bulk).
_TYPE_OF: dict[str, str | None] = {}
for _kind in KINDS.values():
    for _input in _kind.inputs:
        _TYPE_OF[_input.name] = _input.type if _TYPE_OF.get(_input.name, _input.type) == _input.type else None
_TYPE_OF |= {"id": "id", "kind": "choice", "policy": "choice", "jurisdiction": "choice"}


def _json_text(name: str, value: Any) -> Any:
    """A JSON value as the text a CSV cell would hold for the same input, or _ODD."""
    from decimal import Decimal

    if value is None:
        return None
    kind = _TYPE_OF.get(name)
    if isinstance(value, str):
        return value if kind in ("date", "choice", "money", "id") else _ODD
    if value.__class__ is int:
        return str(value) if kind in ("count", "money", "id") else _ODD
    if value.__class__ is bool:
        return ("true" if value else "false") if kind == "flag" else _ODD
    if value.__class__ is Decimal and kind == "money" and value.is_finite():
        return str(value)
    return _ODD


def _text_columns(rows: Sequence[Mapping[str, Any]]) -> dict[str, Column] | None:
    """The columns of CSV rows (text or missing), or None if a cell is anything else."""
    names = set().union(*rows) - {None}
    try:
        return {name: Column(pa.array([row.get(name) for row in rows], pa.string())) for name in names}
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return None


def _any_columns(rows: Sequence[Mapping[str, Any]], names_are_clean: bool, whole_row_odd: Any) -> dict[str, Column]:
    """The columns of JSON rows as text, where the value is of the type the scalar engine takes
    for that input in JSON (batch.typed: a count a JSON integer, a flag true or false, a date or
    a choice a string, money a number or text); any other value is odd (the scalar engine reads
    that row, and refuses it). Updates ``whole_row_odd`` for rows naming a column twice."""
    values: dict[str, list[Any]] = {}
    odd: dict[str, Any] = {}
    for i, row in enumerate(rows):
        if whole_row_odd[i]:  # a ragged CSV line, an unreadable JSON line
            continue
        seen = set()
        for key, value in row.items():
            name = key if names_are_clean else column_name(key)
            if name in seen:
                whole_row_odd[i] = True
            seen.add(name)
            column = values.get(name)
            if column is None:
                column = values[name] = [None] * len(rows)
            text = _json_text(name, value)
            if text is _ODD:
                odd.setdefault(name, np.zeros(len(rows), dtype=bool))[i] = True
            else:
                column[i] = text
    return {name: Column(pa.array(v, pa.string()), odd.get(name)) for name, v in values.items()}
