"""A citizen's identity (身份信息) built from a card read, checked and self-masking.

:func:`identity_from_card` turns a driver's :class:`~drivers.cards.base.CardRead` into an
:class:`Identity`: the ID number's check character is verified (GB 11643 for resident and
HK/Macau/Taiwan numbers and the 2023 foreign card; the old foreign card's 15-character number
has its own form), sex and nation are decoded, dates parsed and expiry checked. Problems raise
:class:`IdentityError` with a ``reason`` code the screens turn into a sentence.

An :class:`Identity` never shows the full name or number in ``str``/``repr``/logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from drivers.cards.base import CardRead
from drivers.errors import ReasonError
from kiosk.contract.masking import mask_name, mask_number
from kiosk.domain.codes import Sex, nation_from_code, sex_from_code
from kiosk.domain.id_numbers import (
    birth_date_of_id,
    is_valid_foreign_old,
    is_valid_gb11643,
)

LONG_TERM = "长期"


class CardType(StrEnum):
    """The kinds of card the terminal reads."""

    RESIDENT = "resident"
    HMT_PERMIT = "hmt_permit"
    FOREIGN_PERMANENT = "foreign_permanent"
    SOCIAL_SECURITY = "social_security"


class IdentityError(ReasonError, ValueError):
    """A card that cannot stand for the citizen now.

    ``reason``: ``card_expired``, ``id_check_failed`` (the number's check character is
    wrong), ``invalid_card_data`` (dates or fields that make no sense),
    ``unsupported_card`` (a card type the terminal does not handle).
    """


@dataclass(frozen=True, repr=False)
class Identity:
    """The checked identity of the card holder; masks itself when shown or logged.

    ``id_number`` is the citizen ID number, or a foreign permanent resident card's number.
    ``valid_to`` is None when ``long_term`` (长期). ``photo_wlt`` holds the raw WLT photo for
    the visit only (a vendor decoder may turn it into a BMP).
    """

    card_type: CardType
    name: str
    id_number: str
    sex: Sex
    birth_date: date | None
    valid_from: date | None
    valid_to: date | None
    long_term: bool = False
    name_en: str = ""
    nation: str | None = None
    address: str = ""
    issuer: str = ""
    pass_number: str = ""
    issue_count: int | None = None
    nationality: str = ""
    card_number: str = ""
    photo_wlt: bytes = field(default=b"", compare=False)

    @property
    def masked_name(self) -> str:
        """The name with its middle hidden (``张*丰``); the English name when there is no other."""
        return mask_name(self.name or self.name_en)

    @property
    def masked_id_number(self) -> str:
        """The number with its middle hidden (``1101**********0012``)."""
        return mask_number(self.id_number)

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``; None when the birth date is unknown."""
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def is_expired_on(self, day: date) -> bool:
        """True when the card's validity ended before ``day`` (a long-term card never does)."""
        return not self.long_term and self.valid_to is not None and day > self.valid_to

    def __repr__(self) -> str:
        return (
            f"Identity(card_type={self.card_type.value!r}, name={self.masked_name!r}, "
            f"id_number={self.masked_id_number!r})"
        )

    __str__ = __repr__


def parse_card_date(text: str, what: str) -> date | None:
    """A ``YYYYMMDD`` date; None for an empty field; :class:`IdentityError` for nonsense."""
    text = text.strip()
    if not text:
        return None
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise IdentityError("invalid_card_data", f"{what} is not a YYYYMMDD date")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise IdentityError("invalid_card_data", f"{what} is not a calendar date") from exc


def identity_from_card(card: CardRead, today: date, *, allow_expired: bool = False) -> Identity:
    """Check ``card`` and build the :class:`Identity`.

    A visit passes ``allow_expired=False`` (an expired card raises ``card_expired``); the CLI
    passes True to report what the card holds and flags expiry itself.
    """
    try:
        card_type = CardType(card.card_type)
    except ValueError:
        raise IdentityError("unsupported_card", "this card type is not supported") from None
    number = card.id_number.strip().upper()
    birth = parse_card_date(card.birth_date, "birth date")
    _check_number(card_type, card.layout, number, birth)
    if birth is None and len(number) == 18:
        birth = birth_date_of_id(number)
    valid_from = parse_card_date(card.valid_from, "valid-from date")
    long_term = card.valid_to.strip() == LONG_TERM
    valid_to = None if long_term else parse_card_date(card.valid_to, "valid-to date")
    if valid_from and valid_to and valid_to < valid_from:
        raise IdentityError("invalid_card_data", "the card's validity ends before it starts")
    identity = Identity(
        card_type=card_type,
        name=card.name.strip(),
        name_en=card.name_en.strip(),
        id_number=number,
        sex=_sex(card.sex_code, number),
        nation=nation_from_code(card.nation_code) if card.nation_code.strip() else None,
        birth_date=birth,
        address=card.address.strip(),
        issuer=card.issuer.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        long_term=long_term,
        pass_number=card.pass_number.strip(),
        issue_count=_issue_count(card.issue_count),
        nationality=card.nationality.strip().upper(),
        card_number=card.card_number.strip(),
        photo_wlt=card.photo_wlt,
    )
    if not identity.name and not identity.name_en:
        raise IdentityError("invalid_card_data", "the card holds no name")
    if not allow_expired and identity.is_expired_on(today):
        raise IdentityError("card_expired", "the card has expired")
    return identity


def _check_number(card_type: CardType, layout: str, number: str, birth: date | None) -> None:
    if card_type is CardType.FOREIGN_PERMANENT and len(number) == 15:
        if not is_valid_foreign_old(number):
            raise IdentityError("id_check_failed", "the card number is not 3 letters + 12 digits")
        return
    if not is_valid_gb11643(number):
        raise IdentityError("id_check_failed", "the ID number's check character is wrong")
    if card_type is CardType.FOREIGN_PERMANENT and not number.startswith("9"):
        raise IdentityError("id_check_failed", "a foreign card's number starts with 9")
    if card_type is CardType.HMT_PERMIT and number[:2] not in ("81", "82", "83"):
        raise IdentityError("id_check_failed", "an HK/Macau/Taiwan number starts with 81-83")
    coded = birth_date_of_id(number)
    if coded is None or (birth is not None and coded != birth):
        raise IdentityError("invalid_card_data", "the birth date does not match the ID number")


def _issue_count(text: str) -> int | None:
    """How often an HK/Macau/Taiwan permit was issued; None when the card leaves it empty."""
    text = text.strip()
    if not text:
        return None
    # isdigit() alone accepts "²1" or "١", which int() refuses or reads as another number.
    if not text.isascii() or not text.isdigit():
        raise IdentityError("invalid_card_data", "the card's issue count is not a number")
    return int(text)


def _sex(code: str, number: str) -> Sex:
    decoded = sex_from_code(code) if code.strip() else None
    if decoded is not None:
        return decoded
    # Cards without a sex field (some social security records): the sequence digit tells.
    if len(number) == 18 and number[16] in "0123456789":
        return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return Sex.UNKNOWN
