"""The ``sim:`` printer: the ESC/POS driver talking straight to an in-process emulator.

``sim:?out=/path/receipts&width=80`` — jobs are rendered to PNGs in ``out`` (none when
absent); ``width`` is the paper (58 or 80 mm). The driver code path is the real one; only
the wire is replaced by a function call.
"""

from __future__ import annotations

from pathlib import Path

from drivers.printers.base import PrinterError
from drivers.printers.escpos import EscposPrinter
from drivers.printers.sim.emulator import EscposEmulator
from drivers.uri import DeviceUri

WIDTH_DOTS = {58: 384, 80: 576}


class EmulatorTransport:
    """A :class:`~drivers.printers.transports.Transport` that feeds an emulator directly."""

    persistent = True

    def __init__(self, emulator: EscposEmulator) -> None:
        self.emulator = emulator
        self.description = "emulated printer"
        self._replies = bytearray()

    def open(self) -> None:
        """Nothing to connect."""

    def write(self, data: bytes) -> None:
        """Hand the bytes to the emulator; keep any status answers it gives."""
        self._replies += self.emulator.feed(data)

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """The emulator answers at once, or not at all when it is switched silent."""
        self._replies.clear()
        self.write(request)
        answer = bytes(self._replies)
        self._replies.clear()
        return answer

    def close(self) -> None:
        """Nothing to release."""


def emulated_printer(uri: DeviceUri) -> EscposPrinter:
    """An :class:`EscposPrinter` on an in-process emulator, configured by the URI options."""
    width_mm = uri.int_option("width", 80)
    if width_mm not in WIDTH_DOTS:
        raise PrinterError(f"sim printer width must be 58 or 80, got {width_mm}", "unsupported")
    out = uri.options.get("out")
    emulator = EscposEmulator(WIDTH_DOTS[width_mm], Path(out) if out else None)
    return EscposPrinter(str(uri), EmulatorTransport(emulator))


def emulator_of(printer: object) -> EscposEmulator | None:
    """The emulator behind a ``sim:`` printer (for the print preview and tests), else None."""
    transport = getattr(printer, "transport", None)
    return transport.emulator if isinstance(transport, EmulatorTransport) else None
