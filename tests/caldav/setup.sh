#!/usr/bin/env bash
# Install the CalDAV servers the publish tests run (issue 16) at their
# pinned versions, Radicale and Xandikos, into .venv at the repository root
# (shared with tests/interop: its pins constrain the common packages).
# Idempotent and quiet: does nothing when the pinned versions are there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/caldav"
py="${PYTHON:-python3}"
venv="$root/.venv"
stamp="$venv/.rituals-caldav-requirements"
if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
  [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    -r "$here/requirements.txt" -c "$root/tests/interop/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi
