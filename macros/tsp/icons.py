"""The favicon, header mark and home-screen icons, drawn from data/organisation.yml.

The site's icons, made from data/organisation.yml at every build: a white
shield on the organisation's colour (PNG for home screens, 192 and 512 px),
and the same shield with the initials as the SVG favicon and header mark.

Plain PNG from the standard library; the shield sits inside the maskable
safe zone (the middle 80 %), so a round or squircle mask never cuts it.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"
SIZES = (192, 512)
WHITE = (0xFF, 0xFF, 0xFF)
# The shield in a 64-unit square: flat top, straight sides, two curves to a point.
SHIELD = "M16 12 H48 V31 C48 43 41 50 32 55 C23 50 16 43 16 31 Z"
_TOP, _SIDE_END, _TIP = 12.0, 31.0, 55.0


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _bezier(p0, p1, p2, p3, steps=48):
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        yield (u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
               u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1])


@lru_cache(maxsize=1)
def _right_edge() -> list[tuple[float, float]]:
    """(y, x) points of the shield's right edge from the top to the tip (64 units)."""
    curve = list(_bezier((48, 31), (48, 43), (41, 50), (32, 55)))
    return [(_TOP, 48.0)] + [(y, x) for x, y in curve]


def _half_width(y: float) -> float:
    """Distance from the centre line to the right edge at height y, 0 outside."""
    if y < _TOP or y > _TIP:
        return 0.0
    if y <= _SIDE_END:
        return 16.0
    edge = _right_edge()
    for (y0, x0), (y1, x1) in zip(edge, edge[1:]):
        if y0 <= y <= y1 and y1 > y0:
            return (x0 + (x1 - x0) * (y - y0) / (y1 - y0)) - 32.0
    return 0.0


def shield_png(size: int, colour: str) -> bytes:
    """A white shield on colour, size × size pixels, anti-aliased."""
    background = _rgb(colour)
    unit = 64 / size
    samples = 4
    bg, white = bytes(background), bytes(WHITE)
    rows = []
    for j in range(size):
        spans = []
        for s in range(samples):
            half = _half_width((j + (s + 0.5) / samples) * unit) / unit
            spans.append((size / 2 - half, size / 2 + half))
        if all(right <= left for left, right in spans):
            rows.append(b"\x00" + bg * size)
            continue
        # Pixels wholly inside every sample span are white, wholly outside
        # background; only the few edge pixels are blended.
        inner = (int(-(-max(left for left, _ in spans) // 1)), int(min(right for _, right in spans)))
        outer = (max(int(min(left for left, _ in spans)), 0),
                 min(int(-(-max(right for _, right in spans) // 1)), size))

        def blend(i: int) -> bytes:
            c = sum(max(0.0, min(i + 1, right) - max(i, left)) for left, right in spans) / samples
            return bytes(round(b + (w - b) * min(c, 1.0)) for b, w in zip(background, WHITE))

        row = (bg * outer[0] + b"".join(blend(i) for i in range(outer[0], inner[0]))
               + white * max(inner[1] - inner[0], 0)
               + b"".join(blend(i) for i in range(max(inner[1], inner[0]), outer[1]))
               + bg * (size - outer[1]))
        rows.append(b"\x00" + row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined)


def shield_svg(initials: str, colour: str, name: str) -> str:
    """The favicon and header mark: the shield with the initials on it."""
    font_size = {1: 24, 2: 19, 3: 14}[len(initials)]
    return _templates().get_template("tsp-icon.svg").render(
        primary=colour, shield=SHIELD, initials=initials, name=name,
        font_size=font_size, text_y=38 if len(initials) < 3 else 36)


def write_icons(directory: Path, initials: str, colour: str, name: str) -> list[Path]:
    """tsp-icon.svg and tsp-icon-SIZE.png into directory; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = [directory / "tsp-icon.svg"]
    written[0].write_text(shield_svg(initials, colour, name), encoding="utf-8")
    for size in SIZES:
        path = directory / f"tsp-icon-{size}.png"
        path.write_bytes(shield_png(size, colour))
        written.append(path)
    return written
