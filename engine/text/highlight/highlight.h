// Syntax highlighting: the source of a code block → byte ranges, each with a token kind.
//
//   std::vector<Token> tokens = Highlight("python", block.text);
//   for (const Token& t : tokens)
//     draw(block.text.substr(t.begin, t.end - t.begin), palette[t.kind]);
//   if (!IsKnownLanguage(lang) && !IsPlainLanguage(lang)) warn("unknown language");
//
// The tokens partition the code: they are in order, contiguous, cover every byte from 0 to
// code.size(), and two neighbours never have the same kind. A token may span lines (a block
// comment, a triple-quoted string, a template literal); a token never ends inside a UTF-8
// sequence the input encodes validly. Whitespace between tokens is kPlain.
//
// Highlight never fails: any bytes (unterminated strings, binary, invalid UTF-8) give tokens,
// in time linear in the size of the code, with no allocation per character. An unknown or
// plain language gives one kPlain token. Functions are pure and thread-safe; the code is
// borrowed for the call only.
//
// Languages are tables, one per file: engine/text/highlight/lang_*.cpp (see language.h for
// how to add one). Names and aliases ("py", "c++", "yml", …) match ASCII case-insensitively.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace podium {

enum class TokenKind : uint8_t {
  kPlain,        // identifiers, whitespace, anything not classified
  kKeyword,      // if, def, fn, SELECT, FROM (Dockerfile instruction)
  kType,         // int, String, a class name after `class`
  kBuiltin,      // print, len, self, echo
  kConstant,     // true, false, null, None, nil
  kString,       // "…", '…', `…`, heredocs, YAML block scalars
  kEscape,       // \n inside a string, {{ in an f-string, &amp; in HTML
  kRegex,        // /ab+c/g in JavaScript
  kNumber,       // 42, 0x2a, 1.5e-3, 10px, #fff in CSS values
  kComment,      // // …, /* … */, # …, <!-- … -->
  kOperator,     // + - * / = < > ! & | ^ ~ ? : and their runs (==, ->, &&)
  kPunctuation,  // ( ) [ ] { } , ; . and string-interpolation delimiters ${ }
  kFunction,     // a name followed by `(`, or after def/fn/func/function; Rust's println!
  kAttribute,    // @decorator, #[derive], #include, HTML attribute names, --flags
  kTag,          // HTML/XML tag names, CSS element selectors, YAML !tags
  kProperty,     // JSON/YAML/TOML keys, CSS properties
  kVariable,     // $HOME, ${x}, YAML &anchors and *aliases, Rust 'lifetimes
  kInserted,     // diff: + lines
  kDeleted,      // diff: - lines
  kHeading,      // Markdown headings, diff @@ hunks and file lines, TOML [tables]
  kStrong,       // Markdown **bold**
  kEmphasis,     // Markdown *italic*
  kLink,         // Markdown [text](url): the text (the url is a string), <https://…>
  kCount
};

inline constexpr int kTokenKindCount = static_cast<int>(TokenKind::kCount);

// A byte range [begin, end) of the code.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPlain;
  friend bool operator==(const Token&, const Token&) = default;
};

// Tokens of `code` in `language` (as written after the fence). Code longer than 4 GiB is
// cut to one plain token past 4 GiB (offsets are 32-bit).
std::vector<Token> Highlight(std::string_view language, std::string_view code);

// A language Highlight() colours, under its name or an alias.
bool IsKnownLanguage(std::string_view language);

// Languages that mean "no highlighting" and deserve no warning: "", text, plain, txt,
// plaintext, output, nohighlight.
bool IsPlainLanguage(std::string_view language);

// The canonical name of a known language ("py" → "python"), or "" when unknown.
std::string_view CanonicalLanguage(std::string_view language);

// Every canonical language name, in registry order (for tests and `deckc`).
std::vector<std::string_view> KnownLanguages();

// "keyword", "string", … — stable names for dumps and tests.
std::string_view TokenKindName(TokenKind kind);

}  // namespace podium
