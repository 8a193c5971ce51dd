#!/usr/bin/env bash
# `npm test`: set up everything the suite needs (npm packages, Temporal binaries, PostgreSQL, Chromium),
# check types and lint, build, and run every test. Extra arguments go to jest (e.g. a path).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

echo "== typecheck" >&2
npm run --silent typecheck
echo "== lint" >&2
npm run --silent lint
echo "== build" >&2
npm run --silent build

# The multi-service Temporal server for the cluster suite: built from its Go module the first time
# (about 5 minutes), instant after that. Built here rather than inside a test, so its time and its
# failure are the build's own.
echo "== Temporal server for the cluster suite" >&2
bash scripts/temporal-cluster.sh build >/dev/null

# A throwaway PostgreSQL on loopback, so the register suite runs against both databases.
if [ -f scripts/postgres.sh ]; then
  eval "$(bash scripts/postgres.sh start)"
fi

summary="$(mktemp)"
trap 'rm -f "$summary"' EXIT
status=0
JEST_SUMMARY_FILE="$summary" npx jest --ci --maxWorkers=2 "$@" || status=$?
# The closing line CI reads, printed last.
if [ -s "$summary" ]; then cat "$summary"; else echo "0 passed, 1 failed"; fi
exit "$status"
