// Style sheets: the CSS of a deck's <style> elements (and, later, its theme files), read
// into rules and matched against the HTML tree with the cascade's order.
//
//   StyleSheet sheet = ParseStyleSheet("section.lead h1 { color: red } .cols { display: grid }");
//   Cascade cascade;  cascade.Add(&sheet);
//   for (const CssDeclaration* d : cascade.Match(node)) …   // lowest priority first
//
// Selectors: type, `*`, class, id, attribute presence (`[data-x]`), descendant, child (>),
// next (+) and later (~) siblings, :first-child, :last-child, :nth-child(an+b | odd |
// even). Specificity and `!important` order the declarations as browsers do; a later rule
// wins a tie. Custom properties (`--x: …`) are inherited and `var(--x, fallback)` is
// substituted (ResolveVars), bounded against loops. What cannot be read — a selector
// with pseudo-classes Podium lacks, ::before/::after, @font-face, nested rules — is listed
// in `unsupported` for `check`, and left out.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_tree.h"

namespace podium::html {

struct CssDeclaration {
  std::string property;  // lower-case
  std::string value;     // as written, without !important
  bool important = false;
};

struct CssCompound {
  std::string tag;  // "" for any
  std::string id;
  std::vector<std::string> classes;
  std::vector<std::string> attributes;  // presence only
  bool first_child = false, last_child = false;
  int nth_a = 0, nth_b = 0;  // :nth-child(an+b); both 0: none
};

struct CssSelector {
  std::vector<CssCompound> parts;  // left to right
  std::vector<char> combinators;   // between parts: ' ', '>', '+', '~'
  int specificity = 0;             // ids × 10000 + classes × 100 + types
};

struct CssRule {
  std::vector<CssSelector> selectors;
  std::vector<CssDeclaration> declarations;
};

struct StyleSheet {
  std::vector<CssRule> rules;
  std::vector<std::string> unsupported;  // "selector 'a:hover'", "@font-face", …
  std::string theme_name;                // from a `/* @theme name */` comment
};

// At most this many bytes of CSS are read per sheet (a larger one is cut, and said so).
inline constexpr size_t kMaxStyleSheetBytes = 1 << 20;

StyleSheet ParseStyleSheet(std::string_view css);

// Declarations of a `style="…"` attribute.
std::vector<CssDeclaration> ParseDeclarations(std::string_view css);

class Cascade {
 public:
  void Add(const StyleSheet* sheet) { sheets_.push_back(sheet); }
  bool empty() const { return sheets_.empty(); }

  // The declarations that apply to `node`, lowest priority first: normal ones by
  // specificity then source order, then the !important ones likewise.
  std::vector<const CssDeclaration*> Match(const HtmlNode& node) const;

  // True when a rule's selector names class `name` (so a deck's own class is not
  // reported as an unknown utility).
  bool NamesClass(std::string_view name) const;

  // `value` with every var(--x[, fallback]) replaced from the custom properties in force
  // on `node` (its matched `--x` declarations, else its ancestors').
  std::string ResolveVars(const HtmlNode& node, std::string_view value) const;

 private:
  std::string Variable(const HtmlNode& node, std::string_view name, int depth) const;
  std::string Substitute(const HtmlNode& node, std::string_view value, int depth) const;
  std::vector<const StyleSheet*> sheets_;
};

bool Matches(const CssSelector& selector, const HtmlNode& node);

}  // namespace podium::html
