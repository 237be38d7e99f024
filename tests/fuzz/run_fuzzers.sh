#!/usr/bin/env bash
# Builds Podium's libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded
# time; prints a summary and exits non-zero if any target crashed, leaked, timed out or ran
# out of memory. The input that did it is left under the build folder.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS_EACH]          default 60 (or $PODIUM_FUZZ_SECONDS)
#
# Environment:
#   PODIUM_FUZZ_BUILD_DIR   build folder (default: build-fuzz at the repository's root)
#   PODIUM_FUZZ_JOBS        targets run side by side (default: the number of cores)
#   PODIUM_FUZZ_TARGETS     a space-separated subset, e.g. "deck image" (default: all built:
#                           deck directives image session, and tex mermaid when the engine
#                           has engine/math and engine/diagram)
#
# Layout of the build folder:
#   fuzz_<target>                 the fuzzers; run one by hand on a file to replay it:
#                                   build-fuzz/fuzz_deck build-fuzz/crashes/deck/crash-…
#   corpus/<target>/              inputs found so far (kept between runs; the checked-in
#                                 seeds in tests/fuzz/corpus/<target>/ are never written)
#   crashes/<target>/             crash-*, leak-*, timeout-*, oom-* inputs
#   logs/<target>.log             libFuzzer's output
# A crash input belongs in tests/robustness/regressions/ as <target>-<what>.<ext>, where
# tests/robustness/regression_test.cpp replays it through the same path.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-${PODIUM_FUZZ_SECONDS:-60}}
build=${PODIUM_FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${PODIUM_FUZZ_JOBS:-$(nproc)}

if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [SECONDS_EACH]" >&2
  exit 2
fi

echo "fuzz: building in $build (clang, ASan + UBSan + libFuzzer)"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; exit 2; }
  rm -f "$build.configure.log"
fi
cmake --build "$build" || exit 2
# Every target built (tex and mermaid only when the engine has those parsers).
all_targets=$(cd "$build" && for f in fuzz_*; do [ -f "$f" ] && [ -x "$f" ] && echo "${f#fuzz_}"; done)
targets=${PODIUM_FUZZ_TARGETS:-$(echo $all_targets)}

export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=1:allocator_may_return_null=0"}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-"print_stacktrace=1:halt_on_error=1"}

run_one() {  # target
  local target=$1
  local work="$build/corpus/$target" crashes="$build/crashes/$target"
  mkdir -p "$work" "$crashes" "$build/logs"
  local dict=()
  case $target in
    deck | directives) dict=(-dict="$here/deck.dict") ;;
    *) [ -f "$here/$target.dict" ] && dict=(-dict="$here/$target.dict") ;;
  esac
  "$build/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" \
    "$work" "$here/corpus/$target" >"$build/logs/$target.log" 2>&1
  echo $? >"$build/logs/$target.status"
}

echo "fuzz: $seconds s each, $jobs at a time: $targets"
start=$(date +%s)
running=0
for target in $targets; do
  if [ ! -x "$build/fuzz_$target" ]; then
    echo "fuzz: no target fuzz_$target" >&2
    exit 2
  fi
  rm -f "$build/logs/$target.status"
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
printf '\n%-12s %-8s %12s %10s %8s  %s\n' target result executions exec/s cov crash
for target in $targets; do
  log="$build/logs/$target.log"
  status=$(cat "$build/logs/$target.status" 2>/dev/null || echo 99)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  result=ok
  if [ "$status" != 0 ]; then
    result=FAILED
    failed=1
  fi
  printf '%-12s %-8s %12s %10s %8s  %s\n' "$target" "$result" "${runs:-?}" "${speed:-?}" \
    "${cov:-?}" "${artifact:-}"
done
echo "fuzz: $(($(date +%s) - start)) s; logs in $build/logs/"
if [ $failed = 1 ]; then
  echo "fuzz: FAILED — replay with: $build/fuzz_<target> <crash file>; see the log for the stack" >&2
  for target in $targets; do
    status=$(cat "$build/logs/$target.status" 2>/dev/null || echo 99)
    [ "$status" = 0 ] && continue
    echo "---- $target (exit $status): end of $build/logs/$target.log" >&2
    grep -v '^#[0-9]' "$build/logs/$target.log" | tail -n 40 >&2
  done
fi
exit $failed
