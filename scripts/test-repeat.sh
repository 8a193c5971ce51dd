#!/usr/bin/env bash
# `npm run test:repeat -- N <path...>`: runs the chosen jest files N times in a row, to hunt a flaky
# test or to show that one no longer is. Same setup as `npm test` (scripts/test.sh): Temporal binaries,
# PostgreSQL, and a build when the sources are newer than dist/. Prints one line per run and then
# "runs: P passed, F failed"; keeps the output of failed runs; exits non-zero if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: npm run test:repeat -- N <test file or path pattern>..." >&2; exit 2; }
[ "$#" -ge 2 ] || usage
RUNS="$1"
shift
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || usage

bash scripts/setup.sh --test
if [ ! -f dist/main.js ] || [ -n "$(find src tsconfig.json tsconfig.build.json -newer dist/main.js -print -quit)" ]; then
  echo "== build" >&2
  npm run --silent build
fi
eval "$(bash scripts/postgres.sh start)"

logs="$(mktemp -d "${TMPDIR:-/tmp}/test-repeat.XXXXXX")"
passed=0
failed=0
for run in $(seq 1 "$RUNS"); do
  log="$logs/run-$run.log"
  summary="$logs/run-$run.summary"
  started=$SECONDS
  if JEST_SUMMARY_FILE="$summary" npx jest --ci --maxWorkers=2 "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    verdict="passed"
    rm -f "$log"
  else
    failed=$((failed + 1))
    verdict="FAILED (output in $log)"
  fi
  tests="$(cat "$summary" 2>/dev/null || echo "no test summary")"
  rm -f "$summary"
  echo "run $run/$RUNS: $verdict, $((SECONDS - started)) s, tests: $tests"
  # The names of the tests that failed, so the pattern across runs shows without opening the logs.
  if [ -f "$log" ]; then grep -E '^\s+● ' "$log" | sort -u | sed 's/^/    /' || true; fi
done

[ "$failed" -gt 0 ] || rmdir "$logs"
echo "runs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
