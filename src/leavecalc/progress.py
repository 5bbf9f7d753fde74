"""A progress line on standard error for long batch runs: shown on a terminal only."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO


class Progress:
    """``[#####-----]  52%  1,234,567 rows  8 s`` when the total is known (rows, or bytes read
    with ``done``), else a row count. Redrawn at most five times a second; silent when the
    stream is not a terminal (a pipe, a log file)."""

    def __init__(self, total: int | None = None, done: Callable[[], int] | None = None, stream: IO[str] | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.on = self.stream.isatty()
        self.total, self.done = total, done
        self.started = self.shown = time.monotonic()

    def update(self, rows: int) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if now - self.shown < 0.2:
            return
        self.shown = now
        line = f"{rows:,} rows  {now - self.started:,.0f} s"
        if self.total:
            try:
                part = (self.done() if self.done is not None else rows) / self.total
            except (OSError, ValueError):  # a closed file: nothing to show
                part = 0.0
            part = min(max(part, 0.0), 1.0)
            bar = "#" * round(part * 20)
            line = f"[{bar:-<20}] {part:4.0%}  {line}"
        self.stream.write(f"\r{line}")
        self.stream.flush()

    def __call__(self, rows: int) -> None:
        self.update(rows)

    def close(self) -> None:
        if self.on and self.shown != self.started:
            self.stream.write("\r\033[K")
            self.stream.flush()
