#!/usr/bin/env bash
# The main job: installs what is missing (apt, as root), builds Podium natively and the
# browser player (Debian's Emscripten), checks the Chinese showcase deck, renders its PNGs,
# and serves it with `deckc serve`, printing the URL to open. Save the deck and the page
# reloads at the same slide. Ctrl-C stops the server.
#
#   tools/run.sh [DECK]              default: decks/zh-tech-talk.md
#   PODIUM_PORT=9000 tools/run.sh    another port (default 8000; a taken port → a free one)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
deck=${1:-decks/zh-tech-talk.md}
bash tools/setup.sh
build=${PODIUM_BUILD_DIR:-build}
web=${PODIUM_WEB_BUILD_DIR:-build-web}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"
echo "run: building the browser player into $web/web/player"
bash tools/build_web.sh "$web"
deckc="$build/tools/deckc/deckc"
name=$(basename "$deck" .md)
"$deckc" check "$deck" || true
"$deckc" render "$deck" -o "out/$name" --size 1920x1080 || true
echo "run: deckc render's PNGs of $deck: file://$here/out/$name/"
exec "$deckc" serve "$deck" --port "${PODIUM_PORT:-8000}" --player "$web/web/player"
