"""The reference central service over real HTTP on 127.0.0.1: signatures, idempotency, queue."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from central.db import IdempotencyRecord
from central.idempotency import body_hash
from demo.central import InProcessCentral
from kiosk.contract import API_PREFIX, TicketRequest
from kiosk.sync.client import CentralClient, Credentials, PermanentError
from tests.conftest import CentralDb
from tests.sample_submissions import sample_submission


@pytest.fixture
def central(tmp_path: Path, central_db: CentralDb) -> Iterator[InProcessCentral]:
    server = InProcessCentral(
        tmp_path, db_url=central_db.url, seal_key_file=central_db.seal_key_file
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def client(central: InProcessCentral) -> Iterator[CentralClient]:
    tid, secret = central.provision_terminal("T01", "H0001")
    c = CentralClient(central.url, Credentials(tid, secret.encode()))
    yield c
    c.close()


def post_submission(client: CentralClient, key: str, receipt: str) -> requests.Response:
    body = sample_submission(receipt).model_dump_json().encode()
    req = requests.Request(
        "POST",
        f"{client.base_url}{API_PREFIX}/intake/submission",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
    ).prepare()
    client._auth(req)
    return requests.Session().send(req, timeout=10)


def test_same_key_and_body_replays_the_first_answer(client: CentralClient) -> None:
    sub = sample_submission("R1")
    first = post_submission_model(client, "key-aaaaaaaa", sub)
    again = post_submission_model(client, "key-aaaaaaaa", sub)
    assert first.status_code == again.status_code == 201
    assert again.json()["case_no"] == first.json()["case_no"]
    assert again.headers.get("Idempotent-Replayed") == "true"


def test_same_key_with_another_body_is_refused_with_422(client: CentralClient) -> None:
    assert post_submission(client, "key-bbbbbbbb", "R1").status_code == 201
    assert post_submission(client, "key-bbbbbbbb", "R2").status_code == 422


def test_same_key_while_the_first_is_processing_answers_409(
    central: InProcessCentral, client: CentralClient
) -> None:
    sub = sample_submission("R1")
    db = central._app.state.db
    with db.session() as s:
        s.add(
            IdempotencyRecord(
                terminal_id="T01",
                key="key-cccccccc",
                scope="intake:submission",
                body_hash=body_hash(sub.model_dump(mode="json")),
                lease="someone-else",
            )
        )
    assert post_submission_model(client, "key-cccccccc", sub).status_code == 409


def test_unsigned_requests_are_refused_but_health_is_open(central: InProcessCentral) -> None:
    reply = requests.post(f"{central.url}{API_PREFIX}/intake/batch", json={"items": []}, timeout=5)
    assert reply.status_code == 401 and reply.json()["detail"] == "unsigned"
    assert requests.get(f"{central.url}{API_PREFIX}/health", timeout=5).ok


def test_a_wrong_secret_is_refused(central: InProcessCentral, client: CentralClient) -> None:
    impostor = CentralClient(central.url, Credentials("T01", b"not-the-secret"))
    with pytest.raises(PermanentError) as err:
        impostor.catalog_delta(0)
    assert err.value.status == 401
    unknown = CentralClient(central.url, Credentials("T99", b"whatever"))
    with pytest.raises(PermanentError):
        unknown.catalog_delta(0)


def test_a_stale_signature_is_refused(client: CentralClient) -> None:
    client._auth.offset_s = -400  # signed 6.5 minutes in the past
    with pytest.raises(PermanentError) as err:
        client.catalog_delta(0)
    assert err.value.status == 401 and "stale" in str(err.value)


def test_a_replayed_request_is_refused(client: CentralClient) -> None:
    req = requests.Request("GET", f"{client.base_url}{API_PREFIX}/catalog/delta?since=0").prepare()
    client._auth(req)
    http = requests.Session()
    assert http.send(req, timeout=5).status_code == 200
    again = http.send(req, timeout=5)
    assert again.status_code == 401 and again.json()["detail"] == "replayed"


def test_a_tampered_body_is_refused(client: CentralClient) -> None:
    body = sample_submission("R1").model_dump_json().encode()
    req = requests.Request(
        "POST",
        f"{client.base_url}{API_PREFIX}/intake/submission",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": "key-dddddddd"},
    ).prepare()
    client._auth(req)
    req.body = body.replace(b"R1", b"R9")
    assert requests.Session().send(req, timeout=5).status_code == 401


def test_queue_numbers_are_distinct_and_consecutive_across_terminals(
    central: InProcessCentral,
) -> None:
    clients = []
    for n in range(4):
        tid, secret = central.provision_terminal(f"T{n}", "H0001")
        clients.append(CentralClient(central.url, Credentials(tid, secret.encode())))
    numbers: list[int] = []
    lock = threading.Lock()

    def take(c: CentralClient) -> None:
        for _ in range(10):
            tid = uuid.uuid4().hex
            t = c.take_ticket(TicketRequest(ticket_id=tid, queue="B"), key=f"tk-{tid}")
            with lock:
                numbers.append(t.number)

    threads = [threading.Thread(target=take, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(numbers) == list(range(1, 41))


def test_staff_api_needs_the_staff_token(central: InProcessCentral) -> None:
    reply = requests.get(f"{central.url}{API_PREFIX}/staff/cases", timeout=5)
    assert reply.status_code == 403


def test_openapi_documents_every_outbox_kind(central: InProcessCentral) -> None:
    doc = central._app.openapi()  # not served over HTTP unless the deployer asks (public_docs)
    schemas = doc["components"]["schemas"]
    for name in ("Submission", "TicketRecord", "AppointmentCheckIn", "Evaluation", "Complaint"):
        assert name in schemas
    assert "ConsultationQuestion" in schemas and "CatalogDelta" in schemas
    assert f"{API_PREFIX}/intake/batch" in doc["paths"]


def post_submission_model(client: CentralClient, key: str, sub: object) -> requests.Response:
    body = sub.model_dump_json().encode()  # type: ignore[attr-defined]
    req = requests.Request(
        "POST",
        f"{client.base_url}{API_PREFIX}/intake/submission",
        data=body,
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
    ).prepare()
    client._auth(req)
    return requests.Session().send(req, timeout=10)
