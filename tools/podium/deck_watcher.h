// DeckWatcher: notices that the deck file was saved, without any dependency — it polls the
// file's modification time, size and inode every ~300 ms.
//
//   DeckWatcher watcher("talk.md");
//   watcher.Accept(StatFile("talk.md"));            // the version just loaded
//   … in the event loop, with the wait bounded by watcher.NextPoll(now) …
//   if (watcher.Poll(now)) {                        // changed and settled
//     FileStamp stamp = StatFile("talk.md");
//     Reload();                                     // good or broken …
//     watcher.Accept(stamp);                        // … this version has been dealt with
//   }
//
// A change is reported only once the file has looked the same on two polls in a row, so an
// editor that writes in several steps (truncate, write, write) is read once, whole. A file
// that disappears is a change too (editors that save by rename make it reappear at once).
// Reads nothing but the file's metadata; never writes.
#pragma once

#include <cstdint>
#include <string>

namespace podium::native {

struct FileStamp {
  bool exists = false;
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  uint64_t inode = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

FileStamp StatFile(const std::string& path);

class DeckWatcher {
 public:
  explicit DeckWatcher(std::string path, double interval_seconds = 0.3)
      : path_(std::move(path)), interval_(interval_seconds) {}

  // The version now shown; later polls compare against it.
  void Accept(const FileStamp& stamp) {
    accepted_ = stamp;
    pending_ = stamp;
  }
  // Polls if a poll is due at `now_seconds` (a monotonic clock). True when the file changed
  // and has settled: reload it.
  bool Poll(double now_seconds);
  // When the next poll is due.
  double NextPoll() const { return last_poll_ + interval_; }
  const FileStamp& accepted() const { return accepted_; }

 private:
  std::string path_;
  double interval_;
  double last_poll_ = -1e9;
  FileStamp accepted_;
  FileStamp pending_;  // what the last poll saw
};

}  // namespace podium::native
