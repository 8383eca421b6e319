"""The phrases citizens type (tests/data/phrases.json) and how many find their service first.

Shared by the phrase test and ``bench_search`` so both measure the same thing the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PHRASES = Path(__file__).resolve().parent / "data" / "phrases.json"
TARGET = 0.90


@dataclass(frozen=True)
class PhraseScore:
    """The share of phrases whose expected service came first, and every miss."""

    total: int
    hits: int
    misses: tuple[tuple[str, str, str], ...]  # (typed, expected code, first code or "")

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


def load_phrases(path: Path = PHRASES) -> list[tuple[str, str]]:
    """``(typed, expected first code)`` in file order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(p["typed"], p["first"]) for p in data["phrases"]]


def score(search: Callable[[str], Sequence[str]], phrases: list[tuple[str, str]]) -> PhraseScore:
    """Run every phrase through ``search`` (typed -> codes, best first) and count first hits."""
    misses = []
    for typed, expected in phrases:
        codes = search(typed)
        if not codes or codes[0] != expected:
            misses.append((typed, expected, codes[0] if codes else ""))
    return PhraseScore(len(phrases), len(phrases) - len(misses), tuple(misses))
