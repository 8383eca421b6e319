"""ESC/POS command bytes, built by hand so every byte sent is one we chose.

Only the commands this project sends (and its emulator understands) live here. Text is
encoded by the caller's profile charset and wrapped in Chinese mode (``FS &`` … ``FS .``);
python-escpos's automatic encoder is deliberately not used (it switches code pages with
``ESC t`` for non-CJK strings, which a printer in Chinese mode misreads).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL import Image

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
DLE = b"\x10"
LF = b"\n"

INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
STATUS_PRINTER = DLE + b"\x04\x01"  # DLE EOT 1: online / offline
STATUS_OFFLINE_CAUSE = DLE + b"\x04\x02"  # DLE EOT 2: cover open, paper end stop, error
STATUS_PAPER = DLE + b"\x04\x04"  # DLE EOT 4: roll paper sensors

Charset = Literal["gb18030", "gbk"]
QrErrorLevel = Literal["L", "M", "Q", "H"]

# Characters a Chinese receipt often contains that GBK lacks but has a full-width twin for;
# GB18030 would send them as 4-byte sequences that many "GB18030" printers still garble.
_SUBSTITUTES = str.maketrans({"¥": "￥", "\u00a0": " ", "–": "－", "\u2011": "-"})
# ESC/POS control bytes must never reach the printer inside text.
_INVERT = bytes(b ^ 0xFF for b in range(256))
_CONTROL = dict.fromkeys([*range(0x20), 0x7F])


class CommandError(ValueError):
    """A value that cannot be turned into a printer command (too large, wrong type)."""


def align(where: Literal["left", "center", "right"]) -> bytes:
    """``ESC a n``: justification of the following lines (and of GS v 0 images)."""
    return ESC + b"a" + bytes([{"left": 0, "center": 1, "right": 2}[where]])


def bold(on: bool) -> bytes:
    """``ESC E n``: emphasized (bold) text on or off."""
    return ESC + b"E" + (b"\x01" if on else b"\x00")


def char_size(width: int, height: int) -> bytes:
    """``GS ! n``: character width and height multipliers (1–8), for ASCII and Chinese."""
    if not (1 <= width <= 8 and 1 <= height <= 8):
        raise CommandError(f"character size {width}x{height} is outside 1..8")
    return GS + b"!" + bytes([((width - 1) << 4) | (height - 1)])


def feed_lines(n: int) -> bytes:
    """``ESC d n``: print the buffer and feed ``n`` lines."""
    if not 0 <= n <= 255:
        raise CommandError(f"cannot feed {n} lines")
    return ESC + b"d" + bytes([n])


def cut(partial: bool = True) -> bytes:
    """``GS V 66 0`` / ``GS V 65 0``: feed to the cutter and cut (partial or full)."""
    return GS + b"V" + (b"B" if partial else b"A") + b"\x00"


def encode_text(text: str, charset: Charset) -> bytes:
    """Text bytes for a printer in Chinese mode: ASCII as is, the rest in ``charset``.

    Control characters are dropped (they would be commands); characters the charset lacks
    become a full-width question mark so the column count stays right.
    """
    return printable(text, charset).encode(charset)


def text_line(text: str, charset: Charset) -> bytes:
    """One printed line: plain ASCII, or Chinese-mode bytes between ``FS &`` and ``FS .``."""
    if text.isascii():
        return encode_text(text, charset) + LF
    return CHINESE_ON + encode_text(text, charset) + CHINESE_OFF + LF


def printable(text: str, charset: Charset) -> str:
    """``text`` as the printer will show it: substitutes applied, unknown characters → ？."""
    text = text.translate(_SUBSTITUTES).translate(_CONTROL)
    try:
        text.encode(charset)
        return text  # the common case: one encode, no per-character loop
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode(charset)
            out.append(ch)
        except UnicodeEncodeError:
            out.append("？")
    return "".join(out)


def qr_code(data: str, module: int = 6, level: QrErrorLevel = "M") -> bytes:
    """``GS ( k`` model 2 QR code: select model, module size, error level, store, print."""
    payload = data.encode("utf-8")
    if not payload or len(payload) > 2000:
        raise CommandError(f"QR data must be 1..2000 bytes, got {len(payload)}")
    if not 1 <= module <= 16:
        raise CommandError(f"QR module size {module} is outside 1..16")
    level_byte = {"L": 48, "M": 49, "Q": 50, "H": 51}[level]
    store_len = len(payload) + 3
    return b"".join(
        (
            GS + b"(k\x04\x00\x31\x41\x32\x00",  # fn 165: model 2
            GS + b"(k\x03\x00\x31\x43" + bytes([module]),  # fn 167: module size
            GS + b"(k\x03\x00\x31\x45" + bytes([level_byte]),  # fn 169: error correction
            GS + b"(k" + bytes([store_len & 0xFF, store_len >> 8]) + b"\x31\x50\x30" + payload,
            GS + b"(k\x03\x00\x31\x51\x30",  # fn 181: print the stored symbol
        )
    )


def barcode_code128(data: str, height: int = 80, module: int = 2, hri: bool = True) -> bytes:
    """``GS k`` CODE128 (code set B) with its height, module width and readable text below."""
    if not data or not data.isascii() or not data.isprintable() or len(data) > 60:
        raise CommandError(f"CODE128 data must be 1..60 printable ASCII characters: {data!r}")
    if not 1 <= height <= 255 or not 1 <= module <= 6:
        raise CommandError("barcode height must be 1..255 and module 1..6")
    body = b"{B" + data.replace("{", "{{").encode("ascii")
    return b"".join(
        (
            GS + b"h" + bytes([height]),
            GS + b"w" + bytes([module]),
            GS + b"H" + (b"\x02" if hri else b"\x00"),
            GS + b"k\x49" + bytes([len(body)]) + body,
        )
    )


def raster_image(image: Image.Image, band_rows: int = 256) -> bytes:
    """``GS v 0`` raster bit image, split into bands (printers limit one image's height).

    ``image`` is converted to 1 bit; black pixels print. Width is padded to whole bytes.
    """
    from PIL import Image  # not with the settings, which only need the charsets

    mono = image.convert("1") if image.mode != "1" else image
    width, height = mono.size
    if width == 0 or height == 0:
        return b""
    if width > 65535 * 8:
        raise CommandError(f"image is too wide ({width} dots)")
    width_bytes = (width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, height), 1)
    padded.paste(mono, (0, 0))
    # PIL's "1" mode packs white as 1; ESC/POS wants a set bit for a black dot.
    raw = padded.tobytes().translate(_INVERT)
    out = bytearray()
    for top in range(0, height, band_rows):
        rows = min(band_rows, height - top)
        out += GS + b"v0\x00"
        out += bytes([width_bytes & 0xFF, width_bytes >> 8, rows & 0xFF, rows >> 8])
        out += raw[top * width_bytes : (top + rows) * width_bytes]
    return bytes(out)
