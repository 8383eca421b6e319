"""A serial scanner emulated on a pseudo-terminal (like the SAM reader's emulator).

The driver opens the slave's path as it would ``/dev/ttyACM0``; :meth:`ScannerEmulator.scan`
sends a code the way a scanner does (text + CR LF), :meth:`send_raw` sends any bytes (noise,
half a code) so tests can prove the driver re-synchronises.
"""

from __future__ import annotations

import os
import threading
import tty
from pathlib import Path


class ScannerEmulator:
    """Owns a pty pair; start with :meth:`start`, stop with :meth:`stop`."""

    def __init__(self, *, link: Path | None = None, terminator: bytes = b"\r\n") -> None:
        self.link = Path(link) if link else None
        self.terminator = terminator
        self._master = -1
        self._slave = -1
        self._slave_path = ""
        self._lock = threading.Lock()

    @property
    def path(self) -> str:
        """The path the driver opens: the link when there is one, else the pty slave."""
        return str(self.link) if self.link else self._slave_path

    @property
    def uri(self) -> str:
        """The ``scanner:`` URI for this emulator."""
        return f"scanner:{self.path}"

    def start(self) -> ScannerEmulator:
        """Create the pty (and the link)."""
        with self._lock:
            if self._master >= 0:
                return self
            master, slave = os.openpty()
            tty.setraw(slave)
            self._master, self._slave = master, slave
            self._slave_path = os.ttyname(slave)
            if self.link is not None:
                tmp = self.link.with_name(self.link.name + ".new")
                tmp.unlink(missing_ok=True)
                tmp.symlink_to(self._slave_path)
                tmp.replace(self.link)
        return self

    def scan(self, data: str) -> None:
        """Send one code as a scanner would."""
        self.send_raw(data.encode("utf-8") + self.terminator)

    def send_raw(self, data: bytes) -> None:
        """Send bytes as they are."""
        with self._lock:
            if self._master < 0:
                raise OSError("scanner emulator is not started")
            view = memoryview(data)
            while view:
                written = os.write(self._master, view)
                view = view[written:]

    def stop(self) -> None:
        """Close the pty (the driver then sees the port fail)."""
        with self._lock:
            for fd in (self._master, self._slave):
                if fd >= 0:
                    os.close(fd)
            self._master = self._slave = -1
            self._slave_path = ""
            if self.link is not None:
                self.link.unlink(missing_ok=True)

    def __enter__(self) -> ScannerEmulator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
