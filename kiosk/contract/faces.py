"""The reference photo of a face check (人证核验).

The chip of a resident ID card holds the holder's photo WLT-encoded, readable only with the
card vendor's decoder (``kiosk.wlt_decoders``). Where none is installed, the terminal asks
central for the photo the population registry holds: ``POST /api/v1/identity/reference-photo``
(signed; the ID number in the body, so it never lands in an access log). Central answers the
JPEG (base64) or 404 ``no_reference_photo``. The terminal keeps it in memory for the one
check and drops it; central audits every read (by keyed hash, never the number).
"""

from __future__ import annotations

from pydantic import Field

from kiosk.contract.base import WireModel

MAX_PHOTO_BYTES = 200_000  # a registry portrait is 20-60 KB; beyond this it is not one


class ReferencePhotoQuery(WireModel):
    """Whose photo: the card holder's ID number."""

    id_number: str = Field(min_length=15, max_length=40)


class ReferencePhoto(WireModel):
    """The registry's photo of the card holder, JPEG in base64."""

    jpeg_base64: str = Field(min_length=4, max_length=MAX_PHOTO_BYTES * 4 // 3 + 4)
