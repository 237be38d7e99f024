#include "renderer.h"

#include <GLES3/gl3.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>

#include "draw/draw_slide.h"
#include "player.h"

namespace podium::web {

SlidePlacement PlaceSlide(int fb_w, int fb_h, float w, float h) {
  SlidePlacement p;
  if (fb_w <= 0 || fb_h <= 0 || w <= 0 || h <= 0) return p;
  p.scale = std::min(fb_w / w, fb_h / h);
  p.origin = ImVec2(static_cast<float>(static_cast<int>((fb_w - w * p.scale) * 0.5f)),
                    static_cast<float>(static_cast<int>((fb_h - h * p.scale) * 0.5f)));
  return p;
}

OverviewGrid CurrentOverviewGrid(const Player& player) {
  DesignSize size = player.design_size();
  return PlanOverviewGrid(static_cast<int>(player.layouts().size()), size.width, size.height,
                          player.session().overview_cursor(), player.overview_first_row);
}

namespace {

// The progress bar, slide number, typed number and notice over slide `slide` at `step`.
SlideLayout StatusOverlay(Player& player, int slide, int step) {
  const Session& session = player.session();
  const DesignSize design = player.design_size();
  StatusInfo status;
  status.slide = slide;
  status.slide_count = static_cast<int>(player.layouts().size());
  status.step = step;
  status.step_count = session.StepCount(slide);
  const auto& slides = player.deck().slides;
  status.show_number = session.mode() == ScreenMode::kSlide &&
                       !(slide < static_cast<int>(slides.size()) && slides[slide].style.paginate);
  status.typed_number = player.keyboard().typed_number();
  status.language = player.UiLanguageShown();
  status.notice = player.notice();
  status.accent = player.accent_color();
  return LayoutStatusOverlay(player.fonts(), design.width, design.height, status);
}

// Clears the pixels the slide covers to its background colour, when that is opaque, and
// says whether it did. A clear is a fill at memory speed; the same colour as a quad through
// the backend's blended, textured program costs SwiftShader (no GPU) 10–20 ms at 1280×720,
// the largest part of a slide switch there.
bool ClearSlideBackground(const SlideLayout& layout, const DrawParams& params, int fb_w,
                          int fb_h) {
  const ImU32 c = layout.background;
  if (((c >> IM_COL32_A_SHIFT) & 0xff) != 0xff) return false;
  PixelBounds b = SlidePixels(layout, params);
  b.x0 = std::max(b.x0, 0);
  b.y0 = std::max(b.y0, 0);
  b.x1 = std::min(b.x1, fb_w);
  b.y1 = std::min(b.y1, fb_h);
  if (b.empty()) return true;  // nothing of the slide is on screen
  glEnable(GL_SCISSOR_TEST);
  glScissor(b.x0, fb_h - b.y1, b.x1 - b.x0, b.y1 - b.y0);  // GL counts rows from the bottom
  auto channel = [c](int shift) { return ((c >> shift) & 0xff) / 255.0f; };
  glClearColor(channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  return true;
}

}  // namespace

Renderer::Renderer() = default;

Renderer::~Renderer() {
  if (!initialized_) return;
  host_.Clear();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

bool Renderer::Init() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  // Podium draws its own glyphs (GlyphCache) and never Dear ImGui's font: a 1×1 white atlas
  // stands in for it, so the backend's first frame does not build ProggyClean (~15 ms here).
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  fonts->TexWidth = fonts->TexHeight = 1;
  fonts->TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(4));
  *fonts->TexPixelsRGBA32 = 0xFFFFFFFFu;
  initialized_ = ImGui_ImplOpenGL3_Init("#version 300 es");
  return initialized_;
}

bool Renderer::DrawScreen(Player& player, const SlidePlacement& place, bool background_cleared) {
  Session& session = player.session();
  GlyphCache& glyphs = player.glyphs();
  ImDrawList& list = canvas_.list();
  const DesignSize design = player.design_size();
  const int count = static_cast<int>(player.layouts().size());

  DrawParams params;
  params.origin = place.origin;
  params.scale = place.scale;

  if (session.mode() == ScreenMode::kOverview) {
    OverviewGrid grid = CurrentOverviewGrid(player);
    player.overview_first_row = grid.first_row;
    OverviewLayers layers =
        LayoutOverview(player.fonts(), grid, player.slide_titles(), session.overview_cursor(),
                       session.slide(), design.width, design.height);
    if (!DrawSlide(layers.under, params, nullptr, glyphs, host_, list)) return false;
    for (int i = 0; i < count; ++i) {
      if (!grid.IsVisible(i)) continue;
      const SlideLayout& layout = player.layouts()[i];
      Rect t = grid.Thumbnail(i);
      DrawParams thumb;
      thumb.origin = ImVec2(std::round(place.origin.x + t.x0 * place.scale),
                            std::round(place.origin.y + t.y0 * place.scale));
      thumb.scale = place.scale * t.width() / layout.width;
      thumb.step = layout.steps - 1;  // fully built
      if (!DrawSlide(layout, thumb, &player.images(), glyphs, host_, list)) return false;
    }
    if (!DrawSlide(layers.over, params, nullptr, glyphs, host_, list)) return false;
  } else {
    const SlideLayout& layout = player.CurrentLayout();
    params.step = session.step();
    params.background = !background_cleared;
    if (!DrawSlide(layout, params, &player.images(), glyphs, host_, list)) return false;
    params.step = 0;
    params.background = true;
  }

  SlideLayout overlay = StatusOverlay(player, session.slide(), session.step());
  if (!DrawSlide(overlay, params, nullptr, glyphs, host_, list)) return false;

  if (session.help_visible()) {
    SlideLayout help =
        LayoutHelpOverlay(player.fonts(), design.width, design.height, player.UiLanguageShown());
    if (!DrawSlide(help, params, nullptr, glyphs, host_, list)) return false;
  }
  return true;
}

bool Renderer::DrawPresenter(Player& player, float pixels_per_unit) {
  PresenterDrawTarget target;
  target.layouts = &player.layouts();
  target.images = &player.images();
  target.glyphs = &player.glyphs();
  target.host = &host_;
  target.list = &canvas_.list();
  target.scale = pixels_per_unit;
  const PresenterView& view = player.presenter_view();
  if (!DrawPresenterView(view, target)) return false;
  if (player.session().help_visible()) {
    SlideLayout help =
        LayoutHelpOverlay(player.fonts(), view.width, view.height, player.UiLanguageShown());
    DrawParams params;
    params.scale = pixels_per_unit;
    if (!DrawSlide(help, params, nullptr, player.glyphs(), host_, canvas_.list())) return false;
  }
  return true;
}

size_t Renderer::Warm(Player& player, int fb_w, int fb_h) {
  if (!initialized_ || !player.started() || player.view() == Role::kPresenter ||
      player.session().mode() != ScreenMode::kSlide)
    return 0;
  GlyphCache& glyphs = player.glyphs();
  const size_t before = glyphs.size();
  const DesignSize design = player.design_size();
  const SlidePlacement place = PlaceSlide(fb_w, fb_h, design.width, design.height);
  const auto& layouts = player.layouts();
  const int slide = player.session().slide();
  // canvas_ holds nothing between frames (Draw builds it afresh): the warm-up's vertices
  // go there and are never rendered.
  canvas_.SetWhitePixelUv(glyphs.white_uv());
  canvas_.BeginFrame(host_.Resolve(glyphs.texture()),
                     ImVec4(0, 0, static_cast<float>(fb_w), static_cast<float>(fb_h)));
  for (int s : {slide, slide + 1, slide - 1}) {
    if (s < 0 || s >= static_cast<int>(layouts.size())) continue;
    DrawParams params;
    params.origin = place.origin;
    params.scale = place.scale;
    params.step = layouts[s].steps - 1;  // every step shown: all of the slide's text
    if (!DrawSlide(layouts[s], params, &player.images(), glyphs, host_, canvas_.list())) break;
    params.step = 0;
    SlideLayout overlay = StatusOverlay(player, s, 0);  // its slide number
    if (!DrawSlide(overlay, params, nullptr, glyphs, host_, canvas_.list())) break;
  }
  host_.UploadPending();
  return glyphs.size() - before;
}

void Renderer::Draw(Player& player, int fb_w, int fb_h) {
  glViewport(0, 0, fb_w, fb_h);
  const bool presenter = player.started() && player.view() == Role::kPresenter;
  ScreenMode mode = player.started() ? player.session().mode() : ScreenMode::kBlack;
  if (presenter) mode = ScreenMode::kSlide;  // the presenter view shows every mode itself
  if (mode == ScreenMode::kWhite)
    glClearColor(1, 1, 1, 1);
  else
    glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  last_vertex_count_ = 0;
  if (!initialized_ || !player.started() || mode == ScreenMode::kBlack ||
      mode == ScreenMode::kWhite)
    return;

  GlyphCache& glyphs = player.glyphs();
  host_.SetNoMipmaps(glyphs.texture().id);
  DesignSize design = player.design_size();
  SlidePlacement place = PlaceSlide(fb_w, fb_h, design.width, design.height);
  DrawParams slide_params;
  slide_params.origin = place.origin;
  slide_params.scale = place.scale;
  const bool background_cleared =
      !presenter && mode == ScreenMode::kSlide &&
      ClearSlideBackground(player.CurrentLayout(), slide_params, fb_w, fb_h);
  for (int attempt = 0; attempt < 2; ++attempt) {
    canvas_.SetWhitePixelUv(glyphs.white_uv());
    canvas_.BeginFrame(host_.Resolve(glyphs.texture()),
                       ImVec4(0, 0, static_cast<float>(fb_w), static_cast<float>(fb_h)));
    const float view_width = player.presenter_view().width;
    if (presenter ? DrawPresenter(player, view_width > 0 ? fb_w / view_width : 1)
                  : DrawScreen(player, place, background_cleared))
      break;
    glyphs.Clear();  // the atlas filled up: start it afresh with just this frame's glyphs
  }
  host_.UploadPending();  // the atlas with this frame's glyphs, new images

  ImGui_ImplOpenGL3_NewFrame();
  ImDrawData& data = canvas_.MakeDrawData(
      ImVec2(0, 0), ImVec2(static_cast<float>(fb_w), static_cast<float>(fb_h)), ImVec2(1, 1));
  last_vertex_count_ = data.TotalVtxCount;
  ImGui_ImplOpenGL3_RenderDrawData(&data);
}

}  // namespace podium::web
