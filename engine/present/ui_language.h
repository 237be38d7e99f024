// UiLanguage: the language of what Podium itself says on screen — the presenter view, the
// help panel, the "go to slide" prompt — as opposed to the deck's own text.
//
//   UiLanguage l = ChooseUiLanguage(deck.meta.lang, "zh_CN.UTF-8");  // deck first, then system
#pragma once

#include <string_view>

namespace podium {

enum class UiLanguage { kEnglish, kChinese };

// The deck's `lang` when it is one the UI speaks ("zh", "zh-CN", "zh_Hant", "en-GB" …), else
// the system or browser language ("zh_CN.UTF-8" from $LANG, navigator.language), else
// English. Defined in presenter_view.cpp.
UiLanguage ChooseUiLanguage(std::string_view deck_lang, std::string_view system_lang);

}  // namespace podium
