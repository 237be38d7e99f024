// HTML, XML, SVG and Vue single-file components: tags, attributes and their values,
// comments, <!DOCTYPE>, <?xml?>, CDATA, &entities; the content of <script> is highlighted
// as JavaScript (TypeScript with lang="ts") and of <style> as CSS.
#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsNameChar(char c) {
  return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.';
}

// Emits from pos to the end of `close` (or to end) as `kind`.
void ScanUntil(Lexer& lx, std::string_view close, size_t end, TokenKind kind) {
  size_t found = lx.text.substr(0, end).find(close, lx.pos);
  size_t e = found == std::string_view::npos ? end : found + close.size();
  lx.Emit(lx.pos, e, kind);
  lx.pos = e;
}

// Position of "</name" (any case) at or after `from`, or end.
size_t FindClosingTag(const Lexer& lx, std::string_view name, size_t from, size_t end) {
  for (size_t p = from; p + 1 < end; ++p) {
    p = lx.text.substr(0, end).find("</", p);
    if (p == std::string_view::npos) return end;
    if (lx.StartsWithNoCase(p + 2, name, end)) return p;
  }
  return end;
}

// A tag from its '<' (pos): name, attributes, values, up to '>' or "/>". Returns the tag's
// name and, through `embedded`, the language of its content for <script> and <style>.
std::string_view ScanTag(Lexer& lx, size_t end, std::string_view* embedded) {
  const std::string_view t = lx.text;
  size_t p = lx.pos + 1;
  bool closing = p < end && t[p] == '/';
  if (closing) ++p;
  lx.Emit(lx.pos, p, TokenKind::kPunctuation);
  size_t name_end = p;
  while (name_end < end && IsNameChar(t[name_end])) ++name_end;
  std::string_view name = t.substr(p, name_end - p);
  lx.Emit(p, name_end, TokenKind::kTag);
  p = name_end;
  *embedded = {};
  if (!closing) {
    if (name.size() == 6 && lx.StartsWithNoCase(p - 6, "script", end)) *embedded = "javascript";
    if (name.size() == 5 && lx.StartsWithNoCase(p - 5, "style", end)) *embedded = "css";
  }
  while (p < end) {
    char c = t[p];
    if (IsBlank(c)) {
      ++p;
      continue;
    }
    if (c == '>') {
      lx.Emit(p, p + 1, TokenKind::kPunctuation);
      lx.pos = p + 1;
      return name;
    }
    if (c == '/' && p + 1 < end && t[p + 1] == '>') {
      lx.Emit(p, p + 2, TokenKind::kPunctuation);
      lx.pos = p + 2;
      *embedded = {};
      return name;
    }
    if (c == '<') break;  // an unclosed tag: the next one starts here
    if (c == '=') {
      lx.Emit(p, p + 1, TokenKind::kPunctuation);
      ++p;
      while (p < end && IsBlank(t[p])) ++p;
      if (p < end && (t[p] == '"' || t[p] == '\'')) {
        size_t close = t.substr(0, end).find(t[p], p + 1);
        size_t e = close == std::string_view::npos ? end : close + 1;
        std::string_view value = t.substr(p + 1, e - p - 1);
        if (*embedded == "javascript" &&
            (value.starts_with("ts") || value.starts_with("typescript")))
          *embedded = "typescript";
        lx.Emit(p, e, TokenKind::kString);
        p = e;
      } else {
        size_t e = p;
        while (e < end && !IsBlank(t[e]) && t[e] != '>' && t[e] != '<') ++e;
        lx.Emit(p, e, TokenKind::kString);
        p = e;
      }
      continue;
    }
    // An attribute name (Vue's @click and :value included).
    size_t e = p;
    while (e < end && !IsBlank(t[e]) && t[e] != '=' && t[e] != '>' && t[e] != '<' &&
           !(t[e] == '/' && e + 1 < end && t[e + 1] == '>'))
      e = lx.CharEnd(e, end);
    if (e == p) e = p + 1;
    lx.Emit(p, e, TokenKind::kAttribute);
    p = e;
  }
  lx.pos = p;
  return name;
}

}  // namespace

void ScanHtml(Lexer& lx, size_t end) {
  const std::string_view t = lx.text;
  while (lx.pos < end) {
    size_t lt = t.substr(0, end).find_first_of("<&", lx.pos);
    if (lt == std::string_view::npos) {
      lx.pos = end;
      return;
    }
    lx.pos = lt;
    if (t[lt] == '&') {
      size_t e = lt + 1;
      if (e < end && t[e] == '#') ++e;
      while (e < end && e - lt < 32 &&
             ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z') ||
              (t[e] >= '0' && t[e] <= '9')))
        ++e;
      if (e < end && t[e] == ';' && e > lt + 1) {
        lx.Emit(lt, e + 1, TokenKind::kEscape);
        lx.pos = e + 1;
      } else {
        lx.pos = lt + 1;
      }
      continue;
    }
    if (lx.StartsWith(lt, "<!--", end)) {
      ScanUntil(lx, "-->", end, TokenKind::kComment);
    } else if (lx.StartsWith(lt, "<![CDATA[", end)) {
      ScanUntil(lx, "]]>", end, TokenKind::kString);
    } else if (lx.StartsWith(lt, "<!", end)) {
      ScanUntil(lx, ">", end, TokenKind::kKeyword);
    } else if (lx.StartsWith(lt, "<?", end)) {
      ScanUntil(lx, "?>", end, TokenKind::kAttribute);
    } else if (lt + 1 < end && (IsNameStart(t[lt + 1]) ||
                                (t[lt + 1] == '/' && lt + 2 < end && IsNameStart(t[lt + 2])))) {
      std::string_view embedded;
      std::string_view name = ScanTag(lx, end, &embedded);
      if (!embedded.empty()) {
        size_t close = FindClosingTag(lx, name, lx.pos, end);
        const Language* inner = FindLanguage(embedded);
        if (inner && lx.depth < Lexer::kMaxDepth) {
          ++lx.depth;
          lx.Scan(*inner, close);
          --lx.depth;
        }
        lx.pos = close;
      }
    } else {
      lx.pos = lt + 1;
    }
  }
}

extern const LanguageDef kHtml{
    .name = "html",
    .aliases = "htm xhtml xml svg vue rss atom plist xsl xslt svelte",
    .scan = ScanHtml,
};

}  // namespace podium::highlight
