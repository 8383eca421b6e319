"""The deployment's ID-hash key: central keeps it, terminals fetch it over the signed API.

ID numbers are only ever compared as ``HMAC-SHA256(key, number)``
(:func:`kiosk.contract.keyed_id_hash`): a ticket holder's, an appointment's, a
case owner's. Every terminal of the deployment must hash with the same key, and central
must too (appointments booked through the staff API), so central is its one source: a file
of 32 random bytes (mode 0600) made on first start, handed to authenticated terminals by
``GET /api/v1/terminal/id-hash-key``. A terminal that is not registered never gets it.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends

from kiosk.contract import API_PREFIX, IdHashKey
from kiosk.contract.keyfiles import read_or_create_key_file

log = logging.getLogger(__name__)

KEY_BYTES = 32


def load_or_create_id_key(path: Path) -> bytes:
    """The key in ``path``, created (0600) when the file does not exist yet."""
    key = read_or_create_key_file(path, lambda: secrets.token_bytes(KEY_BYTES))
    if len(key) < 16:
        raise RuntimeError(f"ID-hash key {path} has {len(key)} bytes; expected {KEY_BYTES}")
    return key


def key_id(key: bytes) -> str:
    """A short public name of the key (not a way back to it)."""
    return hashlib.sha256(b"kiosk-id-hash-key-id" + key).hexdigest()[:16]


def build_router(key: bytes, auth: Any) -> APIRouter:
    """``GET /terminal/id-hash-key`` for authenticated terminals."""
    router = APIRouter(prefix=f"{API_PREFIX}/terminal", tags=["terminal"])
    answer = IdHashKey(key=base64.urlsafe_b64encode(key).decode(), key_id=key_id(key))

    @router.get("/id-hash-key", response_model=IdHashKey)
    def id_hash_key(_who: Any = Depends(auth)) -> IdHashKey:
        """The deployment's key for hashing ID numbers (HMAC-SHA256)."""
        return answer

    return router
