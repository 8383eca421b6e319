"""Every string an object holds, for the privacy checks of the view-models (unit and GUI)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator


def held_strings(value: object, depth: int = 0, seen: set[int] | None = None) -> Iterator[str]:
    """Every string inside plain containers, dataclasses and the objects of this project a
    view-model holds (the visit, the apply flow and its session, the operation helpers)."""
    seen = set() if seen is None else seen
    if depth > 8 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from held_strings(v, depth + 1, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from held_strings(v, depth + 1, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from held_strings(getattr(value, f.name, None), depth + 1, seen)
    elif type(value).__module__.startswith(("ui.", "kiosk.")) and hasattr(value, "__dict__"):
        yield from held_strings(vars(value), depth + 1, seen)
