#!/usr/bin/env bash
# Install the interop engines (issue 8) at their pinned versions:
#   ical.js                          -> tests/interop/node_modules (npm ci, package-lock.json)
#   icalendar, recurring-ical-events,
#   ical, holidays (issue 14)        -> .venv at the repository root (requirements.txt)
# Idempotent and quiet: does nothing when the pinned versions are already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/interop"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup.sh: node/npm not found; install Node.js (e.g. apt-get install nodejs npm)" >&2
  exit 1
fi
stamp="$here/node_modules/.rituals-lock"
if ! cmp -s "$here/package-lock.json" "$stamp" 2>/dev/null; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null
  cp "$here/package-lock.json" "$stamp"
fi

py="${PYTHON:-python3}"
venv="$root/.venv"
vstamp="$venv/.rituals-requirements"
if ! cmp -s "$here/requirements.txt" "$vstamp" 2>/dev/null; then
  [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$vstamp"
fi
