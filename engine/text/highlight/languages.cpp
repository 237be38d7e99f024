// The registry of languages and the public entry points of highlight.h.
//
// Every language is listed here once (see language.h for why the list is explicit).
#include <algorithm>
#include <string>

#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kC;
extern const LanguageDef kCpp;
extern const LanguageDef kPython;
extern const LanguageDef kJavaScript;
extern const LanguageDef kTypeScript;
extern const LanguageDef kGo;
extern const LanguageDef kRust;
extern const LanguageDef kJava;
extern const LanguageDef kKotlin;
extern const LanguageDef kSwift;
extern const LanguageDef kShell;
extern const LanguageDef kConsole;
extern const LanguageDef kSql;
extern const LanguageDef kJson;
extern const LanguageDef kYaml;
extern const LanguageDef kToml;
extern const LanguageDef kHtml;
extern const LanguageDef kCss;
extern const LanguageDef kMarkdown;
extern const LanguageDef kDockerfile;
extern const LanguageDef kDiff;

namespace {

const LanguageDef* const kLanguages[] = {
    &kC,    &kCpp,    &kPython, &kJavaScript, &kTypeScript, &kGo,         &kRust,
    &kJava, &kKotlin, &kSwift,  &kShell,      &kConsole,    &kSql,        &kJson,
    &kYaml, &kToml,   &kHtml,   &kCss,        &kMarkdown,   &kDockerfile, &kDiff,
};

// Calls f(word) for each space-separated word of `list`.
template <typename F>
void ForEachWord(std::string_view list, F f) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (j > i) f(list.substr(i, j - i));
    i = j;
  }
}

std::vector<std::string_view> SortedWords(std::string_view list) {
  std::vector<std::string_view> words;
  ForEachWord(list, [&](std::string_view w) { words.push_back(w); });
  std::sort(words.begin(), words.end());
  return words;
}

Language Compile(const LanguageDef* def) {
  Language l;
  l.def = def;
  // Earlier lists win when a word is in two: keywords, constants, types, builtins.
  auto add = [&](std::string_view list, TokenKind kind) {
    ForEachWord(list, [&](std::string_view w) {
      for (const auto& [word, k] : l.words)
        if (word == w) return;
      l.words.emplace_back(w, kind);
    });
  };
  add(def->keywords, TokenKind::kKeyword);
  add(def->constants, TokenKind::kConstant);
  add(def->types, TokenKind::kType);
  add(def->builtins, TokenKind::kBuiltin);
  std::sort(l.words.begin(), l.words.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  l.function_keywords = SortedWords(def->function_keywords);
  l.type_keywords = SortedWords(def->type_keywords);
  ForEachWord(def->line_comments, [&](std::string_view w) { l.line_comments.push_back(w); });
  auto mark = [&](std::string_view bytes, uint8_t bit) {
    for (char c : bytes) l.classes[static_cast<unsigned char>(c)] |= bit;
  };
  for (std::string_view opener : l.line_comments) mark(opener.substr(0, 1), kOpensComment);
  for (const BlockComment& c : def->block_comments) mark(c.open.substr(0, 1), kOpensComment);
  for (const StringSyntax& s : def->strings) mark(s.open.substr(0, 1), kOpensString);
  mark(def->operators, kOperatorChar);
  mark(def->punctuation, kPunctuationChar);
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    if (letter) l.classes[c] |= kIdentifierStart | kIdentifierChar;
    if (c >= '0' && c <= '9') l.classes[c] |= kIdentifierChar;
  }
  mark(def->identifier_start, kIdentifierStart | kIdentifierChar);
  mark(def->identifier_chars, kIdentifierChar);
  return l;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool Sorted(const std::vector<std::string_view>& words, std::string_view w) {
  return std::binary_search(words.begin(), words.end(), w);
}

}  // namespace

TokenKind Language::Lookup(std::string_view word) const {
  char buffer[48];
  if (def->case_insensitive) {
    if (word.size() > sizeof buffer) return TokenKind::kPlain;
    for (size_t i = 0; i < word.size(); ++i) buffer[i] = Lower(word[i]);
    word = std::string_view(buffer, word.size());
  }
  auto it = std::lower_bound(words.begin(), words.end(), word,
                             [](const auto& entry, std::string_view w) { return entry.first < w; });
  return it != words.end() && it->first == word ? it->second : TokenKind::kPlain;
}

bool Language::IsFunctionKeyword(std::string_view word) const {
  return Sorted(function_keywords, word);
}
bool Language::IsTypeKeyword(std::string_view word) const { return Sorted(type_keywords, word); }

const std::vector<Language>& AllLanguages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> all;
    for (const LanguageDef* def : kLanguages) all.push_back(Compile(def));
    return all;
  }();
  return languages;
}

const Language* FindLanguage(std::string_view name) {
  if (name.empty()) return nullptr;
  for (const Language& l : AllLanguages()) {
    if (EqualNoCase(l.def->name, name)) return &l;
    bool found = false;
    ForEachWord(l.def->aliases, [&](std::string_view alias) { found |= EqualNoCase(alias, name); });
    if (found) return &l;
  }
  return nullptr;
}

}  // namespace podium::highlight

namespace podium {

std::vector<Token> Highlight(std::string_view language, std::string_view code) {
  std::vector<Token> tokens;
  if (code.empty()) return tokens;
  constexpr size_t kMaxCode = 0xFFFFFFFFu;
  std::string_view scanned = code.substr(0, std::min(code.size(), kMaxCode));
  const highlight::Language* l = highlight::FindLanguage(language);
  if (!l) {
    tokens.push_back(Token{0, static_cast<uint32_t>(scanned.size()), TokenKind::kPlain});
    return tokens;
  }
  tokens.reserve(scanned.size() / 4 + 1);
  highlight::Lexer lexer(scanned, &tokens);
  lexer.Scan(*l, scanned.size());
  lexer.Finish();
  return tokens;
}

bool IsKnownLanguage(std::string_view language) {
  return highlight::FindLanguage(language) != nullptr;
}

bool IsPlainLanguage(std::string_view language) {
  for (std::string_view plain : {"", "text", "plain", "txt", "plaintext", "output", "nohighlight"})
    if (highlight::EqualNoCase(language, plain)) return true;
  return false;
}

std::string_view CanonicalLanguage(std::string_view language) {
  const highlight::Language* l = highlight::FindLanguage(language);
  return l ? l->def->name : std::string_view();
}

std::vector<std::string_view> KnownLanguages() {
  std::vector<std::string_view> names;
  for (const highlight::Language& l : highlight::AllLanguages()) names.push_back(l.def->name);
  return names;
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kPlain:
      return "plain";
    case TokenKind::kKeyword:
      return "keyword";
    case TokenKind::kType:
      return "type";
    case TokenKind::kBuiltin:
      return "builtin";
    case TokenKind::kConstant:
      return "constant";
    case TokenKind::kString:
      return "string";
    case TokenKind::kEscape:
      return "escape";
    case TokenKind::kRegex:
      return "regex";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kComment:
      return "comment";
    case TokenKind::kOperator:
      return "operator";
    case TokenKind::kPunctuation:
      return "punctuation";
    case TokenKind::kFunction:
      return "function";
    case TokenKind::kAttribute:
      return "attribute";
    case TokenKind::kTag:
      return "tag";
    case TokenKind::kProperty:
      return "property";
    case TokenKind::kVariable:
      return "variable";
    case TokenKind::kInserted:
      return "inserted";
    case TokenKind::kDeleted:
      return "deleted";
    case TokenKind::kHeading:
      return "heading";
    case TokenKind::kStrong:
      return "strong";
    case TokenKind::kEmphasis:
      return "emphasis";
    case TokenKind::kLink:
      return "link";
    case TokenKind::kCount:
      break;
  }
  return "?";
}

}  // namespace podium
