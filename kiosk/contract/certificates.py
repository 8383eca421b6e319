"""Certificates printed at the terminal (自助打印证明): which ones a card holder can have, and
issuing one.

``POST /api/v1/certificates/available`` (signed): the terminal names the card holder (ID
number, in the body so it never lands in an access log); central answers which kinds its
certificate registry holds for that person (社保参保证明, 公积金缴存证明 …).
``POST /api/v1/certificates/issue`` (signed, ``Idempotency-Key``): central records the issue
(kind, the holder's keyed ID hash, time, terminal, a random verification code) and answers the
certificate's content; the terminal lays it out on A4 with the code and a QR code of
``/verify/{code}``, the public page where anyone holding the paper can check what was issued.

A verification code is :data:`CODE_LENGTH` characters of :data:`CODE_ALPHABET` (no 0/O, 1/I:
nothing a reader can confuse), about 60 bits: guessing one is hopeless. On paper it is shown
in groups of four (:func:`format_code`); :func:`normalize_code` reads a typed one back.
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import Field

from kiosk.contract.base import WireModel

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 12
CODE_PATTERN = f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$"
KIND_PATTERN = r"^[A-Z]{2,8}$"
VERIFY_PATH = "/verify"
_SEPARATORS = re.compile(r"[\s\-_]+")


def format_code(code: str) -> str:
    """``K7QX2M9PHW4C`` → ``K7QX-2M9P-HW4C`` (easier to read out and type)."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_code(text: str) -> str | None:
    """A typed or scanned code as stored (upper case, no separators); None if it is not one."""
    code = _SEPARATORS.sub("", text).upper()
    return code if re.fullmatch(CODE_PATTERN, code) else None


class CertificateQuery(WireModel):
    """Whose certificates: the card holder's ID number."""

    id_number: str = Field(min_length=15, max_length=40)


class CertificateOffer(WireModel):
    """One kind of certificate the registry holds for the person."""

    kind: str = Field(pattern=KIND_PATTERN)
    title: str = Field(max_length=60)
    issuer: str = Field(max_length=80)
    service_code: str | None = Field(default=None, max_length=60)


class CertificateOffers(WireModel):
    """Answer of ``/certificates/available``: the kinds that can be printed, maybe none."""

    offers: list[CertificateOffer]


class CertificateIssue(WireModel):
    """Issue one certificate of ``kind`` for the card holder."""

    id_number: str = Field(min_length=15, max_length=40)
    kind: str = Field(pattern=KIND_PATTERN)


class CertificateField(WireModel):
    """One line of the certificate's table (``label``: ``value``)."""

    label: str = Field(max_length=40)
    value: str = Field(max_length=400)


class IssuedCertificate(WireModel):
    """What is printed: the registry's content, the holder (``name`` and ``id_number`` in
    full: paper is the holder's own), the code, and who issued it when."""

    code: str = Field(pattern=CODE_PATTERN)
    kind: str = Field(pattern=KIND_PATTERN)
    title: str
    issuer: str
    name: str
    id_number: str
    fields: list[CertificateField]
    summary: str
    issued_at: datetime
    terminal_id: str
    hall_id: str
    verify_path: str
