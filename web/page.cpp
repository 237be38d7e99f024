#include "page.h"

#include <emscripten/emscripten.h>

#include <cstdio>

namespace {

// One JS body per call; `Module.page` is web/page.js's object.
EM_JS(void, js_set_hash, (int slide, int step, int push), {
  if (Module.page) Module.page.setHash(slide, step, !!push);
});
EM_JS(void, js_set_title, (const char* p, int n), {
  if (Module.page) Module.page.setTitle(UTF8ToString(p, n));
});
EM_JS(void, js_set_slide_text, (const char* p, int n, int slide, int count), {
  if (Module.page) Module.page.setSlideText(UTF8ToString(p, n), slide, count);
});
EM_JS(void, js_open_link, (const char* p, int n), {
  if (Module.page) Module.page.openLink(UTF8ToString(p, n));
});
EM_JS(void, js_toggle_fullscreen, (), {
  if (Module.page) Module.page.toggleFullscreen();
});
EM_JS(void, js_toggle_presenter, (), {
  if (Module.page) Module.page.togglePresenter();
});
EM_JS(void, js_save_session, (const char* p, int n), {
  if (Module.page) Module.page.saveSession(UTF8ToString(p, n));
});
EM_JS(void, js_send_session, (const char* p, int n), {
  if (Module.page) Module.page.sendSession(UTF8ToString(p, n));
});
EM_JS(void, js_view_changed, (int presenter, int missing_fonts), {
  if (Module.page) Module.page.viewChanged(!!presenter, missing_fonts);
});
EM_JS(void, js_save_notes_scale, (double scale), {
  if (Module.page) Module.page.saveNotesScale(scale);
});
EM_JS(int, js_local_minutes, (), {
  const now = new Date();
  return now.getHours() * 60 + now.getMinutes();
});
EM_JS(void, js_warn, (const char* p, int n), { console.warn(UTF8ToString(p, n)); });
EM_JS(void, js_set_pointer_cursor, (int pointer), {
  if (Module.canvas) Module.canvas.style.cursor = pointer ? "pointer" : "";
});
EM_JS(void, js_deck_started, (int count), {
  if (Module.page) Module.page.deckStarted(count);
});

int Length(std::string_view s) { return static_cast<int>(s.size()); }

}  // namespace

namespace podium::web::page {

void SetHash(int slide, int step, bool push) { js_set_hash(slide, step, push ? 1 : 0); }
void SetTitle(std::string_view t) { js_set_title(t.data(), Length(t)); }
void SetSlideText(std::string_view t, int slide, int count) {
  js_set_slide_text(t.data(), Length(t), slide, count);
}
void OpenLink(std::string_view href) { js_open_link(href.data(), Length(href)); }
void ToggleFullscreen() { js_toggle_fullscreen(); }
void TogglePresenter() { js_toggle_presenter(); }
void SaveSession(std::string_view m) { js_save_session(m.data(), Length(m)); }
void SendSession(std::string_view m) { js_send_session(m.data(), Length(m)); }
void ViewChanged(bool presenter, int missing_fonts) {
  js_view_changed(presenter ? 1 : 0, missing_fonts);
}
void SaveNotesScale(float scale) { js_save_notes_scale(scale); }
std::string WallClock() {
  int minutes = js_local_minutes();
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return text;
}
void Warn(std::string_view m) { js_warn(m.data(), Length(m)); }
void SetPointerCursor(bool pointer) { js_set_pointer_cursor(pointer ? 1 : 0); }
void DeckStarted(int count) { js_deck_started(count); }

}  // namespace podium::web::page
