// LayoutSequence: measure, space the lifelines, walk the rows, fit, draw.
//
// [SECTION] Measuring
// [SECTION] Lifelines: spacing from what must fit between them
// [SECTION] Rows: messages, notes, activations, frames
// [SECTION] Drawing
#include "diagram/sequence_layout.h"

#include <algorithm>
#include <cmath>

#include "diagram/diagram_draw.h"
#include "layout/inline_layout.h"

namespace podium {
namespace {

using P = LayoutPoint;
using namespace diagram;

struct Size {
  float w = 0, h = 0;
};

struct Message {
  size_t event = 0;
  float y = 0;           // the arrow's row
  float x0 = 0, x1 = 0;  // from, to (after activation offsets)
  float label_y = 0;     // centre of the text
};

struct Note {
  size_t event = 0;
  Rect box;
};

struct Activation {
  int participant = 0;
  int depth = 0;
  float y0 = 0, y1 = 0;
};

struct Frame {
  size_t event = 0;
  float y0 = 0, y1 = 0;
  float x0 = 1e30f, x1 = -1e30f;  // widened by what happens inside
  int depth = 0;
  std::vector<std::pair<size_t, float>> dividers;  // else/and/option events and their rows
};

}  // namespace

SequenceResult LayoutSequence(const SequenceDiagram& d, const FontSet& fonts, const Theme& theme,
                              const FlowchartSizing& sizing) {
  SequenceResult result;
  size_t np = d.participants.size();
  if (np == 0) return result;
  const float fs = std::max(1.0f, sizing.font_size);
  Palette palette = MakePalette(theme);
  TextStyle actor_style;
  actor_style.size = fs;
  TextStyle message_style = actor_style;
  message_style.size = fs * 0.82f;
  TextStyle note_style = message_style;
  TextStyle tag_style = message_style;
  tag_style.font = FontRole::kSansBold;
  const float wrap = fs * 12, note_wrap = fs * 9;
  const float stroke = std::max(1.5f, fs * 0.065f);
  const float arrow_len = fs * 0.42f, arrow_half = fs * 0.19f;
  const float activation_w = fs * 0.45f;
  const float self_loop_w = fs * 1.1f, self_loop_h = fs * 0.8f;
  const float row_gap = fs * 0.75f;

  // [SECTION] Measuring
  auto measure = [&](const std::string& text, const TextStyle& style, float max_width) {
    if (text.empty()) return Size{};
    auto flow = MakeText(fonts, text, style, max_width);
    for (char32_t cp : flow->MissingCharacters())
      if (std::find(result.missing.begin(), result.missing.end(), cp) == result.missing.end())
        result.missing.push_back(cp);
    return Size{flow->width(), flow->height()};
  };
  std::vector<Size> label(np), box(np);
  float box_h = 0;
  for (size_t i = 0; i < np; ++i) {
    label[i] = measure(d.participants[i].label, actor_style, wrap);
    box[i] = {std::max(label[i].w + fs * 1.6f, fs * 3.2f),
              std::max(label[i].h, fs * kLineHeight) + fs * 1.0f};
    if (d.participants[i].actor) box[i].h += fs * 1.9f;  // the figure above its name
    box_h = std::max(box_h, box[i].h);
  }
  std::vector<Size> text(d.events.size());
  for (size_t e = 0; e < d.events.size(); ++e) {
    const SequenceEvent& ev = d.events[e];
    switch (ev.kind) {
      case SequenceEventKind::kMessage:
        text[e] = measure(ev.text, message_style, wrap);
        break;
      case SequenceEventKind::kNote:
        text[e] = measure(ev.text, note_style, note_wrap);
        break;
      case SequenceEventKind::kBlockStart:
      case SequenceEventKind::kBlockElse:
        if (ev.block != "rect")
          text[e] =
              measure(ev.text.empty() ? std::string() : "[" + ev.text + "]", message_style, wrap);
        break;
      default:
        break;
    }
  }

  // [SECTION] Lifelines
  std::vector<float> x(np, 0);
  struct Need {
    int a, b;  // a < b
    float gap;
  };
  std::vector<Need> needs;
  const float margin = fs * 0.5f;
  for (size_t i = 0; i + 1 < np; ++i)
    needs.push_back({static_cast<int>(i), static_cast<int>(i) + 1,
                     (box[i].w + box[i + 1].w) * 0.5f + fs * 1.2f});
  float left_extra = 0, right_extra = 0;  // beyond the first and last lifelines
  for (size_t e = 0; e < d.events.size(); ++e) {
    const SequenceEvent& ev = d.events[e];
    if (ev.kind == SequenceEventKind::kMessage) {
      float w = text[e].w + 2 * margin + (ev.number ? fs * 1.2f : 0);
      if (ev.from == ev.to) {
        float need = self_loop_w + w;
        if (ev.from + 1 < static_cast<int>(np))
          needs.push_back({ev.from, ev.from + 1, need + activation_w});
        else
          right_extra = std::max(right_extra, need);
      } else {
        needs.push_back({std::min(ev.from, ev.to), std::max(ev.from, ev.to), w + activation_w});
      }
    } else if (ev.kind == SequenceEventKind::kNote) {
      float w = text[e].w + fs * 1.0f;
      if (ev.placement == NotePlacement::kRightOf) {
        if (ev.from + 1 < static_cast<int>(np))
          needs.push_back({ev.from, ev.from + 1, w + margin * 2});
        else
          right_extra = std::max(right_extra, w + margin);
      } else if (ev.placement == NotePlacement::kLeftOf) {
        if (ev.from > 0)
          needs.push_back({ev.from - 1, ev.from, w + margin * 2});
        else
          left_extra = std::max(left_extra, w + margin);
      } else if (ev.to >= 0 && ev.to != ev.from) {
        needs.push_back({std::min(ev.from, ev.to), std::max(ev.from, ev.to), w - fs * 1.0f});
      }
    }
  }
  // One pass in order of the right end suffices: pushing a lifeline right moves all after it.
  std::stable_sort(needs.begin(), needs.end(),
                   [](const Need& p, const Need& q) { return p.b < q.b; });
  for (const Need& n : needs) {
    float deficit = n.gap - (x[static_cast<size_t>(n.b)] - x[static_cast<size_t>(n.a)]);
    if (deficit > 0)
      for (size_t k = static_cast<size_t>(n.b); k < np; ++k) x[k] += deficit;
  }

  // [SECTION] Rows
  std::vector<Message> messages;
  std::vector<Note> notes;
  std::vector<Activation> activations;
  std::vector<Frame> frames, open_frames;
  std::vector<std::vector<float>> active(np);  // start rows of open activations
  float y = box_h + row_gap;
  float last_row = y;
  bool after_message = false;
  auto offset = [&](int p, float towards) {
    // A message leaves or reaches the side of the innermost activation bar.
    int depth = static_cast<int>(active[static_cast<size_t>(p)].size());
    if (depth == 0) return 0.0f;
    float centre = (static_cast<float>(depth) - 1) * activation_w * 0.5f;
    return centre + (towards >= 0 ? 1 : -1) * activation_w * 0.5f;
  };
  auto touch = [&](float x0, float x1) {
    for (Frame& f : open_frames) f.x0 = std::min(f.x0, x0), f.x1 = std::max(f.x1, x1);
  };
  for (size_t e = 0; e < d.events.size(); ++e) {
    const SequenceEvent& ev = d.events[e];
    bool was_message = after_message;
    after_message = false;
    switch (ev.kind) {
      case SequenceEventKind::kMessage: {
        Message m;
        m.event = e;
        float a = x[static_cast<size_t>(ev.from)], b = x[static_cast<size_t>(ev.to)];
        if (ev.from == ev.to) {
          m.label_y = y + text[e].h * 0.5f;
          y += text[e].h + fs * 0.2f;
          m.y = y;
          m.x0 = a + offset(ev.from, 1);
          m.x1 = m.x0;
          touch(a - activation_w, a + self_loop_w + text[e].w + margin);
          y += self_loop_h + row_gap;
        } else {
          m.label_y = y + text[e].h * 0.5f;
          y += text[e].h + fs * 0.2f;
          m.y = y;
          m.x0 = a + offset(ev.from, b - a);
          m.x1 = b + offset(ev.to, a - b);
          touch(std::min(a, b), std::max(a, b));
          y += row_gap;
        }
        last_row = m.y + (ev.from == ev.to ? self_loop_h : 0);
        messages.push_back(m);
        after_message = true;
        break;
      }
      case SequenceEventKind::kNote: {
        float w = text[e].w + fs * 1.0f, h = text[e].h + fs * 0.6f;
        float a = x[static_cast<size_t>(ev.from)];
        Rect r;
        y += fs * 0.15f;
        if (ev.placement == NotePlacement::kRightOf)
          r = {a + margin, y, a + margin + w, y + h};
        else if (ev.placement == NotePlacement::kLeftOf)
          r = {a - margin - w, y, a - margin, y + h};
        else {
          float b = ev.to >= 0 ? x[static_cast<size_t>(ev.to)] : a;
          float lo = std::min(a, b) - fs * 0.6f, hi = std::max(a, b) + fs * 0.6f;
          float cw = std::max(w, hi - lo), cx = (lo + hi) * 0.5f;
          r = {cx - cw * 0.5f, y, cx + cw * 0.5f, y + h};
        }
        notes.push_back({e, r});
        touch(r.x0, r.x1);
        y += h + row_gap;
        last_row = r.y1;
        break;
      }
      case SequenceEventKind::kActivate:
        active[static_cast<size_t>(ev.from)].push_back(was_message ? last_row : y - row_gap * 0.5f);
        if (was_message) after_message = true;  // `A->>+B` then `B->>-A`: keep rows tight
        break;
      case SequenceEventKind::kDeactivate: {
        auto& stack = active[static_cast<size_t>(ev.from)];
        if (stack.empty()) break;
        float end = was_message ? last_row : y - row_gap * 0.5f;
        activations.push_back({ev.from, static_cast<int>(stack.size()) - 1, stack.back(),
                               std::max(end, stack.back() + fs * 0.5f)});
        stack.pop_back();
        if (was_message) after_message = true;
        break;
      }
      case SequenceEventKind::kBlockStart: {
        Frame f;
        f.event = e;
        f.depth = static_cast<int>(open_frames.size());
        y += fs * 0.2f;
        f.y0 = y;
        y += std::max(text[e].h, fs * kLineHeight * 0.82f) + fs * 0.5f;
        open_frames.push_back(f);
        break;
      }
      case SequenceEventKind::kBlockElse:
        if (open_frames.empty()) break;
        y += fs * 0.1f;
        open_frames.back().dividers.push_back({e, y});
        y += std::max(text[e].h, fs * 0.4f) + fs * 0.4f;
        break;
      case SequenceEventKind::kBlockEnd: {
        if (open_frames.empty()) break;
        Frame f = open_frames.back();
        open_frames.pop_back();
        f.y1 = y - row_gap * 0.4f;
        if (f.x0 > f.x1) f.x0 = x.front(), f.x1 = x.back();
        float inset = fs * 0.9f;
        f.x0 -= inset;
        f.x1 += inset;
        float tag_w =
            measure(d.events[f.event].block, tag_style, wrap).w + fs * 0.9f + text[f.event].w;
        f.x1 = std::max(f.x1, f.x0 + tag_w + fs * 0.5f);
        touch(f.x0 - fs * 0.3f, f.x1 + fs * 0.3f);  // the enclosing frames hold this one
        frames.push_back(f);
        y += fs * 0.3f;
        break;
      }
    }
  }
  for (size_t p = 0; p < np; ++p)
    for (float start : active[p])
      activations.push_back({static_cast<int>(p), 0, start, y - row_gap * 0.5f});
  float bottom = y + fs * 0.2f;
  float height = bottom + box_h;

  // Horizontal extent and the shift that puts it at x = 0.
  float min_x = x.front() - box.front().w * 0.5f - left_extra,
        max_x = x.back() + box.back().w * 0.5f + right_extra;
  for (size_t i = 0; i < np; ++i)
    min_x = std::min(min_x, x[i] - box[i].w * 0.5f),
    max_x = std::max(max_x, x[i] + box[i].w * 0.5f);
  for (const Note& n : notes) min_x = std::min(min_x, n.box.x0), max_x = std::max(max_x, n.box.x1);
  for (const Frame& f : frames) min_x = std::min(min_x, f.x0), max_x = std::max(max_x, f.x1);
  for (const Message& m : messages) {
    const SequenceEvent& ev = d.events[m.event];
    if (ev.from == ev.to) max_x = std::max(max_x, m.x0 + self_loop_w + text[m.event].w + margin);
  }
  const float pad = stroke * 2;
  float shift = pad - min_x;
  float width = max_x - min_x + 2 * pad;
  height += 2 * pad;
  float shift_y = pad;

  // Fit.
  float scale = 1;
  if (sizing.max_width > 0) scale = std::min(scale, sizing.max_width / width);
  if (sizing.max_height > 0) scale = std::min(scale, sizing.max_height / height);
  if (scale < sizing.min_scale) {
    scale = sizing.min_scale;
    result.overflow = true;
  }
  result.scale = scale;
  result.box.width = width * scale;
  result.box.descent = height * scale;

  // [SECTION] Drawing
  Emitter out{&result.box, scale};
  auto X = [&](float v) { return v + shift; };
  auto Y = [&](float v) { return v + shift_y; };
  auto note_text = [&](const std::string& s) {
    if (s.empty()) return;
    if (!result.text.empty()) result.text += '\n';
    result.text += s;
  };
  for (const SequenceParticipant& p : d.participants) note_text(p.label);
  // Tinted `rect` bands first, behind everything.
  for (const Frame& f : frames) {
    const SequenceEvent& ev = d.events[f.event];
    if (ev.block != "rect") continue;
    uint32_t tint = Mix(theme.background, theme.accent, 0.08f);
    if (auto c = ParseColor(ev.text)) tint = *c;
    out.Rectangle({X(f.x0), Y(f.y0), X(f.x1), Y(f.y1)}, tint, fs * 0.15f);
  }
  // Lifelines and activation bars.
  for (size_t i = 0; i < np; ++i)
    out.Dashed({{X(x[i]), Y(box_h)}, {X(x[i]), Y(bottom)}}, palette.lifeline, stroke * 0.8f,
               fs * 0.25f);
  std::stable_sort(activations.begin(), activations.end(),
                   [](const Activation& a, const Activation& b) { return a.depth < b.depth; });
  for (const Activation& a : activations) {
    float cx =
        x[static_cast<size_t>(a.participant)] + static_cast<float>(a.depth) * activation_w * 0.5f;
    Rect r{X(cx - activation_w * 0.5f), Y(a.y0), X(cx + activation_w * 0.5f), Y(a.y1)};
    out.Rectangle(r, palette.activation_fill, 0);
    out.RectangleOutline(r, palette.lifeline, 0, stroke * 0.8f);
  }
  // Frames: an outline, a tag with the block's name, its condition, dividers.
  for (const Frame& f : frames) {
    const SequenceEvent& ev = d.events[f.event];
    if (ev.block == "rect") continue;
    Rect r{X(f.x0), Y(f.y0), X(f.x1), Y(f.y1)};
    out.RectangleOutline(r, palette.cluster_stroke, 0, stroke * 0.8f);
    Size tag = measure(ev.block, tag_style, wrap);
    float tag_h = std::max(tag.h, fs * kLineHeight * 0.82f) + fs * 0.2f;
    float tw = tag.w + fs * 0.6f;
    out.Shape(LayoutItemKind::kPolygon,
              {{r.x0, r.y0},
               {r.x0 + tw + fs * 0.3f, r.y0},
               {r.x0 + tw + fs * 0.3f, r.y0 + tag_h * 0.65f},
               {r.x0 + tw, r.y0 + tag_h},
               {r.x0, r.y0 + tag_h}},
              palette.cluster_fill, false, 0);
    out.Shape(LayoutItemKind::kPolyline,
              {{r.x0 + tw + fs * 0.3f, r.y0},
               {r.x0 + tw + fs * 0.3f, r.y0 + tag_h * 0.65f},
               {r.x0 + tw, r.y0 + tag_h},
               {r.x0, r.y0 + tag_h}},
              palette.cluster_stroke, false, stroke * 0.8f);
    out.Text(fonts, ev.block, tag_style, wrap, (r.x0 + r.x0 + tw + fs * 0.3f) * 0.5f,
             r.y0 + tag_h * 0.5f, palette.cluster_text);
    if (!ev.text.empty()) {
      std::string cond = "[" + ev.text + "]";
      out.Text(fonts, cond, message_style, wrap, r.x0 + tw + fs * 0.6f + text[f.event].w * 0.5f,
               r.y0 + tag_h * 0.5f, palette.cluster_text);
      note_text(ev.block + " " + cond);
    }
    for (const auto& [e, dy] : f.dividers) {
      out.Dashed({{r.x0, Y(dy)}, {r.x1, Y(dy)}}, palette.cluster_stroke, stroke * 0.8f, fs * 0.25f);
      if (!d.events[e].text.empty()) {
        std::string cond = "[" + d.events[e].text + "]";
        out.Text(fonts, cond, message_style, wrap, (r.x0 + r.x1) * 0.5f,
                 Y(dy) + text[e].h * 0.5f + fs * 0.2f, palette.cluster_text);
        note_text(d.events[e].block + " " + cond);
      }
    }
  }
  // Messages.
  auto head = [&](P tip, P dir, char kind, float thickness) {
    P nrm{-dir.y, dir.x};
    P base{tip.x - dir.x * arrow_len, tip.y - dir.y * arrow_len};
    if (kind == '>') {
      out.Shape(LayoutItemKind::kPolygon,
                {tip,
                 {base.x + nrm.x * arrow_half, base.y + nrm.y * arrow_half},
                 {base.x - nrm.x * arrow_half, base.y - nrm.y * arrow_half}},
                palette.edge, false, 0);
    } else if (kind == ')') {
      out.Shape(LayoutItemKind::kPolyline,
                {{base.x + nrm.x * arrow_half, base.y + nrm.y * arrow_half},
                 tip,
                 {base.x - nrm.x * arrow_half, base.y - nrm.y * arrow_half}},
                palette.edge, false, thickness);
    } else if (kind == 'x') {
      float r = arrow_half * 1.1f;
      P c{tip.x - dir.x * r, tip.y - dir.y * r};
      out.Line({c.x - r, c.y - r}, {c.x + r, c.y + r}, palette.edge, thickness * 1.2f);
      out.Line({c.x - r, c.y + r}, {c.x + r, c.y - r}, palette.edge, thickness * 1.2f);
    }
  };
  for (const Message& m : messages) {
    const SequenceEvent& ev = d.events[m.event];
    float ly = Y(m.y);
    std::vector<P> line;
    P dir;
    if (ev.from == ev.to) {
      float x0 = X(m.x0);
      line = {{x0, ly},
              {x0 + self_loop_w, ly},
              {x0 + self_loop_w, ly + self_loop_h},
              {x0, ly + self_loop_h}};
      dir = {-1, 0};
    } else {
      line = {{X(m.x0), ly}, {X(m.x1), ly}};
      dir = {m.x1 > m.x0 ? 1.0f : -1.0f, 0};
    }
    P tip = line.back();
    std::vector<P> drawn = line;
    if (ev.head == '>' || ev.head == 'x') drawn.back().x -= dir.x * arrow_len * 0.6f;
    if (ev.both_ends) drawn.front().x += dir.x * arrow_len * 0.6f * (ev.from == ev.to ? -1 : 1);
    if (ev.dotted)
      out.Dashed(drawn, palette.edge, stroke, std::max(stroke * 2.5f, fs * 0.2f));
    else
      out.Shape(LayoutItemKind::kPolyline, drawn, palette.edge, false, stroke);
    head(tip, dir, ev.head ? ev.head : 0, stroke);
    if (ev.both_ends && ev.from != ev.to) head(line.front(), {-dir.x, 0}, '>', stroke);
    // A message to itself has its text above the loop, starting at the lifeline.
    float label_x = ev.from == ev.to ? X(m.x0) + fs * 0.2f + text[m.event].w * 0.5f
                                     : (X(m.x0) + X(m.x1)) * 0.5f;
    if (!ev.text.empty())
      out.Text(fonts, ev.text, message_style, wrap, label_x, Y(m.label_y), palette.label_text);
    if (ev.number) {
      // The number in a dot on the sender's lifeline.
      float r = fs * 0.36f;
      P c{X(m.x0), ly};
      std::vector<P> dot;
      AddArc(dot, c.x, c.y, r, r, 0, 360, 24);
      dot.pop_back();
      out.Shape(LayoutItemKind::kPolygon, dot, palette.node_stroke, false, 0);
      TextStyle num = message_style;
      num.size = fs * (ev.number > 9 ? 0.42f : 0.5f);
      num.font = FontRole::kSansBold;
      out.Text(fonts, std::to_string(ev.number), num, wrap, c.x, c.y, theme.background);
    }
    note_text(d.participants[static_cast<size_t>(ev.from)].label + " → " +
              d.participants[static_cast<size_t>(ev.to)].label +
              (ev.text.empty() ? "" : ": " + ev.text));
    result.message_rows.push_back(ly * scale);
  }
  // Notes.
  for (const Note& n : notes) {
    Rect r{X(n.box.x0), Y(n.box.y0), X(n.box.x1), Y(n.box.y1)};
    out.Rectangle(r, palette.note_fill, fs * 0.1f);
    out.RectangleOutline(r, palette.note_stroke, fs * 0.1f, stroke * 0.8f);
    out.Text(fonts, d.events[n.event].text, note_style, note_wrap, (r.x0 + r.x1) * 0.5f,
             (r.y0 + r.y1) * 0.5f, palette.label_text);
    note_text(d.events[n.event].text);
  }
  // Participants, at the top and at the bottom.
  for (size_t i = 0; i < np; ++i) {
    const SequenceParticipant& p = d.participants[i];
    for (float top : {0.0f, bottom}) {
      float cx = X(x[i]), y0 = Y(top) + (box_h - box[i].h) * (top == 0 ? 1.0f : 0.0f);
      if (p.actor) {
        // A stick figure above the name.
        float head_r = fs * 0.3f, fy = y0 + fs * 0.15f;
        std::vector<P> circle;
        AddArc(circle, cx, fy + head_r, head_r, head_r, 0, 360, 24);
        circle.pop_back();
        out.Shape(LayoutItemKind::kPolygon, circle, palette.node_fill, false, 0);
        out.Shape(LayoutItemKind::kPolygon, circle, palette.node_stroke, true, stroke);
        float neck = fy + 2 * head_r, hip = neck + fs * 0.7f, foot = hip + fs * 0.55f;
        out.Line({cx, neck}, {cx, hip}, palette.node_stroke, stroke);
        out.Line({cx - fs * 0.45f, neck + fs * 0.25f}, {cx + fs * 0.45f, neck + fs * 0.25f},
                 palette.node_stroke, stroke);
        out.Line({cx, hip}, {cx - fs * 0.35f, foot}, palette.node_stroke, stroke);
        out.Line({cx, hip}, {cx + fs * 0.35f, foot}, palette.node_stroke, stroke);
        float label_top = y0 + fs * 1.9f;
        out.Text(fonts, p.label, actor_style, wrap, cx, label_top + (box[i].h - fs * 1.9f) * 0.5f,
                 palette.node_text);
      } else {
        Rect r{cx - box[i].w * 0.5f, y0, cx + box[i].w * 0.5f, y0 + box[i].h};
        out.Rectangle(r, palette.node_fill, fs * 0.12f);
        out.RectangleOutline(r, palette.node_stroke, fs * 0.12f, stroke);
        out.Text(fonts, p.label, actor_style, wrap, cx, (r.y0 + r.y1) * 0.5f, palette.node_text);
      }
    }
    result.lifelines.push_back(X(x[i]) * scale);
  }
  result.ok = true;
  return result;
}

}  // namespace podium
