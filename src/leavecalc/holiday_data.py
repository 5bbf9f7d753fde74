"""Holiday-year files, where the calendar's arrangements come from, and what one year holds.

A holiday-year file is the State Council's yearly notice as TOML (format: docs/holidays.md,
example: examples/holidays-2026.toml). Users supply one the day a notice is published, so a
new year needs no new release. Files are checked against the law on load; each problem names
the file and the field.

Precedence, per year: a ``--holidays`` file, then the user data directory, then the bundled
chinese-calendar data. Two files of the same rank for the same year are an error, not a guess.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from .errors import CalendarError
from .files import parse_toml, read_data_file
from .holiday_calendar import (
    LAST_YEAR,
    NEXT_NOTICE_FROM_DECEMBER,
    Arrangement,
    Calendar,
    HolidayLaw,
    HolidayName,
    bundled_arrangements,
    load_law,
    statutory_days,
)
from .leave import coinciding_note, statutory_law_basis
from .messages import message
from .results import Basis, Frozen, Message, NamedDay

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# ---------------------------------------------------------------- the file format

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoticeSource(_Strict):
    """The notice a file transcribes: title, document number (文号) if known, date published."""

    title: str = Field(min_length=1)
    number: str | None = None
    published: date
    url: str | None = None


class HolidayBlock(_Strict):
    """One holiday of the notice: "rest_from 至 rest_to 放假调休 … work 上班"."""

    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    rest_from: date
    rest_to: date
    work: list[date] = []


class StatutoryOverride(_Strict):
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    dates: list[date] = Field(min_length=1)


class HolidayFile(_Strict):
    year: StrictInt
    source: NoticeSource
    holiday: list[HolidayBlock] = Field(min_length=1)
    statutory: list[StatutoryOverride] | None = None


def _days(first: date, last: date) -> Iterable[date]:
    return (first + timedelta(days=i) for i in range((last - first).days + 1))


def _where(loc: Sequence[str | int]) -> str:
    """A field path as users count: ``holiday[2].work[1]``, tables and items from 1."""
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


def check_holiday_file(f: HolidayFile, law: HolidayLaw) -> list[str]:
    """Every problem of a parsed file, each as ``field: what is wrong``; empty if none."""
    year = f.year
    try:
        version = law.version_for(year)
    except CalendarError as e:
        return [f"year: {e}"]
    problems: list[str] = []
    stat = _statutory(f, law)
    if f.statutory is not None:
        given: dict[date, str] = {}
        for i, s in enumerate(f.statutory):
            for j, d in enumerate(s.dates):
                at = _where(("statutory", i, "dates", j))
                if d.year != year:
                    problems.append(f"{at}: {d} is not in {year}; statutory days belong to the year itself")
                elif d in given:
                    problems.append(f"{at}: {d} is listed twice (also {given[d]})")
                given[d] = s.name
        n = sum(len(s.dates) for s in f.statutory)
        # Distinct dates: in a year where two festivals share a date the law gives one day fewer.
        expected = len(statutory_days(law, year))
        if n != expected:
            shared = f" ({version.day_count} festival days, two on one date)" if expected != version.day_count else ""
            problems.append(
                f"statutory: {n} days given, but the law in force in {year} ({version.document} art {version.article}) "
                f"has {expected}{shared}"
            )
    # Days outside the year are allowed only where a block runs over the turn of the year.
    lo, hi = date(year - 1, 12, 1), date(year + 1, 1, 31)
    span = f"{year} (or, for a block running over the turn of the year, {lo} to {date(year - 1, 12, 31)} or {date(year + 1, 1, 1)} to {hi})"
    rest: dict[date, int] = {}
    for i, b in enumerate(f.holiday):
        at = _where(("holiday", i)) + f" ({b.name})"
        if b.rest_to < b.rest_from:
            problems.append(f"{at}.rest_to: {b.rest_to} is before rest_from {b.rest_from}")
            continue
        if b.rest_to.year < year or b.rest_from.year > year:
            problems.append(f"{at}.rest_from: the rest days {b.rest_from} to {b.rest_to} are not in {year}")
            continue
        for key, d in (("rest_from", b.rest_from), ("rest_to", b.rest_to)):
            if not lo <= d <= hi:
                problems.append(f"{at}.{key}: {d} is outside {span}")
        for d in _days(max(b.rest_from, lo), min(b.rest_to, hi)):
            if d in rest:
                k = rest[d]
                problems.append(f"{at}: its rest days overlap {_where(('holiday', k))} ({f.holiday[k].name}) on {d}")
                break
            rest[d] = i
    work: dict[date, int] = {}
    for i, b in enumerate(f.holiday):
        for j, d in enumerate(b.work):
            at = f"{_where(('holiday', i, 'work', j))} ({b.name})"
            if not lo <= d <= hi:
                problems.append(f"{at}: {d} is outside {span}")
            elif d.weekday() < 5:
                problems.append(
                    f"{at}: {d} is a {WEEKDAY_NAMES[d.weekday()]}; a make-up workday (调休上班) must be a Saturday or Sunday"
                )
            elif d in rest:
                k = rest[d]
                problems.append(
                    f"{at}: {d} is also a rest day of {_where(('holiday', k))} ({f.holiday[k].name}); "
                    "a day cannot be both rest and work"
                )
            elif d in work:
                problems.append(f"{at}: {d} is listed twice as a make-up workday")
            elif d in stat:
                problems.append(f"{at}: {d} is a statutory holiday ({stat[d].zh}) and cannot be a make-up workday")
            work[d] = i
    for d, name in sorted(stat.items()):
        if d.year == year and d not in rest:
            problems.append(
                f"holiday: the statutory holiday {d} ({name.zh}) is in no [[holiday]] block; a notice gives a "
                f"rest block for every festival, so the file looks incomplete"
            )
    return problems


def _statutory(f: HolidayFile, law: HolidayLaw) -> dict[date, HolidayName]:
    """Statutory days of the file's year and of its neighbours (the law's, or the file's own)."""
    out: dict[date, HolidayName] = {}
    for y in (f.year - 1, f.year + 1):
        if law.first_year <= y <= LAST_YEAR:
            out.update(statutory_days(law, y))
    if f.statutory is None:
        out.update(statutory_days(law, f.year))
    else:
        out.update((d, HolidayName(s.name, s.name_en)) for s in f.statutory for d in s.dates)
    return out


def source_line(f: HolidayFile, origin: str) -> str:
    """How results name a file's data: the file, then the notice."""
    number = f"{f.source.number}, " if f.source.number else ""
    return f"{origin}: {f.source.title} ({number}published {f.source.published})"


def parse_holiday_file(text: str, origin: str, law: HolidayLaw) -> Arrangement:
    """Validate holiday-year TOML text; ``origin`` names the file in results and error messages."""
    where = f"holiday file {origin}"
    data = parse_toml(text, where, CalendarError)
    try:
        f = HolidayFile.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise CalendarError(f"{where}: {_where(err['loc'])}: {err['msg']}{more}") from None
    problems = check_holiday_file(f, law)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CalendarError(f"{where}: {problems[0]}{more}")
    stat = _statutory(f, law)
    rest: dict[date, HolidayName] = {}
    work: dict[date, HolidayName] = {}
    for b in f.holiday:
        name = HolidayName(b.name, b.name_en)
        # Only weekdays that are not statutory change anything: weekends are off anyway.
        rest.update((d, name) for d in _days(b.rest_from, b.rest_to) if d.weekday() < 5 and d not in stat)
        work.update((d, name) for d in b.work)
    override = None
    if f.statutory is not None:
        override = {d: HolidayName(s.name, s.name_en) for s in f.statutory for d in s.dates}
    return Arrangement(f.year, source_line(f, origin), rest, work, override)


def load_holiday_file(path: str | Path, law: HolidayLaw) -> Arrangement:
    """A holiday-year file: a regular file of at most a megabyte (a FIFO or /dev/zero must not
    hang or eat memory), UTF-8 with or without a BOM, validated against the law."""
    return parse_holiday_file(read_data_file(path, "holiday file", CalendarError), str(path), law)


def layered(*layers: Sequence[Arrangement]) -> dict[int, Arrangement]:
    """Arrangements by year, a later layer winning; two of one layer for one year is an error."""
    out: dict[int, Arrangement] = {}
    for layer in layers:
        seen: dict[int, Arrangement] = {}
        for arr in layer:
            if arr.year in seen:
                raise CalendarError(
                    f"two holiday files give {arr.year}: {seen[arr.year].source} and {arr.source}; keep one"
                )
            seen[arr.year] = arr
        out.update(seen)
    return out


def build_calendar(files: Iterable[str | Path] = (), user_files: Iterable[str | Path] = ()) -> Calendar:
    """The calendar of a run: ``files`` (``--holidays``) over ``user_files`` over chinese-calendar.
    A file named twice (``--holidays F --holidays F``, or through a link) is read once: it is
    not two files giving one year."""
    law = load_law()
    user = [load_holiday_file(p, law) for p in _distinct(user_files)]
    given = [load_holiday_file(p, law) for p in _distinct(files)]
    return Calendar(law, layered(list(bundled_arrangements(law).values()), user, given))


def _distinct(paths: Iterable[str | Path]) -> list[str | Path]:
    seen: set[str] = set()
    out: list[str | Path] = []
    for p in paths:
        key = os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# ---------------------------------------------------------------- one year, for `leavecalc holidays`

class HolidayYear(Frozen):
    """What the calendar knows about one year, and what it rests on."""

    year: int
    source: str
    estimated: bool
    statutory: list[NamedDay]
    statutory_basis: list[Basis]
    # True when a holiday file gave the year's statutory days itself ([[statutory]]): they are
    # then the file's, not the law's as leavecalc computes it.
    statutory_overridden: bool = False
    rest_days: list[NamedDay]
    workdays: list[NamedDay]
    warnings: list[Message]


def _arranged_in(calendar: Calendar, year: int) -> tuple[list[NamedDay], list[NamedDay]]:
    """Arranged rest days and make-up workdays falling in ``year``, whichever notice moved them."""
    days: dict[date, tuple[bool, HolidayName]] = {}
    for y in (year - 1, year + 1, year):  # the year's own notice last: it wins, as in Calendar
        arr = calendar.arrangements.get(y)
        if arr is not None:
            for moved, worked in ((arr.rest_days, False), (arr.workdays, True)):
                days.update((d, (worked, n)) for d, n in moved.items() if d.year == year)
    rest: list[NamedDay] = []
    work: list[NamedDay] = []
    for d, (worked, n) in sorted(days.items()):
        (work if worked else rest).append(NamedDay(date=d, name=n.zh, name_en=n.en))
    return rest, work


def holiday_year(calendar: Calendar, year: int) -> HolidayYear:
    """The statutory days of ``year``, its arranged rest days and make-up workdays, and their source."""
    calendar.law_for(year)  # a clean error outside the years the law covers
    first, last = date(year, 1, 1), date(year, 12, 31)
    data = calendar.year_data(year)
    rest, work = _arranged_in(calendar, year)
    days = calendar.statutory_between(first, last)
    stat = [NamedDay(date=d, name=n.zh, name_en=n.en) for d, n in days]
    warnings: list[Message] = [coinciding_note(calendar)] if any(n.shared for _, n in days) else []
    own = calendar.arrangements.get(year)
    overridden = own is not None and own.statutory is not None
    if overridden:
        assert own is not None
        warnings.append(message("warning.statutory_overridden", year=year, source=own.source))
    if data.estimated:
        warnings.append(message("warning.arrangement_missing_year", year=year))
    elif year + 1 <= LAST_YEAR and calendar.year_data(year + 1).estimated:
        warnings.append(message("warning.next_year_missing", year=year, next=year + 1, december=NEXT_NOTICE_FROM_DECEMBER))
    return HolidayYear(
        year=year,
        source=data.source,
        estimated=data.estimated,
        statutory=stat,
        statutory_basis=statutory_law_basis(calendar, first, last),
        statutory_overridden=overridden,
        rest_days=rest,
        workdays=work,
        warnings=warnings,
    )
