#!/usr/bin/env bash
# Runs tests/web/presenter_checks.js: the browser presenter view in headless Chromium — two
# windows in sync, reload restore, the blocked-popup fallback, the single-window mode.
#
#   tests/web/run_presenter_checks.sh PLAYER_DIR OUT_DIR      (screenshots go to OUT_DIR)
#
# Serves PLAYER_DIR at /player/, decks/ at /decks/ and the test fixtures at /fixtures/ and
# /e2e-fixtures/ with Python's static server (the presenter needs nothing from deckc serve).
# Needs Debian's chromium and playwright-core (tools/setup.sh puts it in .deps/npm; another
# folder in PLAYWRIGHT_DIR). Exit 77 (skipped) when either is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
pw=${PLAYWRIGHT_DIR:-$here/.deps/npm/node_modules}
[ -x /usr/bin/chromium ] && [ -d "$pw/playwright-core" ] || { echo "skipped: chromium or playwright-core missing"; exit 77; }
player=$(cd "$1" && pwd)
[ -f "$player/podium.wasm" ] || { echo "no player in $player: build it with tools/build_web.sh"; exit 2; }
mkdir -p "$2"
out=$(cd "$2" && pwd)

site=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$site"' EXIT
ln -s "$player" "$site/player"
ln -s "$here/decks" "$site/decks"
ln -s "$here/tests/web/fixtures" "$site/fixtures"
ln -s "$here/web/tests/fixtures" "$site/e2e-fixtures"
port=$((20000 + RANDOM % 20000))
/usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
NODE_PATH="$pw" node "$here/tests/web/presenter_checks.js" "http://127.0.0.1:$port" "$out"
