#include "model/dump.h"

#include <cstdio>
#include <string_view>

namespace podium {
namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Numbers without trailing zeros: 120, 0.5, -0.25.
std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string Pos(const SourcePos& p) {
  return " @" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

void Indent(std::string& out, int depth) { out.append(static_cast<size_t>(depth) * 2, ' '); }

// `| line` for each line of `text`.
void TextLines(std::string& out, int depth, std::string_view text) {
  size_t i = 0;
  while (true) {
    size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? text.npos : nl - i);
    Indent(out, depth);
    out += line.empty() ? "|" : "| ";
    out += line;
    out += '\n';
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
}

std::string StyleWords(uint8_t style) {
  std::string words;
  auto add = [&](const char* w) {
    if (!words.empty()) words += ' ';
    words += w;
  };
  if (style & kStyleBold) add("bold");
  if (style & kStyleItalic) add("italic");
  if (style & kStyleStrike) add("strike");
  if (style & kStyleUnderline) add("underline");
  if (style & kStyleLink) add("link");
  return words.empty() ? "" : " [" + words + "]";
}

const char* AlignName(Align a);

// " {color=red mark=#ff0 size=0.75 sub key}": what inline HTML added, if anything.
std::string LookWords(const InlineStyle& look) {
  std::string words;
  auto add = [&](const std::string& w) { words += (words.empty() ? "" : " ") + w; };
  if (!look.color.empty()) add("color=" + look.color);
  if (!look.background.empty()) add("background=" + look.background);
  if (look.size != 1) add("size=" + Number(look.size));
  if (look.shift < 0) add("sub");
  if (look.shift > 0) add("sup");
  if (look.key) add("key");
  if (look.opacity != 1) add("opacity=" + Number(look.opacity));
  return words.empty() ? words : " {" + words + "}";
}

// " grid columns=1,1 gap=16 align=center color=#fff …": the box style, where it is not
// the default.
std::string BoxWords(const BoxStyle& b) {
  std::string out;
  switch (b.display) {
    case Display::kBlock: break;
    case Display::kFlexRow: out += " flex"; break;
    case Display::kFlexColumn: out += " flex-column"; break;
    case Display::kGrid: out += " grid"; break;
    case Display::kNone: out += " none"; break;
  }
  if (!b.columns.empty()) {
    out += " columns=";
    for (size_t i = 0; i < b.columns.size(); ++i) out += (i ? "," : "") + Number(b.columns[i]);
  }
  if (b.column_span != 1) out += " span=" + std::to_string(b.column_span);
  if (b.gap != kAuto) out += " gap=" + Number(b.gap);
  if (b.text_align != Align::kDefault) out += std::string(" align=") + AlignName(b.text_align);
  if (b.center_items) out += " center-items";
  if (!b.color.empty()) out += " color=" + b.color;
  if (!b.background.empty()) out += " background=" + b.background;
  if (b.font_size != 1) out += " font-size=" + Number(b.font_size);
  if (b.bold) out += " bold";
  if (b.italic) out += " italic";
  if (b.padding[0] || b.padding[1] || b.padding[2] || b.padding[3])
    out += " padding=" + Number(b.padding[0]) + "," + Number(b.padding[1]) + "," +
           Number(b.padding[2]) + "," + Number(b.padding[3]);
  if (b.margin_top) out += " margin-top=" + Number(b.margin_top);
  if (b.margin_bottom) out += " margin-bottom=" + Number(b.margin_bottom);
  if (b.width != kAuto) out += " width=" + Number(b.width);
  if (b.max_width != kAuto) out += " max-width=" + Number(b.max_width);
  if (b.height != kAuto) out += " height=" + Number(b.height);
  if (b.radius) out += " radius=" + Number(b.radius);
  if (b.border_width) out += " border=" + Number(b.border_width) + (b.border_color.empty() ? "" : " " + b.border_color);
  if (b.opacity != 1) out += " opacity=" + Number(b.opacity);
  if (b.float_side) out += b.float_side == 1 ? " float=left" : " float=right";
  return out;
}

void DumpSpans(std::string& out, int depth, const std::vector<Span>& spans) {
  for (const Span& s : spans) {
    Indent(out, depth);
    switch (s.kind) {
      case SpanKind::kText:
        out += "text";
        break;
      case SpanKind::kCode:
        out += "code";
        break;
      case SpanKind::kMath:
        out += "math";
        break;
      case SpanKind::kImage:
        out += "image";
        break;
      case SpanKind::kLineBreak:
        out += "linebreak";
        break;
      case SpanKind::kSoftBreak:
        out += "softbreak";
        break;
      case SpanKind::kHtml:
        out += "html";
        break;
    }
    out += StyleWords(s.style);
    out += LookWords(s.look);
    if (s.kind != SpanKind::kLineBreak && s.kind != SpanKind::kSoftBreak)
      out += " " + Quote(s.text);
    if (!s.href.empty()) out += " -> " + Quote(s.href);
    if (s.kind == SpanKind::kImage) {
      if (s.image_size.width != 0) out += " w=" + Number(s.image_size.width);
      if (s.image_size.height != 0) out += " h=" + Number(s.image_size.height);
    }
    out += '\n';
  }
}

std::string Highlights(const CodeInfo& code) {
  std::string out;
  for (size_t i = 0; i < code.highlight_steps.size(); ++i) {
    if (i > 0) out += '|';
    const auto& ranges = code.highlight_steps[i];
    if (ranges.empty()) out += "all";
    for (size_t j = 0; j < ranges.size(); ++j) {
      if (j > 0) out += ',';
      out += std::to_string(ranges[j].first);
      if (ranges[j].last != ranges[j].first) out += "-" + std::to_string(ranges[j].last);
    }
  }
  return out;
}

const char* AlignName(Align a) {
  switch (a) {
    case Align::kLeft:
      return "left";
    case Align::kCenter:
      return "center";
    case Align::kRight:
      return "right";
    default:
      return "default";
  }
}

void DumpBlock(std::string& out, int depth, const Block& b) {
  Indent(out, depth);
  switch (b.kind) {
    case BlockKind::kParagraph:
      out += "paragraph";
      break;
    case BlockKind::kHeading:
      out += "heading " + std::to_string(b.level);
      break;
    case BlockKind::kList:
      out += b.ordered ? "list ordered" : "list";
      if (b.ordered && b.start != 1) out += " start=" + std::to_string(b.start);
      if (b.fragmented) out += " fragmented";
      break;
    case BlockKind::kListItem:
      out += "item";
      if (b.task == TaskState::kOpen) out += " task=open";
      if (b.task == TaskState::kDone) out += " task=done";
      break;
    case BlockKind::kCode:
      out += "code";
      if (!b.code.language.empty()) out += " lang=" + b.code.language;
      if (!b.code.highlight_steps.empty()) out += " highlight=" + Highlights(b.code);
      if (b.code.first_stage_step > 0) out += " stages-from=" + std::to_string(b.code.first_stage_step);
      if (b.code.line_numbers) out += " numbers";
      break;
    case BlockKind::kMath:
      out += "math";
      break;
    case BlockKind::kDiagram:
      out += "diagram lang=" + b.code.language;
      break;
    case BlockKind::kTable:
      out += "table";
      break;
    case BlockKind::kQuote:
      out += "quote";
      break;
    case BlockKind::kHtml:
      out += "html";
      break;
    case BlockKind::kElement:
      out += "element <" + b.element.tag + ">" + BoxWords(b.element.style);
      break;
  }
  if (b.step > 0) out += " step=" + std::to_string(b.step);
  out += Pos(b.pos);
  out += '\n';
  switch (b.kind) {
    case BlockKind::kParagraph:
    case BlockKind::kHeading:
      DumpSpans(out, depth + 1, b.spans);
      break;
    case BlockKind::kCode:
    case BlockKind::kMath:
    case BlockKind::kDiagram:
    case BlockKind::kHtml:
      TextLines(out, depth + 1, b.text);
      break;
    case BlockKind::kTable: {
      Indent(out, depth + 1);
      out += "align";
      for (Align a : b.table.aligns) out += std::string(" ") + AlignName(a);
      out += '\n';
      for (size_t r = 0; r < b.table.rows.size(); ++r) {
        Indent(out, depth + 1);
        out += static_cast<int>(r) < b.table.header_rows ? "head\n" : "row\n";
        for (const TableCell& cell : b.table.rows[r]) {
          Indent(out, depth + 2);
          out += "cell\n";
          DumpSpans(out, depth + 3, cell.spans);
        }
      }
      break;
    }
    default:
      for (const Block& child : b.children) DumpBlock(out, depth + 1, child);
  }
}

void DumpStyle(std::string& out, const SlideStyle& s) {
  std::string line;
  if (!s.classes.empty()) {
    line += " class=[";
    for (size_t i = 0; i < s.classes.size(); ++i) line += (i ? ", " : "") + s.classes[i];
    line += "]";
  }
  if (!s.background_color.empty()) line += " backgroundColor=" + Quote(s.background_color);
  if (!s.color.empty()) line += " color=" + Quote(s.color);
  if (!s.background_image.empty()) line += " backgroundImage=" + Quote(s.background_image);
  if (!s.header.empty()) line += " header=" + Quote(s.header);
  if (!s.footer.empty()) line += " footer=" + Quote(s.footer);
  if (s.paginate) line += " paginate";
  if (s.time_seconds) line += " time=" + Number(*s.time_seconds) + "s";
  if (!s.qr.empty()) line += " qr=" + s.qr;
  if (!line.empty()) out += "  style" + line + "\n";
}

const char* FitName(BackgroundFit f) {
  switch (f) {
    case BackgroundFit::kCover:
      return "cover";
    case BackgroundFit::kContain:
      return "contain";
    case BackgroundFit::kFit:
      return "fit";
    case BackgroundFit::kStretch:
      return "stretch";
    case BackgroundFit::kAuto:
      return "auto";
  }
  return "?";
}

void DumpBackground(std::string& out, const Background& bg) {
  out += "  bg " + Quote(bg.src);
  if (!bg.alt.empty()) out += " alt=" + Quote(bg.alt);
  out += std::string(" fit=") + FitName(bg.fit);
  if (bg.split != BackgroundSplit::kNone) {
    out += bg.split == BackgroundSplit::kLeft ? " split=left" : " split=right";
    if (bg.split_fraction != 0.5f) out += ":" + Number(bg.split_fraction * 100) + "%";
  }
  if (bg.zoom != 1.0f) out += " zoom=" + Number(bg.zoom * 100) + "%";
  out += Pos(bg.pos) + "\n";
}

}  // namespace

std::string DumpDeck(const Deck& deck) {
  std::string out = "deck";
  const DeckMeta& m = deck.meta;
  if (!m.title.empty()) out += " title=" + Quote(m.title);
  if (!m.author.empty()) out += " author=" + Quote(m.author);
  if (!m.date.empty()) out += " date=" + Quote(m.date);
  out += " theme=" + m.theme + " size=" + m.size;
  if (m.duration_seconds) out += " duration=" + Number(*m.duration_seconds) + "s";
  if (!m.lang.empty()) out += " lang=" + Quote(m.lang);
  if (!m.url.empty()) out += " url=" + Quote(m.url);
  out += '\n';
  for (const Slide& s : deck.slides) {
    out += "slide " + std::to_string(s.index + 1) + Pos(s.pos);
    if (!s.title.empty()) out += " title=" + Quote(s.title);
    if (s.steps != 1) out += " steps=" + std::to_string(s.steps);
    out += '\n';
    DumpStyle(out, s.style);
    for (const Background& bg : s.backgrounds) DumpBackground(out, bg);
    if (!s.notes.empty()) {
      out += "  notes\n";
      TextLines(out, 2, s.notes);
    }
    for (const Block& b : s.blocks) DumpBlock(out, 1, b);
  }
  if (!deck.diagnostics.empty()) {
    out += "diagnostics\n";
    for (const Diagnostic& d : deck.diagnostics) {
      out += "  ";
      if (d.pos.line > 0)
        out +=
            std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col > 0 ? d.pos.col : 1) + ": ";
      out += d.severity == Severity::kError ? "error: " : "warning: ";
      out += DiagnosticMessage(d) + "\n";
    }
  }
  return out;
}

}  // namespace podium
