#include "common/outline.h"

#include <cmath>
#include <cstdio>

#include "present/overlays.h"

namespace podium::tools {

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

namespace {

// Seconds as JSON: 3 decimals, like the rehearsal file.
std::string JsonSeconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", std::isfinite(seconds) && seconds > 0 ? seconds : 0.0);
  return buffer;
}

}  // namespace

std::string OutlineJson(const Deck& deck, const std::vector<double>* rehearsed) {
  std::string out = "{\"title\": " + JsonString(deck.meta.title) + ", \"slides\": [";
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    const Slide& s = deck.slides[i];
    if (i) out += ", ";
    out += "{\"index\": " + std::to_string(i + 1) + ", \"line\": " + std::to_string(s.pos.line) +
           ", \"title\": " + JsonString(s.title) + ", \"steps\": " + std::to_string(s.steps) +
           ", \"notes\": " + JsonString(s.notes);
    if (rehearsed)
      out += ", \"rehearsed_seconds\": " +
             (i < rehearsed->size() ? JsonSeconds((*rehearsed)[i]) : std::string("null"));
    out += "}";
  }
  return out + "]}\n";
}

std::string OutlineText(const Deck& deck, const std::vector<double>* rehearsed) {
  std::string out;
  if (!deck.meta.title.empty()) out += deck.meta.title + "\n";
  for (size_t i = 0; i < deck.slides.size(); ++i) {
    const Slide& s = deck.slides[i];
    char head[64];
    std::snprintf(head, sizeof head, "%3zu  line %-5d", i + 1, s.pos.line);
    out += head;
    out += s.title.empty() ? "(untitled)" : s.title;
    if (s.steps > 1) out += "  [" + std::to_string(s.steps) + " steps]";
    if (rehearsed) {
      out += i < rehearsed->size() ? "  rehearsed " + FormatClock((*rehearsed)[i])
                                   : std::string("  (not rehearsed)");
    }
    out += "\n";
    if (!s.notes.empty()) {
      std::string note = s.notes;
      for (char& c : note)
        if (c == '\n') c = ' ';
      if (note.size() > 100) {
        size_t cut = 97;
        while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
        note = note.substr(0, cut) + "...";
      }
      out += "     notes: " + note + "\n";
    }
  }
  if (rehearsed) {
    double total = 0;
    for (double seconds : *rehearsed) total += std::isfinite(seconds) && seconds > 0 ? seconds : 0;
    out += "rehearsed in total " + FormatClock(total) + "\n";
  }
  return out;
}

}  // namespace podium::tools
