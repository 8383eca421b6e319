"""Text-block layouts of the cards a SAM reader reads (256 bytes, UCS-2LE, space padded).

The type marker at byte 248 tells the family: space (or NUL) = resident ID card, ``J`` = Hong
Kong/Macau/Taiwan residence permit, ``I`` = foreign permanent resident ID (old edition),
``Y`` = foreign permanent resident ID (2023 edition; its layout still needs confirming on real
cards). :func:`parse_text_block` turns a block into a :class:`CardRead`;
:func:`build_text_block` is its inverse, used by the emulator.
"""

from __future__ import annotations

from drivers.cards.base import CardRead

TEXT_BLOCK_LEN = 256
TYPE_MARKER_OFFSET = 248

# (CardRead field, byte offset, byte length); a field listed twice is split in two parts.
Layout = tuple[tuple[str, int, int], ...]

RESIDENT_LAYOUT: Layout = (
    ("name", 0, 30),
    ("sex_code", 30, 2),
    ("nation_code", 32, 4),
    ("birth_date", 36, 16),
    ("address", 52, 70),
    ("id_number", 122, 36),
    ("issuer", 158, 30),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
)
HMT_LAYOUT: Layout = (
    ("name", 0, 30),
    ("sex_code", 30, 2),
    ("birth_date", 36, 16),
    ("address", 52, 70),
    ("id_number", 122, 36),
    ("issuer", 158, 30),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
    ("pass_number", 220, 18),
    ("issue_count", 238, 4),
)
FOREIGN_OLD_LAYOUT: Layout = (
    ("name_en", 0, 120),
    ("sex_code", 120, 2),
    ("id_number", 122, 30),
    ("nationality", 152, 6),
    ("name", 158, 30),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
    ("birth_date", 220, 16),
    ("card_version", 236, 4),
    ("issuer", 240, 8),
)
FOREIGN_2023_LAYOUT: Layout = (
    ("name", 0, 30),
    ("sex_code", 30, 2),
    ("issue_count", 32, 4),
    ("birth_date", 36, 16),
    ("name_en", 52, 70),
    ("id_number", 122, 36),
    ("valid_from", 188, 16),
    ("valid_to", 204, 16),
    ("name_en", 220, 22),
    ("nationality", 242, 6),
)

# type marker → (card_type, layout)
LAYOUTS: dict[str, tuple[str, Layout]] = {
    " ": ("resident", RESIDENT_LAYOUT),
    "J": ("hmt_permit", HMT_LAYOUT),
    "I": ("foreign_permanent", FOREIGN_OLD_LAYOUT),
    "Y": ("foreign_permanent", FOREIGN_2023_LAYOUT),
}


class LayoutError(ValueError):
    """A text block that is not one of the known card layouts."""


def type_marker(block: bytes) -> str:
    """The card family marker of a text block (space for a resident ID card)."""
    if len(block) != TEXT_BLOCK_LEN:
        raise LayoutError(f"text block has {len(block)} bytes, expected {TEXT_BLOCK_LEN}")
    marker = _decode(block[TYPE_MARKER_OFFSET : TYPE_MARKER_OFFSET + 2])
    # Early resident cards leave the marker zeroed instead of a space.
    return " " if marker in ("\x00", " ") else marker


def parse_text_block(block: bytes, photo_wlt: bytes = b"") -> CardRead:
    """The card's fields from its 256-byte text block; :class:`LayoutError` when unknown."""
    marker = type_marker(block)
    if marker not in LAYOUTS:
        raise LayoutError(f"unknown card type marker {marker!r}")
    card_type, layout = LAYOUTS[marker]
    values: dict[str, str] = {}
    for name, offset, length in layout:
        text = _decode(block[offset : offset + length]).strip(" \x00")
        values[name] = values.get(name, "") + text
    values.pop("card_version", None)  # the old foreign card's layout version: not shown
    if marker == "Y":
        # The English name is split in two parts; part 2 continues part 1 directly.
        values["name_en"] = values["name_en"].strip()
    fields = {k: v for k, v in values.items() if k in _CARD_FIELDS}
    return CardRead(card_type=card_type, layout=marker, photo_wlt=photo_wlt, **fields)


def build_text_block(card: CardRead) -> bytes:
    """The 256-byte text block for ``card`` (inverse of :func:`parse_text_block`)."""
    marker = card.layout or _default_marker(card.card_type)
    if marker not in LAYOUTS:
        raise LayoutError(f"no layout for marker {marker!r}")
    _, layout = LAYOUTS[marker]
    block = bytearray(" ".encode("utf-16-le") * (TEXT_BLOCK_LEN // 2))
    parts: dict[str, str] = {}
    for name, offset, length in layout:
        if name == "card_version":
            value = "01"
        elif name in parts:
            value = parts.pop(name)  # second part of a split field
        else:
            value = str(getattr(card, name))
            if marker == "Y" and name == "name_en":
                parts[name] = value[length // 2 :]
                value = value[: length // 2]
        encoded = value.encode("utf-16-le")
        if len(encoded) > length:
            raise LayoutError(f"{name} is longer than its {length} bytes on the card")
        block[offset : offset + len(encoded)] = encoded
    block[TYPE_MARKER_OFFSET : TYPE_MARKER_OFFSET + 2] = marker.encode("utf-16-le")
    return bytes(block)


def _default_marker(card_type: str) -> str:
    for marker, (kind, _) in LAYOUTS.items():
        if kind == card_type:
            return marker
    raise LayoutError(f"card type {card_type!r} has no SAM text layout")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-16-le")
    except UnicodeDecodeError as exc:
        raise LayoutError("text block is not valid UCS-2 text") from exc


_CARD_FIELDS = frozenset(CardRead.__dataclass_fields__) - {"card_type", "photo_wlt", "layout"}
