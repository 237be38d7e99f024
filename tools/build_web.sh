#!/usr/bin/env bash
# Builds the engine (and, when it exists, the browser player) with Debian's Emscripten.
#
#   tools/build_web.sh [BUILD_DIR] [TARGET…]     default: build-web, all targets
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-web}
shift || true
export NODE_PATH=/usr/share/nodejs EMSDK_PYTHON=/usr/bin/python3
# Emscripten's cache is read-only (/usr/share/emscripten/cache, frozen): nothing is built there.
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
emcmake cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DPODIUM_BUILD_TESTS=OFF \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
if [ $# -gt 0 ]; then
  cmake --build "$build" --target "$@"
else
  cmake --build "$build"
fi
