// The deck model: what a Markdown deck means, as plain data.
//
// ParseDeck() (parse/parse_deck.h) builds it; layout reads it. Nothing here knows about
// fonts, pixels or time. Every slide and block carries the SourcePos it came from, so
// later stages can report problems against the user's file.
//
//   Deck
//   ├── meta          front matter (title, theme, size, duration, …)
//   ├── slides[]      split at thematic breaks
//   │   ├── blocks[]  headings, paragraphs, lists, code, math, diagrams, tables, quotes
//   │   ├── backgrounds[]   `![bg …](…)` images, taken out of the flow
//   │   ├── notes     speaker notes, Markdown
//   │   └── style     directives in force on this slide
//   └── diagnostics   everything the parser noticed
//
// The model owns all its strings and vectors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"

namespace podium {

// [SECTION] Inline content ------------------------------------------------------------

enum class SpanKind {
  kText,       // text: the characters
  kCode,       // `code`: the characters
  kMath,       // $tex$: the TeX source, without the dollars
  kImage,      // inline image: text = alt text, href = src (sizes in image)
  kLineBreak,  // hard break (two trailing spaces or backslash)
  kSoftBreak,  // newline inside a paragraph; laid out as a space (or nothing between CJK)
  kHtml,       // a raw inline tag: text is the tag; the HTML pass resolves it (parse only)
};

// Style flags of a span, combined with |.
enum SpanStyle : uint8_t {
  kStyleNone = 0,
  kStyleBold = 1 << 0,
  kStyleItalic = 1 << 1,
  kStyleStrike = 1 << 2,
  kStyleUnderline = 1 << 3,
  kStyleLink = 1 << 4,  // href holds the target
};

// Size words from an image's alt text (Marp spelling): w:320 h:200 width:50% …
// A value of 0 means "not given". Lengths are in design pixels; a percentage is stored
// as a negative fraction (-0.5 for 50%) of the slide's width or height.
struct ImageSize {
  float width = 0;
  float height = 0;
};

// What inline HTML and CSS add to a span's look (<span style="color:…">, <mark>, <kbd>,
// <sub>, <small>, utility classes). Colours are CSS as written; layout parses them.
struct InlineStyle {
  std::string color;       // "" = the surrounding colour
  std::string background;  // a tint behind the run (<mark>, background-color)
  float size = 1;          // font size relative to the surrounding text
  int8_t shift = 0;        // -1 subscript, +1 superscript
  bool key = false;        // <kbd>: a keycap around the run
  float opacity = 1;       // a faded run (UnoCSS op50 on a span)
  friend bool operator==(const InlineStyle&, const InlineStyle&) = default;
};

struct Span {
  SpanKind kind = SpanKind::kText;
  std::string text;
  std::string href;  // link target (kStyleLink) or image source (kImage)
  uint8_t style = kStyleNone;
  ImageSize image_size;  // kImage only
  InlineStyle look;      // from inline HTML; default for plain Markdown
  SourcePos pos;
};

// [SECTION] Blocks -------------------------------------------------------------------

enum class BlockKind {
  kParagraph,  // spans
  kHeading,    // spans, level 1–6
  kList,       // children are kListItem; ordered, start, fragmented
  kListItem,   // children are blocks; task
  kCode,       // text, code (language, highlights)
  kMath,       // display math: text is the TeX source
  kDiagram,    // text is the diagram source; code.language is its kind ("mermaid")
  kTable,      // table
  kQuote,      // children are blocks
  kHtml,       // raw HTML that is neither a note nor a directive: text (parse only: the
               // HTML pass turns it into blocks and elements)
  kElement,    // an HTML element that is a box: element; children are blocks
};

enum class TaskState { kNone, kOpen, kDone };
enum class Align { kDefault, kLeft, kCenter, kRight };

// An inclusive range of 1-based code lines.
struct LineRange {
  int first = 0;
  int last = 0;
  friend bool operator==(const LineRange&, const LineRange&) = default;
};

struct CodeInfo {
  std::string language;  // as written after the fence, lower-cased ("python")
  // Line highlights. One entry per step: ```py {2,4-5}``` gives one entry,
  // ```py {1|2-3|all}``` gives three. An empty range list in an entry means "all lines".
  std::vector<std::vector<LineRange>> highlight_steps;
  bool line_numbers = false;  // {lines:true}
  // With several highlight stages, the slide step at which stage 1 shows; stage k shows
  // from first_stage_step + k - 1, stage 0 before that. The stages count as slide steps
  // (Slide::steps), so → walks through the code as reveal.js and Slidev do.
  int first_stage_step = 0;
};

struct TableCell {
  std::vector<Span> spans;
};

struct Table {
  std::vector<Align> aligns;                      // one per column
  std::vector<std::vector<TableCell>> rows;       // row 0..header_rows-1 are the head
  int header_rows = 1;
};

// [SECTION] HTML elements ----------------------------------------------------------------

// How an element lays out its children.
enum class Display { kBlock, kFlexRow, kFlexColumn, kGrid, kNone };

// The computed style of an element box, from its tag, utility classes and inline style.
// Lengths are CSS pixels of the deck's tool (Marp's 1280-wide slide); layout scales them.
// A negative length is a fraction of the containing width (-0.5 for 50%); kAuto: not set.
inline constexpr float kAuto = -1e9f;
struct BoxStyle {
  Display display = Display::kBlock;
  // Grid tracks: > 0 a share of the free width (fr), < 0 a fixed width (−px); empty: one.
  std::vector<float> columns;
  int column_span = 1;  // this element's span in its parent grid
  float gap = kAuto;    // between grid cells and flex items
  Align text_align = Align::kDefault;
  bool center_items = false;  // flex/grid: align-items or justify-content center
  std::string color;          // CSS colour as written; "" = inherit
  std::string background;     // background-color; "" = none
  float font_size = 1;        // relative to the parent's text
  bool bold = false;
  bool italic = false;
  float padding[4] = {0, 0, 0, 0};  // top right bottom left
  float margin_top = 0, margin_bottom = 0;
  float width = kAuto, max_width = kAuto, height = kAuto;
  float radius = 0;
  float border_width = 0;
  std::string border_color;
  float opacity = 1;
  int8_t float_side = 0;  // float: 1 left, 2 right (remark's .pull-left / .pull-right)
};

struct Element {
  std::string tag;  // lower-case ("div", "section", "center")
  std::vector<std::pair<std::string, std::string>> attributes;  // as written (class, id, style…)
  BoxStyle style;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  SourcePos pos;               // where the block starts in the source
  int level = 0;               // heading level (1–6)
  std::vector<Span> spans;     // paragraph and heading text
  std::vector<Block> children; // list items; blocks of a list item or quote
  std::string text;            // code, math, diagram, html source
  CodeInfo code;               // kCode (and kDiagram: code.language)
  Table table;                 // kTable
  Element element;             // kElement

  // Lists.
  bool ordered = false;
  int start = 1;               // first number of an ordered list
  bool fragmented = false;     // Marp: `*` bullets or `1)` numbers reveal item by item
  TaskState task = TaskState::kNone;  // list items

  // The step from which this block is visible: 0 = from the start. Set on the items of
  // fragmented lists (first item 1, second 2, …).
  int step = 0;
};

// [SECTION] Slides -------------------------------------------------------------------

enum class BackgroundFit { kCover, kContain, kFit, kStretch, kAuto };
enum class BackgroundSplit { kNone, kLeft, kRight };

// `![bg …](src)`: a background image, or with `left`/`right` one side of a split slide.
struct Background {
  std::string src;
  std::string alt;  // the words of the alt text that were not keywords
  BackgroundFit fit = BackgroundFit::kCover;
  BackgroundSplit split = BackgroundSplit::kNone;
  float split_fraction = 0.5f;  // share of the width the image side takes (bg left:30%)
  float zoom = 1.0f;            // bg 150%
  SourcePos pos;
};

// The directives in force on one slide, after global/local rules are applied.
// Strings are as written; layout interprets colours and class names.
struct SlideStyle {
  std::vector<std::string> classes;  // "lead", "invert", remark's "center", "middle", …
  std::string background_color;
  std::string color;
  std::string background_image;  // directive form (CSS url(...) or path)
  std::string header;
  std::string footer;
  // The header and footer read as inline Markdown (Marp renders them so): set by the
  // parser from the strings above.
  std::vector<Span> header_spans;
  std::vector<Span> footer_spans;
  bool paginate = false;
  std::optional<double> time_seconds;  // `time:` — this slide's planned share of the talk
  std::string qr;  // `qr:` — "true" (the deck's url) or a link to show as a QR code; "" none
};

struct Slide {
  int index = 0;      // 0-based position in the deck
  SourcePos pos;      // first line of the slide's content
  std::string title;  // text of the first heading ("" if none)
  std::vector<Block> blocks;
  std::vector<Background> backgrounds;
  std::string notes;  // speaker notes, Markdown; several note spellings joined by "\n\n"
  SlideStyle style;
  int steps = 1;      // views of the slide: 1 + the number of fragments
};

// [SECTION] Deck ---------------------------------------------------------------------

struct DeckMeta {
  std::string title;
  std::string author;
  std::string date;
  std::string theme = "default";  // "default" | "dark" (unknown: warning, default used)
  std::string size = "16:9";      // "16:9" | "4:3"
  std::optional<double> duration_seconds;  // planned talk length
  std::string lang;               // "en", "zh", … (empty: from the text)
  std::string url;                // where the deck is published
  std::string style;              // deck-wide CSS from the front matter (Marp's `style:`)
  SourcePos style_pos;
  std::string subtitle;   // xaringan's title slide: subtitle and institute (R Markdown YAML)
  std::string institute;
  bool xaringan = false;  // `output: xaringan::moon_reader`: the title slide is made from the YAML
  bool marp = false;  // `marp: true`: Marp's reading (a line break in a paragraph is kept)
  bool mdc = false;   // Slidev's `mdc: true`: `{.class}` attribute lists
  // How the deck splits into slides besides `---` lines.
  uint8_t heading_divider = 0;  // Marp's headingDivider: bit L set → a slide starts at each
                                // heading of level L (bit 1 = h1)
  std::string separator;           // reveal-md's separator and verticalSeparator, as the
  std::string vertical_separator;  // literal line they match ("<!--s-->"); "" = `---`
};

struct Deck {
  DeckMeta meta;
  std::vector<Slide> slides;
  std::vector<Diagnostic> diagnostics;
};

// Design-space size of the deck's slides (1920×1080 for 16:9, 1440×1080 for 4:3).
struct DesignSize {
  float width = 1920;
  float height = 1080;
};
DesignSize DesignSizeOf(const DeckMeta& meta);

}  // namespace podium
