// SQL (ANSI with the common PostgreSQL, MySQL and SQLite words): keywords in any case,
// 'it''s' strings, "quoted" and `quoted` identifiers, $1 parameters.
#include "text/highlight/language.h"

namespace podium::highlight {

extern const LanguageDef kSql{
    .name = "sql",
    .aliases = "mysql postgres postgresql psql pgsql sqlite plsql tsql",
    .keywords =
        "add all alter analyze and any as asc begin between by cascade case check column "
        "commit conflict constraint create cross current database default delete desc "
        "distinct do drop else end escape except exists explain fetch filter first for "
        "foreign from full function grant group having if ilike in index inner insert "
        "intersect into is join key last lateral left like limit materialized natural not "
        "nothing of offset on or order outer over partition primary procedure recursive "
        "references rename replace returning revoke right rollback row rows schema select "
        "set table temporary then to transaction trigger truncate union unique update "
        "using values view when where window with",
    .types =
        "bigint binary bit blob boolean bool char character date datetime decimal double "
        "float int integer interval json jsonb money numeric real serial bigserial smallint "
        "text time timestamp timestamptz tinyint uuid varchar varying",
    .builtins =
        "avg count min max sum coalesce nullif cast extract now current_date "
        "current_timestamp lower upper length substring trim round abs row_number rank "
        "dense_rank lag lead array_agg string_agg",
    .constants = "true false null unknown",
    .case_insensitive = true,
    .line_comments = "--",
    .block_comments = {{"/*", "*/"}},
    .strings = {{"'", {}, 0, true, true},
                {"\"", {}, 0, false, true, {}, '}', Dollar::kNone, TokenKind::kVariable},
                {"`", {}, 0, false, true, {}, '}', Dollar::kNone, TokenKind::kVariable}},
    .string_prefixes = "eEnNxXbB",
    .dollar_variables = true,
};

}  // namespace podium::highlight
