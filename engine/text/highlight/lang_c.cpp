// C: keywords of C23, the standard types and a few library functions everyone knows.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kC{
    .name = "c",
    .aliases = "h",
    .keywords =
        "auto break case const continue default do else enum extern for goto if inline "
        "register restrict return sizeof static struct switch typedef union volatile while "
        "_Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn "
        "_Static_assert _Thread_local alignas alignof static_assert thread_local typeof",
    .types =
        "char double float int long short signed unsigned void bool size_t ssize_t ptrdiff_t "
        "intptr_t uintptr_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t "
        "wchar_t FILE va_list off_t time_t",
    .builtins =
        "printf fprintf sprintf snprintf puts putchar scanf malloc calloc realloc free "
        "memcpy memmove memset memcmp strlen strcmp strncmp strcpy strncpy strcat strchr "
        "fopen fclose fread fwrite fgets fputs exit abort assert",
    .constants = "NULL true false nullptr EOF stdin stdout stderr EXIT_SUCCESS EXIT_FAILURE",
    .type_keywords = "struct enum union",
    .line_comments = "//",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"\""}, {"'"}},
    .string_prefixes = "LuU8",
    .preprocessor = true,
};

}  // namespace podium::highlight
