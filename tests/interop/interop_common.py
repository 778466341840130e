"""Shared output format of the Python interop drivers (see icaljs.mjs).

One line per occurrence whose start lies in [FROM, TO):
    START END UID RECURRENCE-ID|- SUMMARY
START/END: UTC `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` for all-day ones.
"""

import datetime
import logging
import re
import sys
import warnings

UTC = datetime.timezone.utc


def die(engine: str, msg: str) -> "None":
    sys.stderr.write(f"{engine}: {msg}\n")
    sys.exit(2)


def run(engine: str, load, expand) -> None:
    """Command line shared by the drivers.

    `DRIVER FEED.ics FROM TO` prints the occurrences; `DRIVER --check FEED...`
    only parses and validates each feed (`load`), printing nothing.
    """
    strict(engine)
    args = sys.argv[1:]
    if args[:1] == ["--check"] and len(args) > 1:
        for path in args[1:]:
            load(path)
        return
    if len(args) != 3 or not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", a) for a in args[1:]):
        die(engine, f"usage: {sys.argv[0]} FEED.ics FROM TO | --check FEED.ics...")
    path = args[0]
    frm, to = datetime.date.fromisoformat(args[1]), datetime.date.fromisoformat(args[2])
    lines = expand(path, load(path), frm, to)
    lines.sort()
    sys.stdout.write("".join(f"{line}\n" for line in lines))


def strict(engine: str) -> None:
    """Any Python warning or library log record at WARNING or above is fatal."""
    warnings.simplefilter("error")

    class Fatal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            die(engine, f"library warning: {record.name}: {record.getMessage()}")

    logging.getLogger().addHandler(Fatal(level=logging.WARNING))


def fmt(engine: str, value: "datetime.date | datetime.datetime") -> str:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            die(engine, f"floating date-time {value.isoformat()}: a TZID did not resolve")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    die(engine, f"unexpected date value {value!r}")
    return ""


def one_line(s: object) -> str:
    return str(s or "").replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def in_window(start: str, frm: datetime.date, to: datetime.date) -> bool:
    if len(start) == 10:
        return frm.isoformat() <= start < to.isoformat()
    return f"{frm.isoformat()}T00:00:00Z" <= start < f"{to.isoformat()}T00:00:00Z"
