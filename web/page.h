// Page: what the C++ side asks of the web page (web/page.js). Only numbers, pointers and
// lengths cross: strings go as (pointer, byte length) of UTF-8 and are copied by the page
// before the call returns.
//
//   page::SetHash(12, 3, /*push=*/true);    // #/12.3, a new history entry
//   page::OpenLink(href);                    // new tab, noopener (caller checks the scheme)
//
// Each call goes to `Module.page.<name>` when the page installed it, and does nothing
// otherwise (e.g. under node in tests).
#pragma once

#include <string>
#include <string_view>

namespace podium::web::page {

// Shows slide/step (1-based; step 1 writes no suffix) in the URL's hash; `push` adds a
// history entry (a new slide), otherwise the current entry is replaced (a new step).
void SetHash(int slide, int step, bool push);
void SetTitle(std::string_view title);
// The slide's words for the aria-live region, and "Slide 3 of 12" for the canvas label.
void SetSlideText(std::string_view text, int slide, int slide_count);
void OpenLink(std::string_view href);
void ToggleFullscreen();
// S: in the audience view, opens (or brings forward) the presenter window; in the
// presenter view, brings the audience window forward, or, in a single window, switches
// this tab back to the audience view.
void TogglePresenter();
void SaveSession(std::string_view message);
// Posts a session message to the other windows of this deck (the BroadcastChannel).
void SendSession(std::string_view message);
// This window now shows the presenter view (or the audience view): the page updates the
// URL (view=presenter) and fetches the fallback faces in `missing_fonts`
// (Player::MissingFallbackFonts bits).
void ViewChanged(bool presenter, int missing_fonts);
// The notes size the presenter chose, remembered for the next visit.
void SaveNotesScale(float scale);
// Local time as "14:05" (the presenter view's wall clock).
std::string WallClock();
void Warn(std::string_view message);
void SetPointerCursor(bool pointer);  // a link is under the mouse
void DeckStarted(int slide_count);    // the start page and loading indicator can go

}  // namespace podium::web::page
