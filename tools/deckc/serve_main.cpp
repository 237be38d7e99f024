// deckc-serve: what `deckc serve` runs (tools/deckc/serve_cli.h says why it is a program of
// its own). Takes the same arguments:
//
//   deckc-serve talk.md [--port N] [--host 127.0.0.1] [--player DIR]
#include <iostream>

#include "common/serve.h"
#include "serve_cli.h"

int main(int argc, char** argv) {
  namespace tools = podium::tools;
  CLI::App app{"deckc serve — serve the browser player and the deck's folder; the page reloads on save",
               "deckc serve"};
  tools::ServeOptions options;
  options.player_dir = PODIUM_DEFAULT_PLAYER_DIR;
  tools::AddServeOptions(&app, &options);
  CLI11_PARSE(app, argc, argv);
  return tools::ServeUntilInterrupted(options, std::cout, std::cerr);
}
