"""Layer files: resolution of a chain into a Policy, names, the user directory, and that every
field is bounded so `policies validate` rejects what a command would choke on."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leavecalc import MaternityCase, maternity_leave
from leavecalc.errors import NoPolicyError, PolicyError
from leavecalc.policy import bundled_layers, bundled_policies, parse_policy, user_policies

DATA = Path(__file__).parent / "data"
WHOLE = (DATA / "whole_policy_nanjing_2025.toml").read_text(encoding="utf-8")
PROVINCE = str(DATA / "layers" / "province.toml")


def test_layers_resolve_to_the_whole_policy_they_replaced(registry):
    # The layers hold the same rules as the old single file; only citations gained issuer, url,
    # excerpt and verified_on (and keys the period does not use).
    old = parse_policy(WHOLE, "whole").model_dump(exclude={"citations", "review", "layers"})
    new = registry.get("nanjing_2025").model_dump(exclude={"citations", "review", "layers"})
    assert old == new


@pytest.mark.parametrize("name", ["nanjing", "南京", "南京市", "320100", "Nanjing", " NANJING "])
def test_names_of_nanjing(registry, name):
    assert registry.in_force(name, date(2025, 3, 10)).id == "nanjing_2025"


@pytest.mark.parametrize("name", ["jiangsu", "江苏", "江苏省", "320000", "苏州", "苏州市", "320500", "suzhou"])
def test_a_city_without_a_layer_uses_its_province(registry, name):
    assert registry.in_force(name, date(2025, 3, 10)).id == "jiangsu_2022"


def test_unknown_name_is_one_clear_error(registry):
    with pytest.raises(NoPolicyError, match="unknown jurisdiction 'atlantis'"):
        registry.in_force("atlantis", date(2025, 3, 10))


def test_deciding_date_picks_the_period_and_lower_layers_merge_by_segment_name(registry, calendar):
    reg = registry.with_layer_file(PROVINCE)
    early, late = reg.in_force("测试市", date(2023, 6, 1)), reg.in_force("testprov", date(2024, 6, 1))
    assert (early.id, late.id) == ("testprov_2020", "testprov_20240101")
    # national 98 + the province's 30, then 45 from 2024 (label kept from the layer's rules).
    case = MaternityCase(birth=date(2024, 6, 1))
    result = maternity_leave(late, case, calendar)
    assert [s.days for s in result.segments] == [98, 45]
    assert result.segments[1].label == "测试延长产假"
    assert result.warnings[0].code == "policy_needs_review"
    assert "30天或45天" in result.warnings[0].zh


def test_broken_layer_names_the_file_and_field(tmp_path):
    text = Path(PROVINCE).read_text(encoding="utf-8").replace("days = 45", "days = 99999")
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=r"bad.toml \(period from 2024-01-01\): field maternity.segments.1.base.days"):
        bundled_policies().with_layer_file(bad)


def test_unknown_parent_and_loops_are_errors(tmp_path):
    text = Path(PROVINCE).read_text(encoding="utf-8").replace('parent = "national"', 'parent = "nowhere"')
    (tmp_path / "p.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match="unknown layer 'nowhere'"):
        bundled_policies().with_layer_file(tmp_path / "p.toml")


def test_user_policy_directory_adds_layers(tmp_path, monkeypatch):
    (tmp_path / "province.toml").write_text(Path(PROVINCE).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("LEAVECALC_POLICY_DIR", str(tmp_path))
    assert user_policies().in_force("测试", date(2021, 1, 1)).id == "testprov_2020"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_policy_directory_fifo_is_an_error_not_a_hang(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "x.toml")
    monkeypatch.setenv("LEAVECALC_POLICY_DIR", str(tmp_path))
    with pytest.raises(PolicyError, match="not a regular file"):
        user_policies()


def test_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.toml"
    p.write_bytes(b"\xef\xbb\xbf" + Path(PROVINCE).read_bytes())
    assert bundled_policies().with_layer_file(p).in_force("testprov", date(2021, 1, 1))


def test_every_bundled_layer_cites_each_citation_it_defines_or_a_lower_layer_uses():
    layers = bundled_layers()
    assert {la.id for la in layers} >= {"national", "jiangsu", "nanjing"}
    for la in layers:
        assert la.layer.code.isdigit() and len(la.layer.code) == 6


# ---------------------------------------------------------------- bounds (issue 11)
# Each edit of the whole-policy fixture is a value that a command would crash on or mislead with.
@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("arbitration_years = { value = 1", "arbitration_years = { value = 8000", "arbitration_years.value"),
        ('until = { years = 3, last_day', 'until = { years = 300000, last_day', "parenting.until.years"),
        ("weeks_per_month = { value = 4", "weeks_per_month = { value = 400", "weeks_per_month.value"),
        ("longest_weeks = { value = 45", "longest_weeks = { value = 4500", "longest_weeks.value"),
        ("longest_weeks = { value = 45", "longest_weeks = { value = 21", "weeks must be in order"),
        ("monthly = 2660", "monthly = 1e300", "minimum_wage.2.monthly"),
        ("days = { days = 15, basis = \"nj2025_art35\" }", "days = { days = true, basis = \"nj2025_art35\" }", "paternity.days.days"),
        ("effective_from = 2025-01-01", "effective_from = 0", "effective_from"),
        ("allowance_divisor = { value = 30", "allowance_divisor = { value = 3000", "allowance_divisor.value"),
        ("hours_per_day = { hours = 1", "hours_per_day = { hours = 100", "hours_per_day.hours"),
        ("barred = true", "barred = 1", "barred"),
        ("days_per_year = { days = 10", "days_per_year = { days = 0", "days_per_year"),
    ],
)
def test_out_of_bounds_values_are_rejected(old, new, field):
    assert old in WHOLE
    with pytest.raises(PolicyError, match=field.replace(".", r"\.")):
        parse_policy(WHOLE.replace(old, new, 1), "x.toml")


def test_every_base_zero_is_rejected():
    text = WHOLE.replace("base = { days = 98", "base = { days = 0").replace("base = { days = 60", "base = { days = 0")
    with pytest.raises(PolicyError, match="base days 0"):
        parse_policy(text, "x.toml")


@pytest.mark.parametrize(
    ("text", "what"),
    [("x = " + "9" * 5000, "not valid TOML"), ("x = " + "[" * 3000 + "]" * 3000, "not valid TOML")],
)
def test_pathological_toml_is_one_error(text, what):
    with pytest.raises(PolicyError, match=what):
        parse_policy(text, "x.toml")


def test_dev_zero_is_not_read(registry):
    with pytest.raises(PolicyError, match="not a regular file"):
        registry.resolve("/dev/zero")


# ---------------------------------------------------------------- front end and fuzz
def test_cli_takes_names_and_the_new_maternity_options(capsys):
    import json

    from tests.test_cli import run

    code, out, _ = run(capsys, "maternity", "--birth", "2025-03-10", "--jurisdiction", "苏州", "--child-order", "1", "--json")
    assert code == 0 and json.loads(out)["policy"] == "jiangsu_2022" and json.loads(out)["total_days"] == 158
    code, _, err = run(capsys, "maternity", "--birth", "2025-03-10", "--jurisdiction", "atlantis", "--lang", "en")
    assert code == 2 and err.startswith("leavecalc: error: unknown jurisdiction")


_NUMBER = r"(?<== )-?[0-9]+(?:\.[0-9]+)?(?=[ ,\n}])"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(min_value=0, max_value=10_000),
    value=st.one_of(
        st.integers(min_value=-10**6, max_value=10**7).map(str),
        st.sampled_from(["true", "0.5", "1e300", "nan", "inf", '"x"', "2025-02-30", "[]"]),
    ),
)
def test_fuzzed_policy_values_are_rejected_or_computed(which, value, calendar):
    # Replace one number of the whole policy with something else: loading either fails with a
    # PolicyError, or the policy computes leave and pay without anything but a LeavecalcError.
    import re
    from decimal import Decimal

    from leavecalc import LeavecalcError, PaternityCase, ParentingCase, Wages, maternity_pay, parenting_leave, paternity_leave

    spots = list(re.finditer(_NUMBER, WHOLE))
    m = spots[which % len(spots)]
    text = WHOLE[: m.start()] + value + WHOLE[m.end():]
    try:
        policy = parse_policy(text, "fuzz.toml")
    except PolicyError:
        return
    case = MaternityCase(birth=date(2025, 3, 10), delivery="cesarean", babies=2, start=date(2025, 3, 1))
    for run in (
        lambda: maternity_leave(policy, case, calendar),
        lambda: maternity_pay(policy, case, calendar, Wages(avg_wage=Decimal("9000"), own_wage=Decimal("12000"))),
        lambda: paternity_leave(policy, PaternityCase(birth=date(2025, 3, 10)), calendar),
        lambda: parenting_leave(policy, ParentingCase(birth=date(2025, 3, 10)), calendar),
    ):
        try:
            run()
        except LeavecalcError:
            pass


def test_a_country_layer_is_not_a_policy_to_compute_with(registry):
    with pytest.raises(PolicyError, match="country layer is not a jurisdiction"):
        registry.resolve(str(DATA.parent.parent / "src" / "leavecalc" / "policies" / "national.toml"), date(2025, 3, 10))


# ---------------------------------------------------------------- the registry reads only the chain asked for


def test_a_broken_layer_is_reported_when_its_jurisdiction_is_asked_for(tmp_path, monkeypatch):
    # A command resolves one chain (nanjing -> jiangsu -> national); a broken layer elsewhere is
    # reported by the commands that need it, and by anything that lists every policy.
    text = Path(PROVINCE).read_text(encoding="utf-8").replace("days = 45", "days = 99999")
    (tmp_path / "province.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("LEAVECALC_POLICY_DIR", str(tmp_path))
    reg = user_policies()
    assert reg.in_force("nanjing", date(2025, 3, 10)).id == "nanjing_2025"
    with pytest.raises(PolicyError, match=r"province.toml \(period from 2024-01-01\): field maternity.segments.1.base.days"):
        reg.in_force("测试市", date(2025, 3, 10))
    with pytest.raises(PolicyError, match="province.toml"):
        user_policies().policies  # noqa: B018


def test_a_layer_file_with_unreadable_rules_is_reported_when_its_jurisdiction_is_asked_for(tmp_path, monkeypatch):
    text = Path(PROVINCE).read_text(encoding="utf-8") + "\n[rules.maternity.nonsense\n"
    (tmp_path / "province.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("LEAVECALC_POLICY_DIR", str(tmp_path))
    with pytest.raises(PolicyError, match="province.toml: not valid TOML"):
        user_policies().in_force("testprov", date(2025, 3, 10))


def test_every_bundled_header_read_on_its_own_equals_the_whole_file():
    from leavecalc.layers import read_header

    folder = Path(__file__).parent.parent / "src" / "leavecalc" / "policies"
    by_id = {la.id: la for la in bundled_layers()}
    for f in folder.glob("*.toml"):
        info = read_header(f.read_text(encoding="utf-8"))
        assert info is not None, f.name  # each bundled file opens with its [layer] table
        assert info == by_id[info.id].layer


@pytest.mark.parametrize(
    "edit",
    [
        # [layer] not first: the whole file is read.
        lambda t: '[citations.first]\ndocument = "d"\narticle = "1"\nin_force = 2020-01-01\nconfidence = "text"\n' + t,
        # layer named again further down.
        lambda t: t.replace('cities = [{ id = "testcity", name = "测试市", code = "990100" }]', "")
        + '\n[[layer.cities]]\nid = "testcity"\nname = "测试市"\ncode = "990100"\n',
        # a multi-line value holding a line that looks like a table.
        lambda t: t.replace('review_note_en = "Test: sources conflict (30 or 45 days)."',
                            'review_note_en = """Test: sources\n[conflict]\n(30 or 45 days)."""'),
    ],
)
def test_a_header_that_cannot_be_read_on_its_own_is_read_from_the_whole_file(edit):
    from leavecalc.files import parse_toml
    from leavecalc.layers import LayerSource, parse_layer, read_header

    text = edit(Path(PROVINCE).read_text(encoding="utf-8"))
    assert read_header(text) is None
    src = LayerSource.from_text(text, "p.toml", lambda: parse_toml(text, "p.toml", PolicyError))
    whole = parse_layer(parse_toml(text, "p.toml", PolicyError), "p.toml")
    assert src.info == whole.layer and src.layer() == whole


def test_threads_sharing_a_registry_resolve_each_chain_once():
    # Chains are resolved on first use; threads asking at the same moment must all get the
    # policy, not an error about a policy id seen twice.
    import threading

    reg = bundled_policies()
    start = threading.Barrier(6)
    got, errors = [], []

    def ask(place):
        start.wait()
        try:
            got.append(reg.in_force(place, date(2025, 3, 10)).id)
        except Exception as e:  # noqa: BLE001 - any error fails the test below
            errors.append(e)

    threads = [threading.Thread(target=ask, args=(p,)) for p in ["nanjing", "南京", "320100", "jiangsu", "苏州", "江苏"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(got) == ["jiangsu_2022"] * 3 + ["nanjing_2025"] * 3


def test_no_jurisdiction_named_is_the_layer_marked_default(registry):
    # The default place is data (nanjing.toml: default = true), not a name written in Python.
    assert registry.place(None) == "nanjing"
    assert registry.in_force(None, date(2025, 3, 10)).id == "nanjing_2025"


def test_two_default_layers_are_refused(tmp_path):
    from leavecalc.layers import parse_layer
    from leavecalc.policy import PolicyRegistry, read_policy_data

    layers = [parse_layer(read_policy_data(p), str(p)) for p in sorted((Path(__file__).parents[1] / "src" / "leavecalc" / "policies").glob("*.toml"))]
    layers = [la.model_copy(update={"layer": la.layer.model_copy(update={"default": True})}) if la.id == "jiangsu" else la for la in layers]
    with pytest.raises(PolicyError, match="default = true"):
        PolicyRegistry([], layers)
