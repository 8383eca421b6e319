"""Key files are made one way on both sides: private, whole or absent, and durable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from central.idkey import load_or_create_id_key
from central.sealing import load_or_create_key as load_seal_key
from kiosk.contract.keyfiles import read_or_create_key_file, replace_key_file
from kiosk.sync.crypto import load_or_create_key as load_outbox_key


def synced_kinds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record what each os.fsync call flushed: 'folder' or 'file'."""
    seen: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        seen.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return seen


def test_a_new_key_file_is_private_whole_and_made_once(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "some.key"
    made: list[bytes] = []

    def new_key() -> bytes:
        made.append(os.urandom(32))
        return made[-1]

    first = read_or_create_key_file(path, new_key)
    again = read_or_create_key_file(path, new_key)
    assert first == again == made[0] and len(made) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == ["some.key"]  # no temporary left


def test_creating_a_key_flushes_the_file_and_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = synced_kinds(monkeypatch)
    read_or_create_key_file(tmp_path / "a.key", lambda: b"k" * 32)
    # The folder holds the key's name: without flushing it a power cut can lose the key
    # while rows sealed with it survive.
    assert seen == ["file", "folder"]
    seen.clear()
    replace_key_file(tmp_path / "a.key", b"n" * 32)
    assert seen == ["file", "folder"]
    assert (tmp_path / "a.key").read_bytes() == b"n" * 32


def test_an_empty_leftover_is_replaced_and_a_racing_winner_is_kept(tmp_path: Path) -> None:
    empty = tmp_path / "empty.key"
    empty.touch()
    assert read_or_create_key_file(empty, lambda: b"e" * 32) == b"e" * 32

    raced = tmp_path / "raced.key"

    def another_process_wins() -> bytes:
        raced.write_bytes(b"w" * 32)  # made while this process was writing its own
        return b"l" * 32

    assert read_or_create_key_file(raced, another_process_wins) == b"w" * 32
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.key", "raced.key"]


def test_terminal_and_central_keys_are_made_by_the_shared_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = synced_kinds(monkeypatch)
    outbox = load_outbox_key(tmp_path / "t" / "outbox.key")
    id_key = load_or_create_id_key(tmp_path / "c" / "id_hash.key")
    seal = load_seal_key(tmp_path / "c" / "central.db.seal-key")
    assert len(outbox) == 32 and len(id_key) == 32 and len(seal) == 44
    assert seen == ["file", "folder"] * 3
    for path in (tmp_path / "t" / "outbox.key", tmp_path / "c" / "id_hash.key"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
