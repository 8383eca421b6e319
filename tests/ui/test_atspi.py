"""The terminal driven through AT-SPI alone, as Orca would see it (Xvfb + D-Bus + AT-SPI bus)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("atspi_driver.py")
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> str:
    for tool in ("Xvfb", "dbus-launch"):
        if shutil.which(tool) is None:
            return tool
    if not Path(LAUNCHER).exists():
        return "at-spi2-core"
    ok = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return "" if ok.returncode == 0 else "python3-pyatspi"


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def accessible_terminal(tmp_path) -> Iterator[dict[str, str]]:
    """The demo terminal (simulated devices, in-process central) on the accessibility bus."""
    yield from _terminal(tmp_path, ["--demo"], {})


@pytest.fixture
def terminal_without_reader(tmp_path) -> Iterator[dict[str, str]]:
    """A terminal whose card reader is not there (its port does not exist) and without
    central: only the printer and the call light are simulated."""
    yield from _terminal(
        tmp_path,
        [],
        {
            "KIOSK_CARD_READER": f"sam:{tmp_path / 'ttyUSB-unplugged'}",
            "KIOSK_PRINTER": "sim:",
            "KIOSK_BEACON": "sim:",
        },
    )


def _terminal(tmp_path, args: list[str], settings: dict[str, str]) -> Iterator[dict[str, str]]:
    missing = _missing()
    if missing:
        pytest.fail(f"{missing} is not installed (make test installs it)")
    display = f":{_free_display()}"
    procs: list[subprocess.Popen] = []
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1080x1920x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    procs.append(xvfb)
    out = subprocess.run(["dbus-launch", "--sh-syntax"], capture_output=True, text=True)
    env = dict(os.environ, DISPLAY=display)
    for line in out.stdout.splitlines():
        if "=" in line and line.startswith("DBUS_"):
            key, value = line.rstrip(";").split("=", 1)
            env[key] = value.strip("'")
    bus_pid = int(env["DBUS_SESSION_BUS_PID"])
    procs.append(
        subprocess.Popen(
            [LAUNCHER, "--launch-immediately"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    time.sleep(1.0)
    app_env = dict(
        env,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        KIOSK_VOICE_ENGINE="mock",
        **settings,
    )
    app_env.pop("QT_ACCESSIBILITY", None)
    log = open(tmp_path / "app.log", "w")  # noqa: SIM115 - closed below
    procs.append(
        subprocess.Popen(
            [sys.executable, "-m", "ui", *args, "--windowed"],
            env=app_env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    )
    try:
        yield env
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
        os.kill(bus_pid, signal.SIGTERM)
        log.close()


def drive(env: dict[str, str], scenario: str, timeout_s: float = 300) -> dict:
    result = subprocess.run(
        [SYSTEM_PYTHON, str(DRIVER), scenario],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"], report
    return report


def test_a_ticket_can_be_taken_through_the_accessibility_tree(accessible_terminal):
    report = drive(accessible_terminal, "take_ticket")
    assert report["steps"] == ["queues listed", "ticket A", "back home"]


def test_a_whole_visit_apply_submit_and_rate_through_the_accessibility_tree(
    accessible_terminal,
):
    report = drive(accessible_terminal, "apply_and_rate", timeout_s=500)
    assert report["steps"][0] == "service chosen"
    assert report["steps"][-3:] == ["form filled", "submitted", "rated"]


def test_the_sign_page_is_told_to_a_screen_reader_and_refuses_an_empty_box(accessible_terminal):
    report = drive(accessible_terminal, "sign_page", timeout_s=300)
    assert report["steps"][-3:] == ["sign page", "empty refused", "back unsigned"], report


def test_elder_mode_and_language_switch_are_operable_by_screen_reader(accessible_terminal):
    report = drive(accessible_terminal, "elder_and_language")
    assert report["steps"] == [
        "elder mode on",
        "english home announced",
        "traditional home announced",
        "chinese again",
    ]


def test_staff_can_be_called_through_the_accessibility_tree(accessible_terminal):
    report = drive(accessible_terminal, "call_staff")
    assert report["steps"] == ["called", "cancelled"]


def test_from_the_reader_lost_page_a_screen_reader_reaches_a_person(terminal_without_reader):
    report = drive(terminal_without_reader, "call_staff_from_reader_lost")
    assert report["steps"] == [
        "reader lost",
        "staffed window offered",
        "light on",
        "still on the card page",
    ]


def test_a_tag_explains_itself_through_the_accessibility_tree(accessible_terminal):
    report = drive(accessible_terminal, "tag_help")
    assert report["steps"] == ["guide shown", "explained", "closed"]


def test_a_material_is_scanned_through_the_accessibility_tree(accessible_terminal):
    report = drive(accessible_terminal, "scan_material")
    # ("card read" comes first when the demo had no card yet.)
    assert report["steps"][-3:] == ["camera page", "page taken", "scanned"]
