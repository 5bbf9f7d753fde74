"""What every leave computation shares: counting segments, the day back, warnings and notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from .holiday_calendar import Calendar, LawVersion
from .policy import Citation, Counting, ParentingCounting, Policy
from .messages import Pair, message, pair
from .results import Basis, HolidayDataUsed, LeaveResult, Message, NamedDay, Segment, SegmentPart, built, cited

ONE_DAY = timedelta(days=1)
CountingName = Literal["calendar", "skip_statutory", "workdays"]


def notes_for(policy: Policy, keys: Iterable[str]) -> list[Message]:
    """The user-facing notes of the citations a result used, each once, in order of use."""
    memo_key = ("notes", tuple(keys))
    if memo_key not in policy.memo:
        seen: dict[str, Citation] = {}
        for k in memo_key[1]:
            c = policy.citations[k]
            if c.note and k not in seen:
                seen[k] = c
        policy.memo[memo_key] = [Message(code=k, zh=c.note or "", en=c.note_en or c.note or "") for k, c in seen.items()]
    return list(policy.memo[memo_key])


def review_warnings(policy: Policy) -> list[Message]:
    """The warning every result of an unsettled jurisdiction carries (its layer's review note)."""
    r = policy.review
    if r.status != "needs_review":
        return []
    return [message("warning.policy_needs_review", note=Pair(r.note, r.note_en))]


def review_notes(policy: Policy) -> list[Message]:
    """The note a result of a jurisdiction known only from secondary sources carries."""
    r = policy.review
    if r.status != "secondary" or not r.note:
        return []
    return [Message(code="policy_secondary", zh=r.note, en=r.note_en or r.note)]


def counting_basis(policy: Policy, counting: Counting | ParentingCounting) -> list[Basis]:
    return cited(policy, f"counting:{counting.rule}", counting.basis)


def statutory_law_basis(calendar: Calendar, start: date, end: date) -> list[Basis]:
    """The holiday law that says which days a "statutory holidays not counted" rule skips."""
    key = ("law_basis", start.year, end.year)
    if key not in calendar.memo:
        versions = {id(v): v for v in map(calendar.law_for, range(start.year, end.year + 1))}
        calendar.memo[key] = _law_basis(list(versions.values()))
    return list(calendar.memo[key])


def _law_basis(versions: list[LawVersion]) -> list[Basis]:
    return [
        Basis(
            item="statutory_holidays",
            days=v.day_count,
            document=v.document,
            article=v.article,
            in_force=v.effective_from,
            confidence=v.confidence,
        )
        for v in versions
    ]


def make_segment(
    calendar: Calendar,
    name: str,
    label: str,
    label_en: str,
    start: date,
    days: int,
    counting: Counting | ParentingCounting,
    basis: list[Basis],
    parts: Sequence[tuple[str, int, Any]] = (),
) -> Segment:
    """A segment of ``days`` counted days from ``start``; ``parts`` (item, days, ...) in the
    order their days are counted give its parts (maternity)."""
    rule = counting.rule
    end = calendar.advance(start, days, rule)
    if rule == "calendar":
        basis = list(basis)
    else:
        basis = basis + statutory_law_basis(calendar, start, end)
    dated = _dated_parts(calendar, start, end, days, rule, parts) if parts else []
    return built(Segment, name=name, label=label, label_en=label_en, days=days, start=start, end=end, counting=rule, basis=basis, parts=dated)


def _dated_parts(
    calendar: Calendar, start: date, end: date, days: int, rule: CountingName, parts: Sequence[tuple[str, int, Any]]
) -> list[SegmentPart]:
    """Each part's days and dates: the counted days of the segment go to the parts in order, so
    a part ends on the day its last counted day falls and the next begins the day after."""
    out, offset, first = [], 0, start
    for item, n, _ in parts:
        if not n:  # a base of 0 days beside other parts (a province granting only extras)
            continue
        offset += n
        last = end if offset == days else calendar.advance(start, offset, rule)
        out.append(built(SegmentPart, item=item, days=n, start=first, end=last))
        first = last + ONE_DAY
    return out


def missing_arrangement_warning(years: Sequence[int]) -> Message:
    return _arrangement_missing(tuple(years))


@lru_cache(maxsize=64)
def _arrangement_missing(years: tuple[int, ...]) -> Message:
    # Worded once per set of years (a Message holds only text, so results may share it): the
    # wording took a twentieth of a provisional maternity result's time.
    ys = Pair("、".join(str(y) for y in years), ", ".join(str(y) for y in years))
    return message("warning.arrangement_missing", years=ys)


def year_used(calendar: Calendar, year: int) -> HolidayDataUsed:
    key = ("used", year)
    if key not in calendar.memo:
        y = calendar.year_data(year)
        calendar.memo[key] = HolidayDataUsed(year=y.year, source=y.source, estimated=y.estimated)
    return calendar.memo[key]  # type: ignore[no-any-return]


def skipped_days(calendar: Calendar, start: date, end: date) -> tuple[list[NamedDay], bool]:
    """The statutory holidays from ``start`` to ``end`` as results show them, and whether one of
    them is a date two festivals share (memoized by span)."""
    key = ("skipped", start, end)
    if key not in calendar.memo:
        days = calendar.statutory_between(start, end)
        named = [NamedDay(date=d, name=n.zh, name_en=n.en) for d, n in days]
        calendar.memo[key] = (named, any(n.shared for _, n in days))
    return calendar.memo[key]  # type: ignore[no-any-return]


def finish(
    *,
    kind: str,
    policy: Policy,
    calendar: Calendar,
    segments: list[Segment],
    warnings: list[Message],
    notes: list[Message],
) -> LeaveResult:
    """Assemble a result: total, end, the day back at work and what it rests on.

    ``segments`` and ``warnings`` must be lists made for this result (they become its own);
    ``notes`` may be shared (it is copied).
    """
    start, end = segments[0].start, segments[-1].end
    back = calendar.return_day(end)
    skipped: list[NamedDay] = []
    shared = False
    first = end.year
    estimated = back.estimated_years
    for s in segments:
        if s.counting != "calendar":
            days, has_shared = skipped_days(calendar, s.start, s.end)
            skipped += days
            shared = shared or has_shared
            if s.counting == "workdays":
                # Counting working days rests on each year's arrangement, not only the day back.
                first = min(first, s.start.year)
                more = (y for y in range(s.start.year, s.end.year + 1) if calendar.year_data(y).estimated)
                estimated = tuple(sorted({*estimated, *more}))
    warnings += review_warnings(policy)
    if estimated:
        warnings.append(missing_arrangement_warning(estimated))
    if calendar.overridden:
        warnings += override_warnings(calendar, range(start.year, back.day.year + 1))
    if shared:
        notes = [*notes, coinciding_note(calendar)]
    last = back.day.year
    data = [year_used(calendar, first)] if last == first else [year_used(calendar, y) for y in range(first, last + 1)]
    return built(
        LeaveResult,
        kind=kind,
        policy=policy.id,
        total_days=sum([s.days for s in segments]),
        start=start,
        end=end,
        return_to_work=back.day,
        provisional=bool(estimated),
        segments=segments,
        skipped_holidays=skipped,
        warnings=warnings,
        notes=[*notes, *review_notes(policy)],
        holiday_data=data,
    )


def coinciding_note(calendar: Calendar) -> Message:
    """The reading taken where two festivals share a statutory date (data/statutory_holidays.toml)."""
    r = calendar.law.coinciding
    return Message(code="holidays_coincide", zh=r.note, en=r.note_en)


def override_warnings(calendar: Calendar, years: Iterable[int]) -> list[Message]:
    """A warning for each year whose statutory days come from a file and differ from the law's."""
    return [message("warning.statutory_override", year=y, source=calendar.overridden[y]) for y in years if y in calendar.overridden]


def policy_date_warning(policy: Policy, day: date, what: str) -> list[Message]:
    """A warning when an explicitly chosen policy is not in force on the deciding date ``day``
    (``what``: the catalogue code naming that date)."""
    if policy.in_force_on(day):
        return []
    until = Pair(str(policy.effective_until), str(policy.effective_until)) if policy.effective_until else pair("warning.open_ended")
    return [
        message(
            "warning.policy_not_in_force",
            title=Pair(policy.title, policy.title_en), what=pair(what), day=day, start=policy.effective_from, until=until,
        )
    ]
