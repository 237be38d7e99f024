#!/usr/bin/env bash
# deckc export / notes as a user runs them, checked with poppler's pdfinfo and pdftotext.
#
#   run_export_cli.sh DECKC DECK_DIR WORK_DIR
#
# Exits non-zero with a message on the first check that fails.
set -euo pipefail
deckc=$1 decks=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# One page per slide, 960×540 pt, text findable (Latin and Chinese).
"$deckc" export "$decks/export.md" -o "$work/talk.pdf" >/dev/null
[ "$(pages "$work/talk.pdf")" = 4 ] || fail "expected 4 pages, got $(pages "$work/talk.pdf")"
pdfinfo "$work/talk.pdf" | grep -q 'Page size: *960 x 540 pts' || fail "page size"
text=$(pdftotext -enc UTF-8 "$work/talk.pdf" -)
for want in "Podium exports PDF" "中文标题：幻灯片导出" "中文段落，测试复制和搜索。" "Code and image"; do
  grep -qF "$want" <<<"$text" || fail "'$want' not in the PDF's text"
done
pdffonts "$work/talk.pdf" | grep -q 'NotoSansCJKsc-Regular *CID Type 0C *Identity-H *yes yes yes' \
  || fail "the CJK font is not an embedded subset with ToUnicode"

# Steps: 1 + 4 + 1 + 1 pages. Notes: taller pages with the notes text.
"$deckc" export "$decks/export.md" -o "$work/steps.pdf" --steps >/dev/null
[ "$(pages "$work/steps.pdf")" = 7 ] || fail "--steps: expected 7 pages, got $(pages "$work/steps.pdf")"
"$deckc" export "$decks/export.md" -o "$work/notes.pdf" --notes >/dev/null
pdfinfo "$work/notes.pdf" | grep -q 'Page size: *960 x 1358 pts' || fail "--notes page size"
pdftotext -enc UTF-8 "$work/notes.pdf" - | tr -d ' \n' | grep -qF '标点符号不会出现在行首' \
  || fail "--notes: the Chinese notes are not in the text"

# Without -o the PDF goes next to the deck's name; here into a copy, never over the deck.
cp -r "$decks" "$work/copy"
"$deckc" export "$work/copy/export.md" >/dev/null
[ -f "$work/copy/export.pdf" ] || fail "no default output export.pdf"
cmp -s "$decks/export.md" "$work/copy/export.md" || fail "the deck was changed"
if "$deckc" export "$work/copy/export.md" -o "$work/copy/export.md" 2>/dev/null; then
  fail "export over the deck itself was not refused"
fi
cmp -s "$decks/export.md" "$work/copy/export.md" || fail "the deck was overwritten"

# A failed export (the target is a folder that cannot be replaced) leaves no temporary file.
mkdir -p "$work/dir.pdf/x"
if "$deckc" export "$decks/export.md" -o "$work/dir.pdf" 2>/dev/null; then fail "export over a folder"; fi
[ -z "$(ls "$work" | grep -F '.tmp-')" ] || fail "a temporary file was left behind"

# A missing image still exports.
"$deckc" export "$decks/missing-image.md" -o "$work/missing.pdf" >/dev/null 2>&1 || true
[ "$(pages "$work/missing.pdf")" = 1 ] || fail "missing image: no PDF"

# --png draws exactly what render draws.
"$deckc" export "$decks/export.md" --png -o "$work/png" >/dev/null
"$deckc" render "$decks/export.md" -o "$work/render" >/dev/null
for f in "$work"/render/*.png; do
  cmp -s "$f" "$work/png/$(basename "$f")" || fail "--png differs from render: $(basename "$f")"
done
[ "$(ls "$work/png" | wc -l)" = 4 ] || fail "--png: expected 4 files"

# notes: Markdown, one heading per slide.
notes=$("$deckc" notes "$decks/export.md")
grep -qxF '## Slide 2 — 中文标题：幻灯片导出' <<<"$notes" || fail "notes: heading of slide 2"
grep -qxF '## Slide 4 — Table and background' <<<"$notes" || fail "notes: heading of slide 4"
grep -qF '这是中文备注。' <<<"$notes" || fail "notes: text of slide 2"
echo "ok"
