// The one translation unit that compiles the stb implementations the engine uses
// (Debian's libstb-dev headers). Dear ImGui keeps its own private copy of stb_truetype
// (static functions), so there is no clash.
#define STB_TRUETYPE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_NO_STDIO  // the engine never opens files: images arrive as bytes
// Only the formats slides use (and browsers show): every decoder is attack surface for a
// deck from the web. stb_image's HDR decoder loops forever on a truncated RLE scanline
// (CVE-2021-42715; tests/robustness/regressions/image-hdr-*), and PSD, PIC, PNM and TGA
// are no slide formats. images.h's ImageStore refuses the others as undecodable.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_WRITE_NO_STDIO
// Every stb_image allocation zeroed: a JPEG scan that decodes with a Huffman table no DHT
// defined then reads an empty table (it decodes zeros) rather than uninitialised memory.
// images.cpp's CheckJpeg refuses such scans where its walk sees them; this covers a scan
// that stb_image reaches where the walk cannot follow it (after a broken first scan).
#include <cstdlib>
#define STBI_MALLOC(sz) calloc(1, sz)
#define STBI_REALLOC(p, newsz) realloc(p, newsz)
#define STBI_FREE(p) free(p)
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#include <stb_image.h>
#include <stb_image_write.h>
#include <stb_truetype.h>

#include "stb_failure.h"

void podium::ClearStbFailureReason() { stbi__g_failure_reason = nullptr; }
