"""Byte transports for ESC/POS printers, built from a device URI on python-escpos connections.

python-escpos's connection classes open the device; we only use their raw write and the
underlying device for reads, because each status read here needs its own short timeout
(python-escpos reads with the connection's write timeout, or none at all on USB).

* ``usb:VID:PID?in_ep=0x82&out_ep=0x01`` — ``escpos.printer.Usb`` (pyusb)
* ``serial:/dev/ttyS0?baud=9600&dsrdtr=0`` — ``escpos.printer.Serial`` (pyserial)
* ``tcp://host:9100`` — ``escpos.printer.Network``
* ``file:/dev/usb/lp0`` — ``escpos.printer.File`` (write only: status is unknown)
* ``cups:<queue>`` — ``escpos.printer.CupsPrinter`` (pycups; queue state only)
"""

from __future__ import annotations

import logging
import select
import socket
import time
from typing import Any, Protocol

from drivers.printers.base import PrinterError
from drivers.uri import DeviceUri

log = logging.getLogger(__name__)

WRITE_TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 3.0
STATUS_TIMEOUT_S = 0.5


class Transport(Protocol):
    """Moves bytes to a printer and reads short status answers back."""

    description: str
    persistent: bool  # False: connect for each job or status query, then let go

    def open(self) -> None:
        """Connect; raises :class:`PrinterError` (reason ``unreachable``) when it cannot."""

    def write(self, data: bytes) -> None:
        """Send bytes; raises :class:`PrinterError` on failure or timeout."""

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Send a status request and return the answer (b"" on timeout; None: cannot read)."""

    def close(self) -> None:
        """Disconnect; safe to call twice."""


def _unreachable(what: str, exc: BaseException) -> PrinterError:
    detail = " ".join(str(exc).split())  # python-escpos messages span lines
    return PrinterError(f"printer {what} is not reachable: {detail}", reason="unreachable")


class _EscposTransport:
    """Shared open/write/close over a python-escpos connection object."""

    description = "printer"
    persistent = True

    def __init__(self) -> None:
        self._conn: Any = None

    def _make(self) -> Any:
        raise NotImplementedError

    def open(self) -> None:
        """Open the python-escpos connection (once)."""
        if self._conn is not None:
            return
        try:
            conn = self._make()
            conn.open()
        except PrinterError:
            raise
        except Exception as exc:  # escpos raises its own errors, OSError, USBError …
            raise _unreachable(self.description, exc) from exc
        self._conn = conn

    def write(self, data: bytes) -> None:
        """Write through python-escpos's raw method; errors become ``PrinterError``."""
        self.open()
        try:
            self._conn._raw(data)
        except Exception as exc:
            self.close()
            raise PrinterError(
                f"sending to {self.description} failed: {exc}", reason="unreachable"
            ) from exc

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Transports that cannot read answer None (status unknown)."""
        return None

    def close(self) -> None:
        """Close the python-escpos connection, ignoring errors of a dead device."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception as exc:
                log.debug("closing %s: %s", self.description, exc)


class NetworkTransport(_EscposTransport):
    """A printer on TCP (port 9100 style).

    Not persistent: network printers serve one connection at a time and drop idle ones, so
    holding a connection would lock out ``kioskctl printer-status`` and go stale.
    """

    persistent = False

    def __init__(self, host: str, port: int, timeout_s: float = WRITE_TIMEOUT_S) -> None:
        super().__init__()
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.description = f"tcp://{host}:{port}"

    def _make(self) -> Any:
        from escpos.printer import Network

        return Network(self.host, self.port, timeout=CONNECT_TIMEOUT_S)

    def open(self) -> None:
        """Connect within ``CONNECT_TIMEOUT_S``; then allow slow writes up to ``timeout_s``."""
        if self._conn is not None:
            return
        super().open()
        connection: Any = self._conn
        connection.device.settimeout(self.timeout_s)

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Drop stale bytes, send the request, wait up to ``timeout_s`` for one answer."""
        self.write(request)
        sock: socket.socket = self._conn.device
        deadline = time.monotonic() + timeout_s
        while True:
            # Past the deadline (a thread woken late) the answer may be waiting already:
            # one look without waiting before calling it no answer.
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([sock], [], [], left)
            if not ready:
                return b""
            try:
                data = sock.recv(16)
            except OSError as exc:
                self.close()
                raise _unreachable(self.description, exc) from exc
            if not data:  # the printer closed the connection
                self.close()
                raise PrinterError(
                    f"{self.description} closed the connection", reason="unreachable"
                )
            return data

    def write(self, data: bytes) -> None:
        """Write, first discarding late answers to earlier queries so they are not misread."""
        self.open()
        sock: socket.socket = self._conn.device
        while select.select([sock], [], [], 0)[0]:
            try:
                if not sock.recv(256):
                    break
            except OSError:
                break
        super().write(data)


class SerialTransport(_EscposTransport):
    """A printer on a serial line (or a pty in tests)."""

    def __init__(self, path: str, baud: int, dsrdtr: bool = False) -> None:
        super().__init__()
        self.path, self.baud, self.dsrdtr = path, baud, dsrdtr
        self.description = f"serial:{path}"

    def _make(self) -> Any:
        from escpos.printer import Serial

        return Serial(self.path, baudrate=self.baud, timeout=STATUS_TIMEOUT_S, dsrdtr=self.dsrdtr)

    def open(self) -> None:
        """Open, then bound writes too (pyserial waits forever on a stalled line otherwise)."""
        super().open()
        self._conn.device.write_timeout = WRITE_TIMEOUT_S

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Send the request and read one answer byte within ``timeout_s``."""
        self.open()
        device = self._conn.device
        try:
            device.reset_input_buffer()
            self.write(request)
            device.timeout = timeout_s
            return bytes(device.read(1))
        except PrinterError:
            raise
        except Exception as exc:
            self.close()
            raise _unreachable(self.description, exc) from exc


class UsbTransport(_EscposTransport):
    """A USB printer class device through pyusb (the usblp kernel driver must let go)."""

    def __init__(self, vendor: int, product: int, in_ep: int, out_ep: int) -> None:
        super().__init__()
        self.vendor, self.product, self.in_ep, self.out_ep = vendor, product, in_ep, out_ep
        self.description = f"usb:{vendor:#06x}:{product:#06x}"

    def _make(self) -> Any:
        from escpos.printer import Usb

        return Usb(
            self.vendor,
            self.product,
            timeout=int(WRITE_TIMEOUT_S * 1000),
            in_ep=self.in_ep,
            out_ep=self.out_ep,
        )

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Send the request and read the IN endpoint with a timeout (timeout → b"")."""
        self.write(request)
        try:
            return bytes(self._conn.device.read(self.in_ep, 16, int(timeout_s * 1000)))
        except Exception as exc:  # pyusb reports a timeout as USBTimeoutError
            if "timeout" in type(exc).__name__.lower() or "timed out" in str(exc).lower():
                return b""
            self.close()
            raise _unreachable(self.description, exc) from exc


class FileTransport(_EscposTransport):
    """A device file such as ``/dev/usb/lp0``; writes only, so status stays unknown."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.description = f"file:{path}"

    def _make(self) -> Any:
        from escpos.printer import File

        return File(self.path)


class CupsTransport(_EscposTransport):
    """A raw CUPS queue: each write is one CUPS job; status is the queue's state."""

    def __init__(self, queue: str) -> None:
        super().__init__()
        self.queue = queue
        self.description = f"cups:{queue}"

    def _make(self) -> Any:
        from escpos.printer import CupsPrinter

        if not CupsPrinter.is_usable():
            raise PrinterError("pycups is not installed (pip install pycups)", reason="unreachable")
        return CupsPrinter(self.queue)

    def write(self, data: bytes) -> None:
        """Queue the bytes and submit them as one raw job."""
        super().write(data)
        try:
            self._conn.send()
        except Exception as exc:
            self.close()
            raise PrinterError(f"CUPS refused the job: {exc}", reason="unreachable") from exc
        finally:
            self.close()  # python-escpos needs a fresh open() per CUPS job

    def query(self, request: bytes, timeout_s: float) -> bytes | None:
        """Only the printer request can be answered: the queue's accepting state."""
        if request[-1:] != b"\x01":
            return None
        self.open()
        try:
            # python-escpos answers b"8" for a stopped queue and b"0" otherwise; map them
            # onto real DLE EOT 1 bytes (offline 0x1A, online 0x12).
            return b"\x1a" if self._conn._read() == b"8" else b"\x12"
        finally:
            self.close()


def transport_for(uri: DeviceUri) -> Transport:
    """The transport for a printer URI (``sim:`` is built by the simulator module)."""
    if uri.scheme == "tcp":
        assert uri.port is not None  # checked by parse_device_uri
        return NetworkTransport(uri.host, uri.port)
    if uri.scheme == "serial":
        return SerialTransport(
            uri.target, uri.int_option("baud", 9600), bool(uri.int_option("dsrdtr", 0))
        )
    if uri.scheme == "usb":
        vendor, product = (int(p, 16) for p in uri.target.split(":"))
        return UsbTransport(
            vendor, product, uri.int_option("in_ep", 0x82), uri.int_option("out_ep", 0x01)
        )
    if uri.scheme == "file":
        return FileTransport(uri.target)
    if uri.scheme == "cups":
        return CupsTransport(uri.target)
    raise PrinterError(f"no ESC/POS transport for {uri.scheme!r}", reason="unsupported")
