#include "deck_version.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "layout/layout.h"
#include "layout/theme.h"

namespace podium::native {
namespace {

std::string DisplayName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// What identifies an error across edits: its code and message without numbers, so that an
// overflow that shrinks from 120 to 60 px while the speaker fixes it is the same error.
std::string ErrorKey(const Diagnostic& d) {
  std::string key(DiagnosticCodeName(d.code));
  key += ": ";
  for (char c : DiagnosticMessage(d))
    if (c < '0' || c > '9') key += c;
  return key;
}

std::set<std::string> ErrorKeys(const DeckVersion& version) {
  std::set<std::string> out;
  for (const Diagnostic& d : version.diagnostics)
    if (d.severity == Severity::kError) out.insert(ErrorKey(d));
  return out;
}

}  // namespace

DeckVersion LoadDeckVersion(const std::string& path, const FontSet& fonts) {
  DeckVersion v;
  tools::LoadDeckFile(path, &v.loaded);
  const Deck& deck = v.loaded.deck;
  v.design = DesignSizeOf(deck.meta);
  Theme theme = ThemeNamed(deck.meta.theme);
  v.accent = theme.accent;
  if (!v.loaded.readable) return v;
  v.diagnostics = deck.diagnostics;
  LayoutContext context{&fonts, &v.loaded.images};
  v.layouts = LayoutDeck(deck, context, &v.diagnostics);
  std::stable_sort(v.diagnostics.begin(), v.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.pos.line != b.pos.line ? a.pos.line < b.pos.line
                                                     : a.pos.col < b.pos.col;
                   });
  if (v.layouts.empty()) {  // a deck without slides still shows one (empty) slide
    SlideLayout empty;
    empty.width = v.design.width;
    empty.height = v.design.height;
    empty.background = theme.background;
    v.layouts.push_back(empty);
  }
  return v;
}

std::vector<std::string> FormatErrors(const DeckVersion& version) {
  std::vector<std::string> out;
  std::string name = DisplayName(version.loaded.path);
  for (const Diagnostic& d : version.diagnostics)
    if (d.severity == Severity::kError) out.push_back(FormatDiagnostic(name, d));
  return out;
}

bool BreaksDeck(const DeckVersion& candidate, const DeckVersion& shown,
                std::vector<std::string>* problems) {
  std::vector<std::string> lines;
  bool breaks = false;
  if (!candidate.loaded.readable) {
    breaks = true;
    lines.push_back(candidate.loaded.read_error);
  } else if (candidate.loaded.deck.slides.empty()) {
    breaks = true;
    lines.push_back(DisplayName(candidate.loaded.path) + ": the deck has no slides");
    for (std::string& line : FormatErrors(candidate)) lines.push_back(std::move(line));
  } else {
    std::set<std::string> known = ErrorKeys(shown);
    std::string name = DisplayName(candidate.loaded.path);
    std::vector<std::string> fresh, old;
    for (const Diagnostic& d : candidate.diagnostics) {
      if (d.severity != Severity::kError) continue;
      (known.count(ErrorKey(d)) ? old : fresh).push_back(FormatDiagnostic(name, d));
    }
    breaks = !fresh.empty();
    lines = fresh;
    lines.insert(lines.end(), old.begin(), old.end());
  }
  if (problems) *problems = std::move(lines);
  return breaks;
}

}  // namespace podium::native
