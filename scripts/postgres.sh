#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the register's tests, on loopback only.
#   eval "$(bash scripts/postgres.sh)"   installs PostgreSQL from Debian's packages if missing,
#                                         creates and starts the cluster, prints `export TEST_DATABASE_URL=...`
#   bash scripts/postgres.sh stop         stops it (the files stay, so the next start is fast)
#   bash scripts/postgres.sh destroy      stops it and removes its directory
# Idempotent: a running cluster is reused. Run as root, the server runs as the `postgres` system user
# (PostgreSQL refuses to run as root). Settings: DOCKET_PG_DIR (default $TMPDIR/asylum-docket-postgres),
# DOCKET_PG_PORT (default 55432).
set -euo pipefail

ACTION="${1:-start}"
case "$ACTION" in start | stop | destroy) ;; *) echo "postgres.sh: unknown action '$ACTION' (known: start, stop, destroy)" >&2; exit 2 ;; esac

CLUSTER_DIR="${DOCKET_PG_DIR:-${TMPDIR:-/tmp}/asylum-docket-postgres}"
PORT="${DOCKET_PG_PORT:-55432}"
DATA="$CLUSTER_DIR/data"
DB_USER="docket"
DB_NAME="docket_test"

say() { printf 'postgres.sh: %s\n' "$*" >&2; }
fail() { printf 'postgres.sh: ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ] || fail "DOCKET_PG_PORT must be a port number from 1024 to 65535, not '$PORT'."

find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/postgres" ] && echo "$dir"
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
  [ "$ACTION" = start ] || fail "PostgreSQL is not installed, so there is nothing to $ACTION."
  command -v apt-get >/dev/null || fail "PostgreSQL is missing and this is not a Debian-like system: install PostgreSQL 13 or newer yourself."
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "PostgreSQL is missing; install it as root: apt-get install postgresql"
    SUDO="sudo"
  fi
  say "installing PostgreSQL from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BINDIR="$(find_bindir || true)"
  [ -n "$BINDIR" ] || fail "apt-get installed postgresql but no server binary is under /usr/lib/postgresql/*/bin."
fi

# Run the server's tools as an unprivileged user: `postgres` when we are root, ourselves otherwise.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || fail "running as root needs the 'postgres' system user (the Debian package creates it)."
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER="postgres"
else
  as_owner() { "$@"; }
  OWNER="$(id -un)"
fi

is_running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

if [ "$ACTION" != start ]; then
  if is_running; then
    as_owner "$BINDIR/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped the cluster in $CLUSTER_DIR"
  fi
  if [ "$ACTION" = destroy ]; then
    rm -rf "$CLUSTER_DIR"
    say "removed $CLUSTER_DIR"
  fi
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  say "creating a cluster in $CLUSTER_DIR"
  rm -rf "$CLUSTER_DIR"
  mkdir -p "$CLUSTER_DIR"
  chmod 700 "$CLUSTER_DIR"
  (umask 077 && od -An -tx1 -N18 /dev/urandom | tr -d ' \n' >"$CLUSTER_DIR/password")
  chown -R "$OWNER" "$CLUSTER_DIR"
  as_owner "$BINDIR/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$CLUSTER_DIR/password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$CLUSTER_DIR/initdb.log" 2>&1 \
    || fail "initdb failed; see $CLUSTER_DIR/initdb.log"
fi
PASSWORD="$(cat "$CLUSTER_DIR/password")"

if ! is_running; then
  say "starting PostgreSQL ($("$BINDIR/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PORT"
  as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$CLUSTER_DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || fail "PostgreSQL did not start; the end of $CLUSTER_DIR/server.log says: $(tail -n 5 "$CLUSTER_DIR/server.log" 2>/dev/null)"
fi

psql_admin() { PGPASSWORD="$PASSWORD" "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -tAq "$@"; }
psql_admin -c 'select 1' >/dev/null 2>&1 \
  || fail "a server answers on 127.0.0.1:$PORT but not as this cluster (another PostgreSQL on that port?): set DOCKET_PG_PORT."
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]; then
  psql_admin -c "create database $DB_NAME" >/dev/null
fi

say "ready"
echo "export TEST_DATABASE_URL=postgres://$DB_USER:$PASSWORD@127.0.0.1:$PORT/$DB_NAME"
