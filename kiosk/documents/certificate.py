"""A certificate issued at central, laid out on A4 (fpdf2, the CJK face of signed documents).

The page: the title; the verification code; a table of the holder (name, ID number) and the
registry's fields; the summary and 特此证明; the issuing unit and date under a red seal drawn
by the program (:mod:`kiosk.documents.seal`); at the foot a QR code of the public check page
(``/verify/{code}`` at central), the code in groups of four, the terminal and the print time.

:func:`certificate_pdf` with ``masked=True`` makes the screen's preview: the holder's name and
ID number masked as everywhere on screen, and every field value that could identify someone
(anything with a digit, anything longer than a few characters) cut down to its first two
characters; the paper itself (``masked=False``) is complete, it is the holder's own.
:func:`preview_png` renders a page small for the screen (pypdfium2).

CPU work: call it off the GUI thread. Nothing here is logged: the content is personal data.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from kiosk.contract import IssuedCertificate
from kiosk.contract.certificates import format_code
from kiosk.contract.masking import mask_name, mask_number
from kiosk.documents.fonts import DocumentFont, FontFace, a4_page
from kiosk.documents.seal import seal_png
from kiosk.documents.signature import wrap_cjk

CHINA_TZ = timezone(timedelta(hours=8))
SEAL_MM = 42.0
QR_MM = 32.0
SEAL_PX = 600  # the seal picture's side: 42 mm at about 360 dpi
SHORT_VALUE = 6  # a value this short without digits (正常参保, 住宅, 无) is not identifying
SealSource = Callable[[str, FontFace], bytes]  # (issuing unit, face) → the seal's PNG


def preview_value(value: str) -> str:
    """A field value as the preview shows it: short plain words kept, the rest cut to its
    first two characters (an address, an account number, an employer)."""
    if len(value) <= SHORT_VALUE and not any(ch.isdigit() for ch in value):
        return value
    return value[:2] + "*" * 4


def _qr_png(url: str) -> bytes:
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    qr.add_data(url)
    qr.make(fit=True)
    out = io.BytesIO()
    qr.make_image(fill_color="black", back_color="white").save(out)
    return out.getvalue()


def _font() -> FontFace:
    from drivers.printers.glyphs import find_cjk_font

    return find_cjk_font(("Noto Sans CJK SC", "Noto Sans Mono CJK SC", "sans-serif:lang=zh-cn"))


def draw_seal(unit: str, face: FontFace) -> bytes:
    """The seal of ``unit`` drawn afresh (:func:`~kiosk.documents.seal.seal_png`)."""
    return seal_png(unit, face, SEAL_PX)


@dataclass(frozen=True)
class Printed:
    """When and where the paper came out (the foot line); the issue itself is on central."""

    printed_at: datetime
    terminal: str


def certificate_pdf(
    cert: IssuedCertificate,
    verify_url: str,
    *,
    masked: bool = False,
    printed: Printed | None = None,
    font: FontFace | None = None,
    fallback: FontFace | None = None,
    seals: SealSource = draw_seal,
) -> bytes:
    """The certificate as an A4 PDF (see the module's docstring). ``font`` is the CJK face
    (default: fontconfig's); a document with a character it lacks is laid out again in
    ``fallback`` when one is given (as signed documents are). ``seals`` gives the seal's
    picture (a maker keeps the ones it drew)."""
    printed = printed or Printed(datetime.now(CHINA_TZ), cert.terminal_id)
    face = font or _font()
    pdf = _layout(cert, verify_url, masked, printed, face, seals)
    if fallback is not None and pdf.fonts["cjk"].missing_glyphs:
        pdf = _layout(cert, verify_url, masked, printed, fallback, seals)
    return bytes(pdf.output())


def _layout(
    cert: IssuedCertificate,
    verify_url: str,
    masked: bool,
    printed: Printed,
    font: FontFace,
    seals: SealSource,
) -> Any:
    from fpdf.enums import XPos, YPos

    pdf = a4_page(font, cert.title, printed.printed_at, margin=22, page_break=False)
    width = pdf.epw
    issued = cert.issued_at.astimezone(CHINA_TZ)

    pdf.set_font("cjk", size=22)
    pdf.cell(width, 14, cert.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("cjk", size=10)
    pdf.cell(width, 7, f"核验码：{format_code(cert.code)}", align="R")
    pdf.ln(11)

    name = mask_name(cert.name) if masked else cert.name
    id_number = mask_number(cert.id_number) if masked else cert.id_number
    rows = [("姓名", name), ("证件号码", id_number)]
    rows += [(f.label, preview_value(f.value) if masked else f.value) for f in cert.fields]
    pdf.set_font("cjk", size=11)
    with pdf.table(
        col_widths=(34, width - 34),
        text_align=("CENTER", "LEFT"),
        line_height=6,
        first_row_as_headings=False,
        padding=(1.5, 2),
    ) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(8)

    pdf.set_font("cjk", size=12)
    # Broken as Chinese is set (wrap_cjk), so the first line's indent is kept.
    lines = wrap_cjk(f"　　{cert.summary}\n　　特此证明。", width, pdf.get_string_width)
    for line in lines:  # one cell a line: multi_cell would break them again, losing the indent
        pdf.cell(width, 8, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)

    # The issuer and the date at the right, the seal over them.
    block_w = 90.0
    x = pdf.l_margin + width - block_w
    top = pdf.get_y()
    pdf.set_xy(x, top)
    pdf.cell(block_w, 9, cert.issuer, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.cell(block_w, 9, f"{issued:%Y年%m月%d日}", align="C")
    seal = seals(cert.issuer, font)
    pdf.image(io.BytesIO(seal), x=x + block_w / 2 - SEAL_MM / 2, y=top + 9 - SEAL_MM / 2, w=SEAL_MM)

    # The foot: QR code of the check page, the code, where and when it was printed.
    foot = pdf.h - pdf.b_margin - QR_MM
    pdf.set_draw_color(150, 150, 150)
    pdf.line(pdf.l_margin, foot - 5, pdf.l_margin + width, foot - 5)
    pdf.image(io.BytesIO(_qr_png(verify_url)), x=pdf.l_margin, y=foot, w=QR_MM, h=QR_MM)
    text_x = pdf.l_margin + QR_MM + 6
    text_w = width - QR_MM - 6
    pdf.set_xy(text_x, foot + 1)
    pdf.set_font("cjk", size=12)
    pdf.cell(text_w, 8, f"核验码：{format_code(cert.code)}", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("cjk", size=9)
    foot_lines = (
        "扫描左侧二维码或访问以下网址，输入核验码，核验本证明的真实性：",
        verify_url.rsplit("/", 1)[0],
        f"出具时间：{issued:%Y-%m-%d %H:%M}　打印终端：{printed.terminal}（大厅 {cert.hall_id}）",
        f"打印时间：{printed.printed_at.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}",
    )
    for line in foot_lines:
        pdf.cell(text_w, 5.5, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf


def preview_png(pdf: bytes, width_px: int = 600) -> bytes:
    """The PDF's first page as a PNG ``width_px`` wide (for the screen's preview)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=width_px / page.get_width()).to_pil()
        if image.width != width_px:  # the renderer rounds up: one pixel too wide
            image = image.resize((width_px, round(image.height * width_px / image.width)))
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
    finally:
        document.close()


class CertificateMaker:
    """Makes this terminal's certificate papers and previews in the face ``font`` prepares
    (see :mod:`kiosk.documents.fonts`), like :class:`~kiosk.documents.signature.Signer`.
    Built by the composition root; call it off the GUI thread."""

    def __init__(self, font: DocumentFont, terminal: str) -> None:
        self.font = font
        self.terminal = terminal
        self._seals: dict[tuple[str, FontFace], bytes] = {}  # a hall prints for a few units

    def _seal(self, unit: str, face: FontFace) -> bytes:
        key = (unit, face)
        if key not in self._seals:
            self._seals[key] = draw_seal(unit, face)
        return self._seals[key]

    def paper(self, cert: IssuedCertificate, verify_url: str) -> bytes:
        """The complete certificate, for the printer."""
        return self._pdf(cert, verify_url, masked=False)

    def preview(self, cert: IssuedCertificate, verify_url: str, width_px: int = 600) -> bytes:
        """The masked page as a PNG, for the screen."""
        return preview_png(self._pdf(cert, verify_url, masked=True), width_px)

    def _pdf(self, cert: IssuedCertificate, verify_url: str, *, masked: bool) -> bytes:
        first, full = self.font.faces()
        printed = Printed(datetime.now(CHINA_TZ), self.terminal)
        fallback = full if first != full else None
        return certificate_pdf(
            cert,
            verify_url,
            masked=masked,
            printed=printed,
            font=first,
            fallback=fallback,
            seals=self._seal,
        )
