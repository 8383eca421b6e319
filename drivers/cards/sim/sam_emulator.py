"""A SAM ID-card reader emulated on a pseudo-terminal.

The emulator owns a pty pair; the driver opens the slave's path exactly as it would open
``/dev/ttyUSB0``. Replies are paced at the configured baud rate (10 bits per byte, sent in
small chunks on an absolute schedule) so timings look like a real serial line; the SAM's own
processing time is not emulated.

Switches, settable at any time from any thread: :attr:`card` (None = no card),
:attr:`noise` (garbage bytes around replies), :attr:`corrupt_replies` (how many next replies get
a wrong checksum), :attr:`pull_mid_read` (the next read reply stops half-way and the card is
gone), :attr:`silent` (answers nothing). :meth:`unplug` / :meth:`plug` make the port vanish
and come back; with ``link`` the port keeps a stable path (a symlink, like udev's
``/dev/serial/by-id`` names) across replugs.
"""

from __future__ import annotations

import logging
import os
import random
import select
import threading
import time
import tty
from pathlib import Path

from drivers.cards.base import CardRead
from drivers.cards.id_layouts import build_text_block
from drivers.cards.sam_frames import (
    SW_FIND_NO_CARD,
    SW_FIND_OK,
    SW_OK,
    SW_READ_FAILED,
    SW_SELECT_FAILED,
    Command,
    FrameDecoder,
    FrameError,
    build_read_data,
    build_reply,
    parse_command,
)

log = logging.getLogger(__name__)

SAM_ID_BYTES = bytes.fromhex("05000100b6d4340152e4f30315cd5b07")
CHUNK = 16


class SamEmulator:
    """Serves cards to a SAM driver over a pty; start with :meth:`start`, stop with :meth:`stop`."""

    def __init__(
        self,
        card: CardRead | None = None,
        *,
        baud: int = 115200,
        link: Path | None = None,
        seed: int | None = None,
    ) -> None:
        self.card = card
        self.baud = baud
        self.link = Path(link) if link else None
        self.noise = False
        self.corrupt_replies = 0
        self.pull_mid_read = False
        self.silent = False
        # Stops reading the port at all: what the host writes piles up until its writes block.
        self.stalled = False
        self.commands_seen = 0
        self._plugged = False
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._master = -1
        self._slave = -1
        self._slave_path = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def path(self) -> str:
        """The path the driver should open: the link when there is one, else the pty slave."""
        return str(self.link) if self.link else self._slave_path

    @property
    def plugged(self) -> bool:
        """Whether the port is there: false from the first instant of :meth:`unplug`."""
        return self._plugged

    @property
    def slave_path(self) -> str:
        """The pty slave's own path (``/dev/pts/N``); empty while unplugged."""
        return self._slave_path

    def start(self) -> SamEmulator:
        """Create the pty and serve on a background thread."""
        self.plug()
        return self

    def plug(self) -> None:
        """Make the port appear (a new pty) and serve it."""
        with self._lock:
            if self._master >= 0:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo, no line editing: bytes pass unchanged
            self._master, self._slave = master, slave
            self._slave_path = os.ttyname(slave)
            if self.link is not None:
                tmp = self.link.with_name(self.link.name + ".new")
                tmp.unlink(missing_ok=True)
                tmp.symlink_to(self._slave_path)
                tmp.replace(self.link)
            self._stop.clear()
            self._plugged = True
            self._thread = threading.Thread(target=self._serve, name="sam-emulator", daemon=True)
            self._thread.start()

    def unplug(self) -> None:
        """Make the port vanish, as when the reader's USB cable is pulled."""
        with self._lock:
            # Marked gone before the pty closes: whoever notices the dead port afterwards
            # (a driver, a worker closing its lost reader) already sees it unplugged.
            self._plugged = False
            self._stop.set()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=2)
        with self._lock:
            if self.link is not None:
                self.link.unlink(missing_ok=True)
            for fd in (self._master, self._slave):
                if fd >= 0:
                    os.close(fd)
            self._master = self._slave = -1
            self._slave_path = ""

    def stop(self) -> None:
        """Stop serving and release the pty."""
        self.unplug()

    def __enter__(self) -> SamEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- serving ----------------------------------------------------------------------------

    def _serve(self) -> None:
        decoder = FrameDecoder()
        master = self._master
        while not self._stop.is_set():
            if self.stalled:
                self._stop.wait(0.02)
                continue
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                decoder.feed(os.read(master, 4096))
            except OSError:
                return
            while True:
                try:
                    payload = decoder.next_payload()
                except FrameError:
                    continue  # a corrupted command is ignored, like a real reader does
                if payload is None:
                    break
                self._answer(master, payload)

    def _answer(self, master: int, payload: bytes) -> None:
        try:
            command = parse_command(payload)
        except FrameError:
            return
        self.commands_seen += 1
        if self.silent:
            return
        # The command itself took wire time to arrive.
        self._sleep_bytes(len(payload) + 8)
        known = command.command
        reply = self._reply_for(known)
        if reply is None:
            return
        if self.corrupt_replies > 0:
            self.corrupt_replies -= 1
            reply = reply[:-1] + bytes([reply[-1] ^ 0x5A])
        cut = len(reply)
        if known in (Command.READ_TEXT_PHOTO, Command.READ_TEXT_PHOTO_FINGERPRINT):
            if self.pull_mid_read:
                self.pull_mid_read = False
                self.card = None
                cut = len(reply) // 2
        if self.noise:
            self._send(master, self._garbage())
        self._send(master, reply[:cut])
        if self.noise:
            self._send(master, self._garbage())

    def _reply_for(self, command: Command | None) -> bytes | None:
        card = self.card
        if command is Command.FIND_CARD:
            if card is None:
                return build_reply(SW_FIND_NO_CARD)
            return build_reply(SW_FIND_OK, b"\x00\x00\x00\x00")
        if command is Command.SELECT_CARD:
            if card is None:
                return build_reply(SW_SELECT_FAILED)
            return build_reply(SW_OK, bytes(8))
        if command in (Command.READ_TEXT_PHOTO, Command.READ_TEXT_PHOTO_FINGERPRINT):
            if card is None:
                return build_reply(SW_READ_FAILED)
            fingerprint = bytes(1024) if command is Command.READ_TEXT_PHOTO_FINGERPRINT else None
            photo = card.photo_wlt.ljust(1024, b"\x00")[:1024]
            data = build_read_data(build_text_block(card), photo, fingerprint)
            return build_reply(SW_OK, data)
        if command in (Command.SAM_STATUS, Command.RESET_SAM):
            return build_reply(SW_OK)
        if command is Command.SAM_ID:
            return build_reply(SW_OK, SAM_ID_BYTES)
        return None

    def _garbage(self) -> bytes:
        size = self._random.randint(1, 24)
        pool = b"\xaa\x96\x69\x00\x05\x08\x90\x9f"
        # Half of the noise looks like frame starts, to exercise re-synchronisation.
        return bytes(
            self._random.choice(pool)
            if self._random.random() < 0.5
            else self._random.randrange(256)
            for _ in range(size)
        )

    def _send(self, master: int, data: bytes) -> None:
        start = time.monotonic()
        per_byte = 10 / self.baud
        for pos in range(0, len(data), CHUNK):
            if self._stop.is_set():
                return
            # Absolute schedule: sleeping errors do not accumulate over a 1295-byte reply.
            due = start + pos * per_byte
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                os.write(master, data[pos : pos + CHUNK])
            except OSError:
                return
        remaining = start + len(data) * per_byte - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)

    def _sleep_bytes(self, count: int) -> None:
        time.sleep(count * 10 / self.baud)
