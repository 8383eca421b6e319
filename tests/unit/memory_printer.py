"""An in-process printer that keeps every job's bytes, for tests that switch its state."""

from __future__ import annotations

import threading

from drivers.printers.base import PaperState, PrinterError, PrinterStatus


class MemoryPrinter:
    """Collects jobs in memory; paper and online state can be switched by tests."""

    def __init__(self, uri: str = "sim:") -> None:
        self.uri = uri
        self.jobs: list[bytes] = []
        self.paper: PaperState = "ok"
        self.online = True
        self._lock = threading.Lock()

    def send(self, data: bytes) -> None:
        """Keep the job, or fail the way a real printer would."""
        with self._lock:
            if not self.online:
                raise PrinterError("printer offline", reason="offline")
            if self.paper == "out":
                raise PrinterError("printer out of paper", reason="paper_out")
            self.jobs.append(bytes(data))

    def query_status(self) -> PrinterStatus:
        """The switched state."""
        with self._lock:
            return PrinterStatus(online=self.online, paper=self.paper)

    def close(self) -> None:
        """Nothing to release."""
