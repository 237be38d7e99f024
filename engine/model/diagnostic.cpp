#include "model/diagnostic.h"

namespace podium {
namespace {

struct CodeInfo {
  std::string_view name;
  Severity severity;
  std::string_view message;
};

constexpr CodeInfo kCodeInfo[] = {
#define PODIUM_DIAGNOSTIC_INFO(code, severity, message) {#code, Severity::severity, message},
    PODIUM_DIAGNOSTICS(PODIUM_DIAGNOSTIC_INFO)
#undef PODIUM_DIAGNOSTIC_INFO
};

const CodeInfo& Info(DiagnosticCode code) { return kCodeInfo[static_cast<int>(code)]; }

}  // namespace

Diagnostic MakeDiagnostic(DiagnosticCode code, SourcePos pos, std::string argument) {
  return Diagnostic{code, Info(code).severity, pos, std::move(argument)};
}

std::string DiagnosticMessage(const Diagnostic& d) {
  std::string_view tmpl = Info(d.code).message;
  std::string out;
  size_t hole = tmpl.find("{}");
  if (hole == std::string_view::npos) return std::string(tmpl);
  out.append(tmpl.substr(0, hole));
  out.append(d.argument);
  out.append(tmpl.substr(hole + 2));
  return out;
}

std::string FormatDiagnostic(std::string_view file, const Diagnostic& d) {
  std::string out(file);
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    out += ':' + std::to_string(d.pos.col > 0 ? d.pos.col : 1);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += DiagnosticMessage(d);
  return out;
}

std::string_view DiagnosticCodeName(DiagnosticCode code) { return Info(code).name.substr(1); }

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    if (d.severity == Severity::kError) return true;
  return false;
}

}  // namespace podium
