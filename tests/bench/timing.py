"""Timing for the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def fastest_ms(step: Callable[[], object], rounds: int) -> float:
    """The fastest of ``rounds`` runs of ``step``, after one run to warm up (fonts, imports,
    caches), in milliseconds: the machine's other load only ever adds time."""
    step()
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        step()
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 2)
