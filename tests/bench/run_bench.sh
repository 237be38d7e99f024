#!/usr/bin/env bash
# The player benchmark, by hand (not in ctest; about 6 minutes on 2 cores):
#
#   tests/bench/run_bench.sh [PLAYER_DIR] [--sizes 10,100,1000] [--loads 3]
#   tests/bench/run_bench.sh [PLAYER_DIR] --build-only     only the second table (~1 minute)
#
# PLAYER_DIR defaults to build-web/web/player (tools/run.sh builds it). reveal.js and Marp
# CLI come from npm into .deps/bench, for this benchmark only (pinned; skipped when there);
# playwright-core from .deps/npm (tools/setup.sh). Prints two Markdown tables: the players
# (bench.js), then `deckc build`/`export` next to Marp CLI (build_bench.js; deckc from
# build/tools/deckc/deckc, or $DECKC).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
player=$here/build-web/web/player
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then player=$1; shift; fi
[ -f "$player/podium.wasm" ] || { echo "no player in $player: build it with tools/build_web.sh" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "needs Debian's chromium (tools/setup.sh)" >&2; exit 2; }
[ -d "$here/.deps/npm/node_modules/playwright-core" ] || { echo "needs playwright-core: run tools/setup.sh" >&2; exit 2; }

bench=$here/.deps/bench
reveal_version=6.0.2
marp_version=4.5.1
installed() { node -p "require('$bench/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed reveal.js)" != "$reveal_version" ] || [ "$(installed @marp-team/marp-cli)" != "$marp_version" ]; then
  echo "bench: npm install reveal.js@$reveal_version @marp-team/marp-cli@$marp_version into .deps/bench" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$bench" --save-exact --no-audit --no-fund \
    --loglevel=error "reveal.js@$reveal_version" "@marp-team/marp-cli@$marp_version" >&2
fi
deckc=${DECKC:-$here/build/tools/deckc/deckc}
[ -x "$deckc" ] || { echo "no deckc at $deckc: build it, or name it in DECKC" >&2; exit 2; }
build_only=0
args=()
for a in "$@"; do if [ "$a" = --build-only ]; then build_only=1; else args+=("$a"); fi; done
if [ $build_only = 0 ]; then
  NODE_PATH="$here/.deps/npm/node_modules" node "$here/tests/bench/bench.js" \
    "$player" "$bench/node_modules/reveal.js" "$bench/node_modules/.bin/marp" "${args[@]}"
  echo
fi
node "$here/tests/bench/build_bench.js" "$deckc" "$player" "$bench/node_modules/.bin/marp"
