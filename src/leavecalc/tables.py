"""Leave and pay for a whole table of cases: Arrow, pandas or polars in, the same kind out.

    import pandas as pd
    from leavecalc.tables import results_table

    cases = pd.DataFrame({"id": ["a1", "a2"], "kind": ["maternity", "paternity"],
                          "birth": ["2025-03-10", "2025-05-01"]})
    results = results_table(cases)          # a pandas DataFrame, one row per case, in order

The columns in and out are those of `leavecalc batch` (docs/batch.md); each output row is the
row the scalar engine gives for that case (docs/performance.md says how the columnar engine
makes sure of it). Needs the ``columnar`` extra (numpy, pyarrow); pandas or polars only if
you pass their tables.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from .batch import Context
from .columnar import OUTPUT_SCHEMA, RunState, compute_arrow
from .holiday_calendar import Calendar, bundled_calendar
from .policy import Policy, PolicyRegistry, bundled_policies

CHUNK = 262_144  # rows computed at once: bounds the memory numpy needs for a large table


def context(
    jurisdiction: str | None = None,
    policy: Policy | str | None = None,
    registry: PolicyRegistry | None = None,
    calendar: Calendar | None = None,
) -> Context:
    """What every row shares, as `leavecalc batch` builds it from its options."""
    registry = registry or bundled_policies()
    chosen = registry.resolve(policy) if isinstance(policy, str) else policy
    return Context(registry, calendar or bundled_calendar(), jurisdiction, chosen)


def arrow_results(table: pa.Table | pa.RecordBatch, ctx: Context) -> pa.Table:
    """The output table (:data:`columnar.OUTPUT_SCHEMA`) of an Arrow table of cases, in chunks."""
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    if table.num_rows <= CHUNK:
        return compute_arrow(table, ctx)
    state = RunState()
    parts = [compute_arrow(table.slice(i, CHUNK), ctx, state=state) for i in range(0, table.num_rows, CHUNK)]
    return pa.concat_tables(parts)


def results_table(
    cases: Any,
    jurisdiction: str | None = None,
    policy: Policy | str | None = None,
    registry: PolicyRegistry | None = None,
    calendar: Calendar | None = None,
) -> Any:
    """One result row per case, in order, as a table of the kind given.

    ``cases``: a ``pyarrow.Table`` or ``RecordBatch``, a pandas ``DataFrame`` or a polars
    ``DataFrame`` with the input columns of `leavecalc batch` (``id``, ``kind`` and the kind's
    columns; dates as ``YYYY-MM-DD`` text or date columns). ``jurisdiction``, ``policy``,
    ``registry`` and ``calendar`` are as the batch options (default: the bundled policies and
    holiday data). A row that cannot be computed has its reason in ``error``; nothing raises
    for a bad row. Output columns: ``columnar.OUTPUT_SCHEMA`` (dates as dates, money as text
    with two decimals, ``error`` null when there is none).
    """
    ctx = context(jurisdiction, policy, registry, calendar)
    module = type(cases).__module__.split(".")[0]
    if module == "pandas":
        out = arrow_results(pa.Table.from_pandas(cases, preserve_index=False), ctx)
        return out.to_pandas()
    if module == "polars":
        import polars

        return polars.from_arrow(arrow_results(cases.to_arrow(), ctx))
    if isinstance(cases, pa.RecordBatch):
        return arrow_results(cases, ctx).combine_chunks().to_batches()[0] if cases.num_rows else OUTPUT_SCHEMA.empty_table().to_batches()
    if isinstance(cases, pa.Table):
        return arrow_results(cases, ctx)
    raise TypeError(f"cases must be a pyarrow Table or RecordBatch, or a pandas or polars DataFrame, not {type(cases).__name__}")
