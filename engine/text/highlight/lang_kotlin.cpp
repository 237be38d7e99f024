// Kotlin: string templates ($name and ${…}) in "…" and """…""", annotations, nested
// comments.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kKotlin{
    .name = "kotlin",
    .aliases = "kt kts",
    .keywords =
        "abstract actual annotation as break by catch class companion const constructor "
        "continue crossinline data do dynamic else enum expect external final finally for "
        "fun get if import in infix init inline inner interface internal is lateinit "
        "noinline object open operator out override package private protected public "
        "reified return sealed set super suspend tailrec this throw try typealias typeof "
        "val value var vararg when where while",
    .types =
        "Int Long Short Byte Double Float Boolean Char String Unit Any Nothing Array List "
        "MutableList Map MutableMap Set Sequence Pair",
    .builtins =
        "println print listOf mutableListOf mapOf mutableMapOf setOf arrayOf emptyList "
        "require check error lazy also apply let run with repeat TODO it",
    .constants = "true false null",
    .function_keywords = "fun",
    .type_keywords = "class interface object typealias",
    .line_comments = "//",
    .block_comments = {{"/*", "*/", true}},
    .strings = {{"\"\"\"", {}, 0, true, false, "${", '}', Dollar::kNames},
                {"\"", {}, '\\', false, false, "${", '}', Dollar::kNames},
                {"'"}},
    .capitalized_types = true,
    .at_attributes = true,
};

}  // namespace podium::highlight
