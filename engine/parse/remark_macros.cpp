#include "parse/remark_macros.h"

#include <string>
#include <string_view>

namespace podium::parse {
namespace {

bool IsClassChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// At text[i] == '.': the length of `.a.b[` (including the bracket) and its class list
// ("a b"), or 0 when it is not a macro opener. A macro starts a text or follows a blank
// or an opening bracket, so `file.txt[0]` is not one.
size_t MacroOpener(std::string_view text, size_t i, bool at_start, std::string& classes) {
  if (text[i] != '.') return 0;
  if (!at_start && i > 0) {
    char before = text[i - 1];
    if (!(before == ' ' || before == '\t' || before == '\n' || before == '(' || before == '[')) return 0;
  }
  classes.clear();
  size_t j = i;
  while (j < text.size() && text[j] == '.') {
    size_t start = ++j;
    while (j < text.size() && IsClassChar(text[j])) ++j;
    if (j == start) return 0;
    if (!classes.empty()) classes += ' ';
    classes.append(text.substr(start, j - start));
  }
  if (j >= text.size() || text[j] != '[') return 0;
  return j + 1 - i;
}

Span HtmlSpan(std::string text, SourcePos pos) {
  Span s;
  s.kind = SpanKind::kHtml;
  s.text = std::move(text);
  s.pos = pos;
  return s;
}

Block HtmlBlock(std::string text, SourcePos pos) {
  Block b;
  b.kind = BlockKind::kHtml;
  b.text = std::move(text);
  b.pos = pos;
  return b;
}

class Rewriter {
 public:
  // Open macros: for each, whether it is a block (a <div>) and the bracket depth inside it.
  struct Open {
    bool block = false;
    int depth = 0;
  };

  // One rewriter reads a slide in document order, nested blocks included: remark reads
  // macros before Markdown, so a `]` that Markdown put in a list item still closes the
  // macro opened above the list (the HTML pass then closes the list there, as a browser
  // would).
  void Blocks(std::vector<Block>& blocks, int depth = 0) {
    std::vector<Block> out;
    for (Block& b : blocks) {
      if (!b.children.empty() && depth < 64) Blocks(b.children, depth + 1);
      if (b.kind != BlockKind::kParagraph && b.kind != BlockKind::kHeading) {
        out.push_back(std::move(b));
        continue;
      }
      Paragraph(b, out);
    }
    if (depth == 0) {
      // Macros never closed are closed at the end of the slide, as remark does.
      for (size_t k = open_.size(); k-- > 0;)
        if (open_[k].block) out.push_back(HtmlBlock("</div>", {}));
      open_.clear();
    }
    blocks = std::move(out);
  }

 private:
  // True when `b` may open or close a macro: an opener in its text, or `]` while one is open.
  bool Touches(const Block& b) const {
    for (const Span& span : b.spans) {
      if (span.kind != SpanKind::kText) continue;
      const std::string& t = span.text;
      if (!open_.empty() && t.find(']') != std::string::npos) return true;
      std::string classes;
      for (size_t i = t.find('.'); i != std::string::npos; i = t.find('.', i + 1))
        if (MacroOpener(t, i, i == 0, classes)) return true;
    }
    return false;
  }

  // Splits a paragraph at block macros' edges; inline macros become spans.
  void Paragraph(Block& b, std::vector<Block>& out) {
    if (!Touches(b)) {
      out.push_back(std::move(b));
      return;
    }
    bool first_piece = true;
    std::vector<Span> spans;
    bool first_text = true;  // no text yet in this paragraph: an opener here is a block
    auto flush = [&](std::vector<Span>& run) {
      auto is_break = [](const Span& sp) {
        return sp.kind == SpanKind::kSoftBreak || sp.kind == SpanKind::kLineBreak;
      };
      while (!run.empty() && is_break(run.back())) run.pop_back();
      size_t lead = 0;
      while (lead < run.size() && is_break(run[lead])) ++lead;
      run.erase(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(lead));
      bool blank = true;
      for (const Span& s : run)
        if (s.kind != SpanKind::kSoftBreak && s.kind != SpanKind::kLineBreak &&
            !(s.kind == SpanKind::kText && s.text.find_first_not_of(" \t\n") == std::string::npos))
          blank = false;
      if (!blank) {
        Block p;
        p.kind = b.kind;
        p.level = b.level;
        p.step = b.step;
        p.pos = first_piece || !run.front().pos.line ? b.pos : run.front().pos;
        first_piece = false;
        p.spans = std::move(run);
        out.push_back(std::move(p));
      }
      run.clear();
    };
    for (Span& span : b.spans) {
      if (span.kind != SpanKind::kText) {
        // A macro opening a line (after a line break) is a block, as at the paragraph's start.
        first_text = span.kind == SpanKind::kSoftBreak || span.kind == SpanKind::kLineBreak;
        spans.push_back(std::move(span));
        continue;
      }
      const std::string& text = span.text;
      std::string run;
      auto emit_text = [&] {
        if (run.empty()) return;
        Span t = span;
        t.text = std::move(run);
        run.clear();
        spans.push_back(std::move(t));
      };
      for (size_t i = 0; i < text.size();) {
        std::string classes;
        bool at_start = first_text && run.find_first_not_of(" \t") == std::string::npos;
        if (size_t n = MacroOpener(text, i, at_start, classes)) {
          bool block = at_start && b.kind == BlockKind::kParagraph && !ClosesOnLine(text, i + n);
          emit_text();
          if (block) {
            while (!spans.empty() && (spans.back().kind == SpanKind::kSoftBreak || spans.back().kind == SpanKind::kLineBreak))
              spans.pop_back();
            flush(spans);
            out.push_back(HtmlBlock("<div class=\"" + classes + "\">", span.pos));
          } else {
            spans.push_back(HtmlSpan("<span class=\"" + classes + "\">", span.pos));
          }
          open_.push_back({block, 0});
          i += n;
          // Blanks after a block opener belong to no one.
          if (block) while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
          continue;
        }
        char c = text[i];
        if (!open_.empty() && c == '[') ++open_.back().depth;
        if (!open_.empty() && c == ']') {
          if (open_.back().depth > 0) {
            --open_.back().depth;
          } else {
            emit_text();
            Open closing = open_.back();
            open_.pop_back();
            if (closing.block) {
              flush(spans);
              out.push_back(HtmlBlock("</div>", span.pos));
            } else {
              spans.push_back(HtmlSpan("</span>", span.pos));
            }
            ++i;
            continue;
          }
        }
        run += c;
        if (c != ' ' && c != '\t') first_text = false;
        ++i;
      }
      emit_text();
    }
    flush(spans);
  }

  // True when the macro opened at text[from] closes later on the same text (`.red[x] y`):
  // an inline macro, even at the start of a paragraph — unless it closes at the very end
  // (`.footnote[Some note]`), which remark makes a block.
  static bool ClosesOnLine(const std::string& text, size_t from) {
    int depth = 0;
    for (size_t i = from; i < text.size(); ++i) {
      if (text[i] == '[') ++depth;
      if (text[i] == ']' && depth-- == 0)
        return text.find_first_not_of(" \t\n", i + 1) != std::string::npos;
    }
    return false;
  }

  std::vector<Open> open_;
};

}  // namespace

void RewriteRemarkMacros(std::vector<Block>& blocks) { Rewriter().Blocks(blocks); }

}  // namespace podium::parse
