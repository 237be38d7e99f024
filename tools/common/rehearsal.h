// Rehearsal records: how long each slide took in a `podium --rehearse` run, kept beside the
// deck as `<deck>.rehearsal.json` (talk.md → talk.md.rehearsal.json), for the pacing of
// later runs and for `deckc outline`. Here in tools/common because both read it: podium
// writes and reads it, deckc outline shows it.
//
//   {
//     "format": "podium-rehearsal-1",
//     "deck": "talk.md",
//     "recorded": "2026-11-22T09:41:07Z",
//     "total_seconds": 845.250,
//     "seconds_per_slide": [42.100, 30.000, 0.000],
//     "slides": [
//       {"slide": 1, "title": "Shipping a parser", "seconds": 42.100},
//       …
//     ]
//   }
//
// `seconds_per_slide` is what programs read (one number per slide, in deck order, timer
// seconds on that slide — the Session's SecondsPerSlide()); `slides` repeats it with titles
// for people. How later runs use it: when no slide of the deck has a `time:` directive, the
// recorded seconds become per-slide budgets (BudgetsFromRehearsal), so "ahead/behind"
// follows how the rehearsal spread the time over the slides. `time:` directives always win.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deck.h"

namespace podium::tools {

// `deck_path` + ".rehearsal.json".
std::string RehearsalPath(const std::string& deck_path);

// The file's text. `epoch_seconds` dates it (UTC).
std::string FormatRehearsal(const Deck& deck, std::string_view deck_name,
                            const std::vector<double>& seconds_per_slide, double epoch_seconds);

// `seconds_per_slide` of a rehearsal file; nullopt when the text is not one (wrong format,
// a value that is not a finite number in [0, 1e9]).
std::optional<std::vector<double>> ParseRehearsal(std::string_view json);

// Per-slide budgets for SessionDeckInfo::slide_budget_seconds from a rehearsal's seconds.
// A slide the rehearsal did not reach (0 s, or past its end: added since) is counted at the
// rehearsed slides' average, so a rehearsal of the first half still paces the second. With
// a planned `duration`, the budgets are scaled to add up to it: the rehearsal says how the
// time is spread, the duration how much there is. Without one, they are the rehearsed
// seconds. Empty (no budgets) when the rehearsal reached no slide.
std::vector<std::optional<double>> BudgetsFromRehearsal(const std::vector<double>& rehearsed,
                                                        size_t slide_count,
                                                        std::optional<double> duration_seconds);

}  // namespace podium::tools
