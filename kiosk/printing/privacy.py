"""Last guard before paper: no full resident ID number is ever printed.

Layouts receive personal data already masked (``4401**********123X``). If a full 18-character
ID number slips through anyway — in a line, a key, a QR payload — rendering refuses the
document instead of printing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# 6-digit area, birth date 18xx/19xx/20xx-MM-DD, 3-digit sequence, check character.
_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[\dXx](?![0-9A-Za-z])"
)


class UnmaskedPersonalData(ValueError):
    """A document contains a full ID number; ``reason`` is ``unmasked_personal_data``."""

    reason = "unmasked_personal_data"


def contains_full_id_number(text: str) -> bool:
    """Whether ``text`` holds something shaped like a full 18-character ID number."""
    return _ID_NUMBER.search(text) is not None


def assert_no_full_id_number(texts: Iterable[str]) -> None:
    """Raise :class:`UnmaskedPersonalData` when any text holds a full ID number.

    The message never repeats the number (it would end up in logs).
    """
    for index, text in enumerate(texts):
        if contains_full_id_number(text):
            raise UnmaskedPersonalData(
                f"refusing to print: text #{index} contains a full ID number (mask it first)"
            )
