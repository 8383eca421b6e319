"""The terminal's call of central's reference-photo route (:mod:`kiosk.contract.faces`), on the
signed :class:`~kiosk.sync.client.CentralClient`."""

from __future__ import annotations

import base64
import binascii

from kiosk.contract import MAX_PHOTO_BYTES, ReferencePhoto, ReferencePhotoQuery
from kiosk.sync.client import CentralClient, PermanentError, TransientError


def reference_photo(client: CentralClient, id_number: str) -> bytes | None:
    """The registry's JPEG of the card holder, or None when it holds none (404
    ``no_reference_photo``). Kept in memory by the caller for one check only."""
    query = ReferencePhotoQuery(id_number=id_number)
    try:
        answer = client.request("POST", "/identity/reference-photo", ReferencePhoto, body=query)
    except PermanentError as exc:
        if exc.status == 404:
            return None
        raise
    try:
        jpeg = base64.b64decode(answer.jpeg_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TransientError("bad_answer", "the reference photo is not base64") from exc
    if not jpeg.startswith(b"\xff\xd8\xff") or len(jpeg) > MAX_PHOTO_BYTES:
        raise TransientError("bad_answer", "the reference photo is not a JPEG")
    return jpeg
