// Swift: interpolation \(…), multi-line """…""", raw strings #"…"#, attributes @State and
// compiler directives #if.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kSwift{
    .name = "swift",
    .keywords =
        "actor any as associatedtype async await break case catch class continue "
        "convenience default defer deinit didSet do dynamic else enum extension fallthrough "
        "fileprivate final for func get guard if import in indirect infix init inout "
        "internal is lazy let mutating nonisolated nonmutating open operator optional "
        "override postfix precedencegroup prefix private protocol public repeat required "
        "rethrows return set some static struct subscript super switch throw throws try "
        "typealias unowned var weak where while willSet",
    .types =
        "Int Int8 Int16 Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64 Double Float Bool String "
        "Character Array Dictionary Set Optional Result Void Never Any AnyObject Self Error",
    .builtins =
        "print debugPrint dump min max abs stride zip assert precondition fatalError self "
        "Task",
    .constants = "true false nil",
    .function_keywords = "func",
    .type_keywords = "class struct enum protocol extension actor typealias",
    .line_comments = "//",
    .block_comments = {{"/*", "*/", true}},
    .strings = {{"\"\"\"", {}, '\\', true, false, "\\(", ')'},
                {"\"", {}, '\\', false, false, "\\(", ')'}},
    .raw_strings = RawStrings::kSwift,
    .capitalized_types = true,
    .at_attributes = true,
    .preprocessor = true,
};

}  // namespace podium::highlight
