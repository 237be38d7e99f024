#!/usr/bin/env bash
# `deckc build` as a user runs it, no browser (tests/build/build_checks.js opens the output in
# Chromium). The player is a stand-in: the page files from web/ and a dummy podium.js/.wasm —
# build only packs their bytes.
#
#   tests/build/build_cli_test.sh DECKC
#
#   - a deck with a missing image builds (exit 0) with a warning; the manifest carries the
#     image's status, so the page draws the placeholder
#   - ../../etc/passwd and /etc/passwd as images are refused, nothing of them is shipped
#   - a failed build (no player) leaves the previous file and folder untouched, no temp files
#   - the output may not be the deck, nor a folder holding it, nor a foreign folder
#   - the deck is never written
#   - the subsets: Latin Modern Math keeps its MATH table, Inter its kerning, and every face
#     has the deck's characters (fontTools reads them back)
set -euo pipefail
deckc=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok    $*"; }

player=$work/player
mkdir -p "$player"
cp "$here/web/index.html" "$here/web/page.js" "$here/web/page.css" "$player/"
echo '// stand-in' > "$player/podium.js"
printf '\0asm\1\0\0\0' > "$player/podium.wasm"

# The manifest of a built page, as JSON (python reads it back).
manifest() {
  /usr/bin/python3 - "$1" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<script type="application/json" id="podium-embedded">(.*?)</script>', html, re.S)
print(json.dumps(json.loads(m.group(1))))
PY
}

# [SECTION] A missing image ------------------------------------------------------------------
mkdir -p "$work/deck"
cp "$here/tests/web/fixtures/images.md" "$work/deck/images.md"
cp -r "$here/decks/images" "$work/deck/images"
before=$(sha256sum "$work/deck/images.md")
"$deckc" build "$work/deck/images.md" -o "$work/images.html" --player "$player" \
  >"$work/out.txt" 2>"$work/err.txt" || fail "build with a missing image: exit $? $(cat "$work/err.txt")"
grep -q "images.md:10:[0-9]*: error: image 'images/missing.png' not found" "$work/err.txt" || fail "no diagnostic: $(cat "$work/err.txt")"
grep -q "warning: built with" "$work/err.txt" || fail "no warning: $(cat "$work/err.txt")"
manifest "$work/images.html" | /usr/bin/python3 -c '
import json, sys
m = json.load(sys.stdin)
assert m["images"]["images/missing.png"]["status"] == 1, m["images"]
logo = m["images"]["images/logo.png"]["file"]
assert m["files"][logo], "logo not shipped"
assert m["deck"] == "images.md" and m["files"]["images.md"]
' || fail "manifest of the missing-image build"
ok "a deck with a missing image builds, with a warning and the image's status"

# [SECTION] Reading outside the deck's folder (issue #7) --------------------------------------
mkdir -p "$work/evil/talks"
printf '# Evil\n\n![x](../../etc/passwd) ![y](/etc/passwd) ![z](../../../../../../etc/passwd)\n' > "$work/evil/talks/evil.md"
"$deckc" build "$work/evil/talks/evil.md" -o "$work/evil.html" --player "$player" >/dev/null 2>"$work/err.txt" ||
  fail "evil deck: exit $?"
grep -q "outside the deck's folder" "$work/err.txt" || fail "no refusal for ..: $(cat "$work/err.txt")"
grep -q "'/etc/passwd' is outside the deck's folder" "$work/err.txt" || fail "no refusal for /etc/passwd: $(cat "$work/err.txt")"
manifest "$work/evil.html" | /usr/bin/python3 -c '
import json, sys
m = json.load(sys.stdin)
for src, image in m["images"].items():
    assert image.get("status") == 2 and "file" not in image, (src, image)
assert not any(p.startswith("images/") for p in m["files"]), list(m["files"])
' || fail "a refused image was shipped"
! grep -q "root:" "$work/evil.html" || fail "passwd text in the page"
ok "../../etc/passwd and /etc/passwd are refused and not shipped"

# [SECTION] A failed build keeps the previous output ----------------------------------------
old=$(sha256sum < "$work/images.html")
if "$deckc" build "$work/deck/images.md" -o "$work/images.html" --player "$work/no-player" >/dev/null 2>"$work/err.txt"; then
  fail "a build without a player succeeded"
fi
grep -q "no browser player" "$work/err.txt" || fail "unclear error: $(cat "$work/err.txt")"
[ "$(sha256sum < "$work/images.html")" = "$old" ] || fail "the previous file changed"
"$deckc" build "$work/deck/images.md" -o "$work/site/" --player "$player" >/dev/null 2>&1 || fail "site build"
[ -f "$work/site/index.html" ] && [ -f "$work/site/podium.wasm" ] && [ -f "$work/site/images.md" ] &&
  [ -f "$work/site/fonts/Inter-Regular.otf" ] || fail "site files: $(ls -R "$work/site")"
site_old=$(cd "$work/site" && find . -type f -exec sha256sum {} + | sort)
! "$deckc" build "$work/deck/images.md" -o "$work/site/" --player "$work/no-player" >/dev/null 2>&1 || fail "site: no player"
[ "$(cd "$work/site" && find . -type f -exec sha256sum {} + | sort)" = "$site_old" ] || fail "the previous folder changed"
"$deckc" build "$work/deck/images.md" -o "$work/site" --player "$player" >/dev/null 2>&1 || fail "rebuilding over an earlier build"
leftovers=$(find "$work" -maxdepth 1 -name '*.tmp-*' -o -maxdepth 1 -name '*.old-*')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
ok "a failed build leaves the previous file and folder as they were"

# [SECTION] Outputs that would overwrite the deck or someone else's files ----------------------
! "$deckc" build "$work/deck/images.md" -o "$work/deck/images.md" --player "$player" >/dev/null 2>&1 || fail "-o the deck"
! "$deckc" build "$work/deck/images.md" -o "$work/deck/" --player "$player" >/dev/null 2>&1 || fail "-o the deck's folder"
! "$deckc" build "$work/deck/images.md" -o "$work/" --player "$player" >/dev/null 2>&1 || fail "-o a folder holding the deck"
mkdir -p "$work/foreign" && echo keep > "$work/foreign/notes.txt"
! "$deckc" build "$work/deck/images.md" -o "$work/foreign/" --player "$player" >/dev/null 2>"$work/err.txt" || fail "-o a foreign folder"
grep -q "not an earlier deckc build" "$work/err.txt" || fail "unclear error: $(cat "$work/err.txt")"
[ "$(cat "$work/foreign/notes.txt")" = keep ] || fail "the foreign folder changed"
[ "$(sha256sum "$work/deck/images.md")" = "$before" ] || fail "the deck was written"
[ -f "$work/deck/images/logo.png" ] || fail "the deck's folder lost a file"
ok "the deck, its folder and foreign folders are refused as outputs; the deck is never written"

# [SECTION] Subsets ---------------------------------------------------------------------------
for deck in zh-tech-talk formulas; do
  "$deckc" build "$here/decks/$deck.md" -o "$work/$deck.html" --player "$player" >/dev/null 2>&1 || fail "build $deck"
done
for deck in zh-tech-talk formulas; do
  manifest "$work/$deck.html" | /usr/bin/python3 -c '
import base64, io, json, sys, zlib
from fontTools.ttLib import TTFont
m = json.load(sys.stdin)
# The bytes of a file of the build; those named in "deflated" are zlib streams.
def data(path):
    b = base64.b64decode(m["files"][path])
    return zlib.decompress(b) if path in m.get("deflated", []) else b
assert any(p.startswith("fonts/") for p in m["deflated"]), "no font deflated"
deck = data(m["deck"]).decode("utf-8")
fonts = {p[6:]: TTFont(io.BytesIO(data(p))) for p in m["files"] if p.startswith("fonts/")}
cmaps = {name: set(f.getBestCmap()) for name, f in fonts.items()}
covered = set().union(*cmaps.values())
missing = {c for c in map(ord, deck) if c >= 0x20 and c not in covered and c not in (0x2028, 0x200b)}
# What the full faces cannot draw either is no loss.
full = set()
for path, index in [("/usr/share/fonts/opentype/inter/Inter-Regular.otf", 0), ("/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf", 0),
                    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2), ("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", 0)]:
    full |= set(TTFont(path, fontNumber=index, lazy=True).getBestCmap())
assert not (missing & full), "characters lost: " + "".join(sorted(map(chr, missing & full)))
assert "GPOS" in fonts["Inter-Regular.otf"], "Inter lost its kerning"
if "LatinModernMath.otf" in fonts:
    assert "MATH" in fonts["LatinModernMath.otf"], "Latin Modern Math lost its MATH table"
print(sys.argv[1], {n: len(c) for n, c in cmaps.items()})
' "$deck" || fail "subsets of $deck"
done
manifest "$work/formulas.html" | grep -q LatinModernMath.otf || fail "formulas.md ships no math face"
! manifest "$work/images.html" | grep -q NotoSansSC || fail "a Latin deck ships the CJK faces"
ok "subsets keep the deck's characters, kerning and the MATH table; fallback faces only when needed"
echo "deckc build (cli): all passed"
