"""Frames of the SAM ID-card reader serial protocol (GA 467 family).

A frame is ``AA AA AA 96 69 | LEN_H LEN_L | payload | CHK`` where LEN counts the payload and the
checksum, and CHK is the XOR of every byte from LEN_H to the last payload byte. A command's
payload is ``CMD PARA [DATA]``, a reply's is ``SW1 SW2 SW3 [DATA]``.

:class:`FrameDecoder` finds frames in a byte stream that may hold garbage, partial frames or
corrupted checksums: it skips what cannot be a frame and never raises on bad input except to
report a frame whose checksum is wrong (so the caller can ask again at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_LEN = len(PREAMBLE) + 2
# The longest reply (text + photo + fingerprint) is about 2.3 KB; anything far beyond is garbage.
MAX_FRAME_LEN = 4096


class Command(Enum):
    """Commands the driver sends, as (CMD, PARA)."""

    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_TEXT_PHOTO = (0x30, 0x01)
    READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)
    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    RESET_SAM = (0x10, 0xFF)


# SW3 values of the replies.
SW_OK = 0x90
SW_FIND_OK = 0x9F
SW_FIND_NO_CARD = 0x80
SW_SELECT_FAILED = 0x81
SW_READ_FAILED = 0x41


class FrameError(ValueError):
    """Bytes that do not form a valid frame or reply."""


class ChecksumError(FrameError):
    """A complete frame arrived but its checksum is wrong."""


def checksum(data: bytes) -> int:
    """XOR of ``data`` (the bytes from LEN_H up to the byte before CHK)."""
    value = 0
    for byte in data:
        value ^= byte
    return value


def build_frame(payload: bytes) -> bytes:
    """Wrap ``payload`` in preamble, length and checksum."""
    length = len(payload) + 1
    if length > MAX_FRAME_LEN:
        raise FrameError(f"payload of {len(payload)} bytes is too long for one frame")
    body = length.to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([checksum(body)])


def build_command(command: Command, data: bytes = b"") -> bytes:
    """The bytes to send for ``command``; e.g. find card = ``AA AA AA 96 69 00 03 20 01 22``."""
    cmd, para = command.value
    return build_frame(bytes([cmd, para]) + data)


def build_reply(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reply frame (used by the emulator and tests)."""
    return build_frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class Reply:
    """A decoded reply: status words and data."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def __repr__(self) -> str:
        # The data of a read reply is personal: show only its size.
        return f"Reply(sw={self.sw1:02X}{self.sw2:02X}{self.sw3:02X}, {len(self.data)} data bytes)"


@dataclass(frozen=True)
class CommandFrame:
    """A decoded command (what the emulator receives)."""

    cmd: int
    para: int
    data: bytes = b""

    @property
    def command(self) -> Command | None:
        """The known command, or None for one this protocol does not define."""
        for known in Command:
            if known.value == (self.cmd, self.para):
                return known
        return None


def parse_reply(payload: bytes) -> Reply:
    """A reply from a frame payload (at least the three status bytes)."""
    if len(payload) < 3:
        raise FrameError(f"reply of {len(payload)} bytes has no status words")
    return Reply(payload[0], payload[1], payload[2], bytes(payload[3:]))


def parse_command(payload: bytes) -> CommandFrame:
    """A command from a frame payload (at least CMD and PARA)."""
    if len(payload) < 2:
        raise FrameError(f"command of {len(payload)} bytes has no CMD/PARA")
    return CommandFrame(payload[0], payload[1], bytes(payload[2:]))


@dataclass(frozen=True)
class ReadData:
    """The parts of a read reply: 256-byte text block, WLT photo, optional fingerprint."""

    text: bytes
    photo: bytes
    fingerprint: bytes = b""

    def __repr__(self) -> str:
        return (
            f"ReadData(text={len(self.text)} B, photo={len(self.photo)} B, "
            f"fingerprint={len(self.fingerprint)} B)"
        )


def parse_read_data(data: bytes, with_fingerprint: bool = False) -> ReadData:
    """Split the data of a read reply by its big-endian length words."""
    words = 3 if with_fingerprint else 2
    if len(data) < 2 * words:
        raise FrameError("read reply too short for its length words")
    lengths = [int.from_bytes(data[2 * i : 2 * i + 2], "big") for i in range(words)]
    if len(data) != 2 * words + sum(lengths):
        raise FrameError(
            f"read reply holds {len(data) - 2 * words} bytes but announces {sum(lengths)}"
        )
    pos = 2 * words
    parts = []
    for length in lengths:
        parts.append(bytes(data[pos : pos + length]))
        pos += length
    return ReadData(parts[0], parts[1], parts[2] if with_fingerprint else b"")


def build_read_data(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """The data part of a read reply (inverse of :func:`parse_read_data`)."""
    parts = [text, photo] + ([fingerprint] if fingerprint is not None else [])
    head = b"".join(len(p).to_bytes(2, "big") for p in parts)
    return head + b"".join(parts)


class FrameDecoder:
    """Collects bytes and yields frame payloads; skips garbage, keeps partial frames.

    ``skipped`` counts bytes thrown away while re-synchronising (useful for diagnostics).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.skipped = 0

    def feed(self, data: bytes) -> None:
        """Add received bytes."""
        self._buffer += data
        # A runaway stream of garbage must not grow the buffer without bound.
        if len(self._buffer) > 4 * MAX_FRAME_LEN:
            self._resync(len(self._buffer) - MAX_FRAME_LEN)

    def clear(self) -> None:
        """Forget everything buffered (after a timeout, before a new command)."""
        self.skipped += len(self._buffer)
        self._buffer.clear()

    @property
    def pending(self) -> int:
        """Bytes buffered but not yet part of a complete frame."""
        return len(self._buffer)

    def next_payload(self) -> bytes | None:
        """The next complete frame's payload, or None when more bytes are needed.

        Raises :class:`ChecksumError` for a complete frame with a wrong checksum; the bad
        frame's first byte is dropped, so decoding can go on after the error.
        """
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a tail that could be the start of a preamble split across reads.
                keep = _preamble_prefix_len(self._buffer)
                self._resync(len(self._buffer) - keep)
                return None
            self._resync(start)
            if len(self._buffer) < HEADER_LEN:
                return None
            length = int.from_bytes(self._buffer[5:7], "big")
            if length < 1 or length > MAX_FRAME_LEN:
                self._resync(1)
                continue
            end = HEADER_LEN + length
            if len(self._buffer) < end:
                return None
            body = bytes(self._buffer[5 : end - 1])
            if checksum(body) != self._buffer[end - 1]:
                self._resync(1)
                raise ChecksumError("frame checksum mismatch")
            payload = body[2:]
            del self._buffer[:end]
            return payload

    def _resync(self, count: int) -> None:
        if count > 0:
            del self._buffer[:count]
            self.skipped += count


def _preamble_prefix_len(buffer: bytearray) -> int:
    for size in range(min(len(PREAMBLE) - 1, len(buffer)), 0, -1):
        if buffer[-size:] == PREAMBLE[:size]:
            return size
    return 0
