"""The key a terminal hashes ID numbers with (HMAC-SHA256, never a bare SHA-256).

Central holds the deployment's key and hands it to authenticated terminals
(``GET /api/v1/terminal/id-hash-key``); every terminal of the deployment then hashes an ID
number the same way, so a ticket holder, an appointment or a case owner is recognised at any
terminal and at central, while a dump of either side does not give the numbers back. The key
is cached in ``<data_dir>/keys/id_hash.key`` (0600). Until a terminal has reached central
once it hashes with a key of its own (``id_hash.local.key``): its local checks still work,
only matches with other terminals wait for the deployment key.
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
from pathlib import Path

from kiosk.contract import keyed_id_hash
from kiosk.contract.keyfiles import replace_key_file
from kiosk.sync.client import CentralClient, CentralError

log = logging.getLogger(__name__)

KEY_FILE = "id_hash.key"
LOCAL_KEY_FILE = "id_hash.local.key"


class IdHasher:
    """``hasher(id_number)`` → the keyed hash (hex). Thread-safe: the key is swapped whole.

    ``keys_dir`` None keeps a random key in memory only (tests, tools).
    """

    def __init__(self, keys_dir: Path | None) -> None:
        self.keys_dir = keys_dir
        self._key: bytes = b""
        self._deployment = False
        self._load()

    def _load(self) -> None:
        if self.keys_dir is None:
            self._key = secrets.token_bytes(32)
            return
        try:
            key = (self.keys_dir / KEY_FILE).read_bytes()
        except FileNotFoundError:
            key = b""
        if len(key) >= 16:
            self._key, self._deployment = key, True
            return
        local = self.keys_dir / LOCAL_KEY_FILE
        try:
            key = local.read_bytes()
        except FileNotFoundError:
            key = b""
        if len(key) < 16:
            key = secrets.token_bytes(32)
            replace_key_file(local, key)
        self._key = key

    @property
    def deployment(self) -> bool:
        """Whether the key is the deployment's (from central), not this terminal's own."""
        return self._deployment

    def __call__(self, id_number: str) -> str:
        return keyed_id_hash(self._key, id_number)

    def install(self, key_b64: str) -> bool:
        """Keep central's key (base64url); True when it differs from the one in use."""
        try:
            key = base64.urlsafe_b64decode(key_b64.encode())
        except (binascii.Error, ValueError):
            log.warning("central sent an ID-hash key that is not base64; ignored")
            return False
        if len(key) < 16:
            log.warning("central sent an ID-hash key of %d bytes; ignored", len(key))
            return False
        changed = key != self._key or not self._deployment
        if changed:
            if self.keys_dir is not None:
                replace_key_file(self.keys_dir / KEY_FILE, key)
            self._key, self._deployment = key, True
            log.info("ID numbers are now hashed with the deployment's key from central")
        return changed

    def ensure(self, client: CentralClient) -> bool:
        """Fetch the deployment key once (no call when it is already here); never raises."""
        if self._deployment:
            return True
        try:
            answer = client.id_hash_key()
        except CentralError as exc:
            log.info("deployment ID-hash key not fetched (%s)", exc.reason)
            return False
        self.install(answer.key)
        return self._deployment

    def __repr__(self) -> str:
        return f"IdHasher(deployment={self._deployment}, <key hidden>)"
