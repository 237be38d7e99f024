// PDF export: laid-out slides → one vector PDF with real, selectable and searchable text.
//
//   tools::LoadedDeck loaded;  tools::LoadDeckFile("talk.md", &loaded);
//   std::vector<SlideLayout> layouts = LayoutDeck(loaded.deck, {&fonts, &loaded.images}, &diags);
//   std::string error;
//   tools::PdfOptions options;  options.steps = true;   // one page per step
//   if (!tools::ExportPdf(loaded, layouts, fonts, options, "talk.pdf", &error)) die(error);
//
// Pages: one per slide (every step shown), or one per step with `steps`; the page is the
// slide's design size × points_per_unit (1920×1080 → 960×540 pt). With `notes` each page
// is a portrait handout page: the slide on top, its speaker notes wrapped below (the page
// grows when the notes are long).
//
// What is drawn is exactly the SlideLayout, as engine/draw/draw_slide.cpp draws it:
// background, rounded rects, outlines, lines, circles, glyph runs, images with their UV
// window, clip rects; items whose step is beyond the page's step are left out. Glyphs are
// drawn by id with the very font bytes the layout measured (FontSet), so the PDF shows the
// same glyphs at the same pen positions; the fonts are embedded as subsets with a ToUnicode
// map, so text can be selected, copied and searched (Chinese included). Slide titles become
// PDF bookmarks and `http(s):`/`mailto:` links stay clickable.
//
// Ownership: ExportPdf borrows everything it is given and keeps nothing. The file at `path`
// is written through a temporary file next to it and a rename: a failed export leaves the
// previous PDF untouched, and no half-written file. Errors come back as `false` plus a
// message in *error; ExportPdf never throws (except std::bad_alloc) and never writes to the
// deck (it refuses a `path` that is the deck itself). With SOURCE_DATE_EPOCH set in the
// environment the PDF's creation date is that time, so the same inputs give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "common/deck_files.h"
#include "layout/slide_layout.h"
#include "text/font.h"

namespace podium::tools {

struct PdfOptions {
  bool steps = false;            // one page per step instead of one per slide
  bool notes = false;            // handout pages: the slide with its speaker notes below
  float points_per_unit = 0.5f;  // PDF points per design unit (0 means 0.5)
};

// Writes `layouts` (one per slide of `deck.deck`, as LayoutDeck returns them) to `path`.
bool ExportPdf(const LoadedDeck& deck, const std::vector<SlideLayout>& layouts,
               const FontSet& fonts, const PdfOptions& options, const std::string& path,
               std::string* error);

// Lays out one slide's speaker notes (Markdown, read as plain paragraphs, list items,
// headings, **bold** and `code`) as glyph runs `width` design units wide, top-left at
// (0, 0), with the layout engine's line breaking (so Chinese breaks by its rules). The
// returned layout's height is the notes' height. Used by handout pages; public for tests.
SlideLayout LayoutNotes(const std::string& notes_markdown, float width, const FontSet& fonts);

// Every slide's notes as one Markdown document, `## Slide N — title` before each slide
// (`deckc notes`). Slides without notes get their heading only.
std::string NotesMarkdown(const Deck& deck);

}  // namespace podium::tools
