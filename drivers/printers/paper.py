"""A picture of printed paper: lines, images, QR codes and barcodes stacked top to bottom.

The emulator draws what it interprets here; the raster print mode draws the slip here and
sends the bitmap. Text sits on the printer's 12/24-dot grid (see :mod:`glyphs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import barcode
import qrcode
from PIL import Image, ImageDraw

from drivers.printers.glyphs import CELL_H, CELL_W, LINE_GAP, GlyphPainter

Align = Literal["left", "center", "right"]
MARGIN = 8  # white edge around the picture, so the paper edge is visible


@dataclass
class Run:
    """Consecutive characters printed with the same size and weight."""

    text: str
    width_mult: int
    height_mult: int
    bold: bool


@dataclass
class Page:
    """Strips of printed paper, top to bottom, for one job."""

    width: int
    painter: GlyphPainter
    strips: list[Image.Image] = field(default_factory=list)

    def _place(self, strip: Image.Image, align: Align) -> None:
        row = Image.new("L", (self.width, strip.height), 255)
        x = {"left": 0, "center": (self.width - strip.width) // 2}.get(
            align, self.width - strip.width
        )
        row.paste(strip, (max(0, x), 0))
        self.strips.append(row)

    def text_line(self, runs: list[Run], align: Align, spacing: int) -> None:
        """One printed line; an empty line is just a feed."""
        height = max((r.height_mult for r in runs if r.text), default=1) * CELL_H
        width = sum(self.painter.line_width(r.text, r.width_mult) for r in runs)
        strip = Image.new("L", (max(width, 1), height + max(spacing - CELL_H, 0)), 255)
        x = 0
        for run in runs:
            top = height - run.height_mult * CELL_H  # characters sit on a common baseline
            self.painter.draw(strip, x, top, run.text, run.width_mult, run.height_mult, run.bold)
            x += self.painter.line_width(run.text, run.width_mult)
        self._place(strip, align)

    def feed(self, dots: int) -> None:
        """Blank paper."""
        if dots > 0:
            self.strips.append(Image.new("L", (self.width, dots), 255))

    def raster(self, image: Image.Image, align: Align) -> None:
        """A ``GS v 0`` band (already black on white)."""
        self._place(
            image.convert("L").crop((0, 0, min(image.width, self.width), image.height)), align
        )

    def qr(self, data: bytes, module: int, level: str, align: Align) -> None:
        """A QR symbol as the printer would draw it, with its quiet zone."""
        levels = {
            "L": qrcode.constants.ERROR_CORRECT_L,
            "M": qrcode.constants.ERROR_CORRECT_M,
            "Q": qrcode.constants.ERROR_CORRECT_Q,
            "H": qrcode.constants.ERROR_CORRECT_H,
        }
        code = qrcode.QRCode(error_correction=levels.get(level, levels["M"]), border=0)
        code.add_data(data)
        code.make(fit=True)
        matrix = code.get_matrix()
        size = len(matrix) * module
        img = Image.new("L", (size + 8 * module, size + 8 * module), 255)
        pen = ImageDraw.Draw(img)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    left, top = (x + 4) * module, (y + 4) * module
                    pen.rectangle((left, top, left + module - 1, top + module - 1), fill=0)
        self._place(img, align)

    def barcode128(self, data: str, height: int, module: int, hri: bool, align: Align) -> None:
        """A CODE128 symbol with its human-readable line below."""
        bars = barcode.get("code128", data).build()[0]
        img = Image.new("L", ((len(bars) + 20) * module, height), 255)
        pen = ImageDraw.Draw(img)
        for i, bit in enumerate(bars):
            if bit == "1":
                left = (i + 10) * module
                pen.rectangle((left, 0, left + module - 1, height - 1), fill=0)
        self._place(img, align)
        if hri:
            self.text_line([Run(data, 1, 1, False)], "center", CELL_H + LINE_GAP)

    def cut_mark(self) -> None:
        """A dashed line where the cutter cut."""
        strip = Image.new("L", (self.width, 9), 255)
        pen = ImageDraw.Draw(strip)
        for x in range(0, self.width, CELL_W):
            pen.line((x, 4, x + CELL_W // 2, 4), fill=128)
        self.strips.append(strip)

    def content(self) -> Image.Image:
        """Everything drawn so far as one white "L" image of the paper's width."""
        out = Image.new("L", (self.width, sum(s.height for s in self.strips)), 255)
        y = 0
        for strip in self.strips:
            out.paste(strip, (0, y))
            y += strip.height
        return out

    def picture(self) -> Image.Image:
        """The whole job as a preview: the content inside a grey paper edge."""
        content = self.content()
        out = Image.new("L", (self.width + 2 * MARGIN, content.height + 2 * MARGIN), 200)
        out.paste(content, (MARGIN, MARGIN))
        return out
