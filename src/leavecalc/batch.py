"""`leavecalc batch`: many cases from a CSV or JSON Lines file, one output row per input row.

The contract (docs/batch.md): every input row gives exactly one output row, in input order,
carrying its ``id``, with either the result fields or an ``error``. A bad row never stops the
run. Rows are read, computed and written one at a time, so memory stays flat.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal, cast

from .dates import parse_date
from .errors import InputError, LeavecalcError, Stopped
from .files import output_file
from .holiday_calendar import Calendar
from .kinds import ALL_INPUTS, OUTPUT_COLUMNS, Env, Input, Kind, input_spec, kind_named, solve
from .policy import Policy, PolicyRegistry

Format = Literal["csv", "jsonl", "parquet", "arrow"]
ARROW_FORMATS = ("parquet", "arrow")  # need the columnar extra (pyarrow)
# Rows the columnar engine takes at a time from CSV / JSON Lines (Python objects until computed,
# so smaller than its Parquet chunks), and what one worker of --jobs takes: half as many, which
# keeps two workers and their parent under 200 MB (about 160 MiB PSS against 190 at 8,192, for
# 4% less speed: docs/performance.md).
TEXT_CHUNK = 8_192
WORKER_CHUNK = 4_096
EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet",
              ".arrow": "arrow", ".feather": "arrow", ".ipc": "arrow"}


class BatchFileError(LeavecalcError):
    """The input as a whole cannot be read (missing, wrong encoding, no header): nothing is computed."""


@dataclass
class Context:
    """What every row shares: policies, calendar, defaults."""

    registry: PolicyRegistry
    calendar: Calendar
    jurisdiction: str | None = None
    policy: Policy | None = None  # --policy: used for every row that names none
    _env: Env | None = field(default=None, repr=False)

    @property
    def env(self) -> Env:
        if self._env is None:
            self._env = Env(self.calendar, self.registry)
        return self._env


@dataclass(frozen=True)
class RowError:
    """A record that could not be read as a row at all (bad JSON, a key given twice...)."""

    message: str
    id: str = ""


# An input record: a row's fields by name, or why it could not be read as one.
Record = Mapping[str, Any] | RowError

COLUMNS = list(OUTPUT_COLUMNS)
# Names a row may carry besides its kind's inputs.
ROW_NAMES = frozenset({"id", "kind"}) | ALL_INPUTS


def column_name(key: str) -> str:
    """Input names are the CLI option names: ``avg-wage``, ``avg_wage`` and ``Avg-Wage`` are one."""
    return key.strip().lower().replace("-", "_")


# ---------------------------------------------------------------- one row

_COUNT = re.compile(r"[+-]?\d+")
# Digits a count may have: far past any real one, short of int()'s limit and of slow arithmetic.
MAX_COUNT_DIGITS = 30
_TRUE, _FALSE = ("true", "1", "yes", "y"), ("false", "0", "no", "n")


def shown(value: Any) -> str:
    """A value in a message, cut short: a 100 KB cell must not come back whole."""
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def typed(spec: Input, value: Any, from_json: bool) -> Any:
    """A cell (CSV text) or JSON value as its input's type; anything else is a ValueError.

    JSON is taken as typed: a count must be a JSON integer (not ``true``, not ``10.5``), a
    flag ``true`` or ``false``, a date or a choice a string; money may be a number or text.
    """
    kind = spec.type
    if kind == "date":
        if isinstance(value, str):
            try:
                return parse_date(value)
            except ValueError:
                pass
        raise ValueError(f"{shown(value)} is not a date (use YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or YYYYMMDD)")
    if kind == "dates":
        items = value.split(";") if isinstance(value, str) else value if from_json and isinstance(value, list) else None
        if items is None:
            raise ValueError(f"{shown(value)} is not a list of dates (separated by ;)")
        return [typed(DATE_ITEM, v.strip() if isinstance(v, str) else v, from_json) for v in items if v != ""]
    if kind == "count":
        if from_json:
            if value.__class__ is int:
                return value
        elif _COUNT.fullmatch(value):
            if len(value) > MAX_COUNT_DIGITS:
                raise ValueError(f"{shown(value)} is too large a number")
            return int(value)
        raise ValueError(f"{shown(value)} is not a whole number")
    if kind == "flag":
        if from_json:
            if isinstance(value, bool):
                return value
        elif value.lower() in _TRUE or value.lower() in _FALSE:
            return value.lower() in _TRUE
        raise ValueError(f"{shown(value)} is not true or false")
    if kind == "money":
        if isinstance(value, str) or (from_json and value.__class__ in (int, Decimal)):
            return value
        raise ValueError(f"{shown(value)} is not an amount in yuan")
    if kind == "choices":
        items = value.split(";") if isinstance(value, str) else value if from_json and isinstance(value, list) else None
        if items is None or not all(isinstance(v, str) for v in items):
            raise ValueError(f"{shown(value)} is not a list of names (separated by ;)")
        return [v.strip() for v in items if v.strip()]
    if isinstance(value, str):  # choice
        return value
    raise ValueError(f"{shown(value)} is not text")


DATE_ITEM = Input("date", "date", "")


def row_fields(kind: Kind, row: Mapping[str, Any], from_json: bool) -> dict[str, Any]:
    """The row's inputs, typed; empty cells are absent. An input of another kind, or of none,
    is the row's error (a misspelt column must never be ignored)."""
    fields: dict[str, Any] = {}
    for name, value in row.items():
        if name in ("id", "kind") or value is None or (isinstance(value, str) and not (value := value.strip())):
            continue
        # An input of another kind, or of none, is an error (input_spec says which).
        spec = kind.input(name) or input_spec(kind, name)
        try:
            fields[name] = typed(spec, value, from_json)
        except ValueError as e:
            raise InputError(f"{name}: {e}", field=name, reason=str(e)) from None
    return fields


def describe(e: Exception) -> str:
    if isinstance(e, InputError) and e.field:
        return f"{e.field}: {e.reason}"
    return str(e)


def process(raw: Mapping[str, Any], ctx: Context, names_are_clean: bool = False) -> dict[str, Any]:
    """One input row to one output row. Never raises: any failure becomes the ``error`` column.

    ``names_are_clean``: the row is a CSV record whose names (the header) were checked already;
    otherwise it is a JSON object, typed, whose keys are checked here.
    """
    from_json = not names_are_clean
    row = raw
    if from_json:
        try:
            row = clean_keys(raw)
        except InputError as e:
            row_id = raw.get("id")
            return {"id": "" if row_id is None else str(row_id).strip(), "kind": "", "error": str(e)}
    row_id, kind_name = row.get("id"), row.get("kind")
    out: dict[str, Any] = {
        "id": "" if row_id is None else str(row_id).strip(),
        "kind": "" if kind_name is None else str(kind_name).strip(),
        "error": "",
    }
    try:
        if not out["id"]:
            raise InputError("missing id")
        if from_json and row_id.__class__ not in (str, int):
            raise InputError(f"id: {shown(row_id)} is not text or a whole number", field="id")
        kind = kind_named(out["kind"] if isinstance(kind_name, str) else kind_name)
        result = solve(kind, row_fields(kind, row, from_json), ctx.env, ctx.jurisdiction, ctx.policy, names_known=True)
        out.update(kind.row(result))
    except (LeavecalcError, ValueError) as e:
        out["error"] = describe(e)
    except Exception as e:  # the contract: a row is never lost, whatever goes wrong in it
        out["error"] = f"internal error: {e.__class__.__name__}: {e}"
    return out


def clean_keys(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON object's keys as column names. Two keys naming one column (``id`` and ``ID``) are
    an error: which one is meant cannot be known."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key is None:  # csv.DictReader: more cells than header names
            raise InputError("the row has more cells than the header has columns")
        name = column_name(key)
        if name in out:
            raise InputError(f"{name} is given twice (keys differing only in case, - or _ name one column)")
        out[name] = value
    return out


# ---------------------------------------------------------------- files

def detect_format(path: str | None, given: str | None, default: Format = "csv") -> Format:
    """The format named by --format, else by the file's extension; stdin/stdout (- or none) default."""
    if given:
        if given not in set(EXTENSIONS.values()):
            raise BatchFileError(f"--format must be csv, jsonl, parquet or arrow, not {given!r}")
        return given  # type: ignore[return-value]
    if path is None or path == "-":
        return default
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise BatchFileError(
            f"cannot tell the format of {path!r} from its extension: use .csv, .jsonl, .parquet or .arrow, or --format"
        )
    return fmt  # type: ignore[return-value]


def columnar_available() -> bool:
    """Whether the columnar engine can run (the ``columnar`` extra is installed)."""
    from importlib.util import find_spec

    return find_spec("numpy") is not None and find_spec("pyarrow") is not None


def check_input(path: str, fmt: Format, name: str | None = None) -> None:
    """Read the whole input once before computing anything, so a file that cannot be read row by
    row is a clean fatal error rather than a half-written output (line by line: memory stays
    flat). It must be UTF-8; a CSV must also split into records exactly as written: a quote never
    closed (it would swallow every later row) or a lone carriage return in a cell (it would split
    one record in two) is refused. ``name`` is how errors call the input (``-`` for standard
    input spooled to ``path``)."""
    shown = "standard input" if name == "-" else (name or path)
    try:
        with open(path, "rb") as f:
            for line_no, line in enumerate(f, 1):
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    raise BatchFileError(f"{shown}: line {line_no} is not UTF-8 text: save it as UTF-8") from None
        if fmt == "csv":
            allow_long_cells()
            with open(path, encoding="utf-8-sig", newline="\n") as f:
                reader = csv.reader(f, strict=True)
                try:
                    for _ in reader:
                        pass
                except csv.Error as e:
                    raise BatchFileError(f"{shown}: line {reader.line_num}: {csv_problem(e)}") from None
    except OSError as e:
        raise BatchFileError(f"{shown}: cannot read it ({e.strerror or e})") from None


# The longest text a cell may hold; a longer one (a pasted document) is its row's error.
MAX_CELL_CHARS = 10_000


def allow_long_cells() -> None:
    """The csv module refuses a cell over 128 KB by stopping the whole read; raise its limit so
    such a cell is read, and becomes its row's error (MAX_CELL_CHARS) instead."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))


def too_long(row: Mapping[str, Any]) -> RowError:
    """The error of a row with a cell past MAX_CELL_CHARS; its id is shown unless it is the long one."""
    name, value = next((k, v) for k, v in row.items() if isinstance(v, str) and len(v) > MAX_CELL_CHARS)
    row_id = row.get("id")
    shown_id = row_id.strip() if isinstance(row_id, str) and len(row_id) <= MAX_CELL_CHARS else ""
    return RowError(f"{column_name(str(name))[:40]}: {len(value)} characters, more than the {MAX_CELL_CHARS} a cell may hold", shown_id)


def csv_problem(e: csv.Error) -> str:
    text = str(e)
    if "unexpected end of data" in text:
        return "a quoted cell is never closed (a missing \") so the rows after it cannot be told apart: fix the quote"
    if "new-line character" in text:
        return "a carriage return (CR) inside a cell that is not quoted: quote the cell or remove the CR"
    return f"not valid CSV ({text}): every row must split into cells the same way"


def read_rows(f: IO[str], fmt: Format, name: str) -> Iterator[Record]:
    """The rows of the input (open it with ``newline="\\n"``). A CSV header is checked here,
    before any output is written: it must name id and kind, no column twice, and only columns
    some kind takes (a misspelt column is refused, never ignored)."""
    if fmt == "csv":
        allow_long_cells()
        reader = csv.reader(f, strict=True)
        header = next(reader, None)
        names = [column_name(h) for h in header or []]
        if not header or not {"id", "kind"} <= set(names):
            raise BatchFileError(f"{name}: missing header: the first line must name the columns, including id and kind")
        seen: dict[str, str] = {}
        for raw, n in zip(header, names):
            if n in seen:
                raise BatchFileError(f"{name}: the header names {n} twice ({seen[n]!r} and {raw!r}); keep one")
            seen[n] = raw
            if n not in ROW_NAMES:
                raise BatchFileError(
                    f"{name}: unknown column {shown(raw)} (the columns of docs/batch.md: {', '.join(sorted(ROW_NAMES))})"
                )
        return _csv_rows(reader, names)
    return _json_lines(f)


def _csv_rows(reader: Any, names: list[str]) -> Iterator[Record]:
    width = len(names)
    for cells in reader:
        if cells and max(map(len, cells)) > MAX_CELL_CHARS:
            yield too_long(dict(zip(names, cells)))
        elif len(cells) > width:
            given = dict(zip(names, cells))
            yield RowError("the row has more cells than the header has columns", str(given.get("id", "")).strip())
        elif not any(cells) and len(cells) <= 1:
            continue  # a blank line
        else:
            yield dict(zip(names, cells))


def _json_lines(f: IO[str]) -> Iterator[Record]:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line, parse_float=Decimal, parse_constant=_no_constant)
        except json.JSONDecodeError as e:
            yield RowError(f"line {n}: not valid JSON ({e.msg})")
            continue
        except ValueError as e:  # an integer past Python's digit limit, NaN
            problem = "a number with too many digits" if "digits" in str(e) else str(e)[:80]
            yield RowError(f"line {n}: not valid JSON ({problem})")
            continue
        except RecursionError:
            yield RowError(f"line {n}: not valid JSON (nested too deep)")
            continue
        if not isinstance(value, dict):
            yield RowError(f"line {n}: not a JSON object")
        elif not _encodable(value):
            yield RowError(f"line {n}: a string holds a lone surrogate (such as \\ud800), which is not text")
        elif any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in value.values()):
            yield too_long(value)
        else:
            yield value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _encodable(obj: dict[str, Any]) -> bool:
    """No key or string value holds a lone surrogate (JSON allows "\\ud800"; UTF-8 output cannot)."""
    try:
        for k, v in obj.items():
            k.encode("utf-8")
            if isinstance(v, str):
                v.encode("utf-8")
            elif isinstance(v, list):
                for item in v:
                    if isinstance(item, str):
                        item.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def none_if_empty(value: Any) -> Any:
    return None if value is None or value == "" else value


# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Columns that may echo what the input said; the others hold dates, numbers and codes.
ECHOED = tuple(COLUMNS.index(c) for c in ("id", "kind", "error"))
ERROR = COLUMNS.index("error")


def csv_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading '."""
    return "'" + value if value.startswith(FORMULA_START) else value


def json_cells(cells: Sequence[Any]) -> str:
    """One output row (its cells in the order of COLUMNS) as a JSON Lines record."""
    # U+2028/U+2029/U+0085 are line ends to JavaScript and to str.splitlines: escaped, so a
    # reader that splits on them still sees one record a line.
    text = json.dumps(dict(zip(COLUMNS, map(none_if_empty, cells))), ensure_ascii=False)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    return text


class Writer:
    def __init__(self, f: IO[str], fmt: Format, header: bool = True):
        self.f, self.fmt = f, fmt
        if fmt == "csv":
            self.csv = csv.writer(f, lineterminator="\n")
            self.quoted = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL)
            if header:
                self.csv.writerow(COLUMNS)

    def write(self, row: dict[str, Any]) -> None:
        self.write_cells(list(map(row.get, COLUMNS)))

    def write_cells(self, cells: Sequence[Any]) -> None:
        """One output row given as its cells in the order of COLUMNS (None: empty)."""
        if self.fmt == "csv":
            # Booleans as true/false, as in JSON; written inline: this runs for every cell of every row.
            cells = [("true" if v else "false") if v.__class__ is bool else v for v in cells]
            bare_cr = False
            for i in ECHOED:
                cell = cells[i]
                if cell:
                    cells[i] = csv_safe(str(cell))
                    bare_cr = bare_cr or "\r" in cell
            # The csv module leaves a CR unquoted when lines end in LF alone; a reader would then
            # split the record. Such a row (rare: an id holding a CR) has every cell quoted.
            (self.quoted if bare_cr else self.csv).writerow(cells)
        else:
            self.f.write(json_cells(cells))
            self.f.write("\n")


@dataclass
class Summary:
    rows: int = 0
    ok: int = 0
    errors: int = 0


def compute(raw: Record, ctx: Context, names_are_clean: bool) -> dict[str, Any]:
    if isinstance(raw, RowError):
        return {"id": raw.id, "kind": "", "error": raw.message}
    return process(raw, ctx, names_are_clean)


def chunks(rows: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# The context of a parallel run, set in the parent just before its workers are forked, so
# each worker inherits the loaded policies and calendar instead of loading them again.
_WORKER: tuple[Context, bool, Format] | None = None


def _write_chunk(chunk: list[Record]) -> tuple[str, Summary]:
    """A chunk's output rows as the text the writer would write (no header), with their count:
    formatting in the worker leaves the parent only reading and writing text."""
    assert _WORKER is not None
    ctx, names_are_clean, fmt = _WORKER
    text = io.StringIO()
    summary = Summary()
    _write_rows(_serial_cells(chunk, ctx, names_are_clean), Writer(text, fmt, header=False), summary)
    return text.getvalue(), summary


def _serial_cells(rows: Iterable[Record], ctx: Context, names_are_clean: bool) -> Iterator[Sequence[Any]]:
    """The output rows in one process, each as its cells in the order of COLUMNS (as the writers
    take them): by the columnar engine where it is installed (it hands what it cannot do in bulk
    to ``compute``, row by row; its rows go from its columns to cells without a dict each), else
    by ``compute``."""
    if columnar_available():
        from .arrow_io import computed_cells

        return computed_cells(rows, ctx, names_are_clean)
    return (list(map(compute(raw, ctx, names_are_clean).get, COLUMNS)) for raw in rows)


def _worker_signals() -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which cleans up and terminates them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _parallel(jobs: int) -> bool:
    import multiprocessing

    return jobs > 1 and "fork" in multiprocessing.get_all_start_methods()


def _in_workers(
    rows: Iterable[Record], ctx: Context, names_are_clean: bool, jobs: int, chunk_size: int | None, fmt: Format
) -> Iterator[tuple[str, Summary]]:
    """``_write_chunk`` for each chunk of ``rows``, in ``jobs`` forked worker processes, taken back
    in the order the chunks were sent; at most ``2 * jobs`` chunks are in flight, so order holds
    and memory stays flat. ``chunk_size`` defaults to WORKER_CHUNK with the columnar engine (large,
    so its per-chunk work pays) or 500 rows for the scalar engine."""
    import multiprocessing
    from collections import deque

    columnar = columnar_available()
    if chunk_size is None:
        chunk_size = WORKER_CHUNK if columnar else 500
    if columnar:
        # Loaded before the fork, so the workers share these pages rather than each load a copy
        # (pyarrow and numpy, and the calendar's count index: tens of MB a worker otherwise).
        import importlib

        from .count_index import count_index

        importlib.import_module(".arrow_io", __package__)
        count_index(ctx.calendar)
    global _WORKER
    _WORKER = (ctx, names_are_clean, fmt)
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_signals)
    try:
        pending: deque[Any] = deque()
        for chunk in chunks(rows, chunk_size):
            pending.append(pool.apply_async(_write_chunk, (chunk,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        pool.terminate()
        _WORKER = None


def _write_rows(rows: Iterable[Sequence[Any]], writer: Writer, summary: Summary, progress: Callable[[int], None] | None = None) -> None:
    for cells in rows:
        writer.write_cells(cells)
        summary.rows += 1
        if cells[ERROR]:
            summary.errors += 1
        else:
            summary.ok += 1
        if progress is not None and summary.rows % 10000 == 0:
            progress(summary.rows)


def run(
    rows: Iterable[Record],
    ctx: Context,
    writer: Writer,
    progress: Callable[[int], None] | None = None,
    names_are_clean: bool = False,
    jobs: int = 1,
    chunk_size: int | None = None,
) -> Summary:
    """Compute and write every row, in input order; with ``jobs`` > 1 (where processes can be
    forked), workers compute chunks of ``chunk_size`` rows and format them too, so the parent
    only reads the input and writes text."""
    summary = Summary()
    if not _parallel(jobs):
        _write_rows(_serial_cells(rows, ctx, names_are_clean), writer, summary, progress)
        return summary
    for text, part in _in_workers(rows, ctx, names_are_clean, jobs, chunk_size, writer.fmt):
        writer.f.write(text)
        summary.rows += part.rows
        summary.ok += part.ok
        summary.errors += part.errors
        if progress is not None:
            progress(summary.rows)
    return summary


class OutputClosed(LeavecalcError):
    """Standard output was closed by its reader (``leavecalc batch IN | head -1``): the run stops."""


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise Stopped(signum)

    try:
        old = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def run_files(
    source: str, target: str | None, fmt_in: str | None, fmt_out: str | None, ctx: Context, jobs: int = 1
) -> Summary:
    """Stream ``source`` (a path, or - for stdin) to ``target`` (a path, or stdout).

    Nothing is written until the input has been checked (readable, UTF-8, whole CSV records, a
    header). A target file is written through :func:`~leavecalc.files.output_file`: it is
    replaced only once every row is out, so a run that fails or is stopped (Ctrl-C, SIGTERM)
    never leaves it empty or half-written, and leaves no temporary file behind.
    """
    in_fmt = detect_format(source, fmt_in)
    # A device or FIFO (-o /dev/stdout) has no extension to go by: the input's format, as stdout.
    out_fmt = detect_format(None if _not_a_file(target) else target, fmt_out, default=in_fmt)
    to_file = bool(target) and target != "-"
    if to_file and source != "-" and Path(target).exists() and _same_file(source, str(target)):  # type: ignore[arg-type]
        raise BatchFileError(f"{target} is the input file: write the output to another file")
    if in_fmt in ARROW_FORMATS or out_fmt in ARROW_FORMATS:
        if not columnar_available():
            raise BatchFileError("Parquet and Arrow files need pyarrow: pip install 'leavecalc[parquet]'")
        from .arrow_io import run_arrow_files

        with _stop_on_sigterm():
            return run_arrow_files(source, target, in_fmt, out_fmt, ctx)
    from .progress import Progress

    with _stop_on_sigterm(), spooled(source) as path:
        check_input(path, in_fmt, source)
        # newline="\n": a lone CR is data, never a line end (check_input refused it in a CSV cell).
        with open(path, encoding="utf-8-sig", newline="\n") as fin:
            rows = read_rows(fin, in_fmt, source)  # checks the header before any output
            progress = Progress(total=os.path.getsize(path), done=cast(Any, fin).buffer.tell)  # bytes read
            if to_file:
                with output_file(str(target), BatchFileError) as fout:
                    summary = run(rows, ctx, Writer(fout, out_fmt), progress, in_fmt == "csv", jobs)
            else:
                summary = _run_to_stdout(rows, ctx, out_fmt, progress, in_fmt == "csv", jobs)
    progress.close()
    return summary


def _run_to_stdout(
    rows: Iterable[Record], ctx: Context, fmt: Format, progress: Callable[[int], None] | None, clean: bool, jobs: int
) -> Summary:
    try:
        summary = run(rows, ctx, Writer(sys.stdout, fmt), progress, clean, jobs)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has all it wanted; point stdout at /dev/null so the exit flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise OutputClosed("standard output was closed by its reader: stopped") from None
    return summary


def _not_a_file(path: str | None) -> bool:
    try:
        return path is not None and path != "-" and not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@contextmanager
def spooled(source: str) -> Iterator[str]:
    """A path to read ``source`` from: the file itself, or standard input copied to a temporary
    file first (so stdin gets the same up-front checks as a file, with memory still flat)."""
    if source != "-":
        yield source
        return
    spool = tempfile.NamedTemporaryFile(prefix="leavecalc-stdin-", delete=False)
    try:  # removed however the run ends, even if stopped while copying
        with spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
        yield spool.name
    finally:
        os.unlink(spool.name)
