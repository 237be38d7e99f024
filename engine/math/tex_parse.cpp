// The TeX parser: recursive descent over the formula's bytes.
//
// [SECTION] Helpers
// [SECTION] The parser (rows, atoms, arguments, commands, environments)
// [SECTION] Dump
#include "math/tex_parse.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "layout/theme.h"
#include "math/tex_symbols.h"
#include "text/utf8.h"

namespace podium {
namespace {

// [SECTION] Helpers -----------------------------------------------------------------------

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

MathNode Node(MathNodeKind kind, size_t offset) {
  MathNode n;
  n.kind = kind;
  n.offset = offset;
  return n;
}

MathNode Empty(size_t offset) { return Node(MathNodeKind::kEmpty, offset); }

// Shown source of an error node: long pieces are cut, so a hostile formula cannot make a
// slide-wide red line.
std::string Shown(std::string_view source) {
  constexpr size_t kMax = 40;
  if (source.size() <= kMax) return std::string(source);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(source[cut]) & 0xC0) == 0x80) --cut;
  return std::string(source.substr(0, cut)) + "…";
}

// [SECTION] The parser --------------------------------------------------------------------

// What ends a row besides the end of the formula.
enum Stop : unsigned {
  kStopBrace = 1,   // `}`
  kStopRight = 2,   // \right
  kStopCell = 4,    // `&`, `\\`, \end
  kStopOptional = 8,  // `]` (the index of \sqrt[n])
};

class TexParser {
 public:
  TexParser(std::string_view s, std::vector<TexError>* errors) : s_(s), errors_(errors) {}

  MathNode ParseAll() {
    MathNode row = ParseRow(0);
    while (pos_ < s_.size()) {  // a `}` or `]` that closed nothing: report and go on
      Error(pos_, TexErrorKind::kSyntax, s_[pos_] == '}' ? "unmatched '}'" : "unexpected input");
      ++pos_;
      MathNode more = ParseRow(0);
      for (MathNode& n : more.children) row.children.push_back(std::move(n));
    }
    return row;
  }

 private:
  // Counts recursion; past kMaxTexDepth the caller stops descending.
  struct DepthGuard {
    explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    int& depth_;
  };

  void Error(size_t offset, TexErrorKind kind, std::string argument) {
    if (errors_->size() >= kMaxTexErrors) return;
    if (!errors_->empty() && errors_->back().offset == offset && errors_->back().argument == argument)
      return;  // \frac with neither argument: one report
    errors_->push_back({offset, kind, std::move(argument)});
  }

  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

  void SkipSpaces() {
    while (pos_ < s_.size()) {
      if (IsSpace(s_[pos_])) {
        ++pos_;
      } else if (s_[pos_] == '%') {  // a TeX comment runs to the end of the line
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  // The command name at pos_ (which is a backslash), without consuming it.
  std::string_view PeekCommand() const {
    if (pos_ >= s_.size() || s_[pos_] != '\\') return {};
    size_t end = pos_ + 1;
    while (end < s_.size() && IsLetter(s_[end])) ++end;
    if (end == pos_ + 1 && end < s_.size()) {
      // A one-character command: \, \{ … (a whole UTF-8 character).
      size_t next = end;
      DecodeNext(s_, next);
      end = next;
    }
    return s_.substr(pos_ + 1, end - pos_ - 1);
  }

  std::string_view ReadCommand() {
    std::string_view name = PeekCommand();
    pos_ += 1 + name.size();
    if (!name.empty() && IsLetter(name[0])) SkipSpaces();
    return name;
  }

  // Too deep: everything up to the end of the current group becomes one error node.
  MathNode CutOff() {
    size_t start = pos_;
    if (!depth_reported_) {
      depth_reported_ = true;
      Error(start, TexErrorKind::kSyntax,
            "formula nested deeper than " + std::to_string(kMaxTexDepth) + " levels");
    }
    int open = 0;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\\' && pos_ + 1 < s_.size()) {
        pos_ += 2;
        continue;
      }
      if (c == '{') ++open;
      if (c == '}') {
        if (open == 0) break;
        --open;
      }
      ++pos_;
    }
    MathNode n = Node(MathNodeKind::kError, start);
    n.text = Shown(s_.substr(start, pos_ - start));
    return n;
  }

  // A row of atoms up to the end or to a stop in `stops` (not consumed).
  MathNode ParseRow(unsigned stops) {
    DepthGuard guard(depth_);
    MathNode row = Node(MathNodeKind::kRow, pos_);
    if (depth_ > kMaxTexDepth) {
      row.children.push_back(CutOff());
      return row;
    }
    while (true) {
      SkipSpaces();
      if (AtEnd()) break;
      char c = Peek();
      if (c == '}') {
        if (stops & kStopBrace) break;
        Error(pos_, TexErrorKind::kSyntax, "unmatched '}'");
        ++pos_;
        continue;
      }
      if (c == ']' && (stops & kStopOptional)) break;
      if (c == '&') {
        if (stops & kStopCell) break;
        Error(pos_, TexErrorKind::kSyntax, "'&' outside a matrix");
        ++pos_;
        continue;
      }
      if (c == '\\') {
        std::string_view name = PeekCommand();
        if (name == "\\" || name == "cr" || name == "end") {
          if (stops & kStopCell) break;
          if (name == "end") {
            size_t at = pos_;
            ReadCommand();
            std::string env = ReadBraced();
            Error(at, TexErrorKind::kSyntax, "\\end{" + env + "} without \\begin");
          } else {
            ReadCommand();  // a line break outside a matrix: ignored, as KaTeX inline
          }
          continue;
        }
        if (name == "right") {
          if (stops & kStopRight) break;
          size_t at = pos_;
          ReadCommand();
          char32_t ignored;
          SkipSpaces();
          pos_ += ReadTexDelimiter(s_.substr(pos_), &ignored);
          Error(at, TexErrorKind::kSyntax, "\\right without \\left");
          continue;
        }
        if (name == "limits" || name == "nolimits") {
          size_t at = pos_;
          ReadCommand();
          MathNode* base = row.children.empty() ? nullptr : &row.children.back();
          if (base && base->kind == MathNodeKind::kScripts) base = &base->children[0];
          if (base && (base->atom == MathAtom::kOp || base->kind == MathNodeKind::kOperator)) {
            base->limits = name == "limits" ? MathLimits::kAlways : MathLimits::kNever;
          } else {
            Error(at, TexErrorKind::kSyntax, "\\" + std::string(name) + " is allowed only on operators");
          }
          continue;
        }
        if (name == "displaystyle" || name == "textstyle" || name == "scriptstyle" ||
            name == "scriptscriptstyle") {
          MathNode style = Node(MathNodeKind::kStyle, pos_);
          ReadCommand();
          style.style = name == "displaystyle" ? 0 : name == "textstyle" ? 1 : name == "scriptstyle" ? 2 : 3;
          style.children.push_back(ParseRow(stops));  // the rest of the group
          row.children.push_back(std::move(style));
          break;
        }
        if (MathVariant v; SwitchOf(name, &v)) {  // {\rm d}x: a switch for the rest of the group
          MathNode font = Node(MathNodeKind::kFontVariant, pos_);
          ReadCommand();
          font.variant = v;
          font.children.push_back(ParseRow(stops));
          row.children.push_back(std::move(font));
          break;
        }
        if (name == "color") {  // \color{red} x y: the rest of the group
          MathNode color = Node(MathNodeKind::kColor, pos_);
          ReadCommand();
          ReadColor(color);
          color.children.push_back(ParseRow(stops));
          row.children.push_back(std::move(color));
          break;
        }
      }
      if (c == '^' || c == '_') {
        ParseScript(row);
        continue;
      }
      if (c == '\'') {
        ParsePrimes(row);
        continue;
      }
      row.children.push_back(ParseAtom());
    }
    return row;
  }

  // x^a, x_b, x_b^a, ^a (on nothing): attaches to the last atom of the row.
  void ParseScript(MathNode& row) {
    size_t at = pos_;
    bool sup = s_[pos_] == '^';
    ++pos_;
    int slot = sup ? 2 : 1;
    MathNode* target = nullptr;
    if (!row.children.empty()) {
      MathNode& last = row.children.back();
      if (last.kind == MathNodeKind::kScripts && last.children[slot].kind == MathNodeKind::kEmpty) {
        target = &last;
      } else if (last.kind == MathNodeKind::kScripts) {
        Error(at, TexErrorKind::kSyntax, sup ? "double superscript" : "double subscript");
      } else if (last.kind != MathNodeKind::kSpace && last.kind != MathNodeKind::kStyle) {
        MathNode scripts = Node(MathNodeKind::kScripts, last.offset);
        scripts.children.push_back(std::move(last));
        scripts.children.push_back(Empty(at));
        scripts.children.push_back(Empty(at));
        last = std::move(scripts);
        target = &last;
      }
    }
    if (!target) {
      MathNode scripts = Node(MathNodeKind::kScripts, at);
      scripts.children.push_back(Empty(at));
      scripts.children.push_back(Empty(at));
      scripts.children.push_back(Empty(at));
      row.children.push_back(std::move(scripts));
      target = &row.children.back();
    }
    MathNode arg = ParseArgument(sup ? "^" : "_");
    target->children[slot] = std::move(arg);
  }

  // x' x'' x'^2: primes are a superscript, joined with a following ^.
  void ParsePrimes(MathNode& row) {
    size_t at = pos_;
    int count = 0;
    while (Peek() == '\'') ++pos_, ++count;
    MathNode primes = Node(MathNodeKind::kRow, at);
    for (int i = 0; i < count; ++i) {
      MathNode p = Node(MathNodeKind::kSymbol, at + i);
      p.cp = U'′';
      primes.children.push_back(p);
    }
    SkipSpaces();
    if (Peek() == '^') {
      ++pos_;
      primes.children.push_back(ParseArgument("^"));
    }
    MathNode scripts = Node(MathNodeKind::kScripts, at);
    if (!row.children.empty() && row.children.back().kind != MathNodeKind::kScripts) {
      scripts.offset = row.children.back().offset;
      scripts.children.push_back(std::move(row.children.back()));
      row.children.pop_back();
    } else {
      scripts.children.push_back(Empty(at));
    }
    scripts.children.push_back(Empty(at));
    scripts.children.push_back(std::move(primes));
    row.children.push_back(std::move(scripts));
  }

  // `{…}` at pos_: the group as a row (the caller saw the brace).
  MathNode ParseGroup() {
    size_t open = pos_;
    ++pos_;
    MathNode row = ParseRow(kStopBrace);
    row.offset = open;
    if (Peek() == '}') {
      ++pos_;
    } else {
      Error(open, TexErrorKind::kSyntax, "missing '}'");
    }
    return row;
  }

  // The argument of a command or a script: a group, a command, or one character.
  MathNode ParseArgument(std::string_view of) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxTexDepth) return CutOff();
    SkipSpaces();
    size_t at = pos_;
    char c = Peek();
    if (AtEnd() || c == '}' || c == '&' || c == '^' || c == '_' ||
        (c == '\\' && (PeekCommand() == "\\" || PeekCommand() == "end" || PeekCommand() == "right"))) {
      Error(at, TexErrorKind::kSyntax, "missing argument for '" + std::string(of) + "'");
      return Empty(at);
    }
    if (c == '{') return ParseGroup();
    return ParseAtom();
  }

  // One atom: a character, a group, or a command with its arguments.
  MathNode ParseAtom() {
    size_t at = pos_;
    char c = Peek();
    if (c == '{') return ParseGroup();
    if (c == '\\') return ParseCommand();
    if (c == '~') {
      ++pos_;
      MathNode space = Node(MathNodeKind::kSpace, at);
      space.space_mu = 6;
      return space;
    }
    char32_t cp = DecodeNext(s_, pos_);
    MathNode n = Node(MathNodeKind::kSymbol, at);
    n.atom = AtomOfCharacter(cp, &n.cp);
    if (n.atom == MathAtom::kOp) n.limits = MathLimits::kDisplayOnly;
    return n;
  }

  // Raw text of a braced argument (\text, \begin, \color), escapes resolved; the braces
  // are consumed. A missing argument gives "".
  std::string ReadBraced() {
    SkipSpaces();
    if (Peek() != '{') {
      if (AtEnd()) return {};
      size_t start = pos_;
      DecodeNext(s_, pos_);  // \text x: one character
      return std::string(s_.substr(start, pos_ - start));
    }
    size_t open = pos_++;
    std::string out;
    int depth = 0;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\\' && pos_ + 1 < s_.size()) {
        char next = s_[pos_ + 1];
        if (next == '{' || next == '}' || next == '$' || next == '%' || next == '&' || next == '#' ||
            next == '_') {
          out += next;
          pos_ += 2;
          continue;
        }
        if (next == ' ' || next == '\\') {
          out += ' ';
          pos_ += 2;
          continue;
        }
        out += c;
        ++pos_;
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}') {
        if (depth == 0) {
          ++pos_;
          return out;
        }
        --depth;
      }
      out += c == '\n' ? ' ' : c;
      ++pos_;
    }
    Error(open, TexErrorKind::kSyntax, "missing '}'");
    return out;
  }

  MathNode UnknownCommand(size_t at, std::string_view name) {
    std::string source = "\\" + std::string(name);
    Error(at, TexErrorKind::kUnknownCommand, source);
    MathNode n = Node(MathNodeKind::kError, at);
    n.text = Shown(source);
    return n;
  }

  MathNode ParseCommand() {
    size_t at = pos_;
    std::string_view name = ReadCommand();
    if (name.empty()) {  // a lone backslash at the end
      MathNode n = Node(MathNodeKind::kError, at);
      n.text = "\\";
      Error(at, TexErrorKind::kSyntax, "lone '\\' at the end");
      return n;
    }
    float mu = 0;
    if (FindTexSpace(name, &mu)) {
      MathNode n = Node(MathNodeKind::kSpace, at);
      n.space_mu = mu;
      return n;
    }
    if (const TexSymbol* sym = FindTexSymbol(name)) {
      MathNode n = Node(MathNodeKind::kSymbol, at);
      n.cp = sym->cp;
      n.atom = sym->atom;
      n.limits = sym->limits;
      return n;
    }
    if (const TexOperatorName* op = FindTexOperatorName(name)) {
      MathNode n = Node(MathNodeKind::kOperator, at);
      n.atom = MathAtom::kOp;
      n.text = std::string(op->text);
      n.limits = op->limits;
      return n;
    }
    if (const TexAccent* accent = FindTexAccent(name)) {
      MathNode n = Node(MathNodeKind::kAccent, at);
      n.cp = accent->cp;
      n.stretchy = accent->stretchy;
      n.children.push_back(ParseArgument("\\" + std::string(name)));
      return n;
    }
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac" ||
        name == "binom" || name == "dbinom" || name == "tbinom") {
      MathNode n = Node(MathNodeKind::kFraction, at);
      if (name == "dfrac" || name == "cfrac" || name == "dbinom") n.style = 0;
      if (name == "tfrac" || name == "tbinom") n.style = 1;
      n.rule = name.find("binom") == std::string_view::npos;
      std::string of = "\\" + std::string(name);
      n.children.push_back(ParseArgument(of));
      n.children.push_back(ParseArgument(of));
      return n;
    }
    if (name == "sqrt") {
      MathNode n = Node(MathNodeKind::kRoot, at);
      SkipSpaces();
      MathNode index;
      bool has_index = false;
      if (Peek() == '[') {
        ++pos_;
        index = ParseRow(kStopOptional);
        if (Peek() == ']') ++pos_;
        else Error(at, TexErrorKind::kSyntax, "missing ']'");
        has_index = true;
      }
      n.children.push_back(ParseArgument("\\sqrt"));
      if (has_index) n.children.push_back(std::move(index));
      return n;
    }
    if (name == "left") return ParseLeftRight(at);
    if (name == "middle") {
      // Not supported as a growing delimiter: drawn at its normal size.
      SkipSpaces();
      char32_t cp = 0;
      size_t used = ReadTexDelimiter(s_.substr(pos_), &cp);
      pos_ += used;
      MathNode n = Node(MathNodeKind::kSymbol, at);
      n.cp = cp ? cp : U' ';
      n.atom = MathAtom::kRel;
      return n;
    }
    if (name.size() >= 3 && (name.substr(0, 3) == "big" || name.substr(0, 3) == "Big")) {
      static constexpr std::string_view kSizes[] = {"big", "Big", "bigg", "Bigg"};
      for (int size = 0; size < 4; ++size) {
        std::string_view base = kSizes[size];
        if (name.substr(0, base.size()) != base) continue;
        std::string_view suffix = name.substr(base.size());
        if (!suffix.empty() && suffix != "l" && suffix != "r" && suffix != "m") continue;
        SkipSpaces();
        char32_t cp = 0;
        size_t used = ReadTexDelimiter(s_.substr(pos_), &cp);
        if (used == 0) {
          Error(at, TexErrorKind::kSyntax, "missing delimiter after '\\" + std::string(name) + "'");
          return Empty(at);
        }
        pos_ += used;
        MathNode n = Node(MathNodeKind::kBigDelimiter, at);
        n.cp = cp;
        n.size = size + 1;
        n.atom = suffix == "l" ? MathAtom::kOpen : suffix == "r" ? MathAtom::kClose
                 : suffix == "m" ? MathAtom::kRel : MathAtom::kOrd;
        return n;
      }
    }
    if (name == "text" || name == "textrm" || name == "textnormal" || name == "mbox" ||
        name == "textbf" || name == "textit" || name == "texttt" || name == "hbox") {
      MathNode n = Node(MathNodeKind::kText, at);
      n.text = ReadBraced();
      if (name == "textbf") n.variant = MathVariant::kBold;
      if (name == "textit") n.variant = MathVariant::kItalic;
      if (name == "texttt") n.variant = MathVariant::kMonospace;
      return n;
    }
    if (name == "operatorname") {
      MathNode n = Node(MathNodeKind::kOperator, at);
      n.atom = MathAtom::kOp;
      SkipSpaces();
      if (Peek() == '*') {  // \operatorname*: limits like \lim
        ++pos_;
        n.limits = MathLimits::kDisplayOnly;
      }
      n.text = ReadBraced();
      return n;
    }
    if (MathVariant v; VariantOf(name, &v)) {
      MathNode n = Node(MathNodeKind::kFontVariant, at);
      n.variant = v;
      n.children.push_back(ParseArgument("\\" + std::string(name)));
      return n;
    }
    if (name == "overline" || name == "underline") {
      MathNode n = Node(name == "overline" ? MathNodeKind::kOverline : MathNodeKind::kUnderline, at);
      n.children.push_back(ParseArgument("\\" + std::string(name)));
      return n;
    }
    if (name == "overset" || name == "underset" || name == "stackrel") {
      std::string of = "\\" + std::string(name);
      MathNode script = ParseArgument(of);
      MathNode base = ParseArgument(of);
      MathNode n = Node(MathNodeKind::kUnderOver, at);
      n.atom = name == "stackrel" ? MathAtom::kRel : MathAtom::kOrd;
      n.children.push_back(std::move(base));
      n.children.push_back(name == "underset" ? std::move(script) : Empty(at));
      n.children.push_back(name == "underset" ? Empty(at) : std::move(script));
      return n;
    }
    if (name == "textcolor") {
      MathNode n = Node(MathNodeKind::kColor, at);
      ReadColor(n);
      n.children.push_back(ParseArgument("\\textcolor"));
      return n;
    }
    if (name == "not") {
      // \not= → ≠ and friends; otherwise a slash laid over the next symbol.
      SkipSpaces();
      MathNode next = AtEnd() ? Empty(pos_) : ParseAtom();
      if (next.kind == MathNodeKind::kSymbol) {
        static constexpr std::pair<char32_t, char32_t> kNegated[] = {
            {'=', U'≠'}, {U'∈', U'∉'}, {U'≡', U'≢'}, {'<', U'≮'}, {'>', U'≯'}, {U'≤', U'≰'},
            {U'≥', U'≱'}, {U'⊂', U'⊄'}, {U'⊃', U'⊅'}, {U'⊆', U'⊈'}, {U'⊇', U'⊉'}, {U'∼', U'≁'},
            {U'≈', U'≉'}, {U'≅', U'≇'}, {U'∣', U'∤'}, {U'∥', U'∦'}, {U'∃', U'∄'}};
        for (auto [plain, negated] : kNegated) {
          if (next.cp == plain) {
            next.cp = negated;
            next.offset = at;
            return next;
          }
        }
      }
      MathNode n = Node(MathNodeKind::kAccent, at);  // fallback: overlay a solidus
      n.cp = 0x338;
      n.children.push_back(std::move(next));
      return n;
    }
    if (name == "begin") return ParseEnvironment(at);
    if (name == "mathop" || name == "mathrel" || name == "mathbin" || name == "mathord" ||
        name == "mathopen" || name == "mathclose" || name == "mathpunct" || name == "mathinner") {
      MathNode arg = ParseArgument("\\" + std::string(name));
      MathNode n = Node(MathNodeKind::kRow, at);
      n.children.push_back(std::move(arg));
      MathNode wrapper = Node(MathNodeKind::kUnderOver, at);  // a class wrapper without scripts
      wrapper.atom = name == "mathop" ? MathAtom::kOp : name == "mathrel" ? MathAtom::kRel
                   : name == "mathbin" ? MathAtom::kBin : name == "mathopen" ? MathAtom::kOpen
                   : name == "mathclose" ? MathAtom::kClose : name == "mathpunct" ? MathAtom::kPunct
                   : name == "mathinner" ? MathAtom::kInner : MathAtom::kOrd;
      wrapper.children.push_back(std::move(n));
      wrapper.children.push_back(Empty(at));
      wrapper.children.push_back(Empty(at));
      return wrapper;
    }
    return UnknownCommand(at, name);
  }

  static bool VariantOf(std::string_view name, MathVariant* v) {
    static constexpr std::pair<std::string_view, MathVariant> kVariants[] = {
        {"mathbf", MathVariant::kBold},          {"mathrm", MathVariant::kRoman},
        {"mathit", MathVariant::kItalic},        {"mathbb", MathVariant::kBlackboard},
        {"mathcal", MathVariant::kCalligraphic}, {"mathscr", MathVariant::kCalligraphic},
        {"mathsf", MathVariant::kSansSerif},     {"mathtt", MathVariant::kMonospace},
        {"mathfrak", MathVariant::kFraktur},     {"boldsymbol", MathVariant::kBoldItalic},
        {"bm", MathVariant::kBoldItalic},        {"mathnormal", MathVariant::kDefault},
        {"Bbb", MathVariant::kBlackboard},       {"bold", MathVariant::kBold},
    };
    for (auto [n, variant] : kVariants) {
      if (n == name) {
        *v = variant;
        return true;
      }
    }
    return false;
  }

  static bool SwitchOf(std::string_view name, MathVariant* v) {
    static constexpr std::pair<std::string_view, MathVariant> kSwitches[] = {
        {"rm", MathVariant::kRoman}, {"bf", MathVariant::kBold},         {"it", MathVariant::kItalic},
        {"cal", MathVariant::kCalligraphic}, {"sf", MathVariant::kSansSerif}, {"tt", MathVariant::kMonospace},
    };
    for (auto [n, variant] : kSwitches) {
      if (n == name) {
        *v = variant;
        return true;
      }
    }
    return false;
  }

  void ReadColor(MathNode& n) {
    size_t at = pos_;
    n.text = ReadBraced();
    std::optional<uint32_t> color = ParseColor(n.text);
    if (!color) Error(at, TexErrorKind::kSyntax, "unknown colour '" + n.text + "'");
    n.color = color.value_or(0);
  }

  // \left( … \right): the content up to the matching \right.
  MathNode ParseLeftRight(size_t at) {
    MathNode n = Node(MathNodeKind::kDelimited, at);
    SkipSpaces();
    size_t used = ReadTexDelimiter(s_.substr(pos_), &n.cp);
    if (used == 0) {
      Error(pos_, TexErrorKind::kSyntax, "missing delimiter after '\\left'");
      n.cp = 0;
    }
    pos_ += used;
    n.children.push_back(ParseRow(kStopRight));
    if (PeekCommand() == "right") {
      ReadCommand();
      SkipSpaces();
      used = ReadTexDelimiter(s_.substr(pos_), &n.cp2);
      if (used == 0) {
        Error(pos_, TexErrorKind::kSyntax, "missing delimiter after '\\right'");
        n.cp2 = 0;
      }
      pos_ += used;
    } else {
      Error(at, TexErrorKind::kSyntax, "\\left without \\right");
      n.cp2 = 0;
    }
    return n;
  }

  // \begin{env} cells & cells \\ rows \end{env}.
  MathNode ParseEnvironment(size_t at) {
    std::string env = ReadBraced();
    MathNode n = Node(MathNodeKind::kMatrix, at);
    n.text = env;
    std::string column_spec;
    if (env == "pmatrix") n.cp = '(', n.cp2 = ')';
    else if (env == "bmatrix") n.cp = '[', n.cp2 = ']';
    else if (env == "Bmatrix") n.cp = '{', n.cp2 = '}';
    else if (env == "vmatrix") n.cp = '|', n.cp2 = '|';
    else if (env == "Vmatrix") n.cp = U'‖', n.cp2 = U'‖';
    else if (env == "cases") n.cp = '{', column_spec = "ll";
    else if (env == "rcases") n.cp2 = '}', column_spec = "ll";
    else if (env == "array") column_spec = ReadColumnSpec();
    else if (env == "aligned" || env == "align" || env == "align*") column_spec = "rlrlrlrl";
    else if (env == "gathered" || env == "gather" || env == "gather*") column_spec = "c";
    else if (env != "matrix" && env != "smallmatrix")
      Error(at, TexErrorKind::kUnknownEnvironment, env);
    MathNode row = Node(MathNodeKind::kRow, pos_);
    while (true) {
      MathNode cell = ParseRow(kStopCell);
      row.children.push_back(std::move(cell));
      if (AtEnd()) {
        Error(at, TexErrorKind::kSyntax, "missing \\end{" + env + "}");
        break;
      }
      if (Peek() == '&') {
        ++pos_;
        continue;
      }
      std::string_view name = PeekCommand();
      if (name == "\\" || name == "cr") {
        ReadCommand();
        SkipSpaces();
        if (Peek() == '[') {  // \\[4pt]: extra space, ignored
          while (!AtEnd() && Peek() != ']') ++pos_;
          if (!AtEnd()) ++pos_;
        }
        n.children.push_back(std::move(row));
        row = Node(MathNodeKind::kRow, pos_);
        continue;
      }
      if (name == "end") {
        ReadCommand();
        std::string closing = ReadBraced();
        if (closing != env) Error(at, TexErrorKind::kSyntax, "\\begin{" + env + "} ended by \\end{" + closing + "}");
        break;
      }
      break;  // a `}` or \right that belongs to an outer group
    }
    // A trailing `\\` leaves one empty cell: no row.
    bool empty_row = row.children.size() == 1 && row.children[0].children.empty();
    if (!empty_row || n.children.empty()) n.children.push_back(std::move(row));
    size_t columns = 0;
    for (const MathNode& r : n.children) columns = std::max(columns, r.children.size());
    for (size_t c = 0; c < columns; ++c) {
      char a = c < column_spec.size() ? column_spec[c] : 'c';
      n.align += (a == 'l' || a == 'r') ? a : 'c';
    }
    return n;
  }

  // {lcr|l}: the alignment letters of an array, other characters ignored.
  std::string ReadColumnSpec() {
    std::string spec = ReadBraced();
    std::string out;
    for (char c : spec)
      if (c == 'l' || c == 'c' || c == 'r') out += c;
    return out;
  }

  std::string_view s_;
  std::vector<TexError>* errors_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool depth_reported_ = false;
};

// [SECTION] Dump ---------------------------------------------------------------------------

const char* AtomName(MathAtom a) {
  switch (a) {
    case MathAtom::kOrd: return "ord";
    case MathAtom::kOp: return "op";
    case MathAtom::kBin: return "bin";
    case MathAtom::kRel: return "rel";
    case MathAtom::kOpen: return "open";
    case MathAtom::kClose: return "close";
    case MathAtom::kPunct: return "punct";
    case MathAtom::kInner: return "inner";
  }
  return "?";
}

const char* VariantName(MathVariant v) {
  switch (v) {
    case MathVariant::kDefault: return "normal";
    case MathVariant::kRoman: return "rm";
    case MathVariant::kItalic: return "it";
    case MathVariant::kBold: return "bf";
    case MathVariant::kBoldItalic: return "bold-italic";
    case MathVariant::kBlackboard: return "bb";
    case MathVariant::kCalligraphic: return "cal";
    case MathVariant::kSansSerif: return "sf";
    case MathVariant::kMonospace: return "tt";
    case MathVariant::kFraktur: return "frak";
  }
  return "?";
}

std::string Char(char32_t cp) {
  if (cp == 0) return ".";
  std::string out;
  if ((cp >= 0x300 && cp < 0x370) || (cp >= 0x20D0 && cp < 0x2100)) out += "◌";  // combining: on a dotted circle
  EncodeUtf8(cp, out);
  return out;
}

const char* LimitsName(MathLimits l) {
  switch (l) {
    case MathLimits::kNever: return "";
    case MathLimits::kDisplayOnly: return " limits-in-display";
    case MathLimits::kAlways: return " limits";
  }
  return "";
}

void Dump(const MathNode& n, int indent, const char* label, std::string& out) {
  out.append(static_cast<size_t>(indent) * 2, ' ');
  out += label;
  switch (n.kind) {
    case MathNodeKind::kRow: out += "row"; break;
    case MathNodeKind::kEmpty: out += "empty"; break;
    case MathNodeKind::kSymbol:
      out += std::string(AtomName(n.atom)) + " " + Char(n.cp) + LimitsName(n.limits);
      break;
    case MathNodeKind::kOperator:
      out += "operator \"" + n.text + "\"" + LimitsName(n.limits);
      break;
    case MathNodeKind::kText:
      out += "text \"" + n.text + "\"";
      if (n.variant != MathVariant::kDefault) out += std::string(" ") + VariantName(n.variant);
      break;
    case MathNodeKind::kFraction:
      out += n.rule ? "frac" : "binom";
      if (n.style == 0) out += " display";
      if (n.style == 1) out += " text";
      break;
    case MathNodeKind::kRoot: out += "sqrt"; break;
    case MathNodeKind::kScripts: out += "scripts"; break;
    case MathNodeKind::kDelimited: out += "left " + Char(n.cp) + " right " + Char(n.cp2); break;
    case MathNodeKind::kBigDelimiter:
      out += "big" + std::to_string(n.size) + " " + AtomName(n.atom) + " " + Char(n.cp);
      break;
    case MathNodeKind::kAccent: out += "accent " + Char(n.cp) + (n.stretchy ? " wide" : ""); break;
    case MathNodeKind::kOverline: out += "overline"; break;
    case MathNodeKind::kUnderline: out += "underline"; break;
    case MathNodeKind::kUnderOver: out += std::string("underover ") + AtomName(n.atom); break;
    case MathNodeKind::kFontVariant: out += std::string("font ") + VariantName(n.variant); break;
    case MathNodeKind::kStyle: {
      static const char* kStyles[] = {"display", "text", "script", "scriptscript"};
      out += std::string("style ") + kStyles[n.style < 0 || n.style > 3 ? 1 : n.style];
      break;
    }
    case MathNodeKind::kColor: out += "color " + n.text; break;
    case MathNodeKind::kMatrix:
      out += "matrix " + n.text + " " + n.align;
      if (n.cp || n.cp2) out += " " + Char(n.cp) + " " + Char(n.cp2);
      break;
    case MathNodeKind::kSpace: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "space %gmu", n.space_mu);
      out += buffer;
      break;
    }
    case MathNodeKind::kError: out += "error \"" + n.text + "\""; break;
  }
  out += '\n';
  for (size_t i = 0; i < n.children.size(); ++i) {
    const char* child_label = "";
    if (n.kind == MathNodeKind::kScripts || n.kind == MathNodeKind::kUnderOver) {
      static const char* kScriptLabels[] = {"base: ", "sub: ", "sup: "};
      static const char* kUnderOverLabels[] = {"base: ", "under: ", "over: "};
      child_label = (n.kind == MathNodeKind::kScripts ? kScriptLabels : kUnderOverLabels)[i % 3];
    } else if (n.kind == MathNodeKind::kFraction) {
      child_label = i == 0 ? "num: " : "den: ";
    } else if (n.kind == MathNodeKind::kRoot) {
      child_label = i == 0 ? "" : "index: ";
    }
    Dump(n.children[i], indent + 1, child_label, out);
  }
}

}  // namespace

ParsedTex ParseTex(std::string_view tex) {
  ParsedTex parsed;
  TexParser parser(tex, &parsed.errors);
  parsed.root = parser.ParseAll();
  return parsed;
}

std::string DumpMathNode(const MathNode& node) {
  std::string out;
  Dump(node, 0, "", out);
  return out;
}

}  // namespace podium
