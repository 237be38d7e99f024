// Index:
//   [SECTION] Text        comments, blocks, splitting at top-level commas and semicolons
//   [SECTION] Selectors   parsing and matching
//   [SECTION] Sheets      rules, at-rules, declarations
//   [SECTION] Cascade     matching order, custom properties
#include "html/css.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace podium::html {
namespace {

// [SECTION] Text -------------------------------------------------------------------------

std::string_view Trim(std::string_view s) { return TrimSpace(s); }
std::string Lower(std::string_view s) { return LowerAscii(s); }

// `css` without comments; a `/* @theme name */` comment gives the sheet its name.
std::string StripComments(std::string_view css, std::string* theme_name) {
  std::string out;
  out.reserve(css.size());
  size_t i = 0;
  while (i < css.size()) {
    if (css.compare(i, 2, "/*") == 0) {
      size_t end = css.find("*/", i + 2);
      std::string_view body = css.substr(i + 2, (end == std::string_view::npos ? css.size() : end) - i - 2);
      if (size_t at = body.find("@theme"); at != std::string_view::npos && theme_name) {
        std::string_view rest = Trim(body.substr(at + 6));
        size_t stop = 0;
        while (stop < rest.size() && !std::isspace(static_cast<unsigned char>(rest[stop]))) ++stop;
        *theme_name = std::string(rest.substr(0, stop));
      }
      out += ' ';
      i = end == std::string_view::npos ? css.size() : end + 2;
      continue;
    }
    out += css[i++];
  }
  return out;
}

// Splits at `separator` outside parentheses, brackets and quotes.
std::vector<std::string_view> SplitTop(std::string_view s, char separator) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '(' || c == '[') ++depth;
    else if ((c == ')' || c == ']') && depth > 0) --depth;
    else if (c == separator && depth == 0) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

// The index of the `}` that closes the `{` at `open`, or npos.
size_t MatchingBrace(std::string_view s, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '{') ++depth;
    else if (c == '}' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80 || c == '\\';
}

// [SECTION] Selectors --------------------------------------------------------------------

// an+b from "odd", "even", "3", "2n+1", "-n+3"; false when unreadable.
bool ParseNth(std::string_view s, int& a, int& b) {
  std::string t;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "odd") return a = 2, b = 1, true;
  if (t == "even") return a = 2, b = 0, true;
  size_t n = t.find('n');
  char* end = nullptr;
  if (n == std::string::npos) {
    long v = std::strtol(t.c_str(), &end, 10);
    if (t.empty() || *end) return false;
    a = 0, b = static_cast<int>(v);
    return true;
  }
  std::string as = t.substr(0, n), bs = t.substr(n + 1);
  if (as.empty() || as == "+") a = 1;
  else if (as == "-") a = -1;
  else {
    long v = std::strtol(as.c_str(), &end, 10);
    if (*end) return false;
    a = static_cast<int>(v);
  }
  if (bs.empty()) b = 0;
  else {
    long v = std::strtol(bs.c_str(), &end, 10);
    if (*end) return false;
    b = static_cast<int>(v);
  }
  return true;
}

// Parses one complex selector; false (with `why`) when it uses what Podium cannot match.
bool ParseSelector(std::string_view text, CssSelector& out, std::string& why) {
  text = Trim(text);
  if (text.empty()) return why = "empty selector", false;
  size_t i = 0;
  int ids = 0, classes = 0, types = 0;
  auto name = [&]() {
    size_t start = i;
    while (i < text.size() && IsNameChar(text[i])) ++i;
    return Lower(text.substr(start, i - start));
  };
  CssCompound current;
  bool has_compound = false;
  char pending = 0;
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) || c == '>' || c == '+' || c == '~') {
      char combinator = ' ';
      while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '>' ||
                                 text[i] == '+' || text[i] == '~')) {
        if (text[i] != ' ' && !std::isspace(static_cast<unsigned char>(text[i]))) combinator = text[i];
        ++i;
      }
      if (!has_compound) return why = "selector starting with a combinator", false;
      out.parts.push_back(std::move(current));
      current = CssCompound();
      has_compound = false;
      pending = combinator;
      continue;
    }
    if (pending) {
      out.combinators.push_back(pending);
      pending = 0;
    }
    has_compound = true;
    if (c == '*') {
      ++i;
    } else if (c == '.') {
      ++i;
      std::string n = name();
      if (n.empty()) return why = "bad class", false;
      // Class names are case-sensitive in HTML documents: keep them as written.
      current.classes.push_back(std::string(text.substr(i - n.size(), n.size())));
      ++classes;
    } else if (c == '#') {
      ++i;
      std::string n = name();
      if (n.empty()) return why = "bad id", false;
      current.id = std::string(text.substr(i - n.size(), n.size()));
      ++ids;
    } else if (c == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) return why = "unclosed [", false;
      std::string_view inside = Trim(text.substr(i + 1, close - i - 1));
      if (inside.find_first_of("=~|^$*") != std::string_view::npos)
        return why = "attribute values in selectors", false;
      current.attributes.push_back(Lower(inside));
      ++classes;
      i = close + 1;
    } else if (c == ':') {
      if (i + 1 < text.size() && text[i + 1] == ':') return why = "::before/::after", false;
      ++i;
      std::string pseudo = name();
      if (pseudo == "first-child") current.first_child = true;
      else if (pseudo == "last-child") current.last_child = true;
      else if (pseudo == "nth-child" && i < text.size() && text[i] == '(') {
        size_t close = text.find(')', i);
        if (close == std::string_view::npos) return why = "unclosed (", false;
        if (!ParseNth(text.substr(i + 1, close - i - 1), current.nth_a, current.nth_b))
          return why = ":nth-child argument", false;
        if (current.nth_a == 0 && current.nth_b == 0) current.nth_b = -1;  // matches nothing
        i = close + 1;
      } else if (pseudo == "root") {
        current.tag = "section";  // a slide is the root of what its CSS sees
      } else {
        return why = ":" + pseudo, false;
      }
      ++classes;
    } else if (IsNameChar(c)) {
      current.tag = name();
      ++types;
    } else {
      return why = std::string("'") + c + "'", false;
    }
  }
  if (!has_compound) return why = "selector ending with a combinator", false;
  out.parts.push_back(std::move(current));
  if (out.combinators.size() + 1 != out.parts.size()) return why = "bad selector", false;
  out.specificity = ids * 10000 + classes * 100 + types;
  return true;
}

std::vector<const HtmlNode*> ElementSiblings(const HtmlNode& node) {
  std::vector<const HtmlNode*> out;
  if (!node.parent) return out;
  for (const HtmlNode* c : node.parent->children)
    if (!c->is_text && !c->tag.empty() && c->tag[0] != '#' && c->tag != "podium-at") out.push_back(c);
  return out;
}

bool MatchesCompound(const CssCompound& c, const HtmlNode& node) {
  if (node.is_text) return false;
  if (!c.tag.empty() && c.tag != node.tag) return false;
  if (!c.id.empty() && node.Attribute("id") != c.id) return false;
  for (const std::string& cls : c.classes)
    if (!node.HasClass(cls)) return false;
  for (const std::string& a : c.attributes)
    if (!node.HasAttribute(a)) return false;
  if (c.first_child || c.last_child || c.nth_a || c.nth_b) {
    std::vector<const HtmlNode*> siblings = ElementSiblings(node);
    auto at = std::find(siblings.begin(), siblings.end(), &node);
    if (at == siblings.end()) return false;
    int index = static_cast<int>(at - siblings.begin()) + 1;
    if (c.first_child && index != 1) return false;
    if (c.last_child && index != static_cast<int>(siblings.size())) return false;
    if (c.nth_a || c.nth_b) {
      int diff = index - c.nth_b;
      if (c.nth_a == 0) {
        if (diff != 0) return false;
      } else if (diff % c.nth_a != 0 || diff / c.nth_a < 0) {
        return false;
      }
    }
  }
  return true;
}

// Matches parts[0..k] ending at `node`, right to left.
bool MatchFrom(const CssSelector& s, size_t k, const HtmlNode& node, int budget) {
  if (budget <= 0 || !MatchesCompound(s.parts[k], node)) return false;
  if (k == 0) return true;
  char combinator = s.combinators[k - 1];
  if (combinator == '>') return node.parent && MatchFrom(s, k - 1, *node.parent, budget - 1);
  if (combinator == ' ') {
    int steps = 0;
    for (const HtmlNode* p = node.parent; p && steps < 512; p = p->parent, ++steps)
      if (MatchFrom(s, k - 1, *p, budget - 1)) return true;
    return false;
  }
  std::vector<const HtmlNode*> siblings = ElementSiblings(node);
  auto at = std::find(siblings.begin(), siblings.end(), &node);
  if (at == siblings.begin() || at == siblings.end()) return false;
  if (combinator == '+') return MatchFrom(s, k - 1, **(at - 1), budget - 1);
  for (auto it = siblings.begin(); it != at; ++it)
    if (MatchFrom(s, k - 1, **it, budget - 1)) return true;
  return false;
}

// [SECTION] Sheets -----------------------------------------------------------------------

void ReadRules(std::string_view css, StyleSheet& sheet, int depth) {
  size_t i = 0;
  while (i < css.size()) {
    size_t open = css.find_first_of("{;", i);
    if (open == std::string_view::npos) break;
    std::string_view prelude = Trim(css.substr(i, open - i));
    if (css[open] == ';') {  // @import, @charset
      if (prelude.substr(0, 7) == "@import") sheet.unsupported.push_back("@import " + std::string(Trim(prelude.substr(7))));
      i = open + 1;
      continue;
    }
    size_t close = MatchingBrace(css, open);
    if (close == std::string_view::npos) close = css.size();
    std::string_view body = css.substr(open + 1, close > open ? close - open - 1 : 0);
    i = close + 1;
    if (!prelude.empty() && prelude[0] == '@') {
      std::string at = Lower(prelude.substr(0, prelude.find_first_of(" \t\n({")));
      if (at == "@media" || at == "@supports" || at == "@layer") {
        // Slides are a screen: screen and all apply, print does not.
        if (Lower(prelude).find("print") == std::string::npos && depth < 8) ReadRules(body, sheet, depth + 1);
      } else {
        sheet.unsupported.push_back(at);
      }
      continue;
    }
    if (body.find('{') != std::string_view::npos) {
      sheet.unsupported.push_back("nested CSS rules");
      continue;
    }
    CssRule rule;
    for (std::string_view s : SplitTop(prelude, ',')) {
      CssSelector selector;
      std::string why;
      if (ParseSelector(s, selector, why)) rule.selectors.push_back(std::move(selector));
      else sheet.unsupported.push_back("selector '" + std::string(Trim(s)) + "' (" + why + ")");
    }
    rule.declarations = ParseDeclarations(body);
    if (!rule.selectors.empty() && !rule.declarations.empty()) sheet.rules.push_back(std::move(rule));
  }
}

}  // namespace

std::vector<CssDeclaration> ParseDeclarations(std::string_view css) {
  std::vector<CssDeclaration> out;
  for (std::string_view decl : SplitTop(css, ';')) {
    size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    CssDeclaration d;
    std::string_view property = Trim(decl.substr(0, colon));
    if (property.empty() || property.size() > 64) continue;
    // Custom properties keep their case; others are case-insensitive.
    d.property = property.substr(0, 2) == "--" ? std::string(property) : Lower(property);
    std::string_view value = Trim(decl.substr(colon + 1));
    if (size_t bang = value.rfind('!'); bang != std::string_view::npos &&
                                        Lower(Trim(value.substr(bang + 1))) == "important") {
      d.important = true;
      value = Trim(value.substr(0, bang));
    }
    d.value = std::string(value);
    out.push_back(std::move(d));
  }
  return out;
}

StyleSheet ParseStyleSheet(std::string_view css) {
  StyleSheet sheet;
  if (css.size() > kMaxStyleSheetBytes) {
    css = css.substr(0, kMaxStyleSheetBytes);
    sheet.unsupported.push_back("style sheet over 1 MB (cut)");
  }
  std::string text = StripComments(css, &sheet.theme_name);
  ReadRules(text, sheet, 0);
  return sheet;
}

bool Matches(const CssSelector& selector, const HtmlNode& node) {
  if (selector.parts.empty()) return false;
  return MatchFrom(selector, selector.parts.size() - 1, node, 4096);
}

// [SECTION] Cascade ----------------------------------------------------------------------

std::vector<const CssDeclaration*> Cascade::Match(const HtmlNode& node) const {
  struct Hit {
    int specificity;
    size_t order;
    const CssRule* rule;
  };
  std::vector<Hit> hits;
  size_t order = 0;
  for (const StyleSheet* sheet : sheets_)
    for (const CssRule& rule : sheet->rules) {
      int best = -1;
      for (const CssSelector& s : rule.selectors)
        if (s.specificity > best && Matches(s, node)) best = s.specificity;
      if (best >= 0) hits.push_back({best, order, &rule});
      ++order;
    }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.specificity != b.specificity ? a.specificity < b.specificity : a.order < b.order;
  });
  std::vector<const CssDeclaration*> out;
  for (bool important : {false, true})
    for (const Hit& h : hits)
      for (const CssDeclaration& d : h.rule->declarations)
        if (d.important == important) out.push_back(&d);
  return out;
}

bool Cascade::NamesClass(std::string_view name) const {
  for (const StyleSheet* sheet : sheets_)
    for (const CssRule& rule : sheet->rules)
      for (const CssSelector& s : rule.selectors)
        for (const CssCompound& c : s.parts)
          if (std::find(c.classes.begin(), c.classes.end(), name) != c.classes.end()) return true;
  return false;
}

std::string Cascade::Variable(const HtmlNode& node, std::string_view name, int depth) const {
  for (const HtmlNode* n = &node; n; n = n->parent) {
    if (n->is_text) continue;
    std::string found;
    bool has = false;
    for (const CssDeclaration* d : Match(*n))
      if (d->property == name) found = d->value, has = true;
    // An inline style's custom property wins over the sheets'.
    for (const CssDeclaration& d : ParseDeclarations(n->Attribute("style")))
      if (d.property == name) found = d.value, has = true;
    if (has) return Substitute(*n, found, depth + 1);
  }
  return {};
}

std::string Cascade::Substitute(const HtmlNode& node, std::string_view value, int depth) const {
  if (depth > 16 || value.size() > 4096) return {};  // a var() loop, or a value blown up
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    size_t at = value.find("var(", i);
    if (at == std::string_view::npos) {
      out.append(value.substr(i));
      break;
    }
    out.append(value.substr(i, at - i));
    int level = 0;
    size_t end = at + 3;
    for (; end < value.size(); ++end) {
      if (value[end] == '(') ++level;
      if (value[end] == ')' && --level == 0) break;
    }
    if (end >= value.size()) break;
    std::string_view inner = value.substr(at + 4, end - at - 4);
    std::vector<std::string_view> parts = SplitTop(inner, ',');
    std::string name(Trim(parts[0]));
    std::string v = Variable(node, name, depth);
    if (v.empty() && parts.size() > 1) {
      std::string_view fallback = Trim(inner.substr(parts[0].size() + 1));
      v = Substitute(node, fallback, depth + 1);
    }
    out += v;
    i = end + 1;
  }
  return out;
}

std::string Cascade::ResolveVars(const HtmlNode& node, std::string_view value) const {
  if (value.find("var(") == std::string_view::npos) return std::string(value);
  return Substitute(node, value, 0);
}

}  // namespace podium::html
