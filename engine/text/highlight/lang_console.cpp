// Console sessions: a line that starts with a prompt ("$ ", "% ", "# ", "> ", "user@host:~$ ")
// is a shell command, highlighted as bash from the prompt on (with its \ continuations);
// every other line is the command's output and stays plain.
#include "text/highlight/language.h"

namespace podium::highlight {
namespace {

// End of a prompt at the line's start, or `from` if the line has none. A prompt is an
// optional user@host:path (no spaces) and one of $ % # > followed by a space.
size_t PromptEnd(const Lexer& lexer, size_t from, size_t line_end) {
  const std::string_view t = lexer.text;
  size_t p = lexer.SkipBlanks(from, line_end);
  size_t q = p;
  while (q < line_end && q - p < 64 && t[q] != ' ' && t[q] != '$' && t[q] != '%' && t[q] != '#' &&
         t[q] != '>')
    ++q;
  if (q < line_end && (t[q] == '$' || t[q] == '%' || t[q] == '#' || t[q] == '>') &&
      (q + 1 == line_end || t[q + 1] == ' '))
    return q + 1;
  return from;
}

}  // namespace

void ScanConsole(Lexer& lexer, size_t end) {
  const Language* shell = FindLanguage("bash");
  while (lexer.pos < end) {
    size_t line_end = lexer.LineEnd(lexer.pos, end);
    size_t prompt = PromptEnd(lexer, lexer.pos, line_end);
    if (prompt == lexer.pos) {  // output
      lexer.pos = lexer.NextLine(lexer.pos, end);
      continue;
    }
    lexer.Emit(lexer.pos, prompt, TokenKind::kPunctuation);
    // The command and its continuation lines (ending with a backslash).
    size_t command_end = line_end;
    while (command_end < end && command_end > prompt && lexer.text[command_end - 1] == '\\')
      command_end = lexer.LineEnd(command_end + 1, end);
    lexer.pos = prompt;
    lexer.ScanCode(*shell, command_end);
    lexer.pos = lexer.NextLine(command_end, end);
  }
}

extern const LanguageDef kConsole{
    .name = "console",
    .aliases = "shell-session sh-session terminal shellsession",
    .scan = ScanConsole,
};

}  // namespace podium::highlight
