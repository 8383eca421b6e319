"""Real drivers that hang: each blocks on an Event until a test releases it.

They are complete drivers (they satisfy the protocols), not mocks: the code under test calls
them exactly as it calls a vendor's. ``release`` lets a hung call return so threads end.
"""

from __future__ import annotations

import threading

from drivers.cards.base import CardRead
from drivers.printers.base import PrinterStatus
from drivers.status import DeviceState, DeviceStatus


class HangingPrinter:
    """A printer whose ``send`` (and, with ``hang_status``, ``query_status``) never returns."""

    def __init__(self, uri: str = "hang:", hang_send: bool = True, hang_status: bool = False):
        self.uri = uri
        self.release = threading.Event()
        self.hang_send, self.hang_status = hang_send, hang_status
        self.sent: list[bytes] = []
        self.send_calls = 0

    def send(self, data: bytes) -> None:
        self.send_calls += 1
        if self.hang_send:
            self.release.wait()
        self.sent.append(data)

    def query_status(self) -> PrinterStatus:
        if self.hang_status:
            self.release.wait()
        return PrinterStatus(online=True, paper="ok")

    def close(self) -> None:
        return None


class HangingReader:
    """A card reader whose ``status``, ``open`` or ``read_card`` never returns (as chosen)."""

    def __init__(
        self,
        uri: str = "hang:",
        hang_open: bool = False,
        hang_read: bool = False,
        hang_status: bool = False,
    ):
        self.uri = uri
        self.release = threading.Event()
        self.hang_open, self.hang_read, self.hang_status = hang_open, hang_read, hang_status

    def open(self) -> None:
        if self.hang_open:
            self.release.wait()

    def close(self) -> None:
        return None

    def read_card(self, timeout_s: float) -> CardRead | None:
        if self.hang_read:
            self.release.wait()
        return None

    def status(self) -> DeviceStatus:
        if self.hang_status:
            self.release.wait()
        return DeviceStatus(DeviceState.OK, "hanging reader (not hung now)")
