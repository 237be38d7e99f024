#include "player.h"

#include <algorithm>

#include "layout/layout.h"
#include "layout/theme.h"
#include "parse/parse_deck.h"
#include "present/session_deck.h"
#include "text/utf8.h"

namespace podium::web {

// [SECTION] FetchedAssets ---------------------------------------------------------------

AssetLoader::Result FetchedAssets::Load(std::string_view path) {
  auto it = results_.find(path);
  if (it != results_.end()) return it->second;
  Result missing;
  missing.status = Status::kNotFound;
  missing.message = "not fetched";
  return missing;
}

// [SECTION] Player ----------------------------------------------------------------------

Player::Player() : glyphs_(std::make_unique<GlyphCache>(fonts_)) {}

bool Player::AddFont(FontRole role, std::vector<uint8_t> bytes, int collection_index,
                     std::string* error) {
  if (static_cast<int>(role) < 0 || role >= FontRole::kCount) {
    if (error) *error = "no such font role";
    return false;
  }
  if (!fonts_.AddFace(role, std::move(bytes), collection_index, error)) return false;
  glyphs_->Clear();  // glyph indices of a replaced face mean other glyphs now
  return true;
}

void Player::OpenDeck(std::string deck_id, std::string_view source) {
  deck_id_ = std::move(deck_id);
  deck_ = ParseDeck(source);
  image_sources_ = CollectImageSources(deck_);
  assets_.Clear();
  images_.Clear();
  layouts_.clear();
  laid_out_.clear();
  next_to_lay_out_ = 0;
  diagnostics_.clear();
  reported_ = 0;
  titles_.clear();
  started_ = false;
  notice_.clear();
  overview_first_row = 0;
  keyboard_.ClearTypedNumber();
  glyphs_->Clear();
}

void Player::ProvideAsset(const std::string& src, AssetLoader::Result result) {
  assets_.Put(src, std::move(result));
}

int Player::MissingFallbackFonts() const {
  const bool presenter = view_ == Role::kPresenter;
  int missing = !HasMathFont() && DeckHasMath(deck_) ? kNeedsMathFont : 0;
  if (presenter && !HasMathFont() && !missing) {
    for (const Slide& slide : deck_.slides) {  // notes are Markdown: formulas in them too
      if (!slide.notes.empty() && DeckHasMath(ParseDeck(slide.notes))) {
        missing |= kNeedsMathFont;
        break;
      }
    }
  }
  auto visit = [&](char32_t c) {
    if (IsCjkCodepoint(c)) {
      if (!HasCjkFonts()) missing |= kNeedsCjkFonts;
    } else if (!HasSymbolFont() && c > 0xA0 && !fonts_.Resolve(c, FontRole::kSans).font) {
      missing |= kNeedsSymbolFont;  // an emoji or a symbol no loaded face has
    }
    return (missing & (kNeedsCjkFonts | kNeedsSymbolFont)) == (kNeedsCjkFonts | kNeedsSymbolFont);
  };
  if (!AnyDrawnNonAsciiCodepoint(deck_, visit) && presenter)
    AnyPresenterNonAsciiCodepoint(deck_, Language(), visit);
  return missing;
}

RestoreResult Player::Start(std::string_view saved, std::optional<int> hash_slide, int hash_step,
                            double now, double epoch) {
  diagnostics_ = deck_.diagnostics;
  reported_ = 0;
  LoadDeckImages(deck_, assets_, images_, &diagnostics_);
  assets_.Clear();  // the bytes are decoded now
  design_ = DesignSizeOf(deck_.meta);
  Theme theme = ThemeNamed(deck_.meta.theme);
  accent_ = theme.accent;
  // Stand-ins, laid out when first needed (EnsureLaidOut) or while idle (LayOutMore): the
  // first slide is drawn after one slide's layout, not the whole deck's (at 1000 slides
  // that was 80 ms of the first paint).
  layouts_.assign(std::max<size_t>(deck_.slides.size(), 1), SlideLayout{});
  laid_out_.assign(layouts_.size(), 0);
  for (size_t i = 0; i < layouts_.size(); ++i) {
    layouts_[i].width = design_.width;
    layouts_[i].height = design_.height;
    layouts_[i].background = theme.background;
    layouts_[i].steps = i < deck_.slides.size() ? std::max(1, deck_.slides[i].steps) : 1;
  }
  if (deck_.slides.empty()) laid_out_[0] = 1;  // a deck without slides shows one empty slide
  next_to_lay_out_ = 0;
  titles_.clear();
  for (const Slide& slide : deck_.slides) titles_.push_back(slide.title);

  session_ = Session(SessionInfoFor(deck_, layouts_, deck_id_));
  session_.SetRole(view_);

  RestoreResult result;
  // Parsed once: Restore() applies it, and the hash below is compared with its place.
  SessionMessage saved_message;
  bool restored = false;
  if (!saved.empty()) {
    result = ParseSessionMessage(saved, &saved_message);
    restored = result.ok();
    if (restored) result = session_.Restore(saved_message, now, epoch);
  }
  // A hash that only repeats the saved place (the page reloaded after the deck was saved)
  // leaves the place to the saved session, which follows the slide to where it moved.
  if (restored && result.ok() && hash_slide && *hash_slide == saved_message.slide &&
      hash_step == saved_message.step) {
    hash_slide.reset();
  }
  if (hash_slide) {
    // The URL names a place; going there through a message keeps the timer as it was
    // (GoTo would start an idle timer, and opening a link is not the talk starting).
    SessionMessage message = session_.ToMessage(now, epoch);
    message.slide = std::max(0, *hash_slide);
    message.step = std::max(0, hash_step);
    message.cursor = message.slide;
    message.shows.reset();  // the hash names a number, not the slide shown before
    if (message.mode == ScreenMode::kOverview) message.mode = ScreenMode::kSlide;
    session_.Restore(message, now, epoch);
  }
  started_ = true;
  EnsureLaidOut();
  return result;
}

void Player::LayOut(size_t i) {
  if (i >= layouts_.size() || laid_out_[i]) return;
  LayoutContext context{&fonts_, &images_};
  layouts_[i] = LayoutSlide(deck_, static_cast<int>(i), context, &diagnostics_);
  laid_out_[i] = 1;
}

void Player::EnsureLaidOut() {
  if (!started_) return;
  if (session_.mode() == ScreenMode::kOverview) {
    for (size_t i = 0; i < layouts_.size(); ++i) LayOut(i);
    return;
  }
  const int slide = session_.slide();
  for (int s : {slide, slide + 1, slide - 1})
    if (s >= 0) LayOut(static_cast<size_t>(s));
}

bool Player::LayOutMore(int count) {
  while (count > 0 && next_to_lay_out_ < layouts_.size()) {
    if (!laid_out_[next_to_lay_out_]) {
      LayOut(next_to_lay_out_);
      --count;
    }
    ++next_to_lay_out_;
  }
  return next_to_lay_out_ < layouts_.size();
}

std::vector<Diagnostic> Player::TakeNewDiagnostics() {
  std::vector<Diagnostic> fresh(diagnostics_.begin() + static_cast<long>(reported_), diagnostics_.end());
  reported_ = diagnostics_.size();
  return fresh;
}

std::string Player::Title() const {
  if (!deck_.meta.title.empty()) return deck_.meta.title;
  for (const Slide& slide : deck_.slides)
    if (!slide.title.empty()) return slide.title;
  size_t slash = deck_id_.find_last_of('/');
  return slash == std::string::npos ? deck_id_ : deck_id_.substr(slash + 1);
}

void Player::ShowNotice(std::string text, double until) {
  notice_ = std::move(text);
  notice_until_ = until;
}

bool Player::ExpireNotice(double now) {
  if (notice_.empty() || now < notice_until_) return false;
  notice_.clear();
  return true;
}

// [SECTION] The presenter view ------------------------------------------------------------

void Player::SetView(Role view) {
  view_ = view;
  session_.SetRole(view);
}

const PresenterView& Player::LayoutPresenter(float width, float height, double now,
                                             std::string wall_clock) {
  PresenterInput in;
  in.deck = &deck_;
  in.layouts = &layouts_;
  in.session = &session_;
  in.now_seconds = now;
  in.wall_clock = std::move(wall_clock);
  in.language = Language();
  in.prefs = presenter_prefs;
  in.width = width;
  in.height = height;
  in.typed_number = keyboard_.typed_number();
  in.overview_first_row = overview_first_row;
  presenter_view_ = LayoutPresenterView(fonts_, in);
  if (presenter_view_.overview) overview_first_row = presenter_view_.grid.first_row;
  return presenter_view_;
}

PresenterClick Player::PresenterClickAt(float x, float y, double now) {
  return ApplyPresenterClick(presenter_view_, x, y, session_, now, &presenter_prefs);
}

bool Player::ScrollPresenterNotes(float dy) {
  return ScrollNotes(presenter_view_, dy, session_.slide(), &presenter_prefs);
}

// [SECTION] Sync between windows -----------------------------------------------------------

RestoreResult Player::ReceiveSync(std::string_view message, double now, double epoch) {
  if (!started_) return {RestoreStatus::kStale, "the deck is not shown yet"};
  return session_.Restore(message, now, epoch, Session::RestoreMode::kIfNewer);
}

// [SECTION] Text scans ------------------------------------------------------------------

bool IsCjkCodepoint(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) ||  // Hangul Jamo
         (c >= 0x2E80 && c <= 0x2FDF) ||  // CJK and Kangxi radicals
         (c >= 0x3000 && c <= 0x33FF) ||  // CJK punctuation, kana, bopomofo, enclosed
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
         (c >= 0xAC00 && c <= 0xD7AF) ||  // Hangul syllables
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||  // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||  // fullwidth and halfwidth forms
         (c >= 0x20000 && c <= 0x3134F);  // CJK extensions B–G
}

namespace {

using Visitor = std::function<bool(char32_t)>;

bool VisitText(std::string_view text, const Visitor& visit) {
  size_t offset = 0;
  while (offset < text.size()) {
    if (static_cast<unsigned char>(text[offset]) < 0x80) {  // ASCII: no decoding needed
      ++offset;
      continue;
    }
    if (visit(DecodeNext(text, offset))) return true;
  }
  return false;
}

bool VisitSpans(const std::vector<Span>& spans, const Visitor& visit) {
  for (const Span& s : spans)
    if (VisitText(s.text, visit)) return true;
  return false;
}

bool VisitBlocks(const std::vector<Block>& blocks, const Visitor& visit) {
  for (const Block& b : blocks) {
    if (VisitSpans(b.spans, visit) || VisitText(b.text, visit) || VisitBlocks(b.children, visit))
      return true;
    for (const auto& row : b.table.rows)
      for (const TableCell& cell : row)
        if (VisitSpans(cell.spans, visit)) return true;
  }
  return false;
}

}  // namespace

bool AnyDrawnNonAsciiCodepoint(const Deck& deck, const Visitor& visit) {
  for (const Slide& slide : deck.slides) {
    if (VisitText(slide.title, visit) || VisitText(slide.style.header, visit) ||
        VisitText(slide.style.footer, visit) || VisitBlocks(slide.blocks, visit))
      return true;
    for (const Background& bg : slide.backgrounds)
      if (VisitText(bg.alt, visit)) return true;
  }
  return false;
}

bool AnyPresenterNonAsciiCodepoint(const Deck& deck, UiLanguage language, const Visitor& visit) {
  for (const Slide& slide : deck.slides)
    if (VisitText(slide.notes, visit)) return true;
#define PODIUM_VISIT_PRESENTER_STRING(id, en, zh) \
  if (VisitText(PresenterString(PresenterText::id, language), visit)) return true;
  PODIUM_PRESENTER_STRINGS(PODIUM_VISIT_PRESENTER_STRING)
#undef PODIUM_VISIT_PRESENTER_STRING
  return false;
}

namespace {

bool HasMath(const std::vector<Span>& spans) {
  for (const Span& s : spans)
    if (s.kind == SpanKind::kMath) return true;
  return false;
}

bool HasMath(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kMath || HasMath(b.spans) || HasMath(b.children)) return true;
    for (const auto& row : b.table.rows)
      for (const TableCell& cell : row)
        if (HasMath(cell.spans)) return true;
  }
  return false;
}

}  // namespace

bool DeckHasMath(const Deck& deck) {
  for (const Slide& slide : deck.slides)
    if (HasMath(slide.blocks)) return true;
  return false;
}

bool IsOpenableLink(std::string_view href) {
  auto starts_with = [&](std::string_view prefix) {
    if (href.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      char c = href[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts_with("http://") || starts_with("https://") || starts_with("mailto:");
}

}  // namespace podium::web
