"""Properties every region's maternity leave keeps (issue 12): never under the national 98 days, and a
difficult birth or more babies never shorten it. Run for every bundled jurisdiction, on a birth in
each year the regions' current rules cover."""

from __future__ import annotations

import pytest

from leavecalc import MaternityCase, maternity_leave
from leavecalc.errors import NoPolicyError

from .conftest import d

BIRTHS = [d("2023-03-15"), d("2026-01-01"), d("2026-09-30")]


def places(registry):
    return [(j, b) for j in registry.jurisdictions for b in BIRTHS if _in_force(registry, j, b)]


def _in_force(registry, place, day):
    try:
        registry.in_force(place, day)
    except NoPolicyError:
        return False
    return True


def test_every_region_gives_at_least_the_national_98_and_extras_never_shorten(registry, calendar):
    checked = 0
    for place, birth in places(registry):
        policy = registry.in_force(place, birth)
        normal = maternity_leave(policy, MaternityCase(birth=birth), calendar)
        assert normal.total_days >= 98, (place, birth)
        for more in (MaternityCase(birth=birth, delivery="cesarean"), MaternityCase(birth=birth, delivery="other_difficult"), MaternityCase(birth=birth, babies=2)):
            longer = maternity_leave(policy, more, calendar)
            assert longer.total_days >= normal.total_days and longer.end >= normal.end, (place, birth, more)
        checked += 1
    assert checked >= 40  # the test cannot pass by checking nothing


@pytest.mark.parametrize("name", ["合肥", "杭州", "郑州", "石家庄", "哈尔滨", "福州", "济南", "延边朝鲜族自治州", "延边", "大兴安岭", "兴安盟", "锡林郭勒", "340100"])
def test_a_city_of_a_province_resolves(registry, name):
    assert registry.place(name)
