// The SessionDeckInfo of a laid-out deck: what both front ends (web/player.cpp,
// tools/podium/app.cpp) give their Session, from the one place that knows both the Deck
// model and the Session (which does not know the model: present/session.h).
//
//   Session session(SessionInfoFor(deck, layouts, "talk.md"));
//   ... the file is saved, parsed and laid out again ...
//   session.UpdateDeck(SessionInfoFor(new_deck, new_layouts, "talk.md"));  // same slide
#pragma once

#include <string>
#include <vector>

#include "layout/slide_layout.h"
#include "model/deck.h"
#include "present/session.h"

namespace podium {

// Steps per slide from the layouts (a layout may stand for a deck without slides), the
// `time:` budgets and `duration:` from the deck, and each slide's identity (its title and
// the words of its layout), so that an edit of the deck keeps the speaker on their slide.
SessionDeckInfo SessionInfoFor(const Deck& deck, const std::vector<SlideLayout>& layouts,
                               std::string deck_id);

}  // namespace podium
