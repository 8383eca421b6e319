"""A handwritten signature taken on the touch screen, and the signed document it makes.

The signing pad hands over its strokes as plain lists: each stroke a list of ``[x, y, t]``
points (pad pixels from the top-left corner, milliseconds since the first touch), with the
pad's width and height. :meth:`Signature.from_lists` turns that into a :class:`Signature`,
refusing what is not a point list (``signature_malformed``); :func:`check` refuses what is not
a signature, with a ``reason`` the screen turns into a sentence:

- ``signature_empty``: nothing drawn.
- ``signature_dot``: fewer than :data:`MIN_POINTS` points in all, or every point inside a
  box whose sides are under :data:`DOT_SHARE` of the pad's width. A tap, even a shaky one,
  gives a handful of points within a few pixels; a pointer sampled at 60 Hz gives 12 points
  in 0.2 s of real movement, and the shortest name takes longer than that.
- ``signature_too_small``: the ink box's longer side is under :data:`MIN_INK_SHARE` of the
  pad's width. On the terminal's pad (about 1100 px, 27 cm on a 21.5" screen) that is
  2.7 cm: a finger-written name of two characters is several times wider; a tiny scribble
  or a tick is not.

:func:`render_png` draws the strokes black on white, anti-aliased (drawn at
:data:`SUPERSAMPLE` times the size, then reduced). :func:`signed_pdf` makes the signed
document (fpdf2, with the system's CJK font embedded as a subset): the exact text, the
signature, the time, the terminal, the service and material, the signer's masked name and ID
number, and the sha256 of the text; the strokes themselves travel inside it as an embedded
``signature-strokes.json``, so the document alone carries everything that was signed.

CPU work: call it off the GUI thread. Nothing here is logged: strokes, names and the text are
personal data.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.errors import ReasonError

if TYPE_CHECKING:
    from kiosk.documents.fonts import DocumentFont

MIN_POINTS = 12  # in all strokes together
DOT_SHARE = 0.03  # of the pad's width: both ink box sides under this → a dot
MIN_INK_SHARE = 0.10  # of the pad's width: the ink box's longer side at least this
MAX_POINTS = 20_000  # far beyond a name (10 s of two fingers at 120 Hz); more is not a pad's
MAX_STROKES = 500
MAX_PAD_SIDE = 10_000  # pixels
OUTSIDE_SLACK = 0.05  # a point this far (share of the side) outside the pad is clamped
SUPERSAMPLE = 4
INK_WIDTH = 0.012  # stroke width as a share of the pad's width (13 px on a 1100 px pad)
PNG_WIDTH = 900  # the rendered signature's width in pixels (about 7.6 cm at 300 dpi)
STROKES_FILE = "signature-strokes.json"

REASONS = {
    "signature_empty": "请在框内签上您的姓名",
    "signature_dot": "请签上您的姓名，一个点不能作为签名",
    "signature_too_small": "签名太小，请在框内写大一些",
    "signature_malformed": "签名没有记录完整，请清除后重新签名",
}


class SignatureRejected(ReasonError, ValueError):
    """Not a usable signature; ``reason`` is a key of :data:`REASONS`."""


@dataclass(frozen=True)
class Point:
    """One sample of the pointer: pad pixels and milliseconds since the first touch."""

    x: float
    y: float
    t: float


Stroke = tuple[Point, ...]


@dataclass(frozen=True, repr=False)
class Signature:
    """What was drawn on a pad of ``width`` × ``height`` pixels, stroke by stroke."""

    strokes: tuple[Stroke, ...]
    width: float
    height: float

    @classmethod
    def from_lists(cls, strokes: Any, width: float, height: float) -> Signature:
        """From the pad's plain lists (``[[[x, y, t], …], …]``); points a little outside the
        pad (a finger sliding past the edge) are clamped to it, anything else odd is
        ``signature_malformed``."""
        try:
            w, h = float(width), float(height)
        except (TypeError, ValueError):
            raise SignatureRejected("signature_malformed", "pad size is not a number") from None
        if not (0 < w <= MAX_PAD_SIDE and 0 < h <= MAX_PAD_SIDE):
            raise SignatureRejected("signature_malformed", "pad size out of range")
        if not isinstance(strokes, Sequence) or isinstance(strokes, str | bytes):
            raise SignatureRejected("signature_malformed", "strokes are not a list")
        if len(strokes) > MAX_STROKES:
            raise SignatureRejected("signature_malformed", "too many strokes")
        out: list[Stroke] = []
        total = 0
        for raw in strokes:
            if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
                raise SignatureRejected("signature_malformed", "a stroke is not a list")
            total += len(raw)
            if total > MAX_POINTS:
                raise SignatureRejected("signature_malformed", "too many points")
            points: list[Point] = []
            for p in raw:
                points.append(_point(p, w, h, points[-1].t if points else None))
            if points:
                out.append(tuple(points))
        return cls(tuple(out), w, h)

    @property
    def points(self) -> int:
        """How many points in all."""
        return sum(len(s) for s in self.strokes)

    def ink_box(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) of everything drawn, or None when nothing was."""
        xs = [p.x for s in self.strokes for p in s]
        ys = [p.y for s in self.strokes for p in s]
        if not xs:
            return None
        return min(xs), min(ys), max(xs), max(ys)

    def to_lists(self) -> list[list[list[float]]]:
        """The strokes as plain lists again (``[[[x, y, t], …], …]``)."""
        return [[[p.x, p.y, p.t] for p in s] for s in self.strokes]

    def to_json(self) -> bytes:
        """The strokes and the pad's size as compact JSON (kept inside the signed PDF)."""
        doc = {"width": self.width, "height": self.height, "strokes": self.to_lists()}
        return json.dumps(doc, separators=(",", ":")).encode()

    def __repr__(self) -> str:
        return f"Signature(strokes={len(self.strokes)}, points={self.points})"

    __str__ = __repr__


def _point(raw: Any, w: float, h: float, last_t: float | None) -> Point:
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes) or len(raw) != 3:
        raise SignatureRejected("signature_malformed", "a point is not [x, y, t]")
    try:
        x, y, t = (float(v) for v in raw)
    except (TypeError, ValueError):
        raise SignatureRejected("signature_malformed", "a point is not numbers") from None
    if not all(math.isfinite(v) for v in (x, y, t)) or t < 0:
        raise SignatureRejected("signature_malformed", "a point is not finite")
    if not (-OUTSIDE_SLACK * w <= x <= (1 + OUTSIDE_SLACK) * w) or not (
        -OUTSIDE_SLACK * h <= y <= (1 + OUTSIDE_SLACK) * h
    ):
        raise SignatureRejected("signature_malformed", "a point is far outside the pad")
    if last_t is not None and t < last_t:
        raise SignatureRejected("signature_malformed", "time runs backwards in a stroke")
    return Point(min(max(x, 0.0), w), min(max(y, 0.0), h), t)


def check(signature: Signature) -> None:
    """Refuse what is not a signature (see the module's reasons); return when it is one."""
    box = signature.ink_box()
    if box is None:
        raise SignatureRejected("signature_empty", "nothing drawn")
    left, top, right, bottom = box
    box_w, box_h = right - left, bottom - top
    dot = DOT_SHARE * signature.width
    if signature.points < MIN_POINTS or (box_w < dot and box_h < dot):
        raise SignatureRejected("signature_dot", f"{signature.points} points, a dot")
    if max(box_w, box_h) < MIN_INK_SHARE * signature.width:
        raise SignatureRejected("signature_too_small", "ink box under the minimum")


def render_png(signature: Signature, width: int = PNG_WIDTH) -> bytes:
    """The signature black on white, anti-aliased, ``width`` pixels wide (the pad's shape)."""
    from PIL import Image, ImageDraw

    scale = width / signature.width
    height = max(1, round(signature.height * scale))
    big = SUPERSAMPLE * scale
    image = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 255)
    draw = ImageDraw.Draw(image)
    pen = max(2, round(INK_WIDTH * signature.width * big))
    radius = pen / 2
    for stroke in signature.strokes:
        xy = [(p.x * big, p.y * big) for p in stroke]
        if len(xy) > 1:
            draw.line(xy, fill=0, width=pen, joint="curve")
        for x, y in (xy[0], xy[-1]):  # round ends (and a lone point as a dot)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=0)
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def text_sha256(text: str) -> str:
    """The hex sha256 of ``text`` as UTF-8: the hash printed on the signed document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, repr=False)
class SignedFacts:
    """What the signed document says besides the signature (personal values masked)."""

    title: str  # e.g. 告知承诺书
    text: str  # the exact words signed
    service: str  # name (code)
    material: str
    signer_name: str  # masked
    signer_id_number: str  # masked
    signed_at: datetime
    terminal: str = ""  # filled in by the composition root's signer
    signer_role: str = "承诺人"  # 委托人 for a power of attorney

    def __repr__(self) -> str:
        return f"SignedFacts(title={self.title!r}, service={self.service!r})"

    __str__ = __repr__


# Chinese line breaking (禁则): these never begin a line, and an opening bracket never ends one.
_NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·,.;:?!)]}%")
_NO_LINE_END = set("（《「『【〔“‘([{")


def wrap_cjk(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` says), character by
    character as Chinese is set, never starting a line with closing punctuation nor ending
    one with an opening bracket (the character before moves down with it)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for ch in paragraph:
            if not line or measure(line + ch) <= width:
                line += ch
                continue
            carry = ""
            while len(line) > 1 and (ch in _NO_LINE_START or line[-1] in _NO_LINE_END):
                carry, line = line[-1] + carry, line[:-1]
                if line[-1] not in _NO_LINE_END and carry[0] not in _NO_LINE_START:
                    break
            lines.append(line)
            line = carry + ch
        lines.append(line)
    return lines


def _font() -> tuple[Path, int]:
    from drivers.printers.glyphs import find_cjk_font

    return find_cjk_font(("Noto Sans CJK SC", "Noto Sans Mono CJK SC", "sans-serif:lang=zh-cn"))


def signed_pdf(
    signature: Signature,
    facts: SignedFacts,
    font: tuple[Path, int] | None = None,
    fallback: tuple[Path, int] | None = None,
) -> bytes:
    """The signed document as an A4 PDF (see the module's docstring). ``check`` it first.

    ``font`` is the CJK face (default: fontconfig's); when it lacks a character of the
    document and a ``fallback`` face is given, the whole document is laid out again in that
    one (a prepared GB2312 copy, then the full face: see :mod:`kiosk.documents.fonts`)."""
    png = render_png(signature)
    pdf = _layout(signature, png, facts, font or _font())
    if fallback is not None and pdf.fonts["cjk"].missing_glyphs:
        pdf = _layout(signature, png, facts, fallback)
    return bytes(pdf.output())


def _layout(signature: Signature, png: bytes, facts: SignedFacts, font: tuple[Path, int]) -> Any:
    from fpdf.enums import XPos, YPos

    from kiosk.documents.fonts import a4_page

    pdf = a4_page(font, facts.title, facts.signed_at, margin=20, page_break=True)
    width = pdf.epw

    def line(label: str, value: str, size: float = 11) -> None:
        pdf.set_font("cjk", size=size)
        pdf.multi_cell(width, 7, f"{label}：{value}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_font("cjk", size=18)
    pdf.cell(width, 12, facts.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    line("办理事项", facts.service)
    line("材料", facts.material)
    pdf.ln(3)
    pdf.set_font("cjk", size=13)
    lines = wrap_cjk(facts.text, width - 8, pdf.get_string_width)
    pdf.multi_cell(
        width, 8, "\n".join(lines), border=1, padding=4, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(4)
    line(facts.signer_role, facts.signer_name)
    line("证件号码", facts.signer_id_number)
    pdf.set_font("cjk", size=11)
    pdf.cell(width, 7, "签名：", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    image_w = min(width, 120.0)
    image_h = image_w * signature.height / signature.width
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=image_w, h=image_h)
    pdf.ln(2)
    line("签署时间", facts.signed_at.isoformat(sep=" ", timespec="seconds"))
    line("终端", facts.terminal)
    line("签署文本 SHA-256", text_sha256(facts.text), size=9)
    pdf.embed_file(
        basename=STROKES_FILE,
        bytes=signature.to_json(),
        desc="signature strokes: [x, y, t ms] per point, pad pixels",
        modification_date=facts.signed_at,
        compress=True,
    )
    return pdf


class Signer:
    """Makes this terminal's signed documents: :func:`signed_pdf` with the terminal's id
    (hall-terminal), set in the face ``font`` prepares (see :mod:`kiosk.documents.fonts`:
    the first document starts the preparing, in the background, if no copy is in the cache
    folder yet). Built by the composition root; call it off the GUI thread."""

    def __init__(self, font: DocumentFont, terminal: str) -> None:
        self.font = font
        self.terminal = terminal

    def __call__(self, signature: Signature, facts: SignedFacts) -> bytes:
        first, full = self.font.faces()
        facts = replace(facts, terminal=self.terminal)
        return signed_pdf(signature, facts, first, fallback=full if first != full else None)

    def close(self) -> None:
        """Stop preparing the face (the terminal is stopping)."""
        self.font.close()
