"""The ESC/POS printer driver: status before and after each job, bytes over a transport.

The driver sends bytes it is given (the layouts render them in ``kiosk.printing``); it owns
the conversation with the printer: ask its state (``DLE EOT 1/2/4``), refuse to send when it
cannot print, send, and ask again so a job that ran out of paper half way is reported as
failed instead of silently lost. A printer that never answers status is printed to anyway
(many cheap printers do not implement ``DLE EOT``) and its state reported as unknown.

Stable API for vendors' plug-ins: :class:`EscposPrinter` (``uri``, ``transport``,
``status_timeout_s``, ``job_prefix``, ``status_commands``) and the
:class:`~drivers.printers.transports.Transport` protocol with its built-in transports. A
printer that needs a few bytes before each job (a proprietary init) passes ``job_prefix``; one
that answers status on other commands maps the standard requests (``commands.STATUS_PRINTER``,
``STATUS_OFFLINE_CAUSE``, ``STATUS_PAPER``) to its own with ``status_commands`` — its answers
must have the standard bit layout. Anything else goes into a transport of its own that wraps a
built-in one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from drivers.printers import commands
from drivers.printers.base import PrinterError, PrinterStatus
from drivers.printers.status_bytes import blocking_reason, combine
from drivers.printers.transports import STATUS_TIMEOUT_S, Transport

log = logging.getLogger(__name__)

_MESSAGES = {
    "cover_open": "printer cover is open",
    "paper_out": "printer is out of paper",
    "offline": "printer is offline",
}


class EscposPrinter:
    """A :class:`~drivers.printers.base.Printer` speaking ESC/POS over any transport."""

    def __init__(
        self,
        uri: str,
        transport: Transport,
        status_timeout_s: float = STATUS_TIMEOUT_S,
        *,
        job_prefix: bytes = b"",
        status_commands: Mapping[bytes, bytes] | None = None,
    ) -> None:
        self.uri = uri
        self.transport = transport
        self.status_timeout_s = status_timeout_s
        self.job_prefix = job_prefix
        self.status_commands = dict(status_commands or {})
        self.last_status = PrinterStatus(online=None)
        # One conversation at a time: a status poll must not interleave with a job's bytes.
        self._lock = threading.Lock()

    def query_status(self) -> PrinterStatus:
        """Ask the printer; no answer within the timeout → ``online=None, paper="unknown"``.

        Raises :class:`PrinterError` (reason ``unreachable``) when the connection fails.
        """
        with self._lock:
            try:
                return self._query()
            finally:
                self._let_go()

    def _let_go(self) -> None:
        if not self.transport.persistent:
            self.transport.close()

    def _ask(self, request: bytes, timeout_s: float) -> bytes | None:
        return self.transport.query(self.status_commands.get(request, request), timeout_s)

    def _query(self) -> PrinterStatus:
        ask = self._ask
        printer = ask(commands.STATUS_PRINTER, self.status_timeout_s)
        if printer is None:  # a write-only transport: nothing can be known
            status = PrinterStatus(online=None)
        else:
            cause = b""
            if printer and printer[-1] & 0x08:
                cause = ask(commands.STATUS_OFFLINE_CAUSE, self.status_timeout_s) or b""
            # A printer that ignored the first query will ignore the next; don't wait twice.
            paper = ask(commands.STATUS_PAPER, self.status_timeout_s) if printer else b""
            status = combine(printer, cause, paper or b"")
        self.last_status = status
        return status

    def send(self, data: bytes) -> None:
        """Print one job: refuse when the printer cannot print, check again afterwards.

        Raises :class:`PrinterError` with reason ``cover_open``, ``paper_out``, ``offline``
        or ``unreachable``. A failure after sending means the paper may be incomplete.
        """
        with self._lock:
            try:
                self._send(data)
            finally:
                self._let_go()

    def _send(self, data: bytes) -> None:
        try:
            before = self._query()
        except PrinterError:
            # A kept-open handle may be stale (printer switched off and on): reopen once.
            if not self.transport.persistent:
                raise
            self.transport.close()
            before = self._query()
        reason = blocking_reason(before)
        if reason is not None:
            raise PrinterError(f"{_MESSAGES[reason]}; nothing was sent", reason=reason)
        self.transport.write(self.job_prefix + data)
        after = self._query()
        reason = blocking_reason(after)
        if reason is not None:
            raise PrinterError(
                f"{_MESSAGES[reason]} after the job was sent; it may be incomplete",
                reason=reason,
            )
        if after.online is None:
            log.info("%s does not report status; job sent unverified", self.uri)

    def close(self) -> None:
        """Drop the connection; the next call reconnects."""
        with self._lock:
            self.transport.close()
