"""``make demo`` without a screen (tools/headless_demo.py), end to end.

One demo is started for the module (TigerVNC's Xvnc, websockify + noVNC, the terminal on xcb),
on free ports on 127.0.0.1, with its own data folder. A VNC client (vncdotool's ``vncdo``)
and headless Chromium on the noVNC page must show the same colours as the offscreen screenshot
of the same page: the status bar's blue, not the brown of swapped red and blue. Set
KIOSK_DEMO_CHECK_DIR to keep the three pictures.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.conftest import REPO
from tests.waiting import wait_for
from tools.headless_demo import NOVNC_DIR, TOOLS

pytestmark = [pytest.mark.gui, pytest.mark.slow, pytest.mark.timeout(300)]

VNCDO = Path(sys.executable).with_name("vncdo")
# Left end of the status bar, below the line noVNC shows for a few seconds after connecting.
STATUS_BAR = (4, 60)
# Home page: the "办事指南" card; guide page: the search field (opens the search page, focused).
GUIDE_CARD = (283, 530)
SEARCH_FIELD = (540, 290)
# A key of the on-screen keyboard ("q"), at the bottom of the search page; the keys s, b, k;
# where the pinyin candidate list shows above the keys once something is typed.
KEYBOARD_KEY = (55, 1631)
KEYS_SBK = ((217, 1714), (647, 1797), (861, 1714))
CANDIDATES = (5, 1563)
TOLERANCE = 12  # per channel: JPEG-free encodings give exact colours; a little room for dithering
# The same page as offscreen: under 1% of the pixels differ (the clock; swapped red and blue
# would make it about 9% on the home page).
SAME_PAGE = 0.01
BROWSER_SAME_PAGE = 0.04  # noVNC's side bar and status line cover about 1.5%


@dataclass
class Demo:
    process: subprocess.Popen[str]
    env: dict[str, str]
    password: str = ""
    vnc_port: int = 0
    web_port: int = 0
    url: str = ""
    children: list[int] = field(default_factory=list)
    output: list[str] = field(default_factory=list)


def _missing() -> list[str]:
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if not (NOVNC_DIR / "vnc.html").exists():
        missing.append("novnc")
    if shutil.which("chromium") is None:
        missing.append("chromium")
    if not VNCDO.exists():
        missing.append("vncdotool (pip, the dev extra)")
    return missing


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _demo_env(data: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_")}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(
        KIOSK_DATA_DIR=str(data),
        KIOSK_VOICE_ENGINE="mock",
        KIOSK_ATTRACT_AFTER_S="3600",  # the attract screen must not cover the home page
        PYTHONUNBUFFERED="1",
    )
    return env


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[str]:
    with open(log, "w") as errors:
        return subprocess.Popen(
            [sys.executable, "-m", "tools.headless_demo", "--web-port", "0", "--vnc-port", "0"],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )


def _found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    assert match is not None, f"{pattern!r} not in the demo's output:\n{text}"
    return match.group(1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    missing = _missing()
    if missing:
        pytest.fail(f"not installed (make test installs them): {', '.join(missing)}")
    tmp = tmp_path_factory.mktemp("headless-demo")
    env = _demo_env(tmp / "data")
    running = Demo(_start(env, tmp / "demo.log"), env)
    seen = threading.Event()

    def read() -> None:
        assert running.process.stdout is not None
        for line in running.process.stdout:
            running.output.append(line.rstrip("\n"))
            if "Password:" in line:
                seen.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert seen.wait(60), "the demo did not come up:\n" + "\n".join(running.output)
        text = "\n".join(running.output)
        running.password = _found(r"Password:\s+(\S+)", text)
        running.url = _found(r"browser:\s+(\S+)", text)
        running.web_port = int(_found(r":(\d+)/vnc\.html", running.url))
        running.vnc_port = int(_found(r"viewer:\s+\S+::(\d+)", text))
        running.children = _children(running.process.pid)
        yield running
    finally:
        if running.process.poll() is None:
            running.process.send_signal(signal.SIGINT)
            try:
                running.process.wait(30)
            except subprocess.TimeoutExpired:
                running.process.kill()
                running.process.wait()
        for pid in running.children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def offscreen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offscreen screenshots of the pages the demo is checked on."""
    out = tmp_path_factory.mktemp("offscreen")
    env = {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ui",
            "--screenshots",
            str(out),
            "--only",
            "home,search-keyboard",
        ],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out


Colour = tuple[int, int, int]


def _pixel(path: Path, point: tuple[int, int]) -> Colour:
    with Image.open(path) as image:
        pixel = image.convert("RGB").getpixel(point)
    assert isinstance(pixel, tuple), pixel
    return (int(pixel[0]), int(pixel[1]), int(pixel[2]))


def _close(a: Colour, b: Colour) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b, strict=True))


def _vncdo(demo: Demo, *actions: str, password: str | None = None) -> None:
    subprocess.run(
        [str(VNCDO), "-s", f"127.0.0.1::{demo.vnc_port}", "-p", password or demo.password]
        + list(actions),
        capture_output=True,
        timeout=60,
        check=False,
    )


def _differing(a: Path, b: Path) -> float:
    """The share of pixels whose colour differs clearly between two pictures of one size."""
    with Image.open(a) as first, Image.open(b) as second:
        difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    mask = difference.convert("L").point(lambda value: 255 if value > 2 * TOLERANCE else 0)
    return mask.histogram()[255] / (mask.width * mask.height)


def _capture_until(
    demo: Demo,
    out: Path,
    point: tuple[int, int],
    want: Colour,
    *actions: str,
    like: Path | None = None,
) -> str:
    """Capture (after ``actions``, the first time) until ``point`` has the colour ``want``
    (and, with ``like``, the whole picture looks like that one); "" then, else what was seen."""
    seen = "no capture"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        out.unlink(missing_ok=True)
        _vncdo(demo, *actions, "capture", str(out))
        actions = ()
        if out.exists():
            colour = _pixel(out, point)
            share = _differing(out, like) if like is not None else 0.0
            if _close(colour, want) and share < SAME_PAGE:
                return ""
            seen = f"{colour} at {point}, {share:.1%} of the pixels differ"
        time.sleep(1)
    return seen


def _keep(path: Path, name: str) -> None:
    keep = os.environ.get("KIOSK_DEMO_CHECK_DIR")
    if keep and path.exists():
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)


def _blue(colour: Colour) -> bool:
    red, _green, blue = colour
    return blue > red + 60


def test_vnc_shows_the_home_page_in_true_colours(demo: Demo, offscreen: Path, tmp_path) -> None:
    expected = _pixel(offscreen / "home.png", STATUS_BAR)
    assert _blue(expected), f"the offscreen status bar is not blue: {expected}"
    capture = tmp_path / "vnc-home.png"
    home = offscreen / "home.png"
    wrong = _capture_until(demo, capture, STATUS_BAR, expected, like=home)
    _keep(home, "offscreen-home.png")
    _keep(capture, "vnc-home.png")
    assert not wrong, f"through VNC: {wrong}; offscreen the status bar is {expected}"
    with Image.open(capture) as image:
        assert image.size == (1080, 1920)


class Chromium:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, profile: Path, url: str) -> None:
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser = os.pipe()
        # Above 10, so that moving them to 3 and 4 in the child cannot overwrite one another.
        child_in = fcntl.fcntl(to_browser, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(from_browser, fcntl.F_DUPFD, 10)

        def pipe_fds() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.process = subprocess.Popen(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--window-size=1080,1920",
                "--remote-debugging-pipe",
                url,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=pipe_fds,
        )
        for fd in (to_browser, from_browser, child_in, child_out):
            os.close(fd)
        self._next_id = 0
        self._buffer = b""
        self._session = ""

    def call(self, method: str, timeout: float = 30, **params: object) -> dict:
        self._next_id += 1
        message: dict[str, object] = {"id": self._next_id, "method": method, "params": params}
        if self._session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return dict(reply.get("result", {}))
            ready, _, _ = select.select([self._from_browser], [], [], 0.5)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raise TimeoutError(method)

    def attach_page(self) -> None:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        attached = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)
        self._session = attached["sessionId"]
        # The page exactly as tall as the terminal (the window leaves less than its size).
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=1080,
            height=1920,
            deviceScaleFactor=1,
            mobile=False,
        )

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._session = ""
            self.call("Browser.close", timeout=5)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)


# The remote screen's pixel as noVNC drew it on its canvas (in the remote screen's
# coordinates), once noVNC says it is connected; null before.
CANVAS_PIXEL = """(() => {
  const canvas = document.querySelector('#noVNC_container canvas');
  if (!canvas || !document.documentElement.classList.contains('noVNC_connected')) return null;
  const d = canvas.getContext('2d').getImageData(%d, %d, 1, 1).data;
  return [d[0], d[1], d[2]];
})()"""


CANVAS_BOX = """(() => {
  const r = document.querySelector('#noVNC_container canvas').getBoundingClientRect();
  return [r.left, r.top, r.width, r.height];
})()"""


def test_browser_shows_the_session_through_novnc(demo: Demo, offscreen: Path, tmp_path) -> None:
    expected = _pixel(offscreen / "home.png", STATUS_BAR)
    shot = tmp_path / "chromium-novnc.png"
    # The password in the address only for the test: the demo prints it beside the URL.
    browser = Chromium(tmp_path / "chromium", f"{demo.url}&password={demo.password}")
    try:
        browser.attach_page()
        seen = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            value = browser.evaluate(CANVAS_PIXEL % STATUS_BAR)
            seen = (value[0], value[1], value[2]) if isinstance(value, list) else None
            if seen is not None and _close(seen, expected):
                break
            time.sleep(0.5)
        time.sleep(1)  # noVNC's own bars settle
        browser.screenshot(shot)
        box = browser.evaluate(CANVAS_BOX)
    finally:
        browser.close()
    _keep(shot, "chromium-novnc.png")
    assert seen is not None, "noVNC never connected"
    assert _close(seen, expected), f"noVNC drew {seen}, offscreen {expected}"
    # noVNC scaled the remote screen to the page, which is exactly as large: one to one.
    assert box == [0, 0, 1080, 1920], f"noVNC's canvas is at {box}"
    on_page = _pixel(shot, STATUS_BAR)
    assert _close(on_page, expected), (
        f"status bar in the browser is {on_page}, offscreen {expected}"
    )
    # The whole page as offscreen, but for noVNC's own controls and status line.
    share = _differing(shot, offscreen / "home.png")
    assert share < BROWSER_SAME_PAGE, f"{share:.1%} of the browser's pixels differ"


def _tap(*points: tuple[int, int]) -> tuple[str, ...]:
    """vncdo actions: a click at each point, with time for the screen to follow."""
    actions: list[str] = []
    for x, y in points:
        actions += ["move", str(x), str(y), "click", "1", "pause", "1.5"]
    return tuple(actions)


def test_on_screen_keyboard_works_through_vnc(demo: Demo, offscreen: Path, tmp_path) -> None:
    expected = _pixel(offscreen / "search-keyboard.png", KEYBOARD_KEY)
    home = _pixel(offscreen / "home.png", KEYBOARD_KEY)
    assert not _close(expected, home), "the probe point does not tell the keyboard apart"
    capture = tmp_path / "vnc-keyboard.png"
    on_home = _capture_until(
        demo,
        capture,
        STATUS_BAR,
        _pixel(offscreen / "home.png", STATUS_BAR),
        like=offscreen / "home.png",
    )
    assert not on_home, f"the home page did not come up: {on_home}"
    # Home -> guide -> search page -> tap its field: the keyboard comes up.
    taps = _tap(GUIDE_CARD, SEARCH_FIELD, SEARCH_FIELD)
    wrong = _capture_until(demo, capture, KEYBOARD_KEY, expected, *taps)
    _keep(capture, "vnc-keyboard.png")
    assert not wrong, f"no keyboard: {wrong}; offscreen the key is {expected}"
    # Typing s, b, k on it brings up the pinyin candidates above the keys.
    background = _pixel(offscreen / "search-keyboard.png", CANDIDATES)
    typed = tmp_path / "vnc-typed.png"
    _vncdo(demo, *_tap(*KEYS_SBK), "capture", str(typed))
    _keep(typed, "vnc-keyboard-typed.png")
    seen = _pixel(typed, CANDIDATES)
    assert not _close(seen, background) and sum(seen) < sum(background) / 2, (
        f"no candidate list after typing: {seen} (page background {background})"
    )


def test_a_wrong_password_gets_nothing(demo: Demo, tmp_path) -> None:
    capture = tmp_path / "denied.png"
    _vncdo(demo, "capture", str(capture), password="wrong123")
    assert not capture.exists()


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, _remote, state = line.split()[1:4]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.append(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}


def test_everything_listens_on_loopback_only(demo: Demo) -> None:
    for port in (demo.vnc_port, demo.web_port):
        addresses = _listening(port)
        assert addresses, f"nothing listens on {port}"
        assert set(addresses) <= LOOPBACK, f"port {port} listens on {addresses}"


def test_a_second_demo_says_one_is_running(demo: Demo, tmp_path) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "tools.headless_demo", "--web-port", "0", "--vnc-port", "0"],
        cwd=REPO,
        env=demo.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 3
    assert "already running" in second.stdout
    assert demo.url in second.stdout
    assert demo.process.poll() is None


def test_ctrl_c_stops_every_process(demo: Demo) -> None:
    assert len(demo.children) == 3, demo.children  # Xvnc, websockify, the terminal
    demo.process.send_signal(signal.SIGINT)
    assert demo.process.wait(30) == 0
    wait_for(lambda: not any(_alive(pid) for pid in demo.children), "every child ends")
    assert not _listening(demo.vnc_port) and not _listening(demo.web_port)
