"""Retry delays: exponential backoff with full jitter, capped.

The ceiling doubles with each attempt up to ``cap_s``; the actual delay is drawn uniformly
from ``[0, ceiling]`` (full jitter) so many terminals coming back at once spread out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    """Backoff schedule; ``attempt`` counts from 1 (the first failure)."""

    base_s: float = 2.0
    cap_s: float = 600.0

    def ceiling(self, attempt: int) -> float:
        """Upper bound of the delay after ``attempt`` failures (monotone, at most ``cap_s``)."""
        if attempt < 1:
            return 0.0
        exponent = min(attempt - 1, 62)  # 2**62 * base already exceeds any sane cap
        return float(min(self.cap_s, self.base_s * (2**exponent)))

    def delay(self, attempt: int, rng: random.Random, retry_after_s: float | None = None) -> float:
        """A jittered delay; a server's ``Retry-After`` is honoured as a lower bound."""
        delay = rng.uniform(0.0, self.ceiling(attempt))
        if retry_after_s is not None and retry_after_s > delay:
            # A server asking for more than the cap still gets what it asked for, within reason.
            delay = min(retry_after_s, max(self.cap_s, 3600.0))
        return delay
