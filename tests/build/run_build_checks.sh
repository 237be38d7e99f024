#!/usr/bin/env bash
# Runs tests/build/build_checks.js: what `deckc build` writes, in headless Chromium.
#
#   tests/build/run_build_checks.sh DECKC PLAYER_DIR OUT_DIR
#
# Needs Debian's chromium and playwright-core (tools/setup.sh puts it in .deps/npm; another
# folder in PLAYWRIGHT_DIR). Exit 77 (skipped) when either is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
pw=${PLAYWRIGHT_DIR:-$here/.deps/npm/node_modules}
[ -x /usr/bin/chromium ] && [ -d "$pw/playwright-core" ] || { echo "skipped: chromium or playwright-core missing"; exit 77; }
[ -f "$2/podium.wasm" ] || { echo "no player in $2: build it with tools/build_web.sh"; exit 2; }
NODE_PATH="$pw" exec node "$here/tests/build/build_checks.js" "$@"
