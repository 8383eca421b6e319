"""``kiosk-central`` and TLS: plain HTTP only on loopback unless told, HTTPS of its own."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from central.__main__ import _check_transport
from central.testing import free_port


def _args(host: str, **extra: object) -> argparse.Namespace:
    values: dict[str, object] = {
        "host": host,
        "ssl_certfile": None,
        "ssl_keyfile": None,
        "allow_plain_http": False,
    }
    values.update(extra)
    return argparse.Namespace(**values)


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"])
def test_loopback_may_serve_plain_http(host: str) -> None:
    assert _check_transport(_args(host)) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.1.2.3", "central.example", ""])
def test_other_addresses_refuse_plain_http(host: str) -> None:
    refusal = _check_transport(_args(host))
    assert refusal is not None and "--allow-plain-http" in refusal
    assert _check_transport(_args(host, allow_plain_http=True)) is None


def test_a_certificate_allows_any_address(tmp_path: Path) -> None:
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("x")
    key.write_text("x")
    assert _check_transport(_args("0.0.0.0", ssl_certfile=cert, ssl_keyfile=key)) is None
    assert "no such file" in str(
        _check_transport(_args("0.0.0.0", ssl_certfile=tmp_path / "none.pem"))
    )
    assert "--ssl-certfile" in str(_check_transport(_args("127.0.0.1", ssl_keyfile=key)))


def test_refusal_is_one_sentence_without_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "central", "--host", "0.0.0.0", "--db", "sqlite://"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kiosk-central: refusing plain HTTP on 0.0.0.0")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "id_hash.key").exists()  # refused before anything was made


def _self_signed(folder: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    cert, key = folder / "central.crt", folder / "central.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def _refused(http: requests.Session, url: str, error: type[Exception]) -> bool:
    try:
        http.get(url, timeout=2)
    except error:
        return True
    return False


@pytest.mark.slow
def test_central_serves_https_with_its_own_certificate(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    port = free_port()
    cmd = [sys.executable, "-m", "central", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--db", f"sqlite:///{tmp_path / 'central.db'}", "--log-level", "warning"]
    cmd += ["--id-hash-key-file", str(tmp_path / "id_hash.key")]
    cmd += ["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)]
    log = (tmp_path / "central.log").open("wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=dict(os.environ))
    try:
        answer = None
        deadline = time.monotonic() + 30
        with requests.Session() as http:
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    answer = http.get(
                        f"https://127.0.0.1:{port}/api/v1/health", verify=str(cert), timeout=2
                    )
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            assert answer is not None, (tmp_path / "central.log").read_text()
            assert answer.status_code == 200 and answer.json()["status"] == "ok"
            # The same port does not speak plain HTTP, and a client that does not trust the
            # certificate is refused.
            assert _refused(
                http, f"http://127.0.0.1:{port}/api/v1/health", requests.ConnectionError
            )
            assert _refused(
                http, f"https://127.0.0.1:{port}/api/v1/health", requests.exceptions.SSLError
            )
    finally:
        # As CentralProcess.stop: uvicorn waits for connections the client process still
        # holds (requests keeps them in its response and exception objects), so SIGKILL.
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def test_a_websocket_upgrade_is_answered_as_plain_http(tmp_path: Path) -> None:
    """Central has no WebSocket routes, so uvicorn runs without a WebSocket protocol: an
    upgrade request gets an ordinary answer (no 101), and central keeps serving."""
    from central.testing import CentralProcess

    with CentralProcess(tmp_path) as central:
        central.start()
        headers = {
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        }
        with requests.Session() as http:
            answer = http.get(f"{central.url}/api/v1/health", headers=headers, timeout=10)
            assert answer.status_code == 200 and answer.json()["status"] == "ok"
            assert http.get(f"{central.url}/api/v1/health", timeout=10).status_code == 200
