#!/usr/bin/env bash
# `npm run build`: compile src/ into a clean dist/, and stamp it with the time the build began, so that
# `npm start` (scripts/start.sh) builds again only when something is newer than that.
set -euo pipefail
cd "$(dirname "$0")/.."
began="$(mktemp)"
trap 'rm -f "$began"' EXIT
rm -rf dist
npx tsc -p tsconfig.build.json
mv "$began" dist/.build-stamp
