// session_deck.cpp — see session_deck.h.
#include "present/session_deck.h"

#include <utility>

namespace podium {

SessionDeckInfo SessionInfoFor(const Deck& deck, const std::vector<SlideLayout>& layouts,
                               std::string deck_id) {
  SessionDeckInfo info;
  info.deck_id = std::move(deck_id);
  for (const SlideLayout& layout : layouts) info.steps_per_slide.push_back(layout.steps);
  for (const Slide& slide : deck.slides) info.slide_budget_seconds.push_back(slide.style.time_seconds);
  info.duration_seconds = deck.meta.duration_seconds;
  for (size_t i = 0; i < layouts.size(); ++i) {
    const std::string& title = i < deck.slides.size() ? deck.slides[i].title : std::string();
    info.slides.push_back(MakeSlideIdentity(title, layouts[i].text));
  }
  return info;
}

}  // namespace podium
