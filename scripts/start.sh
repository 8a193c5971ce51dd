#!/usr/bin/env bash
# `npm start`: set up what is missing, build, and run the engine (dev server, worker, API) in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run --silent build
exec node dist/main.js
