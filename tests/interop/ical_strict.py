#!/usr/bin/env python3
"""Expand a feed with the strict `ical` package (rfc5545 parser + timeline).

Usage: ical_strict.py FEED.ics FROM TO  -- output format in interop_common.py.
`ical` validates every component with pydantic and raises on anything off
the RFC; its compatibility mode (which relaxes that) is never enabled here.
Warnings, library log records and TZIDs that do not resolve are fatal.
"""

import datetime

from interop_common import UTC, die, fmt, in_window, one_line, run

ENGINE = "ical"


def load(path: str):
    """Parse and validate: returns (calendar, set of overridden (UID, RECURRENCE-ID))."""
    from ical.calendar_stream import IcsCalendarStream

    try:
        with open(path, encoding="utf-8") as f:
            cal = IcsCalendarStream.calendar_from_ics(f.read())
    except Exception as e:  # noqa: BLE001 - any failure is a parse failure here
        die(ENGINE, f"{path}: parse error: {e}")
    zones = {tz.tz_id for tz in cal.timezones}
    overrides = set()
    for ev in cal.events:
        for value in (ev.dtstart, ev.dtend):
            if isinstance(value, datetime.datetime):
                key = getattr(value.tzinfo, "key", None)
                if key is not None and key not in zones:
                    die(ENGINE, f"{path}: {ev.uid} uses TZID={key} with no VTIMEZONE in the feed")
        if ev.recurrence_id is not None:
            overrides.add((ev.uid, str(ev.recurrence_id)))
    return cal, overrides


def expand(path: str, loaded, frm: datetime.date, to: datetime.date) -> list[str]:
    cal, overrides = loaded
    stop = datetime.datetime.combine(to + datetime.timedelta(days=2), datetime.time(), UTC)
    lines = []
    try:
        for occ in cal.timeline_tz(UTC):
            s = occ.start
            s_utc = (
                s.astimezone(UTC)
                if isinstance(s, datetime.datetime)
                else datetime.datetime.combine(s, datetime.time(), UTC)
            )
            if s_utc >= stop:
                break
            start = fmt(ENGINE, s)
            if not in_window(start, frm, to):
                continue
            rid = "-"
            if occ.recurrence_id is not None and (occ.uid, str(occ.recurrence_id)) in overrides:
                rid = fmt(ENGINE, rid_value(str(occ.recurrence_id), s))
            lines.append(f"{start} {fmt(ENGINE, occ.end)} {occ.uid} {rid} {one_line(occ.summary)}")
    except Exception as e:  # noqa: BLE001
        die(ENGINE, f"{path}: expansion failed: {e}")
    return lines


def rid_value(rid: str, like: "datetime.date | datetime.datetime"):
    """`ical` keeps RECURRENCE-ID as its text (local time of the series)."""
    if len(rid) == 8:
        return datetime.date(int(rid[:4]), int(rid[4:6]), int(rid[6:8]))
    naive = datetime.datetime.strptime(rid.rstrip("Z"), "%Y%m%dT%H%M%S")
    if rid.endswith("Z"):
        return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=like.tzinfo if isinstance(like, datetime.datetime) else None)


if __name__ == "__main__":
    run(ENGINE, load, expand)
