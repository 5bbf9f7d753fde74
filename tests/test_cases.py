"""Worked cases as data: tests/cases/<jurisdiction>/<article>_<name>.toml, each an input and the
output worked out by hand from the article (the arithmetic is in the file's comments)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from leavecalc import MaternityCase, PaternityCase, maternity_leave, paternity_leave

CASES = sorted((Path(__file__).parent / "cases").glob("*/*.toml"))
ENGINES: dict[str, Any] = {"maternity": (MaternityCase, maternity_leave), "paternity": (PaternityCase, paternity_leave)}


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_worked_case(path, registry, calendar):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    given = dict(data["input"])
    model, engine = ENGINES[given.pop("kind")]
    place = given.pop("jurisdiction")
    case = model(**given)
    result = engine(registry.in_force(place, case.birth), case, calendar)
    want = data["expected"]
    assert result.policy == want["policy"]
    assert result.total_days == want["total_days"]
    assert result.end == want["end"]
    assert result.return_to_work == want["return_to_work"]
    if "segments" in want:
        assert [s.days for s in result.segments] == want["segments"]
    assert {w.code for w in result.warnings} >= set(want.get("warnings", []))
    assert {n.code for n in result.notes} >= set(want.get("notes", []))


def test_there_are_cases_for_every_bundled_jurisdiction(registry):
    assert {p.parent.name for p in CASES} >= set(registry.jurisdictions)
