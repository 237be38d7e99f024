// Bridge: the C functions web/page.js calls. Only numbers, pointers and lengths cross:
// the page copies bytes into wasm memory (malloc), calls, and frees them afterwards;
// every function here copies what it keeps.
//
// Loading a deck (page.js does these in order; see player.h):
//   podium_configure            the view (URL's view=), notes size, browser language
//   podium_add_font ×6          the Latin faces, at start
//   podium_open_deck            parse; returns how many images it names
//   podium_image_src(i)         each image's src, as written in the deck
//   podium_provide_image ×n     the bytes the page fetched (or why it could not)
//   podium_missing_fonts        bit 1: podium_add_font ×2 with the CJK faces;
//                               bit 2: podium_add_font with the symbol face;
//                               bit 4: podium_add_font with the math face
//   podium_start                decode, lay out, restore, show
//
// Then, between windows of the deck (page.js's BroadcastChannel): podium_receive with each
// message, podium_send when a window asks for the state; podium_set_view switches views.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "app.h"
#include "page.h"

using namespace podium;
using namespace podium::web;

namespace {

std::string_view View(const char* p, int n) {
  return p && n > 0 ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

}  // namespace

extern "C" {

// 1 when the WebGL2 context and the renderer are up.
EMSCRIPTEN_KEEPALIVE int podium_ready() { return GetApp().renderer.initialized() ? 1 : 0; }

// Before a deck opens: which view this window shows (1 presenter, 0 audience), the notes
// size remembered by the page (<= 0: the default), navigator.language.
EMSCRIPTEN_KEEPALIVE void podium_configure(int presenter, double notes_scale, const char* language,
                                           int language_length) {
  Player& player = GetApp().player;
  player.SetView(presenter ? Role::kPresenter : Role::kAudience);
  if (notes_scale > 0)
    player.presenter_prefs.notes_scale =
        std::clamp(static_cast<float>(notes_scale), kMinNotesScale, kMaxNotesScale);
  player.SetSystemLanguage(std::string(View(language, language_length)));
}

// Adds the face `collection_index` of a font file for `role` (FontRole's value).
// Returns 1, or 0 after a console warning.
EMSCRIPTEN_KEEPALIVE int podium_add_font(int role, const uint8_t* bytes, int length,
                                         int collection_index) {
  std::string error;
  std::vector<uint8_t> data(bytes, bytes + (length > 0 ? length : 0));
  if (GetApp().player.AddFont(static_cast<FontRole>(role), std::move(data), collection_index,
                              &error))
    return 1;
  page::Warn("podium: font " + std::to_string(role) + ": " + error);
  return 0;
}

// Parses a deck; returns the number of images it names.
EMSCRIPTEN_KEEPALIVE int podium_open_deck(const char* id, int id_length, const char* source,
                                          int source_length) {
  Player& player = GetApp().player;
  player.OpenDeck(std::string(View(id, id_length)), View(source, source_length));
  GetApp().renderer.host().Clear();
  return static_cast<int>(player.image_sources().size());
}

// The src of image `index` as written in the deck (NUL-terminated UTF-8), valid until the
// next podium_open_deck; null when out of range.
EMSCRIPTEN_KEEPALIVE const char* podium_image_src(int index) {
  const auto& sources = GetApp().player.image_sources();
  if (index < 0 || index >= static_cast<int>(sources.size())) return nullptr;
  return sources[index].src.c_str();
}

// The result of fetching an image: status is AssetLoader::Status (0 ok, 1 not found,
// 2 refused, 3 error, 4 remote and not fetched); `message` says why when not ok.
EMSCRIPTEN_KEEPALIVE void podium_provide_image(const char* src, int src_length, int status,
                                               const uint8_t* bytes, int length,
                                               const char* message, int message_length) {
  AssetLoader::Result result;
  result.status = status >= 0 && status <= 4 ? static_cast<AssetLoader::Status>(status)
                                             : AssetLoader::Status::kError;
  if (result.status == AssetLoader::Status::kOk && bytes && length > 0)
    result.bytes.assign(bytes, bytes + length);
  result.message = std::string(View(message, message_length));
  GetApp().player.ProvideAsset(std::string(View(src, src_length)), std::move(result));
}

// Fallback faces the open deck needs and the player lacks: 1 the CJK faces, 2 the symbol
// face, or both bits.
EMSCRIPTEN_KEEPALIVE int podium_missing_fonts() { return GetApp().player.MissingFallbackFonts(); }

// Shows the deck. `saved` is the session message from storage ("" for none); hash_slide and
// hash_step come from the URL, 1-based (hash_slide 0: no hash). Returns the slide count.
EMSCRIPTEN_KEEPALIVE int podium_start(const char* saved, int saved_length, int hash_slide,
                                      int hash_step) {
  App& app = GetApp();
  Player& player = app.player;
  std::optional<int> slide;
  if (hash_slide > 0) slide = hash_slide - 1;
  RestoreResult restored =
      player.Start(View(saved, saved_length), slide, hash_step > 0 ? hash_step - 1 : 0,
                   NowSeconds(), EpochSeconds());
  if (!restored.ok() && restored.status != RestoreStatus::kWrongDeck)
    page::Warn("podium: saved session not restored: " + restored.detail);
  ReportNewDiagnostics();  // the rest as slides are laid out
  page::SetTitle(player.Title());
  app.published_slide = -1;
  app.published_step = -1;
  app.saved_revision = UINT64_MAX;
  int count = static_cast<int>(player.layouts().size());
  page::DeckStarted(count);
  AfterChange();
  return count;
}

// Goes to a slide and step, 1-based (the URL's hash changed: back, forward, an edit).
EMSCRIPTEN_KEEPALIVE void podium_go_to(int slide, int step) {
  Player& player = GetApp().player;
  if (!player.started()) return;
  player.session().GoTo(slide - 1, step > 0 ? step - 1 : 0, NowSeconds());
  // The hash is written again even when the place did not change: #/50 typed on the last
  // of 19 slides, or #/3.9 on a slide of three steps, becomes the place really shown.
  GetApp().published_step = -1;
  AfterChange();
}

// Switches this window to the presenter view (1) or the audience view (0); the page then
// hears page.viewChanged with the fonts to fetch.
EMSCRIPTEN_KEEPALIVE void podium_set_view(int presenter) {
  SetView(presenter ? Role::kPresenter : Role::kAudience);
}

// 1 when this window shows the presenter view.
EMSCRIPTEN_KEEPALIVE int podium_view() {
  return GetApp().player.view() == Role::kPresenter ? 1 : 0;
}

// The presenter UI's language: 0 English, 1 Chinese (deck's lang, else the browser's).
EMSCRIPTEN_KEEPALIVE int podium_ui_language() {
  return GetApp().player.Language() == UiLanguage::kChinese ? 1 : 0;
}

// A message from another window of the deck. Returns RestoreStatus's value: 0 applied;
// otherwise left out (1 malformed, 2 unsupported version, 3 another deck, 4 not newer).
EMSCRIPTEN_KEEPALIVE int podium_receive(const char* message, int length) {
  App& app = GetApp();
  RestoreResult result =
      app.player.ReceiveSync(View(message, length), NowSeconds(), EpochSeconds());
  if (result.status == RestoreStatus::kMalformed ||
      result.status == RestoreStatus::kUnsupportedVersion)
    page::Warn("podium: sync message left out: " + result.detail);
  if (!result.ok()) return static_cast<int>(result.status);
  app.sent_revision = app.player.session().revision();  // the others have it: no echo
  AfterChange();
  return 0;
}

// Posts this window's state to the others (a window that just opened asked for it).
EMSCRIPTEN_KEEPALIVE void podium_send() { SendSession(); }

// Saves the session now (the page is being hidden or closed).
EMSCRIPTEN_KEEPALIVE void podium_save() { SaveSession(); }

// Draws again (e.g. the page became visible).
EMSCRIPTEN_KEEPALIVE void podium_redraw() { RequestFrame(); }

// Frames drawn since start: lets tests check that an idle deck draws nothing.
EMSCRIPTEN_KEEPALIVE double podium_frames_drawn() {
  return static_cast<double>(GetApp().frames_drawn);
}

// Milliseconds the last frame took in the wasm (draw lists, uploads, GL calls).
EMSCRIPTEN_KEEPALIVE double podium_last_frame_ms() { return GetApp().last_frame_ms; }

// Glyphs rasterized ahead of need while idle (Renderer::Warm), for measurements.
EMSCRIPTEN_KEEPALIVE double podium_glyphs_warmed() {
  return static_cast<double>(GetApp().glyphs_warmed);
}

// Texture bytes the last frame sent to the GPU (0 when it drew from a warm atlas).
EMSCRIPTEN_KEEPALIVE double podium_last_frame_uploaded_bytes() {
  return static_cast<double>(GetApp().last_frame_uploaded);
}

// Texture bytes sent to the GPU since start (glyph atlas and images), for measurements.
EMSCRIPTEN_KEEPALIVE double podium_uploaded_bytes() {
  return static_cast<double>(GetApp().renderer.host().uploaded_bytes());
}

// 0-based slide, step, and the screen mode (ScreenMode's value), for tests.
EMSCRIPTEN_KEEPALIVE int podium_current_slide() { return GetApp().player.session().slide(); }
EMSCRIPTEN_KEEPALIVE int podium_current_step() { return GetApp().player.session().step(); }
EMSCRIPTEN_KEEPALIVE int podium_current_mode() {
  return static_cast<int>(GetApp().player.session().mode());
}

// The timer's seconds now and its state (TimerState's value), for tests.
EMSCRIPTEN_KEEPALIVE double podium_timer_elapsed() {
  return GetApp().player.session().Elapsed(NowSeconds());
}
EMSCRIPTEN_KEEPALIVE int podium_timer_state() {
  return static_cast<int>(GetApp().player.session().timer_state());
}

// A region of the last presenter view laid out, CSS pixels: `hit` is PresenterHit's value,
// `edge` 0 x0, 1 y0, 2 x1, 3 y1 (all 0 when absent). For tests, which click there.
EMSCRIPTEN_KEEPALIVE double podium_presenter_region(int hit, int edge) {
  Rect r = GetApp().player.presenter_view().RegionOf(static_cast<PresenterHit>(hit));
  return edge == 0 ? r.x0 : edge == 1 ? r.y0 : edge == 2 ? r.x1 : r.y1;
}

// The presenter view's notes size (× 32 px), for tests.
EMSCRIPTEN_KEEPALIVE double podium_notes_scale() {
  return GetApp().player.presenter_prefs.notes_scale;
}

}  // extern "C"
