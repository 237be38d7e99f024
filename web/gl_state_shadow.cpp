// A shadow of the GL state Dear ImGui's OpenGL3 backend reads back in every frame, so those
// reads do not cross to the GPU process.
//
// ImGui_ImplOpenGL3_RenderDrawData() saves the state it changes and restores it afterwards.
// Chromium answers most of those glGetIntegerv() calls from its own copy, but not
// GL_SCISSOR_BOX and the six blend factors and equations: each is a synchronous round trip
// to the GPU process, which must first finish what it was given, and on SwiftShader (no GPU)
// the seven of them cost 3–5 ms of a 4–8 ms frame.
//
// These definitions take the place of Emscripten's (which stay callable as emscripten_gl*,
// the names Emscripten provides for exactly this). Every change to the shadowed state made
// by this module's code goes through them: the value is read from GL the first time it is
// asked for, and kept up to date from then on (after a call GL might refuse, read again).
// Everything else passes through.
#include <GLES3/gl3.h>

extern "C" {
void emscripten_glGetIntegerv(GLenum pname, GLint* data);
void emscripten_glScissor(GLint x, GLint y, GLsizei width, GLsizei height);
void emscripten_glBlendFunc(GLenum sfactor, GLenum dfactor);
void emscripten_glBlendFuncSeparate(GLenum src_rgb, GLenum dst_rgb, GLenum src_alpha,
                                    GLenum dst_alpha);
void emscripten_glBlendEquation(GLenum mode);
void emscripten_glBlendEquationSeparate(GLenum mode_rgb, GLenum mode_alpha);
}

namespace {

// One shadowed value of up to four integers, read from GL the first time it is needed.
struct Shadowed {
  bool known = false;
  GLint value[4] = {0, 0, 0, 0};
};

Shadowed g_scissor;                                          // GL_SCISSOR_BOX
Shadowed g_blend_src_rgb, g_blend_dst_rgb, g_blend_src_alpha, g_blend_dst_alpha;
Shadowed g_blend_equation_rgb, g_blend_equation_alpha;

Shadowed* Find(GLenum pname) {
  switch (pname) {
    case GL_SCISSOR_BOX: return &g_scissor;
    case GL_BLEND_SRC_RGB: return &g_blend_src_rgb;
    case GL_BLEND_DST_RGB: return &g_blend_dst_rgb;
    case GL_BLEND_SRC_ALPHA: return &g_blend_src_alpha;
    case GL_BLEND_DST_ALPHA: return &g_blend_dst_alpha;
    case GL_BLEND_EQUATION_RGB: return &g_blend_equation_rgb;
    case GL_BLEND_EQUATION_ALPHA: return &g_blend_equation_alpha;
    default: return nullptr;
  }
}

void Set(Shadowed& s, GLint v) {
  s.known = true;
  s.value[0] = v;
}

void Forget(Shadowed& s) { s.known = false; }

// Whether GL certainly accepts these blend factors (src, dst pairs). When in doubt the
// shadow forgets the values and reads them again when asked: GL leaves its state alone on
// an error, and WebGL refuses some pairs (a constant colour with a constant alpha).
bool IsPlainBlendFactor(GLenum f) {
  switch (f) {
    case GL_ZERO: case GL_ONE: case GL_SRC_COLOR: case GL_ONE_MINUS_SRC_COLOR:
    case GL_DST_COLOR: case GL_ONE_MINUS_DST_COLOR: case GL_SRC_ALPHA:
    case GL_ONE_MINUS_SRC_ALPHA: case GL_DST_ALPHA: case GL_ONE_MINUS_DST_ALPHA:
      return true;
    default:
      return false;
  }
}

bool IsBlendEquation(GLenum e) {
  return e == GL_FUNC_ADD || e == GL_FUNC_SUBTRACT || e == GL_FUNC_REVERSE_SUBTRACT ||
         e == GL_MIN || e == GL_MAX;
}

void SetBlendFactors(GLenum src_rgb, GLenum dst_rgb, GLenum src_alpha, GLenum dst_alpha) {
  Shadowed* factors[] = {&g_blend_src_rgb, &g_blend_dst_rgb, &g_blend_src_alpha,
                         &g_blend_dst_alpha};
  const GLenum values[] = {src_rgb, dst_rgb, src_alpha, dst_alpha};
  bool plain = true;
  for (GLenum v : values) plain = plain && IsPlainBlendFactor(v);
  for (int i = 0; i < 4; ++i) {
    if (plain)
      Set(*factors[i], static_cast<GLint>(values[i]));
    else
      Forget(*factors[i]);
  }
}

void SetBlendEquations(GLenum rgb, GLenum alpha) {
  if (IsBlendEquation(rgb) && IsBlendEquation(alpha)) {
    Set(g_blend_equation_rgb, static_cast<GLint>(rgb));
    Set(g_blend_equation_alpha, static_cast<GLint>(alpha));
  } else {
    Forget(g_blend_equation_rgb);
    Forget(g_blend_equation_alpha);
  }
}

}  // namespace

extern "C" {

void glGetIntegerv(GLenum pname, GLint* data) {
  Shadowed* s = Find(pname);
  if (!s) return emscripten_glGetIntegerv(pname, data);
  if (!s->known) {
    emscripten_glGetIntegerv(pname, s->value);
    s->known = true;
  }
  const int count = pname == GL_SCISSOR_BOX ? 4 : 1;
  for (int i = 0; i < count; ++i) data[i] = s->value[i];
}

void glScissor(GLint x, GLint y, GLsizei width, GLsizei height) {
  emscripten_glScissor(x, y, width, height);
  if (width < 0 || height < 0) return Forget(g_scissor);  // an error: read it again
  g_scissor.known = true;
  g_scissor.value[0] = x;
  g_scissor.value[1] = y;
  g_scissor.value[2] = width;
  g_scissor.value[3] = height;
}

void glBlendFunc(GLenum sfactor, GLenum dfactor) {
  emscripten_glBlendFunc(sfactor, dfactor);
  SetBlendFactors(sfactor, dfactor, sfactor, dfactor);
}

void glBlendFuncSeparate(GLenum src_rgb, GLenum dst_rgb, GLenum src_alpha, GLenum dst_alpha) {
  emscripten_glBlendFuncSeparate(src_rgb, dst_rgb, src_alpha, dst_alpha);
  SetBlendFactors(src_rgb, dst_rgb, src_alpha, dst_alpha);
}

void glBlendEquation(GLenum mode) {
  emscripten_glBlendEquation(mode);
  SetBlendEquations(mode, mode);
}

void glBlendEquationSeparate(GLenum mode_rgb, GLenum mode_alpha) {
  emscripten_glBlendEquationSeparate(mode_rgb, mode_alpha);
  SetBlendEquations(mode_rgb, mode_alpha);
}

}  // extern "C"
