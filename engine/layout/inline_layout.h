// InlineLayout: a paragraph's styled text → lines of positioned glyphs.
//
//   InlineLayout text(fonts);
//   text.AddText("Hello ", body_style);
//   text.AddText("world", bold_style);
//   float height = text.Layout(max_width);            // breaks lines; may be called again
//   text.Emit(x, y, Align::kLeft, step, &slide_layout);  // appends glyph runs and decorations
//
// Line breaking follows Unicode (UAX #14 via text/linebreak.h), so Chinese breaks between
// ideographs and never before closing or after opening punctuation. A soft line break
// becomes a space, except between two CJK characters where it disappears; a thin gap
// (kCjkLatinGap em) separates CJK from Latin letters and digits without editing the text.
// Characters no font has are left out of the picture and listed by MissingCharacters().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/slide_layout.h"
#include "text/font.h"

namespace podium {

inline constexpr float kCjkLatinGap = 0.2f;  // em

struct TextStyle {
  FontRole font = FontRole::kSans;
  float size = 40;
  uint32_t color = 0xff000000;
  bool underline = false;
  bool strike = false;
  uint32_t background = 0;  // inline code: a rounded tint behind the run (0 = none)
  uint32_t outline = 0;     // a keycap's edge around that tint (<kbd>; 0 = none)
  float rise = 0;           // baseline shift up (superscript) or down (< 0, subscript)
  std::string href;         // link target: recorded as a clickable region
};

class InlineLayout {
 public:
  explicit InlineLayout(const FontSet& fonts) : fonts_(fonts) {}

  void AddText(std::string_view utf8, const TextStyle& style);
  void AddSoftBreak(const TextStyle& style);
  void AddHardBreak(const TextStyle& style);
  // An inline box (a formula) that flows like one character; `alt` is its plain text.
  void AddBox(LayoutBox box, const TextStyle& style, std::string alt = {});
  bool empty() const { return chars_.empty(); }

  // Breaks into lines no wider than max_width; returns the total height.
  float Layout(float max_width, float line_height);
  // Widest line after Layout().
  float width() const { return width_; }
  float height() const { return height_; }
  // Width of the text on one line, and of its widest unbreakable piece.
  float NaturalWidth() const;
  float MinWidth() const;
  int line_count() const { return static_cast<int>(lines_.size()); }

  // Appends the laid-out lines to `out`, the first line's top at y, aligned in
  // [x, x + box_width].
  void Emit(float x, float y, float box_width, Align align, int step, SlideLayout* out) const;

  // Code points that no font could draw, in order of first appearance.
  const std::vector<char32_t>& MissingCharacters() const { return missing_; }
  // The plain text (for accessibility), and the text of line i after Layout() (tests).
  std::string PlainText() const;
  std::string LineText(int line) const;

 private:
  struct Char {
    char32_t cp = 0;
    int style = 0;           // index into styles_
    FontRole role = FontRole::kSans;
    int glyph = 0;
    float advance = 0;       // including kerning with the next character and CJK gaps
    float gap = 0;           // the CJK/Latin gap in `advance`
    float lead = 0, trail = 0;  // room before and after: an inline code chip's padding
    bool hard_break = false;
    bool soft_break = false;
    bool drawable = false;   // has a glyph with ink
    int box = -1;            // index into boxes_ for an inline box (cp is U+FFFC)
  };
  struct Line {
    int begin = 0, end = 0;  // chars [begin, end)
    float width = 0;         // without trailing spaces
    float height = 0;
    float ascent = 0;        // from the line's top to its baseline
  };

  void Prepare();
  float Measure(int begin, int end) const;  // sum of widths, trailing spaces excluded
  static float Width(const Char& c) { return c.lead + c.advance + c.trail; }
  // Where character i's ink ends (before its kerning and gap), given its pen position.
  float InkEnd(int i, float pen) const { return pen + chars_[i].advance - chars_[i].gap; }

  const FontSet& fonts_;
  std::vector<TextStyle> styles_;
  std::vector<Char> chars_;
  std::vector<uint8_t> breaks_;  // BreakAction after each char
  std::vector<char32_t> missing_;
  std::vector<LayoutBox> boxes_;
  std::vector<std::string> box_alts_;
  std::vector<Line> lines_;
  bool prepared_ = false;
  float width_ = 0, height_ = 0;
  float line_height_ = 1.4f;
};

}  // namespace podium
