"""``make demo`` on a machine without a screen: the demo terminal on a VNC desktop and in a browser.

    python -m tools.headless_demo [--listen ADDR] [--web-port N] [--vnc-port N] [-- KIOSK ARGS]

Starts, and watches over, three processes:

- TigerVNC's ``Xvnc``: a real X server whose VNC server sends the pixel format each client asks
  for (true colours in any viewer), 1080x1920 (1920x1080 with ``--orientation landscape``),
  protected by a random password made at start (``vncpasswd -f``) and an X cookie (``xauth``);
- ``websockify`` serving noVNC (Debian's ``/usr/share/novnc``), so a browser shows the session;
- ``kiosk --demo`` on that display (``QT_QPA_PLATFORM=xcb``, software rendering), with the Qt
  Virtual Keyboard as on the real terminal.

Everything listens on 127.0.0.1 unless ``--listen``/``KIOSK_DEMO_LISTEN`` names another address
(``0.0.0.0``: every interface, on purpose). Ctrl-C or SIGTERM stops all three; so does the end of
any one of them. A lock in the terminal's data folder keeps a second demo on the same data from
starting: it says where the running one is instead.
"""

from __future__ import annotations

import argparse
import ctypes
import fcntl
import ipaddress
import json
import os
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

NOVNC_DIR = Path("/usr/share/novnc")
DEFAULT_LISTEN = "127.0.0.1"
DEFAULT_WEB_PORT = 6080
DEFAULT_VNC_PORT = 5901
FIRST_DISPLAY = 20
LOCK_NAME = "headless-demo.lock"
# VNC authentication uses the first 8 characters of a password; no look-alike characters.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 8
# Program -> the Debian package that brings it (``make demo`` installs them).
TOOLS = {
    "Xvnc": "tigervnc-standalone-server",
    "vncpasswd": "tigervnc-tools",
    "xauth": "xauth",
    "websockify": "websockify",
}
START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 8.0
PR_SET_PDEATHSIG = 1


class DemoError(RuntimeError):
    """The demo cannot start; the message says why, for the console."""


class AlreadyRunning(DemoError):
    """Another headless demo holds the lock on the same data folder."""


class StopRequested(Exception):
    """Ctrl-C, SIGTERM or SIGHUP arrived."""


@dataclass(frozen=True)
class DemoOptions:
    listen: str = DEFAULT_LISTEN
    web_port: int = DEFAULT_WEB_PORT  # 0: any free port
    vnc_port: int = DEFAULT_VNC_PORT
    orientation: str = "portrait"
    kiosk_args: tuple[str, ...] = ()

    @property
    def geometry(self) -> str:
        return "1920x1080" if self.orientation == "landscape" else "1080x1920"

    @property
    def loopback_only(self) -> bool:
        return is_loopback(self.listen)


def is_loopback(address: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def make_password() -> str:
    """A fresh random VNC password (8 characters: all that VNC authentication reads)."""
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def pick_port(host: str, preferred: int) -> int:
    """``preferred`` when it is free on ``host``, otherwise a free port the system picks."""
    bind_host = "0.0.0.0" if host in ("", "0.0.0.0") else host
    if preferred and port_is_free(bind_host, preferred):
        return preferred
    family = socket.AF_INET6 if ":" in bind_host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((bind_host, 0))
        return int(probe.getsockname()[1])


def display_is_free(number: int) -> bool:
    return not (
        Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists()
    )


def free_display(start: int = FIRST_DISPLAY) -> int:
    for number in range(start, start + 200):
        if display_is_free(number):
            return number
    raise DemoError("no free X display number")


def missing_tools() -> list[str]:
    """Debian packages still to install for the headless demo."""
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if not (NOVNC_DIR / "vnc.html").exists():
        missing.append("novnc")
    return missing


def xvnc_command(
    display: int,
    options: DemoOptions,
    vnc_port: int,
    password_file: Path,
    auth_file: Path,
    displayfd: int,
) -> list[str]:
    """The X server with its VNC server: password-only, on the chosen address. It writes the
    display number to ``displayfd`` once it accepts connections."""
    command = [
        "Xvnc",
        f":{display}",
        "-geometry",
        options.geometry,
        "-depth",
        "24",
        "-desktop",
        "hall-kiosk demo",
        "-auth",
        str(auth_file),
        "-nolisten",
        "tcp",  # X11 itself only on its local socket
        "-rfbport",
        str(vnc_port),
        "-rfbauth",
        str(password_file),
        "-SecurityTypes",
        "VncAuth",
        "-AlwaysShared",  # a browser and a viewer may watch at the same time
        "-AcceptSetDesktopSize=0",  # the terminal's size is fixed, whatever the viewer wants
        "-displayfd",
        str(displayfd),
    ]
    if options.loopback_only:
        command.append("-localhost")
    elif options.listen not in ("", "0.0.0.0", "::"):
        command += ["-interface", options.listen]
    return command


def websockify_command(options: DemoOptions, web_port: int, vnc_port: int) -> list[str]:
    host = options.listen if options.listen != "localhost" else "127.0.0.1"
    listen = f"[{host}]:{web_port}" if ":" in host else f"{host}:{web_port}"
    return ["websockify", "--web", str(NOVNC_DIR), listen, f"127.0.0.1:{vnc_port}"]


def browser_url(host: str, web_port: int) -> str:
    """The one address to open: noVNC connects at once and scales the portrait screen to fit."""
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{web_port}/vnc.html?autoconnect=1&resize=scale&show_dot=1"


def public_hosts() -> list[str]:
    """This machine's addresses, for the URL when the demo is open to the network."""
    try:
        out = subprocess.run(
            ["hostname", "-I"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out.split() or [socket.gethostname()]


def _die_with_parent() -> None:
    """In a child before exec: get SIGTERM if the launcher itself dies (even by SIGKILL)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class DemoLock:
    """``flock`` on a file in the data folder: one headless demo per terminal's data."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # held until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read()
            handle.close()
            raise AlreadyRunning(self._busy_message(holder)) from None
        self._file = handle

    def _busy_message(self, holder: str) -> str:
        try:
            info = json.loads(holder)
        except ValueError:
            info = {}
        pid = info.get("pid", "?")
        url = info.get("url")
        where = f" at {url}" if url else ""
        return (
            f"A headless demo of this terminal is already running (pid {pid}){where}. "
            f"Open that one, or stop it first (Ctrl-C where it runs, or kill {pid})."
        )

    def describe(self, **info: object) -> None:
        """Record who holds the lock, for a second demo to show."""
        if self._file is None:
            return
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps(info))
        self._file.flush()

    def release(self) -> None:
        if self._file is None:
            return
        self._file.seek(0)
        self._file.truncate()
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
        self._file = None


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]
    log: Path | None = None


@dataclass
class HeadlessDemo:
    """Starts the X/VNC server, websockify and the terminal, and stops them all again."""

    options: DemoOptions
    lock: DemoLock
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    children: list[Child] = field(default_factory=list)
    runtime: Path | None = None
    password: str = ""
    display: int = 0
    vnc_port: int = 0
    web_port: int = 0
    _stopping: bool = False

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    # --- signals -------------------------------------------------------------------------
    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self._stopping:
            return  # already stopping: a second Ctrl-C does not cut the clean-up short
        self._stopping = True
        raise StopRequested(signal.Signals(signum).name)

    def install_signal_handlers(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, self._on_signal)

    # --- processes -----------------------------------------------------------------------
    def spawn(
        self,
        name: str,
        argv: Sequence[str],
        env: dict[str, str] | None = None,
        log: Path | None = None,
        pass_fds: Sequence[int] = (),
    ) -> Child:
        """Start ``argv`` in its own process group (Ctrl-C reaches only the launcher, which
        stops the children in order), dying with the launcher if that is killed."""
        output: IO[bytes] | None = open(log, "wb") if log is not None else None
        try:
            process = subprocess.Popen(
                list(argv),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT if output is not None else None,
                pass_fds=tuple(pass_fds),
                process_group=0,
                preexec_fn=_die_with_parent,
            )
        finally:
            if output is not None:
                output.close()
        child = Child(name, process, log)
        self.children.append(child)
        return child

    def stop_child(self, child: Child) -> None:
        process = child.process
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if child in self.children:
            self.children.remove(child)

    def stop_all(self) -> None:
        """The terminal first, then websockify, then the X server."""
        self._stopping = True
        for child in reversed(list(self.children)):
            self.stop_child(child)

    def log_tail(self, child: Child, lines: int = 15) -> str:
        if child.log is None or not child.log.exists():
            return ""
        text = child.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join("    " + line for line in text[-lines:])

    # --- the three parts -----------------------------------------------------------------
    def prepare_secrets(self) -> tuple[Path, Path, str]:
        """A private folder with the VNC password file and the X cookie file."""
        self.runtime = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
        self.password = make_password()
        password_file = self.runtime / "vncpasswd"
        made = subprocess.run(
            ["vncpasswd", "-f"],
            input=self.password.encode(),
            capture_output=True,
            timeout=10,
            check=False,
        )
        if made.returncode != 0 or not made.stdout:
            raise DemoError(f"vncpasswd -f failed: {made.stderr.decode(errors='replace')}")
        password_file.write_bytes(made.stdout)
        password_file.chmod(0o600)
        auth_file = self.runtime / "Xauthority"
        auth_file.touch(mode=0o600)
        return password_file, auth_file, secrets.token_hex(16)

    def start_x_server(self, password_file: Path, auth_file: Path, cookie: str) -> None:
        assert self.runtime is not None
        start = FIRST_DISPLAY
        tail = ""
        for _attempt in range(5):
            display = free_display(start)
            start = display + 1
            vnc_port = pick_port(self.options.listen, self.options.vnc_port)
            subprocess.run(
                ["xauth", "-q", "-f", str(auth_file), "add", f":{display}", ".", cookie],
                capture_output=True,
                timeout=10,
                check=True,
            )
            read_end, write_end = os.pipe()
            try:
                command = xvnc_command(
                    display, self.options, vnc_port, password_file, auth_file, write_end
                )
                log = self.runtime / "Xvnc.log"
                child = self.spawn("Xvnc", command, log=log, pass_fds=[write_end])
                os.close(write_end)
                write_end = -1
                if self._wait_display(child, read_end) == display:
                    self.display, self.vnc_port = display, vnc_port
                    return
            finally:
                os.close(read_end)
                if write_end >= 0:
                    os.close(write_end)
            # Most likely another X server or program took the display or port just now.
            tail = self.log_tail(child)
            self.stop_child(child)
        raise DemoError(f"Xvnc did not start (5 tries); its last words:\n{tail}")

    def _wait_display(self, child: Child, read_end: int) -> int | None:
        """The display number Xvnc writes once it accepts connections; None if it quit."""
        deadline = time.monotonic() + START_TIMEOUT_S
        received = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.2)
            if ready:
                chunk = os.read(read_end, 64)
                if not chunk:
                    return None  # closed: Xvnc quit
                received += chunk
                if received.endswith(b"\n"):
                    return int(received.strip())
            elif child.process.poll() is not None:
                return None
        return None

    def start_websockify(self) -> None:
        assert self.runtime is not None
        tail = ""
        for _attempt in range(5):
            web_port = pick_port(self.options.listen, self.options.web_port)
            child = self.spawn(
                "websockify",
                websockify_command(self.options, web_port, self.vnc_port),
                log=self.runtime / "websockify.log",
            )
            if self._wait_port(child, self.probe_host(), web_port):
                self.web_port = web_port
                return
            tail = self.log_tail(child)
            self.stop_child(child)
        raise DemoError(f"websockify did not start (5 tries); its last words:\n{tail}")

    @staticmethod
    def _wait_port(child: Child, host: str, port: int) -> bool:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if child.process.poll() is not None:
                return False
            try:
                with socket.create_connection((host, port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.1)
        return False

    def start_kiosk(self, auth_file: Path) -> Child:
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update(
            DISPLAY=f":{self.display}",
            XAUTHORITY=str(auth_file),
            QT_QPA_PLATFORM="xcb",
            QT_QUICK_BACKEND="software",  # no GPU behind a VNC desktop
            QT_IM_MODULE="qtvirtualkeyboard",
        )
        argv = [sys.executable, "-m", "ui", "--demo", *self.options.kiosk_args]
        if self.options.orientation != "portrait":
            argv += ["--orientation", self.options.orientation]
        return self.spawn("kiosk", argv, env=env)

    # --- the whole run -------------------------------------------------------------------
    def probe_host(self) -> str:
        """Where the launcher itself reaches the servers."""
        listen = self.options.listen
        if listen in ("localhost", "0.0.0.0"):
            return "127.0.0.1"
        return "::1" if listen == "::" else listen

    def hosts(self) -> list[str]:
        """The addresses to give out: every address of this machine when open to all."""
        if self.options.listen in ("0.0.0.0", "::"):
            ipv6 = self.options.listen == "::"
            hosts = [host for host in public_hosts() if (":" in host) == ipv6]
            return hosts or ["this-host"]
        return [self.options.listen]

    def banner(self) -> list[str]:
        hosts = self.hosts()
        urls = [browser_url(host, self.web_port) for host in hosts]
        scope = (
            f"listening on {self.options.listen} only"
            if self.options.loopback_only
            else f"OPEN TO THE NETWORK on {self.options.listen}"
        )
        lines = [
            f"Headless demo is up ({self.options.geometry}, {scope}).",
            f"  Open in a browser: {urls[0]}",
            *[f"                 or {url}" for url in urls[1:]],
            f"  or a VNC viewer:   {hosts[0]}::{self.vnc_port}  (display :{self.display})",
            f"  Password:          {self.password}",
        ]
        if self.options.loopback_only:
            lines.append(
                "From another machine: ssh -L "
                f"{self.web_port}:127.0.0.1:{self.web_port} this-host, or run "
                "KIOSK_DEMO_LISTEN=0.0.0.0 make demo to serve it to the network."
            )
        lines.append("Ctrl-C stops the demo.")
        return lines

    def run(self) -> int:
        self.install_signal_handlers()
        try:
            self.lock.acquire()
        except AlreadyRunning as exc:
            self.say(str(exc))
            return 3
        try:
            return self._run_locked()
        except StopRequested:
            self.say("Stopping the headless demo...")
            return 0
        except DemoError as exc:
            self.say(f"Headless demo: {exc}")
            return 1
        finally:
            self._stopping = True
            self.stop_all()
            if self.runtime is not None:
                shutil.rmtree(self.runtime, ignore_errors=True)
            self.lock.release()

    def _run_locked(self) -> int:
        missing = missing_tools()
        if missing:
            raise DemoError(
                "missing Debian packages: "
                + " ".join(missing)
                + " (make demo installs them; or apt-get install them)"
            )
        password_file, auth_file, cookie = self.prepare_secrets()
        self.start_x_server(password_file, auth_file, cookie)
        self.start_websockify()
        kiosk = self.start_kiosk(auth_file)
        self.lock.describe(
            pid=os.getpid(),
            url=browser_url(self.hosts()[0], self.web_port),
            vnc_port=self.vnc_port,
            web_port=self.web_port,
            display=self.display,
        )
        for line in self.banner():
            self.say(line)
        return self.supervise(kiosk)

    def supervise(self, kiosk: Child) -> int:
        """Wait until the terminal or a server ends (or a signal); the terminal's exit code."""
        while True:
            for child in list(self.children):
                code = child.process.poll()
                if code is None:
                    continue
                if child is kiosk:
                    self.say(f"The terminal exited (code {code}); stopping the demo.")
                    return code
                self.say(f"{child.name} exited (code {code}); stopping the demo.")
                tail = self.log_tail(child)
                if tail:
                    self.say(tail)
                return 1
            time.sleep(0.2)


def parse_args(argv: Sequence[str] | None, env: dict[str, str]) -> DemoOptions:
    parser = argparse.ArgumentParser(
        prog="python -m tools.headless_demo",
        description="The demo terminal on a VNC desktop and in a browser (no screen needed).",
    )
    parser.add_argument(
        "--listen",
        default=env.get("KIOSK_DEMO_LISTEN", DEFAULT_LISTEN),
        help="address to serve on (default 127.0.0.1; 0.0.0.0 opens it to the network)",
    )
    parser.add_argument(
        "--web-port",
        type=int,
        default=int(env.get("KIOSK_DEMO_WEB_PORT", DEFAULT_WEB_PORT)),
        help="port of the noVNC page (default 6080, another if taken; 0: any free port)",
    )
    parser.add_argument(
        "--vnc-port",
        type=int,
        default=int(env.get("KIOSK_DEMO_VNC_PORT", DEFAULT_VNC_PORT)),
        help="port of the VNC server (default 5901, another if taken; 0: any free port)",
    )
    parser.add_argument("--orientation", choices=("portrait", "landscape"), default="portrait")
    parser.add_argument("kiosk_args", nargs="*", help="more arguments for kiosk (after --)")
    args = parser.parse_args(argv)
    return DemoOptions(
        listen=args.listen.strip() or DEFAULT_LISTEN,
        web_port=args.web_port,
        vnc_port=args.vnc_port,
        orientation=args.orientation,
        kiosk_args=tuple(args.kiosk_args),
    )


def lock_path(env: dict[str, str]) -> Path:
    """The lock lives in the data folder the demo terminal will use."""
    from kiosk.config import load_settings

    return Path(load_settings(env=env, demo=True).data_dir) / LOCK_NAME


def main(argv: Sequence[str] | None = None) -> int:
    env = dict(os.environ)
    options = parse_args(argv, env)
    from kiosk.config import ConfigError

    try:
        lock = DemoLock(lock_path(env))
    except ConfigError as exc:
        print(f"Headless demo: {exc}", file=sys.stderr)
        return 2
    return HeadlessDemo(options, lock).run()


if __name__ == "__main__":
    sys.exit(main())
