#!/usr/bin/env python3
"""A second, independent WebDAV client for the publish tests (issue 16).

Standard library only (urllib), so it shares no code with `rituals`.
Credentials come from DAV_USER / DAV_PASSWORD when set.

    dav.py mkcalendar URL       create a calendar collection (RFC 4791 §5.3.1)
    dav.py put URL FILE         PUT FILE's bytes, unconditionally
    dav.py get URL              print the resource
Exit 0 on a 2xx answer; otherwise prints the status and exits 1.
"""

import base64
import os
import sys
import urllib.error
import urllib.request


def request(method: str, url: str, data: "bytes | None" = None) -> bytes:
    headers = {"Content-Type": "text/calendar; charset=utf-8"} if data else {}
    user, password = os.environ.get("DAV_USER"), os.environ.get("DAV_PASSWORD")
    if user and password:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        sys.stderr.write(f"dav.py: {method} {url}: {e.code}\n")
        sys.exit(1)


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["mkcalendar"] and len(args) == 2:
        request("MKCALENDAR", args[1])
    elif args[:1] == ["put"] and len(args) == 3:
        with open(args[2], "rb") as f:
            request("PUT", args[1], f.read())
    elif args[:1] == ["get"] and len(args) == 2:
        sys.stdout.buffer.write(request("GET", args[1]))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
