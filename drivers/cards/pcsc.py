"""PC/SC smart-card reader (``pcsc:`` = first reader, ``pcsc:<reader name>``), over pyscard.

Reads the public data of a social security card (:mod:`drivers.cards.sscard`); any other card
gives :class:`CardReadError` with reason ``unsupported_card``. A bank application is never
selected, so no bank card number is ever seen.

Hot-plug: one watcher thread per reader waits on ``SCardGetStatusChange`` with a short timeout
and keeps "card present" and "reader present" up to date (surviving a pcscd restart). pyscard's
``CardMonitor``/``ReaderMonitor`` were not used: they are process-wide singletons whose card
thread waits 60 s before it can be stopped and dies for good when pcscd goes away.
Listeners added with :meth:`PcscReader.add_listener` get ``card_inserted``,
``card_removed``, ``reader_lost`` and ``reader_back`` from the watcher thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from drivers.cards.base import CardRead, CardReaderError, CardReadError
from drivers.cards.sscard import read_social_security
from drivers.status import DeviceState, DeviceStatus

log = logging.getLogger(__name__)

Listener = Callable[[str], None]
CONNECT_TRIES = 6
CONNECT_RETRY_S = 0.2


def _scard() -> Any:
    from smartcard import scard  # imported late: the module needs libpcsclite at import

    return scard


def list_pcsc_readers() -> list[str]:
    """Names of the PC/SC readers pcscd knows; :class:`CardReaderError` when pcscd is absent."""
    scard = _scard()
    hr, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hr != scard.SCARD_S_SUCCESS:
        raise CardReaderError(
            "PC/SC service (pcscd) is not running: " + scard.SCardGetErrorMessage(hr),
            "reader_absent",
        )
    try:
        hr, names = scard.SCardListReaders(context, [])
        if hr == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hr != scard.SCARD_S_SUCCESS:
            raise CardReaderError(
                "cannot list PC/SC readers: " + scard.SCardGetErrorMessage(hr), "reader_absent"
            )
        return list(names)
    finally:
        scard.SCardReleaseContext(context)


class PcscReader:
    """One PC/SC reader, watched for card and reader hot-plug while open."""

    def __init__(self, reader_name: str = "", *, uri: str | None = None, poll_ms: int = 200):
        self.wanted = reader_name
        self.uri = uri or f"pcsc:{reader_name}"
        self.reader_name = ""
        self._poll_ms = poll_ms
        self._listeners: list[Listener] = []
        self._changed = threading.Condition()
        self._present = False
        self._lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._context: Any = None

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event)`` on every hot-plug event (from the watcher thread)."""
        self._listeners.append(listener)

    def open(self) -> None:
        """Find the reader and start watching it."""
        if self._thread is not None:
            if self._lost:
                raise CardReaderError(
                    f"PC/SC reader {self.reader_name!r} is still gone", "reader_lost"
                )
            return
        names = list_pcsc_readers()
        name = self._pick(names)
        if name is None:
            which = f"named {self.wanted!r}" if self.wanted else "at all"
            raise CardReaderError(
                f"no PC/SC reader {which} (readers: {', '.join(names) or 'none'})",
                "reader_absent",
            )
        self.reader_name = name
        self._lost = False
        self._stop.clear()
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._watch, args=(ready,), name="pcsc-watch", daemon=True
        )
        self._thread.start()
        ready.wait(timeout=2)  # the first status is known before open() returns

    def close(self) -> None:
        """Stop watching; safe to call twice."""
        self._stop.set()
        context = self._context
        if context is not None:
            _scard().SCardCancel(context)  # wakes SCardGetStatusChange at once
        if self._thread is not None:
            self._thread.join(timeout=3)
            self._thread = None

    def _pick(self, names: list[str]) -> str | None:
        if not self.wanted:
            return names[0] if names else None
        for name in names:
            if name == self.wanted:
                return name
        matches = [n for n in names if n.startswith(self.wanted)]
        return matches[0] if matches else None

    # -- watching ---------------------------------------------------------------------------

    def _emit(self, event: str) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("PC/SC listener failed")

    def _set(self, present: bool | None = None, lost: bool | None = None) -> None:
        events = []
        with self._changed:
            if lost is not None and lost != self._lost:
                self._lost = lost
                events.append("reader_lost" if lost else "reader_back")
                if lost:
                    present = False
            if present is not None and present != self._present:
                self._present = present
                events.append("card_inserted" if present else "card_removed")
            self._changed.notify_all()
        for event in events:
            self._emit(event)

    def _watch(self, ready: threading.Event) -> None:
        scard = _scard()
        while not self._stop.is_set():
            hr, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hr != scard.SCARD_S_SUCCESS:
                self._set(lost=True)
                ready.set()
                self._stop.wait(1.0)
                continue
            self._context = context
            try:
                self._watch_context(scard, context, ready)
            finally:
                self._context = None
                scard.SCardReleaseContext(context)

    def _watch_context(self, scard: Any, context: Any, ready: threading.Event) -> None:
        state = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set():
            hr, states = scard.SCardGetStatusChange(
                context, self._poll_ms, [(self.reader_name, state)]
            )
            if hr == scard.SCARD_E_TIMEOUT:
                ready.set()
                continue
            if hr == scard.SCARD_E_CANCELLED:
                return
            if hr in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
                self._set(lost=True)
                ready.set()
                self._stop.wait(1.0)
                return  # a new context once pcscd is back
            if hr != scard.SCARD_S_SUCCESS or states[0][1] & (
                scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_IGNORE
            ):
                self._set(lost=True)
                ready.set()
                self._wait_for_reader(scard, context)
                state = scard.SCARD_STATE_UNAWARE
                continue
            event_state = states[0][1]
            self._set(lost=False, present=bool(event_state & scard.SCARD_STATE_PRESENT))
            ready.set()
            state = event_state & ~scard.SCARD_STATE_CHANGED

    def _wait_for_reader(self, scard: Any, context: Any) -> None:
        while not self._stop.is_set():
            hr, names = scard.SCardListReaders(context, [])
            if hr in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
                return
            if hr == scard.SCARD_S_SUCCESS and self.reader_name in names:
                return
            self._stop.wait(0.5)

    # -- reading ----------------------------------------------------------------------------

    def card_present(self) -> bool:
        """True when a card is in the reader; :class:`CardReaderError` when the reader is gone."""
        with self._changed:
            if self._thread is None:
                raise CardReaderError(f"PC/SC reader {self.uri} is not open", "reader_lost")
            if self._lost:
                raise CardReaderError(f"PC/SC reader {self.reader_name!r} went away", "reader_lost")
            return self._present

    def read_card(self, timeout_s: float) -> CardRead | None:
        """Wait up to ``timeout_s`` for a card, then read its public data."""
        deadline = time.monotonic() + timeout_s
        while True:
            with self._changed:
                while not self.card_present():
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return None
                    self._changed.wait(remaining)
            try:
                return self._read()
            except CardReadError:
                # A card seen a moment ago and gone before it could be powered is no card.
                if self.card_present() or time.monotonic() >= deadline:
                    raise
                continue

    def _connect(self) -> Any:
        from smartcard.Exceptions import CardConnectionException, NoCardException
        from smartcard.System import readers

        last: Exception | None = None
        # Right after insertion pcscd may still be powering the card ("card is unpowered"):
        # a few short retries ride that out.
        for _attempt in range(CONNECT_TRIES):
            try:
                reader = next((r for r in readers() if str(r) == self.reader_name), None)
            except Exception as exc:  # pyscard raises several unrelated types without pcscd
                raise CardReaderError(f"PC/SC failed: {exc}", "reader_lost") from exc
            if reader is None:
                raise CardReaderError(f"PC/SC reader {self.reader_name!r} went away", "reader_lost")
            connection = reader.createConnection()
            try:
                connection.connect()
                return connection
            except (NoCardException, CardConnectionException) as exc:
                last = exc
                _release(connection)
                if self._stop.wait(CONNECT_RETRY_S) or not self.card_present():
                    break
        raise CardReadError(f"card could not be powered: {last}", "read_failed")

    def _read(self) -> CardRead:
        from smartcard.Exceptions import CardConnectionException

        connection = self._connect()

        def transmit(apdu: bytes) -> tuple[bytes, int, int]:
            data, sw1, sw2 = connection.transmit(list(apdu))
            return bytes(data), sw1, sw2

        try:
            return read_social_security(transmit)
        except CardConnectionException as exc:
            raise CardReadError(f"card left during reading: {exc}", "read_failed") from exc
        finally:
            _release(connection)

    def status(self) -> DeviceStatus:
        """OK while the reader is listed by pcscd."""
        if self._thread is None:
            return DeviceStatus(DeviceState.ERROR, f"PC/SC reader {self.uri} is not open")
        if self._lost:
            return DeviceStatus(DeviceState.ERROR, f"PC/SC reader {self.reader_name!r} is gone")
        return DeviceStatus(DeviceState.OK, f"PC/SC reader {self.reader_name!r} ready")


def _release(connection: Any) -> None:
    """Disconnect and free the connection's PC/SC context now.

    Left to the garbage collector, pyscard frees it in ``__del__``, which raises when pcscd
    has gone meanwhile.
    """
    for step in (connection.disconnect, connection.release):
        try:
            step()
        except Exception:
            log.debug("releasing a PC/SC connection failed", exc_info=True)
