#include "parse/directives.h"

#include <algorithm>
#include <cctype>

#include "model/color.h"
#include "parse/scan.h"
#include "parse/values.h"

namespace podium::parse {
namespace {

// [SECTION] Key tables ------------------------------------------------------------------

// Keys of Marp, Slidev and reveal-md front matter (and common blog front matter) that
// Podium accepts and does not use.
constexpr std::string_view kToleratedFrontMatterKeys[] = {
    // Marp
    "math",
    "description",
    "keywords",
    "image",
    "inlineSVG",
    "transition",
    "backgroundSize",
    "backgroundPosition",
    "backgroundRepeat",
    // Slidev headmatter
    "addons",
    "titleTemplate",
    "info",
    "download",
    "exportFilename",
    "export",
    "highlighter",
    "lineNumbers",
    "monaco",
    "monacoTypesSource",
    "twoslash",
    "remoteAssets",
    "selectable",
    "record",
    "contextMenu",
    "wakeLock",
    "routerMode",
    "canvasWidth",
    "themeConfig",
    "favicon",
    "plantUmlServer",
    "fonts",
    "defaults",
    "drawings",
    "htmlAttrs",
    "mdc",
    "hideInToc",
    "level",
    "preload",
    "routeAlias",
    "src",
    "zoom",
    "dragPos",
    "clicks",
    "clicksStart",
    "seoMeta",
    "presenter",
    "browserExporter",
    "codeCopy",
    "css",
    "unocss",
    "editor",
    "overviewSnapshots",
    "magicMoveCopy",
    "glowSeed",
    "name",
    // reveal-md
    "highlightTheme",
    "revealOptions",
    "scripts",
    "preprocessor",
    "template",
    "listingTemplate",
    // blogs and static-site generators
    "tags",
    "categories",
    "slug",
    "draft",
    "published",
    "permalink",
    "summary",
};

// Slidev per-slide header keys Podium accepts and does not use.
constexpr std::string_view kToleratedSlideHeaderKeys[] = {
    "transition",
    "clicks",
    "clicksStart",
    "hideInToc",
    "level",
    "preload",
    "routeAlias",
    "src",
    "zoom",
    "dragPos",
    "title",
    "url",
    "backgroundSize",
    "backgroundPosition",
    "backgroundRepeat",
    "name",
    "info",
    "lineNumbers",
    "routerMode",
    "layoutClass",
};

// Marp deck-wide keys that Podium accepts and does not use.
constexpr std::string_view kToleratedGlobalDirectives[] = {
    "math", "description", "keywords", "image",
};

// Local style keys that Podium accepts and does not use.
constexpr std::string_view kToleratedStyleKeys[] = {
    "backgroundSize",
    "backgroundPosition",
    "backgroundRepeat",
    "transition",
};

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view key) {
  return std::find(std::begin(table), std::end(table), key) != std::end(table);
}

void Warn(DirectiveSink& sink, DiagnosticCode code, SourcePos pos, std::string argument) {
  sink.diagnostics.push_back(MakeDiagnostic(code, pos, std::move(argument)));
}

void BadValue(DirectiveSink& sink, SourcePos pos, std::string_view key, std::string_view value,
              std::string_view hint = {}) {
  std::string argument = std::string(key) + ": '" + std::string(value) + "'";
  if (!hint.empty()) argument += " (" + std::string(hint) + ")";
  Warn(sink, DiagnosticCode::kBadDirectiveValue, pos, std::move(argument));
}

bool IsColor(std::string_view value) { return ParseColor(value).has_value(); }

// reveal-md's separator regex as the literal line it matches: `<!--s-->`, `^\n---\n$`,
// `^(\r\n?|\n)----(\r\n?|\n)$` → "<!--s-->", "---", "----". "" when it is a pattern
// that is more than one literal line.
std::string SeparatorLiteral(std::string_view regex) {
  std::string r(Trim(regex));
  if (r.size() >= 2 && (r.front() == '\'' || r.front() == '"') && r.back() == r.front())
    r = r.substr(1, r.size() - 2);
  for (std::string_view noise : {"(\\r\\n?|\\n)", "\\r?\\n", "\\r\\n", "\\n", "\\r?"}) {
    for (size_t at; (at = r.find(noise)) != std::string::npos;) r.erase(at, noise.size());
  }
  if (!r.empty() && r.front() == '^') r.erase(0, 1);
  if (!r.empty() && r.back() == '$') r.pop_back();
  std::string out;
  for (size_t i = 0; i < r.size(); ++i) {
    char c = r[i];
    if (c == '\\' && i + 1 < r.size() && !std::isalnum(static_cast<unsigned char>(r[i + 1]))) {
      out += r[++i];
      continue;
    }
    if (std::string_view("[](){}*+?|.\\^$").find(c) != std::string_view::npos) return {};
    out += c;
  }
  return std::string(Trim(out));
}

// [SECTION] Deck keys -----------------------------------------------------------------

// Names of other tools' themes, mapped to the Podium theme closest to them.
struct ThemeAlias {
  std::string_view name;
  std::string_view theme;
};
constexpr ThemeAlias kThemeAliases[] = {
    {"default", "default"}, {"light", "default"},  {"gaia", "default"},
    {"uncover", "default"}, {"seriph", "default"}, {"apple-basic", "default"},
    {"white", "default"},   {"beige", "default"},  {"sky", "default"},
    {"serif", "default"},   {"simple", "default"}, {"solarized", "default"},
    {"dark", "dark"},       {"black", "dark"},     {"night", "dark"},
    {"league", "dark"},     {"moon", "dark"},      {"blood", "dark"},
    {"dracula", "dark"},
};

// Applies a deck-wide key; false when `key` is not one.
bool ApplyDeckKey(const YamlEntry& e, const OffsetMapper& at, DirectiveSink& sink) {
  const std::string& key = e.key;
  const std::string& value = e.value;
  SourcePos pos = at.Pos(e.value_offset);
  DeckMeta& meta = sink.meta;
  if (key == "title") {
    meta.title = value;
  } else if (key == "author") {
    meta.author = value;
  } else if (key == "date") {
    meta.date = value;
  } else if (key == "lang") {
    meta.lang = value;
  } else if (key == "url") {
    meta.url = value;
  } else if (key == "subtitle") {
    meta.subtitle = value;
  } else if (key == "institute") {
    meta.institute = value;
  } else if (key == "output") {  // R Markdown: xaringan makes a title slide unless `seal: false`
    meta.xaringan = value.find("xaringan") != std::string::npos &&
                    value.find("seal: false") == std::string::npos &&
                    value.find("seal: no") == std::string::npos;
  } else if (key == "marp") {
    meta.marp = ToLowerAscii(value) == "true";
  } else if (key == "mdc") {
    meta.mdc = ToLowerAscii(value) == "true";
  } else if (key == "style") {  // Marp's deck-wide CSS (a `style: |` block)
    meta.style = value;
    meta.style_pos = pos;
  } else if (key == "theme") {
    std::string name = ToLowerAscii(value);
    auto alias = std::find_if(std::begin(kThemeAliases), std::end(kThemeAliases),
                              [&](const ThemeAlias& a) { return a.name == name; });
    if (alias != std::end(kThemeAliases)) {
      meta.theme = std::string(alias->theme);
    } else {
      meta.theme = "default";
      BadValue(sink, pos, key, value, "Podium has default and dark");
    }
  } else if (key == "size" || key == "aspectRatio") {
    std::string size = ToLowerAscii(value);
    std::replace(size.begin(), size.end(), '/', ':');
    if (size == "16:9" || size == "4:3") {
      meta.size = size;
    } else if (size == "4k" || size == "720p" || size == "1080p") {
      meta.size = "16:9";  // Marp's named 16:9 sizes
    } else {
      BadValue(sink, pos, key, value, "use 16:9 or 4:3");
    }
  } else if (key == "duration") {
    if (auto seconds = ParseDurationSeconds(value))
      meta.duration_seconds = *seconds;
    else
      BadValue(sink, pos, key, value, "e.g. 20min, 1h30m, 1:30:00");
  } else if (key == "colorSchema") {  // Slidev
    std::string scheme = ToLowerAscii(value);
    if (scheme == "dark")
      meta.theme = "dark";
    else if (scheme != "light" && scheme != "auto")
      BadValue(sink, pos, key, value, "use light, dark or auto");
  } else if (key == "headingDivider") {
    // `2`: a slide starts at every h1 and h2; `[2,3]`: at every h2 and h3 (Marp).
    std::string v(Trim(value));
    uint8_t mask = 0;
    bool ok = !v.empty();
    // (The YAML reader gives a flow list `[2,3]` as "2, 3".)
    bool list_form = ok && ((v.front() == '[' && v.back() == ']') || v.find(',') != std::string::npos);
    if (list_form) {
      std::string_view list = v.front() == '[' ? std::string_view(v).substr(1, v.size() - 2) : std::string_view(v);
      for (size_t start = 0; start <= list.size();) {
        size_t comma = std::min(list.find(',', start), list.size());
        std::string_view part = Trim(list.substr(start, comma - start));
        start = comma + 1;
        if (part.size() == 1 && part[0] >= '1' && part[0] <= '6') mask |= static_cast<uint8_t>(1u << (part[0] - '0'));
        else ok = false;
      }
    } else if (v.size() == 1 && v[0] >= '1' && v[0] <= '6') {
      for (int level = 1; level <= v[0] - '0'; ++level) mask |= static_cast<uint8_t>(1u << level);
    } else if (v != "false") {
      ok = false;
    }
    if (ok) meta.heading_divider = mask;
    else BadValue(sink, pos, key, value, "a level 1-6 or a list such as [2,3]");
  } else if (Contains(kToleratedGlobalDirectives, key)) {
    // Accepted, not used.
  } else {
    return false;
  }
  return true;
}

// [SECTION] Style keys ----------------------------------------------------------------

// Reads a style key into `out`; false when `key` is not one.
bool ReadStyleKey(std::string_view key, const YamlEntry& e, const OffsetMapper& at,
                  DirectiveSink& sink, StyleOverrides& out) {
  const std::string& value = e.value;
  SourcePos pos = at.Pos(e.value_offset);
  if (key == "class") {
    out.classes = ReadClasses(e.is_list ? e.items : SplitWords(value), pos, &sink.diagnostics);
  } else if (key == "backgroundColor" || key == "color") {
    if (IsColor(value))
      (key == "color" ? out.color : out.background_color) = value;
    else
      BadValue(sink, pos, key, value, "a CSS colour: #1e293b, rgb(30 41 59), navy");
  } else if (key == "backgroundImage") {
    out.background_image = value;
  } else if (key == "header") {
    out.header = value;
  } else if (key == "footer") {
    out.footer = value;
  } else if (key == "paginate") {
    std::string word = ToLowerAscii(value);
    if (auto on = ParseBool(word))
      out.paginate = *on;
    else if (word == "skip")  // Marp: not numbered, not counted
      out.paginate = false;
    else if (word == "hold")  // Marp: numbered, not counted
      out.paginate = true;
    else
      BadValue(sink, pos, key, value, "use true or false");
  } else if (key == "qr") {
    // A QR code of where the deck is published: `qr: true` uses the front matter's url,
    // `qr: https://…` its own link, `qr: false` none.
    std::string word = ToLowerAscii(value);
    if (auto on = ParseBool(word))
      out.qr = *on ? "true" : "";
    else
      out.qr = value;
  } else if (key == "time") {
    if (auto seconds = ParseDurationSeconds(value))
      out.time_seconds = *seconds;
    else
      BadValue(sink, pos, key, value, "e.g. 2min, 90s, 1:30");
  } else if (Contains(kToleratedStyleKeys, key)) {
    // Accepted, not used.
  } else {
    return false;
  }
  return true;
}

// [SECTION] Slidev layouts ------------------------------------------------------------

// Slidev's built-in layouts. The title-like ones are drawn as Podium's `lead` slide, `center`
// centres, the image ones split the slide; the rest Podium does not draw, and says so.
constexpr std::string_view kSlidevLeadLayouts[] = {"cover", "intro", "section", "end", "fact", "statement"};
constexpr std::string_view kSlidevPlainLayouts[] = {"default", "center", "image", "image-left",
                                                    "image-right", "none", "two-cols", "two-cols-header"};

void ApplySlidevLayout(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink& sink,
                       SlideDirectives& slide) {
  const YamlEntry* layout = nullptr;
  const YamlEntry* image = nullptr;
  for (const YamlEntry& e : doc.entries) {
    if (e.key == "layout") layout = &e;
    if (e.key == "image") image = &e;
  }
  if (layout && !layout->value.empty()) {
    const std::string& name = layout->value;
    slide.extra_classes.push_back(name);
    if (Contains(kSlidevLeadLayouts, name))
      slide.extra_classes.push_back("lead");
    else if (!Contains(kSlidevPlainLayouts, name))
      Warn(sink, DiagnosticCode::kUnsupportedDirective, at.Pos(layout->value_offset), "layout: " + name);
  }
  if (!image || image->value.empty()) return;
  Background bg;
  bg.src = image->value;
  bg.pos = at.Pos(image->value_offset);
  std::string name = layout ? layout->value : "";
  if (name == "image-left") bg.split = BackgroundSplit::kLeft;
  if (name == "image-right") bg.split = BackgroundSplit::kRight;
  slide.backgrounds.push_back(std::move(bg));
}

// Slidev's `background: url-or-path` (cover layouts).
void AddSlidevBackground(const YamlEntry& e, const OffsetMapper& at, SlideDirectives& slide) {
  if (e.value.empty()) return;
  Background bg;
  bg.src = e.value;
  bg.pos = at.Pos(e.value_offset);
  slide.backgrounds.push_back(std::move(bg));
}

bool IsTrue(const YamlEntry& e) { return ParseBool(e.value).value_or(false); }

}  // namespace

// [SECTION] StyleOverrides ---------------------------------------------------------------

void StyleOverrides::Override(const StyleOverrides& later) {
  if (later.classes) classes = later.classes;
  if (later.background_color) background_color = later.background_color;
  if (later.color) color = later.color;
  if (later.background_image) background_image = later.background_image;
  if (later.header) header = later.header;
  if (later.footer) footer = later.footer;
  if (later.paginate) paginate = later.paginate;
  if (later.time_seconds) time_seconds = later.time_seconds;
  if (later.qr) qr = later.qr;
}

void StyleOverrides::ApplyTo(SlideStyle& style) const {
  if (classes) style.classes = *classes;
  if (background_color) style.background_color = *background_color;
  if (color) style.color = *color;
  if (background_image) style.background_image = *background_image;
  if (header) style.header = *header;
  if (footer) style.footer = *footer;
  if (paginate) style.paginate = *paginate;
  if (time_seconds) style.time_seconds = *time_seconds;
  if (qr) style.qr = *qr;
}

// [SECTION] Front matter ---------------------------------------------------------------

namespace {

// Keys only Slidev's headmatter has: a deck with one of them (and no `marp:`) is a Slidev
// deck, whose `class` belongs to its first slide rather than to every slide.
constexpr std::string_view kSlidevOnlyKeys[] = {
    "layout",      "background",    "highlighter", "drawings",    "mdc",
    "addons",      "titleTemplate", "info",        "colorSchema", "fonts",
    "themeConfig", "aspectRatio",   "canvasWidth", "routerMode",  "monaco",
    "twoslash",    "lineNumbers",   "selectable",  "download",    "exportFilename",
};

bool IsSlidevHeadmatter(const YamlDocument& doc) {
  bool slidev = false;
  for (const YamlEntry& e : doc.entries) {
    if (e.key == "marp") return false;
    if (Contains(kSlidevOnlyKeys, e.key)) slidev = true;
  }
  return slidev;
}

}  // namespace

void ApplyFrontMatter(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                      StyleOverrides& every_slide, SlideDirectives& first_slide) {
  bool slidev = IsSlidevHeadmatter(doc);
  for (const YamlEntry& e : doc.entries) {
    if (slidev && e.key == "class") {
      ReadStyleKey(e.key, e, at, sink, first_slide.local);
      continue;
    }
    SourcePos key_pos = at.Pos(e.key_offset);
    if (e.key.size() > 1 && e.key[0] == '_') {
      std::string_view name = std::string_view(e.key).substr(1);
      if (ReadStyleKey(name, e, at, sink, first_slide.local)) continue;
      YamlEntry global = e;
      global.key = std::string(name);
      if (ApplyDeckKey(global, at, sink)) {
        Warn(sink, DiagnosticCode::kGlobalDirectiveOnly, key_pos, global.key);
        continue;
      }
      Warn(sink, DiagnosticCode::kUnknownFrontMatterKey, key_pos, e.key);
      continue;
    }
    if (ApplyDeckKey(e, at, sink)) continue;
    if (ReadStyleKey(e.key, e, at, sink, every_slide)) continue;
    if (e.key == "layout") continue;  // Slidev: the first slide's layout (below)
    if (e.key == "background") {      // Slidev: the first slide's background
      AddSlidevBackground(e, at, first_slide);
      continue;
    }
    if (e.key == "separator" || e.key == "verticalSeparator") {  // reveal-md regexes
      std::string literal = SeparatorLiteral(e.value);
      if (literal.empty()) Warn(sink, DiagnosticCode::kUnsupportedDirective, key_pos, e.key + ": " + e.value);
      else (e.key == "separator" ? sink.meta.separator : sink.meta.vertical_separator) = literal;
      continue;
    }
    if (e.key == "notesSeparator") {
      Warn(sink, DiagnosticCode::kUnsupportedDirective, key_pos, e.key);
      continue;
    }
    if (Contains(kToleratedFrontMatterKeys, e.key)) continue;
    Warn(sink, DiagnosticCode::kUnknownFrontMatterKey, key_pos, e.key);
  }
  ApplySlidevLayout(doc, at, sink, first_slide);
}

// [SECTION] Comments ---------------------------------------------------------------------

CommentKind ClassifyComment(std::string_view body) {
  std::string_view text = Trim(body);
  if (text.empty() || text == "fit") return CommentKind::kIgnored;
  static constexpr std::string_view kPragmas[] = {
      "prettier-ignore", "markdownlint-", "textlint-", "cspell",
      "eslint-",         "vale ",         "toc",       "@formatter:",
  };
  for (std::string_view p : kPragmas)
    if (text.substr(0, p.size()) == p) return CommentKind::kIgnored;
  if (text.substr(0, 7) == ".slide:") return CommentKind::kRevealSlide;
  if (text.substr(0, 9) == ".element:") return CommentKind::kRevealElement;

  // Directives: every line is `_?key: value` with a lowercase first letter, or belongs to
  // the entry above it (indented, or a `- item`).
  int margin = -1;
  for (LineCursor c(body, 0, body.size()); !c.Done(); c.Advance())
    if (!IsBlank(c.Text()) && (margin < 0 || IndentWidth(c.Text()) < margin))
      margin = IndentWidth(c.Text());
  bool seen_key = false;
  for (LineCursor c(body, 0, body.size()); !c.Done(); c.Advance()) {
    std::string_view line = c.Text();
    if (IsBlank(line)) continue;
    if (IndentWidth(line) > margin || TrimLeft(line)[0] == '-') {
      if (!seen_key) return CommentKind::kNote;
      continue;
    }
    std::string_view t = TrimLeft(line);
    if (t[0] == '_') t.remove_prefix(1);
    std::string_view key;
    if (t.empty() || !IsAsciiLower(t[0]) || !LooksLikeYamlKeyLine(t, &key))
      return CommentKind::kNote;
    for (char ch : key)
      if (!IsAsciiAlpha(ch) && !IsAsciiDigit(ch)) return CommentKind::kNote;
    seen_key = true;
  }
  return seen_key ? CommentKind::kDirectives : CommentKind::kNote;
}

bool ApplyDirectiveComment(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                           SlideDirectives& slide) {
  bool known = false;
  for (const YamlEntry& e : doc.entries) {
    SourcePos key_pos = at.Pos(e.key_offset);
    bool local = e.key.size() > 1 && e.key[0] == '_';
    std::string_view name = local ? std::string_view(e.key).substr(1) : std::string_view(e.key);
    if (ReadStyleKey(name, e, at, sink, local ? slide.local : slide.from_here)) {
      known = true;
      continue;
    }
    YamlEntry deck_entry = e;
    deck_entry.key = std::string(name);
    // The slides are already split when comments are read: splitting keys count only in
    // the front matter.
    bool splits = deck_entry.key == "headingDivider";
    if (splits) {
      Warn(sink, DiagnosticCode::kGlobalDirectiveOnly, key_pos, deck_entry.key);
      known = true;
      continue;
    }
    if (ApplyDeckKey(deck_entry, at, sink)) {
      // Marp lets deck keys appear on any slide; they still apply to the whole deck.
      if (local) Warn(sink, DiagnosticCode::kGlobalDirectiveOnly, key_pos, deck_entry.key);
      known = true;
      continue;
    }
    Warn(sink, DiagnosticCode::kUnknownDirective, key_pos, e.key);
  }
  return known;
}

// [SECTION] Slidev slide headers ---------------------------------------------------------

void ApplySlideHeader(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                      SlideDirectives& slide) {
  for (const YamlEntry& e : doc.entries) {
    SourcePos key_pos = at.Pos(e.key_offset);
    std::string_view name = e.key;
    if (name.size() > 1 && name[0] == '_') name.remove_prefix(1);
    if (ReadStyleKey(name, e, at, sink, slide.local)) continue;
    if (name == "layout" || name == "image") continue;  // ApplySlidevLayout
    if (name == "background") {
      AddSlidevBackground(e, at, slide);
      continue;
    }
    if (name == "hide" || name == "disabled") {
      if (IsTrue(e)) slide.exclude = true;
      continue;
    }
    if (name == "src") {  // Slidev: this slide's content is another file's (not read yet)
      Warn(sink, DiagnosticCode::kUnsupportedDirective, at.Pos(e.value_offset), "src: " + e.value);
      continue;
    }
    if (Contains(kToleratedSlideHeaderKeys, name)) continue;
    YamlEntry deck_entry = e;
    deck_entry.key = std::string(name);
    if (ApplyDeckKey(deck_entry, at, sink)) continue;
    Warn(sink, DiagnosticCode::kUnknownFrontMatterKey, key_pos, e.key);
  }
  ApplySlidevLayout(doc, at, sink, slide);
}

// [SECTION] reveal.js attributes ---------------------------------------------------------

namespace {

struct Attribute {
  std::string name;
  std::string value;
};

// `name="value" name='value' name=value name` pairs.
std::vector<Attribute> ReadAttributes(std::string_view text) {
  std::vector<Attribute> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsAsciiSpace(text[i]) && text[i] != '=') ++i;
    if (i == start) {
      ++i;
      continue;
    }
    Attribute a{std::string(text.substr(start, i - start)), {}};
    if (i < text.size() && text[i] == '=') {
      ++i;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        char quote = text[i++];
        size_t end = text.find(quote, i);
        if (end == std::string_view::npos) end = text.size();
        a.value = std::string(text.substr(i, end - i));
        i = end + 1;
      } else {
        size_t vstart = i;
        while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
        a.value = std::string(text.substr(vstart, i - vstart));
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

bool LooksLikeColor(std::string_view v) {
  if (v.empty()) return false;
  if (v[0] == '#') return true;
  std::string lower = ToLowerAscii(v);
  if (lower.rfind("rgb", 0) == 0 || lower.rfind("hsl", 0) == 0) return true;
  // A bare word without a dot or slash is a colour name; a path has one of those.
  return lower.find_first_of("./") == std::string::npos;
}

}  // namespace

std::vector<std::string> ReadClasses(const std::vector<std::string>& words, SourcePos pos,
                                     std::vector<Diagnostic>* diagnostics) {
  constexpr std::string_view kDrawn[] = {"lead", "invert", "center", "middle", "top", "left"};
  std::vector<std::string> classes;
  classes.reserve(words.size());
  for (const std::string& word : words) {
    std::string name = word == "inverse" ? "invert" : word == "text-center" ? "center" : word;
    if (diagnostics && !Contains(kDrawn, name))
      diagnostics->push_back(MakeDiagnostic(DiagnosticCode::kBadDirectiveValue, pos,
                                            "class: '" + word + "' (Podium draws lead, invert, center, top)"));
    classes.push_back(std::move(name));
  }
  return classes;
}

void ApplyRevealSlideAttributes(std::string_view attributes, SourcePos pos,
                                SlideDirectives& slide) {
  std::optional<BackgroundFit> fit;
  size_t first_bg = slide.backgrounds.size();
  for (const Attribute& a : ReadAttributes(attributes)) {
    if (a.name == "class") {
      slide.local.classes = ReadClasses(SplitWords(a.value), pos, nullptr);
    } else if (a.name == "data-background-color") {
      slide.local.background_color = a.value;
    } else if (a.name == "data-background" || a.name == "data-background-image") {
      if (a.name == "data-background" && LooksLikeColor(a.value)) {
        slide.local.background_color = a.value;
      } else if (!a.value.empty()) {
        Background bg;
        bg.src = a.value;
        bg.pos = pos;
        slide.backgrounds.push_back(std::move(bg));
      }
    } else if (a.name == "data-background-size") {
      if (a.value == "contain") fit = BackgroundFit::kContain;
      if (a.value == "auto") fit = BackgroundFit::kAuto;
      if (a.value == "100% 100%") fit = BackgroundFit::kStretch;
    }
  }
  if (fit)
    for (size_t i = first_bg; i < slide.backgrounds.size(); ++i) slide.backgrounds[i].fit = *fit;
}

bool RevealElementIsFragment(std::string_view attributes) {
  for (const Attribute& a : ReadAttributes(attributes))
    if (a.name == "class")
      for (const std::string& word : SplitWords(a.value))
        if (word == "fragment") return true;
  return false;
}

// [SECTION] Resolution -------------------------------------------------------------------

void ResolveSlideStyles(const StyleOverrides& every_slide,
                        const std::vector<SlideDirectives>& directives,
                        std::vector<Slide>& slides) {
  StyleOverrides running = every_slide;
  for (size_t i = 0; i < slides.size() && i < directives.size(); ++i) {
    const SlideDirectives& d = directives[i];
    running.Override(d.from_here);
    StyleOverrides effective = running;
    effective.Override(d.local);
    SlideStyle style;
    effective.ApplyTo(style);
    for (const std::string& c : d.extra_classes)
      if (std::find(style.classes.begin(), style.classes.end(), c) == style.classes.end())
        style.classes.push_back(c);
    slides[i].style = std::move(style);
    slides[i].backgrounds.insert(slides[i].backgrounds.begin(), d.backgrounds.begin(),
                                 d.backgrounds.end());
  }
}

}  // namespace podium::parse
