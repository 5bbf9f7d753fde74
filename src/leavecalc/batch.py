"""`leavecalc batch`: many cases from a CSV or JSON Lines file, one output row per input row.

The contract (docs/batch.md): every input row gives exactly one output row, in input order,
carrying its ``id``, with either the result fields or an ``error``. A bad row never stops the
run. Rows are read, computed and written one at a time, so memory stays flat.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from .dates import parse_date
from .errors import LeavecalcError
from .holiday_calendar import Calendar
from .maternity import MaternityCase, maternity_leave
from .miscarriage import MiscarriageCase, miscarriage_leave
from .policy import Policy, PolicyRegistry
from .results import LeaveResult

Format = Literal["csv", "jsonl"]


class BatchFileError(LeavecalcError):
    """The input as a whole cannot be read (missing, wrong encoding, no header): nothing is computed."""


@dataclass
class Context:
    """What every row shares: policies, calendar, defaults. Policies are looked up once per id."""

    registry: PolicyRegistry
    calendar: Calendar
    jurisdiction: str = "nanjing"
    policy: Policy | None = None  # --policy: used for every row that names none
    _by_id: dict[str, Policy] = field(default_factory=dict)

    def policy_for(self, row: Mapping[str, Any], day: Any) -> Policy:
        chosen = row.get("policy")
        if chosen:
            if chosen not in self._by_id:
                self._by_id[chosen] = self.registry.get(chosen)
            return self._by_id[chosen]
        if self.policy is not None:
            return self.policy
        return self.registry.in_force(row.get("jurisdiction") or self.jurisdiction, day)


def leave_fields(r: LeaveResult) -> dict[str, Any]:
    return {
        "policy": r.policy,
        "total_days": r.total_days,
        "start": r.start.isoformat(),
        "end": r.end.isoformat(),
        "return_to_work": r.return_to_work.isoformat(),
        "provisional": r.provisional,
        "warnings": ";".join(w.code for w in r.warnings),
    }


def as_date(row: Mapping[str, Any], name: str) -> date | None:
    """Dates must be text (dates.py): a JSON number is refused rather than read as Unix time."""
    value = row.get(name)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            pass
    raise ValueError(f"{name}: {value!r} is not a date (use YYYY-MM-DD, YYYY/M/D or YYYYMMDD)")


def birth_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """The columns of a birth, as the maternity, paternity and allowance kinds take them."""
    return {
        "birth": as_date(row, "birth"),
        "start": as_date(row, "start"),
        "delivery": row.get("delivery") or "normal",
        "babies": row.get("babies") or 1,
    }


def maternity_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    case = MaternityCase(**birth_fields(row))
    return leave_fields(maternity_leave(ctx.policy_for(row, case.birth), case, ctx.calendar))


def miscarriage_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    case = MiscarriageCase(date=as_date(row, "date"), weeks=row.get("weeks"), months=row.get("months"))
    return leave_fields(miscarriage_leave(ctx.policy_for(row, case.date), case, ctx.calendar))


def paternity_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    from .paternity import PaternityCase, paternity_leave

    case = PaternityCase(
        **birth_fields(row),
        mother_start=as_date(row, "mother_start"),
        mother_end=as_date(row, "mother_end"),
    )
    return leave_fields(paternity_leave(ctx.policy_for(row, case.birth), case, ctx.calendar))


def parenting_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    """The whole entitlement (``total_days`` from birth to ``end``); with ``start``, the block too."""
    from .parenting import ParentingCase, parenting_leave

    case = ParentingCase(birth=as_date(row, "birth"), start=as_date(row, "start"), days=row.get("days"))
    r = parenting_leave(ctx.policy_for(row, case.birth), case, ctx.calendar)
    out = {
        "policy": r.policy,
        "total_days": r.total_days,
        "start": r.birth.isoformat(),
        "end": r.last_day.isoformat(),
        "provisional": r.provisional,
        "warnings": ";".join(w.code for w in r.warnings),
    }
    if r.block is not None:
        out |= {
            "block_start": r.block.start.isoformat(),
            "block_end": r.block.end.isoformat(),
            "return_to_work": r.block.return_to_work.isoformat(),
        }
    return out


def flag(row: Mapping[str, Any], name: str) -> bool:
    value = row.get(name, False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "y"):
        return True
    if text in ("false", "0", "no", "n", ""):
        return False
    raise ValueError(f"{name}: {value!r} is not true or false")


def allowance_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    """As ``leavecalc allowance``: from ``days`` (with ``on`` or ``policy``), or from a ``birth``."""
    from .pay import Wages, allowance_for_days, maternity_pay

    wages = Wages(avg_wage=row.get("avg_wage"), own_wage=row.get("own_wage"), insured=not flag(row, "uninsured"))
    if row.get("days") is not None:
        if row.get("birth") is not None:
            raise ValueError("give days or birth, not both")
        on = as_date(row, "on")
        if on is None and not row.get("policy") and ctx.policy is None:
            raise ValueError("days without a birth needs on (a date, to choose the policy) or policy")
        r = allowance_for_days(ctx.policy_for(row, on), int(row["days"]), wages, on)
    else:
        case = MaternityCase(**birth_fields(row))
        r = maternity_pay(ctx.policy_for(row, case.birth), case, ctx.calendar, wages)
    return {
        "policy": r.policy,
        "days": r.days,
        "daily_rate": str(r.daily_rate),
        "amount": str(r.amount),
        "employer_top_up": str(r.employer_top_up),
        "paid_by": r.paid_by,
        "start": r.leave_start.isoformat() if r.leave_start else None,
        "end": r.leave_end.isoformat() if r.leave_end else None,
        "warnings": ";".join(w.code for w in r.warnings),
    }


def pregnancy_rest_row(row: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
    """As ``leavecalc pregnancy-rest``: columns ``from``, ``to``, ``pay``."""
    from .pay import RestCase, pregnancy_rest_pay

    case = RestCase(start=as_date(row, "from"), end=as_date(row, "to"), pay=row.get("pay"))
    r = pregnancy_rest_pay(ctx.policy_for(row, case.start), case, ctx.registry.policies)
    return {
        "policy": r.policy,
        "start": r.start.isoformat(),
        "end": r.end.isoformat(),
        "floor_total": str(r.floor_total),
        "paid_total": str(r.paid_total),
        "shortfall_total": str(r.shortfall_total),
        "warnings": ";".join(w.code for w in r.warnings),
    }


# kind -> computes the result fields of one row. New kinds add themselves here.
KINDS: dict[str, Callable[[Mapping[str, Any], Context], dict[str, Any]]] = {
    "maternity": maternity_row,
    "miscarriage": miscarriage_row,
    "paternity": paternity_row,
    "parenting": parenting_row,
    "allowance": allowance_row,
    "pregnancy_rest": pregnancy_rest_row,
}

# Output columns, fixed so a streamed CSV can write its header first. A column a kind does not
# fill is empty (CSV) or null (JSON Lines). Money is text with two decimals, as in --json.
COLUMNS = [
    "id", "kind", "error", "policy", "total_days", "start", "end", "return_to_work", "provisional",
    "block_start", "block_end", "days", "daily_rate", "amount", "employer_top_up", "paid_by",
    "floor_total", "paid_total", "shortfall_total", "warnings",
]


def column_name(key: str) -> str:
    """Input names are the CLI option names: ``avg-wage``, ``avg_wage`` and ``Avg-Wage`` are one."""
    return key.strip().lower().replace("-", "_")


def clean(raw: Mapping[str, Any], names_are_clean: bool = False) -> dict[str, Any]:
    """The row's fields with surrounding spaces removed; empty cells are absent."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key is None:  # csv: more cells than header names
            raise ValueError("the row has more cells than the header has columns")
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        elif value is None:
            continue
        out[key if names_are_clean else column_name(key)] = value
    return out


def describe(e: Exception) -> str:
    if isinstance(e, ValidationError):
        err = e.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        return (f"{where}: " if where else "") + err["msg"].removeprefix("Value error, ")
    return str(e)


def process(raw: Mapping[str, Any], ctx: Context, names_are_clean: bool = False) -> dict[str, Any]:
    """One input row to one output row. Never raises: any failure becomes the ``error`` column."""
    row_id = raw.get("id")
    kind = raw.get("kind")
    out: dict[str, Any] = {
        "id": "" if row_id is None else str(row_id).strip(),
        "kind": "" if kind is None else str(kind).strip(),
        "error": "",
    }
    try:
        row = clean(raw, names_are_clean)
        if "id" not in row:
            raise ValueError("missing id")
        handler = KINDS.get(str(row.get("kind", "")).strip())
        if handler is None:
            raise ValueError(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
        out.update(handler(row, ctx))
    except (LeavecalcError, ValidationError, ValueError, TypeError) as e:
        out["error"] = describe(e)
    except Exception as e:  # the contract: a row is never lost, whatever goes wrong in it
        out["error"] = f"internal error: {e.__class__.__name__}: {e}"
    return out


# ---------------------------------------------------------------- files

def detect_format(path: str | None, given: str | None, default: Format = "csv") -> Format:
    """The format named by --format, else by the file's extension; stdin/stdout (- or none) default."""
    if given:
        if given not in ("csv", "jsonl"):
            raise BatchFileError(f"--format must be csv or jsonl, not {given!r}")
        return given  # type: ignore[return-value]
    if path is None or path == "-":
        return default
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise BatchFileError(f"cannot tell the format of {path!r} from its extension: use .csv or .jsonl, or --format")


def check_encoding(path: str, name: str | None = None) -> None:
    """Read the whole file once as UTF-8 before computing anything, so a wrong encoding is a clean
    fatal error rather than a half-written output (line by line: memory stays flat). ``name`` is
    how errors call the input (``-`` for standard input spooled to ``path``)."""
    shown = "standard input" if name == "-" else (name or path)
    try:
        with open(path, "rb") as f:
            for line_no, line in enumerate(f, 1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    raise BatchFileError(f"{shown}: line {line_no} is not UTF-8 text: save it as UTF-8") from None
    except OSError as e:
        raise BatchFileError(f"{shown}: cannot read it ({e.strerror or e})") from None


def read_rows(f: IO[str], fmt: Format, name: str) -> Iterator[dict[str, Any]]:
    """The rows of the input. A CSV header is checked here, before any output is written."""
    if fmt == "csv":
        reader = csv.DictReader(f)
        header = reader.fieldnames
        if not header or not {"id", "kind"} <= {column_name(h) for h in header}:
            raise BatchFileError(f"{name}: missing header: the first line must name the columns, including id and kind")
        reader.fieldnames = [column_name(h) for h in header]
        return reader
    return _json_lines(f)


def _json_lines(f: IO[str]) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield {"id": None, "kind": None, "__error__": f"line {n}: not valid JSON ({e.msg})"}
            continue
        yield value if isinstance(value, dict) else {"__error__": f"line {n}: not a JSON object"}


def none_if_empty(value: Any) -> Any:
    return None if value is None or value == "" else value


class Writer:
    def __init__(self, f: IO[str], fmt: Format):
        self.f, self.fmt = f, fmt
        if fmt == "csv":
            self.csv = csv.writer(f, lineterminator="\n")
            self.csv.writerow(COLUMNS)

    def write(self, row: dict[str, Any]) -> None:
        if self.fmt == "csv":
            # Booleans as true/false, as in JSON; written inline: this runs for every cell of every row.
            self.csv.writerow([("true" if v else "false") if v.__class__ is bool else v for v in map(row.get, COLUMNS)])
        else:
            self.f.write(json.dumps({k: none_if_empty(row.get(k)) for k in COLUMNS}, ensure_ascii=False))
            self.f.write("\n")


@dataclass
class Summary:
    rows: int = 0
    ok: int = 0
    errors: int = 0


def compute(raw: Mapping[str, Any], ctx: Context, names_are_clean: bool) -> dict[str, Any]:
    if "__error__" in raw:
        return {"id": "", "kind": "", "error": raw["__error__"]}
    return process(raw, ctx, names_are_clean)


def chunks(rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[list[Mapping[str, Any]]]:
    chunk: list[Mapping[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# The context of a parallel run, set in the parent just before its workers are forked, so
# each worker inherits the loaded policies and calendar instead of loading them again.
_WORKER: tuple[Context, bool] | None = None


def _compute_chunk(chunk: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    ctx, names_are_clean = _WORKER
    return [compute(raw, ctx, names_are_clean) for raw in chunk]


def computed(
    rows: Iterable[Mapping[str, Any]], ctx: Context, names_are_clean: bool = False, jobs: int = 1, chunk_size: int = 500
) -> Iterator[dict[str, Any]]:
    """The output row of each input row, in input order.

    With ``jobs`` > 1 (and where processes can be forked), chunks of rows are computed by that
    many worker processes; results are taken back in the order the chunks were sent, and at most
    ``4 * jobs`` chunks are in flight, so order holds and memory stays flat.
    """
    import multiprocessing

    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for raw in rows:
            yield compute(raw, ctx, names_are_clean)
        return
    global _WORKER
    _WORKER = (ctx, names_are_clean)
    from collections import deque

    pool = multiprocessing.get_context("fork").Pool(jobs)
    try:
        pending: deque[Any] = deque()
        for chunk in chunks(rows, chunk_size):
            pending.append(pool.apply_async(_compute_chunk, (chunk,)))
            if len(pending) >= 4 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        pool.terminate()
        _WORKER = None


def run(
    rows: Iterable[Mapping[str, Any]],
    ctx: Context,
    writer: Writer,
    progress: Callable[[int], None] | None = None,
    names_are_clean: bool = False,
    jobs: int = 1,
) -> Summary:
    summary = Summary()
    for out in computed(rows, ctx, names_are_clean, jobs):
        writer.write(out)
        summary.rows += 1
        if out["error"]:
            summary.errors += 1
        else:
            summary.ok += 1
        if progress is not None and summary.rows % 10000 == 0:
            progress(summary.rows)
    return summary


def run_files(
    source: str, target: str | None, fmt_in: str | None, fmt_out: str | None, ctx: Context, jobs: int = 1
) -> Summary:
    """Stream ``source`` (a path, or - for stdin) to ``target`` (a path, or stdout).

    Nothing is written until the input has been checked (readable, UTF-8, a header). A target
    file is written beside itself under a temporary name and only replaces ``target`` once every
    row is out, so a run that fails never leaves ``target`` empty or half-written.
    """
    in_fmt = detect_format(source, fmt_in)
    out_fmt = detect_format(target, fmt_out, default=in_fmt)
    to_file = bool(target) and target != "-"
    if to_file and source != "-" and Path(target).exists() and _same_file(source, str(target)):  # type: ignore[arg-type]
        raise BatchFileError(f"{target} is the input file: write the output to another file")
    with _spooled(source) as path:
        check_encoding(path, source)
        progress = None
        if sys.stderr.isatty():
            def progress(n: int) -> None:
                sys.stderr.write(f"\r{n:,} rows")
                sys.stderr.flush()
        with open(path, encoding="utf-8-sig", newline="") as fin:
            rows = read_rows(fin, in_fmt, source)  # checks the header before any output
            if not to_file:
                summary = run(rows, ctx, Writer(sys.stdout, out_fmt), progress, in_fmt == "csv", jobs)
            else:
                summary = _run_to_file(rows, ctx, str(target), out_fmt, progress, in_fmt == "csv", jobs)
    if progress is not None:
        sys.stderr.write("\r")
    return summary


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _run_to_file(
    rows: Iterable[Mapping[str, Any]],
    ctx: Context,
    target: str,
    fmt: Format,
    progress: Callable[[int], None] | None,
    names_are_clean: bool,
    jobs: int,
) -> Summary:
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, temp = tempfile.mkstemp(prefix=".leavecalc-", suffix=".part", dir=folder)
    except OSError as e:
        raise BatchFileError(f"{target}: cannot write there ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fout:
            summary = run(rows, ctx, Writer(fout, fmt), progress, names_are_clean, jobs)
        os.chmod(temp, _file_mode(target))  # mkstemp makes it private; give it what open() would
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return summary


def _file_mode(target: str) -> int:
    """The permissions ``target`` has, or a new file would get (0666 less the umask)."""
    try:
        return os.stat(target).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _spooled(source: str) -> Iterator[str]:
    """A path to read ``source`` from: the file itself, or standard input copied to a temporary
    file first (so stdin gets the same up-front checks as a file, with memory still flat)."""
    if source != "-":
        yield source
        return
    with tempfile.NamedTemporaryFile(prefix="leavecalc-stdin-", delete=False) as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
    try:
        yield spool.name
    finally:
        os.unlink(spool.name)
