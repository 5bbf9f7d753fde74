"""Leave and pay for a Spark DataFrame of cases: the columnar engine on each partition.

    from leavecalc.spark import leave_results
    results = leave_results(cases_df)       # a DataFrame, one row per case

It is ``cases_df.mapInArrow(fn, OUTPUT_DDL)``: Spark hands each partition to ``fn`` as Arrow
record batches, and ``fn`` returns :func:`tables.arrow_results` of each. Each Python worker
loads the policies and the holiday calendar once. Row order within a partition is kept; across
partitions Spark's usual rules apply (carry an ``id`` and join on it). Needs the ``spark``
extra; the cluster's Python workers need leavecalc with the ``columnar`` extra installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa

from .batch import Context
from .columnar import OUTPUT_SCHEMA

_SPARK_TYPES = {pa.string(): "string", pa.int64(): "bigint", pa.date32(): "date", pa.bool_(): "boolean"}
# The output schema as Spark DDL (`start`, `end` quoted: `end` is an SQL keyword).
OUTPUT_DDL = ", ".join(f"`{f.name}` {_SPARK_TYPES[f.type]}" for f in OUTPUT_SCHEMA)

_CONTEXTS: dict[tuple[str | None, str | None], Context] = {}  # per worker process: loaded once


def partition_function(jurisdiction: str | None = None, policy: str | None = None) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function ``mapInArrow`` runs on each partition (picklable: it names only strings)."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from .tables import arrow_results, context

        key = (jurisdiction, policy)
        if key not in _CONTEXTS:
            _CONTEXTS[key] = context(jurisdiction, policy)
        for batch in batches:
            yield from arrow_results(batch, _CONTEXTS[key]).to_batches()

    return run


def leave_results(cases: Any, jurisdiction: str | None = None, policy: str | None = None) -> Any:
    """A Spark DataFrame of results (``OUTPUT_DDL`` columns) for a DataFrame of batch input columns."""
    return cases.mapInArrow(partition_function(jurisdiction, policy), OUTPUT_DDL)
