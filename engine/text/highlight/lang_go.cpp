// Go: raw strings in backquotes, runes, predeclared types and functions. Capitalised
// names are exported identifiers in Go, not types, so they stay plain.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kGo{
    .name = "go",
    .aliases = "golang",
    .keywords =
        "break case chan const continue default defer else fallthrough for func go goto "
        "if import interface map package range return select struct switch type var",
    .types =
        "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 "
        "rune string uint uint8 uint16 uint32 uint64 uintptr any comparable",
    .builtins =
        "append cap clear close complex copy delete imag len make max min new panic print "
        "println real recover",
    .constants = "true false iota nil",
    .function_keywords = "func",
    .type_keywords = "type",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"`", {}, 0, true}, {"\""}, {"'"}},
};

}  // namespace podium::highlight
