"""Properties of every bundled jurisdiction (the registry is looped over, so regions added later are
covered): maternity leave is never below the national base days (read from the national layer), and
more babies or a difficult birth never shorten it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from leavecalc import MaternityCase, maternity_leave
from leavecalc.policy import bundled_policies

REGISTRY = bundled_policies()
POLICIES = REGISTRY.policies
LAST = date(2026, 12, 31)  # births up to the last year the bundled holiday data is sure to cover
CONDITIONS = ["prepregnancy_check", "exclusive_breastfeeding", "employer_approval", "third_child", "late_marriage", "living_apart", "other"]


def national_base_days() -> int:
    country = next(layer for layer in REGISTRY.layers if layer.layer.level == "country")
    segments = country.rules["maternity"]["segments"]
    return int(next(s for s in segments if s["name"] == "national")["base"]["days"])


NATIONAL = national_base_days()


@st.composite
def births(draw):
    policy = draw(st.sampled_from(POLICIES))
    first = policy.effective_from
    last = min(policy.effective_until or LAST, LAST)
    birth = first + timedelta(days=draw(st.integers(0, max(0, (last - first).days))))
    case = MaternityCase(
        birth=birth,
        delivery=draw(st.sampled_from(["normal", "cesarean", "assisted", "other_difficult"])),
        babies=draw(st.integers(1, 3)),
        child_order=draw(st.none() | st.integers(1, 5)),
        conditions=draw(st.none() | st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=3)),
    )
    return policy, case


def test_the_national_base_is_read_from_the_national_layer():
    assert NATIONAL > 0 and len(POLICIES) > 1


@settings(max_examples=150, deadline=None)
@given(births())
def test_every_region_gives_at_least_the_national_days(calendar, drawn):
    policy, case = drawn
    assert maternity_leave(policy, case, calendar).total_days >= NATIONAL, policy.id


@settings(max_examples=150, deadline=None)
@given(births())
def test_more_babies_never_shorten_the_leave(calendar, drawn):
    policy, case = drawn
    fewer = maternity_leave(policy, case, calendar).total_days
    more = maternity_leave(policy, case.model_copy(update={"babies": case.babies + 1}), calendar).total_days
    assert more >= fewer, policy.id


@settings(max_examples=150, deadline=None)
@given(births(), st.sampled_from(["cesarean", "assisted", "other_difficult"]))
def test_a_difficult_birth_never_shortens_the_leave(calendar, drawn, difficult):
    policy, case = drawn
    normal = maternity_leave(policy, case.model_copy(update={"delivery": "normal"}), calendar).total_days
    harder = maternity_leave(policy, case.model_copy(update={"delivery": difficult}), calendar).total_days
    assert harder >= normal, policy.id
