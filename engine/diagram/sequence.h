// SequenceDiagram: a mermaid `sequenceDiagram` as plain data — what ParseMermaid() builds
// (diagram/mermaid.h) and LayoutSequence() draws (diagram/sequence_layout.h).
//
// Participants are listed in the order they appear; events are the diagram's rows from top
// to bottom, and refer to participants by index. Texts keep line breaks as '\n'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace podium {

struct SequenceParticipant {
  std::string id;
  std::string label;   // the id unless `participant A as Label`
  bool actor = false;  // `actor A`: drawn as a stick figure
  int line = 0;
};

enum class SequenceEventKind {
  kMessage,     // from → to (from == to: a message to itself)
  kNote,        // over `from` (… `to`), or left/right of `from`
  kActivate,    // `from` becomes active (activate A, or A->>+B)
  kDeactivate,  // `from` stops being active
  kBlockStart,  // loop, alt, opt, par, critical, break, rect: `text` is the condition
  kBlockElse,   // else (alt), and (par), option (critical)
  kBlockEnd,
};

enum class NotePlacement { kOver, kLeftOf, kRightOf };

struct SequenceEvent {
  SequenceEventKind kind = SequenceEventKind::kMessage;
  int from = -1;
  int to = -1;
  std::string text;
  // Messages.
  bool dotted = false;     // -- instead of -
  char head = '>';         // '>' filled arrow (->>), 0 none (->), 'x' cross (-x), ')' open (-))
  bool both_ends = false;  // <<->>
  int number = 0;          // autonumber: 1, 2, …; 0 when off
  // Notes.
  NotePlacement placement = NotePlacement::kOver;
  // Blocks.
  std::string block;  // "loop", "alt", "else", …
  int line = 0;
};

struct SequenceDiagram {
  std::vector<SequenceParticipant> participants;
  std::vector<SequenceEvent> events;
};

inline constexpr int kMaxSequenceParticipants = 60;
inline constexpr int kMaxSequenceEvents = 2000;

// Reads the statements after the `sequenceDiagram` header: lines[first…], 1-based line
// numbers being index + 1. Problems are appended as kDiagramSyntax warnings (or one
// kLimitExceeded error); the rest is kept. Used by ParseMermaid.
void ParseSequenceLines(const std::vector<std::string_view>& lines, size_t first,
                        SequenceDiagram* out, std::vector<Diagnostic>* diagnostics);

// One line per participant and event, for the spec tests.
std::string DumpSequence(const SequenceDiagram& diagram);

}  // namespace podium
