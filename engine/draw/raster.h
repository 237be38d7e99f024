// The CPU rasterizer: Dear ImGui draw data → RGBA pixels, plus PNG coding and image diffs.
//
// `deckc render`, PDF/PNG export and the pixel tests draw a slide into an ImDrawList and
// rasterize it here instead of on a GPU. The result is meant to match what the OpenGL3 /
// WebGL2 front ends show (imgui_impl_opengl3.cpp) within a small per-channel tolerance:
//   - triangles are sampled at pixel centres with a top-left fill rule on vertices snapped
//     to 1/256 pixel, so edges shared by adjacent triangles are drawn exactly once;
//   - colour and UV are interpolated linearly (no perspective), the texture is sampled
//     bilinearly with clamp-to-edge (GL_LINEAR, texel centres at +0.5), and the fragment is
//     texture × vertex colour;
//   - blending is GL's: rgb = src·srcA + dst·(1−srcA), a = srcA + dstA·(1−srcA), in 8-bit
//     integers with round-to-nearest. On an opaque target (every slide) that is ordinary
//     "source over"; on a transparent target the stored rgb is what GL would store, i.e.
//     premultiplied by coverage.
//   - ImDrawCmd::ClipRect becomes a whole-pixel scissor exactly as the GL backend truncates it.
// Output is deterministic: the same draw data and target give the same bytes, every run.
//
// Usage:
//   RgbaImage image = MakeImage(1920, 1080, 0xFFFFFFFF);
//   RasterizeDrawList(list, image);                 // or RasterizeDrawData(draw_data, image)
//   std::vector<uint8_t> png = EncodePng(image);
//
// Textures: each ImDrawCmd::TextureId is a `const Texture*` (what CpuTextureHost hands out),
// unless RasterOptions::texture_lookup says otherwise. A null id, a lookup that returns null,
// or a texture without pixels samples as opaque white.
//
// Errors: rasterizing never fails and never reads out of bounds: triangles with indices
// out of range, non-finite or absurd coordinates (beyond ±2^20 target pixels) are
// skipped; commands with a UserCallback are skipped (there is no GPU state to reset).
// Decoding reports failure as `false` plus a message.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "draw/texture.h"

namespace podium {

// An 8-bit RGBA picture, rows top to bottom, `rgba.size() == width * height * 4`.
// Colours are straight (not premultiplied) alpha, like Texture.
struct RgbaImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
};

// A `width`×`height` image filled with `clear_rgba`, given as 0xRRGGBBAA (0xFFFFFFFF is
// opaque white, 0x000000FF opaque black). Negative sizes give an empty image.
RgbaImage MakeImage(int width, int height, uint32_t clear_rgba);

// Maps an ImTextureID to the pixels to sample; return null for "opaque white".
using TextureLookup = const Texture* (*)(ImTextureID texture_id, void* user_data);

// How draw-list coordinates land on the target. Zero means default everywhere.
struct RasterOptions {
  // Draw-list coordinates of the target's top-left corner (ImDrawData::DisplayPos).
  ImVec2 display_pos = ImVec2(0.0f, 0.0f);
  // Target pixels per draw-list unit (ImDrawData::FramebufferScale); zero means 1.
  ImVec2 framebuffer_scale = ImVec2(0.0f, 0.0f);
  // Null: the id is a `const Texture*` (CpuTextureHost). Use a lookup when the ids might not
  // be trustworthy pointers.
  TextureLookup texture_lookup = nullptr;
  void* texture_lookup_user_data = nullptr;
};

// Draws `list`'s commands over `target` (already sized and cleared by the caller), in order.
// Pixels outside the target are clipped; a target whose rgba size does not match its
// width and height is left untouched.
void RasterizeDrawList(const ImDrawList& list, RgbaImage& target,
                       const RasterOptions& options = {});

// Same for several lists, drawn one after the other (back to front).
void RasterizeDrawLists(std::span<const ImDrawList* const> lists, RgbaImage& target,
                        const RasterOptions& options = {});

// Draws a whole frame the way ImGui_ImplOpenGL3_RenderDrawData does: DisplayPos,
// DisplaySize and FramebufferScale of `data` override those of `options` (the framebuffer
// is (int)(DisplaySize × FramebufferScale) pixels, row 0 at the top of `target`). Only the
// texture lookup of `options` is used. Draws nothing if that framebuffer is empty.
void RasterizeDrawData(const ImDrawData& data, RgbaImage& target,
                       const RasterOptions& options = {});

// PNG bytes of `image` (8-bit RGBA, stb_image_write's default compression). Deterministic.
// Empty if the image is empty or its rgba size is inconsistent.
std::vector<uint8_t> EncodePng(const RgbaImage& image);

// Decodes a PNG, JPEG, GIF (first frame), BMP, TGA, PSD, PIC or PNM image held in memory
// into straight-alpha RGBA. On failure returns false, leaves `out` empty and, if `error` is
// not null, says why. Images over 8192×8192 pixels' worth (2^26 pixels) are refused.
bool DecodeImage(std::span<const uint8_t> bytes, RgbaImage& out, std::string* error);

// How two images differ.
struct ImageDiff {
  int differing_pixels = 0;     // pixels where some channel differs by more than the tolerance
  int max_channel_delta = 0;    // largest |expected − actual| over all channels, 0..255
  double mean_abs_delta = 0.0;  // mean |expected − actual| over all channels of all pixels
  // Same size as the compared area: a faded grey copy of `expected`, with every differing
  // pixel in opaque red.
  RgbaImage diff;
};

// Compares `actual` with `expected` channel by channel. If the sizes differ, the area
// compared is the larger of each dimension, and a pixel present in only one image differs
// by 255 in every channel.
ImageDiff CompareImages(const RgbaImage& expected, const RgbaImage& actual,
                        int per_channel_tolerance);

}  // namespace podium
