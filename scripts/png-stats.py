#!/usr/bin/env python3
"""Reads a PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes screenshots) with
nothing but the standard library, and prints what tells a blank image from a drawn one,
as JSON: width, height, the number of distinct colours (counted up to 10 000) and the
share of pixels that are not near-white.

Used by Tests/EndToEndTests/HTMLScreenshotTests.swift: `python3 scripts/png-stats.py FILE`.
"""
import json
import struct
import sys
import zlib


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    position, compressed = 8, b""
    width = height = None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        chunk = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            if depth != 8 or colour_type not in (2, 6) or interlace != 0:
                sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour_type}, interlace {interlace})")
            step = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            compressed += chunk
    raw = zlib.decompress(compressed)
    stride = width * step
    previous = bytearray(stride)
    rows = []
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        if kind == 1:
            for x in range(step, stride):
                line[x] = (line[x] + line[x - step]) & 255
        elif kind == 2:
            for x in range(stride):
                line[x] = (line[x] + previous[x]) & 255
        elif kind == 3:
            for x in range(stride):
                left = line[x - step] if x >= step else 0
                line[x] = (line[x] + ((left + previous[x]) >> 1)) & 255
        elif kind == 4:
            for x in range(stride):
                a = line[x - step] if x >= step else 0
                b = previous[x]
                c = previous[x - step] if x >= step else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, step, rows


def main():
    width, height, step, rows = read(sys.argv[1])
    colours = set()
    not_white = 0
    for row in rows:
        for x in range(0, len(row), step):
            pixel = row[x:x + 3]
            if len(colours) < 10000:
                colours.add(pixel)
            if min(pixel) < 235:
                not_white += 1
    print(json.dumps({"width": width, "height": height, "colours": len(colours),
                      "notWhite": not_white / (width * height)}))


main()
