// Internal to the highlighter: how a language is described, and the lexer that reads the
// descriptions. Not part of the engine's API (see highlight.h).
//
// A language is one LanguageDef in its own file, lang_<name>.cpp, listed once in
// languages.cpp. Most languages are pure data: word lists, comment and string delimiters,
// and flags for the few rules that matter ("a name followed by ( is a function", "@name is
// a decorator"). The generic scanner, Lexer::ScanCode, reads them. A language whose shape
// is not C-like (Markdown, HTML, CSS, YAML, diff, Dockerfile, console sessions) sets `scan`
// to a function of its own that walks the text line by line with the same Lexer
// primitives, and may hand parts to another language (HTML's <script>, Markdown's fences).
//
// Adding a language: copy the closest lang_*.cpp, edit its tables, add it to kLanguages in
// languages.cpp, and write tests/text/highlight/<name>.md. The list is explicit because
// the engine is a static library: a self-registering object that nothing references is
// dropped by the linker, and its language would silently disappear.
//
// Lifetimes: LanguageDef and Language are static data that live for the whole program; a
// Lexer borrows the code and the output vector for one Highlight() call.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "text/highlight/highlight.h"

namespace podium::highlight {

class Lexer;

// Which $… inside a string are variables.
enum class Dollar : uint8_t {
  kNone,
  kNames,  // $name and ${name} (Kotlin templates)
  kShell,  // those and $1 $@ $? $# $$ $! $* (shell)
};

// A string literal. Strings are tried in the order listed, so "\"\"\"" comes before "\"".
struct StringSyntax {
  std::string_view open;            // empty: no string (unused slot)
  std::string_view close = {};      // empty: the same as open
  char escape = '\\';               // 0: the string has no escapes
  bool multiline = false;           // may span lines; otherwise ends, unclosed, at the line's end
  bool doubled_close = false;       // the close written twice stands for itself (SQL 'it''s')
  std::string_view code_open = {};  // opens code inside the string: "${", "{", "\\(", "$("
  char code_close = '}';            // closes it (the language's brackets nest inside)
  Dollar dollar = Dollar::kNone;    // $name … inside are variables (shell, Kotlin)
  TokenKind kind = TokenKind::kString;
};

struct BlockComment {
  std::string_view open;  // empty: unused slot
  std::string_view close;
  bool nests = false;  // /* /* */ */ is one comment (Rust, Swift, Kotlin)
};

enum class RawStrings : uint8_t {
  kNone,
  kCpp,    // R"delim( … )delim", also u8R, LR, uR, UR
  kRust,   // r"…", r#"…"#, br##"…"##
  kSwift,  // #"…"#, ##"…"##
};

struct LanguageDef {
  std::string_view name;     // canonical, lower case: "python"
  std::string_view aliases;  // space-separated, lower case: "py python3"

  // Word lists, space-separated. With case_insensitive they are written in lower case and
  // matched in any case (SQL, Dockerfile).
  std::string_view keywords;
  std::string_view types;
  std::string_view builtins;
  std::string_view constants;
  bool case_insensitive = false;
  std::string_view function_keywords;  // the name right after one is a function: "def"
  std::string_view type_keywords;      // the name right after one is a type: "class"

  std::string_view line_comments;      // space-separated openers: "//", "# --"
  bool comment_at_word_start = false;  // an opener counts only after a space (shell's #)
  BlockComment block_comments[2] = {};

  StringSyntax strings[5] = {};
  std::string_view string_prefixes;  // letters that may lead a string and belong to it: "rbuf"
  std::string_view raw_prefixes;     // of those, the ones that turn escapes off: "rR"
  std::string_view format_prefixes;  // of those, the ones that turn code_open on: "fF"
                                     // (empty: code_open is always on)
  RawStrings raw_strings = RawStrings::kNone;

  std::string_view identifier_start = "";  // besides A-Z a-z _ and bytes >= 0x80: "$"
  std::string_view identifier_chars = "";  // besides those and 0-9: "$", "-"
  std::string_view operators = "+-*/%=<>!&|^~?:";
  std::string_view punctuation = "()[]{},;.";

  bool keywords_after_dot = false;    // x.await is a keyword (Rust); elsewhere obj.get is a name
  bool calls_are_functions = true;    // name( → function
  bool capitalized_types = false;     // Name (upper case, then a lower-case letter) → type,
                                      // also before ( (a constructor call), unless…
  bool capitalized_calls = false;     // …Name( is a function call (C++ in Google style)
  bool at_attributes = false;         // @name, @a.b → attribute (decorators, annotations)
  bool hash_attributes = false;       // #[…], #![…] → attribute (Rust)
  bool preprocessor = false;          // #word at a line's start → attribute (C, C++, Swift)
  bool dollar_variables = false;      // $name ${…} $1 $@ → variable (shell, SCSS)
  bool regex_literals = false;        // /…/flags where a value may start (JavaScript)
  bool macro_bang = false;            // name! → function (Rust macros)
  bool lifetimes = false;             // 'a → variable (Rust)
  char key_separator = 0;             // "key": (JSON) or key = (TOML) → property
  bool assignment_variables = false;  // NAME=value → NAME is a variable (shell)
  bool dash_options = false;          // -x, --flag at a word's start → attribute (shell)
  bool heredocs = false;              // <<EOF … EOF → string (shell)
  bool table_headers = false;         // [table] alone on a line → heading (TOML, INI)
  bool dates = false;                 // 1979-05-27T07:32:00Z is one number (TOML)

  // A scanner of its own for [lexer.pos, end), or nullptr for the generic one.
  void (*scan)(Lexer& lexer, size_t end) = nullptr;
};

// Bits of Language::classes: a byte's roles, so the scanner skips the rules that cannot
// apply to it.
enum CharClass : uint8_t {
  kOpensComment = 1 << 0,  // first byte of a comment opener
  kOpensString = 1 << 1,   // first byte of a string opener
  kOperatorChar = 1 << 2,
  kPunctuationChar = 1 << 3,
  kIdentifierStart = 1 << 4,
  kIdentifierChar = 1 << 5,
};

// A LanguageDef with its word lists split and sorted for lookup (built once, on first use).
struct Language {
  const LanguageDef* def = nullptr;
  std::vector<std::pair<std::string_view, TokenKind>> words;  // sorted by word
  std::vector<std::string_view> function_keywords;            // sorted
  std::vector<std::string_view> type_keywords;                // sorted
  std::vector<std::string_view> line_comments;                // as listed
  // What each byte may start or continue, from the tables above (see CharClass).
  uint8_t classes[256] = {};

  // The kind a word list gives `word` (kPlain if none), honouring case_insensitive.
  TokenKind Lookup(std::string_view word) const;
  bool IsFunctionKeyword(std::string_view word) const;
  bool IsTypeKeyword(std::string_view word) const;
};

// The compiled language for a name or alias (ASCII case-insensitive), or nullptr.
const Language* FindLanguage(std::string_view name);
// Every language, in registry order.
const std::vector<Language>& AllLanguages();

// Walks the code once, appending tokens. Scanners consume from `pos` and call Emit() for
// everything that is not plain; the gaps between become plain tokens.
class Lexer {
 public:
  // Embedded code (interpolations, <script>, Markdown fences) nests at most this deep;
  // deeper, it stays part of the enclosing token. Bounds recursion on hostile input.
  static constexpr int kMaxDepth = 8;

  Lexer(std::string_view text, std::vector<Token>* out) : text(text), out_(out) {}

  const std::string_view text;
  size_t pos = 0;
  int depth = 0;

  // Appends [begin, end) as `kind`; what lies between the last token and `begin` becomes
  // plain. Ranges before the last token's end are cut (scanners never go backwards).
  void Emit(size_t begin, size_t end, TokenKind kind);
  // Plain up to the end of the text.
  void Finish();
  // Gives the tokens of `old_kind` that begin at or after `from` the kind `new_kind` (a
  // string that turned out to be a key).
  void Relabel(size_t from, TokenKind old_kind, TokenKind new_kind);

  // Scans [pos, end) as `language` (its own scanner, or the generic one).
  void Scan(const Language& language, size_t end);

  // The generic scanner. With stop != 0 it returns at an unbalanced `stop` (the `}` that
  // closes a "${…}" interpolation), leaving pos on it.
  void ScanCode(const Language& language, size_t end, char stop = 0);

  // [SECTION] Primitives for scanners of their own. Each starts at pos.

  // End of the line that contains `from` (the '\n' or `end`).
  size_t LineEnd(size_t from, size_t end) const;
  // Start of the next line after `from` (past the '\n'), or `end`.
  size_t NextLine(size_t from, size_t end) const;
  // Only spaces and tabs between the line's start and `at`.
  bool AtLineStart(size_t at) const;
  // First position >= from that is not a space or tab (stops at end).
  size_t SkipBlanks(size_t from, size_t end) const;
  bool StartsWith(size_t at, std::string_view s, size_t end) const;
  bool StartsWithNoCase(size_t at, std::string_view s, size_t end) const;
  // End of an identifier of `language` starting at `from` (from itself if none starts).
  size_t IdentifierEnd(const Language& language, size_t from, size_t end) const;
  bool IsIdentifierStart(const Language& language, unsigned char c) const;
  // Scans a string of `syntax` whose token starts at `start` (a prefix) and whose opening
  // delimiter is at `open`; emits it, its escapes and interpolations. Leaves pos after it.
  void ScanString(const Language& language, const StringSyntax& syntax, size_t start, size_t open,
                  bool raw, bool format, size_t end);
  // If a number starts at pos, emits it, advances and returns true.
  bool ScanNumber(const Language& language, size_t end);
  // A block comment from pos: emits up to and with its close (or to end).
  void ScanBlockComment(const BlockComment& comment, size_t end);
  // An escape sequence at `at` (a backslash): its end, never inside a UTF-8 sequence.
  size_t EscapeEnd(size_t at, size_t end) const;
  // End of the UTF-8 sequence that starts at `at` (at + 1 for ASCII or a stray byte).
  size_t CharEnd(size_t at, size_t end) const;

 private:
  void Push(size_t begin, size_t end, TokenKind kind);
  bool ScanWord(const Language& language, size_t end);
  bool ScanRustRaw(size_t start, size_t after_prefix, size_t end);
  bool ScanCppRaw(size_t start, size_t quote, size_t end);
  bool ScanSwiftRaw(size_t end);
  bool ScanRegex(size_t end);
  void ScanDollar(size_t end);
  void ScanHeredocBody(size_t end);

  std::vector<Token>* out_;
  size_t emitted_ = 0;  // end of the last token

  // State of the generic scanner between tokens (saved around nested scans).
  struct CodeState {
    TokenKind prev_kind = TokenKind::kPlain;  // last token that was not whitespace
    char prev_char = 0;                       // its last byte
    std::string_view prev_word;               // the last word, if the last token was one
    bool prev_is_word = false;
  };
  CodeState state_;
  size_t regex_fail_until_ = 0;    // a regex cannot close before here (see ScanRegex)
  std::string_view heredoc_word_;  // a heredoc opened on this line, its body starts next line
  bool heredoc_tabs_ = false;      // <<- strips leading tabs from the terminator line
};

// Custom scanners, one per file that needs one.
void ScanMarkdown(Lexer& lexer, size_t end);
void ScanHtml(Lexer& lexer, size_t end);
void ScanCss(Lexer& lexer, size_t end);
void ScanYaml(Lexer& lexer, size_t end);
void ScanDiff(Lexer& lexer, size_t end);
void ScanDockerfile(Lexer& lexer, size_t end);
void ScanConsole(Lexer& lexer, size_t end);
void ScanShell(Lexer& lexer, size_t end);

}  // namespace podium::highlight
