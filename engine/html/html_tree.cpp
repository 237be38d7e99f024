#include "html/html_tree.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

extern "C" {
#include <hubbub/parser.h>
#include <hubbub/tree.h>
}

namespace podium::html {

std::string_view HtmlNode::Attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes)
    if (key == name) return value;
  return {};
}

bool HtmlNode::HasAttribute(std::string_view name) const {
  return std::any_of(attributes.begin(), attributes.end(),
                     [&](const auto& a) { return a.first == name; });
}

bool HtmlNode::HasClass(std::string_view name) const {
  std::string_view classes = Attribute("class");
  size_t i = 0;
  while (i < classes.size()) {
    size_t start = classes.find_first_not_of(" \t\n\r\f", i);
    if (start == std::string_view::npos) break;
    size_t end = std::min(classes.find_first_of(" \t\n\r\f", start), classes.size());
    if (classes.substr(start, end - start) == name) return true;
    i = end;
  }
  return false;
}

bool IsInertElement(std::string_view tag) {
  static constexpr std::array<std::string_view, 10> kInert = {
      "script", "iframe", "object", "embed", "applet", "noscript", "template", "frame",
      "frameset", "form"};
  return std::find(kInert.begin(), kInert.end(), tag) != kInert.end();
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"') out += "&quot;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

namespace {

std::string Lower(const hubbub_string& s) {
  std::string out(reinterpret_cast<const char*>(s.ptr), s.len);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Text(const hubbub_string& s) {
  return std::string(reinterpret_cast<const char*>(s.ptr), s.len);
}

}  // namespace

// The hubbub tree handler: nodes live in the tree's arena; reference counts are not
// needed, since nothing is freed before the tree is.
class TreeBuilder {
 public:
  explicit TreeBuilder(HtmlTree& tree) : tree_(tree) {}

  HtmlNode* Make() {
    if (tree_.nodes_.size() >= kMaxHtmlNodes) {
      tree_.truncated_ = true;
      return nullptr;
    }
    tree_.nodes_.push_back(std::make_unique<HtmlNode>());
    return tree_.nodes_.back().get();
  }

  static TreeBuilder& Of(void* ctx) { return *static_cast<TreeBuilder*>(ctx); }
  static HtmlNode* N(void* node) { return static_cast<HtmlNode*>(node); }

  static void Detach(HtmlNode* child) {
    if (!child->parent) return;
    auto& siblings = child->parent->children;
    siblings.erase(std::remove(siblings.begin(), siblings.end(), child), siblings.end());
    child->parent = nullptr;
  }

  static hubbub_error CreateComment(void* ctx, const hubbub_string*, void** result) {
    HtmlNode* n = Of(ctx).Make();
    if (!n) return HUBBUB_NOMEM;
    n->tag = "#comment";
    *result = n;
    return HUBBUB_OK;
  }
  static hubbub_error CreateDoctype(void* ctx, const hubbub_doctype*, void** result) {
    HtmlNode* n = Of(ctx).Make();
    if (!n) return HUBBUB_NOMEM;
    n->tag = "#doctype";
    *result = n;
    return HUBBUB_OK;
  }
  static hubbub_error CreateElement(void* ctx, const hubbub_tag* tag, void** result) {
    HtmlNode* n = Of(ctx).Make();
    if (!n) return HUBBUB_NOMEM;
    n->tag = Lower(tag->name);
    // hubbub leaves `self_closing` unset on the tags it makes up itself (<html>, <tbody>…):
    // read the byte, not a bool it may not be. Those are HTML elements, which `/>` never
    // closes, so a stray value there changes nothing.
    unsigned char self_closing = 0;
    std::memcpy(&self_closing, &tag->self_closing, 1);
    n->self_closing = self_closing == 1;
    for (uint32_t i = 0; i < tag->n_attributes; ++i)
      n->attributes.emplace_back(Lower(tag->attributes[i].name), Text(tag->attributes[i].value));
    *result = n;
    return HUBBUB_OK;
  }
  static hubbub_error CreateText(void* ctx, const hubbub_string* data, void** result) {
    HtmlNode* n = Of(ctx).Make();
    if (!n) return HUBBUB_NOMEM;
    n->is_text = true;
    n->text = Text(*data);
    *result = n;
    return HUBBUB_OK;
  }
  static hubbub_error Ref(void*, void*) { return HUBBUB_OK; }
  static hubbub_error AppendChild(void*, void* parent, void* child, void** result) {
    HtmlNode* p = N(parent);
    HtmlNode* c = N(child);
    // Adjacent text merges into one node, as the DOM's parser does.
    if (c->is_text && !p->children.empty() && p->children.back()->is_text) {
      p->children.back()->text += c->text;
      *result = p->children.back();
      return HUBBUB_OK;
    }
    Detach(c);
    c->parent = p;
    p->children.push_back(c);
    *result = c;
    return HUBBUB_OK;
  }
  static hubbub_error InsertBefore(void*, void* parent, void* child, void* ref, void** result) {
    HtmlNode* p = N(parent);
    HtmlNode* c = N(child);
    auto at = std::find(p->children.begin(), p->children.end(), N(ref));
    if (c->is_text && at != p->children.begin() && (*(at - 1))->is_text) {
      (*(at - 1))->text += c->text;
      *result = *(at - 1);
      return HUBBUB_OK;
    }
    Detach(c);
    at = std::find(p->children.begin(), p->children.end(), N(ref));
    c->parent = p;
    p->children.insert(at, c);
    *result = c;
    return HUBBUB_OK;
  }
  static hubbub_error RemoveChild(void*, void*, void* child, void** result) {
    Detach(N(child));
    *result = child;
    return HUBBUB_OK;
  }
  static hubbub_error CloneNode(void* ctx, void* node, bool deep, void** result) {
    HtmlNode* copy = Of(ctx).Clone(N(node), deep);
    if (!copy) return HUBBUB_NOMEM;
    *result = copy;
    return HUBBUB_OK;
  }
  HtmlNode* Clone(const HtmlNode* node, bool deep) {
    HtmlNode* n = Make();
    if (!n) return nullptr;
    n->is_text = node->is_text;
    n->tag = node->tag;
    n->text = node->text;
    n->attributes = node->attributes;
    if (deep) {
      for (const HtmlNode* child : node->children) {
        HtmlNode* c = Clone(child, true);
        if (!c) return nullptr;
        c->parent = n;
        n->children.push_back(c);
      }
    }
    return n;
  }
  static hubbub_error ReparentChildren(void*, void* node, void* new_parent) {
    HtmlNode* from = N(node);
    HtmlNode* to = N(new_parent);
    for (HtmlNode* c : from->children) {
      c->parent = to;
      to->children.push_back(c);
    }
    from->children.clear();
    return HUBBUB_OK;
  }
  static hubbub_error GetParent(void*, void* node, bool element_only, void** result) {
    HtmlNode* p = N(node)->parent;
    if (p && element_only && (p->is_text || p->tag.empty() || p->tag[0] == '#')) p = nullptr;
    *result = p;
    return HUBBUB_OK;
  }
  static hubbub_error HasChildren(void*, void* node, bool* result) {
    *result = !N(node)->children.empty();
    return HUBBUB_OK;
  }
  static hubbub_error FormAssociate(void*, void*, void*) { return HUBBUB_OK; }
  static hubbub_error AddAttributes(void*, void* node, const hubbub_attribute* attributes,
                                    uint32_t n) {
    HtmlNode* e = N(node);
    for (uint32_t i = 0; i < n; ++i) {
      std::string name = Lower(attributes[i].name);
      if (!e->HasAttribute(name)) e->attributes.emplace_back(name, Text(attributes[i].value));
    }
    return HUBBUB_OK;
  }
  static hubbub_error SetQuirksMode(void*, hubbub_quirks_mode) { return HUBBUB_OK; }
  static hubbub_error EncodingChange(void*, const char*) { return HUBBUB_OK; }
  static hubbub_error CompleteScript(void*, void*) { return HUBBUB_OK; }

  void Parse(std::string_view html) {
    tree_.document_ = Make();
    tree_.document_->tag = "#document";
    hubbub_tree_handler handler{};
    handler.create_comment = CreateComment;
    handler.create_doctype = CreateDoctype;
    handler.create_element = CreateElement;
    handler.create_text = CreateText;
    handler.ref_node = Ref;
    handler.unref_node = Ref;
    handler.append_child = AppendChild;
    handler.insert_before = InsertBefore;
    handler.remove_child = RemoveChild;
    handler.clone_node = CloneNode;
    handler.reparent_children = ReparentChildren;
    handler.get_parent = GetParent;
    handler.has_children = HasChildren;
    handler.form_associate = FormAssociate;
    handler.add_attributes = AddAttributes;
    handler.set_quirks_mode = SetQuirksMode;
    handler.encoding_change = EncodingChange;
    handler.complete_script = CompleteScript;
    handler.ctx = this;

    hubbub_parser* parser = nullptr;
    if (hubbub_parser_create("UTF-8", false, &parser) == HUBBUB_OK) {
      hubbub_parser_optparams params{};
      params.tree_handler = &handler;
      hubbub_parser_setopt(parser, HUBBUB_PARSER_TREE_HANDLER, &params);
      params.document_node = tree_.document_;
      hubbub_parser_setopt(parser, HUBBUB_PARSER_DOCUMENT_NODE, &params);
      // A body of plain text still gets <html><head><body> from the parser; an empty
      // input gets them too once completed.
      if (hubbub_parser_parse_chunk(parser, reinterpret_cast<const uint8_t*>(html.data()),
                                    html.size()) == HUBBUB_OK)
        hubbub_parser_completed(parser);
      hubbub_parser_destroy(parser);
    }
    for (HtmlNode* top : tree_.document_->children) {
      if (top->tag != "html") continue;
      for (HtmlNode* part : top->children) {
        if (part->tag == "body" && !tree_.body_) tree_.body_ = part;
        if (part->tag == "head" && !tree_.head_) tree_.head_ = part;
      }
    }
    // Input cut short by the node limit may leave no body: give an empty one.
    if (!tree_.body_) {
      tree_.nodes_.push_back(std::make_unique<HtmlNode>());
      tree_.body_ = tree_.nodes_.back().get();
      tree_.body_->tag = "body";
    }
    if (!tree_.head_) {
      tree_.nodes_.push_back(std::make_unique<HtmlNode>());
      tree_.head_ = tree_.nodes_.back().get();
      tree_.head_->tag = "head";
    }
  }

 private:
  HtmlTree& tree_;
};

namespace {

// The elements HTML defines (and SVG's and MathML's roots): `/>` does not close them.
bool IsHtmlElement(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
      "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
      "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt",
      "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3",
      "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
      "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "menu", "meta",
      "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param",
      "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section",
      "select", "slot", "small", "source", "span", "strong", "style", "sub", "summary", "sup",
      "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title",
      "tr", "track", "u", "ul", "var", "video", "wbr", "svg", "math", "big", "strike", "tt",
      "frame", "frameset"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

// Components written `<x/>` end there: what the HTML parser put inside them follows them.
void CloseSelfClosingComponents(HtmlNode* root) {
  std::vector<HtmlNode*> stack{root};
  while (!stack.empty()) {
    HtmlNode* parent = stack.back();
    stack.pop_back();
    for (size_t i = 0; i < parent->children.size(); ++i) {
      HtmlNode* c = parent->children[i];
      if (c->is_text) continue;
      if (c->self_closing && !c->children.empty() && !IsHtmlElement(c->tag)) {
        for (HtmlNode* moved : c->children) moved->parent = parent;
        parent->children.insert(parent->children.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                c->children.begin(), c->children.end());
        c->children.clear();
      }
      stack.push_back(c);
    }
  }
}

}  // namespace

HtmlTree ParseHtml(std::string_view html) {
  HtmlTree tree;
  TreeBuilder(tree).Parse(html);
  CloseSelfClosingComponents(const_cast<HtmlNode*>(tree.body()));
  return tree;
}

}  // namespace podium::html
