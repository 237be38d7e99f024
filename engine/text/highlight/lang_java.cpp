// Java 21: text blocks """…""", annotations, records and sealed types.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kJava{
    .name = "java",
    .aliases = "jsp",
    .keywords =
        "abstract assert break case catch class const continue default do else enum "
        "exports extends final finally for goto if implements import instanceof interface "
        "module native new non-sealed package permits private protected public record "
        "requires return sealed static strictfp super switch synchronized this throw throws "
        "transient try var volatile when while yield",
    .types =
        "boolean byte char double float int long short void String Object Integer Long "
        "Double Boolean Character List Map Set Optional",
    .builtins = "System Math Arrays Collections Objects",
    .constants = "true false null",
    .type_keywords = "class interface enum record extends implements new throws",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"\"\"\"", {}, '\\', true}, {"\""}, {"'"}},
    .capitalized_types = true,
    .at_attributes = true,
};

}  // namespace podium::highlight
