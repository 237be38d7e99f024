// deckc: checks, renders and outlines Podium decks.
//
//   deckc check talk.md [--werror]          problems as file:line:col: error|warning: …
//   deckc render talk.md -o out/ [--size 1920x1080] [--slides 3-5] [--steps]
//   deckc outline talk.md [--json]          with podium's rehearsed times when
//                                           talk.md.rehearsal.json is beside it
//   deckc export talk.md -o talk.pdf [--steps] [--notes]   vector PDF, selectable text
//   deckc export talk.md --png -o out/ [--size WxH] [--steps]   same PNGs as render
//   deckc notes talk.md                     speaker notes as Markdown, one ## per slide
//   deckc serve talk.md [--port N] [--host 127.0.0.1] [--player DIR]
//                                           the browser player + the deck's folder over
//                                           HTTP; the page reloads when talk.md is saved
//   deckc build talk.md -o talk.html [--player DIR]   one HTML file: player, deck, images
//                                           and font subsets; presents from file:// offline
//   deckc build talk.md -o site/            the same as a static folder for any web host
//
// Exit status: 0 success, 1 the deck has errors (or warnings with --werror), 2 usage or
// I/O trouble. deckc never writes to the deck.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "common/deck_build.h"
#include "common/deck_files.h"
#include "draw/render_image.h"
#include "layout/layout.h"
#include "common/outline.h"
#include "common/pdf_export.h"
#include "common/rehearsal.h"
#include "serve_cli.h"

namespace fs = std::filesystem;
using namespace podium;

namespace {

int PrintDiagnostics(const tools::LoadedDeck& loaded, const std::vector<Diagnostic>& diagnostics,
                     bool werror) {
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    Diagnostic shown = d;
    if (werror) shown.severity = Severity::kError;
    std::cerr << FormatDiagnostic(loaded.path, shown) << "\n";
    (shown.severity == Severity::kError ? errors : warnings)++;
  }
  return errors;
}

// Parses, loads images and lays out every slide; diagnostics of all stages in `all`.
// `for_build`: the layouts are only looked through for the glyphs to ship and the problems
// to report, so the fallback faces the deck cannot reach are not read and an overflowing
// slide is not searched for its exact fitting size (LayoutContext::search_fit).
bool Prepare(const std::string& path, FontSet& fonts, tools::LoadedDeck& loaded,
             std::vector<SlideLayout>& layouts, std::vector<Diagnostic>& all,
             bool for_build = false) {
  tools::LoadDeckFile(path, &loaded);
  if (!loaded.readable) {
    std::cerr << "deckc: " << loaded.read_error << "\n";
    return false;
  }
  std::string error;
  auto source = for_build ? tools::ReadFileBytes(path, size_t{65} << 20) : std::nullopt;
  bool fonts_loaded =
      source ? tools::LoadSystemFontsFor(
                   std::string_view(reinterpret_cast<const char*>(source->data()), source->size()),
                   &fonts, &error)
             : tools::LoadSystemFonts(&fonts, &error);
  if (!fonts_loaded) {
    std::cerr << "deckc: " << error;
    return false;
  }
  all = loaded.deck.diagnostics;
  LayoutContext context{&fonts, &loaded.images};
  context.search_fit = !for_build;
  layouts = tools::LayoutDeckInParallel(loaded.deck, context, &all);
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  return true;
}

// `deckc serve` is deckc-serve, next to this program: exec'd, so Ctrl-C and the exit status
// are its own. Returns only when it cannot be run.
int RunServe(const tools::ServeOptions& options) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fs::path program = (ec ? fs::path(".") : self.parent_path()) / "deckc-serve";
  std::vector<std::string> args = tools::ServeArguments(options);
  std::vector<char*> argv;
  std::string name = "deckc serve";
  argv.push_back(name.data());
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(program.c_str(), argv.data());
  std::cerr << "deckc: cannot run " << program.string() << " (" << std::strerror(errno)
            << "), which `deckc serve` is: build it with deckc (cmake --build build)\n";
  return 2;
}

bool ParseRange(const std::string& text, int count, int* first, int* last) {
  if (text.empty()) {
    *first = 1;
    *last = count;
    return true;
  }
  size_t dash = text.find('-');
  try {
    *first = std::stoi(text.substr(0, dash));
    *last = dash == std::string::npos ? *first
            : dash + 1 == text.size() ? count
                                      : std::stoi(text.substr(dash + 1));
  } catch (...) {
    return false;
  }
  return *first >= 1 && *last >= *first;
}

bool ParseSize(const std::string& text, int* w, int* h) {
  int x = 0, y = 0;
  char sep = 0;
  if (std::sscanf(text.c_str(), "%d%c%d", &x, &sep, &y) != 3 || (sep != 'x' && sep != 'X')) return false;
  if (x < 16 || y < 16 || x > 16384 || y > 16384) return false;
  *w = x;
  *h = y;
  return true;
}

// PNGs are 720 pixels high in the deck's shape unless --size says otherwise: 1280x720 for
// 16:9, 960x720 for 4:3 (a 4:3 slide in a 16:9 picture would stand between two bars).
void DefaultImageSize(const std::vector<SlideLayout>& layouts, int* w, int* h) {
  *h = 720;
  *w = layouts.empty() || layouts[0].height <= 0
           ? 1280
           : static_cast<int>(std::lround(720.0 * layouts[0].width / layouts[0].height));
}

// Writes through a temporary file and a rename, so a failed run never leaves a half file.
bool WriteFileAtomically(const fs::path& path, const std::vector<uint8_t>& bytes) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) return false;
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  return !ec;
}

// Slides first..last (1-based) as PNG files in `folder`; the count written, or -1.
int WritePngs(const tools::LoadedDeck& loaded, const std::vector<SlideLayout>& layouts,
              const FontSet& fonts, const std::string& folder, int width, int height, int first,
              int last, bool steps_too) {
  GlyphCache glyphs(fonts);
  int written = 0;
  for (int i = first; i <= last; ++i) {
    const SlideLayout& layout = layouts[static_cast<size_t>(i - 1)];
    int steps = steps_too ? layout.steps : 1;
    for (int step = 0; step < steps; ++step) {
      // Without --steps, the slide as it looks with every step shown.
      int shown = steps_too ? step : layout.steps - 1;
      RgbaImage image = RenderSlideImage(layout, shown, width, height, &loaded.images, glyphs);
      char name[64];
      if (steps_too)
        std::snprintf(name, sizeof name, "slide-%03d-%d.png", i, step + 1);
      else
        std::snprintf(name, sizeof name, "slide-%03d.png", i);
      if (!WriteFileAtomically(fs::path(folder) / name, EncodePng(image))) {
        std::cerr << "deckc: cannot write " << (fs::path(folder) / name).string() << "\n";
        return -1;
      }
      ++written;
    }
  }
  return written;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"deckc — check, render and outline Podium slide decks (Markdown)"};
  app.set_version_flag("--version", std::string("deckc ") + PODIUM_VERSION);
  app.require_subcommand(1);

  std::string check_file;
  bool werror = false;
  CLI::App* check = app.add_subcommand("check", "Report every problem in a deck; exit 1 on errors");
  check->add_option("deck", check_file, "The deck (.md)")->required();
  check->add_flag("--werror", werror, "Treat warnings as errors");

  std::string render_file, render_out = "out", render_size, render_slides;
  bool render_steps = false;
  CLI::App* render = app.add_subcommand("render", "Draw slides to PNG files on the CPU");
  render->add_option("deck", render_file, "The deck (.md)")->required();
  render->add_option("-o,--output", render_out, "Output folder (created if needed)");
  render->add_option("--size", render_size,
                     "Image size WIDTHxHEIGHT (default: 720 high in the deck's shape, 1280x720 for 16:9)");
  render->add_option("--slides", render_slides, "Slides to draw: 3, 3-5 or 3- (1-based)");
  render->add_flag("--steps", render_steps, "One PNG per step: slide-003-2.png");

  std::string outline_file;
  bool outline_json = false;
  CLI::App* outline = app.add_subcommand("outline", "Print the deck's structure");
  outline->add_option("deck", outline_file, "The deck (.md)")->required();
  outline->add_flag("--json", outline_json, "JSON for editors and scripts");

  std::string export_file, export_out, export_size;
  bool export_steps = false, export_notes = false, export_png = false;
  CLI::App* exporter = app.add_subcommand("export", "Write the deck as a vector PDF (or PNGs with --png)");
  exporter->add_option("deck", export_file, "The deck (.md)")->required();
  exporter->add_option("-o,--output", export_out,
                       "The PDF (default: the deck's name with .pdf); with --png, a folder (default out)");
  exporter->add_flag("--steps", export_steps, "One page (or PNG) per step");
  exporter->add_flag("--notes", export_notes, "Handout pages: each slide with its speaker notes below");
  exporter->add_flag("--png", export_png, "PNG files instead of a PDF, exactly as `render` draws them");
  exporter->add_option("--size", export_size,
                       "With --png: image size WIDTHxHEIGHT (default: 720 high in the deck's shape)");

  std::string notes_file;
  CLI::App* notes = app.add_subcommand("notes", "Print the speaker notes as Markdown, slide by slide");
  notes->add_option("deck", notes_file, "The deck (.md)")->required();

  tools::ServeOptions serve_options;
  serve_options.player_dir = PODIUM_DEFAULT_PLAYER_DIR;
  CLI::App* serve = app.add_subcommand(
      "serve", "Serve the browser player and the deck's folder; the page reloads on save");
  tools::AddServeOptions(serve, &serve_options);

  std::string build_file;
  tools::BuildOptions build_options;
  build_options.player_dir = PODIUM_DEFAULT_PLAYER_DIR;
  CLI::App* builder = app.add_subcommand(
      "build", "Pack the deck with the browser player: one HTML file, or a folder (-o site/)");
  builder->add_option("deck", build_file, "The deck (.md)")->required();
  builder->add_option("-o,--output", build_options.output,
                      "talk.html (one file), or a folder: site/ (default: the deck's name with .html)");
  builder->add_option("--player", build_options.player_dir,
                      "The built player folder (tools/build_web.sh DIR → DIR/web/player)")
      ->capture_default_str();

  CLI11_PARSE(app, argc, argv);

  if (*serve) return RunServe(serve_options);

  // The deck, its fonts and its layouts are never freed: the process ends right after the
  // command, and freeing a 1000-slide deck's model and layouts one allocation at a time took
  // 7 ms — a tenth of `deckc build`. Held by a static, so a leak checker sees them reachable.
  struct Work {
    FontSet fonts;
    tools::LoadedDeck loaded;
    std::vector<SlideLayout> layouts;
    std::vector<Diagnostic> diagnostics;
  };
  static Work* const work = new Work;
  FontSet& fonts = work->fonts;
  tools::LoadedDeck& loaded = work->loaded;
  std::vector<SlideLayout>& layouts = work->layouts;
  std::vector<Diagnostic>& diagnostics = work->diagnostics;

  if (*check) {
    if (!Prepare(check_file, fonts, loaded, layouts, diagnostics)) return 2;
    int errors = PrintDiagnostics(loaded, diagnostics, werror);
    size_t warnings = diagnostics.size() - errors;
    std::cerr << check_file << ": " << loaded.deck.slides.size()
              << (loaded.deck.slides.size() == 1 ? " slide, " : " slides, ") << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
    return errors > 0 ? 1 : 0;
  }

  if (*render) {
    int width = 0, height = 0;
    if (!render_size.empty() && !ParseSize(render_size, &width, &height)) {
      std::cerr << "deckc: --size wants WIDTHxHEIGHT, e.g. 1920x1080\n";
      return 2;
    }
    if (!Prepare(render_file, fonts, loaded, layouts, diagnostics)) return 2;
    PrintDiagnostics(loaded, diagnostics, false);
    if (render_size.empty()) DefaultImageSize(layouts, &width, &height);
    int count = static_cast<int>(layouts.size());
    int first = 1, last = count;
    if (!ParseRange(render_slides, count, &first, &last)) {
      std::cerr << "deckc: --slides wants N, N-M or N-\n";
      return 2;
    }
    if (first > count) {
      std::cerr << "deckc: --slides " << render_slides << ": the deck has " << count
                << (count == 1 ? " slide" : " slides") << "\n";
      return 2;
    }
    last = std::min(last, count);
    std::error_code ec;
    fs::create_directories(render_out, ec);
    if (ec) {
      std::cerr << "deckc: cannot create " << render_out << ": " << ec.message() << "\n";
      return 2;
    }
    int written = WritePngs(loaded, layouts, fonts, render_out, width, height, first, last,
                            render_steps);
    if (written < 0) return 2;
    std::cout << "wrote " << written << " PNG" << (written == 1 ? "" : "s") << " to " << render_out
              << "\n";
    return HasErrors(diagnostics) ? 1 : 0;
  }

  if (*exporter) {
    int width = 0, height = 0;
    if (export_png && !export_size.empty() && !ParseSize(export_size, &width, &height)) {
      std::cerr << "deckc: --size wants WIDTHxHEIGHT, e.g. 1920x1080\n";
      return 2;
    }
    if (!Prepare(export_file, fonts, loaded, layouts, diagnostics)) return 2;
    PrintDiagnostics(loaded, diagnostics, false);
    if (export_size.empty()) DefaultImageSize(layouts, &width, &height);
    if (export_png) {
      if (export_out.empty()) export_out = "out";
      std::error_code ec;
      fs::create_directories(export_out, ec);
      if (ec) {
        std::cerr << "deckc: cannot create " << export_out << ": " << ec.message() << "\n";
        return 2;
      }
      int written = WritePngs(loaded, layouts, fonts, export_out, width, height, 1,
                              static_cast<int>(layouts.size()), export_steps);
      if (written < 0) return 2;
      std::cout << "wrote " << written << " PNG" << (written == 1 ? "" : "s") << " to "
                << export_out << "\n";
      return HasErrors(diagnostics) ? 1 : 0;
    }
    if (export_out.empty()) export_out = fs::path(export_file).replace_extension(".pdf").string();
    tools::PdfOptions options;
    options.steps = export_steps;
    options.notes = export_notes;
    std::string error;
    if (!tools::ExportPdf(loaded, layouts, fonts, options, export_out, &error)) {
      std::cerr << "deckc: " << error << "\n";
      return 2;
    }
    std::cout << "wrote " << export_out << "\n";
    return HasErrors(diagnostics) ? 1 : 0;
  }

  if (*builder) {
    if (!Prepare(build_file, fonts, loaded, layouts, diagnostics, true)) return 2;
    // A deck with problems still builds (a missing image shows its placeholder): they are
    // printed as `check` prints them; `deckc check` is the gate for CI.
    PrintDiagnostics(loaded, diagnostics, false);
    if (build_options.output.empty())
      build_options.output = fs::path(build_file).replace_extension(".html").string();
    tools::BuildSummary summary;
    std::string error;
    if (!tools::BuildDeck(loaded, layouts, fonts, build_options, &summary, &error)) {
      std::cerr << "deckc: " << error << " (nothing written)\n";
      return 2;
    }
    auto kb = [](size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; };
    std::cout << "wrote " << build_options.output << " (" << kb(summary.bytes)
              << (summary.folder ? " in files" : "") << "; engine " << kb(summary.engine_bytes)
              << ", " << summary.fonts << " font subsets " << kb(summary.font_bytes) << " for "
              << summary.glyph_codepoints << " characters, " << summary.images << " image"
              << (summary.images == 1 ? " " : "s ") << kb(summary.image_bytes) << ")\n";
    if (!diagnostics.empty())
      std::cerr << "deckc: warning: built with " << diagnostics.size()
                << (diagnostics.size() == 1 ? " problem" : " problems")
                << " in the deck (above); missing images show as placeholders\n";
    return 0;
  }

  if (*notes) {
    tools::LoadDeckFile(notes_file, &loaded);
    if (!loaded.readable) {
      std::cerr << "deckc: " << loaded.read_error << "\n";
      return 2;
    }
    std::cout << tools::NotesMarkdown(loaded.deck);
    return 0;
  }

  if (*outline) {
    tools::LoadDeckFile(outline_file, &loaded);
    if (!loaded.readable) {
      std::cerr << "deckc: " << loaded.read_error << "\n";
      return 2;
    }
    // `podium --rehearse` leaves <deck>.rehearsal.json beside the deck: show its times.
    std::optional<std::vector<double>> rehearsed;
    const std::string rehearsal_path = tools::RehearsalPath(outline_file);
    if (fs::exists(rehearsal_path)) {
      std::optional<std::vector<uint8_t>> bytes =
          tools::ReadFileBytes(rehearsal_path, 16 << 20);
      if (bytes) rehearsed = tools::ParseRehearsal(std::string(bytes->begin(), bytes->end()));
      if (!rehearsed)
        std::cerr << "deckc: ignoring " << rehearsal_path << ": not a podium rehearsal file\n";
    }
    const std::vector<double>* times = rehearsed ? &*rehearsed : nullptr;
    std::cout << (outline_json ? tools::OutlineJson(loaded.deck, times)
                               : tools::OutlineText(loaded.deck, times));
    return 0;
  }
  return 0;
}
