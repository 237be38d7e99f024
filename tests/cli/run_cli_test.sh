#!/usr/bin/env bash
# Runs a deckc command in tests/cli and compares its stderr and exit status with the
# expected ones.   run_cli_test.sh DECKC EXPECTED_EXIT EXPECTED_FILE -- ARGS…
set -u
deckc=$1 expected_exit=$2 expected_file=$3
shift 4
cd "$(dirname "$0")"
actual=$("$deckc" "$@" 2>&1 >/dev/null)
status=$?
ok=1
if [ "$status" != "$expected_exit" ]; then
  echo "exit status $status, expected $expected_exit"
  ok=0
fi
if ! diff -u "$expected_file" <(printf '%s\n' "$actual"); then ok=0; fi
[ $ok = 1 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
