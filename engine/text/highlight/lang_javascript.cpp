// JavaScript (ES2023): template literals with ${…}, regex literals, decorators.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kJavaScript{
    .name = "javascript",
    .aliases = "js mjs cjs jsx node",
    .keywords =
        "async await break case catch class const continue debugger default delete do "
        "else export extends finally for from function get if import in instanceof let new "
        "of return set static super switch this throw try typeof var void while with yield",
    .builtins =
        "console window document globalThis Math JSON Object Array Promise String Number "
        "Boolean Symbol BigInt Map Set WeakMap WeakSet Date RegExp Error TypeError Reflect "
        "Proxy Intl fetch require module exports process setTimeout setInterval "
        "clearTimeout parseInt parseFloat arguments",
    .constants = "true false null undefined NaN Infinity",
    .function_keywords = "function",
    .type_keywords = "class extends new",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"`", {}, '\\', true, false, "${"}, {"\""}, {"'"}},
    .identifier_start = "$",
    .identifier_chars = "$",
    .capitalized_types = true,
    .at_attributes = true,
    .regex_literals = true,
};

}  // namespace podium::highlight
