"""The plan as an iCalendar file (RFC 5545) a phone calendar can import. Pure: returns bytes;
the caller supplies the time stamp (DTSTAMP is required) and writes the file."""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar

from .plan import PlanResult
from .render import Lang, plan_line_articles, t


def plan_ics(plan: PlanResult, stamp: datetime, lang: Lang = "zh") -> bytes:
    """One all-day event per line of ``plan`` with a known end (DTEND is exclusive: the day after
    ``end``); a line with an unknown start becomes a one-day event on its last day.

    UIDs are derived from the birth and the line, so importing a recomputed plan updates the
    events instead of duplicating them.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", "-//leavecalc//leavecalc plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{t('plan', lang)} {plan.birth}")
    for line in plan.lines:
        if line.end is None:
            continue
        label = line.label if lang == "zh" else line.label_en
        detail = line.detail if lang == "zh" else line.detail_en
        # A period whose start is unknown (the pregnancy) is marked by its last day only.
        start, summary = (line.start, label) if line.start is not None else (line.end, f"{label} {t('ends', lang)}")
        event = icalendar.Event()
        event.add("uid", f"{plan.birth}-{line.item}-{line.who}@leavecalc")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", line.end + timedelta(days=1))
        event.add("summary", f"{t(line.who, lang)}: {summary}")
        event.add("description", f"{detail}\n{plan_line_articles(line, lang)}")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()  # type: ignore[no-any-return]
