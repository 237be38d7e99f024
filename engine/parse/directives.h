// Directives: the settings a deck writes for itself, read from four places and resolved
// into DeckMeta and each slide's SlideStyle.
//
//   front matter         `key: value` at the top: deck settings and style for every slide
//   Marp comments        `<!-- key: value -->` from this slide on, `<!-- _key: value -->`
//                        this slide only; deck keys (theme, size, …) anywhere
//   Slidev slide header  `---` / `layout: cover` / `---`: this slide only
//   reveal.js comments   `<!-- .slide: data-background="#000" class="x" -->`
//
// Reading a directive is kept apart from applying it (as Marpit does): the Read*/Apply*
// functions below fill a SlideDirectives per slide and the DeckMeta, reporting unknown keys
// and bad values as warnings (the value is then ignored, never fatal); ResolveSlideStyles
// then walks the slides once: front matter < from-here-on < this-slide-only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/deck.h"
#include "parse/mapped_text.h"
#include "parse/source_text.h"
#include "parse/yaml_subset.h"

namespace podium::parse {

// The style settings one source of directives gives; unset fields leave the slide as is.
struct StyleOverrides {
  std::optional<std::vector<std::string>> classes;
  std::optional<std::string> background_color;
  std::optional<std::string> color;
  std::optional<std::string> background_image;
  std::optional<std::string> header;
  std::optional<std::string> footer;
  std::optional<bool> paginate;
  std::optional<double> time_seconds;
  std::optional<std::string> qr;

  // Fields set in `later` replace ours.
  void Override(const StyleOverrides& later);
  void ApplyTo(SlideStyle& style) const;
};

// What one slide's directives say.
struct SlideDirectives {
  StyleOverrides from_here;  // Marp `key: value`: this slide and the ones after it
  StyleOverrides local;      // `_key`, Slidev slide headers, remark and reveal.js properties
  std::vector<std::string> extra_classes;  // added after resolution (Slidev `layout:` names)
  std::vector<Background> backgrounds;     // Slidev `image:`/`background:`, reveal.js
  bool exclude = false;                    // remark `exclude: true`, Slidev `hide: true`
};

// Where the offsets of a YamlDocument point: straight into SourceText::text, or into a
// MappedText built from md4c's pieces.
struct OffsetMapper {
  const SourceText* src = nullptr;
  const MappedText* mapped = nullptr;
  SourcePos Pos(size_t offset) const {
    return src->PosAt(mapped ? mapped->SourceOffset(offset) : offset);
  }
};

struct DirectiveSink {
  DeckMeta& meta;
  std::vector<Diagnostic>& diagnostics;
};

// The deck's front matter: deck settings into sink.meta, style keys into `every_slide`,
// `_key` style keys and Slidev's first-slide keys (layout, background, image) into
// `first_slide`. Unknown keys warn kUnknownFrontMatterKey; keys of Marp, Slidev and
// reveal-md that Podium does not use are accepted silently.
void ApplyFrontMatter(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                      StyleOverrides& every_slide, SlideDirectives& first_slide);

// What an HTML comment is, from its body (the text between `<!--` and `-->`).
enum class CommentKind {
  kNote,           // speaker notes
  kDirectives,     // `key: value` lines (Marp)
  kIgnored,        // tool pragmas (prettier-ignore, markdownlint-…), Marp's `fit`
  kRevealSlide,    // `.slide: attributes`
  kRevealElement,  // `.element: attributes`
};
CommentKind ClassifyComment(std::string_view body);

// A Marp directive comment. Returns true when at least one key was a directive Podium
// knows; a comment made only of unknown keys is worth keeping as a note as well.
bool ApplyDirectiveComment(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                           SlideDirectives& slide);

// A Slidev slide header (`---` / key: value lines / `---` after a separator).
void ApplySlideHeader(const YamlDocument& doc, const OffsetMapper& at, DirectiveSink sink,
                      SlideDirectives& slide);

// The slide classes `words` names, as Podium spells them: remark's `inverse` is `invert`,
// UnoCSS's `text-center` (Slidev) is `center`. Podium draws lead, invert, center, middle
// (the default) and top, and keeps left (the default); any other class warns
// kBadDirectiveValue at `pos`, when `diagnostics` is given, and is kept (it changes nothing).
std::vector<std::string> ReadClasses(const std::vector<std::string>& words, SourcePos pos,
                                     std::vector<Diagnostic>* diagnostics);

// reveal.js `<!-- .slide: … -->` attributes (after `.slide:`): class, data-background….
void ApplyRevealSlideAttributes(std::string_view attributes, SourcePos pos, SlideDirectives& slide);

// True when reveal.js `<!-- .element: … -->` attributes make the element a fragment.
bool RevealElementIsFragment(std::string_view attributes);

// Fills slides[i].style (and appends directive backgrounds) from directives[i], which
// holds one entry per slide, in order.
void ResolveSlideStyles(const StyleOverrides& every_slide,
                        const std::vector<SlideDirectives>& directives, std::vector<Slide>& slides);

}  // namespace podium::parse
