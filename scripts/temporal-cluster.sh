#!/usr/bin/env bash
# The multi-service Temporal server (go.temporal.io/server) for the cluster suite and for anyone who wants
# the production shape on one machine: built once from its Go module, at the version pinned in
# scripts/temporal-versions.env, into .cache/temporal-server/ (git-ignored; the Go module cache lives there
# too, so nothing lands outside the project). Fast when the binaries are already built.
#   bash scripts/temporal-cluster.sh build   builds `temporal-server` and `temporal-sql-tool` if missing and
#                                            prints `export TEMPORAL_CLUSTER_BIN=...` and `export TEMPORAL_CLUSTER_SCHEMA=...`
# The test harness (test/support/temporal-cluster.ts) runs the services from there: PostgreSQL persistence and
# SQL visibility, frontend, history, matching and worker as separate processes on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

ACTION="${1:-build}"
case "$ACTION" in build) ;; *) echo "temporal-cluster.sh: unknown action '$ACTION' (known: build)" >&2; exit 2 ;; esac

say() { printf 'temporal-cluster.sh: %s\n' "$*" >&2; }
fail() { printf 'temporal-cluster.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/temporal-versions.env
source scripts/temporal-versions.env
CACHE="${DOCKET_TEMPORAL_CACHE:-$ROOT/.cache/temporal-server}"
BIN="$CACHE/$TEMPORAL_SERVER_VERSION/bin"
MODULE_CACHE="$CACHE/go/mod"
SCHEMA="$MODULE_CACHE/go.temporal.io/server@$TEMPORAL_SERVER_VERSION/schema/postgresql/v12"

built() { [ -x "$BIN/temporal-server" ] && [ -x "$BIN/temporal-sql-tool" ] && [ -d "$SCHEMA/temporal/versioned" ]; }

if ! built; then
  command -v go >/dev/null || fail "building the Temporal server needs Go 1.26 or newer ('go' is not on PATH)."
  say "building go.temporal.io/server $TEMPORAL_SERVER_VERSION (the first time takes several minutes and about 2 GB in $CACHE)"
  mkdir -p "$BIN.partial"
  started=$SECONDS
  # GOTOOLCHAIN: the server's go.mod needs a newer Go than some machines have; the go command fetches that toolchain.
  # GOFLAGS: the build is of a module version, not of a checkout, so there is no VCS information to stamp.
  GOPATH="$CACHE/go" GOMODCACHE="$MODULE_CACHE" GOCACHE="$CACHE/go/build" GOBIN="$BIN.partial" GOTOOLCHAIN="$TEMPORAL_SERVER_GOTOOLCHAIN" GOFLAGS=-buildvcs=false \
    go install "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION" \
    || fail "go install of go.temporal.io/server $TEMPORAL_SERVER_VERSION failed (see above)."
  mv "$BIN.partial/server" "$BIN.partial/temporal-server"
  mv "$BIN.partial/sql" "$BIN.partial/temporal-sql-tool"
  rm -rf "$BIN"
  mv "$BIN.partial" "$BIN"
  built || fail "the build finished but $BIN or the PostgreSQL schemas under $SCHEMA are missing."
  say "built in $((SECONDS - started)) s: $("$BIN/temporal-server" --version 2>/dev/null | head -n 1)"
fi

echo "export TEMPORAL_CLUSTER_BIN=$BIN"
echo "export TEMPORAL_CLUSTER_SCHEMA=$SCHEMA"
