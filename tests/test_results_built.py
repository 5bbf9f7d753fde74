"""Results are built from the engine's own values without validating them again (results.built):
every one must still be exactly the model validation would have made."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from leavecalc import MaternityCase, maternity_leave
from leavecalc.errors import LeavecalcError
from leavecalc.kinds import compute

from .conftest import d


def assert_valid(m: BaseModel) -> int:
    """Validate ``m`` field by field, as its constructor would, and every model inside it; each
    value must come back equal and of the same type (a bool is not a count). Returns how many
    models were checked."""
    fields = {k: getattr(m, k) for k in type(m).model_fields}
    again = type(m).model_validate(fields)
    assert again == m, type(m).__name__
    for k, v in fields.items():
        assert type(again.__dict__[k]) is type(v), (type(m).__name__, k)
    checked = 1
    for v in fields.values():
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, BaseModel):
                checked += assert_valid(item)
    return checked


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=date(2022, 2, 10), max_value=date(2027, 12, 31)),
    st.sampled_from(["normal", "cesarean", "assisted", "other_difficult"]),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=0, max_value=20),
)
def test_maternity_results_are_valid_models(registry, calendar, birth, delivery, babies, early):
    case = MaternityCase(birth=birth, start=max(date(2022, 2, 10), birth - timedelta(days=early)), delivery=delivery, babies=babies)
    r = maternity_leave(registry.in_force("nanjing", birth), case, calendar)
    assert assert_valid(r) >= 1 + 2 * len(r.segments)  # the result, its segments and at least one part each


KINDS = [
    ("maternity", {"birth": d("2026-01-01"), "delivery": "cesarean", "babies": 2}),
    ("miscarriage", {"date": d("2026-01-01"), "weeks": 10}),
    ("paternity", {"birth": d("2026-01-01")}),
    ("parenting", {"birth": d("2025-06-01")}),
]


@pytest.mark.parametrize(("kind", "fields"), KINDS, ids=[k for k, _ in KINDS])
def test_results_of_every_kind_and_region_are_valid_models(registry, calendar, kind, fields):
    checked = 0
    for place in registry.jurisdictions:
        try:
            r = compute(kind, jurisdiction=place, registry=registry, calendar=calendar, **fields)
        except LeavecalcError:
            continue  # a region without that leave, or not in force on the date
        checked += assert_valid(r)
    assert checked >= 3 * len(registry.jurisdictions)


ROUND_TRIP = [
    *KINDS,
    ("parenting", {"birth": d("2023-06-01"), "start": d("2025-03-03")}),  # a block: a LeaveResult inside
    ("allowance", {"birth": d("2026-01-01"), "avg_wage": 9000, "own_wage": 12000}),
    ("pregnancy_rest", {"from": d("2026-01-05"), "to": d("2026-03-20"), "pay": 1500}),
    ("plan", {"birth": d("2026-01-01"), "due": d("2026-01-03")}),
]


@pytest.mark.parametrize(("kind", "fields"), ROUND_TRIP, ids=[k for k, _ in ROUND_TRIP])
def test_a_result_read_back_from_its_json_is_the_same_result(registry, calendar, kind, fields):
    # A payroll system stores results as JSON and reads them back with the model's own
    # model_validate_json: the segments, parts and messages must come back as models (they came
    # back as plain dicts while those lists skipped validation), equal, and write the same JSON.
    r = compute(kind, registry=registry, calendar=calendar, **fields)
    text = r.model_dump_json()
    back = type(r).model_validate_json(text)
    assert back == r and back.model_dump_json() == text
    assert assert_valid(back) >= 2
