"""Dates as people write them in China. One parser for the CLI, batch and the library.

Accepted: 2026-01-01, 2026-1-1, 2026/1/1, 2026年1月1日 (the 日 may be left off) and 20260101.
Anything else is refused rather than guessed: date.fromisoformat would also take 2025-W11-1,
and a time or stray characters more likely mean a mistake than a date.
"""

from __future__ import annotations

import re
from datetime import date

_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
)


def parse_date(text: str) -> date:
    """``text`` as a date, if it is in one of the accepted forms and a real day; else ValueError."""
    for form in _FORMS:
        m = form.fullmatch(text)
        if m:
            return date(int(m["y"]), int(m["m"]), int(m["d"]))  # ValueError for 2026-02-30
    raise ValueError(f"{text!r} is not a date")
