#include "model/diagnostic.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(DiagnosticTest, FormatsLikeACompiler) {
  Diagnostic d = MakeDiagnostic(DiagnosticCode::kImageNotFound, {12, 5}, "cat.png");
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(FormatDiagnostic("talk.md", d), "talk.md:12:5: error: image 'cat.png' not found");
}

TEST(DiagnosticTest, WarningWithoutPositionOmitsLineAndColumn) {
  Diagnostic d = MakeDiagnostic(DiagnosticCode::kUnknownFrontMatterKey, {}, "colour");
  EXPECT_EQ(FormatDiagnostic("a.md", d), "a.md: warning: unknown front-matter key 'colour'");
}

TEST(DiagnosticTest, CodeNamesAreStable) {
  EXPECT_EQ(DiagnosticCodeName(DiagnosticCode::kSlideOverflow), "SlideOverflow");
}

TEST(DiagnosticTest, HasErrorsIgnoresWarnings) {
  std::vector<Diagnostic> list{MakeDiagnostic(DiagnosticCode::kInvalidUtf8, {1, 1})};
  EXPECT_FALSE(HasErrors(list));
  list.push_back(MakeDiagnostic(DiagnosticCode::kImageNotFound, {2, 1}, "x.png"));
  EXPECT_TRUE(HasErrors(list));
}

}  // namespace
}  // namespace podium
