"""What no change to leavecalc's own code can remove (issue 14; not part of the test suite):

    python benchmarks/floor.py

1. importing the design card's CLI and model libraries, ``typer`` and ``pydantic.BaseModel``,
   in a fresh interpreter (median of 7), beside a bare ``python -c pass``: the start-up of any
   ``leavecalc`` command includes both;
2. building the objects of one maternity result from values already computed (the result, its
   segments and their parts, as the engine builds them, over benchmarks/run.py's fixed mix):
   what a result costs before any date is counted.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import run as common  # noqa: E402

from leavecalc import bundled_calendar, bundled_policies, maternity_leave  # noqa: E402
from leavecalc.results import LeaveResult, Segment, SegmentPart, built  # noqa: E402


def interpreter(code: str, times: int = 7) -> float:
    samples = []
    for _ in range(times):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def plan_of(r: LeaveResult) -> tuple[dict[str, Any], list[tuple[dict[str, Any], list[dict[str, Any]]]]]:
    """The values of ``r``'s objects, ready to build again (untimed)."""
    segments = [({k: v for k, v in s.__dict__.items() if k != "parts"}, [dict(p.__dict__) for p in s.parts]) for s in r.segments]
    return {k: v for k, v in r.__dict__.items() if k != "segments"}, segments


def rebuild(result: dict[str, Any], segments: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> LeaveResult:
    """A result built again object by object from its values, as the engine builds it (each
    part, each segment with its parts, the result with its segments), lists copied as the engine
    gives each result lists of its own."""
    return built(LeaveResult, **result, segments=[
        built(Segment, **{**values, "basis": list(values["basis"])}, parts=[built(SegmentPart, **p) for p in parts])
        for values, parts in segments
    ])


def main() -> None:
    bare = interpreter("pass")
    deps = interpreter("import typer; from pydantic import BaseModel")
    print(f"1. a bare interpreter: {bare:.3f} s; importing typer and pydantic.BaseModel: {deps:.3f} s "
          f"(median of 7; the CLI start-up target is < 0.25 s)")
    registry, calendar = bundled_policies(), bundled_calendar()
    plans = [plan_of(maternity_leave(registry.in_force("nanjing", c.birth), c, calendar)) for c in common.fixed_cases()]
    best = float("inf")
    for _ in range(5):
        t = time.process_time()
        for result, segments in plans:
            rebuild(result, segments)
        best = min(best, time.process_time() - t)
    per = best / len(plans) * 1e6
    print(f"2. building the objects of one maternity result from computed values: {per:.1f} µs "
          f"(so at most {1e6 / per:,.0f} results/s before any counting; the scalar target is >= 100,000/s, 10 µs)")


if __name__ == "__main__":
    main()
