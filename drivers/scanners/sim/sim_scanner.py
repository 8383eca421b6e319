"""``sim:scanner``: the real serial driver on an in-process pty emulator (demo and tests)."""

from __future__ import annotations

from drivers.scanners.serial_scanner import SerialScanner
from drivers.scanners.sim.emulator import ScannerEmulator


class SimulatedScanner(SerialScanner):
    """A :class:`SerialScanner` whose port is a :class:`ScannerEmulator` it owns."""

    def __init__(self, uri: str = "sim:scanner") -> None:
        self.emulator = ScannerEmulator().start()
        super().__init__(self.emulator.path, uri=uri)

    def close(self) -> None:
        """Close the port and the emulator."""
        super().close()
        self.emulator.stop()
