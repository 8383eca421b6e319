"""What every call-light driver provides: off, steady or blinking, and nothing to read back."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class BeaconError(RuntimeError):
    """The light cannot be set; ``reason``: ``unreachable`` (gone, or no permission)."""

    def __init__(self, message: str, reason: str = "unreachable") -> None:
        super().__init__(message)
        self.reason = reason


class Light(StrEnum):
    """What the lamp shows: ``BLINK`` a citizen is calling, ``ON`` staff are on their way."""

    OFF = "off"
    ON = "on"
    BLINK = "blink"


class Beacon(Protocol):
    """A call light. Blocking but quick; the terminal calls it under a deadline."""

    uri: str

    def open(self) -> None:
        """Check the light is there; raises :class:`BeaconError`."""

    def show(self, light: Light) -> None:
        """Switch the light; raises :class:`BeaconError`."""

    def close(self) -> None:
        """Switch the light off and release it; safe to call twice."""
