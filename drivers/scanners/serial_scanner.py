"""A barcode/QR scanner in serial mode (``scanner:/dev/ttyACM0?baud=9600``), over pyserial.

Hand-held and built-in kiosk scanners in "virtual COM" mode send each code as text followed
by CR, LF or CR LF. The port may also carry line noise or half a code (the citizen pulled
the slip away, the cable was plugged mid-scan). So:

* a scan is only what comes between two terminators; it must decode (UTF-8, else GB18030)
  and hold no control characters, otherwise it is dropped as garbage;
* bytes with no terminator for ``frame_timeout_s`` are a broken scan: dropped;
* more than ``max_length`` bytes without a terminator: dropped, and everything up to the
  next terminator too (re-sync), so the next good scan comes through whole.
"""

from __future__ import annotations

import logging
import threading
import time

import serial

from drivers.scanners.base import Scan, ScannerError

log = logging.getLogger(__name__)

DEFAULT_BAUD = 9600
TERMINATORS = b"\r\n"
MAX_LENGTH = 1024
FRAME_TIMEOUT_S = 0.5


def decode_scan(raw: bytes) -> str | None:
    """The text of one scan, or None when the bytes are not a plausible code."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.strip()
        if text and all(ch == "\t" or ch.isprintable() for ch in text):
            return text
        return None
    return None


class SerialScanner:
    """Reads scans from a serial port. One reader thread at a time."""

    def __init__(
        self,
        path: str,
        baud: int = DEFAULT_BAUD,
        *,
        uri: str = "",
        max_length: int = MAX_LENGTH,
        frame_timeout_s: float = FRAME_TIMEOUT_S,
    ) -> None:
        self.path = path
        self.baud = baud
        self.uri = uri or f"scanner:{path}?baud={baud}"
        self.max_length = max_length
        self.frame_timeout_s = frame_timeout_s
        self.garbage_dropped = 0
        self._port: serial.Serial | None = None
        self._buffer = bytearray()
        self._last_byte_at = 0.0
        self._skipping = False  # re-sync: drop bytes until the next terminator
        self._lock = threading.Lock()

    def open(self) -> None:
        """Open the port (idempotent)."""
        with self._lock:
            if self._port is not None:
                return
            try:
                self._port = serial.Serial(self.path, self.baud, timeout=0.05)
            except (serial.SerialException, OSError) as exc:
                raise ScannerError(f"scanner port {self.path} cannot be opened: {exc}") from None
            self._buffer.clear()
            self._skipping = False

    def close(self) -> None:
        """Close the port."""
        with self._lock:
            port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                pass

    def read_scan(self, timeout_s: float) -> Scan | None:
        """The next good scan within ``timeout_s``; garbage is dropped on the way."""
        if self._port is None:
            self.open()
        deadline = time.monotonic() + max(0.0, timeout_s)
        while True:
            scan = self._take_line()
            if scan is not None:
                return scan
            now = time.monotonic()
            if self._buffer and now - self._last_byte_at > self.frame_timeout_s:
                # A thread woken late on a loaded host finds the rest of the scan waiting
                # in the kernel's buffer: it came in time, so it is not cut off.
                if self._fill(waiting_only=True):
                    continue
                self._drop("no terminator in time")
            if now >= deadline:
                return None
            self._fill()

    def _fill(self, waiting_only: bool = False) -> bool:
        """Read what the port has (with ``waiting_only``, only bytes already there, without
        waiting); True when something came."""
        port = self._port
        if port is None:
            raise ScannerError(f"scanner port {self.path} is closed")
        try:
            waiting = port.in_waiting
            if waiting_only and not waiting:
                return False
            chunk = port.read(max(1, min(waiting, 4096)))
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise ScannerError(f"scanner port {self.path} failed: {exc}") from None
        if not chunk:
            return False
        self._last_byte_at = time.monotonic()
        self._buffer += chunk
        return True

    def _take_line(self) -> Scan | None:
        while True:
            cut = next((i for i, b in enumerate(self._buffer) if b in TERMINATORS), -1)
            if cut < 0:
                if len(self._buffer) > self.max_length:
                    self._drop("too long")
                    self._skipping = True
                return None
            raw = bytes(self._buffer[:cut])
            del self._buffer[: cut + 1]
            if self._skipping:
                self._skipping = False
                continue
            if not raw.strip(b" \t"):
                continue  # the LF of a CR LF, or an empty line
            if len(raw) > self.max_length:
                self.garbage_dropped += 1
                log.warning("scanner %s: dropped an overlong line (%d bytes)", self.uri, len(raw))
                continue
            text = decode_scan(raw)
            if text is None:
                self.garbage_dropped += 1
                log.warning("scanner %s: dropped %d unreadable bytes", self.uri, len(raw))
                continue
            return Scan(text)

    def _drop(self, why: str) -> None:
        self.garbage_dropped += 1
        log.warning("scanner %s: dropped %d bytes (%s)", self.uri, len(self._buffer), why)
        self._buffer.clear()
