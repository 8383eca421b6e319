"""The public data of a social security card (社会保障卡), as APDUs and TLV records.

Read sequence: SELECT the application by name (``sx1.sh.`` + 社会保障 in GBK), then READ RECORD
from EF05 (card data, SFI 5) and EF06 (holder data, SFI 6). Each record is one TLV whose tag is
the record number (EF05: 05 issue date, 06 expiry, 07 card number; EF06: 08 ID number,
09 name in GBK, 0A sex, 0B nation, 0D birth date). Cards that number records from 1 instead are
handled by scanning the file's first records and picking values by tag.

Nothing of a bank application on the same card is ever selected or read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drivers.cards.base import CardRead, CardReadError

SSC_AID = b"sx1.sh." + "社会保障".encode("gbk")
SELECT_SSC = bytes([0x00, 0xA4, 0x04, 0x00, len(SSC_AID)]) + SSC_AID
SFI_CARD = 5
SFI_HOLDER = 6

TAG_ISSUER = 0x04
TAG_ISSUE_DATE = 0x05
TAG_EXPIRY = 0x06
TAG_CARD_NUMBER = 0x07
TAG_ID_NUMBER = 0x08
TAG_NAME = 0x09
TAG_SEX = 0x0A
TAG_NATION = 0x0B
TAG_BIRTH = 0x0D

CARD_TAGS = (TAG_ISSUER, TAG_ISSUE_DATE, TAG_EXPIRY, TAG_CARD_NUMBER)
HOLDER_TAGS = (TAG_ID_NUMBER, TAG_NAME, TAG_SEX, TAG_NATION, TAG_BIRTH)

# transmit(apdu) -> (data, sw1, sw2)
Transmit = Callable[[bytes], tuple[bytes, int, int]]


@dataclass(frozen=True)
class Tlv:
    """One tag-length-value item."""

    tag: int
    value: bytes

    def __repr__(self) -> str:
        return f"Tlv(tag={self.tag:02X}, {len(self.value)} bytes)"


def read_record_apdu(record: int, sfi: int, le: int = 0) -> bytes:
    """READ RECORD ``record`` of the file with short id ``sfi`` (P2 = SFI << 3 | 4)."""
    return bytes([0x00, 0xB2, record & 0xFF, ((sfi & 0x1F) << 3) | 4, le & 0xFF])


def parse_tlvs(data: bytes) -> list[Tlv]:
    """Every TLV in ``data`` (one-byte tags; lengths in one byte or ``81 xx``); stops at junk."""
    items: list[Tlv] = []
    pos = 0
    while pos + 2 <= len(data):
        tag, length = data[pos], data[pos + 1]
        pos += 2
        if length == 0x81:
            if pos >= len(data):
                break
            length = data[pos]
            pos += 1
        elif length > 0x81:
            break  # longer length forms are not used by these cards
        if pos + length > len(data):
            break
        items.append(Tlv(tag, bytes(data[pos : pos + length])))
        pos += length
    return items


def build_tlv(tag: int, value: bytes) -> bytes:
    """The encoding :func:`parse_tlvs` reads."""
    if len(value) > 0xFF:
        raise ValueError("value too long for a one-byte length")
    length = bytes([len(value)]) if len(value) < 0x80 else bytes([0x81, len(value)])
    return bytes([tag]) + length + value


def bcd_date(value: bytes) -> str:
    """``20 19 03 01`` → ``20190301``; empty for anything that is not 4 BCD bytes."""
    digits = value.hex()
    return digits if len(value) == 4 and digits.isdigit() else ""


def _text(value: bytes) -> str:
    return value.rstrip(b"\x00\xff ").decode("gbk", errors="replace").strip()


def _code(value: bytes) -> str:
    """A one-byte code stored either as an ASCII digit or as a binary number."""
    if not value:
        return ""
    if all(0x30 <= b <= 0x39 for b in value):
        return value.decode("ascii")
    return f"{value[0]:02d}" if len(value) == 1 else ""


def _read_file(transmit: Transmit, sfi: int, tags: tuple[int, ...]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for tag in tags:
        data, sw1, sw2 = transmit(read_record_apdu(tag, sfi))
        if sw1 == 0x6C:  # wrong Le: the card tells the right one
            data, sw1, sw2 = transmit(read_record_apdu(tag, sfi, sw2))
        if (sw1, sw2) == (0x90, 0x00):
            for item in parse_tlvs(data):
                found.setdefault(item.tag, item.value)
    if not found:
        # Cards that number the records from 1: scan and pick by tag.
        for record in range(1, 9):
            data, sw1, sw2 = transmit(read_record_apdu(record, sfi))
            if (sw1, sw2) != (0x90, 0x00):
                continue
            for item in parse_tlvs(data):
                found.setdefault(item.tag, item.value)
    return found


def read_social_security(transmit: Transmit) -> CardRead:
    """Read the public data; :class:`CardReadError` (``unsupported_card``) for other cards."""
    _, sw1, sw2 = transmit(SELECT_SSC)
    if sw1 not in (0x90, 0x61):
        raise CardReadError(
            f"not a social security card (SELECT answered {sw1:02X}{sw2:02X})",
            "unsupported_card",
        )
    card = _read_file(transmit, SFI_CARD, CARD_TAGS)
    holder = _read_file(transmit, SFI_HOLDER, HOLDER_TAGS)
    if TAG_ID_NUMBER not in holder or TAG_NAME not in holder:
        raise CardReadError(
            "social security card gave no holder data (it may need a PIN)", "unsupported_card"
        )
    return CardRead(
        card_type="social_security",
        id_number=_text(holder[TAG_ID_NUMBER]),
        name=_text(holder[TAG_NAME]),
        sex_code=_code(holder.get(TAG_SEX, b"")),
        nation_code=_code(holder.get(TAG_NATION, b"")),
        birth_date=bcd_date(holder.get(TAG_BIRTH, b"")),
        issuer=_text(card.get(TAG_ISSUER, b"")),
        valid_from=bcd_date(card.get(TAG_ISSUE_DATE, b"")),
        valid_to=bcd_date(card.get(TAG_EXPIRY, b"")),
        card_number=_text(card.get(TAG_CARD_NUMBER, b"")),
    )
