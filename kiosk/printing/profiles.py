"""Printer profiles: paper width, Chinese charset, text or raster mode, cutter.

The setting ``printer_profile`` names one of :data:`PROFILES` (e.g. ``"80mm-gb18030"``).
``text`` mode sends Chinese text in the printer's own font (fast, small); ``raster`` draws
the whole slip as one bitmap with a CJK font, for printers without a Chinese font.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from drivers.printers.commands import Charset

PrintMode = Literal["text", "raster"]

DOTS_PER_COLUMN = 12  # font A
WIDTH_DOTS = {58: 384, 80: 576}


@dataclass(frozen=True)
class PrinterProfile:
    """How to talk to one kind of printer."""

    name: str
    paper_mm: int
    charset: Charset = "gb18030"
    mode: PrintMode = "text"
    cutter: bool = True

    @property
    def width_dots(self) -> int:
        """Printable width in dots (203 dpi)."""
        return WIDTH_DOTS[self.paper_mm]

    @property
    def columns(self) -> int:
        """ASCII columns of font A on one line: 32 on 58 mm, 48 on 80 mm."""
        return self.width_dots // DOTS_PER_COLUMN

    def with_width(self, paper_mm: int) -> PrinterProfile:
        """The same printer on other paper (``kioskctl print-test --width``)."""
        if paper_mm not in WIDTH_DOTS:
            raise ValueError(f"paper width must be 58 or 80 mm, got {paper_mm}")
        return replace(self, name=f"{paper_mm}mm-{self.name.split('-', 1)[1]}", paper_mm=paper_mm)


_VARIANTS: tuple[tuple[str, Charset, PrintMode, bool], ...] = (
    ("gb18030", "gb18030", "text", True),
    ("gbk", "gbk", "text", True),
    ("gbk-nocut", "gbk", "text", False),
    ("raster", "gb18030", "raster", True),
    ("raster-nocut", "gb18030", "raster", False),
)


def _table() -> dict[str, PrinterProfile]:
    profiles = [
        PrinterProfile(f"{mm}mm-{variant}", mm, charset, mode, cutter)
        for mm in (58, 80)
        for variant, charset, mode, cutter in _VARIANTS
    ]
    return {p.name: p for p in profiles}


PROFILES: dict[str, PrinterProfile] = _table()
DEFAULT_PROFILE = "80mm-gb18030"


def get_profile(name: str) -> PrinterProfile:
    """The named profile; ``ValueError`` lists the known names."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(
            f"unknown printer profile {name!r}; known: {', '.join(sorted(PROFILES))}"
        ) from None
