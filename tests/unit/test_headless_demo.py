"""tools/headless_demo.py without starting anything: options, commands, password, lock."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tools.headless_demo import (
    PASSWORD_ALPHABET,
    AlreadyRunning,
    DemoLock,
    DemoOptions,
    browser_url,
    is_loopback,
    lock_path,
    make_password,
    parse_args,
    pick_port,
    websockify_command,
    xvnc_command,
)


def _xvnc(options: DemoOptions) -> list[str]:
    return xvnc_command(21, options, 5999, Path("/run/p"), Path("/run/a"), 7)


def test_by_default_everything_is_on_loopback_with_a_password() -> None:
    options = parse_args([], {})
    assert options.listen == "127.0.0.1"
    command = _xvnc(options)
    assert "-localhost" in command
    assert command[command.index("-SecurityTypes") + 1] == "VncAuth"
    assert command[command.index("-rfbauth") + 1] == "/run/p"
    assert command[command.index("-geometry") + 1] == "1080x1920"
    assert command[command.index("-displayfd") + 1] == "7"
    assert websockify_command(options, 6080, 5999)[-2:] == ["127.0.0.1:6080", "127.0.0.1:5999"]


def test_opening_to_the_network_is_on_purpose() -> None:
    options = parse_args([], {"KIOSK_DEMO_LISTEN": "0.0.0.0"})
    assert not options.loopback_only
    command = _xvnc(options)
    assert "-localhost" not in command and "-interface" not in command
    assert "-SecurityTypes" in command  # still a password
    assert websockify_command(options, 6080, 5999)[-2] == "0.0.0.0:6080"
    one = parse_args(["--listen", "192.0.2.7"], {})
    assert _xvnc(one)[-2:] == ["-interface", "192.0.2.7"]


def test_ports_and_orientation_from_flags_and_environment() -> None:
    options = parse_args(
        ["--orientation", "landscape", "--", "--locale", "en_US"],
        {"KIOSK_DEMO_WEB_PORT": "7000", "KIOSK_DEMO_VNC_PORT": "0"},
    )
    assert (options.web_port, options.vnc_port) == (7000, 0)
    assert options.geometry == "1920x1080"
    assert options.kiosk_args == ("--locale", "en_US")


def test_loopback_addresses() -> None:
    assert all(is_loopback(a) for a in ("127.0.0.1", "127.1.2.3", "::1", "localhost"))
    assert not any(is_loopback(a) for a in ("0.0.0.0", "192.0.2.7", "::", "example"))


def test_the_url_connects_at_once_and_scales() -> None:
    url = browser_url("127.0.0.1", 6080)
    assert url.startswith("http://127.0.0.1:6080/vnc.html?")
    assert "autoconnect=1" in url and "resize=scale" in url
    assert "password" not in url
    assert browser_url("::1", 6080).startswith("http://[::1]:6080/")


def test_passwords_are_random_and_fit_vnc_authentication() -> None:
    passwords = {make_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert len(password) == 8  # VNC authentication reads no more
        assert set(password) <= set(PASSWORD_ALPHABET)


def test_a_taken_port_is_replaced_by_a_free_one() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        other = pick_port("127.0.0.1", port)
        assert other != port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", other))  # it was free
    assert pick_port("127.0.0.1", other) == other


def test_a_second_lock_holder_is_told_where_the_first_demo_is(tmp_path: Path) -> None:
    path = tmp_path / "data" / "headless-demo.lock"
    first = DemoLock(path)
    first.acquire()
    first.describe(pid=4242, url="http://127.0.0.1:6080/vnc.html?autoconnect=1")
    with pytest.raises(AlreadyRunning) as busy:
        DemoLock(path).acquire()
    message = str(busy.value)
    assert "already running" in message and "4242" in message
    assert "http://127.0.0.1:6080/vnc.html?autoconnect=1" in message
    first.release()
    again = DemoLock(path)
    again.acquire()  # free once the first demo ended
    again.release()
    assert path.read_text() == ""


def test_the_lock_lives_in_the_demo_terminals_data_folder(tmp_path: Path) -> None:
    assert lock_path({"KIOSK_DATA_DIR": str(tmp_path)}) == tmp_path / "headless-demo.lock"


def test_lock_description_is_json(tmp_path: Path) -> None:
    lock = DemoLock(tmp_path / "l")
    lock.acquire()
    lock.describe(pid=1, url="u", vnc_port=2)
    assert json.loads((tmp_path / "l").read_text()) == {"pid": 1, "url": "u", "vnc_port": 2}
    lock.release()


def test_open_to_all_gives_out_the_addresses_it_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tools.headless_demo as demo_module

    monkeypatch.setattr(demo_module, "public_hosts", lambda: ["192.0.2.2", "fd00::2"])
    lock = DemoLock(tmp_path / "l")
    ipv4 = demo_module.HeadlessDemo(parse_args(["--listen", "0.0.0.0"], {}), lock)
    assert ipv4.hosts() == ["192.0.2.2"]  # websockify on 0.0.0.0 serves IPv4 only
    ipv6 = demo_module.HeadlessDemo(parse_args(["--listen", "::"], {}), lock)
    assert ipv6.hosts() == ["fd00::2"]
    local = demo_module.HeadlessDemo(parse_args([], {}), lock)
    assert local.hosts() == ["127.0.0.1"]
    local.web_port, local.vnc_port, local.password = 6080, 5901, "abcdEFGH"
    banner = "\n".join(local.banner())
    assert "http://127.0.0.1:6080/vnc.html?autoconnect=1" in banner
    assert "Password:          abcdEFGH" in banner
    assert "127.0.0.1 only" in banner
