"""A fork server for the kill tests: the child's modules are imported once, then every run
is a fresh process forked from this one, so a thousand kills do not pay a thousand
interpreter starts (about 3 s each on the project's machines).

The zygote itself starts no thread and opens no database, file or socket of the child's:
a forked child starts as clean as a new interpreter would, only with its imports done.

``python -m tests.reliability.zygote MODULE`` imports ``MODULE`` (which has ``main(args)``)
and speaks one line at a time on stdin/stdout::

    test → "spawn {"args": {...}, "stderr": PATH}"   zygote → "pid <pid>"
    test → "reap <pid>"                              zygote → "reaped <pid> <exit status>"
    child → "ready <pid>"  (on the same stdout, written by the child with one write)

The test kills children itself (SIGKILL by pid) and then asks the zygote to reap them.
"""

from __future__ import annotations

import importlib
import json
import os
import select
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any


def say(line: str) -> None:
    """One whole line on stdout (children share it: a single write keeps lines apart)."""
    os.write(1, (line + "\n").encode())


def _child(entry: Any, args: dict[str, Any], stderr: str) -> None:
    fd = os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 2)
    os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    code = 0
    try:
        entry(args)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stderr.flush()
        os._exit(code)


def serve(module: str) -> None:
    """The zygote's loop: fork on ``spawn``, reap on ``reap``, stop at end of input."""
    entry = importlib.import_module(module).main
    say("zygote ready")
    for raw in sys.stdin:
        verb, _, rest = raw.strip().partition(" ")
        if verb == "spawn":
            request = json.loads(rest)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _child(entry, request["args"], request["stderr"])
            say(f"pid {pid}")
        elif verb == "reap":
            pid = int(rest)
            _, status = os.waitpid(pid, 0)
            say(f"reaped {pid} {status}")


class Zygote:
    """The test's side: start the fork server, spawn children, wait for them, kill them."""

    def __init__(self, module: str, log: Path, env: dict[str, str]) -> None:
        self._log = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.zygote", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
        )
        self._buffer = b""
        self._lines: list[str] = []
        self._expect(lambda line: line == "zygote ready", 120.0, "the zygote did not start")

    def _read(self, timeout: float) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return
        chunk = os.read(fd, 65536)
        if not chunk:
            raise RuntimeError(f"the zygote stopped (exit {self.proc.poll()})")
        self._buffer += chunk
        *whole, self._buffer = self._buffer.split(b"\n")
        self._lines.extend(line.decode() for line in whole)

    def _take(self, wanted: Any) -> str | None:
        for i, line in enumerate(self._lines):
            if wanted(line):
                return self._lines.pop(i)
        return None

    def _expect(self, wanted: Any, timeout: float, what: str) -> str:
        deadline = time.monotonic() + timeout
        while True:
            found = self._take(wanted)
            if found is not None:
                return found
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(what)
            self._read(min(left, 0.5))

    def _send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def spawn(self, args: dict[str, Any], stderr: Path) -> int:
        """Fork a child running ``main(args)``; its stderr goes to ``stderr``."""
        self._send("spawn " + json.dumps({"args": args, "stderr": str(stderr)}))
        line = self._expect(lambda line: line.startswith("pid "), 30.0, "no pid from zygote")
        return int(line.split()[1])

    def wait_ready(self, pid: int, timeout: float = 60.0) -> bool:
        """Whether the child said ``ready``; False when it died first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._take(lambda line: line == f"ready {pid}") is not None:
                return True
            if not _alive(pid):
                return self._take(lambda line: line == f"ready {pid}") is not None
            self._read(0.05)
        raise TimeoutError(f"child {pid} neither got ready nor died")

    def kill(self, pid: int) -> int:
        """SIGKILL the child (if it still runs) and reap it; returns its wait status."""
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._send(f"reap {pid}")
        line = self._expect(lambda line: line.startswith(f"reaped {pid} "), 30.0, "no reap")
        return int(line.split()[2])

    def close(self) -> None:
        """Stop the zygote."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._log.close()


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


if __name__ == "__main__":
    serve(sys.argv[1])
