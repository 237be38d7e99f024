// C++: C's tables plus C++23 keywords, raw strings R"x(…)x" and the std names that show up
// on slides.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kCpp{
    .name = "cpp",
    .aliases = "c++ cc cxx hpp hh hxx h++ ino cu cuda",
    .keywords =
        "alignas alignof and and_eq asm auto bitand bitor break case catch class co_await "
        "co_return co_yield compl concept const consteval constexpr constinit const_cast "
        "continue decltype default delete do dynamic_cast else enum explicit export extern "
        "final for friend goto if import inline module mutable namespace new noexcept not "
        "not_eq operator or or_eq override private protected public register "
        "reinterpret_cast requires return sizeof static static_assert static_cast struct "
        "switch template this thread_local throw try typedef typeid typename union using "
        "virtual volatile while xor xor_eq",
    .types =
        "bool char char8_t char16_t char32_t double float int long short signed unsigned void "
        "wchar_t size_t ptrdiff_t intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t "
        "uint16_t uint32_t uint64_t string string_view wstring vector array map unordered_map "
        "set unordered_set deque list pair tuple optional variant any span function "
        "unique_ptr shared_ptr weak_ptr thread mutex atomic",
    .builtins =
        "std cout cin cerr clog endl printf malloc free memcpy memset strlen move forward "
        "make_unique make_shared swap assert",
    .constants = "true false nullptr NULL",
    .type_keywords = "class struct enum union concept typename namespace",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"\""}, {"'"}},
    .string_prefixes = "LuU8",
    .raw_strings = RawStrings::kCpp,
    .capitalized_types = true,
    .capitalized_calls = true,
    .preprocessor = true,
};

}  // namespace podium::highlight
