#!/usr/bin/python3
"""Recreates the PNG images the sample decks use, with the standard library only.

    /usr/bin/python3 decks/images/make_images.py          # writes next to this script
    /usr/bin/python3 decks/images/make_images.py OUT_DIR  # writes into OUT_DIR

The output is deterministic: the same script gives byte-identical files, so the images
can be checked in and compared. Each picture is drawn from flat colours and smooth
gradients, which PNG's row filters plus zlib compress well: every file stays under 40 KB.

    landscape.png  1600×900  a dusk landscape (sky, sun, two mountain ridges, a lake)
    chart.png       800×450  a bar chart (no text), for size words like w:400
    editor.png      960×1080 a code editor seen from afar, for `bg left`
    dusk.png        720×1080 a night sky with a moon and stars, for `bg right:40%`
    logo.png        256×256  the Podium mark: three podium blocks on a disc
"""

import math
import os
import struct
import sys
import zlib

# [SECTION] PNG writer ------------------------------------------------------------------


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


# [SECTION] Drawing helpers ---------------------------------------------------------------


def lerp(a, b, t):
    return a + (b - a) * t


def mix(c1, c2, t):
    t = max(0.0, min(1.0, t))
    return tuple(int(round(lerp(x, y, t))) for x, y in zip(c1, c2))


def gradient(stops, t):
    """Colour at t in [0, 1] along [(position, (r, g, b)), …] sorted by position."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return mix(c0, c1, (t - p0) / (p1 - p0))
    return stops[-1][1]


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


def ridge(x, width, base, parts):
    """Height of a mountain ridge at x: a sum of sines, deterministic."""
    u = x / width
    return base + sum(amp * math.sin(freq * u * math.tau + phase) for amp, freq, phase in parts)


def landscape_rows(width=1600, height=900):
    horizon = int(height * 0.64)
    sky = [(0.0, hex_colour("0b1d3a")), (0.45, hex_colour("3b3f7a")),
           (0.78, hex_colour("c8607a")), (1.0, hex_colour("f6b26b"))]
    sun_x, sun_y, sun_r = width * 0.70, horizon - height * 0.10, height * 0.07
    far = hex_colour("4a3f6b")
    near = hex_colour("1d1a33")
    far_parts = [(38, 1.3, 0.4), (22, 3.1, 1.7), (9, 7.0, 0.2)]
    near_parts = [(46, 0.8, 2.2), (25, 2.3, 0.9), (8, 5.5, 2.9)]
    far_top = [ridge(x, width, horizon - 120, far_parts) for x in range(width)]
    near_top = [ridge(x, width, horizon - 40, near_parts) for x in range(width)]
    for y in range(height):
        if y < horizon:
            base = gradient(sky, y / horizon)
            row = fill_row(width, base)
            # The sun and its glow, quantized into bands so that rows compress well.
            dy = y - sun_y
            reach = sun_r * 3.2
            if abs(dy) < reach:
                half = math.sqrt(reach * reach - dy * dy)
                x0, x1 = int(sun_x - half), int(sun_x + half)
                for x in range(max(0, x0), min(width, x1)):
                    d = math.hypot(x - sun_x, dy)
                    if d <= sun_r:
                        colour = hex_colour("fff1c9")
                    else:
                        glow = round((1 - (d - sun_r) / (reach - sun_r)) * 8) / 8
                        colour = mix(base, hex_colour("ffd59a"), glow * 0.55)
                    row[x * 3:x * 3 + 3] = bytes(colour)
            for x in range(width):
                if y >= near_top[x]:
                    row[x * 3:x * 3 + 3] = bytes(near)
                elif y >= far_top[x]:
                    row[x * 3:x * 3 + 3] = bytes(far)
        else:
            # The lake: the sky mirrored, darker with depth, a path of sunlight.
            t = (y - horizon) / (height - horizon)
            mirrored = gradient(sky, 1 - t * 0.9)
            base = mix(mirrored, hex_colour("0b1020"), 0.35 + 0.5 * t)
            row = fill_row(width, base)
            if (y - horizon) % 9 < 5:
                half = sun_r * (1.1 - 0.5 * t) * (1.3 if (y // 9) % 2 else 0.8)
                put_span(row, sun_x - half, sun_x + half, mix(base, hex_colour("ffd59a"), 0.6 - 0.4 * t))
        yield row


def chart_rows(width=800, height=450):
    background = hex_colour("f8fafc")
    grid = hex_colour("e2e8f0")
    axis = hex_colour("334155")
    colours = [hex_colour(c) for c in ("38bdf8", "818cf8", "f472b6", "fb923c", "34d399")]
    values = [0.42, 0.66, 0.51, 0.83, 0.95]
    left, right, top, bottom = 70, width - 40, 40, height - 50
    slot = (right - left) / len(values)
    for y in range(height):
        row = fill_row(width, background)
        if top <= y <= bottom and (bottom - y) % 72 == 0:
            put_span(row, left, right, grid)
        for i, (value, colour) in enumerate(zip(values, colours)):
            bar_top = bottom - value * (bottom - top)
            if bar_top <= y < bottom:
                put_span(row, left + i * slot + slot * 0.2, left + (i + 1) * slot - slot * 0.2, colour)
        if top <= y <= bottom:
            put_span(row, left - 3, left, axis)
        if bottom <= y < bottom + 3:
            put_span(row, left - 3, right, axis)
        yield row


def editor_rows(width=960, height=1080):
    background = hex_colour("1e1e2e")
    gutter = hex_colour("181825")
    number = hex_colour("45475a")
    palette = [hex_colour(c) for c in ("cba6f7", "89b4fa", "a6e3a1", "f9e2af", "f38ba8", "94e2d5", "cdd6f4")]
    line_height, text_height = 36, 14
    highlighted = {7, 8}
    # Each code line is a list of (indent, length, colour index) tokens.
    program = []
    for n in range(28):
        indent = [0, 1, 1, 2, 2, 3, 2, 1, 0][n % 9] if n % 7 else 0
        tokens = []
        x = indent * 4
        for k in range(1 + (n * 7 + 3) % 4):
            length = 3 + (n * 13 + k * 5) % 9
            tokens.append((x, length, (n + k * 3) % len(palette)))
            x += length + 1
        program.append(tokens if n % 6 != 5 else [])
    for y in range(height):
        line, inside = divmod(y - 40, line_height)
        row = fill_row(width, background)
        if 0 <= line < len(program) and line in highlighted:
            row = fill_row(width, hex_colour("2a2b3d"))
        put_span(row, 0, 90, gutter)
        if y >= 40 and 0 <= line < len(program) and 11 <= inside < 11 + text_height:
            put_span(row, 40, 40 + 12 + 12 * (line % 3), number)
            for start, length, colour in program[line]:
                put_span(row, 120 + start * 12, 120 + (start + length) * 12, palette[colour])
        yield row


def dusk_rows(width=720, height=1080):
    sky = [(0.0, hex_colour("020617")), (0.6, hex_colour("1e1b4b")), (1.0, hex_colour("6d28d9"))]
    moon_x, moon_y, moon_r = width * 0.62, height * 0.22, 70
    stars = set()
    seed = 12345
    for _ in range(140):  # a small linear congruential generator keeps it reproducible
        seed = (seed * 1103515245 + 12345) % (1 << 31)
        sx = seed % width
        seed = (seed * 1103515245 + 12345) % (1 << 31)
        sy = seed % int(height * 0.75)
        stars.add((sx, sy))
    stars_by_row = {}
    for sx, sy in stars:
        stars_by_row.setdefault(sy, []).append(sx)
    hill = hex_colour("0f0a1f")
    for y in range(height):
        base = gradient(sky, y / height)
        row = fill_row(width, base)
        for sx in stars_by_row.get(y, ()):
            put_span(row, sx, sx + 2, hex_colour("e0e7ff"))
        dy = y - moon_y
        if abs(dy) < moon_r:
            half = math.sqrt(moon_r * moon_r - dy * dy)
            put_span(row, moon_x - half, moon_x + half, hex_colour("fef9c3"))
            # A crescent: cut out a second disc, shifted.
            cut_dy = y - (moon_y - 18)
            if abs(cut_dy) < moon_r * 0.92:
                cut_half = math.sqrt((moon_r * 0.92) ** 2 - cut_dy * cut_dy)
                cut_x = moon_x + 34
                put_span(row, max(cut_x - cut_half, moon_x - half), min(cut_x + cut_half, moon_x + half), base)
        for x0 in range(0, width, 4):
            top = height * 0.84 + 40 * math.sin(x0 / width * math.pi * 1.6 + 0.5)
            if y >= top:
                put_span(row, x0, x0 + 4, hill)
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
    "landscape.png": (1600, 900, landscape_rows),
    "chart.png": (800, 450, chart_rows),
    "editor.png": (960, 1080, editor_rows),
    "dusk.png": (720, 1080, dusk_rows),
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
