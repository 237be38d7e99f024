// `deckc serve` (see serve.h): [SECTION] request paths, [SECTION] the server, [SECTION] the
// change channel, [SECTION] signals.
#include "common/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

namespace podium::tools {

namespace fs = std::filesystem;

// [SECTION] Request paths ------------------------------------------------------------------

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one raw segment; false on a malformed escape or a decoded '/', '\' or NUL.
bool DecodeSegment(std::string_view raw, std::string* out) {
  out->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (i + 2 >= raw.size()) return false;
      int high = HexValue(raw[i + 1]), low = HexValue(raw[i + 2]);
      if (high < 0 || low < 0) return false;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    }
    if (c == '/' || c == '\\' || c == '\0') return false;
    out->push_back(c);
  }
  return true;
}

// True when `path` is `root` or below it (both canonical).
bool IsInside(const fs::path& root, const fs::path& path) {
  auto [root_end, _] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

// "<mtime ns>-<size>-<inode>" of the file `path` names (symlinks followed), or "missing".
std::string FileVersion(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "missing";
  long long ns = static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
  return std::to_string(ns) + "-" + std::to_string(info.st_size) + "-" +
         std::to_string(info.st_ino);
}

}  // namespace

PathCheck SplitTargetPath(std::string_view target, std::vector<std::string>* segments) {
  segments->clear();
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target[0] != '/') return PathCheck::kRefused;  // absolute-form, '*'
  target.remove_prefix(1);
  if (!target.empty() && target.back() == '/') target.remove_suffix(1);
  if (target.empty()) return PathCheck::kOk;
  std::string segment;
  size_t start = 0;
  for (;;) {
    size_t end = target.find('/', start);
    std::string_view raw =
        target.substr(start, end == std::string_view::npos ? target.npos : end - start);
    if (raw.empty() || !DecodeSegment(raw, &segment) || segment.empty() || segment[0] == '.')
      return PathCheck::kRefused;
    segments->push_back(segment);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return PathCheck::kOk;
}

Lookup ResolveUnder(const fs::path& root, const std::vector<std::string>& segments,
                    fs::path* file) {
  fs::path candidate = root;
  for (const std::string& segment : segments) candidate /= fs::path(segment);
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);
  if (ec) return Lookup::kNotFound;
  if (!IsInside(root, real)) return Lookup::kRefused;
  if (fs::is_directory(real, ec)) {
    real = fs::canonical(real / "index.html", ec);
    if (ec) return Lookup::kNotFound;
    if (!IsInside(root, real)) return Lookup::kRefused;
  }
  if (!fs::is_regular_file(real, ec)) return Lookup::kNotFound;
  *file = real;
  return Lookup::kFile;
}

std::string ContentTypeFor(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".md", "text/markdown; charset=utf-8"},
      {".markdown", "text/markdown; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".otf", "font/otf"},
      {".ttf", "font/ttf"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
  };
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto found = kTypes.find(extension);
  return found != kTypes.end() ? found->second : "application/octet-stream";
}

std::string PercentEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// [SECTION] The server ----------------------------------------------------------------------

namespace {

constexpr int kServerThreads = 8;

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

DeckServer::DeckServer() = default;

DeckServer::~DeckServer() {
  Stop();
  if (watcher_.joinable()) watcher_.join();
}

bool DeckServer::Start(const ServeOptions& options, std::string* error) {
  options_ = options;
  std::error_code ec;
  deck_file_ = fs::canonical(options.deck, ec);
  if (ec || !fs::is_regular_file(deck_file_, ec)) {
    *error = "cannot read '" + options.deck + "'";
    return false;
  }
  deck_root_ = deck_file_.parent_path();
  player_root_ = fs::canonical(options.player_dir, ec);
  if (ec || !fs::is_regular_file(player_root_ / "index.html", ec) ||
      !fs::is_regular_file(player_root_ / "podium.wasm", ec)) {
    *error = "no browser player in '" + options.player_dir +
             "' (index.html and podium.wasm): build the player with tools/build_web.sh, "
             "or name its folder with --player";
    return false;
  }
  http_ = std::make_unique<httplib::Server>();
  http_->new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server on a
  // taken port binds too and the two share the requests.
  http_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http_->set_keep_alive_timeout(2);
  http_->set_payload_max_length(64 * 1024);
  // Every request, whatever its method or path, goes through Handle: no default routing, no
  // mount points, nothing httplib would serve on its own.
  http_->set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        Handle(request, response);
        return httplib::Server::HandlerResponse::Handled;
      });

  loopback_ = IsLoopback(options.host);
  port_ = 0;
  if (options.port > 0 && options.port < 65536 && http_->bind_to_port(options.host, options.port)) {
    port_ = options.port;
  } else {
    port_ = http_->bind_to_any_port(options.host);
    if (port_ <= 0) {
      *error = "cannot listen on " + options.host + " (is it an address of this machine?)";
      return false;
    }
    if (options.port > 0)
      port_note_ =
          "port " + std::to_string(options.port) + " is taken; using " + std::to_string(port_);
  }

  deck_url_path_ = "/deck/" + PercentEncode(deck_file_.filename().string());
  std::string shown_host = loopback_ ? options.host : "127.0.0.1";
  if (options.host == "0.0.0.0" || options.host == "::") shown_host = "127.0.0.1";
  if (shown_host.find(':') != std::string::npos) shown_host = "[" + shown_host + "]";
  // The query value is encoded once more: the page decodes it (URLSearchParams) back into
  // the path above.
  url_ = "http://" + shown_host + ":" + std::to_string(port_) +
         "/player/index.html?deck=" + PercentEncode(deck_url_path_);
  // '/' needs no escaping in a query: keep the URL readable.
  for (size_t at; (at = url_.find("%2F")) != std::string::npos;) url_.replace(at, 3, "/");
  version_ = FileVersion(deck_file_);
  return true;
}

bool DeckServer::HostAllowed(const httplib::Request& request) const {
  if (!loopback_) return true;
  std::string host = request.get_header_value("Host");
  std::string port = ":" + std::to_string(port_);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (host == name + port) return true;
  }
  return host == options_.host + port;
}

void DeckServer::SendError(httplib::Response& response, int status, const std::string& why,
                           const std::string& target) {
  response.status = status;
  response.set_content(why + "\n", "text/plain; charset=utf-8");
  if (log_ && status == 403) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    *log_ << "deckc serve: refused " << target << " (" << why << ")\n" << std::flush;
  }
}

void DeckServer::Handle(const httplib::Request& request, httplib::Response& response) {
  response.set_header("Cache-Control", "no-cache");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  if (request.method != "GET" && request.method != "HEAD") {
    response.set_header("Allow", "GET, HEAD");
    return SendError(response, 405, "only GET and HEAD: deckc serve never writes", request.target);
  }
  if (!HostAllowed(request))
    return SendError(response, 403, "unexpected Host header", request.get_header_value("Host"));

  std::vector<std::string> segments;
  if (SplitTargetPath(request.target, &segments) != PathCheck::kOk)
    return SendError(response, 403, "path refused", request.target);
  if (segments.empty()) return response.set_redirect(url_.substr(url_.find("/player/")));
  if (segments.size() == 1 && segments[0] == "events") return HandleEvents(request, response);

  const fs::path* root = segments[0] == "player" ? &player_root_
                         : segments[0] == "deck" ? &deck_root_
                                                 : nullptr;
  if (!root) return SendError(response, 404, "not found", request.target);
  segments.erase(segments.begin());
  fs::path file;
  switch (ResolveUnder(*root, segments, &file)) {
    case Lookup::kRefused:
      return SendError(response, 403, "outside the served folder", request.target);
    case Lookup::kNotFound:
      return SendError(response, 404, "not found", request.target);
    case Lookup::kFile:
      break;
  }
  // The version is read before the bytes: a save in between only means one reload more.
  std::string version = file == deck_file_ ? FileVersion(deck_file_) : std::string();
  auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
  std::error_code ec;
  uintmax_t size = fs::file_size(file, ec);
  if (!*in || ec) return SendError(response, 404, "not readable", request.target);
  if (!version.empty())
    response.set_header("Podium-Events", "/events?since=" + PercentEncode(version));
  response.status = 200;
  // Streamed through a content provider of known length, not set_content: httplib then
  // sends the bytes as they are. With set_content it compresses text with brotli at its
  // highest quality, which took 0.3 s for podium.js — and on the loopback saves nothing.
  response.set_content_provider(
      static_cast<size_t>(size), ContentTypeFor(file),
      [in](size_t offset, size_t length, httplib::DataSink& sink) {
        char buffer[64 * 1024];
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buffer, static_cast<std::streamsize>(std::min(length, sizeof buffer)));
        std::streamsize got = in->gcount();
        return got > 0 && sink.write(buffer, static_cast<size_t>(got));  // 0: the file shrank
      });
}

// [SECTION] The change channel --------------------------------------------------------------

// Answered at once, never held open: the page asks again every half second (web/page.js).
// A held request — this was a Server-Sent Events stream — keeps headless Chromium's
// virtual time from running, so a `--virtual-time-budget` screenshot of a served deck
// never finished; a held request also tied up a server thread per open page.
void DeckServer::HandleEvents(const httplib::Request& request, httplib::Response& response) {
  std::string since = request.get_param_value("since");
  std::string version;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    version = version_;
  }
  response.status = 200;
  response.headers.erase("Cache-Control");  // not even revalidated: always asked afresh
  response.set_header("Cache-Control", "no-store");
  bool changed = !since.empty() && since != version;
  response.set_content(changed ? "change " + version + "\n" : std::string("same\n"),
                       "text/plain; charset=utf-8");
}

void DeckServer::WatchDeck() {
  std::string last_poll = FileVersion(deck_file_);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    changed_.wait_for(lock, std::chrono::milliseconds(options_.poll_ms), [&] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    std::string now = FileVersion(deck_file_);
    lock.lock();
    // A change counts once it held for one poll: an editor's write-then-rename, or a file
    // written in two goes, reloads the page once, with the finished file.
    // A deck that is gone is no change yet: the page keeps showing it until it is back.
    if (now == last_poll && now != version_ && now != "missing") {
      version_ = now;
      changed_.notify_all();
      if (log_) {
        std::lock_guard<std::mutex> log_lock(log_mutex_);
        *log_ << "deckc serve: " << deck_file_.filename().string() << " changed: the page reloads\n"
              << std::flush;
      }
    }
    last_poll = now;
  }
}

bool DeckServer::Run(std::ostream& log) {
  log_ = &log;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return true;
  }
  watcher_ = std::thread([this] { WatchDeck(); });
  bool ok = http_->listen_after_bind();
  bool stopped_on_purpose;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_on_purpose = stopping_;
    stopping_ = true;
  }
  changed_.notify_all();
  watcher_.join();
  return ok || stopped_on_purpose;
}

void DeckServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (http_) http_->stop();
}

// [SECTION] Signals ------------------------------------------------------------------------

int ServeUntilInterrupted(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // Blocked here, before any thread starts, so every thread inherits the mask and only the
  // waiter below sees SIGINT and SIGTERM: stopping is then ordinary code, not a handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  DeckServer server;
  std::string error;
  if (!server.Start(options, &error)) {
    err << "deckc: " << error << "\n";
    return 2;
  }
  if (!server.port_note().empty()) err << "deckc serve: " << server.port_note() << "\n";
  out << "Serving " << options.deck << " — open " << server.url() << "\n"
      << "(the page reloads when the deck is saved; Ctrl-C stops)\n"
      << std::flush;

  std::atomic<bool> interrupted{false};
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    interrupted = true;
    server.Stop();
  });
  bool ok = server.Run(err);
  if (!interrupted) pthread_kill(waiter.native_handle(), SIGTERM);  // wake the waiter
  waiter.join();
  out << "deckc serve: stopped\n" << std::flush;
  return ok ? 0 : 2;
}

}  // namespace podium::tools
