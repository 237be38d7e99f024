#include "renderer.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui_impl_opengl3.h>

namespace podium::native {

bool Renderer::Init() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // podium writes no imgui.ini
  initialized_ = ImGui_ImplOpenGL3_Init("#version 330 core");
  return initialized_;
}

void Renderer::Shutdown() {
  host_.Clear();
  if (!initialized_) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  initialized_ = false;
}

void Renderer::DrawFrame(GLFWwindow* window, uint32_t clear, GlyphCache& glyphs,
                         const BuildFn& build) {
  glfwMakeContextCurrent(window);
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window, &fb_w, &fb_h);
  glfwGetWindowSize(window, &win_w, &win_h);
  if (fb_w <= 0 || fb_h <= 0 || win_w <= 0 || win_h <= 0) return;  // minimized
  glViewport(0, 0, fb_w, fb_h);
  glClearColor((clear & 0xff) / 255.0f, ((clear >> 8) & 0xff) / 255.0f,
               ((clear >> 16) & 0xff) / 255.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);

  const float pixels_per_unit = static_cast<float>(fb_w) / static_cast<float>(win_w);
  const ImVec2 size(static_cast<float>(fb_w), static_cast<float>(fb_h));
  host_.SetNoMipmaps(glyphs.texture().id);
  for (int attempt = 0; attempt < 2; ++attempt) {
    canvas_.SetWhitePixelUv(glyphs.white_uv());
    canvas_.BeginFrame(host_.Resolve(glyphs.texture()), ImVec4(0, 0, size.x, size.y));
    if (build(canvas_.list(), host_, pixels_per_unit, size)) break;
    glyphs.Clear();  // the atlas filled up: start it afresh with this frame's glyphs
  }
  host_.UploadPending();

  if (initialized_) {
    ImGui_ImplOpenGL3_NewFrame();
    ImDrawData& data = canvas_.MakeDrawData(ImVec2(0, 0), size, ImVec2(1, 1));
    last_vertex_count_ = data.TotalVtxCount;
    ImGui_ImplOpenGL3_RenderDrawData(&data);
  }
  glfwSwapBuffers(window);
}

}  // namespace podium::native
