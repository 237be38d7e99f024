// Player: one open deck and everything derived from it — fonts, the Deck model, images,
// laid-out slides, the Session and the glyph cache — plus what the browser window keeps on
// top of the Session (typed slide number, notice, overview scroll).
//
// Opening a deck takes three steps because the browser fetches files asynchronously:
//
//   player.AddFont(FontRole::kSans, bytes, 0, &error);   // the Latin faces, once
//   player.OpenDeck("/talks/intro.md", text);            // 1. parse
//   for (const ImageUse& use : player.image_sources())   // 2. the page fetches each image …
//     player.ProvideAsset(use.src, result);              //    … and hands its bytes over
//   int missing = player.MissingFallbackFonts();        //    CJK and symbol faces are
//   if (missing & kNeedsCjkFonts) …AddFont(kCjk, …)…    //    fetched only when the deck needs them
//   player.Start(saved_message, hash_slide, now, epoch); // 3. decode, lay out, restore
//
// A window shows the audience view or the presenter view (SetView; index.html?view=
// presenter). The presenter view is engine/present/presenter_view.h laid out for the
// window; the Player keeps the last one laid out, for clicks and the wheel. Two windows on
// one deck stay in sync through session messages (ReceiveSync; the page carries them over a
// BroadcastChannel).
//
// No Emscripten or GL here: the Player is plain engine code, testable natively. Errors come
// back as values (diagnostics, RestoreResult); nothing throws.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draw/glyph_cache.h"
#include "layout/images.h"
#include "layout/slide_layout.h"
#include "model/deck.h"
#include "present/keymap.h"
#include "present/presenter_view.h"
#include "present/session.h"
#include "text/font.h"

namespace podium::web {

// Bits of Player::MissingFallbackFonts().
inline constexpr int kNeedsCjkFonts = 1;    // FontRole::kCjk, kCjkBold
inline constexpr int kNeedsSymbolFont = 2;  // FontRole::kSymbols (emoji, symbols)
inline constexpr int kNeedsMathFont = 4;    // FontRole::kMath (formulas)

// Image bytes the page fetched, handed to the engine's LoadDeckImages() by src.
class FetchedAssets final : public AssetLoader {
 public:
  void Put(const std::string& src, Result result) { results_[src] = std::move(result); }
  void Clear() { results_.clear(); }
  Result Load(std::string_view path) override;

 private:
  std::map<std::string, Result, std::less<>> results_;
};

class Player {
 public:
  Player();

  // --- Fonts --------------------------------------------------------------------------
  bool AddFont(FontRole role, std::vector<uint8_t> bytes, int collection_index, std::string* error);
  const FontSet& fonts() const { return fonts_; }
  bool HasCjkFonts() const { return fonts_.Has(FontRole::kCjk); }
  bool HasSymbolFont() const { return fonts_.Has(FontRole::kSymbols); }
  bool HasMathFont() const { return fonts_.Has(FontRole::kMath); }

  // --- Opening a deck (see the header comment) ---------------------------------------
  // Parses `source`; forgets the previous deck. `deck_id` names the deck in diagnostics,
  // session messages and storage.
  void OpenDeck(std::string deck_id, std::string_view source);
  const std::vector<ImageUse>& image_sources() const { return image_sources_; }
  void ProvideAsset(const std::string& src, AssetLoader::Result result);
  // Which fallback faces the deck's text needs and the player has not loaded yet:
  // kNeedsCjkFonts | kNeedsSymbolFont | kNeedsMathFont, or 0. In the presenter view, the
  // notes and the UI strings count too (Chinese UI: the CJK faces). Ask again after
  // SetView(): a window switched to the presenter view may need more.
  int MissingFallbackFonts() const;
  // Decodes images, lays out every slide, builds the Session and applies `saved` (a
  // session message from storage; "" for none) and then `hash_slide`/`hash_step` (0-based,
  // from the URL; nullopt for none). Returns the restore outcome for logging.
  RestoreResult Start(std::string_view saved, std::optional<int> hash_slide, int hash_step,
                      double now_seconds, double epoch_seconds);
  bool started() const { return started_; }

  // --- What is open -------------------------------------------------------------------
  const Deck& deck() const { return deck_; }
  const std::string& deck_id() const { return deck_id_; }
  const std::vector<SlideLayout>& layouts() const { return layouts_; }
  const SlideLayout& CurrentLayout() const { return layouts_[session_.slide()]; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Slides are laid out when first needed: EnsureLaidOut() lays out the current slide and
  // its neighbours (every slide for the overview) — call it after a change, before
  // drawing; LayOutMore(n) lays out n more of the others, in order, and says whether some
  // are left (call while idle). Their problems join diagnostics() as they are found;
  // TakeNewDiagnostics() returns those not taken yet.
  void EnsureLaidOut();
  bool LayOutMore(int count);
  std::vector<Diagnostic> TakeNewDiagnostics();
  const ImageStore& images() const { return images_; }
  const std::vector<std::string>& slide_titles() const { return titles_; }
  DesignSize design_size() const { return design_; }
  uint32_t accent_color() const { return accent_; }
  std::string Title() const;  // front matter title, else the first heading, else the id

  Session& session() { return session_; }
  const Session& session() const { return session_; }
  KeyboardInput& keyboard() { return keyboard_; }
  GlyphCache& glyphs() { return *glyphs_; }

  // --- Window state beside the Session ------------------------------------------------
  // A short message shown until `until_seconds` (monotonic clock).
  void ShowNotice(std::string text, double until_seconds);
  // Hides an expired notice; true if it was hidden.
  bool ExpireNotice(double now_seconds);
  const std::string& notice() const { return notice_; }
  int overview_first_row = 0;  // scroll of the overview grid, kept between frames

  // --- The presenter view ---------------------------------------------------------------
  // Which view this window shows. Also the Session's role (a presenter window wins ties
  // when two windows changed the talk at once; see Session::RestoreMode::kIfNewer).
  void SetView(Role view);
  Role view() const { return view_; }
  // The browser's language (navigator.language), used when the deck has no `lang`.
  void SetSystemLanguage(std::string language) { system_language_ = std::move(language); }
  UiLanguage Language() const { return ChooseUiLanguage(deck_.meta.lang, system_language_); }
  // The language of the "go to slide" prompt over the slides: Language(), but English
  // while the CJK faces are not loaded (an audience window of a deck without Chinese text).
  UiLanguage UiLanguageShown() const { return HasCjkFonts() ? Language() : UiLanguage::kEnglish; }
  // Notes size and scroll; the page remembers notes_scale between visits.
  PresenterPrefs presenter_prefs;
  // Lays out the presenter view for a window `width`×`height` CSS pixels at `now`, with the
  // wall clock as the page formats it; kept for PresenterClick/ScrollPresenterNotes.
  // Started decks only.
  const PresenterView& LayoutPresenter(float width, float height, double now_seconds,
                                       std::string wall_clock);
  const PresenterView& presenter_view() const { return presenter_view_; }
  // A click at CSS pixel (x, y) of the last laid-out presenter view (ApplyPresenterClick).
  PresenterClick PresenterClickAt(float x, float y, double now_seconds);
  // The wheel over the presenter view: scrolls the notes by `dy` CSS pixels. True if moved.
  bool ScrollPresenterNotes(float dy);

  // --- Sync between windows -------------------------------------------------------------
  // A message from the deck's channel (another window's Session::Serialize()). Applied only
  // when it is a well-formed message for this deck and newer than this window's state
  // (Restore kIfNewer); anything else is left out and the status says why. Before Start():
  // kStale, nothing applied.
  RestoreResult ReceiveSync(std::string_view message, double now_seconds, double epoch_seconds);

 private:
  void LayOut(size_t slide);

  FontSet fonts_;
  std::unique_ptr<GlyphCache> glyphs_;
  std::string deck_id_;
  Deck deck_;
  std::vector<ImageUse> image_sources_;
  FetchedAssets assets_;
  ImageStore images_;
  std::vector<SlideLayout> layouts_;  // stand-ins where laid_out_ is 0
  std::vector<uint8_t> laid_out_;
  size_t next_to_lay_out_ = 0;       // LayOutMore's cursor
  std::vector<Diagnostic> diagnostics_;
  size_t reported_ = 0;              // diagnostics_ handed out by TakeNewDiagnostics
  std::vector<std::string> titles_;
  DesignSize design_;
  uint32_t accent_ = 0;
  Session session_;
  KeyboardInput keyboard_;
  bool started_ = false;
  std::string notice_;
  double notice_until_ = 0;
  Role view_ = Role::kAudience;
  std::string system_language_;
  PresenterView presenter_view_;
};

// True for a code point drawn by the CJK faces: CJK ideographs, kana, CJK punctuation,
// fullwidth forms, Hangul.
bool IsCjkCodepoint(char32_t c);

// Calls visit(c) for the code points of the text a deck draws (titles, spans, code,
// tables, header, footer, image alt text) until visit returns true; returns whether it did.
// ASCII is skipped: the Latin faces always have it.
bool AnyDrawnNonAsciiCodepoint(const Deck& deck, const std::function<bool(char32_t)>& visit);

// The same for what the presenter view draws beyond the slides: every slide's speaker notes
// and the UI strings (PODIUM_PRESENTER_STRINGS) in `language`.
bool AnyPresenterNonAsciiCodepoint(const Deck& deck, UiLanguage language,
                                   const std::function<bool(char32_t)>& visit);

// True when a slide of the deck has a formula, inline or display (the math face draws it).
bool DeckHasMath(const Deck& deck);

// The scheme of `href` is one Podium opens from a slide: http, https or mailto.
bool IsOpenableLink(std::string_view href);

}  // namespace podium::web
