// HtmlTree: raw HTML parsed as a browser parses it (the WHATWG algorithm, by libhubbub),
// into a small read-only tree of elements and text.
//
//   HtmlTree tree = ParseHtml("<div class=a><p>one<p>two</div>");
//   const HtmlNode& div = *tree.body()->children[0];   // div.tag == "div"
//   div.Attribute("class") == "a";  div.children.size() == 2 (two p, the first closed
//                                                              by the second, as browsers do)
//
// Tags and attribute names are lower-case; entities are decoded; comments and doctypes are
// left out. A component written `<my-icon/>` or `<Tweet/>` (an element HTML does not
// define) is closed by its `/>`, as Vue — Slidev's decks — reads it; HTML's own elements
// follow the HTML parser (`<div/>` opens a div). The tree owns its nodes; pointers stay valid while it lives. Nothing here runs a
// script or fetches anything: it is only a tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podium::html {

struct HtmlNode {
  bool is_text = false;
  std::string tag;   // elements: lower-case name ("div", "v-click", "my-component")
  std::string text;  // text nodes: the characters, entities decoded
  std::vector<std::pair<std::string, std::string>> attributes;  // elements, in source order
  std::vector<HtmlNode*> children;
  HtmlNode* parent = nullptr;
  bool self_closing = false;  // written `<x/>`

  // The value of attribute `name`, or "" when absent; HasAttribute tells the two apart.
  std::string_view Attribute(std::string_view name) const;
  bool HasAttribute(std::string_view name) const;
  // True when the whitespace-separated `class` attribute holds `name`.
  bool HasClass(std::string_view name) const;
};

class HtmlTree {
 public:
  // The <body> element: the parsed fragment's content is its children. Never null.
  const HtmlNode* body() const { return body_; }
  // The <head> element's children, where a parser puts a leading <style> or <meta>.
  const HtmlNode* head() const { return head_; }
  // Nodes made while parsing, the tree's own and those the parser dropped.
  size_t node_count() const { return nodes_.size(); }
  bool truncated() const { return truncated_; }

 private:
  friend class TreeBuilder;
  std::vector<std::unique_ptr<HtmlNode>> nodes_;
  HtmlNode* document_ = nullptr;
  HtmlNode* body_ = nullptr;
  HtmlNode* head_ = nullptr;
  bool truncated_ = false;
};

// At most this many nodes are made; past it the rest of the input is left out and
// truncated() is true (10,000 nested divs parse; a 1 MB tag soup cannot exhaust memory).
inline constexpr size_t kMaxHtmlNodes = 50000;

// Parses `html` as the content of a document's body (a leading <style> goes to head()).
HtmlTree ParseHtml(std::string_view html);

// Elements Podium never runs or shows the inside of: script, iframe, object, embed, …
bool IsInertElement(std::string_view tag);

// Text helpers shared by the HTML and CSS readers.
std::string_view TrimSpace(std::string_view s);  // ASCII blanks at both ends
std::string LowerAscii(std::string_view s);
// `s` safe inside a double-quoted attribute or as element text (" < > & escaped).
std::string EscapeHtml(std::string_view s);

}  // namespace podium::html
