"""One thread per card reader: waits for cards, reads them, follows the reader's hot-plug.

Events go to plain callbacks (:class:`ReaderCallbacks`), called on the worker thread;
``ui/bridge.py`` re-posts them to the GUI thread. A reader that disappears (cable pulled, port
gone, pcscd stopped) is reported once as lost, then reopened every ``reopen_interval_s`` until
it answers again, which is reported as back: no restart needed.

Order of events for one card: ``on_card_present`` → ``on_card_read`` (a :class:`CardResult`)
→ ``on_card_removed`` when it is lifted. Readers that cannot sense presence (the memory
simulator) give ``on_card_present`` and ``on_card_read`` only.

Each card once: one placement gives one ``on_card_read``. A reader that senses presence
(``card_present()``) is read once per placement. A reader that does not is asked over and
over; when it returns the same card again (equal, or the very same object) without a None —
"no card" — in between, the repeat is ignored: the card is still lying there. So a driver that
returns the card on every call while it lies on the reader is fine, and lifting it (a None)
and laying it again is a new placement.

Every driver call runs under a deadline (:class:`~kiosk.devices.guard.DeviceGuard`):
``read_card(t)`` may take ``t + call_margin_s``, the other calls ``call_margin_s``. A call
past its deadline reports the reader lost with reason ``reader_silent`` and a sentence, and
the reader is reopened later on a fresh thread. A read that fails with anything but
:class:`CardReaderError` (a decode error in the driver, a wrong return type) is a failed read
(``read_failed``), not a lost reader.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from drivers.cards.base import (
    CardRead,
    CardReader,
    CardReaderError,
    CardReadError,
    PresenceSensingReader,
)
from kiosk.devices.guard import DeviceGuard, DeviceTimeout
from kiosk.domain.identity import Identity, IdentityError, identity_from_card
from kiosk.logs import log_event

log = logging.getLogger(__name__)


def _ignore(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class CardResult:
    """The outcome of one card read: an identity, or a reason code and a staff message.

    Reasons: ``card_expired``, ``unsupported_card``, ``read_failed``, ``id_check_failed``,
    ``invalid_card_data``.
    """

    reader_uri: str
    identity: Identity | None = None
    reason: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        """True when the card gave a usable identity."""
        return self.identity is not None


@dataclass
class ReaderCallbacks:
    """What the worker reports. Every callback runs on the worker thread; keep them short."""

    on_card_present: Callable[[], None] = _ignore
    on_card_read: Callable[[CardResult], None] = _ignore
    on_card_removed: Callable[[], None] = _ignore
    # (reason, message): reader_absent, reader_busy, reader_silent, reader_lost, reader_error
    on_reader_lost: Callable[[str, str], None] = _ignore
    on_reader_back: Callable[[], None] = _ignore


@dataclass
class _State:
    opened: bool = False
    lost: bool = False
    card_on: bool = False


class ReaderWorker:
    """Drives one :class:`CardReader` on its own thread; see the module docstring."""

    def __init__(
        self,
        reader: CardReader,
        callbacks: ReaderCallbacks,
        *,
        today: Callable[[], date] = date.today,
        poll_interval_s: float = 0.05,
        read_timeout_s: float = 3.0,
        reopen_interval_s: float = 1.0,
        call_margin_s: float = 5.0,
    ) -> None:
        self.reader = reader
        # A non-conforming driver may lack ``uri``: it must not kill the thread when logged.
        self._uri = str(getattr(reader, "uri", "?"))
        self._guard = DeviceGuard(f"card reader {self._uri}")
        self._margin = call_margin_s
        self._last_card: object | None = None
        self.callbacks = callbacks
        self._today = today
        self._poll = poll_interval_s
        self._read_timeout = read_timeout_s
        self._reopen = reopen_interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._state = _State()

    def start(self) -> None:
        """Start the worker thread (returns at once)."""
        if self._thread is not None:
            return
        self._stop.clear()
        thread = threading.Thread(target=self._run, name="card-reader", daemon=True)
        thread.start()  # before it is published: stop() never joins an unstarted one
        self._thread = thread

    def stop(self, timeout_s: float = 5.0) -> None:
        """Ask the thread to finish and wait for it; the reader stays open (its owner closes it)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
            self._thread = None
        self._guard.close()

    @property
    def running(self) -> bool:
        """Whether the worker thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    # -- loop -------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._state.opened and not self._open():
                self._stop.wait(self._reopen)
                continue
            try:
                self._cycle()
            except CardReaderError as exc:
                self._lose(exc.reason, str(exc))
            except DeviceTimeout as exc:
                self._lose("reader_silent", str(exc))
            except Exception as exc:  # a driver bug must not end the worker
                log.exception("card reader %s failed unexpectedly", self._uri)
                self._lose("reader_error", f"card reader failed: {type(exc).__name__}")

    def _open(self) -> bool:
        try:
            self._guard.call("open", self.reader.open, self._margin)
        except DeviceTimeout as exc:
            self._report_lost("reader_silent", str(exc))
            return False
        except CardReaderError as exc:
            self._report_lost(exc.reason, str(exc))
            return False
        except Exception as exc:
            self._report_lost("reader_error", f"card reader cannot be opened: {exc}")
            return False
        self._state.opened = True
        if self._state.lost:
            self._state.lost = False
            log.info("card reader %s is back", self._uri)
            self._call(self.callbacks.on_reader_back)
        return True

    def _lose(self, reason: str, message: str) -> None:
        try:
            self._guard.call("close", self.reader.close, self._margin)
        except Exception:
            log.debug("closing a lost reader failed", exc_info=True)
        self._state.opened = False
        self._last_card = None
        if self._state.card_on:
            self._state.card_on = False
            self._call(self.callbacks.on_card_removed)
        self._report_lost(reason, message)
        self._stop.wait(self._reopen)

    def _report_lost(self, reason: str, message: str) -> None:
        if self._state.lost:
            return
        self._state.lost = True
        log.warning("card reader %s lost: %s", self._uri, message)
        self._call(self.callbacks.on_reader_lost, reason, message)

    def _cycle(self) -> None:
        reader = self.reader
        if not isinstance(reader, PresenceSensingReader):
            self._read_and_report(lambda: self._read(max(self._poll, 0.2)), announce=True)
            return
        present = self._guard.call("card_present", reader.card_present, self._margin)
        if present and not self._state.card_on:
            self._state.card_on = True
            self._call(self.callbacks.on_card_present)
            self._read_and_report(lambda: self._read(self._read_timeout), announce=False)
        elif not present and self._state.card_on:
            self._state.card_on = False
            self._call(self.callbacks.on_card_removed)
        else:
            self._stop.wait(self._poll)

    def _read(self, timeout_s: float) -> object:
        reader = self.reader
        return self._guard.call(
            "read", lambda: reader.read_card(timeout_s), timeout_s + self._margin
        )

    def _same_placement(self, card: object) -> bool:
        last = self._last_card
        if last is None:
            return False
        try:
            return card is last or bool(card == last)
        except Exception:  # a driver's own type with a broken __eq__
            return False

    def _read_and_report(self, read: Callable[[], object], announce: bool) -> None:
        uri = self._uri
        try:
            card = read()
        except CardReadError as exc:
            # For staff: a reader that fails often shows here. The message may quote the
            # card's bytes, so the reason code goes out, not the text.
            log_event(log, "card.read_failed", logging.WARNING, reader=uri, reason=exc.reason)
            self._call(self.callbacks.on_card_read, CardResult(uri, None, exc.reason, str(exc)))
            return
        except (CardReaderError, DeviceTimeout):
            raise
        except Exception as exc:  # a decode error in the driver: the reader itself works
            # The message may quote the card's bytes: the log gets the type only.
            log.warning("card reader %s could not read a card: %s", uri, type(exc).__name__)
            message = f"card could not be read (driver error {type(exc).__name__})"
            self._call(self.callbacks.on_card_read, CardResult(uri, None, "read_failed", message))
            if announce:
                self._stop.wait(self._poll)
            return
        if card is None:
            self._last_card = None  # nothing on the reader: the next card is a new placement
            if not announce:
                # Present a moment ago, gone before it could be read.
                log_event(
                    log, "card.read_failed", logging.WARNING, reader=uri, reason="card_removed"
                )
                result = CardResult(uri, None, "read_failed", "card removed before reading")
                self._call(self.callbacks.on_card_read, result)
            return
        if announce:
            if self._same_placement(card):
                self._stop.wait(self._poll)  # the same card still lying there
                return
            self._last_card = card
            self._call(self.callbacks.on_card_present)
        if not isinstance(card, CardRead):
            message = (
                f"card reader driver does not conform: read_card returned "
                f"{type(card).__name__}, not CardRead or None"
            )
            log.error("card reader %s: %s", uri, message)
            self._call(self.callbacks.on_card_read, CardResult(uri, None, "read_failed", message))
            return
        try:
            identity = identity_from_card(card, self._today())
        except IdentityError as exc:
            log_event(log, "card.refused", reader=uri, reason=exc.reason)
            self._call(self.callbacks.on_card_read, CardResult(uri, None, exc.reason, str(exc)))
            return
        except Exception as exc:
            # Odd card data that slipped past the checks is still the card's fault, not the
            # reader's: report an unreadable card. The exception text may quote card data,
            # so only its type is logged.
            log_event(
                log,
                "card.unreadable_data",
                logging.ERROR,
                reader=self.reader.uri,
                card_type=card.card_type,
                error=type(exc).__name__,
            )
            result = CardResult(uri, None, "invalid_card_data", "the card's data cannot be read")
            self._call(self.callbacks.on_card_read, result)
            return
        self._call(self.callbacks.on_card_read, CardResult(uri, identity))

    def _call(self, callback: Callable[..., None], *args: object) -> None:
        try:
            callback(*args)
        except Exception:  # a failing listener must not stop card reading
            log.exception("card reader callback failed")
