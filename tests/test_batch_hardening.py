"""Issue 11, batch: no bad record, file or output path may stop a run, lose or invent a row, or
give a silently wrong answer. Each case of the issue is a test here."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leavecalc import batch as batch_module
from leavecalc.batch import COLUMNS, Context, Writer, read_rows, run
from leavecalc.cli import main
from leavecalc.errors import Stopped

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def ctx(registry, calendar):
    return Context(registry, calendar)


def cli(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err


def batch_file(capsys, tmp_path, content: str | bytes, suffix: str = ".jsonl", *more: str):
    path = tmp_path / f"in{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = cli(capsys, "batch", str(path), *more)
    if suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(out)))
    else:
        rows = [json.loads(line) for line in out.splitlines()]
    return code, rows, err


GOOD = '{"id": "ok", "kind": "maternity", "birth": "2025-03-10"}\n'


# ---------------------------------------------------------------- a bad record is a row error

def test_csv_cell_over_the_csv_module_limit_is_a_row_error(capsys, tmp_path):
    # The csv module stops the whole read at a 128 KB cell; here it is the row's error.
    text = "id,kind,birth\n" + "x" * 200_000 + ",maternity,2025-03-10\nb,maternity,2025-03-10\n"
    code, rows, err = batch_file(capsys, tmp_path, text, ".csv")
    assert code == 1 and [r["id"] for r in rows] == ["", "b"]
    assert "200000 characters" in rows[0]["error"] and rows[1]["error"] == ""
    assert len(err) < 200


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"id": "n", "kind": "allowance", "days": ' + "9" * 5000 + "}", "too many digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
        ('{"id": "\\ud800", "kind": "maternity", "birth": "2025-03-10"}', "lone surrogate"),
        ('{"id": "nan", "kind": "allowance", "days": NaN}', "NaN"),
    ],
    ids=["5000-digit number", "nested 100000 deep", "lone surrogate", "NaN"],
)
def test_unreadable_json_record_is_a_row_error_and_the_run_goes_on(capsys, tmp_path, line, fragment):
    code, rows, _ = batch_file(capsys, tmp_path, GOOD + line + "\n" + GOOD)
    assert code == 1 and [r["id"] for r in rows] == ["ok", None, "ok"]
    assert rows[1]["error"].startswith("line 2: ") and fragment in rows[1]["error"]
    assert rows[0]["error"] is None and rows[2]["error"] is None


# ---------------------------------------------------------------- no row lost or invented

def test_unterminated_quote_refuses_the_file(capsys, tmp_path):
    # The quote opened on line 2 would swallow line 3 into one record: one row lost.
    code, rows, err = batch_file(capsys, tmp_path, 'id,kind,birth\n"a,maternity,2025-03-10\nb,maternity,2025-03-10\n', ".csv")
    assert code == 2 and rows == [] and "never closed" in err and err.count("\n") == 1


def test_lone_carriage_return_in_a_cell_refuses_the_file(capsys, tmp_path):
    # Read with universal newlines, "a\rb" would be two records: one row invented.
    code, rows, err = batch_file(capsys, tmp_path, "id,kind,birth\na\rb,maternity,2025-03-10\n", ".csv")
    assert code == 2 and rows == [] and "carriage return" in err and "line 2" in err


def test_carriage_return_inside_quotes_is_data_and_crlf_files_are_fine(capsys, tmp_path):
    text = 'id,kind,birth\r\n"a\rb",maternity,2025-03-10\r\nc,maternity,2025-03-10\r\n'
    code, rows, _ = batch_file(capsys, tmp_path, text, ".csv")
    assert code == 0 and [r["id"] for r in rows] == ["a\rb", "c"]  # the output quotes the CR, so it reads back


# ---------------------------------------------------------------- nothing silently ignored

def test_unknown_csv_column_refuses_the_file(capsys, tmp_path):
    code, rows, err = batch_file(capsys, tmp_path, "id,kind,birth,deliverytype\na,maternity,2025-03-10,cesarean\n", ".csv")
    assert code == 2 and rows == [] and "unknown column 'deliverytype'" in err


def test_duplicate_csv_column_refuses_the_file(capsys, tmp_path):
    code, _, err = batch_file(capsys, tmp_path, "id,kind,birth,Birth\na,maternity,2025-03-10,2025-03-11\n", ".csv")
    assert code == 2 and "names birth twice" in err


def test_inapplicable_filled_cell_is_a_row_error_and_an_empty_one_is_not(capsys, tmp_path):
    text = "id,kind,birth,weeks\na,maternity,2025-03-10,3\nb,maternity,2025-03-10,\n"
    code, rows, _ = batch_file(capsys, tmp_path, text, ".csv")
    assert code == 1
    assert rows[0]["error"] == "weeks: does not apply to maternity (only to miscarriage)"
    assert rows[1]["error"] == "" and rows[1]["total_days"] == "158"


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("babies", 0, "greater than or equal to 1"),  # was read as 1
        ("babies", False, "not a whole number"),  # was read as 1
        ("babies", True, "not a whole number"),
        ("babies", "2", "not a whole number"),
        ("babies", 2.0, "not a whole number"),
    ],
)
def test_jsonl_counts_are_json_integers(ctx, field, value, fragment):
    row = {"id": "x", "kind": "maternity", "birth": "2025-03-10", field: value}
    out = run_jsonl(ctx, [row])[0]
    assert out["error"].startswith(f"{field}: ") and fragment in out["error"]


@pytest.mark.parametrize("days", ["158.9", "true"])
def test_jsonl_days_are_not_rounded_or_taken_from_a_boolean(ctx, days):
    line = '{"id": "x", "kind": "parenting", "birth": "2025-03-10", "start": "2025-04-01", "days": ' + days + "}"
    out = run_lines(ctx, line)[0]
    assert out["error"].startswith("days: ") and "not a whole number" in out["error"] and out["total_days"] is None


def test_jsonl_uninsured_must_be_true_or_false(ctx):
    row = {"id": "x", "kind": "allowance", "birth": "2025-03-10", "avg_wage": 12000, "uninsured": "maybe"}
    assert run_jsonl(ctx, [row])[0]["error"].startswith("uninsured: ")


def test_jsonl_keys_differing_in_case_keep_the_id(ctx):
    out = run_jsonl(ctx, [{"ID": "up", "Kind": "maternity", "Birth": "2025-03-10"}])[0]
    assert (out["id"], out["kind"], out["error"], out["total_days"]) == ("up", "maternity", None, 158)


def test_jsonl_two_keys_for_one_column_are_a_row_error(ctx):
    out = run_jsonl(ctx, [{"id": "a", "ID": "b", "kind": "maternity", "birth": "2025-03-10"}])[0]
    assert "id is given twice" in out["error"] and out["total_days"] is None


@pytest.mark.parametrize("key", ["__error__", "deliverytype", "x"])
def test_jsonl_unknown_key_is_a_row_error(ctx, key):
    # A key "__error__" once turned the row into an error with that text; now it is unknown.
    out = run_jsonl(ctx, [{"id": "a", "kind": "maternity", "birth": "2025-03-10", key: "cesarean"}])[0]
    assert out["id"] == "a" and out["error"].startswith(f"unknown field '{key}'")


def run_jsonl(ctx, rows):
    return run_lines(ctx, "\n".join(json.dumps(r) for r in rows))


def run_lines(ctx, text):
    out = io.StringIO()
    run(read_rows(io.StringIO(text + "\n"), "jsonl", "in"), ctx, Writer(out, "jsonl"))
    return [json.loads(line) for line in out.getvalue().splitlines()]


# ---------------------------------------------------------------- plan, in batch

def test_batch_plan_row_carries_every_period(ctx):
    row = {"id": "p", "kind": "plan", "birth": "2025-03-10", "due": "2025-03-20", "dispute_known": "2025-06-01", "avg_wage": "12000"}
    out = run_jsonl(ctx, [row])[0]
    assert out["error"] is None
    # Maternity 158 days (98 + 60, tests/test_maternity.py): to 2025-08-14, back Friday 08-15.
    assert (out["total_days"], out["end"], out["return_to_work"]) == (158, "2025-08-14", "2025-08-15")
    # Paternity 15 days from the birth, no statutory holiday in 03-10..03-24: ends 03-10 + 14 = 03-24.
    assert (out["paternity_start"], out["paternity_end"]) == ("2025-03-10", "2025-03-24")
    # Nursing to the first birthday, parenting to the third: the days before them.
    assert (out["lactation_end"], out["parenting_end"]) == ("2026-03-09", "2028-03-09")
    # Protected to the later of leave end and nursing end; arbitration one year on, 2026-06-01 a Monday.
    assert (out["protected_end"], out["arbitration_last_day"]) == ("2026-03-09", "2026-06-01")
    # Allowance 158 x 12000 / 30 = 63200.00.
    assert (out["days"], out["amount"]) == (158, "63200.00")


def test_batch_plan_refuses_inputs_it_does_not_take(ctx):
    out = run_jsonl(ctx, [{"id": "p", "kind": "plan", "birth": "2025-03-10", "weeks": 6}])[0]
    assert out["error"] == "weeks: does not apply to plan (only to miscarriage)"


# ---------------------------------------------------------------- output safety

@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_look_like_formulas_are_escaped(ctx, start):
    out = io.StringIO()
    run([{"id": f"{start}1+1", "kind": "maternity", "birth": "2025-03-10"}], ctx, Writer(out, "csv"), names_are_clean=True)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["id"] == f"'{start}1+1" and row["total_days"] == "158"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_jsonl_output_escapes_line_separators(ctx, char):
    out = io.StringIO()
    run([{"id": f"a{char}b", "kind": "maternity", "birth": "2025-03-10"}], ctx, Writer(out, "jsonl"))
    text = out.getvalue()
    assert char not in text and len(text.splitlines()) == 1
    assert json.loads(text)["id"] == f"a{char}b"


# ---------------------------------------------------------------- -o: devices, FIFOs, links

def test_output_to_a_device_writes_through_it(capsys):
    # As root, -o /dev/null once replaced the device with a regular file.
    code, _, err = cli(capsys, "batch", str(EXAMPLES / "batch.jsonl"), "-o", "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_through_a_symlink_writes_its_target(capsys, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    code, _, _ = cli(capsys, "batch", str(EXAMPLES / "batch.jsonl"), "-o", str(link))
    assert code == 0 and link.is_symlink()
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4


def test_output_to_a_fifo_writes_through_it(capsys, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = cli(capsys, "batch", str(EXAMPLES / "batch.jsonl"), "-o", str(fifo))
    reader.join()
    assert code == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert len(got[0].decode("utf-8").splitlines()) == 4  # JSON Lines, as the input


def test_output_to_a_directory_is_refused(capsys, tmp_path):
    code, _, err = cli(capsys, "batch", str(EXAMPLES / "batch.jsonl"), "-o", str(tmp_path), "--format", "jsonl")
    assert code == 2 and "directory" in err


# ---------------------------------------------------------------- stopped runs leave nothing behind

@pytest.mark.parametrize("stop", [KeyboardInterrupt(), Stopped(signal.SIGTERM)], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_run_leaves_no_temporary_file(monkeypatch, tmp_path, ctx, stop):
    import tempfile

    spool_dir = tmp_path / "tmp"
    spool_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_dir))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "out.csv").write_text("old\n", encoding="utf-8")
    calls = []

    def process(raw, c, clean=False):
        calls.append(raw)
        if len(calls) == 3:
            raise stop
        return {"id": raw["id"], "kind": "", "error": "x"}

    monkeypatch.setattr(batch_module, "process", process)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"id,kind\n1,a\n2,a\n3,a\n4,a\n")))
    with pytest.raises(type(stop)):
        batch_module.run_files("-", str(out_dir / "out.csv"), "csv", None, ctx)
    assert list(spool_dir.iterdir()) == []  # the stdin copy
    assert [p.name for p in out_dir.iterdir()] == ["out.csv"]  # no .part file
    assert (out_dir / "out.csv").read_text(encoding="utf-8") == "old\n"


def test_sigterm_becomes_an_exception_that_cleans_up():
    with pytest.raises(Stopped) as e:
        with batch_module._stop_on_sigterm():
            os.kill(os.getpid(), signal.SIGTERM)
    assert e.value.args[0] == signal.SIGTERM


def test_stopped_command_exits_as_the_signal_without_a_traceback(capsys, monkeypatch, tmp_path):
    def stopped(*args, **kwargs):
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(batch_module, "run_files", stopped)
    code, out, err = cli(capsys, "batch", str(EXAMPLES / "batch.jsonl"))
    assert code == 143 and err == "leavecalc: stopped\n"


def test_batch_into_a_closed_pipe_stops_quietly(tmp_path):
    # `leavecalc batch IN | head -1` once exited 1 with nothing said.
    src = tmp_path / "many.csv"
    src.write_text("id,kind,birth\n" + "".join(f"{i},maternity,2025-03-10\n" for i in range(20000)), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "leavecalc", "batch", str(src)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    header = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == 141
    assert header.startswith(b"id,kind,error") and "Traceback" not in err
    assert "closed by its reader" in err


# ---------------------------------------------------------------- properties

record = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["2025-03-10", "maternity", "plan", "miscarriage", "allowance", "cesarean", "\ud800", "=1+1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
key = st.sampled_from(["id", "ID", "kind", "Kind", "birth", "babies", "weeks", "days", "due", "other_child", "avg_wage",
                       "uninsured", "from", "to", "pay", "policy", "__error__", "x"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(key, record, max_size=6), min_size=1, max_size=6))
def test_random_json_objects_each_give_one_row_in_order(ctx, rows):
    lines = [json.dumps(r) for r in rows]
    out = run_lines(ctx, "\n".join(lines))
    assert len(out) == len(rows)
    for given_row, got in zip(rows, out):
        assert set(got) == set(COLUMNS)
        assert not (got["error"] or "").startswith("internal error"), got
        ids = [v for k, v in given_row.items() if k.lower() == "id"]
        if got["error"] is None:  # computed: its id is the one given, whole
            assert len(ids) == 1 and got["id"] == str(ids[0]).strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from([".csv", ".jsonl"]))
def test_random_bytes_never_crash_and_every_record_gives_a_row(capsys, tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("bytes")
    code, rows, err = batch_file(capsys, folder, b"id,kind,birth\n" + data if suffix == ".csv" else data, suffix)
    assert "Traceback" not in err and err.count("\n") == 1
    assert code in (0, 1, 2)
    if code == 2:
        assert rows == [] and err.startswith("leavecalc: error: ")
        return
    text = (b"id,kind,birth\n" + data if suffix == ".csv" else data).decode("utf-8-sig")
    if suffix == ".jsonl":
        expected = sum(1 for line in text.split("\n") if line.strip())
    else:
        records = list(csv.reader(io.StringIO(text, newline="\n"), strict=True))[1:]
        expected = sum(1 for r in records if any(r) or len(r) > 1)
    assert len(rows) == expected


def test_csv_other_child_is_dates_separated_by_semicolons(capsys, tmp_path):
    text = "id,kind,birth,other_child\na,parenting,2025-03-10,2023-01-01;2024-02-02\nb,parenting,2025-03-10,2023-01-01;x\n"
    code, rows, _ = batch_file(capsys, tmp_path, text, ".csv")
    assert code == 1 and rows[0]["error"] == "" and rows[0]["end"] == "2028-03-09"
    assert rows[1]["error"] == "other_child: 'x' is not a date (use YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or YYYYMMDD)"


def test_maternity_conditions_are_a_list_and_checked(ctx):
    rows = [
        {"id": "a", "kind": "maternity", "birth": "2025-03-10", "condition": ["exclusive_breastfeeding"], "child_order": 1},
        {"id": "b", "kind": "maternity", "birth": "2025-03-10", "condition": ["bogus"]},
        {"id": "c", "kind": "maternity", "birth": "2025-03-10", "condition": [1]},
    ]
    out = run_jsonl(ctx, rows)
    assert out[0]["error"] is None and out[0]["total_days"] == 158  # Nanjing has no such rule: 98 + 60
    assert out[1]["error"].startswith("condition: ") and out[2]["error"].startswith("condition: ")
