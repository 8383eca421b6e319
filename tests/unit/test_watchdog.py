"""sd_notify to a real unix datagram socket, as systemd would receive it."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.watchdog import Notifier, Watchdog, watchdog_interval_ms


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    yield sock, path
    sock.close()


def _messages(sock: socket.socket, count: int) -> list[str]:
    return [sock.recv(4096).decode() for _ in range(count)]


def test_ready_status_and_pings_reach_the_socket(listener):
    sock, path = listener
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "20000000"}
    states = iter(["ready", "ready", "printer: paper out"])
    dog = Watchdog(status=lambda: next(states), env=env)
    assert dog.enabled and dog.interval_ms == 10_000
    dog.started("ready")
    dog.tick()
    dog.tick()
    dog.tick()
    dog.stopping()
    assert _messages(sock, 6) == [
        "READY=1\nSTATUS=ready",
        "WATCHDOG=1",
        "WATCHDOG=1",
        "WATCHDOG=1",
        "STATUS=printer: paper out",
        "STOPPING=1",
    ]


def test_an_abstract_socket_name_works(tmp_path):
    name = f"kiosk-test-{os.getpid()}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + name)
    sock.settimeout(5)
    try:
        notifier = Notifier({"NOTIFY_SOCKET": "@" + name})
        assert notifier.ping()
        assert sock.recv(100) == b"WATCHDOG=1"
        notifier.close()
    finally:
        sock.close()


def test_without_systemd_everything_is_a_quiet_no_op():
    dog = Watchdog(status=lambda: "never called", env={})
    assert not dog.enabled
    dog.started()
    dog.tick()
    dog.stopping()
    assert dog.interval_ms == 10_000


def test_a_vanished_socket_does_not_raise(tmp_path):
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert notifier.ping() is False
    assert notifier.ping() is False


def test_a_failing_status_callback_does_not_stop_the_pings(listener):
    sock, path = listener

    def broken() -> str:
        raise RuntimeError("store locked")

    Watchdog(status=broken, env={"NOTIFY_SOCKET": path}).tick()
    assert sock.recv(100) == b"WATCHDOG=1"


def test_the_ping_interval_is_half_the_watchdog_and_only_for_us_or_our_compositor():
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15_000
    other = {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "999999999"}
    assert watchdog_interval_ms(other) is None
    for pid in (os.getpid(), os.getppid()):  # ourselves, or cage that started us
        env = {"WATCHDOG_USEC": "4000000", "WATCHDOG_PID": str(pid)}
        assert watchdog_interval_ms(env) == 2000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "nonsense"}) is None
    assert watchdog_interval_ms({}) is None
