"""One thread per scanner: waits for scans and hands each to a callback.

A port that fails (cable pulled) is reported once through ``on_lost`` and reopened every
``reopen_interval_s``; ``on_back`` says it works again. Callbacks run on the worker thread;
``ui/bridge.py`` re-posts them to the GUI thread. Scans are text only: what they mean (a
receipt's QR code, …) is decided by the service that receives them. Each driver call runs
under a deadline (:class:`~kiosk.devices.guard.DeviceGuard`): a hung scanner is reported lost
with reason ``timeout``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from drivers.scanners.base import Scanner, ScannerError
from kiosk.devices.guard import DeviceGuard, DeviceTimeout

log = logging.getLogger(__name__)


class ScannerWorker:
    """Reads ``scanner`` on its own thread until stopped."""

    def __init__(
        self,
        scanner: Scanner,
        on_scan: Callable[[str], None],
        *,
        on_lost: Callable[[str], None] | None = None,
        on_back: Callable[[], None] | None = None,
        poll_s: float = 0.5,
        reopen_interval_s: float = 2.0,
        call_margin_s: float = 5.0,
    ) -> None:
        self.scanner = scanner
        self._uri = str(getattr(scanner, "uri", "?"))
        # Every driver call under a deadline: a hung scanner is reported lost, not waited on.
        self._guard = DeviceGuard(f"scanner {self._uri}")
        self._margin = call_margin_s
        self.on_scan = on_scan
        self.on_lost = on_lost or (lambda _reason: None)
        self.on_back = on_back or (lambda: None)
        self.poll_s = poll_s
        self.reopen_interval_s = reopen_interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Why the scanner cannot be read now ("" while it answers); read by the staff screen.
        self.lost_reason = ""

    def start(self) -> None:
        """Start the thread."""
        thread = threading.Thread(target=self._run, name="scanner", daemon=True)
        thread.start()  # before it is published: stop() never joins an unstarted one
        self._thread = thread

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the thread and close the port."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        try:
            self._guard.call("close", self.scanner.close, self._margin)
        except Exception as exc:
            log.warning("closing scanner %s failed: %s", self._uri, exc)
        self._guard.close()

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                scan = self._guard.call(
                    "read", lambda: self.scanner.read_scan(self.poll_s), self.poll_s + self._margin
                )
            except (ScannerError, DeviceTimeout) as exc:
                reason = getattr(exc, "reason", "") or "unreachable"
                self.lost_reason = reason
                if not lost:
                    lost = True
                    log.warning("scanner %s lost: %s", self._uri, exc)
                    self._call(self.on_lost, reason)
                try:
                    self._guard.call("close", self.scanner.close, self._margin)
                except Exception:
                    log.debug("closing a lost scanner failed", exc_info=True)
                self._stop.wait(self.reopen_interval_s)
                continue
            except Exception as exc:  # a driver bug must not end the worker
                log.error("scanner %s failed: %s", self._uri, type(exc).__name__)
                self._stop.wait(self.reopen_interval_s)
                continue
            self.lost_reason = ""
            if lost:
                lost = False
                self._call(self.on_back)
            if scan is not None:
                self._call(self.on_scan, scan.data)

    @staticmethod
    def _call(callback: Callable[..., None], *args: object) -> None:
        try:
            callback(*args)
        except Exception:  # a broken listener must not stop the scanner
            log.exception("scanner listener failed")
