"""Draws the add-in icons (assets/icon-16/32/64/80.png): three rising bars on a rounded blue tile,
the picture of money stepping up with need. Standard library only (zlib PNG encoder), so it runs anywhere."""
import struct
import zlib
from pathlib import Path

BLUE = (16, 110, 190, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y, size):
    r = size * 0.18  # corner radius
    cx = min(max(x + 0.5, r), size - r)
    cy = min(max(y + 0.5, r), size - r)
    if (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r:
        return CLEAR
    u, v = (x + 0.5) / size, (y + 0.5) / size
    for left, top in ((0.18, 0.58), (0.42, 0.42), (0.66, 0.22)):
        if left <= u <= left + 0.17 and top <= v <= 0.80:
            return WHITE
    return BLUE


def png(size):
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "assets"
    for size in (16, 32, 64, 80):
        (out / f"icon-{size}.png").write_bytes(png(size))
