#!/usr/bin/env bash
# deckc against hostile decks, as a user runs it (tests/robustness/suite.cmake).
#
#   run_deckc_security.sh DECKC WORK_DIR CASE
#
# CASE
#   paths          `deckc check` refuses images outside the deck's folder (../, absolute,
#                  a symlink out) with one error per image at its line; exit status 1
#   no-writes      every subcommand, run on a copy of a deck: the deck folder's files keep
#                  their bytes and their mtime, and no file appears in it
#   failed-output  a render or export that fails part-way (the file size limit kills it,
#                  or the temporary file cannot be made) leaves the previous output intact
set -u
deckc=$1 work=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

rm -rf "$work"
mkdir -p "$work"
cp -r "$here/decks/hostile" "$work/deck"
cp "$here/images/photo.png" "$work/outside.png"
ln -s "$work/outside.png" "$work/deck/link.png"
deck="$work/deck/hostile.md"

# Bytes and mtime of every file in the deck folder (symlinks not followed).
snapshot() {
  (cd "$work/deck" && find . -print0 | sort -z | xargs -0 stat -c '%n %s %y %F' &&
    find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

case $case in
paths)
  "$deckc" check "$deck" 2>"$work/stderr"
  status=$?
  cat "$work/stderr"
  [ $status = 1 ] || fail "exit status $status, expected 1"
  for expected in \
    "hostile.md:7:1: error: image path '../../etc/passwd' is outside the deck's folder" \
    "hostile.md:8:1: error: image path '/etc/passwd' is outside the deck's folder" \
    "hostile.md:9:1: error: image path '../outside.png' is outside the deck's folder" \
    "hostile.md:10:1: error: image path 'link.png' is outside the deck's folder" \
    "image path '../../../etc/shadow' is outside the deck's folder"; do
    grep -qF -- "$expected" "$work/stderr" || fail "missing: $expected"
  done
  grep -q "ok.png" "$work/stderr" && fail "ok.png (inside the folder) was reported"
  grep -q "root:" "$work/stderr" && fail "the contents of /etc/passwd leaked into the output"
  ;;

no-writes)
  # An old mtime, so that any write (even of the same bytes) shows.
  touch -h -d '2001-02-03 04:05:06' "$work/deck"/* "$work/deck"
  before=$(snapshot)
  out="$work/out"
  mkdir -p "$out"
  run() {  # expected-status args…
    local expected=$1
    shift
    (cd "$work" && "$deckc" "$@" >"$out/stdout" 2>"$out/stderr")
    local status=$?
    if [ "$status" != "$expected" ]; then
      fail "deckc $* exited $status, expected $expected"
      cat "$out/stderr"
    fi
  }
  run 1 check "$deck"
  run 1 check --werror "$deck"
  run 1 render "$deck" -o "$out/render" --size 320x180
  run 1 render "$deck" -o "$out/render-steps" --steps --slides 1-2 --size 160x90
  run 0 outline "$deck"
  run 0 outline --json "$deck"
  run 0 notes "$deck"
  run 1 export "$deck" -o "$out/deck.pdf"
  run 1 export "$deck" -o "$out/handout.pdf" --notes --steps
  run 1 export "$deck" --png -o "$out/png" --size 160x90
  # Asked to write over the deck itself: refused.
  run 2 export "$deck" -o "$deck"
  # serve reads only: run it briefly (it stops on SIGTERM).
  if "$deckc" serve --help >/dev/null 2>&1; then
    mkdir -p "$work/player"
    echo '<!doctype html><title>stand-in player</title>' >"$work/player/index.html"
    printf '\0asm\1\0\0\0' >"$work/player/podium.wasm"
    (cd "$work" && exec "$deckc" serve "$deck" --port 0 --player "$work/player") >"$out/serve.out" 2>&1 &
    serve_pid=$!
    port=""
    for _ in $(seq 50); do
      port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out/serve.out" | head -n 1)
      [ -n "$port" ] && break
      sleep 0.2
    done
    if [ -z "$port" ]; then
      fail "deckc serve did not start: $(cat "$out/serve.out")"
    else
      # Bound to loopback only (unless --host says otherwise): the kernel's listening
      # sockets on that port are 127.0.0.1 ones.
      hex=$(printf '%04X' "$port")
      listening=$(awk -v p=":$hex" '$4 == "0A" && $2 ~ p"$" {print $2}' /proc/net/tcp /proc/net/tcp6)
      [ "$listening" = "0100007F:$hex" ] || fail "deckc serve listens on '$listening', not 127.0.0.1:$port"
    fi
    kill -TERM "$serve_pid" 2>/dev/null
    wait "$serve_pid" 2>/dev/null
  fi
  after=$(snapshot)
  if [ "$before" != "$after" ]; then
    fail "the deck folder changed:"
    diff <(echo "$before") <(echo "$after")
  fi
  ;;

failed-output)
  out="$work/out"
  (cd "$work" && "$deckc" render "$deck" -o "$out" --size 320x180 >/dev/null 2>&1)
  (cd "$work" && "$deckc" export "$deck" -o "$out/deck.pdf" >/dev/null 2>&1)
  [ -s "$out/slide-001.png" ] && [ -s "$out/deck.pdf" ] || fail "first render/export wrote nothing"
  before=$(cd "$out" && sha256sum slide-001.png slide-002.png deck.pdf)

  # 1. Killed part-way: the file size limit (SIGXFSZ) stops deckc while it writes a file
  #    larger than 4 KB.
  (ulimit -f 4 && cd "$work" && exec "$deckc" render "$deck" -o "$out" --size 1920x1080) \
    >/dev/null 2>&1
  status=$?
  [ $status = 0 ] && fail "render under a 4 KB file size limit succeeded"
  (ulimit -f 4 && cd "$work" && exec "$deckc" export "$deck" -o "$out/deck.pdf") >/dev/null 2>&1
  status=$?
  [ $status = 0 ] && fail "export under a 4 KB file size limit succeeded"

  # What a killed run leaves behind is a temporary file beside the output, never a
  # half-written output.
  ls "$out"
  rm -f "$out"/*.tmp "$out"/*.tmp-*

  # 2. The temporary file cannot be created (a folder stands in its way): a clean error.
  mkdir -p "$out/slide-001.png.tmp"
  (cd "$work" && "$deckc" render "$deck" -o "$out" --size 640x360 2>"$work/stderr" >/dev/null)
  status=$?
  [ $status = 2 ] || fail "render with a blocked temporary file exited $status, expected 2"
  grep -q "cannot write" "$work/stderr" || fail "no 'cannot write' message"
  rmdir "$out/slide-001.png.tmp"

  after=$(cd "$out" && sha256sum slide-001.png slide-002.png deck.pdf)
  if [ "$before" != "$after" ]; then
    fail "previous output changed:"
    diff <(echo "$before") <(echo "$after")
  fi
  ;;

*)
  echo "unknown case $case"
  exit 2
  ;;
esac

if [ $failures = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, $failures failed"; exit 1; fi
