#include "parse/html_scan.h"

#include <string>

#include "parse/scan.h"

namespace podium::parse {
namespace {

bool IsLineBreakTag(std::string_view tag) {  // the text between '<' and '>'
  std::string name = ToLowerAscii(tag);
  while (!name.empty() && (name.back() == '/' || IsAsciiSpace(name.back()))) name.pop_back();
  return name == "br";
}

}  // namespace

std::vector<HtmlPart> SplitHtml(std::string_view html) {
  std::vector<HtmlPart> parts;
  auto text_until = [&](size_t from, size_t to) {
    if (to > from) parts.push_back({HtmlPartKind::kText, from, to, from, to});
  };
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      text_until(i, lt);
      size_t close = html.find("-->", lt + 4);
      size_t body_end = close == std::string_view::npos ? html.size() : close;
      size_t end = close == std::string_view::npos ? html.size() : close + 3;
      parts.push_back({HtmlPartKind::kComment, lt, end, lt + 4, body_end});
      i = end;
      continue;
    }
    size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) break;
    text_until(i, lt);
    HtmlPartKind kind = IsLineBreakTag(html.substr(lt + 1, gt - lt - 1)) ? HtmlPartKind::kLineBreak
                                                                         : HtmlPartKind::kTag;
    parts.push_back({kind, lt, gt + 1, lt, gt + 1});
    i = gt + 1;
  }
  text_until(i, html.size());
  return parts;
}

bool IsOnlyLineBreaks(std::string_view html) {
  bool any = false;
  for (const HtmlPart& p : SplitHtml(html)) {
    if (p.kind == HtmlPartKind::kLineBreak) {
      any = true;
    } else if (p.kind != HtmlPartKind::kText || !IsBlank(html.substr(p.begin, p.end - p.begin))) {
      return false;
    }
  }
  return any;
}

}  // namespace podium::parse
