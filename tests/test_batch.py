"""The batch contract: one output row per input row, in order, with its id; bad rows never stop
the run; unreadable input is one fatal error before any output."""

from __future__ import annotations

import csv
import io
import json
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leavecalc.batch import COLUMNS, Context, Writer, process, read_rows, run
from leavecalc.cli import main

GOOD_AND_BAD = """id,kind,birth,start,delivery,babies,date,weeks,months
a1,maternity,2025-03-10,,cesarean,2,,,
a2,maternity,2025-13-10,,,,,,
a3,miscarriage,,,,,2026-01-25,6,
a4,teleportation,2025-03-10,,,,,,
,maternity,2025-03-10,,,,,,
a6,maternity,2021-03-10,,,,,,
a7,maternity,2025-03-10,,vaginal,1,,,
a8,maternity,2025-03-10,,,0,,,
a9,maternity,2025-03-10,2025-03-12,,,,,
a10,miscarriage,,,,,2026-01-25,6,2
a11,maternity,2026-09-01,,,,,,
"""


@pytest.fixture(scope="module")
def ctx(registry, calendar):
    return Context(registry, calendar)


def batch(text: str, fmt: str, ctx: Context, out_fmt: str = "csv") -> list[dict]:
    out = io.StringIO()
    run(read_rows(io.StringIO(text), fmt, "in"), ctx, Writer(out, out_fmt), names_are_clean=fmt == "csv")
    out.seek(0)
    if out_fmt == "csv":
        return list(csv.DictReader(out))
    return [json.loads(line) for line in out]


def test_every_row_gives_one_row_in_order_with_its_error(ctx):
    rows = batch(GOOD_AND_BAD, "csv", ctx)
    assert [r["id"] for r in rows] == ["a1", "a2", "a3", "a4", "", "a6", "a7", "a8", "a9", "a10", "a11"]
    errors = {r["id"] or "(none)": r["error"] for r in rows}
    assert errors["a1"] == "" and errors["a3"] == "" and errors["a11"] == ""
    assert "is not a date" in errors["a2"]
    assert "unknown kind 'teleportation'" in errors["a4"]
    assert errors["(none)"] == "missing id"
    assert "no nanjing policy is in force on 2021-03-10" in errors["a6"]
    assert errors["a7"].startswith("delivery:")
    assert errors["a8"].startswith("babies:")
    assert "after the birth" in errors["a9"]
    assert "exactly one" in errors["a10"]


def test_good_rows_carry_the_result_fields(ctx):
    rows = {r["id"]: r for r in batch(GOOD_AND_BAD, "csv", ctx)}
    # Twins by caesarean 2025-03-10: 218 days to 10-17, back Monday 10-20 (tests/test_maternity.py).
    assert (rows["a1"]["total_days"], rows["a1"]["end"], rows["a1"]["return_to_work"]) == ("218", "2025-10-17", "2025-10-20")
    assert rows["a1"]["provisional"] == "false" and rows["a1"]["policy"] == "nanjing_2025"
    assert (rows["a11"]["provisional"], rows["a11"]["warnings"]) == ("true", "arrangement_missing")
    assert rows["a2"]["total_days"] == ""


def test_csv_and_jsonl_give_the_same_results(ctx):
    as_csv = batch(GOOD_AND_BAD, "csv", ctx)
    # JSON is typed: the counts go as JSON integers (a string "2" is refused there).
    counts = {"babies", "weeks", "months"}
    lines = [json.dumps({k: int(v) if k in counts else v for k, v in r.items() if v}) for r in csv.DictReader(io.StringIO(GOOD_AND_BAD))]
    as_jsonl = batch("\n".join(lines) + "\n", "jsonl", ctx, out_fmt="jsonl")
    assert len(as_csv) == len(as_jsonl)
    for c, j in zip(as_csv, as_jsonl):
        assert set(j) == set(COLUMNS)
        assert c == {k: "" if v is None else ("true" if v is True else "false" if v is False else str(v)) for k, v in j.items()}


def test_jsonl_lines_that_are_not_objects_still_give_a_row(ctx):
    rows = batch('{"id": "x", "kind": "maternity", "birth": "2025-03-10"}\nnot json\n[1, 2]\n', "jsonl", ctx, "jsonl")
    assert [r["error"] for r in rows] == [None, "line 2: not valid JSON (Expecting value)", "line 3: not a JSON object"]


def test_json_number_is_not_taken_for_a_date(ctx):
    row = process({"id": "n", "kind": "maternity", "birth": 20250310}, ctx)
    assert "is not a date" in row["error"]


def test_header_names_as_cli_options(ctx):
    rows = batch("ID,Kind,Birth,Delivery,Babies\nz,maternity,2025-03-10,cesarean,2\n", "csv", ctx)
    assert rows[0]["total_days"] == "218"


cell = st.one_of(
    st.none(), st.text(alphabet=string.printable, max_size=12), st.integers(-5, 50), st.booleans(),
    st.sampled_from(["2025-03-10", "2099-12-31", "2013-01-01", "12000.5", "-1", "NaN", "cesarean", "yes",
                     "maternity", "miscarriage", "paternity", "parenting", "allowance", "pregnancy_rest"]),
)
field = st.sampled_from(["id", "kind", "birth", "start", "delivery", "babies", "date", "weeks", "months", "policy",
                         "jurisdiction", "days", "avg_wage", "own_wage", "uninsured", "on", "from", "to", "pay", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(field, cell, max_size=8), min_size=1, max_size=6))
def test_random_rows_never_crash_or_lose_a_row(ctx, rows):
    out = io.StringIO()
    summary = run(rows, ctx, Writer(out, "jsonl"))
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert summary.rows == len(rows) == len(lines) == summary.ok + summary.errors
    for given_row, line in zip(rows, lines):
        expected_id = "" if given_row.get("id") is None else str(given_row["id"]).strip()
        assert (line["id"] or "") == expected_id
        assert not (line["error"] or "").startswith("internal error"), line


# ---------------------------------------------------------------- the command

def cli(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err


def test_exit_status_and_summary(capsys, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("id,kind,birth\n1,maternity,2025-03-10\n", encoding="utf-8")
    code, out, err = cli(capsys, "batch", str(good))
    assert code == 0 and out.splitlines()[0] == ",".join(COLUMNS)
    assert "1 rows, 1 ok, 0 errors" in err
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(GOOD_AND_BAD, encoding="utf-8")
    code, _, err = cli(capsys, "batch", str(mixed), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1 and "11 rows, 3 ok, 8 errors" in err
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 11


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"a,b\n1,2\n", "missing header"), (b"id,kind\n1,maternity\n2,\xff\n", "line 3 is not UTF-8"), (b"", "missing header")],
)
def test_unreadable_input_is_one_fatal_error_and_no_output(capsys, tmp_path, content, fragment):
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    code, out, err = cli(capsys, "batch", str(path))
    assert code == 2 and out == "" and fragment in err and err.count("\n") == 1


def test_missing_file_and_unknown_extension(capsys, tmp_path):
    code, _, err = cli(capsys, "batch", str(tmp_path / "nope.csv"))
    assert code == 2 and "cannot read" in err
    (tmp_path / "x.txt").write_text("id,kind\n", encoding="utf-8")
    code, _, err = cli(capsys, "batch", str(tmp_path / "x.txt"))
    assert code == 2 and "--format" in err


def test_holiday_file_makes_batch_rows_final(capsys, tmp_path):
    # Birth 2026-08-30: leave ends 2027-02-04 (tests/test_holiday_files.py); the example 2027
    # notice puts the return on 02-15 instead of the estimated 02-09.
    from pathlib import Path

    example = Path(__file__).parent / "data" / "holidays-2027-example.toml"
    src = tmp_path / "in.csv"
    src.write_text("id,kind,birth\n1,maternity,2026-08-30\n", encoding="utf-8")
    _, out, _ = cli(capsys, "batch", str(src))
    assert next(csv.DictReader(io.StringIO(out)))["return_to_work"] == "2027-02-09"
    _, out, _ = cli(capsys, "batch", str(src), "--holidays", str(example))
    row = next(csv.DictReader(io.StringIO(out)))
    assert (row["return_to_work"], row["provisional"]) == ("2027-02-15", "false")


KINDS_CSV = """id,kind,birth,start,delivery,babies,days,avg_wage,own_wage,uninsured,on,from,to,pay
p1,paternity,2025-09-28,2025-09-28,,,,,,,,,,
g1,parenting,2024-02-29,2025-09-28,,,,,,,,,,
a1,allowance,2025-03-10,,cesarean,2,,12000,15000,,,,,
a2,allowance,,,,,158,12000,,,2025-03-10,,,
a3,allowance,,,,,158,12000,,,,,,
a4,allowance,2025-03-10,,,,,12000,,maybe,,,,
r1,pregnancy_rest,,,,,,,,,,2025-11-01,2026-02-28,1500
r2,pregnancy_rest,,,,,,,,,,2024-12-15,2025-01-31,1500
r3,pregnancy_rest,,,,,,,,,,2027-03-01,2027-03-31,1500
r4,pregnancy_rest,,,,,,,,,,2025-01-01,2199-12-31,1500
a5,allowance,,,,,99999999999999999999,12000,,,2025-03-10,,,
"""


def test_every_kind_in_one_file(ctx):
    rows = {r["id"]: r for r in batch(KINDS_CSV, "csv", ctx)}
    # Paternity 15 days from 09-28, 国庆 and 中秋 not counted: ends 10-16 (tests/test_paternity.py).
    assert (rows["p1"]["total_days"], rows["p1"]["end"], rows["p1"]["return_to_work"]) == ("15", "2025-10-16", "2025-10-17")
    # Parenting block of 10 from 09-28: 9-28..30 (3), 10-4..5 (5), 10-7..11 (10); back Monday 10-13.
    assert (rows["g1"]["block_start"], rows["g1"]["block_end"], rows["g1"]["return_to_work"]) == ("2025-09-28", "2025-10-11", "2025-10-13")
    assert rows["g1"]["total_days"] == "30"
    # Allowance: (128 + 60) x 12000 / 30 = 75200.00; top-up 188 x 3000 / 30 = 18800.00.
    assert (rows["a1"]["days"], rows["a1"]["amount"], rows["a1"]["employer_top_up"], rows["a1"]["paid_by"]) == ("188", "75200.00", "18800.00", "fund")
    assert (rows["a2"]["amount"], rows["a2"]["daily_rate"]) == ("63200.00", "400.00")
    assert "no date to choose the policy by" in rows["a3"]["error"]
    assert "uninsured" in rows["a4"]["error"]
    # Floors 80% of 2490 (Nov, Dec 2025) and of 2660 (Jan, Feb 2026): 1992 x 2 + 2128 x 2 = 8240.00.
    assert (rows["r1"]["floor_total"], rows["r1"]["paid_total"], rows["r1"]["shortfall_total"]) == ("8240.00", "6000.00", "2240.00")
    # Art 37 is in force from 2025-01-01: the 2023 policy in force on 2024-12-15 has no floor.
    assert rows["r2"]["error"].startswith("no pregnancy-rest floor before 2025-01-01")
    # 2027-03 is after the minimum-wage table was last checked (2026-11-22): 2128.00 with a warning.
    assert rows["r3"]["floor_total"] == "2128.00" and "minimum_wage_may_change" in rows["r3"]["warnings"]
    # Out-of-bounds input is the row's error, not an absurd amount.
    assert "at most 300" in rows["r4"]["error"] and rows["r4"]["floor_total"] == ""
    assert "from 1 to 1000" in rows["a5"]["error"] and rows["a5"]["amount"] == ""


def test_the_shipped_examples_run(capsys):
    from pathlib import Path

    examples = Path(__file__).parent.parent / "examples"
    code, out, err = cli(capsys, "batch", str(examples / "batch.csv"))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and "9 rows, 8 ok, 1 errors" in err  # E009 is bad on purpose
    assert [r["id"] for r in rows] == [f"E00{i}" for i in range(1, 10)]
    assert [r["id"] for r in rows if r["error"]] == ["E009"]
    code, out, _ = cli(capsys, "batch", str(examples / "batch.jsonl"))
    assert code == 0 and len(out.splitlines()) == 4


def test_parallel_run_gives_the_same_rows_in_the_same_order(ctx):
    # Many rows, a small chunk size: chunks come back from two workers and must be put back in order.
    from leavecalc.batch import Writer, run

    rows = list(csv.DictReader(io.StringIO(GOOD_AND_BAD + KINDS_CSV.split("\n", 1)[1]))) * 7
    serial, parallel = io.StringIO(), io.StringIO()
    run(rows, ctx, Writer(serial, "csv"))
    run(rows, ctx, Writer(parallel, "csv"), jobs=2, chunk_size=3)
    assert parallel.getvalue() == serial.getvalue() and len(list(csv.DictReader(io.StringIO(parallel.getvalue())))) == len(rows)


def test_jobs_option_writes_the_same_file(capsys, tmp_path):
    examples = __import__("pathlib").Path(__file__).parent.parent / "examples"
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    cli(capsys, "batch", str(examples / "batch.csv"), "-o", str(one))
    code, _, err = cli(capsys, "batch", str(examples / "batch.csv"), "-o", str(two), "--jobs", "2")
    assert code == 1 and "9 rows, 8 ok, 1 errors" in err
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_jobs_write_the_same_file_over_several_chunks(capsys, tmp_path, suffix):
    # Workers format their own chunks (4,096 rows with the columnar engine, 500 without): 17,000
    # rows make three or more chunks, some rows bad; the file and the counts must equal one process's.
    examples = __import__("pathlib").Path(__file__).parent.parent / "examples"
    header, *body = (examples / "batch.csv").read_text(encoding="utf-8").splitlines()
    src = tmp_path / "many.csv"
    src.write_text("\n".join([header, *(f"n{i}," + body[i % len(body)].split(",", 1)[1] for i in range(17_000))]) + "\n", encoding="utf-8")
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    code1, _, err1 = cli(capsys, "batch", str(src), "-o", str(one))
    code2, _, err2 = cli(capsys, "batch", str(src), "-o", str(two), "--jobs", "2")
    assert (code1, err1.splitlines()[-1]) == (code2, err2.splitlines()[-1]) and "17000 rows" in err2
    assert one.read_bytes() == two.read_bytes()


def test_output_file_gets_ordinary_permissions(capsys, tmp_path):
    # The output is written under a private temporary name first; the file left behind must be
    # readable as any file the user writes (umask 022 here: 0644), and keep an existing file's mode.
    import os
    import stat

    examples = __import__("pathlib").Path(__file__).parent.parent / "examples"
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.csv"
        cli(capsys, "batch", str(examples / "batch.jsonl"), "-o", str(new))
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.csv"
        kept.write_text("old\n", encoding="utf-8")
        kept.chmod(0o640)
        cli(capsys, "batch", str(examples / "batch.jsonl"), "-o", str(kept))
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text(encoding="utf-8") != "old\n"
    finally:
        os.umask(old)


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_the_columnar_extra_the_file_is_the_same(capsys, tmp_path, monkeypatch, jobs):
    # CI installs the columnar extra, so the scalar path (one process, or 500-row worker chunks)
    # is run here by hand: same bytes, CSV and JSON Lines, as with the columnar engine.
    from leavecalc import batch

    examples = __import__("pathlib").Path(__file__).parent.parent / "examples"
    header, *body = (examples / "batch.csv").read_text(encoding="utf-8").splitlines()
    src = tmp_path / "many.csv"
    src.write_text("\n".join([header, *(f"s{i}," + body[i % len(body)].split(",", 1)[1] for i in range(1_200))]) + "\n", encoding="utf-8")
    for suffix in (".csv", ".jsonl"):
        bulk, plain = tmp_path / f"bulk{suffix}", tmp_path / f"plain{suffix}"
        cli(capsys, "batch", str(src), "-o", str(bulk))
        with monkeypatch.context() as m:
            m.setattr(batch, "columnar_available", lambda: False)
            cli(capsys, "batch", str(src), "-o", str(plain), "--jobs", str(jobs))
        assert plain.read_bytes() == bulk.read_bytes()
