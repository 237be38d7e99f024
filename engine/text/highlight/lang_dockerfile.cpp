// Dockerfile: an instruction (FROM, RUN, …, any case) starts each logical line; lines that
// end with a backslash continue it. What follows RUN, CMD, ENTRYPOINT and the rest is
// highlighted as shell ($VARS, "strings", --options, NAME=value); FROM's AS is a keyword.
// Comments are whole lines starting with #.
#include "text/highlight/language.h"

namespace podium::highlight {

void ScanDockerfile(Lexer& lx, size_t end) {
  const Language& docker = *FindLanguage("dockerfile");
  const Language& shell = *FindLanguage("bash");
  const std::string_view t = lx.text;
  while (lx.pos < end) {
    size_t line_end = lx.LineEnd(lx.pos, end);
    size_t p = lx.SkipBlanks(lx.pos, line_end);
    if (p < line_end && t[p] == '#') {
      lx.Emit(p, line_end, TokenKind::kComment);
      lx.pos = lx.NextLine(lx.pos, end);
      continue;
    }
    size_t word_end = p;
    while (word_end < line_end && ((t[word_end] | 0x20) >= 'a' && (t[word_end] | 0x20) <= 'z'))
      ++word_end;
    std::string_view word = t.substr(p, word_end - p);
    bool instruction = word_end > p && docker.Lookup(word) == TokenKind::kKeyword;
    if (instruction) lx.Emit(p, word_end, TokenKind::kKeyword);
    // The logical line: continuation lines end with a backslash (spaces after it allowed).
    size_t logical_end = line_end;
    for (;;) {
      size_t e = logical_end;
      while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) --e;
      if (e == p || t[e - 1] != '\\' || logical_end >= end) break;
      logical_end = lx.LineEnd(logical_end + 1, end);
    }
    lx.pos = instruction ? word_end : p;
    if (instruction && lx.StartsWithNoCase(p, "from", word_end)) {
      // FROM [--platform=…] image[:tag] [AS name]
      while (lx.pos < logical_end) {
        size_t s = lx.SkipBlanks(lx.pos, logical_end);
        size_t e = s;
        while (e < logical_end && t[e] != ' ' && t[e] != '\t' && t[e] != '\n') ++e;
        if (e == s) {
          lx.pos = e + 1;
          continue;
        }
        std::string_view w = t.substr(s, e - s);
        if (w.size() == 2 && lx.StartsWithNoCase(s, "as", e))
          lx.Emit(s, e, TokenKind::kKeyword);
        else if (w.starts_with("--"))
          lx.Emit(s, e, TokenKind::kAttribute);
        lx.pos = e;
      }
    } else {
      lx.ScanCode(shell, logical_end);
    }
    lx.pos = lx.NextLine(logical_end, end);
  }
}

extern const LanguageDef kDockerfile{
    .name = "dockerfile",
    .aliases = "docker containerfile",
    .keywords =
        "from run cmd label maintainer expose env add copy entrypoint volume user workdir "
        "arg onbuild stopsignal healthcheck shell",
    .case_insensitive = true,
    .scan = ScanDockerfile,
};

}  // namespace podium::highlight
