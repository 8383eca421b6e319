"""Identity numbers: the GB 11643-1999 check character and the old foreign card number format."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# ASCII digits only: ``\d`` would accept Arabic-Indic or full-width digits from a damaged card.
_ID18 = re.compile(r"^[0-9]{17}[0-9X]$")
# Old foreign permanent resident card (2004/2017 editions): 3 letters of nationality and 12
# digits. What the digits code is not published, so nothing more is checked.
_FOREIGN15 = re.compile(r"^[A-Z]{3}[0-9]{12}$")


def gb11643_check_char(first17: str) -> str:
    """The check character for the first 17 digits (``11010519491231002`` → ``X``)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("the first 17 characters must be digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def is_valid_gb11643(number: str) -> bool:
    """True for an 18-character number whose check character is right (``x`` accepted)."""
    number = number.upper()
    return bool(_ID18.fullmatch(number)) and gb11643_check_char(number[:17]) == number[17]


def id_number_problem(number: str) -> str | None:
    """What is wrong with a typed 18-character ID number, so the screen can say how to fix
    it: ``id_number_length`` (not 18 characters), ``id_number_characters`` (other than 17
    digits and a digit or X), ``id_number_birth`` (characters 7–14 are no date),
    ``id_number_check`` (the last character does not match: a digit was mistyped).
    None when it is right."""
    number = number.strip().upper()
    if len(number) != 18:
        return "id_number_length"
    if not _ID18.fullmatch(number):
        return "id_number_characters"
    if birth_date_of_id(number) is None:
        return "id_number_birth"
    if gb11643_check_char(number[:17]) != number[17]:
        return "id_number_check"
    return None


def birth_date_of_id(number: str) -> date | None:
    """The birth date coded in an 18-character ID number, or None when it is no date."""
    digits = number[6:14]
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except (ValueError, IndexError):
        return None


def is_valid_foreign_old(number: str) -> bool:
    """True when ``number`` has the old foreign card's 15-character form: 3 letters and 12
    ASCII digits. No rule for the digits is published (neither a check digit nor a coded
    birth date), so a card the SAM authenticated is never refused on one."""
    return bool(_FOREIGN15.fullmatch(number.upper()))
