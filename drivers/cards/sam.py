"""SAM serial ID-card reader (``sam:/dev/ttyUSB0?baud=115200``), over pyserial.

One card read is find → select → read. Every read from the port has a deadline; a garbled,
partial or wrongly-checksummed reply makes the driver flush and ask again, a bounded number of
times. Reader-level trouble (no port, port busy, silent reader, port vanished) raises
:class:`CardReaderError` with a reason; card-level trouble (card pulled away during the read,
SAM refusing) raises :class:`CardReadError`.
"""

from __future__ import annotations

import logging
import threading
import time

import serial

from drivers.cards.base import CardRead, CardReaderError, CardReadError
from drivers.cards.id_layouts import LayoutError, parse_text_block
from drivers.cards.sam_frames import (
    SW_FIND_OK,
    SW_OK,
    ChecksumError,
    Command,
    FrameDecoder,
    FrameError,
    Reply,
    build_command,
    parse_read_data,
    parse_reply,
)
from drivers.status import DeviceState, DeviceStatus

log = logging.getLogger(__name__)

DEFAULT_BAUD = 115200
# Expected reply sizes, to give each command a deadline that fits the baud rate.
_REPLY_BYTES = {
    Command.FIND_CARD: 15,
    Command.SELECT_CARD: 19,
    Command.READ_TEXT_PHOTO: 1295,
    Command.READ_TEXT_PHOTO_FINGERPRINT: 2321,
    Command.SAM_STATUS: 11,
    Command.SAM_ID: 27,
    Command.RESET_SAM: 11,
}


class SamReader:
    """A SAM ID-card reader on a serial port. Thread-safe: one command at a time."""

    def __init__(
        self,
        port: str,
        baud: int = DEFAULT_BAUD,
        *,
        uri: str | None = None,
        base_timeout_s: float = 0.3,
        retries: int = 2,
        poll_interval_s: float = 0.02,
        fingerprint: bool = False,
    ) -> None:
        self.port = port
        self.baud = baud
        self.uri = uri or f"sam:{port}?baud={baud}"
        self.base_timeout_s = base_timeout_s
        self.retries = retries
        self.poll_interval_s = poll_interval_s
        self.fingerprint = fingerprint
        self._serial: serial.Serial | None = None
        self._decoder = FrameDecoder()
        self._lock = threading.RLock()

    # -- connection -------------------------------------------------------------------------

    def open(self) -> None:
        """Open the port exclusively and check that the SAM answers."""
        with self._lock:
            if self._serial is not None:
                return
            try:
                self._serial = serial.Serial(
                    self.port, self.baud, timeout=0.05, write_timeout=1.0, exclusive=True
                )
            except serial.SerialException as exc:
                raise _open_error(self.port, exc) from exc
            self._decoder.clear()
            try:
                self.sam_status()
            except CardReaderError:
                self.close()
                raise

    def close(self) -> None:
        """Release the port; safe to call twice."""
        with self._lock:
            port, self._serial = self._serial, None
            if port is not None:
                try:
                    port.close()
                except (OSError, serial.SerialException):
                    pass  # the port may already be gone (unplugged)

    @property
    def is_open(self) -> bool:
        """Whether the port is open."""
        return self._serial is not None

    # -- protocol ---------------------------------------------------------------------------

    def transact(self, command: Command, data: bytes = b"", retries: int | None = None) -> Reply:
        """Send ``command`` and return its reply, asking again after garbage or a timeout.

        Raises :class:`CardReaderError` (``reader_silent``) when no valid reply comes after
        the retries, and (``reader_lost``) when the port fails.
        """
        frame = build_command(command, data)
        timeout = self.base_timeout_s + _REPLY_BYTES.get(command, 64) * 10 / self.baud * 2
        problem = "no reply"
        tries = (self.retries if retries is None else retries) + 1
        with self._lock:
            for attempt in range(tries):
                if attempt:
                    log.info("%s: retrying %s after %s", self.port, command.name, problem)
                self._discard_input()
                if not self._write(frame):
                    problem = "a stalled write"
                    continue
                try:
                    payload = self._read_frame(time.monotonic() + timeout)
                except ChecksumError:
                    problem = "a bad checksum"
                    continue
                if payload is None:
                    problem = "partial reply" if self._decoder.pending else "no reply"
                    continue
                try:
                    return parse_reply(payload)
                except FrameError:
                    problem = "a malformed reply"
            raise CardReaderError(
                f"card reader on {self.port} gave {problem} to {command.name} "
                f"after {tries} tries (check power, cable and baud rate {self.baud})",
                "reader_silent",
            )

    def find_card(self) -> bool:
        """True when a card is in the field."""
        return self.transact(Command.FIND_CARD).sw3 == SW_FIND_OK

    def select_card(self) -> bool:
        """Select the card found; False when the SAM could not."""
        return self.transact(Command.SELECT_CARD).sw3 == SW_OK

    def sam_status(self) -> bool:
        """True when the SAM module reports itself ready."""
        return self.transact(Command.SAM_STATUS).sw3 == SW_OK

    def sam_id(self) -> str:
        """The SAM module's id in its conventional printed form (``05.01-…``)."""
        reply = self.transact(Command.SAM_ID)
        if reply.sw3 != SW_OK or len(reply.data) < 16:
            raise CardReaderError(f"card reader on {self.port} did not give its SAM id")
        raw = reply.data[:16]
        a, b = int.from_bytes(raw[0:2], "little"), int.from_bytes(raw[2:4], "little")
        c, d, e = (int.from_bytes(raw[i : i + 4], "little") for i in (4, 8, 12))
        return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"

    def card_present(self) -> bool:
        """True when a card lies on the reader (one find command)."""
        return self.find_card()

    def read_card(self, timeout_s: float) -> CardRead | None:
        """Wait up to ``timeout_s`` for a card, then select and read it."""
        deadline = time.monotonic() + timeout_s
        while not self.find_card():
            if time.monotonic() >= deadline:
                return None
            time.sleep(self.poll_interval_s)
        return self._select_and_read()

    def _select_and_read(self) -> CardRead:
        problem = "the SAM refused to select the card"
        for _attempt in range(self.retries + 1):
            try:
                if not self.select_card():
                    # After a failed select a fresh find wakes the card up again.
                    if not self.find_card():
                        break
                    continue
                command = (
                    Command.READ_TEXT_PHOTO_FINGERPRINT
                    if self.fingerprint
                    else Command.READ_TEXT_PHOTO
                )
                # One try only: silence here most often means the card left mid-read,
                # which the find below tells apart from a glitch worth another read.
                reply = self.transact(command, retries=0)
            except CardReaderError as exc:
                if exc.reason != "reader_silent":
                    raise
                problem = str(exc)
                # Silence during a read usually means the card left: look whether it is there.
                if not self.find_card():
                    break
                continue
            if reply.sw3 != SW_OK:
                problem = f"the SAM refused to read the card (SW3={reply.sw3:02X})"
                if not self.find_card():
                    break
                continue
            return self._parse(reply)
        raise CardReadError(f"card could not be read: {problem}; card removed?", "read_failed")

    def _parse(self, reply: Reply) -> CardRead:
        try:
            data = parse_read_data(reply.data, self.fingerprint)
            return parse_text_block(data.text, data.photo)
        except (FrameError, LayoutError) as exc:
            raise CardReadError(f"card data not understood: {exc}", "unsupported_card") from exc

    def status(self) -> DeviceStatus:
        """OK when the port is open and the SAM answers its status command."""
        if self._serial is None:
            return DeviceStatus(DeviceState.ERROR, f"card reader on {self.port} is not open")
        try:
            ready = self.sam_status()
        except CardReaderError as exc:
            return DeviceStatus(DeviceState.ERROR, str(exc))
        if not ready:
            return DeviceStatus(DeviceState.ERROR, f"SAM module on {self.port} is not ready")
        return DeviceStatus(DeviceState.OK, f"ID-card reader on {self.port} ready")

    # -- serial I/O -------------------------------------------------------------------------

    def _port(self) -> serial.Serial:
        if self._serial is None:
            raise CardReaderError(f"card reader on {self.port} is not open", "reader_lost")
        return self._serial

    def _write(self, frame: bytes) -> bool:
        """Send ``frame``; False when the write timed out. pyserial also says so when the
        bytes did go out but this thread was not scheduled for the whole timeout (a loaded
        machine): asking again is right either way, and a reader that stays stuck ends as
        ``reader_silent`` after the retries. A port that fails is gone: ``reader_lost``."""
        try:
            self._port().write(frame)
            return True
        except serial.SerialTimeoutException:
            log.info("%s: a write timed out", self.port)
            return False
        except (OSError, serial.SerialException) as exc:
            self.close()
            raise CardReaderError(
                f"card reader on {self.port} went away: {exc}", "reader_lost"
            ) from exc

    def _discard_input(self) -> None:
        # Bytes left from an earlier, abandoned reply must not be taken for this one's.
        self._receive(self._port(), waiting_only=True)
        self._decoder.clear()

    def _read_frame(self, deadline: float) -> bytes | None:
        port = self._port()
        while True:
            payload = self._decoder.next_payload()
            if payload is not None:
                return payload
            if time.monotonic() >= deadline:
                # A loaded host may wake this thread after the deadline with the whole reply
                # already in the kernel's buffer: take what has arrived before calling it
                # silence (asking again would throw that reply away).
                if not self._receive(port, waiting_only=True):
                    return None
                return self._decoder.next_payload()
            self._receive(port, waiting_only=False)

    def _receive(self, port: serial.Serial, *, waiting_only: bool) -> bool:
        """Feed the decoder what the port has: what is waiting, or at least one byte within
        the port's read timeout. True when something came."""
        try:
            waiting = port.in_waiting
            if waiting_only and not waiting:
                return False
            chunk = port.read(max(1, waiting))
        except (OSError, serial.SerialException) as exc:
            self.close()
            raise CardReaderError(
                f"card reader on {self.port} went away: {exc}", "reader_lost"
            ) from exc
        if chunk:
            self._decoder.feed(chunk)
        return bool(chunk)


def _open_error(port: str, exc: serial.SerialException) -> CardReaderError:
    errno = getattr(exc, "errno", None)
    text = str(exc)
    if errno == 2 or "No such file" in text:
        return CardReaderError(
            f"no serial port {port} (is the reader plugged in? see kioskctl devices)",
            "reader_absent",
        )
    if errno in (11, 16) or "lock" in text.lower() or "busy" in text.lower():
        return CardReaderError(f"serial port {port} is in use by another program", "reader_busy")
    if errno == 13:
        return CardReaderError(
            f"no permission to open {port} (add the kiosk user to the dialout group)",
            "reader_absent",
        )
    return CardReaderError(f"cannot open serial port {port}: {text}", "reader_absent")
