"""Benchmarks of the columnar engine and the batch formats (issue 14; not part of the test suite).

    python benchmarks/columnar.py            # everything (10,000,000-row Parquet batch included)
    python benchmarks/columnar.py --quick    # 100,000 cases and a 1,000,000-row Parquet batch

Prints, with the targets of issue 14:
  1. columnar maternity results/s on one core over 1,000,000 random cases (best of 3), and a
     check that every one equals the scalar engine's answer (policy, days, dates, day back,
     provisional, warnings);
  2. `leavecalc batch` of 10,000,000 maternity rows, Parquet in and out: seconds end to end and
     peak memory;
  3. `leavecalc batch` of 100,000 CSV rows of every kind, one process: rows/s;
  4. the scalar library: maternity results/s (benchmarks/run.py's fixed mix, streamed);
  5. CLI start-up: one `leavecalc maternity` call, median of 7.
Needs the columnar extra (pip install '.[columnar]'). Figures go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))
import run as common  # noqa: E402  (benchmarks/run.py: case mix, measuring helpers)

from leavecalc import MaternityCase, bundled_calendar, bundled_policies, maternity_leave  # noqa: E402
from leavecalc.batch import Context  # noqa: E402
from leavecalc.columnar import RunState, compute_arrow  # noqa: E402

FIRST, LAST = date(2022, 3, 1), date(2027, 12, 31)  # births under both Nanjing policies, some provisional


def random_cases(n: int, seed: int = 14) -> pa.Table:
    """``n`` maternity cases: births uniform over FIRST..LAST, every delivery, 1-3 babies, a tenth
    starting 0-20 days before the birth (some earlier than the 15 days allowed), as text columns."""
    rng = np.random.default_rng(seed)
    birth = FIRST.toordinal() + rng.integers(0, (LAST - FIRST).days + 1, n)
    early = np.where(rng.random(n) < 0.1, rng.integers(0, 21, n), -1)
    epoch = date(1970, 1, 1).toordinal()

    def text(ordinals: np.ndarray) -> pa.Array:
        return pa.array(ordinals - epoch, pa.int32()).view(pa.date32()).cast(pa.string())

    start = text(birth - np.maximum(early, 0))
    return pa.table({
        "id": pa.array(np.arange(n)).cast(pa.string()),
        "kind": pa.array(["maternity"] * n),
        "birth": text(birth),
        "start": pa.array(np.where(early >= 0, start.to_numpy(zero_copy_only=False), None), pa.string()),
        "delivery": pa.array(rng.choice(common.DELIVERIES, n)),
        "babies": pa.array(rng.integers(1, 4, n)).cast(pa.string()),
    })


def columnar_rate(table: pa.Table, ctx: Context, rounds: int = 3) -> tuple[list[float], list[float], pa.Table]:
    """Results per second of ``rounds`` runs over the whole table (chunks of 131,072 rows, as the
    batch command computes them), by wall clock and by CPU time of this process (one thread: on
    a shared machine the wall clock also counts the time other processes had the core), and the
    output of the last run."""
    wall, cpu, out = [], [], None
    for _ in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        state = RunState()  # shared by the chunks of a run, as in `leavecalc batch`
        parts = [compute_arrow(table.slice(i, 131_072), ctx, state=state) for i in range(0, table.num_rows, 131_072)]
        wall.append(table.num_rows / (time.perf_counter() - t))
        cpu.append(table.num_rows / (time.process_time() - c))
        out = pa.concat_tables(parts)
    return wall, cpu, out  # type: ignore[return-value]


def scalar_agrees(table: pa.Table, out: pa.Table, registry, calendar) -> int:
    """How many rows of ``out`` equal the scalar library's result for the same case."""
    cols = {c: table[c].to_pylist() for c in table.column_names}
    got = zip(*(out[c].to_pylist() for c in ("policy", "total_days", "start", "end", "return_to_work", "provisional", "warnings")))
    same = 0
    for i, row in enumerate(got):
        birth = date.fromisoformat(cols["birth"][i])
        start = cols["start"][i]
        case = MaternityCase(birth=birth, start=date.fromisoformat(start) if start else None,
                             delivery=cols["delivery"][i], babies=int(cols["babies"][i]))
        r = maternity_leave(registry.in_force("nanjing", birth), case, calendar)
        mine = (r.policy, r.total_days, r.start, r.end, r.return_to_work, r.provisional, ";".join(w.code for w in r.warnings))
        same += mine == row
    return same


def child_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def parquet_batch(n: int, folder: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak MiB (PSS: run.tree_memory_kib) of `leavecalc batch` from an
    ``n``-row Parquet file to another."""
    src, out = folder / f"maternity-{n}.parquet", folder / f"out-{n}.parquet"
    with pq.ParquetWriter(src, random_cases(1).schema) as w:
        for i in range(0, n, 1_000_000):
            w.write_table(random_cases(min(1_000_000, n - i), seed=i))
    cpu = child_cpu()
    seconds, kib, _ = common.run_measured([*common.leavecalc_cmd(), "batch", str(src), "-o", str(out)])
    cpu = child_cpu() - cpu
    rows = pq.ParquetFile(out).metadata.num_rows
    if rows != n:
        raise SystemExit(f"batch wrote {rows} rows for {n}")
    return seconds, cpu, kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 cases, a 1,000,000-row Parquet batch")
    args = parser.parse_args()
    os.environ.setdefault("LEAVECALC_HOLIDAYS_DIR", tempfile.mkdtemp())  # bundled data only
    pa.set_cpu_count(1)  # one core: Arrow kernels would otherwise use a thread pool
    pa.set_io_thread_count(1)
    cpu = child_cpu()
    started = common.startup()
    started_cpu = (child_cpu() - cpu) / 7
    registry, calendar = bundled_policies(), bundled_calendar()
    ctx = Context(registry, calendar)
    n = 100_000 if args.quick else 1_000_000
    table = random_cases(n)
    compute_arrow(table.slice(0, 1000), ctx)  # build the count index and plans once, untimed
    wall, cpu, out = columnar_rate(table, ctx)
    print(f"python {sys.version.split()[0]}, pyarrow {pa.__version__}, numpy {np.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"1. columnar maternity over {n:,} random cases, one thread, 3 runs (target >= 1,000,000/s on one core): "
          f"{max(cpu):,.0f} results per CPU second (runs: {', '.join(f'{r:,.0f}' for r in cpu)}); "
          f"wall clock {max(wall):,.0f}/s (runs: {', '.join(f'{r:,.0f}' for r in wall)})")
    same = scalar_agrees(table, out, registry, calendar)
    print(f"   equal to the scalar engine in {same:,} of {n:,} cases")
    with tempfile.TemporaryDirectory() as tmp:
        rows = 1_000_000 if args.quick else 10_000_000
        seconds, cpu, mib = parquet_batch(rows, Path(tmp))
        print(f"2. batch {rows:,} maternity rows, Parquet in and out: {seconds:,.1f} s end to end "
              f"({rows / seconds:,.0f} rows/s; {cpu:,.1f} CPU s), peak memory {mib:,.0f} MiB PSS "
              f"(targets < 30 s, < 1 GB for 10,000,000)")
        src = Path(tmp) / "mix.csv"
        common.write_rows(src, 100_000, mix=True)
        cpu = child_cpu()
        mix_rate, mix_mib, _ = common.batch(src, 100_000, 1)
        cpu = child_cpu() - cpu
        print(f"3. batch 100,000 CSV rows of every kind, one process: {mix_rate:,.0f} rows/s by wall clock, "
              f"{100_000 / cpu:,.0f} rows per CPU second, peak memory {mix_mib:,.0f} MiB PSS (target >= 20,000 rows/s)")
    cases = common.fixed_cases()
    lib, _ = common.library(cases, registry, calendar)
    print(f"4. scalar library: {lib:,.0f} maternity results/s over {len(cases):,} cases, streamed (target >= 100,000)")
    print(f"5. CLI start-up, one `leavecalc maternity` call: {started:.3f} s median of 7, {started_cpu:.3f} CPU s "
          f"mean (target < 0.25 s)")


if __name__ == "__main__":
    main()
