"""Timing for the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping


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


def verdict(
    result: Mapping[str, object],
    targets: Mapping[str, float],
    at_least: frozenset[str] = frozenset(),
) -> dict[str, object]:
    """The targets of a benchmark's line and whether each was met, to add to the line:
    ``{"targets": {...}, "pass": {name: bool}}``. Each target names a measure of ``result``
    (``"n10000.p95_all_ms"`` for one inside another) that must be at most the target (at least
    it, for the names in ``at_least``). A measure that is a mapping (one figure per page, say)
    passes when every figure does; a missing one fails."""
    passed: dict[str, bool] = {}
    for name, target in targets.items():
        measured: object = result
        for key in name.split("."):
            measured = measured.get(key) if isinstance(measured, Mapping) else None
        values = list(measured.values()) if isinstance(measured, Mapping) else [measured]
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if not numbers or len(numbers) != len(values):
            passed[name] = False
        elif name in at_least:
            passed[name] = all(v >= target for v in numbers)
        else:
            passed[name] = all(v <= target for v in numbers)
    return {"targets": dict(targets), "pass": passed}
