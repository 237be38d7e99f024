#include "parse/front_matter.h"

#include "parse/yaml_subset.h"

namespace podium::parse {

FrontMatterBlock FindFrontMatter(const SourceText& src, std::vector<Diagnostic>& diagnostics) {
  const std::string& text = src.text;
  FrontMatterBlock fm;
  LineCursor c(text, 0, text.size());
  if (c.Done() || !IsDashFenceLine(c.Text())) return fm;
  size_t content = c.Current().next;
  c.Advance();

  // The first meaningful line decides whether this is front matter at all: a `key:` line.
  // Blank and `#` lines alone do not make front matter (`# One` is more likely a heading),
  // unless there is nothing at all between the fences.
  bool decided = false;
  bool any_line = false;
  for (; !c.Done(); c.Advance()) {
    std::string_view line = c.Text();
    if (IsDashFenceLine(line)) {
      if (!decided && any_line) return fm;
      fm.present = true;
      fm.yaml = {content, c.Current().begin};
      fm.body_begin = c.Current().next;
      return fm;
    }
    if (decided) continue;
    std::string_view t = TrimLeft(line);
    if (!t.empty()) any_line = true;
    if (t.empty() || t[0] == '#') continue;
    if (IndentWidth(line) > 0 || !LooksLikeYamlKeyLine(line)) return fm;
    decided = true;
  }
  if (!decided) return fm;

  // Never closed: keep the run of YAML-looking lines under the opening.
  diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnterminatedFrontMatter, src.PosAt(0)));
  size_t end = content;
  for (LineCursor run(text, content, text.size()); !run.Done(); run.Advance()) {
    std::string_view line = run.Text();
    if (IsBlank(line)) break;
    std::string_view t = TrimLeft(line);
    if (IndentWidth(line) == 0 && t[0] != '#' && !LooksLikeYamlKeyLine(line)) break;
    end = run.Current().next;
  }
  fm.present = true;
  fm.yaml = {content, end};
  fm.body_begin = end;
  return fm;
}

}  // namespace podium::parse
