#!/usr/bin/env bash
# `npm start`: set up what is missing, build if the sources changed, and run the engine in the foreground
# (all roles by default: dev server, worker, API, schedules; `npm start -- --role worker` runs one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A build takes 20-70 s here: only when a source, a deleted source (its folder's time changes) or the
# build's settings are newer than the last build (scripts/build.sh stamps the time it began).
if [ ! -f dist/.build-stamp ] || [ -n "$(find src tsconfig.json tsconfig.build.json package-lock.json -newer dist/.build-stamp -print -quit)" ]; then
  npm run --silent build
fi
# exec: the engine takes this shell's place (as this script takes npm's shell's: package.json), so npm's
# child is node, and the SIGTERM a service manager sends npm reaches it.
exec node dist/main.js "$@"
