#!/usr/bin/env bash
# podium end to end, under Xvfb: starts the app on a copy of tests/native/deck.md, drives it
# with xdotool, captures both windows with ImageMagick's `import` and checks what they show.
#
#   run_podium_test.sh PODIUM DECKC DECK WORKDIR
#
# Each slide of the deck has its own background colour, so a screenshot says which slide a
# window shows by counting pixels of that colour (the presenter's current preview is the
# biggest patch, the next preview the second); the audience window is also compared with
# `deckc render` of the same slide. Every wait is bounded. Prints "N passed, N failed" and
# exits non-zero on any failure; exits 77 (skipped) when Xvfb or the X tools are missing.
set -u
podium=$1 deckc=$2 source_deck=$3 work=$4

if [ -z "${PODIUM_IN_XVFB:-}" ]; then
  for tool in xvfb-run xdotool import compare convert identify; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
  done
  export PODIUM_IN_XVFB=1
  # -noreset: Xvfb would otherwise reset (refusing connections for a moment) each time its
  # last client quits, i.e. between two podium runs.
  exec timeout 400 xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" bash "$0" "$@"
fi

rm -rf "$work" && mkdir -p "$work/refs" "$work/shots"
deck="$work/talk.md"
cp "$source_deck" "$deck"
export XDG_STATE_HOME="$work/state"
export LANG=en_US.UTF-8 LANGUAGE=
passed=0 failed=0 pid= P= A= run=0

BLUE='#1f6feb' GREEN='#2da44e' YELLOW='#d4a72c' PURPLE='#8250df' ORANGE='#e8590c' NAVY='#0a3069'
ACCENT='#ffc857' BANNER='#5c181c'

pass() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1${2:+ ($2)}"; }

# [SECTION] Screenshots and pixel counts ---------------------------------------------------

shot() {  # window-id name → path of a fresh PNG of the window (numbered in order)
  local n
  n=$(find "$work/shots" -name '*.png' | wc -l)
  local path="$work/shots/$(printf %03d $((n + 1)))-$2.png"
  import -window "$1" "$path" 2>/dev/null
  echo "$path"
}

pixels() { identify -format "%[fx:w*h]" "$1"; }

count_colour() {  # png colour → pixels within 10% of the colour
  local size ae
  size=$(identify -format "%wx%h" "$1")
  ae=$(compare -metric AE -fuzz 10% "$1" -size "$size" "xc:$2" null: 2>&1)
  awk -v t="$(pixels "$1")" -v d="$ae" 'BEGIN { printf "%d", t - d }'
}

share_of() {  # png colour → share of the image in that colour, 0..1
  awk -v n="$(count_colour "$1" "$2")" -v t="$(pixels "$1")" 'BEGIN { printf "%.4f", n / t }'
}

brightness() { convert "$1" -colorspace Gray -format "%[fx:mean]" info:; }

gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

# The audience shows the slide of `colour` (most of the window) — waits up to `seconds`.
audience_is() {  # colour name seconds
  local deadline=$((SECONDS + ${3:-5})) s
  while true; do
    s=$(shot "$A" "audience-$2")
    gt "$(share_of "$s" "$1")" 0.6 && { last_shot=$s; return 0; }
    [ $SECONDS -ge $deadline ] && { last_shot=$s; return 1; }
    sleep 0.25
  done
}

# The presenter's current preview shows `current` and its next preview `next` ("" = none).
presenter_is() {  # current next name seconds
  local deadline=$((SECONDS + ${4:-5})) s c n
  while true; do
    s=$(shot "$P" "presenter-$3")
    c=$(count_colour "$s" "$1")
    n=0
    [ -n "$2" ] && n=$(count_colour "$s" "$2")
    if [ "$c" -gt 20000 ] && { [ -z "$2" ] || { [ "$n" -gt 5000 ] && [ "$c" -gt "$n" ]; }; }; then
      last_shot=$s
      return 0
    fi
    if [ $SECONDS -ge $deadline ]; then
      last_shot=$s
      last_counts="current $c, next $n"
      return 1
    fi
    sleep 0.25
  done
}

check_audience() { audience_is "$2" "$3" "${4:-5}" && pass "$1" || fail "$1" "$last_shot"; }
check_presenter() {
  presenter_is "$2" "$3" "$4" "${5:-5}" && pass "$1" || fail "$1" "$last_counts, $last_shot"
}

# Pixels that differ (fuzz 8%) between the audience window and `deckc render` of a slide.
differs_from_render() {  # png slide-number → share of differing pixels
  local ref="$work/refs/slide-$(printf %03d "$2").png" ae
  ae=$(compare -metric AE -fuzz 8% "$1" "$ref" null: 2>&1)
  awk -v d="$ae" -v t="$(pixels "$1")" 'BEGIN { printf "%.4f", d / t }'
}

# [SECTION] Driving podium -------------------------------------------------------------

window_named() { xdotool search --name "$1" 2>/dev/null | head -n 1; }

start_podium() {  # extra args…
  run=$((run + 1))
  log="$work/podium-$run.log"
  "$podium" --presenter-geometry 1200x700+0+0 --audience-geometry 640x360+1220+0 "$@" "$deck" \
    >"$log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 20))
  P= A=
  while [ $SECONDS -lt $deadline ]; do
    P=$(window_named 'Podium.*presenter')
    A=$(window_named 'Podium.*audience')
    [ -n "$P" ] && [ -n "$A" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  sleep 0.5  # first frames
  [ -n "$P" ] && [ -n "$A" ]
}

keys() {  # window-id key…
  local w=$1
  shift
  xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w"
  for k in "$@"; do
    xdotool key "$k"
    sleep 0.08
  done
}

stop_podium() {  # quits with Ctrl+Q; returns podium's exit status
  [ -z "$pid" ] && return 0
  keys "$P" ctrl+q
  local deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
    pid=
    return 124
  fi
  wait "$pid"
  local status=$?
  pid=
  return $status
}

crash_podium() {
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pid=
}

cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; }
trap cleanup EXIT

# Edits the copy the way an editor saves: write a new file, rename it over the deck.
edit_deck() {  # sed-expression
  sed "$1" "$deck" >"$deck.new" && mv "$deck.new" "$deck"
  deck_sum=$(md5sum <"$deck")
}

# [SECTION] The checks -------------------------------------------------------------------

"$deckc" render "$deck" -o "$work/refs" --size 640x360 >/dev/null || fail "deckc render"
deck_sum=$(md5sum <"$deck")

if ! start_podium --fresh; then
  fail "podium opens a presenter and an audience window" "$(cat "$log")"
  echo "$passed passed, $failed failed"
  exit 1
fi
pass "podium opens a presenter and an audience window"

check_audience "audience shows slide 1" "$BLUE" one
d=$(differs_from_render "$last_shot" 1)
awk -v d="$d" 'BEGIN { exit !(d < 0.02) }' && pass "audience matches deckc render of slide 1 ($d differ)" ||
  fail "audience matches deckc render of slide 1" "$d of the pixels differ: $last_shot"
check_presenter "presenter: slide 1 now, slide 2 next" "$BLUE" "$GREEN" one-two

keys "$P" Right
check_audience "Right in the presenter window moves the audience to slide 2" "$GREEN" two
d=$(differs_from_render "$last_shot" 2)
awk -v d="$d" 'BEGIN { exit !(d < 0.02) }' && pass "audience matches deckc render of slide 2 ($d differ)" ||
  fail "audience matches deckc render of slide 2" "$d of the pixels differ: $last_shot"
check_presenter "presenter follows: slide 2 now, slide 3 next" "$GREEN" "$YELLOW" two-three

keys "$A" Left
check_audience "Left in the audience window goes back" "$BLUE" back-one
check_presenter "presenter follows the audience window" "$BLUE" "$GREEN" back-one
keys "$A" Next  # a clicker's PageDown
check_audience "PageDown (a clicker) in the audience window" "$GREEN" clicker

keys "$P" 4 Return
check_audience "digits + Enter in the presenter window go to slide 4" "$PURPLE" goto-four
check_presenter "presenter at the last slide has no next preview" "$PURPLE" "" four
keys "$P" Home
check_audience "Home" "$BLUE" home

keys "$P" b
s=$(shot "$A" audience-black)
gt 0.02 "$(brightness "$s")" && pass "B in the presenter window blacks out the audience" ||
  fail "B blacks out the audience" "$s"
s=$(shot "$P" presenter-black)
[ "$(count_colour "$s" "$ACCENT")" -gt 300 ] && pass "presenter shows the BLACK SCREEN badge" ||
  fail "presenter shows the BLACK SCREEN badge" "$s"
keys "$P" b
check_audience "B again brings the slide back" "$BLUE" unblack

# A click on the next-slide preview is Next: find the green patch and click its centre.
s=$(shot "$P" presenter-find-next)
box=$(convert "$s" -fuzz 10% -fill black +opaque "$GREEN" -fill white -opaque "$GREEN" -trim \
  -format "%w %h %X %Y" info: 2>/dev/null)
read -r bw bh bx by <<<"$box"
if [ -n "${by:-}" ] && [ "$bw" -gt 50 ]; then
  xdotool mousemove --window "$P" $((bx + bw / 2)) $((by + bh / 2)) click 1
  check_audience "a click on the next-slide preview moves on" "$GREEN" clicked
else
  fail "found the next-slide preview" "$box"
fi

keys "$P" x
sleep 0.5
pw=$(xdotool getwindowgeometry "$(window_named 'Podium.*presenter')" 2>/dev/null | awk '/Geometry/ { split($2, g, "x"); print g[1] }')
[ "${pw:-0}" = 640 ] && pass "X swaps the views" || fail "X swaps the views" "presenter width $pw"
keys "$(window_named 'Podium.*presenter')" x
sleep 0.5
P=$(window_named 'Podium.*presenter')
A=$(window_named 'Podium.*audience')
check_audience "X again swaps them back" "$GREEN" swapped-back

# Reload on save, keeping the slide.
edit_deck "s/$GREEN/$ORANGE/"
check_audience "a save reloads the deck and keeps slide 2" "$ORANGE" reloaded 6

# A save that breaks the deck: the last good slides stay, the presenter says why.
edit_deck "s/$ORANGE/$NAVY/; s/^The second slide\.\$/The second slide. ![](missing-image.png)/"
sleep 2
s=$(shot "$A" audience-broken)
gt "$(share_of "$s" "$ORANGE")" 0.6 && [ "$(count_colour "$s" "$NAVY")" -lt 100 ] &&
  pass "a broken save keeps the last good slide" || fail "a broken save keeps the last good slide" "$s"
s=$(shot "$P" presenter-broken)
[ "$(count_colour "$s" "$BANNER")" -gt 5000 ] && pass "presenter shows the diagnostic banner" ||
  fail "presenter shows the diagnostic banner" "$s"
grep -q "missing-image.png" "$log" && pass "the diagnostic names the problem" ||
  fail "the diagnostic names the problem" "$log"

edit_deck "s/ !\[\](missing-image.png)//"
check_audience "the fixed save is shown" "$NAVY" fixed 6
s=$(shot "$P" presenter-fixed)
[ "$(count_colour "$s" "$BANNER")" -lt 500 ] && pass "the banner goes away" || fail "the banner goes away" "$s"

mv "$deck" "$deck.away"
sleep 1.5
s=$(shot "$P" presenter-unreadable)
[ "$(count_colour "$s" "$BANNER")" -gt 5000 ] && pass "a deleted deck shows the banner" ||
  fail "a deleted deck shows the banner" "$s"
audience_is "$NAVY" still-there 1 && pass "… and keeps the slides" || fail "… and keeps the slides" "$last_shot"
mv "$deck.away" "$deck"
sleep 1.5
s=$(shot "$P" presenter-back)
[ "$(count_colour "$s" "$BANNER")" -lt 500 ] && pass "the deck is back" || fail "the deck is back" "$s"

# A crash, then a restart: same slide.
crash_podium
start_podium || fail "podium restarts"
check_audience "after a crash, a restart comes back on slide 2" "$NAVY" restored
grep -q "restored slide 2" "$log" && pass "the log says what was restored" ||
  fail "the log says what was restored" "$log"
stop_podium && pass "Ctrl+Q quits with status 0" || fail "Ctrl+Q quits with status 0"
[ "$(md5sum <"$deck")" = "$deck_sum" ] && pass "podium never wrote to the deck" ||
  fail "podium never wrote to the deck"

# Rehearsal: seconds per slide beside the deck, used by the next run.
start_podium --rehearse --fresh || fail "podium --rehearse starts"
keys "$P" Right
sleep 1.6
keys "$P" Right
sleep 0.6
stop_podium || fail "the rehearsal quits cleanly"
rehearsal="$deck.rehearsal.json"
if [ -f "$rehearsal" ]; then
  pass "--rehearse writes $(basename "$rehearsal")"
  secs=$(sed -n 's/.*"seconds_per_slide": \[\(.*\)\].*/\1/p' "$rehearsal")
  n=$(echo "$secs" | awk -F, '{ print NF }')
  s2=$(echo "$secs" | awk -F, '{ print $2 + 0 }')
  s1=$(echo "$secs" | awk -F, '{ print $1 + 0 }')
  [ "$n" = 4 ] && gt "$s1" 0.3 && gt "$s2" 1.2 && pass "it records seconds per slide ($secs)" ||
    fail "it records seconds per slide" "$secs"
else
  fail "--rehearse writes $(basename "$rehearsal")"
fi
start_podium --fresh || fail "podium starts after a rehearsal"
grep -q "pacing from talk.md.rehearsal.json" "$log" && pass "the next run paces by the rehearsal" ||
  fail "the next run paces by the rehearsal" "$log"
stop_podium
[ "$(md5sum <"$deck")" = "$deck_sum" ] && pass "the deck is unchanged after all runs" ||
  fail "the deck is unchanged after all runs"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
