"""Terminal secrets and the bodies of accepted items are kept sealed (Fernet: AES-CBC +
HMAC-SHA256) under a key that lives outside the database, so a copy of the database (a
backup, a dump) neither hands out the keys every terminal signs with nor the citizens'
names, ID numbers, phones and words in ``intake_item.body``. HMAC verification needs the
secret itself, so it cannot be a one-way hash: it is opened in memory for each verification.

The seal key is a file (mode 0600) created on first use. By default it sits next to a SQLite
database (``central.db`` → ``central.db.seal-key``); any other database URL needs an
explicit key file (``kiosk-central --seal-key-file``). An in-memory database gets a key that
lives as long as the process.
"""

from __future__ import annotations

import logging
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from kiosk.contract.keyfiles import read_or_create_key_file

log = logging.getLogger(__name__)

PREFIX = b"fernet:"


class SealError(Exception):
    """The seal key is missing, unreadable or not the one the secrets were sealed with."""


def default_key_file(db_url: str) -> Path | None:
    """Where the seal key of ``db_url`` lives by default; ``None`` for in-memory SQLite."""
    if db_url in ("sqlite://", "sqlite:///:memory:"):
        return None
    if db_url.startswith("sqlite:///"):
        return Path(db_url.removeprefix("sqlite:///") + ".seal-key")
    raise SealError(
        "a seal key file is needed for this database URL: pass --seal-key-file "
        "(or create_app(seal_key_file=...))"
    )


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``; a new one (mode 0600, created atomically) when there is none."""
    try:
        key = read_or_create_key_file(path, lambda: Fernet.generate_key() + b"\n").strip()
        Fernet(key)
    except (OSError, ValueError) as exc:
        raise SealError(f"unusable seal key file {path}: {type(exc).__name__}") from None
    return key


class Sealer:
    """Seals and opens terminal secrets and intake bodies with one key."""

    def __init__(self, key: bytes | None = None) -> None:
        self._fernet = Fernet(key or Fernet.generate_key())

    @classmethod
    def for_database(cls, db_url: str, key_file: Path | None = None) -> Sealer:
        """The sealer of ``db_url``: ``key_file`` or the default one (see module doc)."""
        path = key_file or default_key_file(db_url)
        return cls(load_or_create_key(path) if path is not None else None)

    def seal(self, secret: bytes) -> bytes:
        """What the database stores for ``secret``."""
        return PREFIX + self._fernet.encrypt(secret)

    def open(self, stored: bytes) -> bytes:
        """The secret behind a stored value (a value from before sealing is returned as is)."""
        if not is_sealed(stored):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :])
        except InvalidToken:
            raise SealError("a terminal secret does not open with this seal key") from None

    def seal_text(self, text: str) -> str:
        """What the database stores for ``text`` (personal data at rest, e.g. intake bodies)."""
        return self.seal(text.encode()).decode("ascii")

    def open_text(self, stored: str) -> str:
        """The text behind a stored value; a value from before sealing is returned as is."""
        return self.open(stored.encode()).decode()


def is_sealed(stored: bytes) -> bool:
    """Whether ``stored`` is a sealed secret rather than one kept in clear."""
    return stored.startswith(PREFIX)
