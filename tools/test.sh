#!/usr/bin/env bash
# Runs every Podium test: installs what is missing (apt, as root), builds, runs ctest.
#
#   tools/test.sh            all tests, then the robustness stages below
#   tools/test.sh -R golden  only the tests whose name matches (ctest -R); no extra stages
#   tools/test.sh -L web     the browser player and deckc serve (tests/web/suite.cmake):
#                            builds the player with Emscripten, then headless Chromium
#
# Robustness stages (docs/robustness.md), after ctest when no ctest arguments are given:
#   sanitizers   the unit test binary built with ASan + UBSan (build-sanitize/, the
#                `sanitize` preset's settings) and run; PODIUM_SANITIZE_TESTS=0 skips it
#   fuzzing      every libFuzzer target for PODIUM_FUZZ_SECONDS each (default 60; 0 skips),
#                tests/fuzz/run_fuzzers.sh, clang, in build-fuzz/
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
bash tools/setup.sh
build=${PODIUM_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build"
if [ $# -gt 0 ]; then
  exec ctest --test-dir "$build" --output-on-failure "$@"
fi
# The unit tests on every core; the browser tests (label web) then one at a time: each
# drives a headless Chromium, and two at once slow each other's frames past their waits.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" -LE web
ctest --test-dir "$build" --output-on-failure -L web

stage() { echo "== $1 ($(date +%T))"; }

if [ "${PODIUM_SANITIZE_TESTS:-1}" != 0 ]; then
  stage "unit tests under ASan + UBSan"
  sanitize=${PODIUM_SANITIZE_BUILD_DIR:-build-sanitize}
  # The `sanitize` preset (CMakePresets.json): -O1 -g1 compiles about twice as fast as
  # -O2 -g under the sanitizers, and line tables keep file:line in ASan's stack traces.
  cmake --preset sanitize -B "$sanitize" >/dev/null
  cmake --build "$sanitize" --target podium_tests
  # Leaks count (but cairo's and FreeType's process-long caches: tests/lsan.supp); any UB
  # aborts (-fno-sanitize-recover=undefined in the build). The three tests that time
  # 10-MB and 10,000-slide decks are left to the native run above: under ASan they took
  # 20+ minutes and measured the sanitizer, not Podium.
  # One shard per core (GoogleTest's sharding), each its own process; a shard that fails
  # fails the stage once all have finished.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
  shards=$(nproc) pids=()
  for ((i = 0; i < shards; i++)); do
    GTEST_TOTAL_SHARDS=$shards GTEST_SHARD_INDEX=$i "$sanitize/tests/podium_tests" --gtest_brief=1 \
      --gtest_filter='-ParseDeckTest.TenThousandSlides:Limits.TenMegabyte*' &
    pids+=($!)
  done
  failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ $failed = 0 ] || { echo "unit tests under ASan + UBSan: a shard failed (above)"; exit 1; }
fi

if [ "${PODIUM_FUZZ_SECONDS:-60}" != 0 ]; then
  stage "fuzzing, ${PODIUM_FUZZ_SECONDS:-60} s per target"
  bash tests/fuzz/run_fuzzers.sh "${PODIUM_FUZZ_SECONDS:-60}"
fi
stage done
