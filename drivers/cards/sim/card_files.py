"""Sample cards as JSON files (``assets/cards/*.json``) for the simulators.

A file holds the fields of :class:`~drivers.cards.base.CardRead` by name, plus optional
``photo_wlt_base64``. Without a photo a fixed 1024-byte stand-in is made from the card number,
so every read of the same card gives the same bytes. Social security cards may add
``card_id`` (16 hex digits of the card identification code) and ``spec_version``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from drivers.cards.base import CardRead

WLT_LEN = 1024
CARD_FIELDS = frozenset(f.name for f in fields(CardRead)) - {"photo_wlt"}
EXTRA_KEYS = frozenset({"photo_wlt_base64", "card_id", "spec_version", "comment"})


class CardFileError(ValueError):
    """A card file that cannot be used; the message names the file and the problem."""


def default_cards_dir() -> Path:
    """``assets/cards`` of the checkout this package runs from."""
    return Path(__file__).resolve().parents[3] / "assets" / "cards"


def stand_in_photo(seed: str) -> bytes:
    """1024 deterministic bytes standing in for a WLT photo."""
    out = bytearray()
    block = seed.encode()
    while len(out) < WLT_LEN:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:WLT_LEN])


def card_from_dict(data: dict[str, Any], origin: str = "card") -> CardRead:
    """A :class:`CardRead` from a JSON object."""
    unknown = set(data) - CARD_FIELDS - EXTRA_KEYS
    if unknown:
        raise CardFileError(f"{origin}: unknown keys {', '.join(sorted(unknown))}")
    if "card_type" not in data:
        raise CardFileError(f"{origin}: card_type is missing")
    values = {k: str(v) for k, v in data.items() if k in CARD_FIELDS}
    photo = b""
    if "photo_wlt_base64" in data:
        try:
            photo = base64.b64decode(data["photo_wlt_base64"], validate=True)
        except (binascii.Error, ValueError) as exc:
            raise CardFileError(f"{origin}: photo_wlt_base64 is not base64") from exc
    elif values["card_type"] != "social_security":
        photo = stand_in_photo(values.get("id_number", "") + values.get("name", ""))
    return CardRead(photo_wlt=photo, **values)


def load_card_json(path: Path) -> dict[str, Any]:
    """The raw JSON object of a card file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CardFileError(f"{path}: cannot read ({exc.strerror})") from exc
    except ValueError as exc:
        raise CardFileError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise CardFileError(f"{path}: expected a JSON object")
    return data


def load_card(path: Path) -> CardRead:
    """The card in ``path``."""
    return card_from_dict(load_card_json(path), str(path))


def load_cards(folder: Path, card_types: set[str] | None = None) -> list[CardRead]:
    """Every card in ``folder`` (sorted by file name), optionally only some card types."""
    cards = [load_card(p) for p in sorted(Path(folder).glob("*.json"))]
    return [c for c in cards if card_types is None or c.card_type in card_types]
