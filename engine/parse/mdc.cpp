#include "parse/mdc.h"

#include <string>
#include <string_view>

#include "html/html_tree.h"

namespace podium::parse {
namespace {

// `{.a.b #id v-after}` at text[open] → ` class="a b" id="id" v-after`, with `end` set past
// the `}`; "" when it is not an attribute list (`{x}` in prose, `{{ }}`).
std::string Attributes(std::string_view text, size_t open, size_t& end) {
  size_t close = text.find('}', open);
  if (close == std::string_view::npos || close - open > 200) return {};
  std::string_view inner = text.substr(open + 1, close - open - 1);
  if (inner.empty() || (inner[0] != '.' && inner[0] != '#')) return {};
  std::string classes, id, rest;
  size_t i = 0;
  while (i < inner.size()) {
    char c = inner[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < inner.size() && inner[j] != ' ' && inner[j] != '.' && inner[j] != '#') ++j;
    if (c == '.' || c == '#') {
      std::string_view name = inner.substr(i + 1, j - i - 1);
      if (name.empty()) return {};
      if (c == '.') classes += (classes.empty() ? "" : " ") + std::string(name);
      else id = std::string(name);
    } else {
      while (j < inner.size() && inner[j] != ' ') ++j;  // key=value or a bare attribute
      std::string_view word = inner.substr(i, j - i);
      size_t eq = word.find('=');
      std::string key(word.substr(0, eq));
      for (char k : key)
        if (!((k >= 'a' && k <= 'z') || (k >= 'A' && k <= 'Z') || (k >= '0' && k <= '9') || k == '-' || k == '_'))
          return {};
      rest += " " + key;
      if (eq != std::string_view::npos) {
        std::string_view value = word.substr(eq + 1);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
        rest += "=\"" + html::EscapeHtml(value) + "\"";
      }
    }
    i = j;
  }
  end = close + 1;
  std::string out;
  if (!classes.empty()) out += " class=\"" + html::EscapeHtml(classes) + "\"";
  if (!id.empty()) out += " id=\"" + html::EscapeHtml(id) + "\"";
  return out + rest;
}

Span Html(std::string text, SourcePos pos) {
  Span s;
  s.kind = SpanKind::kHtml;
  s.text = std::move(text);
  s.pos = pos;
  return s;
}

bool IsBlankText(const Span& s) {
  return s.kind == SpanKind::kText && s.text.find_first_not_of(" \t") == std::string::npos;
}

// Rewrites one paragraph's or heading's spans; sets `block_attributes` when the block
// itself ends in an attribute list.
void Spans(std::vector<Span>& spans, bool heading, std::string& block_attributes) {
  std::vector<Span> out;
  for (size_t k = 0; k < spans.size(); ++k) {
    Span& span = spans[k];
    if (span.kind != SpanKind::kText || span.text.find('{') == std::string::npos) {
      out.push_back(std::move(span));
      continue;
    }
    const std::string text = span.text;
    size_t done = 0;
    auto emit = [&](size_t from, size_t to) {
      if (to <= from) return;
      Span t = span;
      t.text = text.substr(from, to - from);
      out.push_back(std::move(t));
    };
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
      size_t end = 0;
      std::string attrs = Attributes(text, open, end);
      if (attrs.empty()) continue;
      bool last = k + 1 == spans.size() || (k + 2 == spans.size() && IsBlankText(spans[k + 1]));
      bool at_end = last && text.find_first_not_of(" \t", end) == std::string::npos;
      if (open > done && text[open - 1] == ']') {
        // [words]{.class}
        size_t bracket = text.rfind('[', open - 1);
        if (bracket != std::string::npos && bracket >= done) {
          emit(done, bracket);
          out.push_back(Html("<span" + attrs + ">", span.pos));
          emit(bracket + 1, open - 1);
          out.push_back(Html("</span>", span.pos));
          done = end;
          open = end - 1;
          continue;
        }
      }
      if (open == done && done == 0 && !out.empty()) {
        // The run before: a picture gets the attributes, any other run is wrapped.
        Span before = std::move(out.back());
        out.pop_back();
        if (before.kind == SpanKind::kImage) {
          out.push_back(Html("<img src=\"" + html::EscapeHtml(before.href) + "\" alt=\"" + html::EscapeHtml(before.text) + "\"" +
                                 attrs + ">",
                             before.pos));
        } else {
          out.push_back(Html("<span" + attrs + ">", before.pos));
          out.push_back(std::move(before));
          out.push_back(Html("</span>", span.pos));
        }
        done = end;
        open = end - 1;
        continue;
      }
      // `# Title{.class}`, `Some text {.class}` and a one-word paragraph: the whole block.
      bool spaced = open > 0 && text[open - 1] == ' ';
      bool one_word = out.empty() && text.find(' ', done) >= open;
      if (at_end && (heading || spaced || one_word)) {
        emit(done, open);
        block_attributes = attrs;
        done = text.size();
        break;
      }
      // A word{.class} in running text: the word.
      size_t word = text.find_last_of(' ', open == 0 ? 0 : open - 1);
      word = word == std::string::npos || word < done ? done : word + 1;
      emit(done, word);
      out.push_back(Html("<span" + attrs + ">", span.pos));
      emit(word, open);
      out.push_back(Html("</span>", span.pos));
      done = end;
      open = end - 1;
    }
    emit(done, text.size());
  }
  while (!out.empty() && IsBlankText(out.back())) out.pop_back();
  if (!out.empty() && out.back().kind == SpanKind::kText) {
    std::string& t = out.back().text;
    t.erase(t.find_last_not_of(" \t") + 1);
  }
  spans = std::move(out);
}

}  // namespace

void ReadMdcAttributes(std::vector<Block>& blocks) {
  std::vector<Block> out;
  for (Block& b : blocks) {
    if (!b.children.empty()) ReadMdcAttributes(b.children);
    std::string attrs;
    if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kHeading)
      Spans(b.spans, b.kind == BlockKind::kHeading, attrs);
    if (attrs.empty()) {
      out.push_back(std::move(b));
      continue;
    }
    Block open;
    open.kind = BlockKind::kHtml;
    open.pos = b.pos;
    open.text = "<div" + attrs + ">";
    Block close = open;
    close.text = "</div>";
    out.push_back(std::move(open));
    out.push_back(std::move(b));
    out.push_back(std::move(close));
  }
  blocks = std::move(out);
}

}  // namespace podium::parse
