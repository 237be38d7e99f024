#!/usr/bin/python3
"""Recreates the PNG images the convention decks reference, with the standard library only.

    /usr/bin/python3 tests/conventions/images/make_images.py          # next to this script
    /usr/bin/python3 tests/conventions/images/make_images.py OUT_DIR

The PNG writer is a copy of the one in decks/images/make_images.py, so this folder stands
alone. Output is deterministic (byte-identical on every run).

    flamegraph.png  960×1080  a flame graph seen from afar (marp.md, `![bg right]`)
    logo.png        256×256   the Podium mark (marp.md, `![w:200]`)
"""

import math
import os
import struct
import sys
import zlib

# [SECTION] PNG writer (copied from decks/images/make_images.py) ---------------------------


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _filter_row(row, prev, bpp):
    """Returns the filtered row (with its filter-type byte) that is cheapest to compress,
    by the usual heuristic: the smallest sum of absolute values of the filtered bytes."""
    n = len(row)
    candidates = [bytes([0]) + bytes(row)]
    sub = bytearray(n)
    up = bytearray(n)
    avg = bytearray(n)
    pae = bytearray(n)
    for i in range(n):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        x = row[i]
        sub[i] = (x - a) & 0xFF
        up[i] = (x - b) & 0xFF
        avg[i] = (x - ((a + b) >> 1)) & 0xFF
        pae[i] = (x - _paeth(a, b, c)) & 0xFF
    for kind, data in ((1, sub), (2, up), (3, avg), (4, pae)):
        candidates.append(bytes([kind]) + bytes(data))

    def cost(filtered):
        return sum(v if v < 128 else 256 - v for v in filtered[1:])

    return min(candidates, key=cost)


def write_png(path, width, height, rows):
    """Writes an 8-bit RGB PNG. `rows` yields `height` bytes-like rows of width*3 bytes."""
    raw = bytearray()
    prev = bytes(width * 3)
    count = 0
    for row in rows:
        row = bytes(row)
        assert len(row) == width * 3, (path, len(row))
        raw += _filter_row(row, prev, 3)
        prev = row
        count += 1
    assert count == height, (path, count)
    png = b"\x89PNG\r\n\x1a\n"
    png += _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    png += _chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def hex_colour(text):
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def fill_row(width, colour):
    return bytearray(bytes(colour) * width)


def put_span(row, x0, x1, colour):
    """Paints pixels [x0, x1) of a row bytearray with one colour."""
    width = len(row) // 3
    x0, x1 = max(0, int(x0)), min(width, int(x1))
    if x1 > x0:
        row[x0 * 3:x1 * 3] = bytes(colour) * (x1 - x0)


# [SECTION] Pictures ----------------------------------------------------------------------


def flame_frames(width, depth_limit=24):
    """A deterministic call tree: (depth, x0, x1) frames, children split their parent."""
    frames = []
    seed = 2026

    def rand():
        nonlocal seed
        seed = (seed * 1103515245 + 12345) % (1 << 31)
        return seed / (1 << 31)

    def visit(depth, x0, x1):
        frames.append((depth, x0, x1))
        if depth >= depth_limit or x1 - x0 < 8:
            return
        # Children cover 80–100% of the parent (the rest is self time), split by weights;
        # often a single child, which makes the tall narrow towers of a real profile.
        covered = (x1 - x0) * (0.8 + 0.2 * rand())
        count = 1 if rand() < 0.5 else 2 + int(rand() * 2)
        weights = [0.3 + rand() for _ in range(count)]
        total = sum(weights)
        x = x0
        for w in weights:
            share = covered * w / total
            if share >= 5:
                visit(depth + 1, x, x + share - 2)
            x += share

    visit(0, 0, width)
    return frames


def flamegraph_rows(width=960, height=1080):
    background = hex_colour("fff7ed")
    frame_height = 40
    palette = [hex_colour(c) for c in ("dc2626", "ea580c", "f97316", "f59e0b", "fbbf24", "ef4444")]
    frames = flame_frames(width - 40)
    by_depth = {}
    for index, (depth, x0, x1) in enumerate(frames):
        by_depth.setdefault(depth, []).append((x0 + 20, x1 + 20, palette[index % len(palette)]))
    for y in range(height):
        row = fill_row(width, background)
        from_bottom = height - 30 - y
        depth, inside = divmod(from_bottom, frame_height)
        if from_bottom >= 0 and inside < frame_height - 3:
            for x0, x1, colour in by_depth.get(depth, ()):
                put_span(row, x0, x1 - 1, colour)
        yield row


def logo_rows(size=256, _height=256):
    disc = hex_colour("1e293b")
    blocks = [  # (left, right, top) in a 256 grid: second, first, third place
        (52, 104, 128, hex_colour("94a3b8")),
        (104, 152, 84, hex_colour("fbbf24")),
        (152, 204, 152, hex_colour("d97706")),
    ]
    background = hex_colour("ffffff")
    c = (size - 1) / 2
    for y in range(size):
        row = fill_row(size, background)
        dy = y - c
        r = size * 0.48
        if abs(dy) < r:
            half = math.sqrt(r * r - dy * dy)
            put_span(row, c - half, c + half + 1, disc)
        for left, right, top, colour in blocks:
            if top <= y < 196:
                put_span(row, left + 2, right - 2, colour)
        yield row


IMAGES = {
    "flamegraph.png": (960, 1080, flamegraph_rows),
    "logo.png": (256, 256, logo_rows),
}


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, (width, height, rows) in IMAGES.items():
        path = os.path.join(out_dir, name)
        write_png(path, width, height, rows(width, height))
        print(f"{path}: {width}x{height}, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main(sys.argv)
