"""SAM frame building and decoding, byte for byte against the protocol reference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.cards.sam_frames import (
    SW_FIND_OK,
    ChecksumError,
    Command,
    FrameDecoder,
    FrameError,
    build_command,
    build_read_data,
    build_reply,
    parse_read_data,
    parse_reply,
)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (Command.FIND_CARD, "AA AA AA 96 69 00 03 20 01 22"),
        (Command.SELECT_CARD, "AA AA AA 96 69 00 03 20 02 21"),
        (Command.READ_TEXT_PHOTO, "AA AA AA 96 69 00 03 30 01 32"),
        (Command.READ_TEXT_PHOTO_FINGERPRINT, "AA AA AA 96 69 00 03 30 10 23"),
        (Command.SAM_STATUS, "AA AA AA 96 69 00 03 11 FF ED"),
        (Command.SAM_ID, "AA AA AA 96 69 00 03 12 FF EE"),
        (Command.RESET_SAM, "AA AA AA 96 69 00 03 10 FF EC"),
    ],
)
def test_commands_are_the_reference_bytes(command: Command, expected: str) -> None:
    assert build_command(command) == bytes.fromhex(expected)


def test_find_reply_is_the_reference_bytes() -> None:
    reply = build_reply(SW_FIND_OK, bytes(4))
    assert reply == bytes.fromhex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")


def test_read_reply_is_1295_bytes_with_length_0508() -> None:
    frame = build_reply(0x90, build_read_data(bytes(256), bytes(1024)))
    assert len(frame) == 1295
    assert frame[5:7] == b"\x05\x08"
    assert frame[10:14] == b"\x01\x00\x04\x00"


def test_decoder_finds_a_reply_after_garbage_and_a_false_preamble() -> None:
    decoder = FrameDecoder()
    decoder.feed(b"\x13\xaa\xaa\xaa\xaa\x96")  # garbage that starts like a preamble
    decoder.feed(bytes.fromhex("69 00 08 00 00 9F 00 00 00 00 97"))
    payload = decoder.next_payload()
    assert payload is not None
    assert parse_reply(payload).sw3 == SW_FIND_OK


def test_decoder_waits_for_the_rest_of_a_partial_frame() -> None:
    frame = build_reply(0x90, bytes(40))
    decoder = FrameDecoder()
    decoder.feed(frame[:20])
    assert decoder.next_payload() is None
    decoder.feed(frame[20:])
    assert decoder.next_payload() == frame[7:-1]


def test_decoder_reports_a_bad_checksum_and_then_decodes_the_next_frame() -> None:
    bad = bytearray(build_reply(0x9F, bytes(4)))
    bad[-1] ^= 0xFF
    good = build_reply(0x90)
    decoder = FrameDecoder()
    decoder.feed(bytes(bad) + good)
    with pytest.raises(ChecksumError):
        decoder.next_payload()
    assert decoder.next_payload() == good[7:-1]


def test_a_preamble_split_across_reads_is_kept() -> None:
    frame = build_reply(0x90)
    decoder = FrameDecoder()
    decoder.feed(b"\x00\x01" + frame[:3])
    assert decoder.next_payload() is None
    decoder.feed(frame[3:])
    assert decoder.next_payload() == frame[7:-1]


def test_read_data_with_wrong_lengths_is_rejected() -> None:
    with pytest.raises(FrameError):
        parse_read_data(b"\x01\x00\x04\x00" + bytes(100))


def test_read_data_with_fingerprint_has_a_third_length_word() -> None:
    data = build_read_data(b"t" * 256, b"p" * 1024, b"f" * 1024)
    parts = parse_read_data(data, with_fingerprint=True)
    assert (parts.text, parts.photo, parts.fingerprint) == (b"t" * 256, b"p" * 1024, b"f" * 1024)


@given(st.lists(st.binary(max_size=300), max_size=20))
def test_no_byte_sequence_crashes_the_decoder(chunks: list[bytes]) -> None:
    decoder = FrameDecoder()
    for chunk in chunks:
        decoder.feed(chunk)
        for _ in range(50):
            try:
                payload = decoder.next_payload()
            except ChecksumError:
                continue
            if payload is None:
                break
            try:
                parse_reply(payload)
            except FrameError:
                pass


@given(st.binary(max_size=64), st.binary(max_size=200), st.binary(max_size=64))
def test_a_valid_frame_survives_any_surrounding_noise(
    before: bytes, data: bytes, after: bytes
) -> None:
    frame = build_reply(0x90, data)
    decoder = FrameDecoder()
    decoder.feed(before + frame + after)
    found = []
    for _ in range(len(before) + 10):
        try:
            payload = decoder.next_payload()
        except ChecksumError:
            continue
        if payload is None:
            break
        found.append(payload)
    assert frame[7:-1] in found
