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
// its words, from the model: SlideWords), so that an edit of the deck keeps the speaker on
// their slide. Only the layouts' count and steps are read: the player passes stand-ins for
// the slides it has not laid out yet.
SessionDeckInfo SessionInfoFor(const Deck& deck, const std::vector<SlideLayout>& layouts,
                               std::string deck_id);

// The text of a slide's blocks — spans, code, formulas, diagrams, table cells — in source
// order, one block a line: what its identity hashes.
std::string SlideWords(const Slide& slide);

}  // namespace podium
