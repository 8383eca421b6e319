"""``kioskctl set-pin`` on a real terminal (a pty): asks twice, never echoes the PIN."""

from __future__ import annotations

import os
import pty
import select
import sys
from pathlib import Path

import pytest

from kiosk.staff import StaffAccess, StaffSession
from kiosk.store import Store
from tests.waiting import wait_for

pytestmark = pytest.mark.slow  # starts kioskctl (about 2 s)
KIOSKCTL = str(Path(sys.executable).parent / "kioskctl")


def _read_until(fd: int, marker: bytes, seen: bytearray) -> None:
    def arrived() -> bool:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:  # EIO: the child closed the pty
                chunk = b""
            assert chunk, f"kioskctl ended before {marker!r}: {bytes(seen)!r}"
            seen.extend(chunk)
        return marker in seen

    wait_for(arrived, f"kioskctl prints {marker!r}", poll_s=0)


def _run_set_pin(data_dir: Path, first: str, second: str) -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["KIOSK_DATA_DIR"] = str(data_dir)
    pid, fd = pty.fork()
    if pid == 0:  # child: the pty is its controlling terminal, as for a vendor at a console
        os.execve(KIOSKCTL, [KIOSKCTL, "set-pin"], env)
    seen = bytearray()
    try:
        _read_until(fd, b"New staff PIN:", seen)
        os.write(fd, first.encode() + b"\n")
        _read_until(fd, b"Again:", seen)
        os.write(fd, second.encode() + b"\n")
        while True:
            ready, _, _ = select.select([fd], [], [], 30)
            assert ready, "kioskctl did not finish"
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), bytes(seen)


def test_set_pin_asks_twice_without_echo_and_sets_it(data_dir):
    code, output = _run_set_pin(data_dir, "480913", "480913")
    assert code == 0, output
    assert b"480913" not in output
    assert b"Staff PIN set." in output
    store = Store(data_dir / "kiosk.db")
    try:
        assert isinstance(StaffAccess(store).verify("480913"), StaffSession)
    finally:
        store.close()


def test_two_different_pins_change_nothing(data_dir):
    code, output = _run_set_pin(data_dir, "480913", "480914")
    assert code == 2
    assert b"differ" in output
