"""What every card reader driver provides, and the one result type for every card."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from drivers.status import DeviceStatus


class CardReaderError(RuntimeError):
    """The reader cannot be used (absent, busy, silent); the message is for staff."""


@dataclass(frozen=True)
class CardRead:
    """The raw facts read from one card, as the card holds them (not yet validated).

    ``card_type`` is ``resident``, ``hmt_permit``, ``foreign_permanent`` or ``social_security``.
    Dates are ``YYYYMMDD`` strings as on the card (``valid_to`` may be ``长期``). Codes (sex,
    nation) are the card's codes; :mod:`kiosk.domain.identity` decodes and checks them.
    This object holds personal data: its ``repr`` shows only the card type.
    """

    card_type: str
    name: str = ""
    name_en: str = ""
    sex_code: str = ""
    nation_code: str = ""
    birth_date: str = ""
    address: str = ""
    id_number: str = ""
    issuer: str = ""
    valid_from: str = ""
    valid_to: str = ""
    pass_number: str = ""
    issue_count: str = ""
    nationality: str = ""
    card_number: str = ""
    photo_wlt: bytes = field(default=b"", repr=False)

    def __repr__(self) -> str:
        return f"CardRead(card_type={self.card_type!r}, <personal fields hidden>)"

    __str__ = __repr__


class CardReader(Protocol):
    """A card reader. Methods block; call them only from the reader's own worker thread."""

    uri: str

    def open(self) -> None:
        """Connect to the reader; raises :class:`CardReaderError` with a reason."""

    def close(self) -> None:
        """Release the reader; safe to call twice."""

    def read_card(self, timeout_s: float) -> CardRead | None:
        """Wait up to ``timeout_s`` for a card and read it; None when no card came."""

    def status(self) -> DeviceStatus:
        """Whether the reader is there and answering."""
