"""Housekeeping that runs at most once per interval, in whichever request comes first.

Central prunes its replay ledger, idempotency records and abandoned uploads on the way
through requests rather than on a timer of its own. :class:`Throttle` decides whether this
request does it: not if it was done less than ``every_s`` ago by this process's clock (one
that went backwards counts as due), and not if another thread is doing it right now (that
one is skipped, never kept waiting). Several worker processes each keep their own throttle;
the deletes they run are safe to repeat.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Throttle:
    """At most one run per ``every_s`` seconds of the caller's clock."""

    def __init__(self, every_s: float) -> None:
        self.every_s = every_s
        self._last: float | None = None
        self._lock = threading.Lock()

    @contextmanager
    def turn(self, now: float) -> Iterator[bool]:
        """``with throttle.turn(now) as due:`` — ``due`` is whether to run now; while it
        runs, other threads get ``False``."""
        last = self._last
        if last is not None and 0 <= now - last < self.every_s:
            yield False
            return
        if not self._lock.acquire(blocking=False):
            yield False
            return
        try:
            self._last = now
            yield True
        finally:
            self._lock.release()
