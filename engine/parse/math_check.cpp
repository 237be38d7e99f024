#include "parse/math_check.h"

#include "math/tex_parse.h"

namespace podium::parse {
namespace {

// Offset in src.text of a position, found by bisection over PosAt (which is monotonic).
size_t OffsetOf(const SourceText& src, SourcePos pos) {
  size_t lo = 0, hi = src.text.size();
  auto before = [&](size_t offset) {
    SourcePos p = src.PosAt(offset);
    return p.line < pos.line || (p.line == pos.line && p.col < pos.col);
  };
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void Check(const SourceText& src, const std::string& tex, SourcePos pos,
           std::vector<Diagnostic>& diagnostics) {
  ParsedTex parsed = ParseTex(tex);
  if (parsed.errors.empty()) return;
  // Where the formula starts: its first occurrence shortly after the `$`/`$$`/fence.
  size_t start = std::string::npos;
  if (pos.line > 0) {
    size_t from = OffsetOf(src, pos);
    size_t found = src.text.find(tex, from);
    if (found != std::string::npos && found - from <= 64) start = found;
  }
  for (const TexError& e : parsed.errors) {
    SourcePos at = start == std::string::npos ? pos : src.PosAt(start + e.offset);
    switch (e.kind) {
      case TexErrorKind::kUnknownCommand:
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnknownTexCommand, at, e.argument));
        break;
      case TexErrorKind::kUnknownEnvironment:
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kUnknownTexEnvironment, at, e.argument));
        break;
      case TexErrorKind::kSyntax:
        diagnostics.push_back(MakeDiagnostic(DiagnosticCode::kBadTex, at, e.argument));
        break;
    }
  }
}

void CheckSpans(const SourceText& src, const std::vector<Span>& spans, std::vector<Diagnostic>& diagnostics) {
  for (const Span& s : spans)
    if (s.kind == SpanKind::kMath) Check(src, s.text, s.pos, diagnostics);
}

void CheckBlocks(const SourceText& src, const std::vector<Block>& blocks,
                 std::vector<Diagnostic>& diagnostics) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kMath) Check(src, b.text, b.pos, diagnostics);
    CheckSpans(src, b.spans, diagnostics);
    for (const auto& row : b.table.rows)
      for (const TableCell& cell : row) CheckSpans(src, cell.spans, diagnostics);
    CheckBlocks(src, b.children, diagnostics);
  }
}

}  // namespace

void ReportMathProblems(const SourceText& src, const std::vector<Slide>& slides,
                        std::vector<Diagnostic>& diagnostics) {
  for (const Slide& slide : slides) CheckBlocks(src, slide.blocks, diagnostics);
}

}  // namespace podium::parse
