"""Protections around a birth: pregnancy, nursing, the protected period (三期) and the
time limit for labour arbitration.

* Pregnancy: from ``from_months`` of pregnancy (months of ``policy.miscarriage.weeks_per_month``
  weeks; 《女职工劳动保护特别规定》 art 6: 7 months) no overtime or night shift; some
  protections (prenatal checks in working time) hold for the whole pregnancy. The date is
  worked out from a due date or a conception date by the gestational weeks the policy gives.
* Nursing: from the birth until the child's first birthday (art 9), nursing time each
  working day, more for each extra baby; no overtime or night shift.
* Protected period: pregnancy, maternity leave and nursing. A fixed-term contract expiring
  inside it runs on to its end (劳动合同法 art 45); which dismissals it bars (art 42, 619 art 5)
  and which it does not (art 39).
* Arbitration: one year (劳动争议调解仲裁法 art 27), counted by the Civil Code's rules on periods.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from pydantic import model_validator

from .errors import InputError
from .holiday_calendar import Calendar
from .leave import missing_arrangement_warning, notes_for
from .parenting import last_day
from .policy import Policy
from .policy import Protection as ProtectionRule
from .cases import MAX_BABIES, Case, Day, check_count, check_date, check_engine_args
from .messages import Pair, message, pair
from .results import Basis, Frozen, LeaveResult, Message, cited


class Protection(Frozen):
    """One protection and the law behind it."""

    label: str
    label_en: str
    basis: list[Basis]


class PregnancyProtection(Frozen):
    """When the late-pregnancy protections start (``start``; None when neither a due date nor a
    conception date is known) and what they are."""

    kind: str = "pregnancy"
    policy: str
    due: date | None
    conception: date | None
    from_weeks: int
    from_months: int
    start: date | None
    protections: list[Protection]  # from ``start`` until the birth
    whole_pregnancy: list[Protection]
    basis: list[Basis]
    notes: list[Message]


class Lactation(Frozen):
    """The nursing period (the birth to ``end``), the nursing time a working day, and the protections."""

    kind: str = "lactation"
    policy: str
    start: date
    end: date
    babies: int
    hours_per_day: int
    protections: list[Protection]
    basis: list[Basis]
    notes: list[Message]


class Dismissal(Frozen):
    ground: str
    ground_en: str
    barred: bool
    basis: list[Basis]


class ProtectedPeriod(Frozen):
    """The protected period (三期) and, given a contract end date, what happens to the contract."""

    kind: str = "protected_period"
    policy: str
    pregnancy_start: date | None  # None: the start of the pregnancy is not known
    maternity_start: date
    maternity_end: date
    lactation_end: date
    end: date
    contract_end: date | None
    contract_inside: bool | None
    contract_runs_to: date | None
    dismissals: list[Dismissal]
    basis: list[Basis]
    warnings: list[Message]
    notes: list[Message]


class Arbitration(Frozen):
    """The last day to apply for labour arbitration, counted from the day she knew (or should have known)."""

    kind: str = "arbitration"
    policy: str
    known: date
    years: int
    last_day: date
    provisional: bool
    basis: list[Basis]
    warnings: list[Message]
    notes: list[Message]


class PregnancyDates(Case):
    """What is known of a pregnancy: a due date or a conception date (or neither)."""

    due: Day | None = None
    conception: Day | None = None

    @model_validator(mode="after")
    def _not_both(self) -> PregnancyDates:
        if self.due is not None and self.conception is not None:
            raise ValueError("give the due date or the conception date, not both")
        return self


def _protections(policy: Policy, rules: list[ProtectionRule]) -> list[Protection]:
    return [Protection(label=r.label, label_en=r.label_en, basis=cited(policy, "protection", r.basis)) for r in rules]


def pregnancy_week_start(policy: Policy, pregnancy: PregnancyDates, week: int) -> date | None:
    """The first day of gestational week ``week`` (completed weeks), from the due date or the
    conception date; None when neither is known."""
    rules = policy.protection.pregnancy
    if pregnancy.due is not None:
        return pregnancy.due - timedelta(weeks=rules.weeks_at_due_date.value - week)
    if pregnancy.conception is not None:
        return pregnancy.conception + timedelta(weeks=week - rules.weeks_at_conception.value)
    return None


def earliest_pregnancy_start(policy: Policy, birth: date) -> date:
    """The earliest day a pregnancy ending in a birth on ``birth`` can have started: the birth
    minus the longest pregnancy (gestational weeks, counted from the last period, so before any
    possible conception)."""
    return birth - timedelta(weeks=policy.protection.pregnancy.longest_weeks.value)


def pregnancy_date_warnings(policy: Policy, pregnancy: PregnancyDates, birth: date) -> list[Message]:
    """A warning when the due or conception date is implausible for a birth on ``birth``: the
    gestational age at the birth outside the policy's range, or a due date far from the birth.
    The dates are still used as given (a very early or late birth does happen)."""
    rules = policy.protection.pregnancy
    first = pregnancy_week_start(policy, pregnancy, 0)
    if first is None:
        return []
    age = birth - first
    weeks, days = divmod(age.days, 7)
    problems: list[Pair] = []
    if not timedelta(weeks=rules.shortest_weeks.value) <= age <= timedelta(weeks=rules.longest_weeks.value):
        problems.append(
            pair("warning.weeks_outside", weeks=weeks, days=days, shortest=rules.shortest_weeks.value, longest=rules.longest_weeks.value)
        )
    gap = abs((birth - pregnancy.due).days) if pregnancy.due is not None else 0
    if gap > rules.due_date_gap_weeks.value * 7:
        problems.append(pair("warning.due_far_from_birth", due=pregnancy.due, birth=birth, gap=gap, limit=rules.due_date_gap_weeks.value))
    if not problems:
        return []
    found = Pair("；".join(p.zh for p in problems), "; ".join(p.en for p in problems))
    return [message("warning.pregnancy_dates_unusual", problems=found)]


def pregnancy_protection(policy: Policy, pregnancy: PregnancyDates) -> PregnancyProtection:
    """The pregnancy protections and, when the pregnancy dates are known, the day the
    late-pregnancy ones start (the first day of the ``from_months``-th month, completed)."""
    check_engine_args(policy, (pregnancy, PregnancyDates, "pregnancy"))
    rules = policy.protection.pregnancy
    per_month = policy.miscarriage.weeks_per_month
    weeks = rules.from_months.value * per_month.value
    keys = [*rules.from_months.basis, *per_month.basis]
    basis = cited(policy, "from_months", rules.from_months.basis, rules.from_months.value)
    basis += cited(policy, "weeks_per_month", per_month.basis, per_month.value)
    # The date the weeks are counted from: the due date if given, else the conception date.
    anchor = (
        ("weeks_at_due_date", rules.weeks_at_due_date) if pregnancy.due is not None
        else ("weeks_at_conception", rules.weeks_at_conception) if pregnancy.conception is not None
        else None
    )
    if anchor is not None:
        item, value = anchor
        keys += value.basis
        basis += cited(policy, item, value.basis, value.value)
    return PregnancyProtection(
        policy=policy.id,
        due=pregnancy.due,
        conception=pregnancy.conception,
        from_weeks=weeks,
        from_months=rules.from_months.value,
        start=pregnancy_week_start(policy, pregnancy, weeks),
        protections=_protections(policy, rules.from_month_protections),
        whole_pregnancy=_protections(policy, rules.whole_pregnancy_protections),
        basis=basis,
        notes=notes_for(policy, keys),
    )


def lactation(policy: Policy, birth: date, babies: int = 1) -> Lactation:
    """The nursing period and nursing time for ``babies`` born on ``birth``."""
    check_engine_args(policy)
    birth = check_date(birth, "birth")
    if not 1 <= check_count(babies, "babies") <= MAX_BABIES:
        raise InputError(f"babies: {babies} is not from 1 to {MAX_BABIES}", field="babies")
    rules = policy.protection.lactation
    hours = rules.hours_per_day.hours + rules.per_extra_baby.hours * (babies - 1)
    basis = cited(policy, "age_limit", rules.until.basis, rules.until.years)
    basis += cited(policy, "lactation_hours", rules.hours_per_day.basis, rules.hours_per_day.hours)
    if babies > 1:
        basis += cited(policy, "lactation_extra_baby", rules.per_extra_baby.basis, rules.per_extra_baby.hours)
    keys = [*rules.until.basis, *rules.hours_per_day.basis, *(rules.per_extra_baby.basis if babies > 1 else [])]
    return Lactation(
        policy=policy.id,
        start=birth,
        end=last_day(birth, rules.until),
        babies=babies,
        hours_per_day=hours,
        protections=_protections(policy, rules.protections),
        basis=basis,
        notes=notes_for(policy, keys),
    )


def protected_period(
    policy: Policy,
    maternity: LeaveResult,
    lactation_period: Lactation,
    pregnancy_start: date | None = None,
    contract_end: date | None = None,
) -> ProtectedPeriod:
    """The protected period from the pregnancy to the later of the end of maternity leave and
    of nursing, and what it means for a contract ending on ``contract_end``."""
    check_engine_args(policy, (maternity, LeaveResult, "maternity"), (lactation_period, Lactation, "lactation_period"))
    pregnancy_start = check_date(pregnancy_start, "pregnancy_start") if pregnancy_start is not None else None
    contract_end = check_date(contract_end, "contract_end") if contract_end is not None else None
    rules = policy.protection.protected_period
    end = max(maternity.end, lactation_period.end)
    keys = [*rules.phases_basis]
    basis = cited(policy, "protected_period", rules.phases_basis)
    warnings: list[Message] = []
    inside: bool | None = None
    runs_to: date | None = None
    if contract_end is not None:
        keys += rules.contract_runs_on_basis
        basis += cited(policy, "contract_runs_on", rules.contract_runs_on_basis)
        if pregnancy_start is None:
            # Unknown start: no earlier than the longest pregnancy before the birth.
            rule = policy.protection.pregnancy.longest_weeks
            keys += rule.basis
            basis += cited(policy, "longest_weeks", rule.basis, rule.value)
        first = pregnancy_start or earliest_pregnancy_start(policy, lactation_period.start)
        inside = first <= contract_end <= end
        if inside and pregnancy_start is None and contract_end < lactation_period.start:
            warnings.append(message("warning.pregnancy_start_unknown", end=contract_end))
        runs_to = end if inside else contract_end
    dismissals = [
        Dismissal(ground=r.ground, ground_en=r.ground_en, barred=r.barred, basis=cited(policy, "dismissal", r.basis))
        for r in rules.dismissals
    ]
    keys += [k for r in rules.dismissals for k in r.basis]
    return ProtectedPeriod(
        policy=policy.id,
        pregnancy_start=pregnancy_start,
        maternity_start=maternity.start,
        maternity_end=maternity.end,
        lactation_end=lactation_period.end,
        end=end,
        contract_end=contract_end,
        contract_inside=inside,
        contract_runs_to=runs_to,
        dismissals=dismissals,
        basis=basis,
        warnings=warnings,
        notes=notes_for(policy, keys),
    )


def arbitration_deadline(policy: Policy, known: date, calendar: Calendar) -> Arbitration:
    """The last day to apply for arbitration when she knew (or should have known) on ``known``:
    counted from the next day, the same date ``years`` later, moved past rest days."""
    check_engine_args(policy, (calendar, Calendar, "calendar"))
    known = check_date(known, "known")
    rules = policy.protection.protected_period
    years = rules.arbitration_years.value
    nominal: date = known + relativedelta(years=years)
    back = calendar.return_day(nominal - timedelta(days=1))  # first working day on or after it
    warnings = [missing_arrangement_warning(back.estimated_years)] if back.estimated_years else []
    keys = [*rules.arbitration_years.basis, *rules.arbitration_counting_basis]
    basis = cited(policy, "arbitration_years", rules.arbitration_years.basis, years)
    basis += cited(policy, "period_counting", rules.arbitration_counting_basis)
    return Arbitration(
        policy=policy.id,
        known=known,
        years=years,
        last_day=back.day,
        provisional=bool(back.estimated_years),
        basis=basis,
        warnings=warnings,
        notes=notes_for(policy, keys),
    )

