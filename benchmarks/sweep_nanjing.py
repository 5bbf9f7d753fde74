"""Every Nanjing answer as JSON, to show a change of the policy data leaves them unchanged.

    python benchmarks/sweep_nanjing.py OUT_DIR

writes OUT_DIR/maternity.jsonl (every birth 2022-02-10..2026-12-31 x delivery x 1-3 babies x
prenatal start 0/5/15/20 days early, with the maternity pay for one wage pair) and smaller sweeps
of miscarriage, paternity, parenting, pregnancy-rest pay and plan (one JSON line per case). Compare
two runs with ``diff -r`` (or ``cmp``), or with

    python benchmarks/sweep_nanjing.py --compare BEFORE AFTER [--ignore FIELD ...]

which prints the lines that differ once the named (added) fields are dropped. The policy is chosen as the CLI chooses it: the one in force
for jurisdiction nanjing on the deciding date.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from leavecalc import (
    MaternityCase,
    MiscarriageCase,
    ParentingCase,
    PaternityCase,
    PlanCase,
    bundled_calendar,
    bundled_policies,
    make_plan,
    maternity_leave,
    miscarriage_leave,
    parenting_leave,
    paternity_leave,
)
from leavecalc.errors import LeavecalcError
from leavecalc.pay import Wages, maternity_pay

FIRST, LAST = date(2022, 2, 10), date(2026, 12, 31)
DELIVERIES = ("normal", "cesarean", "assisted", "other_difficult")
EARLY = (0, 5, 15, 20)
JURISDICTION = "nanjing"


def days(first: date, last: date, step: int = 1) -> list[date]:
    return [first + timedelta(days=i) for i in range(0, (last - first).days + 1, step)]


def line(label: str, thunk: Any) -> str:
    try:
        return f"{label}\t{thunk().model_dump_json()}\n"
    except LeavecalcError as e:  # an error is an answer too: it must stay the same
        return f"{label}\terror: {e}\n"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    reg, cal = bundled_policies(), bundled_calendar()
    wages = Wages(avg_wage=Decimal("12345.67"), own_wage=Decimal("15000"))
    counts: dict[str, int] = {}

    def write(name: str, rows: list[str]) -> None:
        (out / f"{name}.jsonl").write_text("".join(rows), encoding="utf-8")
        counts[name] = len(rows)

    rows = []
    for birth in days(FIRST, LAST):
        pol = reg.in_force(JURISDICTION, birth)
        for delivery in DELIVERIES:
            for babies in (1, 2, 3):
                for early in EARLY:
                    case = MaternityCase(birth=birth, start=birth - timedelta(days=early), delivery=delivery, babies=babies)
                    rows.append(line(f"{birth} {delivery} {babies} -{early}", lambda: maternity_leave(pol, case, cal)))
                    if early == 0:
                        rows.append(line(f"pay {birth} {delivery} {babies}", lambda: maternity_pay(pol, case, cal, wages)))
    write("maternity", rows)

    rows = []
    for day in days(FIRST, LAST, 3):
        pol = reg.in_force(JURISDICTION, day)
        for weeks in (1, 7, 8, 9, 12, 13, 16, 27, 28, 29, 36):
            mc = MiscarriageCase(date=day, weeks=weeks)
            rows.append(line(f"{day} w{weeks}", lambda: miscarriage_leave(pol, mc, cal)))
        for months in (0, 1, 2, 3, 6, 7, 9):
            mc = MiscarriageCase(date=day, months=months)
            rows.append(line(f"{day} m{months}", lambda: miscarriage_leave(pol, mc, cal)))
    write("miscarriage", rows)

    rows = []
    for birth in days(FIRST, LAST, 2):
        pol = reg.in_force(JURISDICTION, birth)
        for delivery in ("normal", "cesarean"):
            for babies in (1, 2):
                pc = PaternityCase(birth=birth, delivery=delivery, babies=babies)
                rows.append(line(f"{birth} {delivery} {babies}", lambda: paternity_leave(pol, pc, cal)))
        pc = PaternityCase(birth=birth, start=birth + timedelta(days=100))
        rows.append(line(f"{birth} late", lambda: paternity_leave(pol, pc, cal)))
    write("paternity", rows)

    rows = []
    periods = reg.policies_of(JURISDICTION)  # as the CLI answers: each year under the rules then in force
    for birth in days(FIRST, LAST, 5):
        pol = reg.in_force(JURISDICTION, birth)
        for other in ((), (birth - timedelta(days=700),)):
            kc = ParentingCase(birth=birth, other_births=list(other))
            rows.append(line(f"{birth} {len(other)}", lambda: parenting_leave(pol, kc, cal, periods)))
        kc = ParentingCase(birth=birth, start=birth + timedelta(days=200), days=4)
        rows.append(line(f"{birth} block", lambda: parenting_leave(pol, kc, cal, periods)))
    write("parenting", rows)

    rows = []
    for birth in days(FIRST, LAST, 7):
        pol = reg.in_force(JURISDICTION, birth)
        for delivery, babies in (("normal", 1), ("cesarean", 2)):
            plc = PlanCase(birth=birth, delivery=delivery, babies=babies, due=birth + timedelta(days=3),
                           contract_end=birth + timedelta(days=30), dispute_known=birth + timedelta(days=40))
            rows.append(line(f"{birth} {delivery} {babies}", lambda: make_plan(pol, plc, cal, wages, periods)))
    write("plan", rows)

    print(" ".join(f"{k}={v}" for k, v in counts.items()))


def _drop(o: Any, fields: set[str]) -> Any:
    if isinstance(o, dict):
        return {k: _drop(v, fields) for k, v in o.items() if k not in fields}
    if isinstance(o, list):
        return [_drop(x, fields) for x in o]
    return o


def compare(before: Path, after: Path, fields: set[str]) -> int:
    import json

    differing = total = 0
    for f in sorted(before.glob("*.jsonl")):
        old, new = f.read_text(encoding="utf-8").splitlines(), (after / f.name).read_text(encoding="utf-8").splitlines()
        if len(old) != len(new):
            print(f"{f.name}: {len(old)} lines before, {len(new)} after")
            differing += 1
        for a, b in zip(old, new):
            total += 1
            (label, x), (_, y) = a.split("\t", 1), b.split("\t", 1)
            same = x == y if x.startswith("error") else _drop(json.loads(x), fields) == _drop(json.loads(y), fields)
            if not same:
                differing += 1
                print(f"{f.name}: {label}")
    print(f"{total} answers compared, {differing} differ (ignoring {sorted(fields) or 'nothing'})")
    return 1 if differing else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        ignore = {sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--ignore"}
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3]), ignore))
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sweep"))
