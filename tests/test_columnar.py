"""The columnar engine gives the scalar engine's rows: by property over random cases of every kind
and jurisdiction, and on worked examples; Parquet and Arrow files keep every row in order."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")  # the columnar extra (in the test extra)
pq = pytest.importorskip("pyarrow.parquet")

from leavecalc.arrow_io import computed_rows, output_rows  # noqa: E402
from leavecalc.batch import Context, compute  # noqa: E402
from leavecalc.cli import main  # noqa: E402
from leavecalc.columnar import Stats, compute_arrow, compute_rows  # noqa: E402
from leavecalc.count_index import count_index  # noqa: E402
from leavecalc.progress import Progress  # noqa: E402
from leavecalc.tables import results_table  # noqa: E402


@pytest.fixture(scope="module")
def ctx(registry, calendar):
    return Context(registry, calendar)


def scalar(rows, ctx, names_are_clean=False):
    return [compute(r, ctx, names_are_clean) for r in rows]


# ---------------------------------------------------------------- the count index

def test_skip_statutory_end_is_one_lookup_over_national_day_and_mid_autumn(calendar):
    np = pytest.importorskip("numpy")
    # 30 days from 2025-09-20, statutory holidays not counted. Statutory days in reach
    # (全国年节及纪念日放假办法 art 2): 国庆 10-01, 10-02, 10-03 and 中秋 10-06 (lunar 8-15).
    # 30 calendar days end on 09-20 + 29 = 10-19; four statutory days skipped: 10-23.
    index = count_index(calendar)
    start = np.array([date(2025, 9, 20).toordinal()])
    end, ok = index.skip_statutory_end(start, np.array([30]))
    assert ok[0] and date.fromordinal(int(end[0])) == date(2025, 10, 23)
    assert calendar.advance(date(2025, 9, 20), 30, "skip_statutory") == date(2025, 10, 23)
    # Counting every day: 09-20 + 29 = 10-19.
    end, ok = index.calendar_end(start, np.array([30]))
    assert ok[0] and date.fromordinal(int(end[0])) == date(2025, 10, 19)


def test_a_leave_running_past_the_known_years_is_left_to_the_scalar_engine(ctx):
    # Birth 2099-12-01: the leave runs past 2099-12-31, the last day with holiday data.
    rows = [{"id": "x", "kind": "maternity", "birth": "2099-12-01", "jurisdiction": "nanjing"}]
    stats = Stats()
    got = output_rows(compute_rows(rows, ctx, stats=stats))
    assert stats.scalar == 1 and got[0]["error"] == scalar(rows, ctx)[0]["error"] != ""


# ---------------------------------------------------------------- worked examples, in bulk

def test_valid_rows_of_each_vectorised_kind_are_done_in_bulk(ctx):
    # Nanjing 2025 (ordinance art 35 as amended): 98 national days + 60 local = 158 for a normal
    # birth; born 2025-03-10 the leave is 2025-03-10 .. 2025-08-14 (docs and tests/test_maternity.py).
    rows = [
        {"id": "m", "kind": "maternity", "birth": "2025-03-10"},
        {"id": "p", "kind": "paternity", "birth": "2025-05-01"},
        {"id": "s", "kind": "miscarriage", "date": "2025-04-01", "weeks": "12"},
        {"id": "a", "kind": "allowance", "birth": "2025-03-10", "avg_wage": "9000", "own_wage": "12000.50"},
    ]
    stats = Stats()
    got = list(computed_rows(rows, ctx, True))  # as CSV cells
    compute_rows(rows, ctx, True, stats=stats)
    assert stats.bulk == 4 and stats.scalar == 0 and stats.disagreements == []
    assert got == scalar(rows, ctx, True)
    assert (got[0]["total_days"], got[0]["end"]) == (158, "2025-08-14")


def test_a_warning_that_depends_on_the_leaves_own_end_is_left_to_the_scalar_engine(ctx):
    # Sichuan: paternity leave still running on 2025-11-28 (20 calendar days from a birth on or
    # after 11-09) warns that the newer rule may reach it; one ending 11-27 (born 11-08) does not.
    # Rows alike in everything else must not share one row's warnings.
    rows = [
        {"id": f"p{day}", "kind": "paternity", "birth": f"2025-11-{day:02d}", "jurisdiction": "成都",
         "mother_start": "2025-11-01", "mother_end": "2026-05-01"}
        for day in (1, 5, 8, 9, 15, 20)
    ]
    got = list(computed_rows(rows, ctx, True))
    assert got == scalar(rows, ctx, True)
    assert ["later_rule_may_apply" in r["warnings"] for r in got] == [False, False, False, True, True, True]


# ---------------------------------------------------------------- the property

DATES = st.dates(date(2013, 6, 1), date(2028, 6, 1))
DATE_TEXT = st.one_of(
    DATES.map(date.isoformat),
    st.sampled_from(["", " 2025-03-10", "2025-02-29", "20250310", "2025-3-10", "0000-01-01", "2099-12-20", "2013-12-31"]),
)
SMALL_INT = st.one_of(st.integers(-1, 12).map(str), st.sampled_from(["", "03", " 2", "+2", "1.0", "10", "x"]))
MONEY = st.one_of(
    st.integers(0, 10**9).map(lambda f: f"{f // 100}.{f % 100:02d}"),
    st.integers(0, 99_999).map(str),
    st.sampled_from(["", "9000.5", "1e3", "-5", "12345678901", "0.001", " 9000"]),
)
DELIVERY = st.sampled_from(["", "normal", "cesarean", "assisted", "other_difficult"])
WORDS = {
    "delivery": DELIVERY | st.sampled_from(["Normal", "vaginal"]),
    "uninsured": st.sampled_from(["", "true", "false", "yes", "no", "1", "0", "y", "n", "TRUE", "maybe"]),
}


RARELY = st.sampled_from([False] * 6 + [True])  # (hypothesis would favour True from st.booleans and 0 from integers)


@st.composite
def case_rows(draw, jurisdictions, policy_ids):
    """Mostly well-formed rows of one kind (the bulk path), some with odd or wrong values
    (those the scalar engine computes, in place)."""
    kind = draw(st.sampled_from(["maternity", "paternity", "miscarriage", "allowance", "parenting", "pregnancy_rest"]))
    base = draw(st.dates(date(2021, 12, 1), date(2027, 12, 31)))
    near = st.integers(-60, 200).map(lambda n: (base + timedelta(days=n)).isoformat())
    iso = base.isoformat()
    before = st.integers(-30, 0).map(lambda n: (base + timedelta(days=n)).isoformat())
    row = {"id": str(draw(st.integers(0, 10**6))), "kind": kind}
    wellformed = {
        "maternity": {"birth": st.just(iso), "start": before, "delivery": DELIVERY, "babies": st.integers(1, 9).map(str)},
        "paternity": {"birth": st.just(iso), "start": near, "delivery": DELIVERY, "babies": st.integers(1, 3).map(str),
                      "mother_start": st.just((base - timedelta(days=15)).isoformat()), "mother_end": near},
        "miscarriage": {"date": st.just(iso), "weeks": st.integers(1, 45).map(str), "months": st.integers(0, 10).map(str)},
        "allowance": {"birth": st.just(iso), "start": before, "delivery": DELIVERY, "babies": st.integers(1, 3).map(str),
                      "avg_wage": MONEY, "own_wage": MONEY, "uninsured": WORDS["uninsured"]},
        "parenting": {"birth": st.just(iso), "start": near},
        "pregnancy_rest": {"from": st.just(iso), "to": near, "pay": MONEY},
    }[kind]
    for name, strategy in wellformed.items():
        if name in ("birth", "date", "from", "avg_wage", "weeks", "months") or not draw(RARELY):
            row[name] = draw(strategy)
    if kind == "miscarriage":  # weeks or months (both, or neither, is an error: now and then)
        row.pop(draw(st.sampled_from(["weeks", "months", "weeks", "months", "neither"])), None)
    if kind == "paternity" and ("mother_start" in row) != ("mother_end" in row) and draw(RARELY):
        row.pop("mother_start", None)
        row.pop("mother_end", None)
    for name, strategy in {"jurisdiction": st.sampled_from([*jurisdictions, "nowhere", ""]),
                           "policy": st.sampled_from([*policy_ids, "nope", ""])}.items():
        if draw(RARELY):
            row[name] = draw(strategy)
    if draw(RARELY):  # spoil one cell
        odd = {
            "id": st.sampled_from(["", " 7", "7 "]),
            "kind": st.sampled_from([" maternity", "Maternity", "teleport"]),
            "birth": DATE_TEXT, "start": DATE_TEXT, "date": DATE_TEXT, "mother_end": DATE_TEXT,
            "babies": SMALL_INT, "weeks": SMALL_INT, "months": SMALL_INT, "days": SMALL_INT,
            "delivery": WORDS["delivery"], "avg_wage": MONEY, "own_wage": MONEY, "uninsured": WORDS["uninsured"],
        }
        name = draw(st.sampled_from(sorted(odd)))
        row[name] = draw(odd[name])
    return row


@pytest.fixture(scope="module")
def row_strategy(registry):
    return st.lists(case_rows(registry.jurisdictions, [p.id for p in registry.policies]), min_size=1, max_size=25)


COUNTS = {"babies", "weeks", "months", "days"}


def as_json(row):
    """The row as a JSON object would give it: counts that are plain digits as numbers, flags as
    booleans (the rest stays text, and is refused where JSON wants another type)."""
    out = {}
    for k, v in row.items():
        if k in COUNTS and v.isdigit() and v.isascii():
            v = int(v)
        elif k == "uninsured" and v in ("true", "false"):
            v = v == "true"
        out[k] = v
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), json=st.booleans())
def test_columnar_rows_equal_scalar_rows_for_every_kind_and_jurisdiction(ctx, row_strategy, data, json):
    rows = data.draw(row_strategy)
    if json:
        rows = [as_json(r) for r in rows]
    csv_cells = not json
    stats = Stats()
    bulk = list(computed_rows(rows, ctx, csv_cells))
    compute_rows(rows, ctx, csv_cells, stats=stats)
    assert bulk == scalar(rows, ctx, csv_cells)
    assert stats.disagreements == []  # no group's check row differed from the scalar engine


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_arrow_tables_give_the_same_rows(ctx, row_strategy, data):
    rows = data.draw(row_strategy)
    names = sorted({k for r in rows for k in r})
    table = pa.table({n: pa.array([None if r.get(n) is None else str(r[n]) for r in rows], pa.string()) for n in names})
    got = output_rows(compute_arrow(table, ctx))
    want = scalar([{n: ("" if r.get(n) is None else str(r[n])) for n in names} for r in rows], ctx, True)
    assert [_plain(g) for g in got] == [_plain(w) for w in want]


def _plain(row):
    """A row with empty cells dropped (Arrow output has null where a batch row has no key or "")."""
    return {k: v for k, v in row.items() if v not in (None, "")}


# ---------------------------------------------------------------- files and tables

MIX = """id,kind,birth,start,delivery,babies,date,weeks,avg_wage,own_wage
1,maternity,2025-03-10,,cesarean,2,,,,
2,miscarriage,,,,,2026-01-25,6,,
3,paternity,2025-05-01,,,,,,,
4,allowance,2025-03-10,,normal,1,,,9000,12000
5,parenting,2025-03-10,2025-04-01,,,,,,
6,maternity,2025-13-10,,,,,,,
"""


def cli(capsys, *args):
    with pytest.raises(SystemExit) as e:
        main(list(args))
    return e.value.code, *capsys.readouterr()


def test_parquet_round_trip_keeps_every_row_in_order(capsys, tmp_path):
    rows = [dict(r) for _ in range(500) for r in csv.DictReader(io.StringIO(MIX))]  # 3,000: several kinds, some bad
    for i, r in enumerate(rows):
        r["id"] = f"r{i}"
    table = pa.Table.from_pylist(rows)
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=700)
    src = tmp_path / "in.csv"
    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    assert cli(capsys, "batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "out.parquet"))[0] == 1
    assert cli(capsys, "batch", str(src), "-o", str(tmp_path / "out.csv"), "--jobs", "2")[0] == 1  # two workers, each columnar
    out = pq.read_table(tmp_path / "out.parquet")
    assert out["id"].to_pylist() == [r["id"] for r in rows]
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        from_csv = [_plain(r) for r in csv.DictReader(f)]
    shown = {True: "true", False: "false"}
    as_text = [{k: shown.get(v, str(v)) if isinstance(v, bool) else str(v) for k, v in _plain(r).items()} for r in output_rows(out)]
    assert as_text == from_csv


def test_arrow_ipc_with_date_and_integer_columns(capsys, tmp_path):
    table = pa.table({
        "ID": pa.array([1, 2], pa.int64()),
        "Kind": ["maternity", "maternity"],
        "birth": pa.array([date(2025, 3, 10), date(2025, 3, 10)], pa.date32()),
        "babies": pa.array([1, 2], pa.int64()),
    })
    with pa.OSFile(str(tmp_path / "in.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as w:
        w.write_table(table)
    assert cli(capsys, "batch", str(tmp_path / "in.arrow"), "-o", str(tmp_path / "out.csv"))[0] == 0
    with (tmp_path / "out.csv").open(encoding="utf-8") as f:
        out = list(csv.DictReader(f))
    # Nanjing 2025: 98 + 60 = 158 days for one baby; a second baby adds 15 national days
    # (女职工劳动保护特别规定 art 7) and 15 local days (Nanjing art 35): 158 + 30 = 188.
    assert [(r["id"], r["total_days"]) for r in out] == [("1", "158"), ("2", "188")]


def test_parquet_without_id_and_kind_is_one_fatal_error(capsys, tmp_path):
    pq.write_table(pa.table({"birth": ["2025-03-10"]}), tmp_path / "in.parquet")
    code, out, err = cli(capsys, "batch", str(tmp_path / "in.parquet"), "-o", str(tmp_path / "o.parquet"))
    assert code == 2 and "id and kind" in err and not (tmp_path / "o.parquet").exists()


def test_results_table_takes_and_gives_pandas_polars_and_arrow():
    cases = {"id": ["a", "b"], "kind": ["maternity", "miscarriage"], "birth": ["2025-03-10", None],
             "date": [None, "2025-04-01"], "weeks": [None, "12"]}
    arrow = results_table(pa.table(cases))
    assert arrow["total_days"].to_pylist()[0] == 158 and arrow.num_rows == 2
    pd = pytest.importorskip("pandas")
    frame = results_table(pd.DataFrame(cases))
    assert isinstance(frame, pd.DataFrame) and list(frame["id"]) == ["a", "b"]
    pl = pytest.importorskip("polars")
    frame = results_table(pl.DataFrame(cases))
    assert isinstance(frame, pl.DataFrame) and frame["total_days"].to_list() == arrow["total_days"].to_pylist()


def test_progress_is_silent_off_a_terminal():
    out = io.StringIO()
    p = Progress(total=10, stream=out)
    p.shown = 0.0  # as if the last redraw were long ago
    p.update(5)
    p.close()
    assert out.getvalue() == ""


def test_alike_rows_share_a_scalar_computation_but_not_their_id_or_types(ctx):
    rows = [
        {"id": " p1 ", "kind": "pregnancy_rest", "from": "2025-03-01", "to": "2025-04-30", "pay": "1000"},
        {"id": "p2", "kind": "pregnancy_rest", "from": "2025-03-01", "to": "2025-04-30", "pay": "1000"},
        {"kind": "pregnancy_rest", "from": "2025-03-01", "to": "2025-04-30", "pay": "1000"},
        {"id": "j1", "kind": "maternity", "birth": "2025-03-10", "babies": True},
        {"id": "j2", "kind": "maternity", "birth": "2025-03-10", "babies": 1},
    ]
    assert list(computed_rows(rows, ctx, False)) == scalar(rows, ctx)  # as JSON objects


def test_the_spaces_read_as_surrounding_are_all_those_str_strip_removes():
    from leavecalc.columnar import _spaces

    assert set(_spaces()) == {chr(c) for c in range(0x110000) if chr(c).isspace()}
