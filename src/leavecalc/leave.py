"""What every leave computation shares: counting segments, the day back, warnings and notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from .holidays import Calendar
from .policy import Citation, Counting, ParentingCounting, Policy
from .results import Basis, HolidayDataUsed, LeaveResult, Message, NamedDay, Segment


def notes_for(policy: Policy, keys: Iterable[str]) -> list[Message]:
    """The user-facing notes of the citations a result used, each once, in order of use."""
    seen: dict[str, Citation] = {}
    for k in keys:
        c = policy.citations[k]
        if c.note and k not in seen:
            seen[k] = c
    return [Message(code=k, zh=c.note or "", en=c.note_en or c.note or "") for k, c in seen.items()]


def counting_basis(policy: Policy, counting: Counting | ParentingCounting) -> list[Basis]:
    return [Basis.of(f"counting:{counting.rule}", None, c) for c in policy.cite(counting.basis)]


def statutory_law_basis(calendar: Calendar, start: date, end: date) -> list[Basis]:
    """The holiday law that says which days a "statutory holidays not counted" rule skips."""
    versions = {id(v): v for v in map(calendar.law_for, range(start.year, end.year + 1))}
    return [
        Basis(
            item="statutory_holidays",
            days=v.day_count,
            document=v.document,
            article=v.article,
            in_force=v.effective_from,
            confidence=v.confidence,
        )
        for v in versions.values()
    ]


def make_segment(
    calendar: Calendar,
    *,
    name: str,
    label: str,
    label_en: str,
    start: date,
    days: int,
    counting: Counting | ParentingCounting,
    basis: list[Basis],
) -> Segment:
    end = calendar.advance(start, days, counting.rule)
    if counting.rule in ("skip_statutory", "workdays"):
        basis = basis + statutory_law_basis(calendar, start, end)
    return Segment(
        name=name, label=label, label_en=label_en, days=days, start=start, end=end, counting=counting.rule, basis=basis
    )


def missing_arrangement_warning(years: Sequence[int]) -> Message:
    ys = "、".join(str(y) for y in years)
    ys_en = ", ".join(str(y) for y in years)
    return Message(
        code="arrangement_missing",
        zh=f"{ys}年的放假调休安排尚未公布（或未提供）：返岗日期按周末和法定节假日估算，结果为暂定，"
        f"国务院通知公布后请用 --holidays 提供该年数据重新计算。",
        en=f"No holiday arrangement for {ys_en} has been published or supplied: the return-to-work date is "
        f"estimated from weekends and statutory holidays only and is provisional; supply that year's notice "
        f"with --holidays once it is out.",
    )


def finish(
    *,
    kind: str,
    policy: Policy,
    calendar: Calendar,
    segments: list[Segment],
    warnings: list[Message],
    citation_keys: Iterable[str],
) -> LeaveResult:
    """Assemble a result: total, end, the day back at work and what it rests on."""
    start, end = segments[0].start, segments[-1].end
    back = calendar.return_day(end)
    # Counting working days rests on each year's arrangement, not only the day back.
    counted = [s for s in segments if s.counting == "workdays"]
    first = min((s.start.year for s in counted), default=end.year)
    estimated = set(back.estimated_years)
    if counted:
        estimated.update(y for y in range(first, end.year + 1) if calendar.year_data(y).estimated)
    warnings = list(warnings)
    if estimated:
        warnings.append(missing_arrangement_warning(sorted(estimated)))
    skipped = [
        NamedDay(date=d, name=n.zh, name_en=n.en)
        for s in segments
        if s.counting != "calendar"
        for d, n in calendar.statutory_between(s.start, s.end)
    ]
    years = range(first, back.day.year + 1)
    data = [HolidayDataUsed(year=y.year, source=y.source, estimated=y.estimated) for y in map(calendar.year_data, years)]
    return LeaveResult(
        kind=kind,
        policy=policy.id,
        total_days=sum(s.days for s in segments),
        start=start,
        end=end,
        return_to_work=back.day,
        provisional=bool(estimated),
        segments=segments,
        skipped_holidays=skipped,
        warnings=warnings,
        notes=notes_for(policy, citation_keys),
        holiday_data=data,
    )


def policy_date_warning(policy: Policy, day: date, what_zh: str, what_en: str) -> list[Message]:
    """A warning when an explicitly chosen policy is not in force on the deciding date."""
    if policy.in_force_on(day):
        return []
    return [
        Message(
            code="policy_not_in_force",
            zh=f"所选政策 {policy.id} 在{what_zh} {day} 不生效（生效期 {policy.effective_from} 至 "
            f"{policy.effective_until or '今'}），结果按所选政策计算。",
            en=f"The chosen policy {policy.id} is not in force on the {what_en} {day} (in force "
            f"{policy.effective_from} to {policy.effective_until or 'open'}); computed under it as asked.",
        )
    ]
