"""docs/json-contract.md names every key each command's --json output can carry, at any depth."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from leavecalc.cli import main

DOC = Path(__file__).parent.parent / "docs" / "json-contract.md"

# Inputs that fill the optional parts (a block, other children, a contract, a dispute, wages).
COMMANDS = {
    "maternity": ["maternity", "--birth", "2025-03-10", "--delivery", "cesarean", "--babies", "2"],
    "miscarriage": ["miscarriage", "--date", "2025-03-10", "--weeks", "10"],
    "paternity": ["paternity", "--birth", "2025-03-10"],
    "parenting": ["parenting", "--birth", "2025-03-10", "--start", "2025-06-03", "--other-child", "2024-01-01"],
    "plan": [
        "plan", "--birth", "2025-03-10", "--due", "2025-03-20", "--contract-end", "2025-12-31",
        "--dispute-known", "2025-06-01", "--avg-wage", "10000", "--own-wage", "12000", "--other-child", "2024-01-01",
    ],
    "holidays": ["holidays", "2026"],
    "allowance": ["allowance", "--birth", "2025-03-10", "--avg-wage", "10000", "--own-wage", "12000"],
    "pregnancy-rest": ["pregnancy-rest", "--from", "2025-03-01", "--to", "2025-04-30", "--pay", "1000"],
    # Questions with no engine result of their own print the Answer.
    "contract": ["contract", "--end", "2026-01-31", "--birth", "2025-06-01"],
    "dismissal": ["dismissal", "--date", "2025-03-01", "--due", "2025-06-01", "--reason", "layoff"],
    "arbitration": ["arbitration", "--known", "2026-09-01"],
    "overtime": ["overtime", "--due", "2026-03-01"],
    "lactation": ["lactation", "--birth", "2025-06-01", "--babies", "2"],
}


def documented() -> set[str]:
    """Every name inside backticks in the doc (`{"from", "to"}` gives from and to)."""
    return {w for span in re.findall(r"`([^`]+)`", DOC.read_text(encoding="utf-8")) for w in re.findall(r"\w+", span)}


def keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_json_key_is_documented(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*COMMANDS[command], "--json"])
    assert (exit_.value.code or 0) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) - documented() == set(), "top-level keys missing from docs/json-contract.md"
    assert keys(out) - documented() == set(), "nested keys missing from docs/json-contract.md"


def test_the_check_would_see_a_missing_key():
    assert "not_a_documented_key" not in documented() and "parenting" in documented()
