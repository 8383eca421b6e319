"""Put the emulator on the wire: a TCP port (like a network printer's 9100) or a pty.

Both serve one emulator, so switches (paper out, silent …) apply whichever way it is reached.
Each server runs on its own thread and stops cleanly (tests start and stop them).
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import threading
import tty

from drivers.printers.sim.emulator import EscposEmulator

log = logging.getLogger(__name__)

_POLL_S = 0.1


class TcpPrinterServer:
    """Accepts connections one at a time and feeds them to the emulator; replies go back."""

    def __init__(self, emulator: EscposEmulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.emulator = emulator
        self._sock = socket.create_server((host, port))
        self._sock.settimeout(_POLL_S)
        self.host, self.port = self._sock.getsockname()[:2]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sim-printer-tcp", daemon=True)

    @property
    def uri(self) -> str:
        """The printer URI that reaches this server."""
        return f"tcp://{self.host}:{self.port}"

    def start(self) -> TcpPrinterServer:
        """Start serving on a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._sock.close()

    def __enter__(self) -> TcpPrinterServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            with conn:
                self._talk(conn)

    def _talk(self, conn: socket.socket) -> None:
        conn.settimeout(_POLL_S)
        try:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except TimeoutError:
                    continue
                if not data:
                    break
                reply = self.emulator.feed(data)
                if reply:
                    conn.sendall(reply)
        except OSError as exc:
            log.info("printer emulator connection ended: %s", exc)
        finally:
            self.emulator.end_of_stream()


class PtyPrinterServer:
    """The emulator behind a pseudo-terminal: open :attr:`path` as ``serial:<path>``."""

    def __init__(self, emulator: EscposEmulator) -> None:
        self.emulator = emulator
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # bytes pass unchanged (no newline translation, no echo)
        self.path = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sim-printer-pty", daemon=True)

    @property
    def uri(self) -> str:
        """The printer URI that reaches this pty."""
        return f"serial:{self.path}?baud=115200"

    def start(self) -> PtyPrinterServer:
        """Start serving on a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close both ends of the pty."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> PtyPrinterServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        idle = 0
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], _POLL_S)
            if not ready:
                idle += 1
                # A serial line has no "connection closed": a quiet second ends a job
                # that was not cut, like a printer's own timeout would.
                if idle == 10:
                    self.emulator.end_of_stream()
                continue
            idle = 0
            try:
                data = os.read(self._master, 65536)
            except OSError:
                continue  # no one has the slave open right now
            reply = self.emulator.feed(data)
            if reply:
                os.write(self._master, reply)
