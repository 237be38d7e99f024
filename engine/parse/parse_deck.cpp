// ParseDeck: the parser's passes, in order.
//
//   1. input       binary check; UTF-8 repair, CRLF → LF (source_text)
//   2. front matter the block at the top → DeckMeta + style for every slide (front_matter,
//                  directives), including how to split: Marp's headingDivider, reveal-md's
//                  separators
//   3. outline     md4c over the whole body: separators, code/HTML ranges (split_slides)
//   4. per slide   notes marker and remark `--` increments found, then md4c over the
//                  content → blocks (markdown_blocks; slides in parallel when asked);
//                  then, slide by slide: Slidev header, remark properties, the comments →
//                  directives or notes (directives, notes), remark `.class[ ]` macros →
//                  HTML (remark_macros), Slidev slots → columns (slidev_slots), Marp's
//                  line breaks kept, MDC `{.class}` attributes → HTML (mdc)
//   5. resolve     directives → SlideStyle per slide; excluded slides dropped
//   6. HTML        raw HTML and the Markdown around it → one tree per slide, styled by the
//                  deck's CSS (html_blocks); headers and footers read as Markdown
//   7. math        every formula read by the TeX parser: unknown commands reported
//                  (math_check)
//   8. diagrams    mermaid sources read for their warnings (diagram/mermaid.h)
//   9. order       diagnostics sorted by position; style warnings kept once per deck
#include "parse/parse_deck.h"

#include <algorithm>
#include <map>

#include "diagram/mermaid.h"
#include "parse/directives.h"
#include "parse/html_blocks.h"
#include "parse/front_matter.h"
#include "parse/markdown_blocks.h"
#include "parse/math_check.h"
#include "parse/notes.h"
#include "parse/remark.h"
#include "parse/mdc.h"
#include "parse/remark_macros.h"
#include "parse/slidev_slots.h"
#include "parse/source_text.h"
#include "parse/split_slides.h"
#include "parse/yaml_subset.h"

namespace podium {
namespace {

using namespace parse;

// Larger decks are refused: md4c counts in 32 bits, and no talk needs this much.
constexpr size_t kMaxDeckBytes = 64u << 20;

void ReportBadYamlLines(const YamlDocument& doc, const SourceText& src,
                        std::vector<Diagnostic>& diagnostics) {
  for (const YamlBadLine& bad : doc.bad_lines) {
    std::string shown = bad.text.size() > 40 ? bad.text.substr(0, 40) + "…" : bad.text;
    diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kBadFrontMatterLine, src.PosAt(bad.offset),
                                         "'" + shown + "'"));
  }
}

// The position of the first non-blank character in text[begin, end), or of `begin`.
SourcePos FirstContentPos(const SourceText& src, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (!IsAsciiSpace(src.text[i])) return src.PosAt(i);
  return src.PosAt(begin);
}

// The slide's Slidev layout: the first of its layout classes Slidev defines ("" if none).
std::string_view SlidevLayout(const SlideDirectives& d) {
  for (const std::string& c : d.extra_classes)
    if (c == "two-cols" || c == "two-cols-header") return c;
  return {};
}

// Marp renders with markdown-it's `breaks`: a line break inside a paragraph stays one.
void KeepLineBreaks(std::vector<Block>& blocks) {
  for (Block& b : blocks) {
    for (Span& s : b.spans)
      if (s.kind == SpanKind::kSoftBreak) s.kind = SpanKind::kLineBreak;
    for (auto& row : b.table.rows)
      for (TableCell& cell : row)
        for (Span& s : cell.spans)
          if (s.kind == SpanKind::kSoftBreak) s.kind = SpanKind::kLineBreak;
    KeepLineBreaks(b.children);
  }
}

void AppendPlainText(const std::vector<Span>& spans, std::string& out) {
  for (const Span& s : spans) {
    if (s.kind == SpanKind::kSoftBreak || s.kind == SpanKind::kLineBreak)
      out += ' ';
    else
      out += s.text;
  }
}

const Block* FirstHeading(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHeading) return &b;
    if (const Block* inner = FirstHeading(b.children)) return inner;
  }
  return nullptr;
}

void CheckDiagrams(const std::vector<Block>& blocks, std::vector<Diagnostic>& diagnostics) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kDiagram)
      for (Diagnostic& d : CheckDiagramBlock(b)) diagnostics.push_back(std::move(d));
    CheckDiagrams(b.children, diagnostics);
  }
}

class DeckParser {
 public:
  explicit DeckParser(Deck& deck) : deck_(deck), sink_{deck.meta, deck.diagnostics} {}

  void Run(std::string_view source, const ForEachIndex& for_each) {
    std::vector<Diagnostic>& diagnostics = deck_.diagnostics;
    if (source.size() > kMaxDeckBytes) {
      diagnostics.push_back(
          MakeDiagnostic(DiagnosticCode::kLimitExceeded, {}, "the deck is larger than 64 MiB"));
      return;
    }
    if (auto why = DescribeBinaryInput(source)) {
      diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kBinaryInput, {}, *why));
      return;
    }
    src_ = MakeSourceText(source, diagnostics);

    FrontMatterBlock fm = FindFrontMatter(src_, diagnostics);
    SlideDirectives first_slide;
    if (fm.present) {
      YamlDocument doc = ReadYamlSubset(src_.text, fm.yaml.begin, fm.yaml.end);
      ReportBadYamlLines(doc, src_, diagnostics);
      ApplyFrontMatter(doc, OffsetMapper{&src_, nullptr}, sink_, every_slide_, first_slide);
    }

    SplitRules rules;
    rules.heading_divider = deck_.meta.heading_divider;
    rules.separator = deck_.meta.separator;
    rules.vertical_separator = deck_.meta.vertical_separator;
    outline_ = OutlineDeck(src_, fm.body_begin, diagnostics, rules);
    std::vector<SlideText> slides;
    for (size_t i = 0; i < outline_.slides.size(); ++i) {
      const SlideSource& s = outline_.slides[i];
      bool edge = (i == 0 && !s.has_separator_before) || i + 1 == outline_.slides.size();
      bool blank = s.header.end == s.header.begin &&
                   IsBlank(std::string_view(src_.text).substr(s.begin, s.end - s.begin));
      if (blank && edge) continue;  // before the first or after the last separator
      slides.push_back(FindSlideText(s));
    }
    // md4c over each slide's content: most of the parse, and independent between slides.
    auto read_content = [&](size_t i) {
      BuildSlideContent(src_, slides[i].segments, slides[i].diagnostics, slides[i].content);
    };
    if (for_each) {
      for_each(slides.size(), read_content);
    } else {
      for (size_t i = 0; i < slides.size(); ++i) read_content(i);
    }
    // Directives in order: a later slide's deck keys win, whichever pass found them.
    for (SlideText& text : slides) {
      SlideDirectives d = deck_.slides.empty() ? first_slide : SlideDirectives{};
      ParseSlide(text, d);
      directives_.push_back(std::move(d));
    }

    ResolveSlideStyles(every_slide_, directives_, deck_.slides);
    DropExcludedSlides();
    if (deck_.meta.xaringan) AddXaringanTitleSlide();
    ResolveDeckHtml(deck_, diagnostics);
    ReadHeadersAndFooters(diagnostics);
    ReportMathProblems(src_, deck_.slides, diagnostics);
    for (const Slide& slide : deck_.slides) CheckDiagrams(slide.blocks, diagnostics);
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
                       return a.pos.col < b.pos.col;
                     });
    DropRepeatedStyleWarnings(diagnostics);
  }

 private:
  // Where a slide's parts are in the source, and its content as md4c reads it: what the
  // directives cannot change, so it can be read before any of them is applied.
  struct SlideText {
    const SlideSource* source = nullptr;
    std::vector<ByteRange> segments;  // the content, cut at remark's `--` increments
    std::string marker_notes;         // after `???` or `Note:`
    SlideContent content;
    std::vector<Diagnostic> diagnostics;  // of the content
  };

  SlideText FindSlideText(const SlideSource& s) {
    const std::string& text = src_.text;
    SlideText out;
    out.source = &s;
    // Only where the content starts: ParseSlide reads the properties again, in order.
    std::vector<Diagnostic> unused;
    SlideDirectives scratch;
    size_t content_begin = ReadRemarkProperties(src_, s.begin, s.end, unused, scratch);
    size_t content_end = s.end;
    if (auto marker = FindNotesMarker(text, content_begin, s.end, outline_.verbatim)) {
      content_end = marker->line_begin;
      out.marker_notes = TidyNoteText(std::string_view(text).substr(
          marker->notes_begin, s.end - std::min(s.end, marker->notes_begin)));
    }
    size_t segment_begin = content_begin;
    for (size_t line : FindRemarkIncrements(text, content_begin, content_end, outline_.verbatim)) {
      out.segments.push_back({segment_begin, line});
      segment_begin = std::min(src_.LineEnd(line) + 1, content_end);
    }
    out.segments.push_back({segment_begin, content_end});
    return out;
  }

  void ParseSlide(SlideText& parts, SlideDirectives& d) {
    std::vector<Diagnostic>& diagnostics = deck_.diagnostics;
    const SlideSource& s = *parts.source;
    const std::string& text = src_.text;
    Slide slide;
    slide.pos =
        FirstContentPos(src_, s.header.end > s.header.begin ? s.header.begin : s.begin, s.end);

    if (s.header.end > s.header.begin) {
      YamlDocument doc = ReadYamlSubset(text, s.header.begin, s.header.end);
      ReportBadYamlLines(doc, src_, diagnostics);
      ApplySlideHeader(doc, OffsetMapper{&src_, nullptr}, sink_, d);
    }
    ReadRemarkProperties(src_, s.begin, s.end, diagnostics, d);
    for (Diagnostic& found : parts.diagnostics) diagnostics.push_back(std::move(found));
    SlideContent& content = parts.content;

    for (const SlideComment& c : content.comments) {
      OffsetMapper at{&src_, &c.body};
      switch (ClassifyComment(c.body.text)) {
        case CommentKind::kIgnored:
          break;
        case CommentKind::kNote:
          AppendNote(slide.notes, TidyNoteText(c.body.text));
          break;
        case CommentKind::kDirectives: {
          YamlDocument doc = ReadYamlSubset(c.body.text, 0, c.body.text.size());
          if (!ApplyDirectiveComment(doc, at, sink_, d))
            AppendNote(slide.notes, TidyNoteText(c.body.text));
          break;
        }
        case CommentKind::kRevealSlide: {
          std::string_view body = Trim(c.body.text);
          ApplyRevealSlideAttributes(body.substr(7), at.Pos(0), d);
          break;
        }
        case CommentKind::kRevealElement:
          break;  // applied by the block pass
      }
    }
    AppendNote(slide.notes, parts.marker_notes);

    slide.blocks = std::move(content.blocks);
    RewriteRemarkMacros(slide.blocks);
    ArrangeSlidevSlots(SlidevLayout(d), slide.blocks, diagnostics);
    if (deck_.meta.marp) KeepLineBreaks(slide.blocks);
    if (deck_.meta.mdc) ReadMdcAttributes(slide.blocks);
    slide.backgrounds = std::move(content.backgrounds);
    slide.steps = 1 + content.steps;
    if (const Block* heading = FirstHeading(slide.blocks))
      AppendPlainText(heading->spans, slide.title);
    deck_.slides.push_back(std::move(slide));
  }

  // xaringan opens an R Markdown deck with a title slide made from its YAML: title,
  // subtitle, author, institute and date, centred on its dark `inverse` background.
  void AddXaringanTitleSlide() {
    const DeckMeta& m = deck_.meta;
    std::string markdown;
    auto line = [&](const char* marks, const std::string& text) {
      if (!text.empty()) markdown += std::string(marks) + " " + text + "\n\n";
    };
    line("#", m.title);
    line("##", m.subtitle);
    line("###", m.author);
    line("###", m.institute);
    line("###", m.date);
    if (markdown.empty()) return;
    std::vector<Diagnostic> scratch;  // positions would be this text's, not the deck's
    SourceText text = MakeSourceText(markdown, scratch);
    SlideContent content;
    BuildSlideContent(text, {{0, text.text.size()}}, scratch, content);
    Slide slide;
    slide.pos = {1, 1};
    slide.blocks = std::move(content.blocks);
    for (Block& b : slide.blocks) b.pos = {1, 1};
    slide.style.classes = {"center", "middle", "inverse", "title-slide"};
    slide.style.background_color = "#272822";  // xaringan's default .inverse
    slide.style.color = "#d6d6d6";
    if (const Block* heading = FirstHeading(slide.blocks)) AppendPlainText(heading->spans, slide.title);
    deck_.slides.insert(deck_.slides.begin(), std::move(slide));
    for (size_t i = 0; i < deck_.slides.size(); ++i) deck_.slides[i].index = static_cast<int>(i);
  }

  // Headers and footers are Markdown in Marp (`**bold**`, `&ensp;`, `[link](#2)`): each
  // distinct one is read once, as a paragraph of its own.
  void ReadHeadersAndFooters(std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, std::vector<Span>> read;
    auto spans_of = [&](const std::string& markdown, SourcePos pos) -> const std::vector<Span>& {
      auto found = read.find(markdown);
      if (found != read.end()) return found->second;
      std::vector<Diagnostic> scratch;  // positions would be the string's, not the deck's
      SourceText text = MakeSourceText(markdown, scratch);
      SlideContent content;
      BuildSlideContent(text, {{0, text.text.size()}}, scratch, content);
      std::vector<Span> spans;
      bool image = false;
      for (const Block& b : content.blocks) {
        if (!spans.empty()) spans.push_back(Span{SpanKind::kText, " "});
        for (const Span& sp : b.spans) {
          if (sp.kind == SpanKind::kImage) image = true;
          if (sp.kind == SpanKind::kHtml || sp.kind == SpanKind::kImage) continue;
          Span copy = sp;
          copy.pos = {};
          spans.push_back(std::move(copy));
        }
      }
      // Nothing to draw (an image only): an empty run, so layout never shows the source.
      if (spans.empty()) spans.push_back(Span{SpanKind::kText, ""});
      if (image || !content.backgrounds.empty())
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnsupportedDirective, pos,
                                             "an image in a header or footer"));
      return read.emplace(markdown, std::move(spans)).first->second;
    };
    for (Slide& slide : deck_.slides) {
      if (!slide.style.header.empty()) slide.style.header_spans = spans_of(slide.style.header, slide.pos);
      if (!slide.style.footer.empty()) slide.style.footer_spans = spans_of(slide.style.footer, slide.pos);
    }
  }

  void DropExcludedSlides() {
    std::vector<Slide> kept;
    kept.reserve(deck_.slides.size());
    for (size_t i = 0; i < deck_.slides.size(); ++i)
      if (i >= directives_.size() || !directives_[i].exclude)
        kept.push_back(std::move(deck_.slides[i]));
    for (size_t i = 0; i < kept.size(); ++i) kept[i].index = static_cast<int>(i);
    deck_.slides = std::move(kept);
  }

  Deck& deck_;
  DirectiveSink sink_;
  SourceText src_;
  DeckOutline outline_;
  StyleOverrides every_slide_;
  std::vector<SlideDirectives> directives_;
};

}  // namespace

Deck ParseDeck(std::string_view source, const ForEachIndex& for_each) {
  Deck deck;
  DeckParser(deck).Run(source, for_each);
  return deck;
}

}  // namespace podium
