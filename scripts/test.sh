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
if [ "$#" -gt 0 ]; then
  JEST_SUMMARY_FILE="$summary" npx jest --ci --maxWorkers=2 "$@" || status=$?
else
  # The cluster suite runs a Temporal server of four processes and three engine processes: alone, after
  # the rest, so that neither slows the other past its timeouts on a two-core machine.
  JEST_SUMMARY_FILE="$summary" npx jest --ci --maxWorkers=2 --testPathIgnorePatterns /node_modules/ /test/cluster/ || status=$?
  JEST_SUMMARY_FILE="$summary" npx jest --ci --maxWorkers=1 test/cluster || status=$?
fi
# The closing line CI reads, printed last: the runs' lines added up.
if [ -s "$summary" ]; then
  awk '{ passed += $1; failed += $3; skipped += $5 } END { printf "%d passed, %d failed", passed, failed; if (skipped) printf ", %d skipped", skipped; print "" }' "$summary"
else
  echo "0 passed, 1 failed"
fi
exit "$status"
