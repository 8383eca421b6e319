"""Draw printer text onto a bitmap the way a thermal printer's own fonts lay it out.

A printer's font A is a grid: ASCII is 12×24 dots, a Chinese character 24×24. Both the
emulator (to picture what a real printer prints) and the raster print mode (for printers
without a Chinese font) draw text on that grid, with a CJK font found through fontconfig
(``Noto Sans Mono CJK SC`` from fonts-noto-cjk, whose Latin is exactly half width).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CELL_W = 12  # dots per ASCII column at size 1
CELL_H = 24  # dots per text row at size 1
LINE_GAP = 6  # default ESC/POS line spacing is 30 dots for a 24-dot font

# CJK fonts put the baseline at 0.88 em of a 1 em ideographic box: a 22 px font on a
# baseline 20 dots down keeps every glyph (and descenders like g, y) inside the 24-dot cell.
_FONT_PX = 22
_BASELINE = 20
_PATTERNS = ("Noto Sans Mono CJK SC", "Noto Sans CJK SC", "sans-serif:lang=zh-cn")
_FALLBACKS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)


class FontNotFound(RuntimeError):
    """No font with Chinese glyphs is installed (install fonts-noto-cjk)."""


def find_cjk_font(patterns: tuple[str, ...] = _PATTERNS) -> tuple[Path, int]:
    """A font file and face index with Chinese glyphs, asked of ``fc-match`` for each of
    ``patterns`` in turn (the printer's grid wants the monospaced face first)."""
    if shutil.which("fc-match"):
        for pattern in patterns:
            try:
                out = subprocess.run(
                    ["fc-match", "-f", "%{file}\\n%{index}\\n%{lang}", pattern],
                    capture_output=True,
                    text=True,
                    timeout=5,
                    check=False,
                ).stdout
            except (OSError, subprocess.TimeoutExpired):
                break
            parts = out.split("\n")
            langs = parts[2].split("|") if len(parts) == 3 else []
            if "zh-cn" in langs and Path(parts[0]).is_file():
                return Path(parts[0]), int(parts[1] or 0)
    for path in _FALLBACKS:
        if path.is_file():
            return path, 0
    raise FontNotFound("no Chinese font found; install fonts-noto-cjk (apt)")


def char_cells(ch: str) -> int:
    """Columns a character takes on a Chinese printer: ASCII 1, everything else 2.

    Every non-ASCII character travels as a double-byte (or 4-byte) GB code and prints from
    the printer's 24-dot Chinese font, so even "ambiguous" ones such as · — ℃ are wide.
    """
    return 1 if ord(ch) < 0x80 else 2


class GlyphPainter:
    """Draws one text line on the 12/24-dot grid; holds the loaded font sizes."""

    def __init__(self, font: tuple[Path, int] | None = None) -> None:
        self._path, self._index = font or find_cjk_font()
        self._fonts: dict[int, ImageFont.FreeTypeFont] = {}

    def _font(self, size: int) -> ImageFont.FreeTypeFont:
        if size not in self._fonts:
            self._fonts[size] = ImageFont.truetype(str(self._path), size, index=self._index)
        return self._fonts[size]

    def line_width(self, text: str, width_mult: int = 1) -> int:
        """Dots the text takes at ``width_mult``."""
        return sum(char_cells(c) for c in text) * CELL_W * width_mult

    def draw(
        self,
        canvas: Image.Image,
        x: int,
        y: int,
        text: str,
        width_mult: int = 1,
        height_mult: int = 1,
        bold: bool = False,
    ) -> None:
        """Draw ``text`` with its top-left corner at (x, y), black on a white "L" canvas."""
        if not text:
            return
        cells = sum(char_cells(c) for c in text)
        # Draw at the base size, then stretch: printers magnify a 24-dot glyph, they do not
        # use a bigger font, and width and height scale independently.
        strip = Image.new("L", (cells * CELL_W + 2, CELL_H), 255)
        pen = ImageDraw.Draw(strip)
        font = self._font(_FONT_PX)
        col = 0
        for ch in text:
            w = char_cells(ch) * CELL_W
            if not ch.isspace():
                # Centre each glyph in its cell so a proportional glyph stays on the grid.
                advance = font.getlength(ch)
                gx = col * CELL_W + (w - advance) / 2
                for dx in (0, 1) if bold else (0,):
                    pen.text((gx + dx, _BASELINE), ch, font=font, fill=0, anchor="ls")
            col += char_cells(ch)
        strip = strip.crop((0, 0, cells * CELL_W, CELL_H))
        if width_mult != 1 or height_mult != 1:
            size = (strip.width * width_mult, strip.height * height_mult)
            strip = strip.resize(size, Image.Resampling.BILINEAR)
        canvas.paste(strip, (x, y), mask=Image.eval(strip, lambda v: 255 - v))
