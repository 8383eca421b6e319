"""The receipt document model: a short list of blocks, independent of paper width and printer.

Layouts (:mod:`kiosk.printing.layouts`) build documents; renderers turn them into printer
bytes for a profile (:mod:`kiosk.printing.escpos_render`, :mod:`kiosk.printing.raster`).
A document serializes to JSON so a print job in the store can be printed again later.
Personal data in a document is already masked by whoever built it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Title:
    """A heading: centred, bold, double size."""

    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper; ``size`` multiplies width and height (1–4)."""

    text: str
    size: int = 1
    bold: bool = False
    align: Align = "left"
    tall: bool = False  # double height only (keeps the full line width)


@dataclass(frozen=True)
class KeyValue:
    """``key：value``; a long value wraps under itself, not under the key (hanging indent)."""

    key: str
    value: str
    bold: bool = False
    sep: str = "："  # " " for numbered list items ("1. 身份证")


@dataclass(frozen=True)
class Separator:
    """A full-width rule of ``char`` (ASCII, so it is one column per character)."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    """A QR code, centred; ``module`` is the dot size of one module."""

    data: str
    module: int = 6
    caption: str = ""


@dataclass(frozen=True)
class Barcode:
    """A CODE128 barcode with its human-readable text below."""

    data: str
    height: int = 64


@dataclass(frozen=True)
class Logo:
    """An image file (PNG/BMP), scaled to fit and centred; skipped when the file is missing."""

    path: str
    max_width: int = 256
    # Grey levels darker than this print as ink; a document page (a sample with grey and
    # coloured text) uses a lighter cut so thin grey strokes survive the scaling.
    ink: int = 128


@dataclass(frozen=True)
class Feed:
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """End of the slip: feed to the cutter and cut (or leave room to tear off)."""


Block = Title | Text | KeyValue | Separator | QrCode | Barcode | Logo | Feed | Cut
_BLOCK_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Title, Text, KeyValue, Separator, QrCode, Barcode, Logo, Feed, Cut)
}

DocumentKind = Literal[
    "receipt", "ticket", "slip", "sample", "referral", "acknowledgement", "supplement", "test"
]


class DocumentError(ValueError):
    """A stored document that cannot be read back (corrupt or from a newer version)."""


@dataclass(frozen=True)
class Document:
    """What to print: its kind, a reference (receipt no., ticket id …) and its blocks."""

    kind: DocumentKind
    reference: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Every string that ends up on paper or in a symbol (for the privacy check)."""
        out: list[str] = []
        for block in self.blocks:
            for value in asdict(block).values():
                if isinstance(value, str):
                    out.append(value)
        return out

    def to_json(self) -> str:
        """The document as JSON, for the store."""
        blocks = [{"type": type(b).__name__, **asdict(b)} for b in self.blocks]
        payload = {"v": 1, "kind": self.kind, "reference": self.reference, "blocks": blocks}
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Document:
        """Read back :meth:`to_json`; raises :class:`DocumentError` on anything else."""
        try:
            payload: dict[str, Any] = json.loads(text)
            if payload.get("v") != 1:
                raise DocumentError(f"unknown document version {payload.get('v')!r}")
            blocks: list[Block] = []
            for raw in payload["blocks"]:
                fields = dict(raw)
                kind = _BLOCK_TYPES[fields.pop("type")]
                blocks.append(kind(**fields))
            return cls(payload["kind"], str(payload["reference"]), tuple(blocks))
        except DocumentError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DocumentError(f"stored document cannot be read: {exc!r}") from None
