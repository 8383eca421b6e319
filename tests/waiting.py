"""Waiting for something another thread or process does: one helper and one limit.

Tests wait for a state, never for a time. The limit only ends a wait that would otherwise hang
(a test that passes does not wait longer; a loaded machine only makes it slower), so it is
generous. GUI tests wait the same way through ``qtbot.waitUntil``, which also runs Qt's event
loop (``tests/ui/conftest.py`` gives it this limit).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

GENEROUS_S = 60.0
T = TypeVar("T")


def wait_for(
    condition: Callable[[], T],
    what: str = "the condition",
    *,
    timeout_s: float = GENEROUS_S,
    poll_s: float = 0.05,
) -> T:
    """Call ``condition`` until it returns something true, and return that. After
    ``timeout_s`` the test fails, saying ``what`` did not happen and what was seen last."""
    deadline = time.monotonic() + timeout_s
    while True:
        seen = condition()
        if seen:
            return seen
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what}: not within {timeout_s:g} s (last seen: {seen!r})")
        time.sleep(poll_s)


def wait_for_jobs(printer: Any, count: int) -> None:
    """Until an ESC/POS emulator (``.jobs``) holds ``count`` jobs. Its server finishes a job
    when it reads the cut; the driver may have returned a moment earlier."""
    wait_for(lambda: len(printer.jobs) >= count, f"the printer gets {count} jobs", poll_s=0.01)
