"""Dates as users type them: YYYY-MM-DD only.

date.fromisoformat also takes 20250310 and 2025-W11-1; a payroll file with one of those is more
likely a mistake than a choice, so anything but YYYY-MM-DD is refused.
"""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> date:
    """``text`` as a date, if it is exactly YYYY-MM-DD and a real day; else ValueError."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    return date.fromisoformat(text)
