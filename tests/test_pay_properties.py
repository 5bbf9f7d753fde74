"""Properties of the pay computations, against an independent exact oracle."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from leavecalc.maternity import MaternityCase
from leavecalc.pay import RestCase, Wages, maternity_pay, pregnancy_rest_pay, split_rounded

SETTINGS = settings(max_examples=40, deadline=None)
money = st.decimals(min_value=0, max_value=200_000, places=2, allow_nan=False, allow_infinity=False)
days_2025_2026 = st.integers(0, 729).map(lambda n: date(2025, 1, 1) + timedelta(days=n))


def half_up(x: Fraction) -> Decimal:
    """Oracle: x rounded half up to 0.01, by integer division (not how pay.py does it)."""
    q, r = divmod(x.numerator * 100, x.denominator)
    return Decimal(q + (2 * r >= x.denominator)) / 100


@SETTINGS
@given(st.lists(st.fractions(min_value=0, max_value=10_000), max_size=12))
def test_split_sums_exactly_to_the_rounded_total_and_no_part_is_negative(parts):
    out = split_rounded(parts)
    assert sum(out, Decimal(0)) == half_up(sum(parts, Fraction(0)))
    assert all(p >= 0 for p in out)


@SETTINGS
@given(
    birth=days_2025_2026,
    delivery=st.sampled_from(["normal", "cesarean"]),
    babies=st.integers(1, 3),
    avg=money,
    own=st.none() | money,
    insured=st.booleans(),
)
def test_allowance_properties(nj2025, calendar, birth, delivery, babies, avg, own, insured):
    if not insured and own is None:
        own = avg
    case = MaternityCase(birth=birth, delivery=delivery, babies=babies)
    r = maternity_pay(nj2025, case, calendar, Wages(avg_wage=avg, own_wage=own, insured=insured))
    amounts = [r.amount, r.employer_top_up, *(m.amount for m in r.months), *(m.employer_top_up for m in r.months)]
    assert all(a >= 0 and a == a.quantize(Decimal("0.01")) for a in amounts)
    # The split adds up exactly, in money and in days.
    assert sum((m.amount for m in r.months), Decimal(0)) == r.amount
    assert sum((m.employer_top_up for m in r.months), Decimal(0)) == r.employer_top_up
    assert sum(m.days for m in r.months) == r.days == sum(p.days for p in r.periods if p.pay != "normal_wage")
    assert r.days + r.normal_wage_days == sum(p.days for p in r.periods)
    # Rounded once: the exact product, rounded, not a sum of rounded pieces.
    wage = avg if insured else own
    assert r.amount == half_up(Fraction(wage) * r.days / 30)
    if insured and own is not None:
        assert r.employer_top_up == half_up(max(Fraction(0), Fraction(own - avg) * r.days / 30))


# The oracle's own Nanjing minimum wage table (legal-notes §4), deliberately not read from the policy.
NANJING_MONTHLY_MINIMUM = [(date(2024, 1, 1), 2490), (date(2026, 1, 1), 2660)]


def oracle_rest(start: date, end: date, pay: Decimal) -> list[tuple[Fraction, Fraction, Fraction]]:
    """(floor, paid, shortfall) of each calendar month, exact: 80% of the month's minimum wage and
    the pay, both × covered days ÷ days in the month; shortfall max(0, floor − paid)."""
    out = []
    first = start
    while first <= end:
        length = monthrange(first.year, first.month)[1]
        last = min(end, date(first.year, first.month, length))
        share = Fraction((last - first).days + 1, length)
        wage = [w for since, w in NANJING_MONTHLY_MINIMUM if since <= first][-1]
        floor, paid = Fraction(wage) * Fraction(4, 5) * share, Fraction(pay) * share
        out.append((floor, paid, max(Fraction(0), floor - paid)))
        first = last + timedelta(days=1)
    return out


@SETTINGS
@given(start=days_2025_2026, length=st.integers(0, 299), pay=money | st.sampled_from([Decimal(1500), Decimal(2000)]))
def test_rest_properties(nj2025, start, length, pay):
    r = pregnancy_rest_pay(nj2025, RestCase(start=start, end=start + timedelta(days=length), pay=pay))
    assert all(m.floor >= 0 and m.paid >= 0 and m.shortfall >= 0 for m in r.months)
    assert sum((m.floor for m in r.months), Decimal(0)) == r.floor_total
    assert sum((m.paid for m in r.months), Decimal(0)) == r.paid_total
    assert sum((m.shortfall for m in r.months), Decimal(0)) == r.shortfall_total
    assert sum(m.days for m in r.months) == length + 1
    # Rounded once, against the exact oracle: every total, and every running total of the months.
    exact = oracle_rest(start, start + timedelta(days=length), pay)
    assert len(exact) == len(r.months)
    for col, name in enumerate(["floor", "paid", "shortfall"]):
        assert getattr(r, f"{name}_total") == half_up(sum((e[col] for e in exact), Fraction(0)))
        shown = [getattr(m, name) for m in r.months]
        for i in range(1, len(exact) + 1):
            assert sum(shown[:i], Decimal(0)) == half_up(sum((e[col] for e in exact[:i]), Fraction(0)))


@SETTINGS
@given(start=days_2025_2026, length=st.integers(0, 299), raises=st.lists(st.integers(0, 500), min_size=3, max_size=3))
def test_floor_never_decreases_when_the_minimum_wage_rises(nj2025, start, length, raises):
    assert nj2025.pay is not None
    table = nj2025.pay.minimum_wage
    higher = [m.model_copy(update={"monthly": m.monthly + r}) for m, r in zip(table, raises)]
    raised = nj2025.model_copy(update={"pay": nj2025.pay.model_copy(update={"minimum_wage": higher})})
    case = RestCase(start=start, end=start + timedelta(days=length), pay=Decimal(0))
    before, after = pregnancy_rest_pay(nj2025, case), pregnancy_rest_pay(raised, case)
    assert after.floor_total >= before.floor_total
    assert after.shortfall_total >= before.shortfall_total


def test_whole_month_floor_never_decreases_over_time(nj2025):
    # The Nanjing table only rises, so a whole month's floor never falls from one month to the next
    # (art 37 applies from 2025-01: 80% of 2490 = 1992 first, 80% of 2660 = 2128 last).
    floors = []
    for n in range(36):
        first = date(2025 + n // 12, n % 12 + 1, 1)
        last = first.replace(day=monthrange(first.year, first.month)[1])
        floors.append(pregnancy_rest_pay(nj2025, RestCase(start=first, end=last, pay=Decimal(0))).floor_total)
    assert floors == sorted(floors) and floors[0] == Decimal("1992.00") and floors[-1] == Decimal("2128.00")


@given(
    rate=st.fractions(min_value=0, max_value=10**6, max_denominator=10**4),
    days=st.lists(st.integers(min_value=0, max_value=31), min_size=1, max_size=12),
)
def test_split_days_is_split_rounded_in_integers(rate, days):
    from leavecalc.pay import split_days, split_rounded

    assert split_days(rate, days) == split_rounded([rate * d for d in days])
