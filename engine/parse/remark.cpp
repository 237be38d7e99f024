#include "parse/remark.h"

#include "parse/directives.h"
#include "parse/values.h"

namespace podium::parse {
namespace {

constexpr std::string_view kRemarkKeys[] = {
    "class",           "name",  "layout",   "background-image", "background-position",
    "background-size", "count", "template", "exclude",
};

bool ReadProperty(std::string_view line, std::string_view& key, std::string_view& value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  key = line.substr(0, colon);
  if (std::find(std::begin(kRemarkKeys), std::end(kRemarkKeys), key) == std::end(kRemarkKeys))
    return false;
  value = Trim(line.substr(colon + 1));
  return true;
}

}  // namespace

size_t ReadRemarkProperties(const SourceText& src, size_t begin, size_t end,
                            std::vector<Diagnostic>& diagnostics, SlideDirectives& slide) {
  std::string_view text = src.text;
  size_t content = begin;
  bool any = false;
  for (LineCursor c(text, begin, end); !c.Done(); c.Advance()) {
    std::string_view line = c.Text();
    if (IsBlank(line)) {
      if (any) break;
      continue;
    }
    std::string_view key, value;
    if (!ReadProperty(line, key, value)) break;
    any = true;
    content = c.Current().next;
    SourcePos pos = src.PosAt(c.Current().begin);
    if (key == "class") {
      slide.local.classes = ReadClasses(SplitWords(value), src.PosAt(c.Current().begin + (value.data() - line.data())), &diagnostics);
    } else if (key == "background-image") {
      slide.local.background_image = std::string(value);
    } else if (key == "exclude") {
      if (ParseBool(value).value_or(false)) slide.exclude = true;
    } else if (key == "layout") {
      // A layout slide is a template for the slides after it and is never shown itself.
      if (ParseBool(value).value_or(false)) {
        slide.exclude = true;
        diagnostics.push_back(
            MakeDiagnostic(DiagnosticCode::kUnsupportedDirective, pos, "layout: true"));
      }
    } else if (key == "template") {
      diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnsupportedDirective, pos, "template"));
    }
    // name, count, background-position, background-size: accepted, not used.
  }
  return any ? content : begin;
}

std::vector<size_t> FindRemarkIncrements(std::string_view text, size_t begin, size_t end,
                                         const std::vector<ByteRange>& verbatim) {
  std::vector<size_t> lines;
  for (LineCursor c(text, begin, end); !c.Done(); c.Advance())
    if (TrimRight(c.Text()) == "--" && !InRanges(verbatim, c.Current().begin))
      lines.push_back(c.Current().begin);
  return lines;
}

}  // namespace podium::parse
