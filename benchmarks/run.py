"""leavecalc benchmarks (not part of the test suite). Run from the repository root:

    python benchmarks/run.py            # everything (about three minutes on 2 cores)
    python benchmarks/run.py --quick    # skips the 1,000,000-row batch

Prints, with the targets of issue 5:
  1. library: maternity results per second over a fixed mix of 10,000 cases;
  2. the same cases through a naive reference (a day-by-day loop asking chinese-calendar about
     every day), in the same run, the ratio, and a check that both give the same answers;
  3. batch: rows per second end to end, and peak memory, for 100,000 and 1,000,000 rows;
  4. CLI start-up time of one `leavecalc maternity` call.
Figures are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from leavecalc import MaternityCase, bundled_calendar, bundled_policies, maternity_leave
from leavecalc.holiday_calendar import load_law, statutory_days
from leavecalc.maternity import segment_parts

DELIVERIES = ["normal", "cesarean", "assisted", "other_difficult"]
FIRST, LAST = date(2022, 2, 10), date(2026, 12, 31)


def fixed_cases(n: int = 10_000) -> list[MaternityCase]:
    """Births spread evenly over 2022-02-10..2026-12-31 (so leaves cross every 春节, 劳动节, 国庆
    and year end), every delivery, 1-3 babies, a tenth starting up to 15 days before the birth."""
    span = (LAST - FIRST).days
    cases = []
    for i in range(n):
        birth = FIRST + timedelta(days=i * span // n)
        early = (i * 7) % 16 if i % 10 == 0 else 0
        cases.append(MaternityCase(birth=birth, start=birth - timedelta(days=early), delivery=DELIVERIES[i % 4], babies=1 + (i // 4) % 3))
    return cases


# ---------------------------------------------------------------- the naive reference

class Naive:
    """What a first implementation would do: walk the leave one day at a time and ask
    chinese-calendar about each day; the law's statutory days (which chinese-calendar cannot
    tell apart from the rest of a holiday block) come from the same law data as leavecalc."""

    def __init__(self) -> None:
        self.law = load_law()
        self.statutory: dict[int, set[date]] = {}

    def is_statutory(self, day: date) -> bool:
        if day.year not in self.statutory:
            self.statutory[day.year] = set(statutory_days(self.law, day.year))
        try:
            on_holiday, _ = chinese_calendar.get_holiday_detail(day)
            if not on_holiday:
                return False
        except NotImplementedError:  # a year chinese-calendar does not know
            pass
        return day in self.statutory[day.year]

    def is_workday(self, day: date) -> bool:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5 and not self.is_statutory(day)

    def leave(self, policy, case: MaternityCase) -> tuple[int, date, date]:
        rules = policy.maternity
        start = max(case.start or case.birth, case.birth - timedelta(days=rules.max_days_before_birth.days))
        day, total, end = start, 0, start
        for seg in rules.segments:
            days = sum(d for _, d, _ in segment_parts(policy, seg, case, []))
            total += days
            counted = 0
            while True:
                if seg.counting.rule == "calendar" or not self.is_statutory(day):
                    counted += 1
                if counted == days:
                    break
                day += timedelta(days=1)
            end = day
            day += timedelta(days=1)
        back = end + timedelta(days=1)
        while not self.is_workday(back):
            back += timedelta(days=1)
        return total, end, back


# ---------------------------------------------------------------- measurements

def library(cases, registry, calendar, rounds: int = 3) -> tuple[float, float]:
    """Results per second, best of ``rounds``: streamed (each result used, then dropped, as
    payroll code and the batch command do) and retained (all 10,000 kept in a list, which makes
    Python's cyclic garbage collector rescan them as they accumulate)."""
    streamed = retained = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        days = 0
        for c in cases:
            days += maternity_leave(registry.in_force("nanjing", c.birth), c, calendar).total_days
        streamed = min(streamed, time.perf_counter() - t)
        t = time.perf_counter()
        kept = [maternity_leave(registry.in_force("nanjing", c.birth), c, calendar) for c in cases]
        retained = min(retained, time.perf_counter() - t)
        del kept
    return len(cases) / streamed, len(cases) / retained


def naive(cases, registry) -> tuple[float, list]:
    ref = Naive()
    t = time.perf_counter()
    results = [ref.leave(registry.in_force("nanjing", c.birth), c) for c in cases]
    return len(cases) / (time.perf_counter() - t), results


def maternity_row(i: int, birth: date) -> str:
    return f"{i},maternity,{birth},,{DELIVERIES[i % 4]},{1 + (i // 4) % 3},,,,,,,,"


KINDS_MIX = [  # (share of rows out of 20, row maker): every kind the batch takes
    (12, maternity_row),
    (2, lambda i, b: f"{i},miscarriage,,,,,{b},{4 + i % 36},,,,,,"),
    (2, lambda i, b: f"{i},paternity,{b},,{DELIVERIES[i % 4]},1,,,,,,,,"),
    (1, lambda i, b: f"{i},parenting,{b},{b},,,,,,,,,,"),
    (2, lambda i, b: f"{i},allowance,{b},,{DELIVERIES[i % 4]},{1 + i % 2},,,{9000 + i % 7000},{12000 + i % 5000},,,,"),
    (1, lambda i, b: f"{i},pregnancy_rest,,,,,,,,,,{b},{b + timedelta(days=20 + i % 90)},{1000 + i % 2000}"),
]
HEADER = "id,kind,birth,start,delivery,babies,date,weeks,avg_wage,own_wage,days,from,to,pay"


def write_rows(path: Path, n: int, mix: bool = False) -> None:
    """``n`` rows with births over 2022-02-10..2026-12-31 (2025.. for the mix, whose pay kinds
    need the 2025 policy): maternity rows only, or every kind in the shares above."""
    makers = [m for share, m in KINDS_MIX for _ in range(share)] if mix else [maternity_row]
    first = date(2025, 1, 1) if mix else FIRST
    span = (LAST - first).days
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        for i in range(n):
            birth = first + timedelta(days=(i * 7919) % span)
            f.write(makers[i % len(makers)](i, birth) + "\n")


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of a process and all its descendants, from /proc (Linux), in KiB. Forked
    workers share their parent's pages: the sum of RSS counts such a page once per process, PSS
    (the proportional set size) shares it out, so the PSS sum is the memory the run takes."""
    pss = rss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            rollup = Path(f"/proc/{p}/smaps_rollup")
            if rollup.exists():
                pss += int(next(line.split()[1] for line in rollup.read_text().splitlines() if line.startswith("Pss:")))
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return pss, rss


def run_measured(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds and peak memory (PSS and RSS, KiB: tree_memory_kib) of one command, workers
    included (sampled every 20 ms from /proc where there is one)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_pss = peak_rss = 0
    while proc.poll() is None:
        if Path("/proc").is_dir():
            pss, rss = tree_memory_kib(proc.pid)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.02)
    seconds = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed with exit code {proc.returncode}")
    return seconds, peak_pss, peak_rss


def leavecalc_cmd() -> list[str]:
    return [sys.executable, "-m", "leavecalc"]


def batch(src: Path, n: int, jobs: int) -> tuple[float, float, float]:
    """Rows per second and peak memory (PSS and summed RSS, MiB) of one `leavecalc batch` run."""
    out = src.with_suffix(f".out{jobs}.csv")
    seconds, pss, rss = run_measured([*leavecalc_cmd(), "batch", str(src), "-o", str(out), "--jobs", str(jobs)])
    lines = sum(1 for _ in out.open(encoding="utf-8")) - 1
    if lines != n:
        raise SystemExit(f"batch wrote {lines} rows for {n}")
    return n / seconds, pss / 1024, rss / 1024


def startup(times: int = 7) -> float:
    """Median wall time of one `leavecalc maternity` call (timed directly, not polled)."""
    exe = Path(sys.executable).with_name("leavecalc")
    cmd = [str(exe)] if exe.exists() else leavecalc_cmd()
    samples = []
    for _ in range(times):
        t = time.perf_counter()
        subprocess.run([*cmd, "maternity", "--birth", "2025-03-10"], stdout=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000,000-row batch")
    args = parser.parse_args()
    os.environ.setdefault("LEAVECALC_HOLIDAYS_DIR", tempfile.mkdtemp())  # bundled data only
    # Start-up first, while the machine is quiet (the batch runs below leave it busy for a while).
    started = startup()
    registry, calendar = bundled_policies(), bundled_calendar()
    cases = fixed_cases()

    rate, retained = library(cases, registry, calendar)
    naive_rate, theirs = naive(cases, registry)
    ours = (maternity_leave(registry.in_force("nanjing", c.birth), c, calendar) for c in cases)  # untimed check
    same = sum((r.total_days, r.end, r.return_to_work) == t for r, t in zip(ours, theirs))
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    print(f"1. library: {rate:,.0f} maternity results/s over {len(cases):,} cases, streamed (target >= 30,000); "
          f"{retained:,.0f}/s when all results are kept in one list")
    print(f"2. naive reference: {naive_rate:,.0f} results/s; leavecalc is {rate / naive_rate:,.0f}x faster "
          f"(target >= 100x); same answers in {same:,} of {len(cases):,} cases")
    with tempfile.TemporaryDirectory() as tmp:
        for n in ([100_000] if args.quick else [100_000, 1_000_000]):
            src = Path(tmp) / f"maternity-{n}.csv"
            write_rows(src, n)
            for jobs in (1, 2):
                rows, pss, rss = batch(src, n, jobs)
                print(f"3. batch {n:,} maternity rows, --jobs {jobs}: {rows:,.0f} rows/s end to end, "
                      f"peak memory {pss:,.0f} MiB PSS ({rss:,.0f} MiB RSS summed), all processes "
                      f"(targets >= 20,000 rows/s, < 200 MB)")
        src = Path(tmp) / "mix.csv"
        write_rows(src, 100_000, mix=True)
        for jobs in (1, 2):
            rows, pss, rss = batch(src, 100_000, jobs)
            print(f"   batch 100,000 rows of every kind (60% maternity; allowance and pregnancy-rest rows are "
                  f"several times dearer), --jobs {jobs}: {rows:,.0f} rows/s, peak memory {pss:,.0f} MiB PSS "
                  f"({rss:,.0f} MiB RSS summed)")
    print(f"4. CLI start-up, one `leavecalc maternity` call: {started:.3f} s median of 7 (target < 0.3 s)")


if __name__ == "__main__":
    main()
