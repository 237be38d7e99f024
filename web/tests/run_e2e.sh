#!/usr/bin/env bash
# Runs the browser player's end-to-end checks (player_e2e.js) in headless Chromium.
#
#   web/tests/run_e2e.sh [BUILD_DIR]        default: build-web; the player must be built
#
# Needs Debian's chromium and playwright-core (npm; tools/setup.sh installs it into
# .deps/npm; another folder in PLAYWRIGHT_DIR). Exit 77 (skipped) when either is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build-web}" && pwd)
pw=${PLAYWRIGHT_DIR:-$here/.deps/npm/node_modules}
[ -x /usr/bin/chromium ] && [ -d "$pw/playwright-core" ] || { echo "skipped: chromium or playwright-core missing"; exit 77; }
[ -f "$build/web/player/podium.wasm" ] || { echo "no player in $build/web/player: build it first"; exit 2; }

site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
ln -s "$build/web/player" "$site/player"
ln -s "$here/decks" "$site/decks"
ln -s "$here/web/tests/fixtures" "$site/fixtures"
port=$((20000 + RANDOM % 20000))
/usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
NODE_PATH="$pw" node "$here/web/tests/player_e2e.js" "http://127.0.0.1:$port"
