// Shell (bash, sh, zsh): $variables, "…$x…$(cmd)…" strings, heredocs, --options,
// NAME=value assignments, # comments only at a word's start. A block whose first line
// starts with "$ " is a session, not a script, and reads as one (see lang_console.cpp).
#include "text/highlight/language.h"

namespace podium::highlight {

void ScanShell(Lexer& lexer, size_t end) {
  size_t first = lexer.pos;
  while (first < end && (lexer.text[first] == ' ' || lexer.text[first] == '\t' ||
                         lexer.text[first] == '\n' || lexer.text[first] == '\r'))
    ++first;
  if (lexer.StartsWith(first, "$ ", end)) ScanConsole(lexer, end);
  else lexer.ScanCode(*FindLanguage("bash"), end);
}

extern const LanguageDef kShell{
    .name = "bash",
    .aliases = "sh shell zsh ksh shellscript",
    .keywords =
        "if then else elif fi case esac for select while until do done in function time "
        "coproc",
    .builtins =
        "alias bg bind break builtin cd command compgen complete continue declare dirs "
        "disown echo enable eval exec exit export fc fg getopts hash help history jobs kill "
        "let local logout mapfile popd printf pushd pwd read readarray readonly return set "
        "shift shopt source suspend test times trap type typeset ulimit umask unalias unset "
        "wait sudo",
    .constants = "true false",
    .function_keywords = "function",
    .line_comments = "#",
    .comment_at_word_start = true,
    .strings = {{"\"", {}, '\\', true, false, "$(", ')', Dollar::kShell},
                {"'", {}, 0, true},
                {"`", {}, '\\', true}},
    .identifier_chars = "-.",
    .operators = "=<>!&|",  // paths, globs and +%H:%M are words, not arithmetic
    .punctuation = "()[]{},;",
    .dollar_variables = true,
    .assignment_variables = true,
    .dash_options = true,
    .heredocs = true,
    .scan = ScanShell,
};

}  // namespace podium::highlight
