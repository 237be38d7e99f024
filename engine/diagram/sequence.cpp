// ParseSequenceLines: the statements of a mermaid sequenceDiagram.
//
//   participant A / participant A as Alice / actor B as Bob / create participant C
//   A->>B: text      A-->>B   A->B   A-->B   A-xB   A--xB   A-)B   A--)B   A<<->>B
//   A->>+B: …        (activate B)      B-->>-A: … (deactivate B)
//   Note left of A: … / Note right of A: … / Note over A,B: …
//   activate A / deactivate A / autonumber
//   loop|alt|opt|par|critical|break|rect … [else|and|option …] end
//   box … end (a group of participants: read, not drawn), title, %% comments
#include "diagram/sequence.h"

#include <algorithm>
#include <cctype>

#include "diagram/mermaid.h"

namespace podium {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string_view FirstWord(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && !IsSpace(s[n])) ++n;
  return s.substr(0, n);
}

struct Arrow {
  std::string_view text;
  bool dotted;
  char head;
  bool both;
};

// Longest first.
constexpr Arrow kArrows[] = {
    {"<<-->>", true, '>', true}, {"<<->>", false, '>', true}, {"-->>", true, '>', false},
    {"->>", false, '>', false},  {"-->", true, 0, false},     {"->", false, 0, false},
    {"--x", true, 'x', false},   {"-x", false, 'x', false},   {"--)", true, ')', false},
    {"-)", false, ')', false},
};

class SequenceParser {
 public:
  SequenceParser(SequenceDiagram* out, std::vector<Diagnostic>* diagnostics)
      : out_(*out), diagnostics_(*diagnostics) {}

  void Statement(std::string_view s, int line, int col) {
    line_ = line;
    col_ = col;
    if (s.empty() || s.substr(0, 2) == "%%") return;
    std::string_view word = FirstWord(s);
    std::string_view rest = Trim(s.substr(word.size()));
    if (word == "create" || word == "destroy") {
      if (word == "destroy") return;  // the participant's line simply ends with the diagram
      word = FirstWord(rest);
      rest = Trim(rest.substr(word.size()));
    }
    if (word == "participant" || word == "actor") return Participant(rest, word == "actor");
    if (word == "autonumber") {
      numbering_ = true;
      return;
    }
    if (word == "title" || word == "accTitle" || word == "accDescr" || word == "title:" ||
        word == "accTitle:" || word == "accDescr:" || word == "link" || word == "links" ||
        word == "properties" || word == "details")
      return;
    if (word == "activate" || word == "deactivate") {
      int p = GetParticipant(rest);
      if (p < 0) return;
      if (word == "activate")
        Add({SequenceEventKind::kActivate, p});
      else
        Deactivate(p);
      return;
    }
    if (EqualsNoCase(word, "note")) return Note(rest);
    if (word == "box") {
      blocks_.push_back("box");
      block_lines_.push_back(line_);
      return;
    }
    if (word == "loop" || word == "alt" || word == "opt" || word == "par" || word == "critical" ||
        word == "break" || word == "rect" || word == "par_over") {
      blocks_.push_back(std::string(word));
      block_lines_.push_back(line_);
      SequenceEvent e;
      e.kind = SequenceEventKind::kBlockStart;
      e.block = std::string(word == "par_over" ? "par" : word);
      e.text = word == "rect" ? std::string(rest) : CleanMermaidText(rest);
      Add(std::move(e));
      return;
    }
    if (word == "else" || word == "and" || word == "option") {
      std::string_view open =
          blocks_.empty() ? std::string_view{} : std::string_view(blocks_.back());
      bool fits = (word == "else" && open == "alt") || (word == "and" && open == "par") ||
                  (word == "option" && open == "critical");
      if (!fits) {
        Warn("'" + std::string(word) + "' outside " +
             (word == "else"  ? "an 'alt'"
              : word == "and" ? "a 'par'"
                              : "a 'critical'") +
             " block");
        return;
      }
      SequenceEvent e;
      e.kind = SequenceEventKind::kBlockElse;
      e.block = std::string(word);
      e.text = CleanMermaidText(rest);
      Add(std::move(e));
      return;
    }
    if (word == "end" && rest.empty()) {
      if (blocks_.empty()) {
        Warn("'end' without a block to close");
        return;
      }
      bool box = blocks_.back() == "box";
      blocks_.pop_back();
      block_lines_.pop_back();
      if (!box) Add({SequenceEventKind::kBlockEnd});
      return;
    }
    Message(s);
  }

  void Finish() {
    while (!blocks_.empty()) {
      line_ = block_lines_.back();
      col_ = 1;
      Warn("'" + blocks_.back() + "' is never closed with 'end'");
      if (blocks_.back() != "box") Add({SequenceEventKind::kBlockEnd});
      blocks_.pop_back();
      block_lines_.pop_back();
    }
  }

 private:
  void Warn(std::string message) {
    if (warnings_ >= 50) return;
    if (++warnings_ == 50) message = "more problems in this diagram are not reported";
    diagnostics_.push_back(
        MakeDiagnostic(DiagnosticCode::kDiagramSyntax, {line_, col_}, std::move(message)));
  }

  void Add(SequenceEvent e) {
    if (static_cast<int>(out_.events.size()) >= kMaxSequenceEvents) {
      if (!event_limit_reported_)
        diagnostics_.push_back(
            MakeDiagnostic(DiagnosticCode::kLimitExceeded, {line_, col_},
                           "more than " + std::to_string(kMaxSequenceEvents) +
                               " rows in a sequence diagram: the rest are left out"));
      event_limit_reported_ = true;
      return;
    }
    e.line = line_;
    out_.events.push_back(std::move(e));
  }

  void Deactivate(int p) { Add({SequenceEventKind::kDeactivate, p}); }

  int GetParticipant(std::string_view id, bool actor = false) {
    id = Trim(id);
    if (id.empty()) {
      Warn("expected a participant");
      return -1;
    }
    for (size_t i = 0; i < out_.participants.size(); ++i)
      if (out_.participants[i].id == id) return static_cast<int>(i);
    if (static_cast<int>(out_.participants.size()) >= kMaxSequenceParticipants) {
      if (!participant_limit_reported_)
        diagnostics_.push_back(MakeDiagnostic(DiagnosticCode::kLimitExceeded, {line_, col_},
                                              "more than " +
                                                  std::to_string(kMaxSequenceParticipants) +
                                                  " participants: the rest are left out"));
      participant_limit_reported_ = true;
      return -1;
    }
    SequenceParticipant p;
    p.id = std::string(id);
    p.label = CleanMermaidText(id);
    p.actor = actor;
    p.line = line_;
    out_.participants.push_back(std::move(p));
    return static_cast<int>(out_.participants.size()) - 1;
  }

  void Participant(std::string_view rest, bool actor) {
    std::string_view id = rest, label;
    size_t as = rest.find(" as ");
    if (as != std::string_view::npos) {
      id = Trim(rest.substr(0, as));
      label = Trim(rest.substr(as + 4));
    }
    if (id.size() >= 2 && id.front() == '"' && id.back() == '"') id = id.substr(1, id.size() - 2);
    int p = GetParticipant(id, actor);
    if (p < 0) return;
    SequenceParticipant& part = out_.participants[static_cast<size_t>(p)];
    part.actor = actor;
    if (!label.empty()) part.label = CleanMermaidText(label);
  }

  void Note(std::string_view rest) {
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      Warn("a note needs ': text'");
      return;
    }
    std::string_view where = Trim(rest.substr(0, colon));
    SequenceEvent e;
    e.kind = SequenceEventKind::kNote;
    e.text = CleanMermaidText(rest.substr(colon + 1));
    std::string_view who;
    auto starts = [&](std::string_view prefix) {
      if (where.size() < prefix.size() || !EqualsNoCase(where.substr(0, prefix.size()), prefix))
        return false;
      who = Trim(where.substr(prefix.size()));
      return true;
    };
    if (starts("left of "))
      e.placement = NotePlacement::kLeftOf;
    else if (starts("right of "))
      e.placement = NotePlacement::kRightOf;
    else if (starts("over "))
      e.placement = NotePlacement::kOver;
    else {
      Warn("a note goes 'left of', 'right of' or 'over' a participant");
      return;
    }
    size_t comma = who.find(',');
    e.from = GetParticipant(comma == std::string_view::npos ? who : who.substr(0, comma));
    if (comma != std::string_view::npos) e.to = GetParticipant(who.substr(comma + 1));
    if (e.from < 0) return;
    Add(std::move(e));
  }

  void Message(std::string_view s) {
    // The arrow: the first place where one of kArrows starts.
    size_t at = std::string_view::npos;
    const Arrow* arrow = nullptr;
    for (size_t i = 0; i < s.size() && !arrow; ++i) {
      if (s[i] != '-' && s[i] != '<') continue;
      for (const Arrow& a : kArrows)
        if (s.compare(i, a.text.size(), a.text) == 0) {
          at = i;
          arrow = &a;
          break;
        }
    }
    size_t colon = s.find(':', arrow ? at : 0);
    if (!arrow || at == 0) {
      Warn("expected a message (A->>B: text), a note or a keyword at '" +
           std::string(s.substr(0, 24)) + "'");
      return;
    }
    std::string_view from = s.substr(0, at);
    std::string_view target = s.substr(
        at + arrow->text.size(),
        colon == std::string_view::npos ? std::string_view::npos : colon - at - arrow->text.size());
    target = Trim(target);
    bool activate = false, deactivate = false;
    if (!target.empty() && target.front() == '+')
      activate = true, target.remove_prefix(1);
    else if (!target.empty() && target.front() == '-')
      deactivate = true, target.remove_prefix(1);
    int a = GetParticipant(from);
    int b = GetParticipant(target);
    if (a < 0 || b < 0) return;
    SequenceEvent e;
    e.kind = SequenceEventKind::kMessage;
    e.from = a;
    e.to = b;
    e.dotted = arrow->dotted;
    e.head = arrow->head;
    e.both_ends = arrow->both;
    if (colon != std::string_view::npos) e.text = CleanMermaidText(s.substr(colon + 1));
    if (numbering_) e.number = ++number_;
    Add(std::move(e));
    if (activate) Add({SequenceEventKind::kActivate, b});
    if (deactivate) Deactivate(a);
  }

  SequenceDiagram& out_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<std::string> blocks_;  // open blocks, innermost last
  std::vector<int> block_lines_;     // where each opened
  bool numbering_ = false;
  int number_ = 0;
  int warnings_ = 0;
  bool event_limit_reported_ = false;
  bool participant_limit_reported_ = false;
  int line_ = 0, col_ = 1;
};

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '\n')
      out += "\\n";
    else if (c == '"')
      out += "\\\"";
    else
      out += c;
  }
  return out + "\"";
}

}  // namespace

void ParseSequenceLines(const std::vector<std::string_view>& lines, size_t first,
                        SequenceDiagram* out, std::vector<Diagnostic>* diagnostics) {
  SequenceParser parser(out, diagnostics);
  for (size_t i = first; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    size_t lead = 0;
    while (lead < line.size() && IsSpace(line[lead])) ++lead;
    parser.Statement(Trim(line), static_cast<int>(i) + 1, static_cast<int>(lead) + 1);
  }
  parser.Finish();
}

std::string DumpSequence(const SequenceDiagram& d) {
  std::string out = "sequenceDiagram\n";
  auto name = [&](int p) {
    return p >= 0 ? d.participants[static_cast<size_t>(p)].id : std::string("?");
  };
  for (const SequenceParticipant& p : d.participants)
    out += std::string(p.actor ? "actor " : "participant ") + p.id + " " + Quote(p.label) + "\n";
  int depth = 0;
  for (const SequenceEvent& e : d.events) {
    if (e.kind == SequenceEventKind::kBlockEnd || e.kind == SequenceEventKind::kBlockElse)
      depth = std::max(0, depth - 1);
    out += std::string(static_cast<size_t>(depth) * 2, ' ');
    switch (e.kind) {
      case SequenceEventKind::kMessage: {
        std::string arrow = e.both_ends ? "<<" : "";
        arrow += e.dotted ? "--" : "-";
        if (e.head == '>')
          arrow += ">>";
        else if (e.head == 'x')
          arrow += "x";
        else if (e.head == ')')
          arrow += ")";
        else
          arrow += ">";
        out += "message " + name(e.from) + " " + arrow + " " + name(e.to);
        if (e.number) out += " #" + std::to_string(e.number);
        if (!e.text.empty()) out += " " + Quote(e.text);
        break;
      }
      case SequenceEventKind::kNote:
        out += "note ";
        out += e.placement == NotePlacement::kOver     ? "over "
               : e.placement == NotePlacement::kLeftOf ? "left of "
                                                       : "right of ";
        out += name(e.from);
        if (e.to >= 0) out += "," + name(e.to);
        out += " " + Quote(e.text);
        break;
      case SequenceEventKind::kActivate:
        out += "activate " + name(e.from);
        break;
      case SequenceEventKind::kDeactivate:
        out += "deactivate " + name(e.from);
        break;
      case SequenceEventKind::kBlockStart:
        out += e.block + " " + Quote(e.text);
        break;
      case SequenceEventKind::kBlockElse:
        out += e.block + " " + Quote(e.text);
        break;
      case SequenceEventKind::kBlockEnd:
        out += "end";
        break;
    }
    out += "\n";
    if (e.kind == SequenceEventKind::kBlockStart || e.kind == SequenceEventKind::kBlockElse)
      ++depth;
  }
  return out;
}

}  // namespace podium
