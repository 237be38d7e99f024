// JSON (and JSONC, JSON5's comments): keys are the strings before a colon.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kJson{
    .name = "json",
    .aliases = "jsonc json5 jsonl geojson webmanifest",
    .constants = "true false null NaN Infinity",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"\""}, {"'"}},
    .operators = "+-",
    .punctuation = "()[]{},:",
    .calls_are_functions = false,
    .key_separator = ':',
};

}  // namespace podium::highlight
