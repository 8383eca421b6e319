"""``kioskctl simulate printer`` as a separate process, reached over TCP and over a pty."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


@pytest.mark.slow
@pytest.mark.parametrize("listen", ["tcp", "pty"])
def test_the_simulator_command_serves_a_printer_until_stopped(
    tmp_path: Path, listen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}" if listen == "tcp" else "pty"
    kioskctl = [sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]
    command = [*kioskctl, "simulate", "printer", "--listen", address]
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    proc = subprocess.Popen(
        [*command, "--out", str(tmp_path), "--width", "58"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        uri = banner.split("--printer ", 1)[1].rstrip(")\n ")
        assert main(["print-test", "--printer", uri, "--width", "58"]) == 0
        assert "job 1" in proc.stdout.readline()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    assert proc.returncode == 0
    assert list(tmp_path.glob("receipt-*.png"))
