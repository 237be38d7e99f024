// The options of `deckc serve`, shared by deckc, which checks them and lists them in its
// --help, and deckc-serve, which serves. deckc runs deckc-serve (next to it) for `serve`, so
// that the HTTP server and what it links — cpp-httplib, OpenSSL, brotli and libstdc++ as a
// shared library — are not loaded by every other command: that was 4 of the 7 ms deckc
// took to start, on each `deckc check` in an editor and each `deckc build`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "common/serve.h"

namespace podium::tools {

inline void AddServeOptions(CLI::App* serve, ServeOptions* options) {
  serve->add_option("deck", options->deck, "The deck (.md)")->required();
  serve->add_option("--port", options->port, "Port (0, or taken: a free one)")
      ->capture_default_str();
  serve->add_option("--host", options->host, "Address to bind (0.0.0.0: the whole network)")
      ->capture_default_str();
  serve->add_option("--player", options->player_dir,
                    "The built player folder (tools/build_web.sh DIR → DIR/web/player)")
      ->capture_default_str();
}

// deckc-serve's arguments for `options`, after the program name.
inline std::vector<std::string> ServeArguments(const ServeOptions& options) {
  return {options.deck, "--port", std::to_string(options.port), "--host", options.host,
          "--player", options.player_dir};
}

}  // namespace podium::tools
