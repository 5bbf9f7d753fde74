"""The command line: the JSON contract, readable text, and one clean line for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from leavecalc.cli import main

# These tests read the English wording; the Chinese default is tested in test_answers_cli.py.
pytestmark = pytest.mark.usefixtures("english")

TOP_KEYS = {
    "kind", "policy", "total_days", "start", "end", "return_to_work", "provisional", "segments",
    "skipped_holidays", "warnings", "notes", "holiday_data",
}
SEGMENT_KEYS = {"name", "label", "label_en", "days", "start", "end", "counting", "basis", "parts"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_.value.code or 0, out, err


def test_maternity_json_contract(capsys):
    code, out, _ = run(capsys, "maternity", "--birth", "2025-03-10", "--delivery", "cesarean", "--babies", "2", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == TOP_KEYS
    assert data["total_days"] == 218 and data["end"] == "2025-10-17" and data["return_to_work"] == "2025-10-20"
    assert data["provisional"] is False and data["policy"] == "nanjing_2025"
    assert all(set(s) == SEGMENT_KEYS for s in data["segments"])
    assert data["segments"][1]["counting"] == "skip_statutory"
    assert data["skipped_holidays"][0] == {"date": "2025-10-01", "name": "国庆节", "name_en": "National Day"}
    assert set(data["segments"][0]["basis"][0]) == {"item", "days", "document", "article", "in_force", "confidence"}


def test_maternity_text_in_chinese_names_articles_and_dates(capsys):
    code, out, _ = run(capsys, "maternity", "--birth", "2026-01-01", "--lang", "zh")
    assert code == 0
    assert "第7条" in out and "第35条" in out
    assert "2026-06-09" in out and "2026-06-10（星期三）" in out
    assert "2026-05-01 劳动节" in out


def test_maternity_text_in_english_warns_about_missing_year(capsys):
    code, out, _ = run(capsys, "maternity", "--birth", "2026-09-01", "--lang", "en")
    assert code == 0
    assert "back at work on 2027-02-11 (provisional" in out
    assert "No holiday arrangement for 2027" in out


def test_miscarriage_json(capsys):
    code, out, _ = run(capsys, "miscarriage", "--date", "2026-01-25", "--weeks", "6", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == TOP_KEYS
    assert (data["total_days"], data["end"], data["return_to_work"]) == (20, "2026-02-13", "2026-02-14")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["maternity", "--birth", "2025-13-01"], "--birth: '2025-13-01' is not a date"),
        (["maternity", "--birth", "2025-03-10", "--babies", "0"], "--babies"),
        (["maternity", "--birth", "2025-03-10", "--start", "2025-03-11"], "after the birth"),
        (["maternity", "--birth", "2025-03-10", "--policy", "nope"], "unknown policy 'nope'"),
        (["maternity", "--birth", "2021-01-01"], "no nanjing policy is in force on 2021-01-01"),
        (["maternity", "--birth", "2025-03-10", "--delivery", "vaginal"], "--delivery"),
        (["maternity"], "--birth"),
        (["maternity", "--birth", "2025-03-10", "--policy", "/no/such.toml"], "cannot read"),
        (["miscarriage", "--date", "2025-03-10"], "weeks or as months"),
        (["miscarriage", "--date", "2025-03-10", "--weeks", "-1"], "--weeks"),
        (["policies", "show", "nope"], "unknown policy"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, args, fragment):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("leavecalc: error: ")
    assert fragment in err


def test_broken_policy_file_names_file_and_field(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\njurisdiction = "nanjing"\n', encoding="utf-8")
    code, _, err = run(capsys, "policies", "validate", str(bad))
    assert code == 2 and "bad.toml" in err and "field title: Field required" in err


def test_policies_list_and_show(capsys):
    code, out, _ = run(capsys, "policies", "list")
    assert code == 0 and "nanjing_2023" in out and "nanjing_2025" in out
    code, out, _ = run(capsys, "policies", "show", "nanjing_2025")
    assert code == 0 and "base: 60 days" in out and "nj2025_art35_difficult" in out


def test_bundled_policy_validates(capsys):
    from pathlib import Path

    path = Path(__file__).parent / "data" / "whole_policy_nanjing_2025.toml"
    code, out, _ = run(capsys, "policies", "validate", str(path))
    assert code == 0 and out.startswith("ok:")


def test_no_traceback_from_the_real_process():
    proc = subprocess.run(
        [sys.executable, "-m", "leavecalc", "maternity", "--birth", "not-a-date"], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("leavecalc: error:")


@pytest.mark.parametrize("text", ["2025-W11-1", "2025-03-10T00:00", " 2025-03-10x", "2025/3-10", "2025年13月1日"])
def test_only_the_accepted_date_forms_are_dates(capsys, text):
    # date.fromisoformat would read 2025-W11-1 as 2025-03-10: a typing slip must not compute.
    code, _, err = run(capsys, "maternity", "--birth", text)
    assert code == 2 and "is not a date" in err


def test_batch_reads_dates_with_the_same_parser(registry, calendar):
    from leavecalc.batch import Context, process

    ctx = Context(registry, calendar)
    assert process({"id": "1", "kind": "maternity", "birth": "2025年3月10日"}, ctx)["end"] == "2025-08-14"
    assert "is not a date" in process({"id": "1", "kind": "maternity", "birth": "2025-W11-1"}, ctx)["error"]


def test_each_command_alone_has_the_same_help_as_in_the_whole_app(capsys):
    # main() builds only the command asked for (start-up time); it must behave as the full app.
    import typer

    from leavecalc.cli import app, command_for
    from leavecalc.cli_words import localise

    whole = localise(typer.main.get_command(app), "en")
    names = [n for n in whole.commands if n != "policies"]  # type: ignore[attr-defined]
    assert set(names) == {"maternity", "miscarriage", "paternity", "parenting", "plan", "allowance",
                          "pregnancy-rest", "holidays", "batch", "contract", "dismissal", "arbitration",
                          "overtime", "lactation", "jurisdictions", "serve"}
    for name in names:
        assert command_for([name]).commands.keys() == {name}
        outputs = []
        for cmd in (whole, command_for([name])):
            with pytest.raises(SystemExit):
                cmd.main(args=[name, "--help"], prog_name="leavecalc")
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1] and f"Usage: leavecalc {name}" in outputs[0]
