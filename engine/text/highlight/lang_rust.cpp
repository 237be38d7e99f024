// Rust: raw strings r#"…"#, byte strings, lifetimes 'a, attributes #[…], macros name!,
// nested block comments.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kRust{
    .name = "rust",
    .aliases = "rs",
    .keywords =
        "as async await break const continue crate dyn else enum extern fn for if impl in "
        "let loop match mod move mut pub ref return static struct super trait type unsafe "
        "use where while yield macro_rules union",
    .types =
        "i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String "
        "Vec Option Result Box Rc Arc RefCell Cell HashMap HashSet BTreeMap VecDeque Self",
    .builtins = "self Some None Ok Err Default Clone Copy Debug Send Sync Iterator Into From",
    .constants = "true false",
    .function_keywords = "fn",
    .type_keywords = "struct enum trait type union",
    .line_comments = "//",
    .block_comments = {{"/*", "*/", true}},
    .strings = {{"\"", {}, '\\', true}, {"'"}},
    .string_prefixes = "b",
    .raw_strings = RawStrings::kRust,
    .keywords_after_dot = true,
    .capitalized_types = true,
    .hash_attributes = true,
    .macro_bang = true,
    .lifetimes = true,
};

}  // namespace podium::highlight
