#!/usr/bin/env python3
"""Dump public holidays from the Python `holidays` package (issue 14).

Usage: holidays_dump.py FROM_YEAR TO_YEAR OURS=COUNTRY[:SUBDIV] ...
Prints `OURS YYYY-MM-DD` for every date of the package's PUBLIC category
(its default) in FROM_YEAR..=TO_YEAR, sorted. Observed and substitute days
are dates of that category too. Exit 2 when the package is missing.
"""

import sys


def main() -> None:
    try:
        import holidays
    except ImportError as e:
        print(f"holidays_dump: {e}", file=sys.stderr)
        sys.exit(2)
    first, last = int(sys.argv[1]), int(sys.argv[2])
    years = range(first, last + 1)
    print(f"# holidays {holidays.__version__}")
    for arg in sys.argv[3:]:
        ours, theirs = arg.split("=", 1)
        country, _, subdiv = theirs.partition(":")
        cal = holidays.country_holidays(
            country, subdiv=subdiv or None, years=years, categories=(holidays.PUBLIC,)
        )
        for day in sorted(cal):
            print(f"{ours} {day.isoformat()}")


if __name__ == "__main__":
    main()
