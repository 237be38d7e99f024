#!/usr/bin/python3
"""Generates Podium's Unicode property tables from the Unicode Character Database.

    gen_unicode_tables.py --ucd /usr/share/unicode --output build/generated/podium_unicode_tables.inc

Run by engine/text/unicode_tables.cmake at build time, on the host (also under emcmake).
Reads Debian's unicode-data files and writes one C++ include with:

  namespace podium::unicode_data
    kUnicodeVersion              the UCD version, e.g. "15.0.0"
    enum LineBreakClass          Line_Break values (UAX #14), in the order of CLASSES below
    kEastAsian{Other,Half,Wide}  the East_Asian_Width groups Podium needs
    kPropertyRanges[]            sorted; entry = first code point << 8 | properties byte;
                                 a range runs up to the next entry's first code point
    kAsciiProperties[128]        the same properties byte for U+0000..U+007F (fast path)
    kCjkRanges[]                 sorted [first, last] pairs for IsCjk()
    kExtPictUnassignedRanges[]   sorted [first, last] pairs: Extended_Pictographic and
                                 General_Category Cn (UAX #14 rule LB30b)

The properties byte is `line_break_class | east_asian_group << 6`.

What is resolved here rather than at run time, and why:
  - Unlisted code points get the documented Line_Break and East_Asian_Width defaults
    (XX / N, ID or W in the CJK and pictographic ranges, PR in Currency Symbols).
  - SA (South-East Asian) is resolved per UAX #14 LB1, because that needs General_Category:
    SA with General_Category Mn or Mc becomes CM, any other SA becomes AL.
  AI, SG, XX and CJ are kept as they are; the line breaker resolves them (a tailoring choice).

Errors: a missing or malformed input file stops the script with a message and exit code 1.
"""

import argparse
import os
import sys

CLASSES = [
    "BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL", "BA", "BB", "B2", "HY",
    "CB", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU", "PO", "PR", "SY", "AI",
    "AL", "CJ", "EB", "EM", "H2", "H3", "HL", "ID", "JL", "JV", "JT", "RI", "SA", "SG",
    "XX",
]
CLASS_INDEX = {name: i for i, name in enumerate(CLASSES)}
assert len(CLASSES) <= 64

EAW_OTHER, EAW_HALF, EAW_WIDE = 0, 1, 2  # N/Na/A, H, W/F
EAW_GROUP = {"N": EAW_OTHER, "Na": EAW_OTHER, "A": EAW_OTHER, "H": EAW_HALF,
             "W": EAW_WIDE, "F": EAW_WIDE}

CODE_POINTS = 0x110000

# Documented defaults for code points not listed in LineBreak.txt (see its header and
# extracted/DerivedLineBreak.txt's @missing lines).
LINE_BREAK_DEFAULTS = [
    (0x3400, 0x4DBF, "ID"), (0x4E00, 0x9FFF, "ID"), (0xF900, 0xFAFF, "ID"),
    (0x20000, 0x2FFFD, "ID"), (0x30000, 0x3FFFD, "ID"),
    (0x1F000, 0x1FAFF, "ID"), (0x1FC00, 0x1FFFD, "ID"),
    (0x20A0, 0x20CF, "PR"),
]
# The same for EastAsianWidth.txt (extracted/DerivedEastAsianWidth.txt's @missing lines).
EAW_DEFAULTS = [
    (0x3400, 0x4DBF, "W"), (0x4E00, 0x9FFF, "W"), (0xF900, 0xFAFF, "W"),
    (0x20000, 0x2FFFD, "W"), (0x30000, 0x3FFFD, "W"),
]

# IsCjk(): the scripts and blocks whose text is set without spaces between words and gets
# a thin gap next to Latin text.
CJK_SCRIPTS = {"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"}
CJK_BLOCKS = {
    "CJK Radicals Supplement", "Kangxi Radicals", "Ideographic Description Characters",
    "CJK Symbols and Punctuation", "Kanbun", "CJK Strokes", "Enclosed CJK Letters and Months",
    "CJK Compatibility", "Vertical Forms", "CJK Compatibility Forms",
    "Halfwidth and Fullwidth Forms", "Ideographic Symbols and Punctuation",
}


def fail(message):
    print(f"gen_unicode_tables.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def read_ranges(path):
    """Yields (first, last, value) for each data line of a UCD file."""
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                data = line.split("#", 1)[0].strip()
                if not data:
                    continue
                fields = [field.strip() for field in data.split(";")]
                if len(fields) < 2:
                    fail(f"{path}:{number}: expected 'code points; value'")
                first, _, last = fields[0].partition("..")
                try:
                    first_cp = int(first, 16)
                    last_cp = int(last, 16) if last else first_cp
                except ValueError:
                    fail(f"{path}:{number}: bad code point '{fields[0]}'")
                yield first_cp, last_cp, fields[1]
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror} (is Debian's unicode-data installed?)")


def read_version(path):
    """'15.0.0' from a first line like '# LineBreak-15.0.0.txt'."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline().strip()
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")
    name = first.lstrip("# ").rsplit(".txt", 1)[0]
    if "-" not in name:
        fail(f"{path}: no version in first line '{first}'")
    return name.rsplit("-", 1)[1]


def fill(table, first, last, value):
    table[first:last + 1] = bytes([value]) * (last - first + 1)


def to_pairs(flags):
    """[first, last] pairs of the runs where flags[cp] is non-zero."""
    pairs = []
    cp = 0
    while cp < CODE_POINTS:
        start = flags.find(1, cp)
        if start < 0:
            break
        end = flags.find(0, start)
        if end < 0:
            end = CODE_POINTS
        pairs.append((start, end - 1))
        cp = end
    return pairs


def build(ucd):
    path = lambda *parts: os.path.join(ucd, *parts)
    line_break_file = path("LineBreak.txt")
    version = read_version(line_break_file)

    # General_Category: only "is a mark (Mn, Mc)" and "is unassigned (Cn)" are needed.
    is_mark = bytearray(CODE_POINTS)
    is_assigned = bytearray(CODE_POINTS)
    for first, last, gc in read_ranges(path("extracted", "DerivedGeneralCategory.txt")):
        if gc != "Cn":
            fill(is_assigned, first, last, 1)
        if gc in ("Mn", "Mc"):
            fill(is_mark, first, last, 1)

    line_break = bytearray([CLASS_INDEX["XX"]]) * CODE_POINTS
    for first, last, name in LINE_BREAK_DEFAULTS:
        fill(line_break, first, last, CLASS_INDEX[name])
    for first, last, name in read_ranges(line_break_file):
        if name not in CLASS_INDEX:
            fail(f"{line_break_file}: unknown Line_Break value '{name}'")
        if name == "SA":
            for cp in range(first, last + 1):
                line_break[cp] = CLASS_INDEX["CM" if is_mark[cp] else "AL"]
        else:
            fill(line_break, first, last, CLASS_INDEX[name])

    east_asian = bytearray([EAW_OTHER]) * CODE_POINTS
    for first, last, name in EAW_DEFAULTS:
        fill(east_asian, first, last, EAW_GROUP[name])
    eaw_file = path("EastAsianWidth.txt")
    for first, last, name in read_ranges(eaw_file):
        if name not in EAW_GROUP:
            fail(f"{eaw_file}: unknown East_Asian_Width value '{name}'")
        fill(east_asian, first, last, EAW_GROUP[name])

    properties = bytes(line_break[cp] | east_asian[cp] << 6 for cp in range(CODE_POINTS))
    ranges = []
    previous = -1
    for cp in range(CODE_POINTS):
        if properties[cp] != previous:
            ranges.append(cp << 8 | properties[cp])
            previous = properties[cp]

    cjk = bytearray(CODE_POINTS)
    for first, last, script in read_ranges(path("Scripts.txt")):
        if script in CJK_SCRIPTS:
            fill(cjk, first, last, 1)
    blocks_seen = set()
    for first, last, block in read_ranges(path("Blocks.txt")):
        if block in CJK_BLOCKS:
            fill(cjk, first, last, 1)
            blocks_seen.add(block)
    if blocks_seen != CJK_BLOCKS:
        fail(f"Blocks.txt lacks {sorted(CJK_BLOCKS - blocks_seen)}")

    ext_pict_unassigned = bytearray(CODE_POINTS)
    for first, last, prop in read_ranges(path("emoji", "emoji-data.txt")):
        if prop == "Extended_Pictographic":
            for cp in range(first, last + 1):
                if not is_assigned[cp]:
                    ext_pict_unassigned[cp] = 1

    return version, ranges, properties[:128], to_pairs(cjk), to_pairs(ext_pict_unassigned)


def format_numbers(values, per_line, hex_digits):
    lines = []
    for i in range(0, len(values), per_line):
        chunk = values[i:i + per_line]
        lines.append("    " + ", ".join(f"0x{v:0{hex_digits}X}" for v in chunk) + ",")
    return "\n".join(lines)


def render(version, ranges, ascii_props, cjk, ext_pict_unassigned):
    pairs = lambda p: [v for pair in p for v in pair]
    enum = ",\n".join(f"  kLb{name}" for name in CLASSES)
    return f"""\
// Generated by tools/gen_unicode_tables.py from the Unicode {version} Character Database.
// DO NOT EDIT: edit the script; the build regenerates this file.
// Layout of the tables: see the script's docstring.
#pragma once

#include <cstdint>

namespace podium::unicode_data {{

inline constexpr char kUnicodeVersion[] = "{version}";

// Line_Break property values (UAX #14). SA is already resolved to CM or AL.
enum LineBreakClass : uint8_t {{
{enum},
  kLineBreakClassCount
}};

// East_Asian_Width groups, in bits 6..7 of a properties byte.
enum EastAsianGroup : uint8_t {{ kEastAsianOther = 0, kEastAsianHalf = 1, kEastAsianWide = 2 }};

inline constexpr uint8_t kLineBreakClassMask = 0x3F;
inline constexpr int kEastAsianShift = 6;

// {len(ranges)} ranges: first code point << 8 | properties byte.
inline constexpr uint32_t kPropertyRanges[] = {{
{format_numbers(ranges, 6, 8)}
}};

// Properties bytes of U+0000..U+007F.
inline constexpr uint8_t kAsciiProperties[128] = {{
{format_numbers(list(ascii_props), 12, 2)}
}};

// {len(cjk)} [first, last] pairs: Han, kana, Hangul, Bopomofo, CJK symbols and punctuation,
// fullwidth forms.
inline constexpr uint32_t kCjkRanges[] = {{
{format_numbers(pairs(cjk), 6, 5)}
}};

// {len(ext_pict_unassigned)} [first, last] pairs: Extended_Pictographic and unassigned.
inline constexpr uint32_t kExtPictUnassignedRanges[] = {{
{format_numbers(pairs(ext_pict_unassigned), 6, 5)}
}};

}}  // namespace podium::unicode_data
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucd", required=True, help="folder of the UCD (/usr/share/unicode)")
    parser.add_argument("--output", required=True, help="the C++ include to write")
    args = parser.parse_args()

    text = render(*build(args.ucd))
    # Unchanged output is only touched (the build needs it newer than its inputs).
    try:
        with open(args.output, encoding="utf-8") as f:
            if f.read() == text:
                os.utime(args.output)
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(args.output + ".tmp", args.output)


if __name__ == "__main__":
    main()
