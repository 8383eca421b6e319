"""Pieces every service shares: the error with a reason code, ID hashing, the central call."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import text
from sqlmodel import Session

from drivers.errors import ReasonError
from kiosk.sync.client import CentralClient, CentralError, PermanentError, TransientError

log = logging.getLogger(__name__)
T = TypeVar("T")


class ServiceError(ReasonError):
    """A use case that cannot go on; ``reason`` is the code the screen maps to a sentence.

    ``details`` carries values the sentence needs (e.g. ``come_back_at`` = ``"09:30"``).
    """

    def __init__(self, reason: str, message: str, **details: Any) -> None:
        super().__init__(reason, message)
        self.details = details


def local_now() -> datetime:
    """Now in the terminal's time zone (the hall's day and the times printed)."""
    return datetime.now().astimezone()


class Central:
    """A service's own connection to central (a client is not shared between threads).

    ``None`` client means offline mode. Calls are serialized by a lock; any failure is
    reported as :class:`CentralError` so callers fall back to what the terminal knows.
    After a network failure central is not tried again for ``retry_after_s``, so a citizen
    does not wait for a connect timeout at every ticket while the network is down.
    """

    def __init__(self, client: CentralClient | None, retry_after_s: float = 15.0) -> None:
        self.client = client
        self.retry_after_s = retry_after_s
        self._down_until = 0.0
        self._lock = threading.Lock()

    def connect(self, client: CentralClient | None) -> None:
        """Use ``client`` from now on (demo mode learns central's address after start)."""
        with self._lock:
            old, self.client = self.client, client
            self._down_until = 0.0
        if old is not None and old is not client:
            old.close()

    def network_back(self) -> None:
        """The health monitor or sync worker saw central again: try it at the next call."""
        self._down_until = 0.0

    @property
    def configured(self) -> bool:
        """Whether a central is configured at all."""
        return self.client is not None

    def call(self, what: Callable[[CentralClient], T]) -> T:
        """Run ``what`` with the client; raises :class:`CentralError` when offline."""
        if self.client is None:
            raise CentralError("offline", "no central configured")
        if time.monotonic() < self._down_until:
            raise TransientError("offline", "central was unreachable moments ago", network=True)
        with self._lock:
            try:
                return what(self.client)
            except TransientError as exc:
                if exc.network:
                    self._down_until = time.monotonic() + self.retry_after_s
                raise

    @staticmethod
    def is_rejection(exc: CentralError, detail: str) -> bool:
        """Whether central refused the call for good with ``detail`` in its answer."""
        return isinstance(exc, PermanentError) and detail in str(exc)


def next_local(s: Session, name: str) -> int:
    """The terminal's own counter ``name`` (1, 2, …) inside the caller's write transaction."""
    s.execute(
        text(
            "INSERT INTO terminal_meta(key, value) VALUES (:k, '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        ),
        {"k": name},
    )
    value = s.execute(text("SELECT value FROM terminal_meta WHERE key=:k"), {"k": name}).one()[0]
    return int(value)
