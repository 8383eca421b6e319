"""The reference population registry's photos, for the terminals' face check (人证核验).

A resident ID card's own photo is WLT-encoded and needs the card vendor's decoder; a terminal
without one asks central for the photo the registry holds (:mod:`kiosk.contract.faces`). This
reference central keeps its own small registry — seeded for the sample cards in the demo
(``demo/faces.py``) and by tests through :func:`add_photo`, the way a deployment would connect
the provincial face-verification service — and answers one signed route,
``POST /api/v1/identity/reference-photo``.

The owner is found by the deployment's keyed ID hash, never the number; the photo is sealed at
rest; every read is in the audit log under the terminal's name with the hash's first twelve
characters (which photo was read can be traced by staff holding the key, not by anyone reading
the log).
"""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Session

from central.accounts import audit
from central.auth import AUTH_RESPONSES, Principal
from central.db import Database
from central.photo_rows import ReferencePhotoRow, photo_now
from central.sealing import Sealer
from kiosk.contract import (
    API_PREFIX,
    MAX_PHOTO_BYTES,
    ReferencePhoto,
    ReferencePhotoQuery,
    keyed_id_hash,
)

JPEG_START = b"\xff\xd8\xff"


class PhotoError(ValueError):
    """Not a photo the registry can hold."""


def add_photo(
    s: Session, sealer: Sealer, id_hash_key: bytes, id_number: str, jpeg: bytes
) -> ReferencePhotoRow:
    """Put (or replace) ``id_number``'s photo: a JPEG of at most :data:`MAX_PHOTO_BYTES`."""
    if not jpeg.startswith(JPEG_START):
        raise PhotoError("a reference photo is a JPEG")
    if len(jpeg) > MAX_PHOTO_BYTES:
        raise PhotoError(f"a reference photo is at most {MAX_PHOTO_BYTES} bytes")
    digest = keyed_id_hash(id_hash_key, id_number)
    row = s.get(ReferencePhotoRow, digest) or ReferencePhotoRow(id_hash=digest, photo="")
    row.photo = sealer.seal_text(base64.b64encode(jpeg).decode("ascii"))
    row.updated_at = photo_now()
    s.add(row)
    return row


def build_router(db: Database, auth: Any, id_hash_key: bytes) -> APIRouter:
    """``/identity/reference-photo`` for terminals."""
    router = APIRouter(prefix=f"{API_PREFIX}/identity", tags=["identity"], responses=AUTH_RESPONSES)

    @router.post(
        "/reference-photo",
        response_model=ReferencePhoto,
        responses={404: {"description": "``no_reference_photo``: the registry holds none"}},
    )
    def reference_photo(
        query: ReferencePhotoQuery, who: Principal = Depends(auth)
    ) -> ReferencePhoto:
        """The card holder's registry photo, for one face check at the terminal."""
        digest = keyed_id_hash(id_hash_key, query.id_number)
        with db.session() as s:
            row = s.get(ReferencePhotoRow, digest)
            audit(
                s,
                f"terminal:{who.terminal_id}",
                "reference_photo_read" if row is not None else "reference_photo_missing",
                digest[:12],
            )
            s.commit()
            if row is None:
                raise HTTPException(status_code=404, detail="no_reference_photo")
            return ReferencePhoto(jpeg_base64=db.sealer.open_text(row.photo))

    return router
