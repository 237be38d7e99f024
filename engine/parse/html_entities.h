// HTML character references as md4c reports them (MD_TEXT_ENTITY): `&amp;`, `&#169;`,
// `&#x1F600;`. md4c has no table of names; this one knows the names that turn up in
// slides (punctuation, arrows, maths, currency). An unknown name is kept as written.
#pragma once

#include <string>
#include <string_view>

namespace podium::parse {

// The UTF-8 text of `entity` (including '&' and ';').
std::string DecodeEntity(std::string_view entity);

}  // namespace podium::parse
