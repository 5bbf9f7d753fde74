"""The holiday calendar: which days are statutory holidays, and which are working days.

Two kinds of data, kept apart because they are known differently:

* **Statutory holidays** (《全国年节及纪念日放假办法》 art 2) follow from the law and the
  lunar calendar, so they are computed for any year from 2014 to 2099 from
  ``data/statutory_holidays.toml``. A statutory day on a weekend is still that day.
  These decide the *length* of leave that "does not count statutory holidays".
* **Arrangements** (the State Council's yearly notice: arranged rest days 调休放假 and
  make-up workdays 调休上班) are published a year at a time. They come from
  chinese-calendar for the years it ships, or from a holiday-year file. They decide the
  *return-to-work* day only. For a year with no arrangement the return day is estimated
  from weekends and statutory days, and the caller is told which year was missing.

A :class:`Calendar` is built once; lookups are set and bisect operations on day ordinals.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import CalendarError, InputError

# lunardate's tables end with lunar year 2099; the statutory law starts in 2014 (first version below).
LAST_YEAR = 2099

_LAST_ORDINAL = date(LAST_YEAR, 12, 31).toordinal()

# A year's notice can reach back into the last days of the year before: the 2019 notice made
# Saturday 2018-12-29 a make-up workday, the 2023 notice gave 2022-12-31 off. So a day from this
# date of December on also depends on the next year's notice.
NEXT_NOTICE_FROM_DECEMBER = 29

# How Calendar.advance may count a leave (docs/counting.md).
COUNTING_RULES = ("calendar", "skip_statutory", "workdays")


class HolidayName(NamedTuple):
    zh: str
    en: str
    # Two festivals on one date (中秋 on a 国庆 day): one day, both names.
    shared: bool = False


# ---------------------------------------------------------------- the law, as data

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DayRule(_Strict):
    name: str
    name_en: str
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    lunar_month: int | None = Field(default=None, ge=1, le=12)
    lunar_day: int | None = Field(default=None, ge=1, le=30)
    solar_term: str | None = None
    offset: int = 0
    count: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _one_kind_of_date(self) -> DayRule:
        kinds = [
            self.month is not None and self.day is not None,
            self.lunar_month is not None and self.lunar_day is not None,
            self.solar_term is not None,
        ]
        if sum(kinds) != 1:
            raise ValueError("give exactly one of month+day, lunar_month+lunar_day, solar_term")
        return self


class LawVersion(_Strict):
    effective_from: date
    document: str
    article: str
    confidence: Literal["text", "secondary", "interpretation"]
    days: list[DayRule] = Field(min_length=1)

    @property
    def day_count(self) -> int:
        return sum(r.count for r in self.days)


class Reading(_Strict):
    """How the project reads a point the law leaves open, shown as a note in results."""

    confidence: Literal["text", "secondary", "interpretation"]
    note: str
    note_en: str


class HolidayLaw(_Strict):
    versions: list[LawVersion] = Field(min_length=1)
    coinciding: Reading

    @property
    def first_year(self) -> int:
        return self.versions[0].effective_from.year

    def version_for(self, year: int) -> LawVersion:
        # Checked before any date is built: year 0 or 10000 must be this error, not a crash.
        if not self.first_year <= year <= LAST_YEAR:
            raise CalendarError(f"no statutory-holiday data for {year}: leavecalc covers {self.first_year} to {LAST_YEAR}")
        jan1 = date(year, 1, 1)
        return [v for v in self.versions if v.effective_from <= jan1][-1]


def load_law() -> HolidayLaw:
    text = (resources.files("leavecalc") / "data" / "statutory_holidays.toml").read_text(encoding="utf-8")
    try:
        return HolidayLaw.model_validate(tomllib.loads(text))
    except ValidationError as e:  # a packaging defect, not user input
        raise CalendarError(f"leavecalc/data/statutory_holidays.toml is invalid: {e}") from None


def _rule_start(rule: DayRule, year: int) -> date:
    if rule.month is not None and rule.day is not None:
        return date(year, rule.month, rule.day)
    if rule.lunar_month is not None and rule.lunar_day is not None:
        from lunardate import LunarDate

        solar: date = LunarDate(year, rule.lunar_month, rule.lunar_day).to_solar_date()
        return solar + timedelta(days=rule.offset)
    import chinese_calendar

    lo, hi = date(year, 1, 1), date(year, 12, 31)
    for day, term in chinese_calendar.get_solar_terms(lo, hi):
        if term == rule.solar_term:
            return day + timedelta(days=rule.offset)  # type: ignore[no-any-return]
    raise CalendarError(f"solar term {rule.solar_term!r} not found in {year}")


def statutory_days(law: HolidayLaw, year: int) -> dict[date, HolidayName]:
    """The statutory holidays of ``year`` under the law in force that year."""
    out: dict[date, HolidayName] = {}
    for rule in law.version_for(year).days:
        first = _rule_start(rule, year)
        for i in range(rule.count):
            day = first + timedelta(days=i)
            other = out.get(day)
            if other is None:
                out[day] = HolidayName(rule.name, rule.name_en)
            else:  # e.g. 中秋 on 2028-10-03: one statutory day with both names (law.coinciding)
                out[day] = HolidayName(f"{other.zh}、{rule.name}", f"{other.en} and {rule.name_en}", True)
    return out


# ---------------------------------------------------------------- arrangements

@dataclass(frozen=True)
class Arrangement:
    """One year's State Council arrangement: the days it moves off and onto work."""

    year: int
    source: str
    # Weekdays given as rest (调休放假, 补休) and weekend days worked (调休上班). A notice's
    # New Year block may reach into the neighbouring year (docs/holidays.md): such days are
    # listed here too, and the Calendar applies them to the day whatever its year.
    rest_days: Mapping[date, HolidayName]
    workdays: Mapping[date, HolidayName]
    # Statutory days of the year when a holiday file overrides the law-derived ones.
    statutory: Mapping[date, HolidayName] | None = None


def bundled_arrangements(law: HolidayLaw) -> dict[int, Arrangement]:
    """Arrangements for the years chinese-calendar ships (from the law's first year on)."""
    import chinese_calendar as cc

    source = f"chinese-calendar {cc.__version__}"
    zh = {h.value: h.chinese for h in cc.Holiday}
    off: dict[int, dict[date, HolidayName]] = {}
    work: dict[int, dict[date, HolidayName]] = {}
    for day, name in cc.holidays.items():
        if day.year >= law.first_year and day.weekday() < 5:
            off.setdefault(day.year, {})[day] = HolidayName(zh.get(name, name), name)
    for day, name in cc.workdays.items():
        if day.year >= law.first_year:
            work.setdefault(day.year, {})[day] = HolidayName(zh.get(name, name), name)
    years = range(law.first_year, max(d.year for d in cc.holidays) + 1)
    result = {}
    for y in years:
        stat = statutory_days(law, y)
        rest = {d: n for d, n in off.get(y, {}).items() if d not in stat}
        result[y] = Arrangement(y, source, rest, work.get(y, {}))
    return result


# ---------------------------------------------------------------- the calendar

class ReturnDay(NamedTuple):
    day: date
    estimated_years: tuple[int, ...]  # years passed over with no arrangement data


@dataclass(frozen=True)
class YearData:
    """Which data one year's working days rest on, as named in results."""

    year: int
    source: str
    estimated: bool


@dataclass(frozen=True, eq=False)
class Calendar:
    """Statutory days for every year the law covers, plus the arrangements supplied."""

    law: HolidayLaw
    arrangements: Mapping[int, Arrangement]
    _ords: list[int] = field(init=False, repr=False)
    _names: dict[int, HolidayName] = field(init=False, repr=False)
    _arranged: dict[int, bool] = field(init=False, repr=False)  # day ordinal -> is it worked
    # Years whose statutory days a holiday file replaced with days other than the law's -> its source.
    overridden: dict[int, str] = field(init=False, repr=False)
    # Derived objects that depend only on this calendar (built once, reused by results).
    memo: dict[Any, Any] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "first_year", self.law.first_year)
        object.__setattr__(self, "_names", {})
        object.__setattr__(self, "_ords", [])
        object.__setattr__(self, "_hi", self.first_year - 1)
        # Years with data and the one after; later years are computed when first asked about.
        self._upto(max(self.arrangements, default=self.first_year) + 1)
        # A day's own year's arrangement wins over a neighbouring year's notice reaching into it.
        arranged: dict[int, bool] = {}
        for own_year in (False, True):
            for arr in self.arrangements.values():
                for days, worked in ((arr.rest_days, False), (arr.workdays, True)):
                    arranged.update((d.toordinal(), worked) for d in days if (d.year == arr.year) == own_year)
        overridden = {
            y: a.source
            for y, a in self.arrangements.items()
            if a.statutory is not None and set(a.statutory) != set(statutory_days(self.law, y))
        }
        object.__setattr__(self, "overridden", overridden)
        object.__setattr__(self, "_arranged", arranged)

    first_year: int = field(init=False)
    _hi: int = field(init=False, repr=False)  # statutory days are computed up to this year

    def _upto(self, year: int) -> None:
        """Compute the statutory days of the years up to ``year`` (at most LAST_YEAR), once."""
        year = min(year, LAST_YEAR)
        if year <= self._hi:
            return
        for y in range(self._hi + 1, year + 1):
            arr = self.arrangements.get(y)
            days = arr.statutory if arr is not None and arr.statutory is not None else statutory_days(self.law, y)
            self._names.update((d.toordinal(), n) for d, n in days.items())
        object.__setattr__(self, "_ords", sorted(self._names))
        object.__setattr__(self, "_hi", year)

    def _check(self, day: date) -> None:
        if day.__class__ is not date:  # a datetime (or anything else) is refused, not half-used
            raise InputError(f"{day!r:.60} is not a date (give a datetime.date)")
        if day.year >= self._hi:
            self._upto(day.year + 1)
        if not self.first_year <= day.year <= LAST_YEAR:
            raise CalendarError(
                f"{day} is outside the years leavecalc knows statutory holidays for ({self.first_year} to {LAST_YEAR})"
            )

    def statutory_name(self, day: date) -> HolidayName | None:
        self._check(day)
        return self._names.get(day.toordinal())

    def statutory_between(self, start: date, end: date) -> list[tuple[date, HolidayName]]:
        """Statutory holidays from ``start`` to ``end``, both included, in order."""
        self._check(start)
        self._check(end)
        lo, hi = bisect_left(self._ords, start.toordinal()), bisect_right(self._ords, end.toordinal())
        return [(date.fromordinal(o), self._names[o]) for o in self._ords[lo:hi]]

    def count_statutory(self, start: date, end: date) -> int:
        if end.year >= self._hi:
            self._upto(end.year + 1)
        return bisect_right(self._ords, end.toordinal()) - bisect_left(self._ords, start.toordinal())

    def advance(self, start: date, days: int, rule: Literal["calendar", "skip_statutory", "workdays"]) -> date:
        """The last day of a leave of ``days`` counted days beginning on ``start``.

        ``calendar`` counts every day. ``skip_statutory`` does not count statutory holidays,
        so the leave runs on one day for each; the last day is never a statutory holiday.
        ``workdays`` counts working days only (see :meth:`is_workday`; years without a
        published arrangement are estimated, which the caller must say).
        """
        if rule not in COUNTING_RULES:
            raise InputError(f"unknown counting rule {rule!r:.40} (one of: {', '.join(COUNTING_RULES)})")
        if days < 1:
            raise InputError("a leave is at least one day long")
        self._check(start)  # also computes the statutory days of start's year and the next
        reach = start.year + days // 365 + 1  # the last year the leave can reach
        if reach > self._hi:
            self._upto(reach)
        if rule == "workdays":
            day, counted = start, 0
            while True:
                self._check(day)
                counted += self.is_workday(day)[0]
                if counted == days:
                    return day
                day += timedelta(days=1)
        a = start.toordinal()
        end = a + days - 1
        if rule == "skip_statutory":
            # Least fixed point of end = a + days - 1 + holidays(a..end): the first day on which
            # `days` non-holiday days have been counted. Converges in a few steps.
            lo = bisect_left(self._ords, a)
            while True:
                nxt = a + days - 1 + bisect_right(self._ords, end) - lo
                if nxt == end:
                    break
                end = nxt
        if end > _LAST_ORDINAL:  # checked before date.fromordinal, which fails past year 9999
            raise CalendarError(
                f"a leave of {days} days from {start} runs past {LAST_YEAR}-12-31, the last day leavecalc "
                f"knows statutory holidays for"
            )
        return date.fromordinal(end)

    def is_workday(self, day: date) -> tuple[bool, bool]:
        """(is it a working day, does that rest on published arrangement data)."""
        if day.year >= self._hi:
            self._upto(day.year + 1)
        worked = self._arranged.get(day.toordinal())
        if worked is not None:
            return worked, True
        off = day.weekday() >= 5 or day.toordinal() in self._names
        return not off, day.year in self.arrangements

    def return_day(self, last_day_of_leave: date) -> ReturnDay:
        """The first working day after the leave, and any year it had to estimate."""
        key = ("return", last_day_of_leave)
        if key not in self.memo:  # one entry per distinct date: bounded, and batches repeat dates
            self.memo[key] = self._return_day(last_day_of_leave)
        return self.memo[key]  # type: ignore[no-any-return]

    def _return_day(self, last_day_of_leave: date) -> ReturnDay:
        day = last_day_of_leave + timedelta(days=1)
        estimated: set[int] = set()
        while True:
            self._check(day)
            work, known = self.is_workday(day)
            if not known:
                estimated.add(day.year)
            if day.month == 12 and day.day >= NEXT_NOTICE_FROM_DECEMBER and day.year + 1 not in self.arrangements:
                estimated.add(day.year + 1)
            if work:
                return ReturnDay(day, tuple(sorted(estimated)))
            day += timedelta(days=1)

    def year_data(self, year: int) -> YearData:
        if ("year", year) not in self.memo:
            self.memo[("year", year)] = self._year_data(year)
        return self.memo[("year", year)]  # type: ignore[no-any-return]

    def _year_data(self, year: int) -> YearData:
        arr = self.arrangements.get(year)
        if arr is None:
            return YearData(year, "estimate: weekends and statutory holidays only (no arrangement published)", True)
        return YearData(year, arr.source, False)

    def law_for(self, year: int) -> LawVersion:
        return self.law.version_for(year)


def bundled_calendar() -> Calendar:
    """Statutory days from the law, arrangements from chinese-calendar."""
    law = load_law()
    return Calendar(law, bundled_arrangements(law))
