#!/usr/bin/python3
"""Recreates the seed corpus of the fuzz targets in tests/fuzz/corpus/<target>/.

    /usr/bin/python3 tests/fuzz/make_corpus.py        # from anywhere; needs ImageMagick

Seeds are small on purpose (libFuzzer's -max_len follows the largest seed):
    deck/        the sample decks, the convention decks, every example of the parser's spec
                 files (tests/parse/spec/*.md), the CLI's broken deck
    directives/  front matter bodies and directive comments from the spec examples, cut into
                 the '\\x01'-separated pieces fuzz_paths.h's DirectivesDeckText reads
    image/       PNG (RGBA, palette, grey, 16-bit, interlaced), JPEG (baseline, progressive,
                 grey), GIF (still, animated), BMP, TGA, PSD, PNM, HDR; each also truncated;
                 and headers claiming 100,000 x 100,000 pixels
    session/     sync messages: valid ones, and the malformed kinds session_test.cpp lists
    tex/         every example of tests/math/spec/*.md and the $…$ of the sample decks
    mermaid/     every example of tests/diagram/spec/*.md and the mermaid fences of the decks
Output is deterministic except for ImageMagick's own encoders (same version, same bytes).
"""

import hashlib
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(relative):
    with open(os.path.join(ROOT, relative), "rb") as f:
        return f.read()


# [SECTION] Decks ---------------------------------------------------------------------------

FENCE = "`" * 32 + " example"


def spec_examples(text):
    """The Markdown inputs of a spec file's examples (before the `.` line)."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == FENCE:
            j = i + 1
            body = []
            while j < len(lines) and lines[j] != ".":
                body.append(lines[j])
                j += 1
            out.append("\n".join(body) + "\n")
            i = j
        i += 1
    return out


def make_decks():
    for path in ["decks/tutorial.md", "decks/zh-tech-talk.md", "tests/cli/broken.md",
                 "tests/conventions/marp.md", "tests/conventions/remark.md",
                 "tests/conventions/reveal.md", "tests/conventions/slidev.md",
                 "tests/export/deck/export.md"]:
        write("deck", os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path),
              read(path))
    spec_dir = os.path.join(ROOT, "tests/parse/spec")
    directives = []
    for name in sorted(os.listdir(spec_dir)):
        if not name.endswith(".md"):
            continue
        text = read("tests/parse/spec/" + name).decode("utf-8")
        for k, example in enumerate(spec_examples(text)):
            write("deck", "spec-%s-%02d.md" % (name[:-3], k + 1), example)
            directives.append(example)
    return directives


def make_directives(examples):
    """Front matter bodies and <!-- … --> comments of the spec examples, as pieces."""
    count = 0
    for example in examples:
        pieces = []
        m = re.match(r"---\n(.*?)\n---\n", example, re.S)
        pieces.append(m.group(1) if m else "")
        pieces += re.findall(r"<!--(.*?)-->", example, re.S)
        if len(pieces) == 1 and not m:
            continue
        count += 1
        write("directives", "spec-%03d" % count, "\x01".join(pieces))
    write("directives", "marp-keys",
          "marp: true\ntheme: dark\nsize: 4:3\npaginate: true\nfooter: '*Podium*'\n"
          "duration: 20min\x01 _class: lead invert \x01layout: cover\nclass: text-center\x01"
          " backgroundColor: #123456 \x01 _backgroundImage: url('a.png') \x01 header: **h** \x01"
          " _paginate: false \x01 time: 2min ")
    write("directives", "slidev-keys",
          "title: T\nlang: zh\nhighlighter: shiki\ndrawings:\n  persist: false\x01 .slide: "
          "data-background=\"#fff\" \x01hide: true\x01 color: red ")


# [SECTION] Images ----------------------------------------------------------------------------


def convert(args, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out" + suffix)
        subprocess.run(["convert"] + args + [out], check=True)
        with open(out, "rb") as f:
            return f.read()


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def huge_png(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) +
            png_chunk(b"IEND", b""))


def huge_jpeg(width, height):
    # SOI, a baseline SOF0 claiming width x height with 3 components, then EOI.
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def huge_gif(width, height):
    return (b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" +
            b"\x2c" + struct.pack("<HHHH", 0, 0, width, height) + b"\x00\x02\x02\x44\x01\x00;")


def make_images():
    logo = ["-size", "24x16", "gradient:red-blue", "-fill", "white", "-draw",
            "circle 12,8 12,3"]
    images = {
        "rgba.png": convert(logo + ["-alpha", "set", "-channel", "A", "-evaluate", "set",
                                    "60%"], ".png"),
        "palette.png": convert(logo + ["-colors", "8", "-type", "Palette"], ".png"),
        "grey.png": convert(logo + ["-colorspace", "Gray"], ".png"),
        "deep16.png": convert(logo + ["-depth", "16"], ".png"),
        "interlaced.png": convert(logo + ["-interlace", "PNG"], ".png"),
        "baseline.jpg": convert(logo + ["-quality", "70"], ".jpg"),
        "progressive.jpg": convert(logo + ["-interlace", "JPEG", "-quality", "70"], ".jpg"),
        "grey.jpg": convert(logo + ["-colorspace", "Gray"], ".jpg"),
        "still.gif": convert(logo, ".gif"),
        "animated.gif": convert(["-delay", "10", "-size", "12x8", "xc:red", "xc:blue",
                                 "xc:green"], ".gif"),
        "small.bmp": convert(logo, ".bmp"),
        "small.tga": convert(logo, ".tga"),
        "small.psd": convert(logo, ".psd"),
        "small.ppm": convert(logo, ".ppm"),
        "small.hdr": convert(logo, ".hdr"),
    }
    for name, data in images.items():
        write("image", name, data)
        write("image", "truncated-" + name, data[: max(8, len(data) // 2)])
        write("image", "header-only-" + name, data[:40])
    write("image", "huge-100000x100000.png", huge_png(100000, 100000))
    write("image", "huge-65500x65500.jpg", huge_jpeg(65500, 65500))
    write("image", "huge-65535x65535.gif", huge_gif(65535, 65535))
    write("image", "huge-16384x16384.png", huge_png(16384, 16384))
    write("image", "zero-size.png", huge_png(0, 0))


# [SECTION] Session messages -----------------------------------------------------------------


def make_sessions():
    # The first byte picks the deck's shape (fuzz_paths.h RunSession); the rest is the message.
    messages = [
        "podium1 deck=talk.md rev=42 role=presenter slide=3 step=2 mode=slide cursor=3 "
        "timer=running elapsed=123.4 epoch=1732234567.25 spent=10,20.5,80,12.9",
        "podium1 deck=talk.md rev=1 slide=0 step=0 mode=overview timer=idle elapsed=0 epoch=0",
        "podium1 deck=talk.md rev=18446744073709551615 slide=99999 step=99999 mode=black "
        "timer=paused elapsed=1000000000 epoch=1000000000000",
        "podium1 deck=my%20talk/%E7%AC%AC%E4%B8%80.md rev=4 role=presenter slide=1 step=2 "
        "mode=white timer=paused elapsed=5 epoch=100",
        "podium1 deck=other.md rev=5 slide=1 step=1 mode=slide timer=running elapsed=10 epoch=1",
        "podium2 deck=talk.md rev=1",
        "podium1 deck=talk.md rev=-1 slide=0 step=0 mode=slide timer=idle elapsed=nan epoch=0",
        "podium1 deck=talk.md deck=talk.md rev=1",
        "podium1 deck=%zz rev=1 slide=1e3 step=0x10 mode=slide timer=idle elapsed=1e400 epoch=0",
        "podium1 deck=talk.md rev=7 slide=2 step=1 mode=slide timer=running elapsed=30 epoch=5 "
        "shows=af63bd4c8601b7be.af63c24c8601c0a0",
        "podium1 deck=talk.md rev=7 slide=1 step=0 mode=slide timer=idle elapsed=0 epoch=0 "
        "shows=1.g",
    ]
    for k, m in enumerate(messages):
        for shape in (0x03, 0xC5, 0x16):
            write("session", "message-%02d-%02x" % (k + 1, shape), bytes([shape]) + m.encode())


# [SECTION] TeX and mermaid ------------------------------------------------------------------


def make_parser_corpus(target, spec_folder, from_decks):
    """Spec examples (when the folder exists) and what the sample decks contain."""
    folder = os.path.join(ROOT, spec_folder)
    count = 0
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                text = read(spec_folder + "/" + name).decode("utf-8")
                for k, example in enumerate(spec_examples(text)):
                    write(target, "spec-%s-%02d" % (name[:-3], k + 1), example)
                    count += 1
    for path in ["decks/tutorial.md", "decks/zh-tech-talk.md", "tests/parse/spec/math.md"]:
        text = read(path).decode("utf-8")
        for k, piece in enumerate(from_decks(text)):
            write(target, "%s-%02d" % (os.path.basename(path)[:-3], k + 1), piece)
            count += 1
    return count


def tex_in(text):
    display = re.findall(r"\$\$(.+?)\$\$", text, re.S)
    inline = re.findall(r"(?<![$\\])\$([^$\n]+?)\$(?!\$)", text)
    return display + inline


def mermaid_in(text):
    return re.findall(r"```mermaid\n(.*?)```", text, re.S)


def main():
    make_parser_corpus("tex", "tests/math/spec", tex_in)
    make_parser_corpus("mermaid", "tests/diagram/spec", mermaid_in)
    examples = make_decks()
    make_directives(examples)
    make_images()
    make_sessions()
    total = 0
    for target in sorted(os.listdir(CORPUS)):
        names = os.listdir(os.path.join(CORPUS, target))
        size = sum(os.path.getsize(os.path.join(CORPUS, target, n)) for n in names)
        total += size
        print("%-12s %4d files %8d bytes" % (target, len(names), size))
    print("total %d bytes" % total)


if __name__ == "__main__":
    sys.exit(main())
