#!/usr/bin/env bash
# The `qr:` directive draws a code that a real scanner (zbarimg) reads back as the link.
#   qr_scans.sh DECKC
set -u
deckc=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$(dirname "$0")"
"$deckc" render qr.md -o "$out" --size 1280x720 >/dev/null || { echo "render failed"; echo "0 passed, 1 failed"; exit 1; }
passed=0 failed=0
check() {  # file expected-link
  got=$(zbarimg --quiet --raw "$out/$1" 2>/dev/null)
  if [ "$got" = "$2" ]; then passed=$((passed + 1)); else echo "$1: read '$got', expected '$2'"; failed=$((failed + 1)); fi
}
check slide-001.png https://example.com/talks/podium
check slide-002.png https://example.com/other
echo "$passed passed, $failed failed"
[ $failed = 0 ]
