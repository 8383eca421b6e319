"""Flow a document onto a paper width: blocks become physical lines and symbols.

Both renderers (ESC/POS text mode and raster mode) print exactly these lines, so a slip looks
the same whichever way it is printed and the wrapping is decided once.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.printers.commands import printable
from kiosk.printing.document import (
    Align,
    Barcode,
    Cut,
    Document,
    Feed,
    KeyValue,
    Logo,
    QrCode,
    Separator,
    Text,
    Title,
)
from kiosk.printing.profiles import PrinterProfile
from kiosk.printing.width import display_width, wrap

MAX_KEY_INDENT_RATIO = 0.5  # a key wider than half the line wraps its value under the key


@dataclass(frozen=True)
class Line:
    """One printed line."""

    text: str
    width: int = 1
    height: int = 1
    bold: bool = False
    align: Align = "left"


@dataclass(frozen=True)
class Symbol:
    """A QR code, barcode or logo, centred."""

    kind: str  # "qr", "barcode", "logo"
    data: str
    size: int  # QR module dots, barcode height, logo max width
    ink: int = 128  # a logo's ink threshold (see Logo)


@dataclass(frozen=True)
class Blank:
    """Blank lines."""

    lines: int


@dataclass(frozen=True)
class CutHere:
    """Feed to the cutter; cut when the printer has one."""


Op = Line | Symbol | Blank | CutHere


def flow(document: Document, profile: PrinterProfile) -> list[Op]:
    """The physical lines and symbols of ``document`` on ``profile``'s paper."""
    columns = profile.columns
    ops: list[Op] = []

    def text(value: str) -> str:
        return printable(value, profile.charset)

    for block in document.blocks:
        if isinstance(block, Title):
            for part in wrap(text(block.text), columns // 2):
                ops.append(Line(part, 2, 2, True, "center"))
        elif isinstance(block, Text):
            size = max(1, min(block.size, 4))
            height = max(size, 2 if block.tall else 1)
            for part in wrap(text(block.text), columns // size):
                ops.append(Line(part, size, height, block.bold, block.align))
        elif isinstance(block, KeyValue):
            key, value = text(block.key), text(block.value)
            ops.extend(_key_value(key, text(block.sep), value, block.bold, columns))
        elif isinstance(block, Separator):
            char = block.char if len(block.char) == 1 and block.char.isascii() else "-"
            ops.append(Line(char * columns))
        elif isinstance(block, QrCode):
            ops.append(Symbol("qr", block.data, block.module))
            if block.caption:
                ops.extend(Line(p, align="center") for p in wrap(text(block.caption), columns))
        elif isinstance(block, Barcode):
            ops.append(Symbol("barcode", block.data, block.height))
        elif isinstance(block, Logo):
            ops.append(
                Symbol("logo", block.path, min(block.max_width, profile.width_dots), block.ink)
            )
        elif isinstance(block, Feed):
            ops.append(Blank(max(0, min(block.lines, 20))))
        elif isinstance(block, Cut):
            ops.append(CutHere())
    return ops


def _key_value(key: str, sep: str, value: str, bold: bool, columns: int) -> list[Line]:
    """``key：value`` with the value's continuation lines indented under the value."""
    head = key + sep
    indent = display_width(head)
    if indent > columns * MAX_KEY_INDENT_RATIO:
        return [Line(p, bold=bold) for p in wrap(head, columns) + wrap(value, columns)]
    parts = wrap(value, columns - indent) if value else [""]
    lines = [Line(head + parts[0], bold=bold)]
    lines.extend(Line(" " * indent + p, bold=bold) for p in parts[1:])
    return lines
