// Python 3.12: triple-quoted strings, prefixes (r, b, u, f and their pairs), f-string
// interpolation {…} with {{ as an escape, decorators, def/class names.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kPython{
    .name = "python",
    .aliases = "py python3 py3 gyp bzl starlark",
    .keywords =
        "and as assert async await break class continue def del elif else except finally "
        "for from global if import in is lambda nonlocal not or pass raise return try "
        "while with yield match case",
    .types =
        "int float complex str bytes bytearray bool list dict set frozenset tuple object type "
        "range memoryview Exception BaseException ValueError TypeError KeyError IndexError "
        "AttributeError RuntimeError StopIteration OSError NotImplementedError",
    .builtins =
        "print len abs all any ascii bin callable chr classmethod compile delattr dir "
        "divmod enumerate eval exec filter format getattr globals hasattr hash help hex id "
        "input isinstance issubclass iter locals map max min next oct open ord pow property "
        "repr reversed round setattr slice sorted staticmethod sum super vars zip "
        "__import__ __name__ __init__ self cls",
    .constants = "True False None NotImplemented Ellipsis __debug__",
    .function_keywords = "def",
    .type_keywords = "class",
    .line_comments = "#",
    .strings = {{"\"\"\"", {}, '\\', true, false, "{"},
                {"'''", {}, '\\', true, false, "{"},
                {"\"", {}, '\\', false, false, "{"},
                {"'", {}, '\\', false, false, "{"}},
    .string_prefixes = "rRbBuUfF",
    .raw_prefixes = "rR",
    .format_prefixes = "fF",
    .capitalized_types = true,
    .at_attributes = true,
};

}  // namespace podium::highlight
