"""Run ``kiosk-central`` in a subprocess on a free loopback port (tests, benchmarks, demos)."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import requests

from central.auth import add_terminal
from central.db import Database


def call_staff(url: str, token: str, method: str, path: str, body: Any = None) -> Any:
    """Call central's staff API at ``url`` as hall staff would; the JSON answer, or raises."""
    reply = requests.request(
        method,
        f"{url}/api/v1/staff{path}",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    reply.raise_for_status()
    return reply.json()


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class CentralProcess:
    """``python -m central`` with its own SQLite file (or ``db_url``, e.g. PostgreSQL, with
    its ``seal_key_file``); start, stop and restart it. ``workers``: ``--workers``, the
    processes serving its port (:meth:`worker_pids` lists them while it runs)."""

    def __init__(
        self,
        workdir: Path,
        port: int | None = None,
        db_url: str | None = None,
        seal_key_file: Path | None = None,
        workers: int = 1,
        extra_args: list[str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.workers = workers
        self.extra_args = list(extra_args or [])
        self.db_path = workdir / "central.db"
        self.db_url = db_url or f"sqlite:///{self.db_path}"
        self.seal_key_file = seal_key_file
        self._explicit_port = port is not None
        self._started_once = False
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.staff_token = secrets.token_urlsafe(16)
        self._token_file = workdir / "staff.token"
        self._token_file.write_text(self.staff_token)
        self.id_hash_key_path = workdir / "id_hash.key"
        self._proc: subprocess.Popen[bytes] | None = None

    def db_args(self) -> list[str]:
        """The ``--db`` (and ``--seal-key-file``) options of ``kiosk-central`` for its database."""
        args = ["--db", self.db_url]
        if self.seal_key_file is not None:
            args += ["--seal-key-file", str(self.seal_key_file)]
        return args

    def add_terminal(self, terminal_id: str, hall_id: str = "H0001") -> str:
        """Register a terminal in the database (works whether or not the server runs)."""
        db = Database(self.db_url, self.seal_key_file)
        try:
            return add_terminal(db, terminal_id, hall_id)
        finally:
            db.close()

    def start(self, wait_s: float = 20.0) -> None:
        """Start the server and wait until it answers as itself.

        A port picked by :func:`free_port` can be taken by another process before the server
        binds it (other test runs share the machine). On the first start such a clash means
        another port; on a restart, which must keep the address, it is an error.
        """
        for _attempt in range(3):
            if self._launch(wait_s):
                self._started_once = True
                return
            if self._explicit_port or self._started_once:
                break
            self.port = free_port()
            self.url = f"http://127.0.0.1:{self.port}"
        log = self.workdir / "central.log"
        raise RuntimeError(f"central did not come up on {self.url}: see {log}")

    def _launch(self, wait_s: float) -> bool:
        cmd = [sys.executable, "-m", "central", "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += [*self.db_args(), "--staff-token-file", str(self._token_file)]
        cmd += ["--id-hash-key-file", str(self.id_hash_key_path)]
        cmd += ["--log-level", "warning", "--workers", str(self.workers), *self.extra_args]
        log = (self.workdir / "central.log").open("ab")
        self._proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=dict(os.environ))
        log.close()
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                self._proc = None
                return False
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=0.5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.05)
        else:
            self.stop()
            return False
        if not self._workers_up(deadline):
            self.stop()
            return False
        # Whoever answered must know our staff token: not another run's server on this port.
        try:
            ours = requests.get(
                f"{self.url}/api/v1/staff/stats",
                headers={"Authorization": f"Bearer {self.staff_token}"},
                timeout=5,
            ).ok
        except requests.RequestException:
            ours = False
        if not ours:
            self.stop()
        return ours

    @property
    def pid(self) -> int | None:
        """The server's (the parent's, with workers) process id while it runs."""
        return self._proc.pid if self._proc is not None else None

    def worker_pids(self) -> list[int]:
        """The worker processes (children) of the server; empty for a single process."""
        if self._proc is None or self.workers <= 1:
            return []
        return [
            pid
            for pid in children_of(self._proc.pid)
            if b"resource_tracker" not in _cmdline(pid)  # multiprocessing's helper
        ]

    def _workers_up(self, deadline: float) -> bool:
        # uvicorn answers from the first worker up; wait for all of them to be serving.
        if self.workers <= 1:
            return True
        while time.monotonic() < deadline:
            if len(self.worker_pids()) >= self.workers and self._all_answered():
                return True
            time.sleep(0.1)
        return False

    def _all_answered(self) -> bool:
        # Fresh connections are spread over the workers by the kernel: enough health
        # checks in a row answered means no worker is still starting its app.
        try:
            return all(
                requests.get(f"{self.url}/api/v1/health", timeout=2).ok
                for _ in range(4 * self.workers)
            )
        except requests.RequestException:
            return False

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 5 s; workers it left behind too)."""
        if self._proc is None:
            return
        workers = self.worker_pids()
        self._proc.terminate()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=5)
        self._proc = None
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def signal(self, signum: int) -> None:
        """Send ``signum`` to the server (the parent, with workers)."""
        if self._proc is not None:
            self._proc.send_signal(signum)

    def wait(self, timeout: float) -> int:
        """Wait for the server to end by itself; its exit status."""
        assert self._proc is not None, "not running"
        code = self._proc.wait(timeout=timeout)
        self._proc = None
        return code

    def staff(self, method: str, path: str, body: Any = None) -> Any:
        """Call the staff API (bearer token); returns the JSON answer or raises."""
        return call_staff(self.url, self.staff_token, method, path, body)

    def __enter__(self) -> CentralProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def children_of(pid: int) -> list[int]:
    """Live child processes of ``pid`` (Linux ``/proc``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
