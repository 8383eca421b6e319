"""Issue #20 items 1 (central half), 4, 5 and 10: what central's 401s say, replay protection,
the body limit, and authentication before the body is parsed. Real HTTP on 127.0.0.1."""

from __future__ import annotations

import email.utils
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from requests_http_signature import HTTPSignatureAuth, algorithms

from central.auth import add_terminal
from kiosk.contract import API_PREFIX
from kiosk.sync.client import CentralClient, Credentials
from tests.integration.central_server import CentralServer
from tests.sample_submissions import sample_submission

LIMIT = 256 * 1024


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path, max_body_bytes=LIMIT) as srv:
        yield srv


@pytest.fixture
def secret(server: CentralServer) -> str:
    return add_terminal(server.db, "T01", "H0001")


def _signer(secret: str, *, nonce: bool = True, label: str | None = None) -> HTTPSignatureAuth:
    return HTTPSignatureAuth(
        signature_algorithm=algorithms.HMAC_SHA256,
        key=secret.encode(),
        key_id="T01",
        covered_component_ids=("@method", "@path", "@query"),
        use_nonce=nonce,
        label=label,
    )


def _signed(
    server: CentralServer, auth: HTTPSignatureAuth, method: str, path: str, body: bytes = b""
) -> requests.PreparedRequest:
    req = requests.Request(
        method,
        f"{server.url}{API_PREFIX}{path}",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": "key-authtest"},
    ).prepare()
    auth(req)
    return req


def _send(req: requests.PreparedRequest) -> requests.Response:
    with requests.Session() as http:
        return http.send(req, timeout=10)


def _refusal(reply: requests.Response, reason: str) -> None:
    """A 401 that names ``reason`` and tells central's time (header and body)."""
    assert reply.status_code == 401, reply.text
    body = reply.json()
    assert body["detail"] == reason and body["reason"] == reason
    assert reply.headers["WWW-Authenticate"].startswith("Signature")
    told = email.utils.parsedate_to_datetime(reply.headers["Date"])
    assert abs((told - datetime.now(UTC)).total_seconds()) < 5
    server_time = datetime.fromisoformat(body["server_time"])
    assert server_time.tzinfo is not None
    assert abs((server_time - datetime.now(UTC)).total_seconds()) < 5


def test_every_refusal_names_its_reason_and_central_time(
    server: CentralServer, secret: str
) -> None:
    _refusal(requests.get(f"{server.url}{API_PREFIX}/catalog/delta?since=0", timeout=5), "unsigned")

    wrong = CentralClient(server.url, Credentials("T01", b"not-the-secret"))
    req = _signed(server, wrong._auth, "GET", "/catalog/delta?since=0")
    _refusal(_send(req), "bad_signature")

    nobody = CentralClient(server.url, Credentials("T99", secret.encode()))
    _refusal(
        _send(_signed(server, nobody._auth, "GET", "/catalog/delta?since=0")), "unknown_terminal"
    )

    body = sample_submission("R1").model_dump_json().encode()
    req = _signed(server, _signer(secret), "POST", "/intake/submission", body)
    req.body = body.replace(b"R1", b"R9")  # swapped body, signature and digest header intact
    _refusal(_send(req), "bad_digest")

    late = CentralClient(server.url, Credentials("T01", secret.encode()))
    late._auth.offset_s = -400
    _refusal(_send(_signed(server, late._auth, "GET", "/catalog/delta?since=0")), "stale")

    early = CentralClient(server.url, Credentials("T01", secret.encode()))
    early._auth.offset_s = 120
    _refusal(_send(_signed(server, early._auth, "GET", "/catalog/delta?since=0")), "future")

    req = _signed(server, _signer(secret), "GET", "/catalog/delta?since=0")
    assert _send(req).status_code == 200
    _refusal(_send(req), "replayed")


def test_a_signature_without_a_nonce_is_refused(server: CentralServer, secret: str) -> None:
    req = _signed(server, _signer(secret, nonce=False), "GET", "/catalog/delta?since=0")
    _refusal(_send(req), "missing_nonce")
    # Renaming the (unsigned) label used to make such a replay look new.
    for name in ("Signature", "Signature-Input"):
        req.headers[name] = req.headers[name].replace("pyhms=", "other=", 1)
    _refusal(_send(req), "missing_nonce")


def test_a_signature_without_created_is_refused(server: CentralServer, secret: str) -> None:
    req = _signed(server, _signer(secret), "GET", "/catalog/delta?since=0")
    sig_input = req.headers["Signature-Input"]
    start = sig_input.index(";created=")
    end = sig_input.index(";", start + 1)
    req.headers["Signature-Input"] = sig_input[:start] + sig_input[end:]
    _refusal(_send(req), "missing_created")


def test_an_unsigned_body_is_not_parsed(server: CentralServer) -> None:
    reply = requests.post(
        f"{server.url}{API_PREFIX}/intake/batch",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
        timeout=5,
    )
    _refusal(reply, "unsigned")


def _raw_request(server: CentralServer, head: bytes, body: bytes = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(head + body)
        sock.settimeout(5)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass
        return answer


def test_a_declared_oversize_body_is_refused_before_it_is_read(server: CentralServer) -> None:
    head = (
        f"POST {API_PREFIX}/intake/batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: 62914560\r\n\r\n"
    ).encode()
    started = time.monotonic()
    answer = _raw_request(server, head, b"{")  # 60 MiB announced, 1 byte sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:80]
    assert time.monotonic() - started < 4


def test_a_chunked_oversize_body_is_cut_off(server: CentralServer) -> None:
    sent = {"bytes": 0}

    def chunks() -> Iterator[bytes]:
        block = b"x" * 65536
        for _ in range(64):  # 4 MiB, well past the limit
            sent["bytes"] += len(block)
            yield block

    try:
        reply = requests.post(f"{server.url}{API_PREFIX}/intake/batch", data=chunks(), timeout=10)
    except requests.ConnectionError:
        return  # central answered and closed while we were still sending: also a refusal
    assert reply.status_code == 413
    assert reply.json()["detail"] == "body_too_large"


def test_staff_and_signed_routes_share_the_limit(server: CentralServer) -> None:
    reply = server.staff("PUT", "/catalog", {"items": [], "removed": ["x" * LIMIT]})
    assert reply.status_code == 413
