// TypeScript: JavaScript's rules plus type annotations, interfaces, enums and modifiers.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kTypeScript{
    .name = "typescript",
    .aliases = "ts tsx mts cts",
    .keywords =
        "abstract as asserts async await break case catch class const continue debugger "
        "declare default delete do else enum export extends finally for from function get "
        "if implements import in infer instanceof interface is keyof let module namespace "
        "new of override private protected public readonly return satisfies set static "
        "super switch this throw try type typeof unique var void while with yield",
    .types = "string number boolean any unknown never object bigint symbol void",
    .builtins =
        "console window document globalThis Math JSON Object Array Promise String Number "
        "Boolean Symbol BigInt Map Set WeakMap Date RegExp Error Record Partial Required "
        "Readonly Pick Omit Exclude Extract ReturnType Parameters Awaited fetch require "
        "process setTimeout parseInt parseFloat",
    .constants = "true false null undefined NaN Infinity",
    .function_keywords = "function",
    .type_keywords = "class interface type enum extends implements new namespace",
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
