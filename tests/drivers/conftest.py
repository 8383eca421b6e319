"""A private pcscd with its own vsmartcard-vpcd reader for the ``pcsc`` tests.

pcscd 1.9.9 always serves its socket at ``/run/pcscd/pcscd.comm``, so the daemon runs in its
own mount namespace (``unshare --mount``) where a private folder is bind-mounted over
``/run/pcscd``; the system's pcscd (if any) is neither seen nor disturbed. Its readers come
from a private ``reader.conf.d`` (``pcscd --config``) naming the vpcd driver on a free port.
This process finds that socket through ``PCSCLITE_CSOCK_NAME``, which libpcsclite reads once
per process: it is set here, at collection time, before any test touches PC/SC.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.waiting import wait_for

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
PCSCD_RUN_DIR = Path(tempfile.mkdtemp(prefix="kiosk-test-pcscd-"))
os.environ["PCSCLITE_CSOCK_NAME"] = str(PCSCD_RUN_DIR / "pcscd.comm")


@dataclass(frozen=True)
class PrivatePcscd:
    """The running private pcscd: its vpcd port (reader ``Virtual PCD 00 00``) and socket."""

    vpcd_port: int
    socket_path: Path
    process: subprocess.Popen[bytes]


def _two_free_ports() -> int:
    # vpcd listens on CHANNELID for slot 0 and CHANNELID + 1 for slot 1.
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port >= 65535:
            continue
        with socket.socket() as other:
            try:
                other.bind(("0.0.0.0", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two consecutive free TCP ports")


def _missing_stack() -> str | None:
    for tool in ("pcscd", "unshare", "mount"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (make setup installs pcscd and vsmartcard-vpcd)"
    if not VPCD_DRIVER.exists():
        return f"vsmartcard-vpcd driver {VPCD_DRIVER} is not installed"
    return None


def _listening(port: int) -> bool:
    # vpcd takes the first connection as the card: probing it would insert one, so the
    # listening sockets are looked up in /proc instead.
    hex_port = f":{port:04X}"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        if any(line.split()[1].endswith(hex_port) and line.split()[3] == "0A" for line in lines):
            return True
    return False


@pytest.fixture(scope="session")
def private_pcscd() -> Iterator[PrivatePcscd]:
    """Start pcscd in its own mount namespace with a vpcd reader; stop it afterwards."""
    missing = _missing_stack()
    if missing:
        pytest.skip(missing)
    if os.geteuid() != 0:
        pytest.fail("the pcsc tests start their own pcscd and need root (as make test runs)")
    port = _two_free_ports()
    conf = Path(tempfile.mkdtemp(prefix="kiosk-test-readerconf-"))
    (conf / "vpcd").write_text(
        'FRIENDLYNAME "Virtual PCD"\n'
        f"DEVICENAME   /dev/null:{port}\n"
        f"LIBPATH      {VPCD_DRIVER}\n"
        f"CHANNELID    {port}\n"
    )
    Path("/run/pcscd").mkdir(parents=True, exist_ok=True)  # the mount point must exist
    log = open(PCSCD_RUN_DIR / "pcscd.log", "wb")  # noqa: SIM115 - closed below
    script = f"mount --bind {PCSCD_RUN_DIR} /run/pcscd && exec pcscd --foreground --config {conf}"
    process = subprocess.Popen(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    socket_path = PCSCD_RUN_DIR / "pcscd.comm"
    try:

        def listening() -> bool:
            assert process.poll() is None, "pcscd ended"
            return socket_path.exists() and _listening(port)

        try:
            wait_for(listening, "the private pcscd listens")
        except AssertionError:
            log.flush()
            text = (PCSCD_RUN_DIR / "pcscd.log").read_text(errors="replace")
            pytest.fail(f"private pcscd did not start:\n{text}")
        yield PrivatePcscd(port, socket_path, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()
        shutil.rmtree(conf, ignore_errors=True)
        shutil.rmtree(PCSCD_RUN_DIR, ignore_errors=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the private socket folder even when no pcsc test ran."""
    shutil.rmtree(PCSCD_RUN_DIR, ignore_errors=True)
