"""What every card reader driver provides, and the one result type for every card."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from drivers.errors import DeviceError
from drivers.status import DeviceStatus


class CardReaderError(DeviceError, RuntimeError):
    """The reader cannot be used (absent, busy, silent); the message is for staff.

    ``reason`` is a machine-readable code: ``reader_absent`` (no such port / no reader),
    ``reader_busy`` (another program holds it), ``reader_silent`` (answers nothing),
    ``reader_lost`` (went away while in use), or ``reader_error``.
    """

    reason = "reader_error"


class CardReadError(DeviceError, RuntimeError):
    """A card was there but could not be read; the reader itself still works.

    ``reason``: ``read_failed`` (card pulled away, garbled replies, SAM refused) or
    ``unsupported_card`` (a card this terminal cannot read, e.g. a bank card).
    """

    reason = "read_failed"


@dataclass(frozen=True)
class CardRead:
    """The raw facts read from one card, as the card holds them (not yet validated).

    ``card_type`` is ``resident``, ``hmt_permit``, ``foreign_permanent`` or ``social_security``.
    Dates are ``YYYYMMDD`` strings as on the card (``valid_to`` may be ``长期``). Codes (sex,
    nation) are the card's codes; :mod:`kiosk.domain.identity` decodes and checks them.
    ``id_number`` is the citizen ID number, or a foreign permanent resident card's number.
    ``layout`` is the SAM text-block marker (``" "``, ``J``, ``I``, ``Y``; empty for PC/SC).
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
    layout: str = ""
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
        """Wait up to ``timeout_s`` for a card and read it; None when no card came.

        Raises :class:`CardReadError` when a card was there but could not be read, and
        :class:`CardReaderError` when the reader itself failed.
        """

    def status(self) -> DeviceStatus:
        """Whether the reader is there and answering."""


@runtime_checkable
class PresenceSensingReader(Protocol):
    """A reader that can tell whether a card lies on it without reading it.

    The reader worker uses this to report card-present and card-removed events.
    """

    def card_present(self) -> bool:
        """True when a card is on the reader now; raises :class:`CardReaderError`."""
        ...
