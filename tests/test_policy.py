"""Policy files: what loads, what is rejected (naming file and field), which policy is in force."""

from __future__ import annotations

from pathlib import Path

import pytest

from leavecalc.errors import NoPolicyError, PolicyError
from leavecalc.policy import PolicyRegistry, load_policy_file, parse_policy

from .conftest import d

BUNDLED = Path(__file__).parent / "data" / "whole_policy_nanjing_2025.toml"


def variant(old: str, new: str) -> str:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def test_bundled_policies_load(registry):
    ids = [p.id for p in registry.policies]
    assert len(ids) == len(set(ids))
    assert {"jiangsu_2022", "jilin_2016", "liaoning_2021", "nanjing_2023", "nanjing_2025", "anhui_2022", "zhejiang_2021", "zhengzhou_2021",
            "sichuan_2021", "sichuan_2025"} <= set(ids)
    # every bundled layer below the country resolves to at least one policy
    assert {p.jurisdiction for p in registry.policies} == set(registry.jurisdictions)


@pytest.mark.parametrize(
    ("day", "policy"),
    [("2022-02-10", "nanjing_2023"), ("2024-12-31", "nanjing_2023"), ("2025-01-01", "nanjing_2025"), ("2099-06-01", "nanjing_2025")],
)
def test_policy_in_force_on_the_date(registry, day, policy):
    assert registry.in_force("nanjing", d(day)).id == policy


def test_date_before_any_policy_is_a_clear_error(registry):
    with pytest.raises(NoPolicyError, match="no nanjing policy is in force on 2022-02-09"):
        registry.in_force("nanjing", d("2022-02-09"))


def test_unknown_jurisdiction_is_a_clear_error(registry):
    with pytest.raises(NoPolicyError, match="unknown jurisdiction 'atlantis'"):
        registry.in_force("atlantis", d("2025-01-01"))


def test_unknown_key_is_rejected_with_field_path():
    text = variant('name = "local"', 'name = "local"\nbonus = 3')
    with pytest.raises(PolicyError, match=r"policy file my\.toml: field maternity\.segments\.1\.bonus: Extra inputs"):
        parse_policy(text, "my.toml")


def test_negative_days_are_rejected():
    text = variant('base = { days = 60, basis = "nj2025_art35" }', 'base = { days = -60, basis = "nj2025_art35" }')
    with pytest.raises(PolicyError, match=r"field maternity\.segments\.1\.base\.days: Input should be greater than or equal to 0"):
        parse_policy(text, "x.toml")


def test_missing_citation_is_rejected():
    text = variant('base = { days = 98, basis = "cn619_art7" }', "base = { days = 98 }")
    with pytest.raises(PolicyError, match=r"field maternity\.segments\.0\.base\.basis: Field required"):
        parse_policy(text, "x.toml")


def test_unknown_citation_is_rejected():
    text = variant('base = { days = 98, basis = "cn619_art7" }', 'base = { days = 98, basis = "no_such_citation" }')
    with pytest.raises(PolicyError, match=r"maternity\.segments\.0\.base\.basis: unknown citation 'no_such_citation'"):
        parse_policy(text, "x.toml")


def test_interpretation_without_a_note_is_rejected():
    text = variant('confidence = "interpretation"\nsource_file = "003_8e3a2e04333a0dda.txt"\nnote = ', 'confidence = "interpretation"\nsource_file = "003_8e3a2e04333a0dda.txt"\nxnote = ')
    with pytest.raises(PolicyError, match="x.toml"):
        parse_policy(text, "x.toml")


def test_broken_toml_names_the_file():
    with pytest.raises(PolicyError, match="policy file bad.toml: not valid TOML"):
        parse_policy("id = ", "bad.toml")


def test_overlapping_periods_are_rejected(registry, nj2025):
    clash = parse_policy(variant('id = "nanjing_2025"', 'id = "nanjing_2026"').replace("effective_from = 2025-01-01", "effective_from = 2026-01-01"), "c.toml")
    with pytest.raises(PolicyError, match="overlap"):
        PolicyRegistry([nj2025, clash])


def test_unreadable_file_is_a_policy_error(tmp_path):
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy_file(tmp_path / "missing.toml")


def test_resolve_accepts_a_path(registry):
    assert registry.resolve(str(BUNDLED)).id == "nanjing_2025"


def test_the_173_reading_is_one_edit_away(calendar):
    # docs/interpretations.md: dropping the Nanjing difficult-birth part gives 98 + 15 + 60 = 173.
    from leavecalc.maternity import MaternityCase, maternity_leave

    text = variant('difficult_birth = { days = 15, basis = "nj2025_art35_difficult" }\n', "")
    alt = parse_policy(text, "alt.toml")
    r = maternity_leave(alt, MaternityCase(birth=d("2025-03-10"), delivery="cesarean"), calendar)
    assert r.total_days == 173


def test_absurd_days_are_rejected_on_load():
    text = variant('base = { days = 60, basis = "nj2025_art35" }', 'base = { days = 999999999, basis = "nj2025_art35" }')
    with pytest.raises(PolicyError, match=r"field maternity\.segments\.1\.base\.days: Input should be less than or equal to 3650"):
        parse_policy(text, "x.toml")
