// The paths hostile input takes through Podium, shared by the libFuzzer targets
// (tests/fuzz/fuzz_*.cpp) and the regression tests (tests/robustness/regression_test.cpp),
// so that a crash input found by a fuzzer is replayed through exactly the code that
// crashed.
//
//   podium::fuzz::RunDeck(bytes, fonts);          // Markdown → deck → layout → pixels
//   podium::fuzz::RunDirectives(bytes, fonts);    // front matter and directives
//   podium::fuzz::RunHtml(bytes, fonts);          // raw HTML and CSS (the HTML pass, cascade)
//   podium::fuzz::RunImage(bytes, fonts);         // image decoding (ImageStore::AddEncoded)
//   podium::fuzz::RunSession(bytes);              // presenter sync message
//
// Besides "does not crash" (the sanitizers' job), each path checks the contracts the
// headers promise — sorted diagnostics, clamped session positions, textures no larger than
// kMaxShownSide — through PODIUM_FUZZ_CHECK, which aborts in a fuzzer (a crash libFuzzer
// saves) and is a test failure in GoogleTest (define it before including this header).
//
// Everything here is deterministic: the same bytes take the same path, so a saved crash
// input replays. Header-only so that both builds (clang + libFuzzer, gcc + gtest) compile
// it with their own flags.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "draw/glyph_cache.h"
#include "draw/render_image.h"
#include "layout/images.h"
#include "layout/layout.h"
#include "model/deck.h"
#include "parse/parse_deck.h"
#include "present/presenter_view.h"
#include "present/session.h"
#include "text/font.h"

#ifndef PODIUM_FUZZ_CHECK
#define PODIUM_FUZZ_CHECK(condition)                                                      \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      std::fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)
#endif

namespace podium::fuzz {

// [SECTION] Helpers --------------------------------------------------------------------

// FNV-1a: picks the "now and then" cases (which slide to render) from the input itself.
inline uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

inline void CheckDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    PODIUM_FUZZ_CHECK(d.pos.line >= 0 && d.pos.col >= 0);
    PODIUM_FUZZ_CHECK(!DiagnosticMessage(d).empty());
  }
}

// An image store where every source a deck names decodes to a small image, so layout and
// drawing take their image paths (sizes, uv, split backgrounds) and not only placeholders.
class OnePixelLoader final : public AssetLoader {
 public:
  Result Load(std::string_view path) override {
    Result r;
    if (path.size() % 3 == 0) {  // some images missing, to exercise placeholders too
      r.status = Status::kNotFound;
      r.message = "no such file";
      return r;
    }
    // A 3×2 24-bit BMP (stb_image reads it; no encoder needed).
    static const uint8_t kBmp[] = {
        'B', 'M', 78, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0,
        1, 0, 24, 0, 0, 0, 0, 0, 24, 0, 0, 0, 0x13, 0x0b, 0, 0, 0x13, 0x0b, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0, 0, 0, 128,
        128, 128, 0, 0, 0};
    r.status = Status::kOk;
    r.bytes.assign(kBmp, kBmp + sizeof kBmp);
    return r;
  }
};

// [SECTION] Deck: Markdown → ParseDeck → LayoutDeck → (now and then) pixels ------------

// Parses `text`, lays out every slide and the speaker notes, and — for one input in
// eight — renders one slide small on the CPU. Checks the model's and layout's contracts.
inline void RunDeck(std::string_view text, const FontSet& fonts) {
  Deck deck = ParseDeck(text);
  CheckDiagnostics(deck.diagnostics);
  PODIUM_FUZZ_CHECK(std::is_sorted(deck.diagnostics.begin(), deck.diagnostics.end(),
                                   [](const Diagnostic& a, const Diagnostic& b) {
                                     return a.pos.line != b.pos.line ? a.pos.line < b.pos.line
                                                                     : a.pos.col < b.pos.col;
                                   }));
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    PODIUM_FUZZ_CHECK(deck.slides[i].index == static_cast<int>(i));
    PODIUM_FUZZ_CHECK(deck.slides[i].steps >= 1);
  }

  OnePixelLoader loader;
  ImageStore images;
  LoadDeckImages(deck, loader, images, &deck.diagnostics);

  std::vector<Diagnostic> diagnostics;
  LayoutContext context{&fonts, &images};
  std::vector<SlideLayout> layouts = LayoutDeck(deck, context, &diagnostics);
  CheckDiagnostics(diagnostics);
  PODIUM_FUZZ_CHECK(layouts.size() == deck.slides.size());
  for (size_t i = 0; i < layouts.size(); ++i) {
    PODIUM_FUZZ_CHECK(layouts[i].steps >= 1);
    for (const LayoutItem& item : layouts[i].items) {
      if (item.kind == LayoutItemKind::kGlyphs) PODIUM_FUZZ_CHECK(item.font < FontRole::kCount);
    }
  }

  // The presenter's notes pane lays out each slide's notes with the same parser.
  for (const Slide& slide : deck.slides) {
    if (!slide.notes.empty()) LayoutNotesText(fonts, slide.notes, 600, 24);
  }

  uint64_t h = HashBytes(text);
  if (!layouts.empty() && h % 8 == 0) {
    const SlideLayout& layout = layouts[(h >> 3) % layouts.size()];
    GlyphCache glyphs(fonts, 256);
    RgbaImage image = RenderSlideImage(layout, layout.steps - 1, 96, 54, &images, glyphs);
    PODIUM_FUZZ_CHECK(image.width == 96 && image.height == 54);
  }
}

// [SECTION] Front matter and directives -------------------------------------------------

// Builds a deck whose front matter, directive comments and Slidev slide headers are the
// fuzzer's bytes, so that mutations land in the key: value syntaxes instead of being spent
// on finding `---` at the top. The input is cut at '\x01' bytes into pieces:
//   piece 0        the front matter's body (between `---` lines)
//   piece 1, 3, …  `<!-- piece -->` directive comments, each on a slide of its own
//   piece 2, 4, …  Slidev per-slide headers (`---` / piece / `---`)
// with a little real content (a heading, a fragmented list, an image) on each slide.
inline std::string DirectivesDeckText(std::string_view bytes) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    if (i == bytes.size() || bytes[i] == '\x01') {
      pieces.push_back(bytes.substr(start, i - start));
      start = i + 1;
    }
  }
  std::string deck = "---\n";
  deck.append(pieces[0]);
  deck += "\n---\n\n";
  for (size_t i = 1; i < pieces.size() && i < 64; ++i) {
    if (i % 2 == 1) {
      deck += "<!-- ";
      deck.append(pieces[i]);
      deck += " -->\n\n# Slide\n\n* one\n* two\n\n![bg](a.png)\n\n---\n\n";
    } else {
      deck += "---\n";
      deck.append(pieces[i]);
      deck += "\n---\n\n# Slidev\n\n1) first\n2) second\n\n";
    }
  }
  deck += "# Last\n\ntext\n";
  return deck;
}

inline void RunDirectives(std::string_view bytes, const FontSet& fonts) {
  RunDeck(DirectivesDeckText(bytes), fonts);
}

// [SECTION] HTML and CSS: bytes → a slide of raw HTML under a style sheet ---------------

// Up to the first \x01 the bytes are a deck's style sheet; the rest is HTML on a slide,
// with a Markdown paragraph and list inside a div so the placeholders meet the HTML.
inline std::string HtmlDeckText(std::string_view bytes) {
  size_t cut = bytes.find('\x01');
  std::string_view css = cut == std::string_view::npos ? std::string_view() : bytes.substr(0, cut);
  std::string_view html = cut == std::string_view::npos ? bytes : bytes.substr(cut + 1);
  std::string deck = "<style>\n";
  deck.append(css);
  deck += "\n</style>\n\n<div class=\"grid grid-cols-2\">\n\n- item\n\n";
  deck.append(html);
  deck += "\n\nText after\n\n</div>\n";
  return deck;
}

inline void RunHtml(std::string_view bytes, const FontSet& fonts) { RunDeck(HtmlDeckText(bytes), fonts); }

// [SECTION] Images: bytes → ImageStore::AddEncoded → (if decoded) a slide that shows it -

inline void RunImage(std::string_view bytes, const FontSet& fonts) {
  ImageStore store;
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  const ImageStore::Image& image = store.AddEncoded("fuzz.png", data);
  PODIUM_FUZZ_CHECK(store.Find("fuzz.png") == &image);
  if (!image.ok) {
    PODIUM_FUZZ_CHECK(!image.error.empty());
    return;
  }
  PODIUM_FUZZ_CHECK(image.width > 0 && image.height > 0);
  PODIUM_FUZZ_CHECK(image.width <= kMaxImageSide && image.height <= kMaxImageSide);
  const Texture& t = image.texture;
  PODIUM_FUZZ_CHECK(t.width > 0 && t.height > 0);
  PODIUM_FUZZ_CHECK(t.width <= kMaxShownSide && t.height <= kMaxShownSide);
  PODIUM_FUZZ_CHECK(t.rgba.size() == static_cast<size_t>(t.width) * t.height * 4);

  // The decoded image on a slide, drawn small: sampling and uv math on its real size.
  Deck deck = ParseDeck("![w:300](fuzz.png)\n\n---\n\n![bg left:40%](fuzz.png)\n\n# Split\n");
  LayoutContext context{&fonts, &store};
  std::vector<Diagnostic> diagnostics;
  std::vector<SlideLayout> layouts = LayoutDeck(deck, context, &diagnostics);
  GlyphCache glyphs(fonts, 256);
  for (const SlideLayout& layout : layouts) RenderSlideImage(layout, 0, 64, 36, &store, glyphs);
}

// [SECTION] Session: sync message → ParseSessionMessage + Session::Restore --------------

// The first bytes choose a deck shape and the rest is the message, so the same message
// meets decks it does not fit. After the restore, a few moves chosen by the message's
// bytes run, and the Session's invariants are checked after each.
inline void CheckSession(const Session& s) {
  PODIUM_FUZZ_CHECK(s.slide() >= 0 && s.slide() < s.slide_count());
  PODIUM_FUZZ_CHECK(s.step() >= 0 && s.step() < s.StepCount(s.slide()));
  PODIUM_FUZZ_CHECK(s.overview_cursor() >= 0 && s.overview_cursor() < s.slide_count());
  PODIUM_FUZZ_CHECK(s.Elapsed(1e6) >= 0);
}

inline void RunSession(std::string_view bytes) {
  SessionDeckInfo info;
  info.deck_id = "talk.md";
  uint8_t shape = bytes.empty() ? 0 : static_cast<uint8_t>(bytes[0]);
  int slides = shape % 7;  // 0: a deck with no slides
  for (int i = 0; i < slides; ++i) info.steps_per_slide.push_back(1 + (shape >> 3) % 4 * i % 5);
  if (shape & 0x40) info.duration_seconds = 600;
  if (shape & 0x80) info.slide_budget_seconds = {60.0, std::nullopt, 0.0};
  if (shape & 0x10) {  // slide identities, two alike, so that shows= is followed
    for (int i = 0; i < slides; ++i)
      info.slides.push_back(MakeSlideIdentity(i % 3 == 2 ? "A" : std::string(1, 'A' + i), "w"));
  }
  std::string_view message = bytes.empty() ? bytes : bytes.substr(1);

  SessionMessage parsed;
  RestoreResult parse_result = ParseSessionMessage(message, &parsed);
  if (parse_result.ok()) {
    // What parses formats back into a message that parses to the same position.
    SessionMessage again;
    PODIUM_FUZZ_CHECK(ParseSessionMessage(FormatSessionMessage(parsed), &again).ok());
    PODIUM_FUZZ_CHECK(again.slide == parsed.slide && again.step == parsed.step);
    PODIUM_FUZZ_CHECK(again.deck_id == parsed.deck_id && again.revision == parsed.revision);
    PODIUM_FUZZ_CHECK(again.shows == parsed.shows);
  } else {
    PODIUM_FUZZ_CHECK(!parse_result.detail.empty());
  }

  Session session(info);
  session.Next(1.0);
  std::string before = session.Serialize(2.0, 1e9);
  RestoreResult r = session.Restore(message, 3.0, 1e9 + 5,
                                    shape & 0x20 ? Session::RestoreMode::kIfNewer
                                                 : Session::RestoreMode::kAlways);
  CheckSession(session);
  if (!r.ok()) {
    PODIUM_FUZZ_CHECK(session.Serialize(2.0, 1e9) == before);  // left untouched
  }
  double now = 4.0;
  for (size_t i = 0; i < message.size() && i < 32; ++i) {
    switch (static_cast<uint8_t>(message[i]) % 9) {
      case 0: session.Next(now); break;
      case 1: session.Prev(now); break;
      case 2: session.ToggleOverview(); break;
      case 3: session.MoveOverviewCursor(static_cast<int8_t>(message[i])); break;
      case 4: session.ConfirmOverview(now); break;
      case 5: session.ToggleBlack(); break;
      case 6: session.ToggleTimer(now); break;
      case 7: session.GoTo(static_cast<int8_t>(message[i]), Session::kLastStep, now); break;
      case 8: session.Last(now); break;
    }
    now += 0.5;
    CheckSession(session);
  }
  // The session's own message restores a fresh session of the same deck.
  Session other(info);
  PODIUM_FUZZ_CHECK(other.Restore(session.Serialize(now, 1e9 + 10), now, 1e9 + 10).ok());
  PODIUM_FUZZ_CHECK(other.slide() == session.slide() && other.step() == session.step());
  // An edit that puts a slide in front: the position follows, and stays in the deck.
  SessionDeckInfo edited = info;
  edited.steps_per_slide.insert(edited.steps_per_slide.begin(), 2);
  if (!edited.slides.empty()) edited.slides.insert(edited.slides.begin(), MakeSlideIdentity("New", ""));
  session.UpdateDeck(edited);
  CheckSession(session);
}

}  // namespace podium::fuzz
