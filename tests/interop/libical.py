#!/usr/bin/python3
"""Check and expand a feed with libical (Evolution, GNOME Calendar, KDE's
older stack), through Debian's `gir1.2-ical-3.0` and `python3-gi`.

Usage: libical.py FEED.ics FROM TO  -- output format in interop_common.py;
       libical.py --check FEED.ics...  -- parse and run libical's
       restriction check (RFC 5545, and RFC 5546 for the METHOD written):
       any X-LIC-ERROR (a parse error or a failed restriction) is fatal.
       With INTEROP_FOREIGN=1 (a file we did not write, such as an export
       read by `rituals import`), neither check is made.

Expansion uses libical's own RRULE engine (`RecurIterator`) and zone
arithmetic with the TZIDs resolved against the feed's own VTIMEZONEs,
adds RDATEs, removes EXDATEs, then replaces each instance that has a
RECURRENCE-ID override by the override, as a client does.
"""

import datetime
import os
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I  # noqa: E402

from interop_common import die, in_window, one_line, run  # noqa: E402

ENGINE = "libical"
UTC_ZONE = I.Timezone.get_utc_timezone()


def children(comp, kind=I.ComponentKind.ANY_COMPONENT):
    c = comp.get_first_component(kind)
    while c is not None:
        yield c
        c = comp.get_next_component(kind)


def errors(comp):
    """Every X-LIC-ERROR of `comp` and its subcomponents."""
    out = []
    p = comp.get_first_property(I.PropertyKind.XLICERROR_PROPERTY)
    while p is not None:
        out.append(f"{I.Component.kind_to_string(comp.isa())}: {p.get_xlicerror()}")
        p = comp.get_next_property(I.PropertyKind.XLICERROR_PROPERTY)
    for c in children(comp):
        out.extend(errors(c))
    return out


def parse(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    cal = I.Component.new_from_string(text)
    if cal is None or cal.isa() != I.ComponentKind.VCALENDAR_COMPONENT:
        die(ENGINE, f"{path}: not a VCALENDAR")
    return text, cal


def load(path):
    """Parse, then run the restriction check on each component.

    libical's `restriction_check` stops at the first component that fails,
    so each VEVENT is checked in a VCALENDAR of its own (with the feed's
    properties and METHOD) to report every finding.
    """
    text, cal = parse(path)
    if os.environ.get("INTEROP_FOREIGN") == "1":
        # A file we did not write (an export read by `rituals import`):
        # expanded as a client would, without the checks of our feeds.
        return cal
    found = errors(cal)
    I.restriction_check(cal)
    found.extend(errors(cal))
    for ev in children(cal, I.ComponentKind.VEVENT_COMPONENT):
        _, alone = parse_alone(text, ev)
        I.restriction_check(alone)
        found.extend(errors(alone))
    if found:
        unique = sorted(set(found))
        die(ENGINE, f"{path}: {len(found)} X-LIC-ERROR(s): " + "; ".join(unique[:10]))
    return cal


def parse_alone(text, ev):
    head = text.split("BEGIN:VTIMEZONE", 1)[0].split("BEGIN:VEVENT", 1)[0]
    body = head + ev.as_ical_string() + "END:VCALENDAR\r\n"
    return body, I.Component.new_from_string(body)


def utc(t, all_day):
    if all_day or t.is_date():
        return f"{t.get_year():04d}-{t.get_month():02d}-{t.get_day():02d}"
    zone = t.get_timezone()
    if zone is None and not t.is_utc():
        die(ENGINE, f"floating date-time {t.as_ical_string()}: a TZID did not resolve")
    u = t.convert_to_zone(UTC_ZONE)
    return (
        f"{u.get_year():04d}-{u.get_month():02d}-{u.get_day():02d}T"
        f"{u.get_hour():02d}:{u.get_minute():02d}:{u.get_second():02d}Z"
    )


def key_of(t):
    """A RECURRENCE-ID's identity: the instant in UTC (or the date)."""
    return utc(t, t.is_date())


def expand(path, cal, frm, to):
    margin = datetime.timedelta(days=2)
    lo = int(datetime.datetime.combine(frm - margin, datetime.time(), datetime.timezone.utc).timestamp())
    hi = int(datetime.datetime.combine(to + margin, datetime.time(), datetime.timezone.utc).timestamp())
    overrides = {}
    masters = []
    for ev in children(cal, I.ComponentKind.VEVENT_COMPONENT):
        if ev.get_first_property(I.PropertyKind.RECURRENCEID_PROPERTY) is not None:
            rid = zoned(cal, ev, I.PropertyKind.RECURRENCEID_PROPERTY)
            overrides[(ev.get_uid(), key_of(rid))] = ev
        else:
            masters.append(ev)
    lines = []
    for ev in masters:
        uid, summary = ev.get_uid(), ev.get_summary()
        dtstart = zoned(cal, ev, I.PropertyKind.DTSTART_PROPERTY)
        all_day = dtstart.is_date()
        length = seconds(zoned(cal, ev, I.PropertyKind.DTEND_PROPERTY)) - seconds(dtstart)
        for start in instances(cal, ev, dtstart, hi):
            if lo <= start < hi:
                s, e = stamp(start, all_day), stamp(start + length, all_day)
                if (uid, s) not in overrides:
                    lines.append((s, e, uid, "-", summary))
    for (uid, rid), ov in overrides.items():
        s = zoned(cal, ov, I.PropertyKind.DTSTART_PROPERTY)
        e = zoned(cal, ov, I.PropertyKind.DTEND_PROPERTY)
        lines.append((utc(s, s.is_date()), utc(e, e.is_date()), uid, rid, ov.get_summary()))
    return [
        f"{s} {e} {uid} {rid} {one_line(summary)}"
        for s, e, uid, rid, summary in lines
        if in_window(s, frm, to)
    ]


def instances(cal, ev, dtstart, hi):
    """The recurrence set (RFC 5545 §3.8.5) as UTC seconds: DTSTART, the
    RRULE through libical's RecurIterator, RDATEs, minus EXDATEs. (libical's
    `foreach_recurrence` reads RDATE values without their TZID, so the set
    is assembled here, as Evolution's libecal does.)"""
    found = {seconds(dtstart)}
    rule = ev.get_first_property(I.PropertyKind.RRULE_PROPERTY)
    if rule is not None:
        it = I.RecurIterator.new(rule.get_rrule(), dtstart)
        t = it.next()
        while t is not None and not t.is_null_time():
            t.set_timezone(dtstart.get_timezone())
            n = seconds(t)
            if n >= hi:
                break
            found.add(n)
            t = it.next()
    for kind, add in ((I.PropertyKind.RDATE_PROPERTY, True), (I.PropertyKind.EXDATE_PROPERTY, False)):
        p = ev.get_first_property(kind)
        while p is not None:
            n = seconds(value_of(cal, p))
            if add:
                found.add(n)
            else:
                found.discard(n)
            p = ev.get_next_property(kind)
    return sorted(found)


def seconds(t):
    zone = t.get_timezone()
    if t.is_date() or zone is None:
        if not t.is_date() and not t.is_utc():
            die(ENGINE, f"floating date-time {t.as_ical_string()}: a TZID did not resolve")
        return t.as_timet_with_zone(UTC_ZONE)
    return t.as_timet_with_zone(zone)


def zoned(cal, comp, kind):
    """A date-time property's value, its TZID resolved against the feed's
    own VTIMEZONE (what `foreach_recurrence` does for the master)."""
    prop = comp.get_first_property(kind)
    if prop is None:
        die(ENGINE, f"{comp.get_uid()}: missing {I.Property.kind_to_string(kind)}")
    return value_of(cal, prop)


def value_of(cal, prop):
    if prop.isa() == I.PropertyKind.RDATE_PROPERTY:
        value = prop.get_rdate().get_time()
    else:
        value = prop.get_value().get_datetime()
    tzid = prop.get_parameter_as_string("TZID")
    if tzid is not None:
        zone = cal.get_timezone(tzid)
        if zone is None:
            die(ENGINE, f"TZID={tzid} has no VTIMEZONE in the feed")
        value.set_timezone(zone)
    return value


def stamp(seconds, all_day):
    t = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return t.date().isoformat() if all_day else t.strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    run(ENGINE, load, expand)
