"""Render a document to ESC/POS bytes: text mode (printer's Chinese font) or raster mode.

Text mode sends each line in Chinese mode in the profile's charset (bytes built by
:mod:`drivers.printers.commands`), QR codes as ``GS ( k`` and barcodes as ``GS k``.
Raster mode draws the whole slip with a CJK font and sends it as ``GS v 0`` bands, for
printers that have no Chinese font. Either way, a full ID number is refused first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import Image

from drivers.printers import commands
from drivers.printers.glyphs import CELL_H, LINE_GAP, GlyphPainter
from drivers.printers.paper import Page, Run
from kiosk.printing.document import Document
from kiosk.printing.flow import Blank, CutHere, Line, Op, Symbol, flow
from kiosk.printing.privacy import assert_no_full_id_number
from kiosk.printing.profiles import PrinterProfile

log = logging.getLogger(__name__)

CUT_FEED_LINES = 4  # from the last line to the cutter blade
TEAR_FEED_LINES = 6  # without a cutter: past the tear bar
BARCODE_QUIET_DOTS = 20


class Renderer:
    """Turns documents into bytes for one printer profile (holds the font for raster mode)."""

    def __init__(self, profile: PrinterProfile, painter: GlyphPainter | None = None) -> None:
        self.profile = profile
        self._painter = painter

    @property
    def painter(self) -> GlyphPainter:
        """The CJK glyph painter, loaded on first use (text mode never needs it)."""
        if self._painter is None:
            self._painter = GlyphPainter()
        return self._painter

    def render(self, document: Document) -> bytes:
        """The bytes of one job; raises ``UnmaskedPersonalData`` for a full ID number."""
        assert_no_full_id_number(document.texts())
        ops = flow(document, self.profile)
        if self.profile.mode == "raster":
            return self._raster(ops)
        return self._text(ops)

    # --- text mode -------------------------------------------------------------------------

    def _text(self, ops: list[Op]) -> bytes:
        charset = self.profile.charset
        out = bytearray(commands.INIT)
        align, bold, size = "left", False, (1, 1)
        for op in ops:
            if isinstance(op, Line):
                if op.align != align:
                    out += commands.align(op.align)
                    align = op.align
                if op.bold != bold:
                    out += commands.bold(op.bold)
                    bold = op.bold
                if (op.width, op.height) != size:
                    size = (op.width, op.height)
                    out += commands.char_size(*size)
                out += commands.text_line(op.text, charset)
            elif isinstance(op, Symbol):
                if align != "center":
                    out += commands.align("center")
                    align = "center"
                out += self._symbol(op)
            elif isinstance(op, Blank):
                out += commands.feed_lines(op.lines)
            elif isinstance(op, CutHere):
                out += self._cut()
        return bytes(out)

    def _symbol(self, op: Symbol) -> bytes:
        if op.kind == "qr":
            return commands.qr_code(op.data, qr_module(op.data, op.size, self.profile.width_dots))
        if op.kind == "barcode":
            module = barcode_module(op.data, self.profile.width_dots)
            return commands.barcode_code128(op.data, op.size, module)
        logo = load_logo(op.data, op.size, op.ink)
        return commands.raster_image(logo) if logo is not None else b""

    def _cut(self) -> bytes:
        if self.profile.cutter:
            return commands.feed_lines(CUT_FEED_LINES) + commands.cut()
        return commands.feed_lines(TEAR_FEED_LINES)

    # --- raster mode -----------------------------------------------------------------------

    def draw(self, ops: list[Op]) -> list[Image.Image]:
        """The slip as pictures, one per cut (what raster mode sends, and a preview)."""
        pages: list[Image.Image] = []
        page = Page(self.profile.width_dots, self.painter)
        for op in ops:
            if isinstance(op, Line):
                page.text_line(
                    [Run(op.text, op.width, op.height, op.bold)], op.align, page_spacing()
                )
            elif isinstance(op, Symbol):
                self._draw_symbol(page, op)
            elif isinstance(op, Blank):
                page.feed(op.lines * page_spacing())
            elif isinstance(op, CutHere):
                pages.append(page.content())
                page = Page(self.profile.width_dots, self.painter)
        if page.strips:
            pages.append(page.content())
        return pages

    def _draw_symbol(self, page: Page, op: Symbol) -> None:
        width = self.profile.width_dots
        if op.kind == "qr":
            module = qr_module(op.data, op.size, width)
            page.qr(op.data.encode("utf-8"), module, "M", "center")
        elif op.kind == "barcode":
            page.barcode128(op.data, op.size, barcode_module(op.data, width), True, "center")
        else:
            logo = load_logo(op.data, op.size, op.ink)
            if logo is not None:
                page.raster(logo, "center")

    def _raster(self, ops: list[Op]) -> bytes:
        out = bytearray(commands.INIT)
        pages = self.draw(ops)
        cuts = sum(isinstance(op, CutHere) for op in ops)
        for index, picture in enumerate(pages):
            # Threshold rather than dither: text and symbols are pure black and white.
            mono = picture.point(lambda v: 0 if v < 160 else 255, mode="1")
            out += commands.raster_image(mono)
            if index < cuts:
                out += self._cut()
        return bytes(out)


def page_spacing() -> int:
    """Dots from one text line to the next (the printer's default line spacing)."""
    return CELL_H + LINE_GAP


def qr_module(data: str, wanted: int, width_dots: int) -> int:
    """A module size at which the QR code (with quiet zone) fits the paper.

    The symbol's size is estimated from the data length (byte mode, level M) so that no QR
    encoder has to run in text mode: version v has 17 + 4v modules.
    """
    capacity_m = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412)
    length = len(data.encode("utf-8"))
    version = next((v for v, cap in enumerate(capacity_m, 1) if length <= cap), 20)
    modules = 17 + 4 * version + 8  # plus a 4-module quiet zone each side
    return max(1, min(wanted, width_dots // modules))


def barcode_module(data: str, width_dots: int) -> int:
    """CODE128 module width (2, or 1 when the symbol would not fit at 2)."""
    modules = 11 * (len(data) + 3) + 2  # start, data, check and stop symbols, stop bar
    return 2 if modules * 2 + BARCODE_QUIET_DOTS <= width_dots else 1


def load_logo(path: str, max_width: int, ink: int = 128) -> Image.Image | None:
    """The logo scaled to at most ``max_width`` dots, grey levels below ``ink`` as ink, or
    None (logged) when unreadable."""
    try:
        with Image.open(Path(path)) as img:
            img.load()
            rgba = img.convert("RGBA")
        # Transparent parts of a PNG logo are paper, not ink.
        logo = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("L")
    except (OSError, ValueError) as exc:
        log.warning("receipt logo %s not printed: %s", path, exc)
        return None
    if logo.width > max_width:
        size = (max_width, max(1, logo.height * max_width // logo.width))
        logo = logo.resize(size, Image.Resampling.LANCZOS)
    cut = max(1, min(254, ink))
    return logo.point(lambda v: 0 if v < cut else 255, mode="1")
