// TOML 1.0: [tables] and [[arrays of tables]], keys before =, four kinds of strings, dates.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kToml{
    .name = "toml",
    .aliases = "ini cfg editorconfig gitconfig",
    .constants = "true false inf nan",
    .line_comments = "# ;",
    .strings = {{"\"\"\"", {}, '\\', true}, {"'''", {}, 0, true}, {"\""}, {"'", {}, 0}},
    .identifier_chars = "-",
    .operators = "=+-",
    .punctuation = "()[]{},.",
    .calls_are_functions = false,
    .key_separator = '=',
    .table_headers = true,
    .dates = true,
};

}  // namespace podium::highlight
