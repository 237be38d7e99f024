// session_deck.cpp — see session_deck.h.
#include "present/session_deck.h"

#include <utility>

namespace podium {
namespace {

void AppendWords(const std::vector<Span>& spans, std::string& out) {
  for (const Span& s : spans) {
    if (s.kind == SpanKind::kSoftBreak || s.kind == SpanKind::kLineBreak) out += ' ';
    out += s.text;
  }
}

void AppendWords(const std::vector<Block>& blocks, std::string& out) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHtml) continue;  // never drawn
    AppendWords(b.spans, out);
    out += b.text;
    for (const auto& row : b.table.rows)
      for (const TableCell& cell : row) {
        AppendWords(cell.spans, out);
        out += '\t';
      }
    out += '\n';
    AppendWords(b.children, out);
  }
}

}  // namespace

std::string SlideWords(const Slide& slide) {
  std::string out;
  AppendWords(slide.blocks, out);
  return out;
}

SessionDeckInfo SessionInfoFor(const Deck& deck, const std::vector<SlideLayout>& layouts,
                               std::string deck_id) {
  SessionDeckInfo info;
  info.deck_id = std::move(deck_id);
  for (const SlideLayout& layout : layouts) info.steps_per_slide.push_back(layout.steps);
  for (const Slide& slide : deck.slides) info.slide_budget_seconds.push_back(slide.style.time_seconds);
  info.duration_seconds = deck.meta.duration_seconds;
  for (size_t i = 0; i < layouts.size(); ++i) {
    const std::string& title = i < deck.slides.size() ? deck.slides[i].title : std::string();
    info.slides.push_back(
        MakeSlideIdentity(title, i < deck.slides.size() ? SlideWords(deck.slides[i]) : std::string()));
  }
  return info;
}

}  // namespace podium
