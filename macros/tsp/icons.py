"""Write the home-screen icons (docs/assets/images/tsp-icon-*.png): `python -m macros.tsp.icons`.

Plain PNG from the standard library: an indigo square with a white ring
and a red centre, readable at 48 px. Run again only to change the design.
"""

from __future__ import annotations

import struct
import zlib

from . import ROOT

OUT = ROOT / "docs" / "assets" / "images"
INDIGO, WHITE, RED = (0x1A, 0x23, 0x7E), (0xFF, 0xFF, 0xFF), (0xB0, 0x00, 0x20)


def pixel(x: float, y: float) -> tuple[int, int, int]:
    """Colour at (x, y) in a unit square; the design sits in the maskable safe zone."""
    r = ((x - 0.5) ** 2 + (y - 0.5) ** 2) ** 0.5
    if r < 0.17:
        return RED
    if r < 0.30:
        return WHITE
    return INDIGO


def png(size: int) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel((i + 0.5) / size, (j + 0.5) / size)) for i in range(size))
        for j in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    for size in (192, 512):
        (OUT / f"tsp-icon-{size}.png").write_bytes(png(size))
