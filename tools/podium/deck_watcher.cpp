#include "deck_watcher.h"

#include <sys/stat.h>

namespace podium::native {

FileStamp StatFile(const std::string& path) {
  FileStamp stamp;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return stamp;
  stamp.exists = true;
  stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.inode = static_cast<uint64_t>(st.st_ino);
  return stamp;
}

bool DeckWatcher::Poll(double now) {
  if (now < last_poll_ + interval_ && now >= last_poll_) return false;
  last_poll_ = now;
  FileStamp seen = StatFile(path_);
  if (seen == accepted_) {
    pending_ = seen;
    return false;
  }
  bool settled = seen == pending_;
  pending_ = seen;
  return settled;
}

}  // namespace podium::native
