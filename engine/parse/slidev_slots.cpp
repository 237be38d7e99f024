#include "parse/slidev_slots.h"

#include <string>

namespace podium::parse {
namespace {

// "right" for a paragraph that starts with the line `::right::`, else "".
std::string SlotName(const Block& b) {
  if (b.kind != BlockKind::kParagraph || b.spans.empty() || b.spans[0].kind != SpanKind::kText) return {};
  std::string_view t = b.spans[0].text;
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  if (t.size() < 5 || t.substr(0, 2) != "::" || t.substr(t.size() - 2) != "::") return {};
  std::string_view name = t.substr(2, t.size() - 4);
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return {};
  bool alone = b.spans.size() == 1 || b.spans[1].kind == SpanKind::kSoftBreak ||
               b.spans[1].kind == SpanKind::kLineBreak;
  return alone ? std::string(name) : std::string();
}

Block Box(std::vector<Block> children, SourcePos pos) {
  Block b;
  b.kind = BlockKind::kElement;
  b.element.tag = "div";
  b.pos = pos;
  b.children = std::move(children);
  return b;
}

}  // namespace

void ArrangeSlidevSlots(std::string_view layout, std::vector<Block>& blocks,
                        std::vector<Diagnostic>& diagnostics) {
  struct Slot {
    std::string name;
    std::vector<Block> blocks;
    SourcePos pos;
  };
  bool any = false;
  for (const Block& b : blocks) any = any || !SlotName(b).empty();
  if (!any && layout != "two-cols" && layout != "two-cols-header") return;
  if (blocks.empty()) return;
  std::vector<Slot> slots{{"default", {}, {}}};
  for (Block& b : blocks) {
    std::string name = SlotName(b);
    if (name.empty()) {
      slots.back().blocks.push_back(std::move(b));
      continue;
    }
    slots.push_back({name, {}, b.pos});
    // Text on the lines after the marker, in the same paragraph, belongs to the slot.
    if (b.spans.size() > 2) {
      Block rest = b;
      rest.spans.erase(rest.spans.begin(), rest.spans.begin() + 2);
      slots.back().blocks.push_back(std::move(rest));
    }
  }
  bool two_cols = layout == "two-cols", with_header = layout == "two-cols-header";
  blocks.clear();
  if (!two_cols && !with_header) {
    for (Slot& s : slots) {
      if (s.name != "default")
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnsupportedDirective, s.pos,
                                             "slot ::" + s.name + ":: outside a two-cols layout"));
      for (Block& b : s.blocks) blocks.push_back(std::move(b));
    }
    return;
  }
  std::vector<Block> header, left, right;
  for (Slot& s : slots) {
    std::vector<Block>* to = nullptr;
    if (s.name == "right") to = &right;
    else if (s.name == "left") to = &left;
    else if (s.name == "default") to = with_header ? &header : &left;
    if (!to) {
      diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnsupportedDirective, s.pos,
                                           "slot ::" + s.name + ":: in layout " + std::string(layout)));
      to = &left;
    }
    for (Block& b : s.blocks) to->push_back(std::move(b));
  }
  SourcePos pos = !header.empty() ? header.front().pos : !left.empty() ? left.front().pos : SourcePos{};
  Block grid = Box({}, pos);
  grid.element.style.display = Display::kGrid;
  grid.element.style.columns = {1, 1};
  grid.element.style.gap = 16;
  grid.children.push_back(Box(std::move(left), pos));
  grid.children.push_back(Box(std::move(right), pos));
  for (Block& b : header) blocks.push_back(std::move(b));
  blocks.push_back(std::move(grid));
}

}  // namespace podium::parse
