// `deckc serve`: the browser player and one deck's folder over HTTP on this machine, with a
// change channel that reloads the page when the deck file is saved.
//
//   ServeOptions options;
//   options.deck = "talks/intro.md";
//   options.player_dir = "build-web/web/player";
//   DeckServer server;
//   std::string error;
//   if (!server.Start(options, &error)) die(error);   // checks the folders and binds
//   std::cout << server.url() << "\n";                // the port is known from here on
//   server.Run();                                     // blocks until Stop() (any thread)
//
// The site (cpp-httplib, from Debian's libcpp-httplib-dev):
//
//   /                       302 → the player URL below
//   /player/…               the player folder: index.html, podium.js, podium.wasm, fonts/
//   /deck/…                 the deck's folder: the deck and its images
//   /events?since=VERSION   `change NEW-VERSION` once the deck file changed since VERSION,
//                           else `same`, answered at once (the page asks twice a second;
//                           the file is looked at every poll_ms, and a change counts once
//                           it held one poll)
//   → http://127.0.0.1:PORT/player/index.html?deck=/deck/intro.md
//
// The deck's own response carries `Podium-Events: /events?since=VERSION`: the page asks
// only when it sees that header (web/page.js), so a player served by any other
// server never asks for /events.
//
// Safety: only GET and HEAD are answered (405 otherwise) and nothing is ever written. A
// request path is split and percent-decoded segment by segment (SplitTargetPath); empty,
// `.`, `..` and hidden (`.git`) segments, encoded `/` or `\`, NUL and bad escapes are
// refused with 403; the file is then resolved with symlinks followed and refused with 403
// when it lies outside its folder (ResolveUnder). Bound to a loopback address, requests
// whose Host is not that address or localhost are refused too (DNS rebinding).
//
// Errors come back as false + a message for the user; nothing here throws.
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace podium::tools {

struct ServeOptions {
  std::string deck;                // the deck (.md); its folder is served at /deck/
  std::string player_dir;          // the built player, served at /player/
  std::string host = "127.0.0.1";  // the address to bind; another than loopback serves the LAN
  int port = 0;                    // 0, or taken: any free port
  int poll_ms = 250;               // how often the deck file is looked at
};

// What a request path may be. kOk: `segments` holds the decoded segments ("/" → none).
enum class PathCheck { kOk, kRefused };

// Splits the path of a raw request target as sent ("/deck/a%20b.png?x=1", query and
// fragment ignored) into percent-decoded segments. One trailing '/' is allowed ("/player/").
// Refused: no leading '/', an empty segment ("//"), a segment that starts with '.' (".",
// "..", ".git", also when encoded), '/', '\' or NUL inside a decoded segment, a malformed
// escape.
PathCheck SplitTargetPath(std::string_view target, std::vector<std::string>* segments);

enum class Lookup { kFile, kNotFound, kRefused };

// The regular file that `segments` name below `root` (canonical: absolute, symlinks
// resolved); a directory gives its index.html. kRefused when the file's real path lies
// outside `root`; *file is set only for kFile and is that real path.
Lookup ResolveUnder(const std::filesystem::path& root, const std::vector<std::string>& segments,
                    std::filesystem::path* file);

// The Content-Type served for a file name ("podium.wasm" → "application/wasm").
std::string ContentTypeFor(const std::filesystem::path& file);

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string PercentEncode(std::string_view text);

class DeckServer {
 public:
  DeckServer();
  ~DeckServer();
  DeckServer(const DeckServer&) = delete;
  DeckServer& operator=(const DeckServer&) = delete;

  // Checks the deck and the player folder and binds the port (another one when it is
  // taken). False with a message when either folder is missing or nothing can be bound.
  bool Start(const ServeOptions& options, std::string* error);

  // Valid after Start: the bound port, the player URL for the deck, and a note when the
  // asked-for port was taken.
  int port() const { return port_; }
  const std::string& url() const { return url_; }
  const std::string& port_note() const { return port_note_; }

  // Serves and watches the deck until Stop(); `log` gets one line per change and refusal.
  // Returns false if the server failed while running.
  bool Run(std::ostream& log);

  // Thread-safe and idempotent: ends Run() and every open change stream.
  void Stop();

 private:
  void Handle(const httplib::Request& request, httplib::Response& response);
  void HandleEvents(const httplib::Request& request, httplib::Response& response);
  bool HostAllowed(const httplib::Request& request) const;
  void WatchDeck();
  void SendError(httplib::Response& response, int status, const std::string& why,
                 const std::string& target);

  std::unique_ptr<httplib::Server> http_;
  ServeOptions options_;
  std::filesystem::path deck_file_;    // canonical
  std::filesystem::path deck_root_;    // canonical folder of the deck
  std::filesystem::path player_root_;  // canonical
  std::string deck_url_path_;          // "/deck/intro.md"
  int port_ = 0;
  bool loopback_ = true;
  std::string url_, port_note_;
  std::ostream* log_ = nullptr;
  std::mutex log_mutex_;

  // The deck file's version ("<mtime ns>-<size>-<inode>", or "missing"): the watcher
  // publishes it, /events compares against it.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string version_;
  bool stopping_ = false;
  std::thread watcher_;
};

// `deckc serve`: Start, print the URL to `out`, Run until SIGINT or SIGTERM. Returns the
// process exit status (0 after Ctrl-C, 2 when the server cannot start).
int ServeUntilInterrupted(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace podium::tools
