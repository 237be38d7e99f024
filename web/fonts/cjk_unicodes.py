#!/usr/bin/env python3
"""Writes the code points the player's CJK font subset keeps, one U+XXXX per line.

The set is common simplified Chinese: every character of GB 2312 (6,763 hanzi plus its
punctuation, kana, Greek and Cyrillic rows), CJK symbols and punctuation (U+3000-303F)
and the fullwidth/halfwidth forms (U+FF00-FFEF). Latin text is drawn by the Latin faces.

    cjk_unicodes.py OUTPUT
"""
import sys


def gb2312_code_points():
    points = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                points.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return points


def main():
    points = gb2312_code_points()
    points |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    with open(sys.argv[1], "w", encoding="ascii") as out:
        out.write("".join("U+%04X\n" % p for p in sorted(points)))


if __name__ == "__main__":
    main()
