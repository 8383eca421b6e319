"""The round red seal (公章) printed on certificates, drawn by the program (Pillow).

A ring, a five-pointed star in the middle, the issuing unit's name set along the upper arc
with each character turned to face outwards, and a short line under the star (e.g.
证明专用章). It is drawn translucent, so the issuer line under it stays readable, as ink
would. The seal is a picture of who issued the paper, not a signature: what makes a printed
certificate checkable is its verification code at central (``/verify/{code}``).
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SEAL_RED = (212, 24, 24)
INK_ALPHA = 175  # of 255: the text under the seal shows through
RING_SHARE = 0.034  # ring width, as a share of the seal's diameter
STAR_SHARE = 0.19  # the star's outer radius, as a share of the diameter
NAME_SHARE = 0.13  # the name's character size, as a share of the diameter
MAX_ARC_DEG = 250.0  # the name never runs further round than this


def star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star pointing up, centred on (cx, cy)."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(i * 36)  # clockwise from the top
        points.append((cx + radius * math.sin(angle), cy - radius * math.cos(angle)))
    return points


def _glyph(ch: str, font: ImageFont.FreeTypeFont, size: int) -> Image.Image:
    tile = Image.new("L", (size, size), 0)
    ImageDraw.Draw(tile).text((size / 2, size / 2), ch, font=font, fill=255, anchor="mm")
    return tile


def seal_image(
    unit: str, font: tuple[Path, int], size_px: int = 600, motto: str = "证明专用章"
) -> Image.Image:
    """The seal of ``unit`` as an RGBA image ``size_px`` square (transparent outside)."""
    path, index = font
    scale = 2  # drawn at twice the size, then reduced: smooth edges
    side = size_px * scale
    mask = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(mask)
    c = side / 2
    ring = side * RING_SHARE
    draw.ellipse(
        (ring / 2, ring / 2, side - ring / 2, side - ring / 2), outline=255, width=round(ring)
    )
    draw.polygon(star_points(c, c, side * STAR_SHARE), fill=255)

    name_px = round(side * NAME_SHARE)
    name_font = ImageFont.truetype(str(path), name_px, index=index)
    radius = c - ring - name_px * 0.62  # the characters' centres
    step = min(MAX_ARC_DEG / max(len(unit), 1), 360 * name_px * 1.05 / (2 * math.pi * radius))
    first = -step * (len(unit) - 1) / 2  # degrees clockwise from the top
    tile_side = round(name_px * 1.5)
    for i, ch in enumerate(unit):
        angle = first + i * step
        glyph = _glyph(ch, name_font, tile_side).rotate(
            -angle, resample=Image.Resampling.BICUBIC, expand=True
        )
        x = c + radius * math.sin(math.radians(angle)) - glyph.width / 2
        y = c - radius * math.cos(math.radians(angle)) - glyph.height / 2
        mask.paste(255, (round(x), round(y)), glyph)

    if motto:
        motto_font = ImageFont.truetype(str(path), round(side * 0.085), index=index)
        draw.text((c, c + side * 0.28), motto, font=motto_font, fill=255, anchor="mm")

    mask = mask.resize((size_px, size_px), Image.Resampling.LANCZOS)
    alpha = mask.point(lambda v: v * INK_ALPHA // 255)
    seal = Image.new("RGBA", (size_px, size_px), (*SEAL_RED, 0))
    seal.putalpha(alpha)
    return seal


def seal_png(unit: str, font: tuple[Path, int], size_px: int = 600) -> bytes:
    """:func:`seal_image` as PNG bytes (for the PDF)."""
    out = io.BytesIO()
    seal_image(unit, font, size_px).save(out, format="PNG")
    return out.getvalue()
