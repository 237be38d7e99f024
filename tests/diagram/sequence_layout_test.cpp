// The sequence diagram layout: lifelines in declaration order and far enough apart for the
// texts between them, rows going down in order, hostile input bounded.
#include "diagram/sequence_layout.h"

#include <gtest/gtest.h>

#include <string>

#include "diagram/mermaid.h"
#include "layout/theme.h"
#include "test_fonts.h"

namespace podium {
namespace {

SequenceResult Lay(const std::string& source, FlowchartSizing sizing = {}) {
  MermaidDiagram d = ParseMermaid(source);
  EXPECT_EQ(d.kind, DiagramKind::kSequence);
  return LayoutSequence(d.sequence, test::Fonts(), ThemeNamed("default"), sizing);
}

TEST(SequenceLayoutTest, LifelinesAndRowsInOrder) {
  SequenceResult r =
      Lay("sequenceDiagram\n  participant C\n  participant A\n  A->>B: a message long enough to "
          "push B away\n"
          "  B-->>C: back\n  Note over A,B: note\n  A->>A: self\n");
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.lifelines.size(), 3u);  // C, A, B as declared and met
  EXPECT_LT(r.lifelines[0], r.lifelines[1]);
  EXPECT_LT(r.lifelines[1], r.lifelines[2]);
  ASSERT_EQ(r.message_rows.size(), 3u);
  EXPECT_LT(r.message_rows[0], r.message_rows[1]);
  EXPECT_LT(r.message_rows[1], r.message_rows[2]);
  // The long text between A and B spread them wider than C and A, which share nothing.
  EXPECT_GT(r.lifelines[2] - r.lifelines[1], r.lifelines[1] - r.lifelines[0]);
  for (const LayoutItem& item : r.box.items) {
    EXPECT_GE(item.rect.x0, -0.5f);
    EXPECT_LE(item.rect.x1, r.box.width + 0.5f);
    EXPECT_GE(item.rect.y0, -0.5f);
  }
}

TEST(SequenceLayoutTest, FitsAndReportsOverflow) {
  std::string source = "sequenceDiagram\n";
  for (int i = 0; i < 60; ++i) source += "  A->>B: message " + std::to_string(i) + "\n";
  FlowchartSizing sizing;
  sizing.max_width = 1600;
  sizing.max_height = 700;
  SequenceResult r = Lay(source, sizing);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.overflow);
  EXPECT_FLOAT_EQ(r.scale, sizing.min_scale);
  r = Lay("sequenceDiagram\n  A->>B: hi\n", sizing);
  EXPECT_FALSE(r.overflow);
  EXPECT_FLOAT_EQ(r.scale, 1.0f);
}

TEST(SequenceLayoutTest, HostileInputStaysBounded) {
  std::string source = "sequenceDiagram\n";
  for (int i = 0; i < 5000; ++i)
    source += "  p" + std::to_string(i % 200) + "->>+p" + std::to_string((i * 7) % 200) + ": x\n";
  for (int i = 0; i < 100; ++i) source += "loop\n";
  MermaidDiagram d = ParseMermaid(source);
  EXPECT_LE(d.sequence.participants.size(), static_cast<size_t>(kMaxSequenceParticipants));
  EXPECT_LE(d.sequence.events.size(), static_cast<size_t>(kMaxSequenceEvents));
  SequenceResult r = LayoutSequence(d.sequence, test::Fonts(), ThemeNamed("dark"), {});
  EXPECT_TRUE(r.ok);
}

}  // namespace
}  // namespace podium
