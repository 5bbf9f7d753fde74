"""A calendar's counting rules as arrays: each end date is one lookup (needs numpy).

For the rule that does not count statutory holidays, ``count_at[i]`` is the number of countable
days before day ``i`` (days numbered from 1 January of the calendar's first year) and
``day_of[k]`` is the day of the k-th countable day, so a leave of ``days`` counted days from
``start`` ends on ``day_of[count_at[start] + days - 1]``: the ``days``-th countable day on or
after ``start``, which is what :meth:`Calendar.advance` computes a row at a time. The index
covers every year the calendar knows statutory days for; built once per calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from .holiday_calendar import LAST_YEAR, Calendar

IntArray = Any  # numpy.ndarray of int64 (numpy's generic array types add nothing here)


@dataclass(frozen=True)
class CountIndex:
    base: int  # day ordinal of day 0
    size: int  # days covered: base .. base + size - 1
    count_at: IntArray  # size + 1 entries
    day_of: IntArray  # one entry per countable day

    def calendar_end(self, start: IntArray, days: IntArray) -> tuple[IntArray, IntArray]:
        """(last day, whether it lies inside the index) of leaves counting every day."""
        end = start + days - 1
        return end, (start >= self.base) & (end < self.base + self.size)

    def skip_statutory_end(self, start: IntArray, days: IntArray) -> tuple[IntArray, IntArray]:
        """(last day, whether it lies inside the index) of leaves not counting statutory holidays."""
        i = start - self.base
        ok = (i >= 0) & (i < self.size)
        k = self.count_at[np.where(ok, i, 0)] + days - 1
        ok &= (k >= 0) & (k < len(self.day_of))
        return self.day_of[np.where(ok, k, 0)] + self.base, ok


def count_index(calendar: Calendar) -> CountIndex:
    """The index of ``calendar`` (built on first use, then kept in ``calendar.memo``)."""
    if "count_index" not in calendar.memo:
        first = date(calendar.first_year, 1, 1).toordinal()
        last = date(LAST_YEAR, 12, 31).toordinal()
        size = last - first + 1
        statutory = np.zeros(size, dtype=bool)
        held = calendar.statutory_between(date(calendar.first_year, 1, 1), date(LAST_YEAR, 12, 31))
        statutory[[d.toordinal() - first for d, _ in held]] = True
        countable = ~statutory
        count_at = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(countable, out=count_at[1:])
        calendar.memo["count_index"] = CountIndex(first, size, count_at, np.flatnonzero(countable).astype(np.int64))
    return calendar.memo["count_index"]  # type: ignore[no-any-return]
