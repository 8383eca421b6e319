"""Personal data at rest: the personal fields of outbox payloads sealed with AES-GCM.

The payload column keeps the item with personal values replaced by ``null``; the ``sealed``
column holds ``nonce || AES-GCM(json([[path, value], …]))`` with the idempotency key as
associated data, so a sealed blob cannot be moved to another row. The 256-bit key lives in
``<data_dir>/keys/outbox.key`` (mode 0600, folder 0700), created on first use.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from drivers.errors import ReasonError
from kiosk.contract import PERSONAL_FIELDS
from kiosk.contract.keyfiles import read_or_create_key_file

log = logging.getLogger(__name__)

KEY_BYTES = 32
NONCE_BYTES = 12


class SealError(ReasonError, RuntimeError):
    """A key file or sealed blob cannot be used; ``reason`` is a machine-readable code."""


def key_path(data_dir: Path) -> Path:
    """Where the outbox key of a terminal lives."""
    return data_dir / "keys" / "outbox.key"


def load_or_create_key(path: Path) -> bytes:
    """Read the key at ``path``, creating it (0600, folder 0700) if it does not exist yet."""
    key = read_or_create_key_file(path, lambda: AESGCM.generate_key(bit_length=256))
    if len(key) != KEY_BYTES:
        raise SealError("bad_key", f"outbox key {path} has {len(key)} bytes, expected 32")
    return key


def split_personal(payload: Any) -> tuple[Any, list[list[Any]]]:
    """Copy of ``payload`` with personal values nulled, and the ``[path, value]`` pairs taken.

    A value under a personal key is taken whole, whatever it is: a list (several choices of
    a personal form field) or an object is no less personal than a string.
    """
    taken: list[list[Any]] = []

    def walk(node: Any, path: list[Any]) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for k, v in node.items():
                if k in PERSONAL_FIELDS and v is not None and _holds_data(v):
                    taken.append([[*path, k], v])
                    out[k] = None
                else:
                    out[k] = walk(v, [*path, k])
            return out
        if isinstance(node, list):
            return [walk(v, [*path, i]) for i, v in enumerate(node)]
        return node

    return walk(payload, []), taken


def _holds_data(value: Any) -> bool:
    """Scalars always; a container when anything in it is not empty (an empty list or a
    list of nothing but ``None`` stays in place, so the payload keeps its shape)."""
    if isinstance(value, dict):
        return any(_holds_data(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_data(v) for v in value)
    return value is not None


def merge_personal(payload: Any, taken: list[list[Any]]) -> Any:
    """Put the ``[path, value]`` pairs back into ``payload`` (in place); returns it."""
    for path, value in taken:
        node = payload
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    return payload


class FieldCipher:
    """Seals and opens the personal part of outbox payloads."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise SealError("bad_key", "the outbox key must be 32 bytes")
        self._aead = AESGCM(key)

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> FieldCipher:
        """The cipher of the terminal whose data folder is ``data_dir``."""
        return cls(load_or_create_key(key_path(data_dir)))

    def seal(self, payload: dict[str, Any], aad: str) -> tuple[dict[str, Any], bytes | None]:
        """Split and encrypt the personal fields; ``None`` when there are none."""
        public, taken = split_personal(payload)
        if not taken:
            return public, None
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(taken, ensure_ascii=False).encode()
        return public, nonce + self._aead.encrypt(nonce, plain, aad.encode())

    def open(self, public: dict[str, Any], sealed: bytes | None, aad: str) -> dict[str, Any]:
        """The full payload again (``public`` is modified and returned)."""
        if not sealed:
            return public
        try:
            plain = self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad.encode())
        except InvalidTag:
            raise SealError(
                "unseal_failed", "sealed personal data does not match this key or row"
            ) from None
        return merge_personal(public, json.loads(plain))

    def seal_bytes(self, data: bytes, aad: str) -> bytes:
        """``nonce || AES-GCM(data)`` bound to ``aad`` (an attachment's bytes, its hash)."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data, aad.encode())

    def open_bytes(self, sealed: bytes, aad: str) -> bytes:
        """The bytes :meth:`seal_bytes` sealed under ``aad``."""
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad.encode())
        except (InvalidTag, ValueError):  # ValueError: too short to hold a nonce
            raise SealError("unseal_failed", "sealed bytes do not match this key or row") from None

    def __repr__(self) -> str:
        return "FieldCipher(<key hidden>)"
