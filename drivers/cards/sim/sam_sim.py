"""``sim:sam``: the real SAM driver talking to the pty emulator, both in this process.

Demo mode and tests get the full serial path (frames, timeouts, re-synchronisation) without a
reader. :meth:`SimulatedSamReader.place` lays a card on the emulated reader (the next sample
card when none is given) and :meth:`SimulatedSamReader.remove` takes it away: that is the demo
screen's "simulate a tap".
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import threading
import weakref
from pathlib import Path

from drivers.cards.base import CardRead
from drivers.cards.sam import SamReader
from drivers.cards.sim.card_files import default_cards_dir, load_cards
from drivers.cards.sim.sam_emulator import SamEmulator
from drivers.status import DeviceStatus

SAM_CARD_TYPES = {"resident", "hmt_permit", "foreign_permanent"}


class SimulatedSamReader:
    """A :class:`SamReader` on an in-process :class:`SamEmulator` with a stable port path."""

    def __init__(
        self,
        uri: str = "sim:sam",
        cards: list[CardRead] | None = None,
        cards_dir: Path | None = None,
        baud: int = 115200,
    ) -> None:
        self.uri = uri
        if cards is None:
            order = ["resident", "hmt_permit", "foreign_permanent"]
            found = load_cards(cards_dir or default_cards_dir(), SAM_CARD_TYPES)
            cards = sorted(found, key=lambda c: order.index(c.card_type))
        self.cards = cards
        self._next = itertools.cycle(range(len(self.cards))) if self.cards else None
        self.baud = baud
        # The port gets a stable path (a symlink into a private folder) so the emulated
        # reader can be unplugged and plugged back like a USB reader keeping its name.
        # The folder lives as long as this object: closing the driver (a worker does that
        # whenever the reader is lost) must never pull it from under a replug.
        self._dir = Path(tempfile.mkdtemp(prefix="kiosk-sim-sam-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._dir, ignore_errors=True)
        self.emulator = SamEmulator(baud=baud, link=self._dir / "ttySAM0")
        self.driver = SamReader(self.emulator.path, baud, uri=uri)
        self._lock = threading.Lock()
        self._started = False

    def open(self) -> None:
        """Start the emulator (first time only) and open the driver on its port.

        After :meth:`SamEmulator.unplug` the port stays away until ``plug()``: reopening then
        fails with ``reader_absent``, exactly like a reader whose cable is out.
        """
        with self._lock:
            if not self._started:
                self.emulator.start()
                self._started = True
        self.driver.open()

    def close(self) -> None:
        """Close the driver and stop the emulator; safe to call twice.

        While the emulated cable is pulled the emulator is left unplugged (a worker closing
        the lost reader must not plug it back).
        """
        self.driver.close()
        with self._lock:
            if not self._started or not self.emulator.plugged:
                return
            self.emulator.stop()
            self._started = False

    def place(self, card: CardRead | None = None) -> CardRead | None:
        """Lay ``card`` (or the next sample card) on the reader; returns the card placed."""
        with self._lock:
            if card is None and self._next is not None:
                card = self.cards[next(self._next)]
            self.emulator.card = card
            return card

    def remove(self) -> None:
        """Take the card off the reader."""
        self.emulator.card = None

    def card_present(self) -> bool:
        """Whether a card lies on the emulated reader, asked over the wire."""
        return self.driver.card_present()

    def read_card(self, timeout_s: float) -> CardRead | None:
        """Wait for and read a card through the real driver."""
        return self.driver.read_card(timeout_s)

    def status(self) -> DeviceStatus:
        """The driver's status (SAM status command over the pty)."""
        return self.driver.status()
