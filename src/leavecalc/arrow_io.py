"""`leavecalc batch` on the columnar engine: Parquet and Arrow IPC files, and CSV / JSON Lines
computed a chunk of rows at a time (needs the ``columnar`` extra: numpy, pyarrow).

The contract is the batch contract (docs/batch.md): one output row per input row, in order;
an output file replaces the target only once every row is out. Memory stays flat: a chunk of
rows is read, computed and written before the next is read.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, cast

import pyarrow as pa

from .batch import COLUMNS, TEXT_CHUNK, BatchFileError, Context, Format, Record, Summary, Writer, check_input, chunks, column_name, read_rows, spooled
from .columnar import DATE_COLUMNS, OUTPUT_SCHEMA, RunState, arrow_inputs, compute_arrow, compute_rows
from .files import output_file
from .progress import Progress

CHUNK = 131_072  # rows per chunk: large enough for numpy to pay, small enough to keep memory flat


def _shown(table: pa.Table, name: str) -> Any:
    """An output column as the CSV and JSON Lines writers take it (dates as text)."""
    return table[name].cast(pa.string()) if name in DATE_COLUMNS else table[name]


def table_cells(table: pa.Table) -> Iterator[tuple[Any, ...]]:
    """The rows of an output table as their cells in the order of COLUMNS (None: empty), as the
    CSV and JSON Lines writers take them (dates as text)."""
    return zip(*(_shown(table, c).to_pylist() for c in COLUMNS))


def output_rows(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of an output table as the CSV and JSON Lines writers take them (dates as text)."""
    cols = [_shown(table, c) for c in table.column_names]
    return pa.Table.from_arrays(cols, names=table.column_names).to_pylist()  # type: ignore[no-any-return]


def _computed_chunks(rows: Iterable[Record], ctx: Context, names_are_clean: bool) -> Iterator[tuple[pa.Table, dict[int, dict[str, Any]]]]:
    """Each chunk of ``rows`` computed: its output table, and the rows of it the scalar engine
    computed (by index in the chunk), which take the place of the table's."""
    state = RunState()
    for chunk in chunks(rows, TEXT_CHUNK):
        scalar: dict[int, dict[str, Any]] = {}
        yield compute_rows(chunk, ctx, names_are_clean, scalar_rows=scalar, state=state), scalar


def computed_rows(rows: Iterable[Record], ctx: Context, names_are_clean: bool) -> Iterator[dict[str, Any]]:
    """The output rows of ``rows`` by the columnar engine, a chunk at a time, as dicts: a row
    computed in bulk has the keys the scalar engine's ``batch.compute`` would give it (the
    columns its kind fills), so the two can be compared row for row (tests/test_columnar.py)."""
    for table, scalar in _computed_chunks(rows, ctx, names_are_clean):
        for i, row in enumerate(output_rows(table)):
            done = scalar.get(i)
            yield {k: v for k, v in row.items() if v is not None} | {"error": ""} if done is None else done


def computed_cells(rows: Iterable[Record], ctx: Context, names_are_clean: bool) -> Iterator[Sequence[Any]]:
    """``computed_rows``, each row as its cells in the order of the output COLUMNS (None: empty)
    for the CSV and JSON Lines writers: a row computed in bulk goes from the table's columns to
    its cells without a dict of its own."""
    for table, scalar in _computed_chunks(rows, ctx, names_are_clean):
        for i, cells in enumerate(table_cells(table)):
            done = scalar.get(i)
            yield cells if done is None else list(map(done.get, COLUMNS))


def _count(summary: Summary, table: pa.Table) -> None:
    errors = table.num_rows - table["error"].null_count
    summary.rows += table.num_rows
    summary.errors += errors
    summary.ok += table.num_rows - errors


# ---------------------------------------------------------------- reading

def _arrow_batches(path: str, fmt: Format, name: str) -> tuple[Iterator[pa.RecordBatch], int, pa.Schema]:
    """(record batches, number of rows, schema) of a Parquet or Arrow IPC file."""
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pf = pq.ParquetFile(path)
            return pf.iter_batches(batch_size=CHUNK), pf.metadata.num_rows, pf.schema_arrow
        try:
            reader = pa.ipc.open_file(path)
            batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
            return batches, reader.count_rows(), reader.schema
        except pa.ArrowInvalid:  # not the file format: perhaps the stream format
            stream = pa.ipc.open_stream(path)
            return iter(stream), 0, stream.schema
    except (pa.ArrowException, OSError) as e:
        raise BatchFileError(f"{name}: cannot read it as {'Parquet' if fmt == 'parquet' else 'Arrow IPC'} ({e})") from None


def _check_columns(schema: pa.Schema, name: str) -> None:
    """The columns are checked as a CSV header is, before any output: id and kind, each name
    once, only columns some kind takes; and of types that can be read."""
    names = [column_name(n) for n in schema.names]
    if not {"id", "kind"} <= set(names):
        raise BatchFileError(f"{name}: the columns must include id and kind")
    try:
        arrow_inputs(schema.empty_table())
    except (ValueError, TypeError) as e:
        raise BatchFileError(f"{name}: {e}") from None


def _rechunked(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.Table]:
    """Record batches regrouped into chunks of about CHUNK rows (IPC files may hold tiny ones)."""
    held: list[pa.RecordBatch] = []
    rows = 0
    for b in batches:
        held.append(b)
        rows += b.num_rows
        if rows >= CHUNK:
            yield pa.Table.from_batches(held)
            held, rows = [], 0
    if held:
        yield pa.Table.from_batches(held)


# ---------------------------------------------------------------- writing

class TableWriter:
    """Output tables to a file in any batch format."""

    def __init__(self, f: IO[bytes], fmt: Format):
        self.fmt = fmt
        self._text: io.TextIOWrapper | None = None
        self._rows: Writer | None = None
        self._arrow: Any = None
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self._arrow = pq.ParquetWriter(f, OUTPUT_SCHEMA)
        elif fmt == "arrow":
            self._arrow = pa.ipc.new_file(f, OUTPUT_SCHEMA)
        else:
            self._text = io.TextIOWrapper(f, encoding="utf-8", newline="", write_through=False)
            self._rows = Writer(self._text, fmt)

    def write(self, table: pa.Table) -> None:
        if self._arrow is not None:
            self._arrow.write_table(table)
        else:
            assert self._rows is not None
            for cells in table_cells(table):
                self._rows.write_cells(cells)

    def close(self) -> None:
        if self._arrow is not None:
            self._arrow.close()
        elif self._text is not None:
            self._text.flush()
            self._text.detach()


# ---------------------------------------------------------------- the run

def run_arrow_files(source: str, target: str | None, in_fmt: Format, out_fmt: Format, ctx: Context) -> Summary:
    """``batch.run_files`` where the input or the output is Parquet or Arrow IPC."""
    to_file = bool(target) and target != "-"
    with spooled(source) as path:
        if in_fmt in ("parquet", "arrow"):
            batches, total, schema = _arrow_batches(path, in_fmt, source)
            _check_columns(schema, source)
            progress = Progress(total=total or None)
            state = RunState()
            tables = (compute_arrow(t, ctx, state=state) for t in _rechunked(batches))
            return _write(tables, target if to_file else None, out_fmt, progress)
        check_input(path, in_fmt, source)
        with open(path, encoding="utf-8-sig", newline="\n") as fin:  # as batch.run_files reads it
            rows = read_rows(fin, in_fmt, source)  # checks the header before any output
            progress = Progress(total=os.path.getsize(path), done=cast(Any, fin).buffer.tell)  # bytes read
            names_are_clean = in_fmt == "csv"
            state = RunState()
            tables = (compute_rows(c, ctx, names_are_clean, state=state) for c in chunks(rows, TEXT_CHUNK))
            return _write(tables, target if to_file else None, out_fmt, progress)


def _write(tables: Iterator[pa.Table], target: str | None, fmt: Format, progress: Progress) -> Summary:
    """Write every table to ``target`` (or standard output), replacing it only at the end."""
    summary = Summary()
    if target is not None:
        with output_file(target, BatchFileError, binary=True) as f:
            _write_to(f, tables, fmt, progress, summary)
    else:  # standard output: Parquet's footer is written last, so the whole file is copied once done
        with tempfile.TemporaryFile() as f:
            _write_to(f, tables, fmt, progress, summary)
            f.seek(0)
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    progress.close()
    return summary


def _write_to(f: IO[bytes], tables: Iterator[pa.Table], fmt: Format, progress: Progress, summary: Summary) -> None:
    writer = TableWriter(f, fmt)
    try:
        for table in tables:
            writer.write(table)
            _count(summary, table)
            progress.update(summary.rows)
    finally:
        writer.close()
