"""The Spark recipe (docs/library.md): the columnar engine on each partition of a DataFrame, on a
local Spark session, gives the scalar engine's rows."""

from __future__ import annotations

import os
import sys

import pytest

pyspark = pytest.importorskip("pyspark")  # the spark extra (in the test extra)
pa = pytest.importorskip("pyarrow")

from leavecalc.arrow_io import output_rows  # noqa: E402
from leavecalc.batch import Context, compute  # noqa: E402
from leavecalc.columnar import OUTPUT_SCHEMA  # noqa: E402
from leavecalc.spark import leave_results  # noqa: E402

CASES = {
    "id": [f"c{i}" for i in range(12)],
    "kind": ["maternity", "paternity", "miscarriage", "allowance", "parenting", "maternity"] * 2,
    "birth": ["2025-03-10", "2025-05-01", None, "2024-11-20", "2025-03-10", "2025-13-01",
              "2023-09-28", "2026-01-15", None, "2025-06-30", "2024-02-29", "2025-01-01"],
    "delivery": [None, "cesarean", None, "assisted", None, None, "normal", None, None, None, None, "other_difficult"],
    "date": [None, None, "2025-04-01", None, None, None, None, None, "2024-12-30", None, None, None],
    "weeks": [None, None, "12", None, None, None, None, None, "30", None, None, None],
    "avg_wage": [None, None, None, "9000", None, None, None, None, None, "12000.5", None, None],
}


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").appName("leavecalc-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "512m").getOrCreate()
    )
    yield session
    session.stop()


@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_map_in_arrow_on_a_local_session_equals_the_scalar_engine(spark, registry, calendar):
    df = spark.createDataFrame(list(zip(*CASES.values())), schema=", ".join(f"`{c}` string" for c in CASES))  # 2 partitions (local[2])
    got = leave_results(df).collect()
    by_id = {r["id"]: r.asDict() for r in got}
    ctx = Context(registry, calendar)
    rows = [dict(zip(CASES, values)) for values in zip(*CASES.values())]
    want = [compute(r, ctx, True) for r in rows]
    assert set(by_id) == set(CASES["id"])  # every case once
    table = pa.Table.from_pylist([by_id[i] for i in CASES["id"]], schema=OUTPUT_SCHEMA)
    plain = [{k: v for k, v in r.items() if v not in (None, "")} for r in output_rows(table)]
    assert plain == [{k: v for k, v in r.items() if v not in (None, "")} for r in want]
