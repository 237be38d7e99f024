// podium: the native presenter app — the audience view and the presenter view of a
// Markdown deck, in two windows (or on two monitors), with the same engine as the browser.
//
//   podium talk.md                    present (restores slide and timer after a restart)
//   podium --rehearse talk.md         present and record seconds per slide into
//                                     talk.md.rehearsal.json (on quit and every 30 s)
//   podium --windowed talk.md         two windows even with a projector attached
//   podium --presenter-geometry 1200x700+0+0 --audience-geometry 640x360+1210+0 talk.md
//
// Keys: those of docs/architecture.md in both windows, plus X (swap the views) and Ctrl+Q (quit).
// The deck is watched and reloaded on save; a save that breaks it keeps the last good
// slides and shows why in the presenter view. Files podium keeps: tools/podium/state_files.h.
// Exit status: 0, or 2 when the deck cannot be read or no OpenGL 3.3 window can be opened.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app.h"

int main(int argc, char** argv) {
  podium::native::Options options;
  CLI::App cli{"podium — present a Markdown deck: audience view and presenter view"};
  cli.set_version_flag("--version", std::string("podium ") + PODIUM_VERSION);
  cli.add_option("deck", options.deck_path, "The deck (.md)")->required();
  cli.add_flag("--rehearse", options.rehearse,
               "Record seconds per slide into <deck>.rehearsal.json (used for pacing later)");
  cli.add_flag("--windowed", options.windowed, "Two windows, even when a second monitor is there");
  cli.add_flag("--swap", options.swap, "Start with the presenter and audience views swapped");
  bool fresh = false;
  cli.add_flag("--fresh", fresh, "Start at slide 1 with the timer idle (do not restore)");
  cli.add_option("--amber", options.amber_seconds,
                 "Seconds before the end when the timer turns amber")
      ->capture_default_str();
  cli.add_option("--lang", options.language, "Presenter UI language: en or zh (default: the "
                                             "deck's lang, else the system's)");
  cli.add_option("--presenter-geometry", options.presenter_geometry,
                 "Presenter window WIDTHxHEIGHT+X+Y");
  cli.add_option("--audience-geometry", options.audience_geometry,
                 "Audience window WIDTHxHEIGHT+X+Y");
  CLI11_PARSE(cli, argc, argv);
  options.restore = !fresh;
  return podium::native::App(std::move(options)).Run();
}
