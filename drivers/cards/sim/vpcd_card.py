"""A virtual smart card for vsmartcard's vpcd pcscd driver, written in Python.

The card connects over TCP to the port where pcscd's vpcd driver listens (35963 by default):
connecting = card inserted, disconnecting = card removed. Every message is a 2-byte big-endian
length and a payload; a 1-byte payload is control (``00`` power off, ``01`` power on,
``02`` reset, ``04`` get ATR, answered with the ATR), anything longer is a command APDU,
answered with the response APDU.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from typing import Protocol

from drivers.cards.base import CardRead
from drivers.cards.sscard import (
    SELECT_SSC,
    SFI_CARD,
    SFI_HOLDER,
    TAG_BIRTH,
    TAG_CARD_NUMBER,
    TAG_EXPIRY,
    TAG_ID_NUMBER,
    TAG_ISSUE_DATE,
    TAG_ISSUER,
    TAG_NAME,
    TAG_NATION,
    TAG_SEX,
    build_tlv,
)

log = logging.getLogger(__name__)

DEFAULT_VPCD_PORT = 35963
SW_OK = b"\x90\x00"
SW_FILE_NOT_FOUND = b"\x6a\x82"
SW_RECORD_NOT_FOUND = b"\x6a\x83"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"


class Applet(Protocol):
    """What a virtual card runs: an ATR and an APDU handler."""

    atr: bytes

    def process(self, apdu: bytes) -> bytes:
        """The response APDU (data + SW1 SW2) for ``apdu``."""
        ...


class UnknownCardApplet:
    """A card with no application the terminal knows (like a bank or transit card)."""

    atr = bytes.fromhex("3b8f8001804f0ca000000306030001000000006a")

    def process(self, apdu: bytes) -> bytes:
        """File not found for SELECT, instruction not supported for anything else."""
        return SW_FILE_NOT_FOUND if apdu[1:2] == b"\xa4" else SW_INS_NOT_SUPPORTED


class SocialSecurityApplet:
    """A social security card's public files, built from a :class:`CardRead`."""

    atr = bytes.fromhex("3b6c00000085505343313130303030")

    def __init__(self, card: CardRead) -> None:
        self._selected = False

        def bcd(text: str) -> bytes:
            return bytes.fromhex(text) if len(text) == 8 and text.isdigit() else b""

        nation = int(card.nation_code) if card.nation_code.isdigit() else 0
        self._files: dict[int, dict[int, bytes]] = {
            SFI_CARD: {
                TAG_ISSUER: card.issuer.encode("gbk"),
                TAG_ISSUE_DATE: bcd(card.valid_from),
                TAG_EXPIRY: bcd(card.valid_to),
                TAG_CARD_NUMBER: card.card_number.encode("ascii"),
            },
            SFI_HOLDER: {
                TAG_ID_NUMBER: card.id_number.encode("ascii"),
                # Fixed 30-byte field, zero padded, as on real cards.
                TAG_NAME: card.name.encode("gbk").ljust(30, b"\x00"),
                TAG_SEX: card.sex_code.encode("ascii"),
                TAG_NATION: bytes([nation]),
                TAG_BIRTH: bcd(card.birth_date),
            },
        }

    def process(self, apdu: bytes) -> bytes:
        """SELECT by name and READ RECORD by short file id."""
        if len(apdu) < 4:
            return b"\x67\x00"
        ins, p1, p2 = apdu[1], apdu[2], apdu[3]
        if ins == 0xA4:
            self._selected = apdu == SELECT_SSC or apdu[: len(SELECT_SSC)] == SELECT_SSC
            return SW_OK if self._selected else SW_FILE_NOT_FOUND
        if ins == 0xB2:
            if not self._selected:
                return b"\x69\x85"  # conditions of use not satisfied
            records = self._files.get(p2 >> 3)
            if records is None or p2 & 0x07 != 4:
                return SW_FILE_NOT_FOUND
            value = records.get(p1)
            if value is None:
                return SW_RECORD_NOT_FOUND
            return build_tlv(p1, value) + SW_OK
        return SW_INS_NOT_SUPPORTED


class VirtualCard:
    """Runs an :class:`Applet` against pcscd's vpcd driver; :meth:`insert` / :meth:`remove`."""

    def __init__(
        self, applet: Applet, port: int = DEFAULT_VPCD_PORT, host: str = "127.0.0.1"
    ) -> None:
        self.applet = applet
        self.port = port
        self.host = host
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def inserted(self) -> bool:
        """Whether the card is connected to the reader (False once pcscd hung up)."""
        return self._sock is not None and self._thread is not None and self._thread.is_alive()

    def insert(self, timeout_s: float = 10.0) -> None:
        """Connect to vpcd (retrying while pcscd starts up); raises OSError after ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)
        sock.settimeout(None)
        with self._lock:
            self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        """Disconnect: pcscd sees the card removed."""
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                header = _recv_exact(sock, 2)
                if header is None:
                    return
                payload = _recv_exact(sock, int.from_bytes(header, "big"))
                if payload is None:
                    return
                reply = self._handle(payload)
                if reply is not None:
                    sock.sendall(len(reply).to_bytes(2, "big") + reply)
        except OSError:
            return

    def _handle(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            if payload[0] == 0x04:
                return self.applet.atr
            return None  # power off / on / reset need no answer
        try:
            return self.applet.process(payload)
        except Exception:  # a buggy applet must not kill the connection silently
            log.exception("virtual card applet failed")
            return b"\x6f\x00"


def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)
