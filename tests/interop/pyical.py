#!/usr/bin/env python3
"""Expand a feed with `icalendar` + `recurring-ical-events`.

The stack of Home Assistant's and many CalDAV tools' calendar readers.
Usage: pyical.py FEED.ics FROM TO  -- output format in interop_common.py.
Parse errors the library records instead of raising (Component.errors),
warnings and TZIDs that do not resolve are fatal (exit 2).
"""

import datetime

from interop_common import die, fmt, in_window, one_line, run

ENGINE = "pyical"


def load(path: str):
    """Parse and validate: returns (calendar, set of overridden (UID, RECURRENCE-ID))."""
    import icalendar

    try:
        with open(path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
    except Exception as e:  # noqa: BLE001 - any failure is a parse failure here
        die(ENGINE, f"{path}: parse error: {e}")
    if cal.name != "VCALENDAR":
        die(ENGINE, f"{path}: root component is {cal.name}")
    for comp in cal.walk():
        if comp.errors:
            die(ENGINE, f"{path}: {comp.name}: {comp.errors}")
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    overrides = set()
    for ev in cal.walk("VEVENT"):
        for name, value in ev.property_items(recursive=False):
            tzid = getattr(value, "params", {}).get("TZID") if hasattr(value, "params") else None
            if tzid is not None and str(tzid) not in zones:
                die(ENGINE, f"{path}: {name} uses TZID={tzid} with no VTIMEZONE in the feed")
        if "RECURRENCE-ID" in ev:
            overrides.add((str(ev["UID"]), fmt(ENGINE, ev.decoded("RECURRENCE-ID"))))
    return cal, overrides


def expand(path: str, loaded, frm: datetime.date, to: datetime.date) -> list[str]:
    import recurring_ical_events

    cal, overrides = loaded
    margin = datetime.timedelta(days=2)
    try:
        occurrences = recurring_ical_events.of(cal).between(frm - margin, to + margin)
    except Exception as e:  # noqa: BLE001
        die(ENGINE, f"{path}: expansion failed: {e}")
    lines = []
    for occ in occurrences:
        uid = str(occ["UID"])
        start = fmt(ENGINE, occ.decoded("DTSTART"))
        if "DTEND" in occ:
            end = fmt(ENGINE, occ.decoded("DTEND"))
        else:
            die(ENGINE, f"{path}: occurrence of {uid} at {start} has no DTEND")
        if not in_window(start, frm, to):
            continue
        rid = "-"
        if "RECURRENCE-ID" in occ:
            key = (uid, fmt(ENGINE, occ.decoded("RECURRENCE-ID")))
            if key in overrides:
                rid = key[1]
        lines.append(f"{start} {end} {uid} {rid} {one_line(occ.get('SUMMARY'))}")
    return lines


if __name__ == "__main__":
    run(ENGINE, load, expand)
