"""Expands RRULEs with python-dateutil, an implementation independent of ours.

Reads a JSON list of cases from stdin, each {"dtstart": "YYYYMMDDTHHMMSS",
"rrule": "FREQ=...", "until": "YYYY-MM-DD", "wkst": "SU" or null} and writes
a JSON list: for each case, the local start dates ("YYYY-MM-DD") of the
occurrences from DTSTART to "until" inclusive. With "wkst", the rule is read
by a reader whose default week start is that day (an explicit WKST in the
rule still wins), like a client that assumes weeks start on Sunday.
"""

import json
import sys
from datetime import datetime

from dateutil.rrule import SU, MO, rrulestr

DAYS = {"SU": SU, "MO": MO}


def expand(case):
    start = datetime.strptime(case["dtstart"], "%Y%m%dT%H%M%S")
    text = case["rrule"]
    if case.get("wkst") and "WKST=" not in text:
        text += ";WKST=" + case["wkst"]
    try:
        rule = rrulestr(text, dtstart=start)
    except Exception as e:
        raise SystemExit(f"dateutil cannot read {text!r}: {e}")
    until = datetime.strptime(case["until"], "%Y-%m-%d").replace(hour=23, minute=59)
    return [d.strftime("%Y-%m-%d") for d in rule.between(start, until, inc=True)]


def main():
    cases = json.load(sys.stdin)
    json.dump([expand(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
