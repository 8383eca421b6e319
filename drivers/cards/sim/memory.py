"""An in-process card reader: cards are "placed" by calling :meth:`place`.

Used by demo mode's touch-to-simulate button and by tests that do not exercise a wire protocol.
"""

from __future__ import annotations

import queue

from drivers.cards.base import CardRead
from drivers.status import DeviceState, DeviceStatus


class MemoryCardReader:
    """A reader whose cards come from a queue; thread-safe."""

    def __init__(self, uri: str = "sim:sam") -> None:
        self.uri = uri
        self._cards: queue.Queue[CardRead] = queue.Queue()
        self._open = False

    def open(self) -> None:
        """Nothing to connect to; marks the reader ready."""
        self._open = True

    def close(self) -> None:
        """Marks the reader closed."""
        self._open = False

    def place(self, card: CardRead) -> None:
        """Put a card on the reader; the next :meth:`read_card` returns it."""
        self._cards.put(card)

    def read_card(self, timeout_s: float) -> CardRead | None:
        """The next placed card, or None after ``timeout_s``."""
        try:
            return self._cards.get(timeout=timeout_s)
        except queue.Empty:
            return None

    def status(self) -> DeviceStatus:
        """Always OK once opened: it is a simulation."""
        if not self._open:
            return DeviceStatus(DeviceState.UNKNOWN, "simulated reader not opened")
        return DeviceStatus(DeviceState.OK, "simulated card reader")
