"""``kiosk-central --workers N``: several processes on one port and one PostgreSQL database.

Real subprocesses on 127.0.0.1; which worker holds a connection is read from ``/proc``
(:mod:`tests.integration.procnet`), so the cross-worker cases are reached on purpose.
"""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from alembic import command
from sqlalchemy import create_engine, text

from central.schema import FIRST_REVISION, alembic_config
from central.testing import CentralProcess, children_of, free_port
from kiosk.contract import BatchItem, TicketRequest
from kiosk.sync.client import Credentials, signing_auth
from tests.integration.procnet import pinned_connections, workers_connected_to
from tests.integration.services_env import client_for
from tests.pg import PgCluster
from tests.sample_submissions import sample_submission

pytestmark = [pytest.mark.pg, pytest.mark.slow, pytest.mark.timeout(240)]

WORKERS = 2
TERMINALS = 6
TICKETS_EACH = 12
SUBMISSIONS_EACH = 4


@pytest.fixture
def central(pg_url: str, tmp_path: Path) -> Iterator[CentralProcess]:
    proc = CentralProcess(
        tmp_path, db_url=pg_url, seal_key_file=tmp_path / "seal.key", workers=WORKERS
    )
    with proc:
        yield proc


def _rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_concurrent_terminals_get_unique_numbers_and_every_submission_once(
    central: CentralProcess, pg_url: str, pg_cluster: PgCluster
) -> None:
    secrets = {f"W{i:02d}": central.add_terminal(f"W{i:02d}") for i in range(TERMINALS)}
    central.start()
    workers = central.worker_pids()
    assert len(workers) == WORKERS
    numbers: list[int] = []
    acks: dict[str, list[str]] = {}  # idempotency key -> case numbers acknowledged
    errors: list[str] = []
    lock = threading.Lock()
    go = threading.Barrier(TERMINALS)

    def terminal(tid: str) -> None:
        client = client_for(central.url, tid, secrets[tid])
        try:
            go.wait()
            for i in range(TICKETS_EACH):
                key = uuid.uuid4().hex
                got = client.take_ticket(TicketRequest(ticket_id=key, queue="A"), key)
                with lock:
                    numbers.append(got.number)
                if i % 3 == 0:
                    key = uuid.uuid4().hex
                    sub = sample_submission(f"R-{tid}-{i}", terminal_id=tid)
                    body = json.loads(sub.model_dump_json())
                    answer = client.send_batch([BatchItem(key=key, kind="submission", body=body)])
                    (result,) = answer.results
                    assert result.status in (200, 201), result
                    assert result.ack is not None and result.ack.case_no
                    with lock:
                        acks.setdefault(key, []).append(result.ack.case_no)
        except Exception as exc:  # reported below, with the terminal
            errors.append(f"{tid}: {type(exc).__name__}: {exc}")
        finally:
            client.close()

    threads = [threading.Thread(target=terminal, args=(t,)) for t in secrets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    assert errors == []
    # Both workers served: each holds connections to the database.
    assert workers_connected_to(workers, pg_cluster.port) == set(workers)

    assert len(numbers) == TERMINALS * TICKETS_EACH
    assert sorted(numbers) == list(range(1, len(numbers) + 1)), "a number twice or skipped"
    stored = _rows(pg_url, "SELECT number FROM ticket WHERE queue = 'A'")
    assert sorted(n for (n,) in stored) == sorted(numbers)
    assert len(acks) == TERMINALS * SUBMISSIONS_EACH
    assert all(len(cases) == 1 for cases in acks.values()), "a submission acknowledged twice"
    cases = [c for (c,) in _rows(pg_url, "SELECT case_no FROM case_record")]
    assert len(cases) == len(set(cases)) == len(acks), "case numbers not one per submission"
    assert sorted(cases) == sorted(c for found in acks.values() for c in found)
    ledger = _rows(pg_url, "SELECT key FROM intake_item WHERE kind = 'submission'")
    assert sorted(k for (k,) in ledger) == sorted(acks), "an acknowledged submission missing"


def _signed(url: str, tid: str, secret: str) -> requests.PreparedRequest:
    request = requests.Request(
        "POST",
        f"{url}/api/v1/queue/tickets",
        data=TicketRequest(ticket_id=uuid.uuid4().hex, queue="B").model_dump_json().encode(),
        headers={"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex},
    ).prepare()
    signing_auth(Credentials(tid, secret.encode()))(request)
    return request


def _send(conn: http.client.HTTPConnection, request: requests.PreparedRequest) -> tuple[int, str]:
    target = request.path_url
    body = request.body if isinstance(request.body, bytes) else None
    conn.request(request.method or "GET", target, body=body, headers=dict(request.headers))
    reply = conn.getresponse()
    return reply.status, reply.read().decode()


def test_a_replayed_signed_request_is_refused_by_another_worker(central: CentralProcess) -> None:
    secret = central.add_terminal("W90")
    central.start()
    pinned = pinned_connections(central.worker_pids(), central.port)
    first, other = list(pinned.values())[:2]
    request = _signed(central.url, "W90", secret)

    status, _ = _send(first, request)
    assert status == 201
    status, body = _send(other, request)  # the very same bytes, to the other worker
    assert status == 401
    assert json.loads(body)["reason"] == "replayed"
    # And back on the first worker too; a freshly signed request still passes on either.
    assert _send(first, request)[0] == 401
    assert _send(other, _signed(central.url, "W90", secret))[0] == 201
    for conn in pinned.values():
        conn.close()


def _staff(conn: http.client.HTTPConnection, token: str, method: str, path: str, body: object):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    conn.request(method, f"/api/v1/staff{path}", body=json.dumps(body), headers=headers)
    reply = conn.getresponse()
    data = reply.read()
    assert reply.status == 200, data
    return json.loads(data)


def _next_event(reply: http.client.HTTPResponse) -> dict[str, object]:
    while True:
        line = reply.readline()
        assert line, "the display stream ended"
        if line.startswith(b"data: "):
            return dict(json.loads(line[6:]))


def test_a_call_on_one_worker_reaches_displays_on_every_worker(central: CentralProcess) -> None:
    secret = central.add_terminal("W91")
    central.start()
    client = client_for(central.url, "W91", secret)
    key = uuid.uuid4().hex
    ticket = client.take_ticket(TicketRequest(ticket_id=key, queue="A"), key)
    client.close()
    streams = pinned_connections(central.worker_pids(), central.port)
    staff = pinned_connections(central.worker_pids(), central.port)
    replies = {}
    for pid, conn in streams.items():
        conn.request("GET", "/hall/H0001/display/events")
        replies[pid] = conn.getresponse()
        assert replies[pid].status == 200
        _next_event(replies[pid])  # the state at once
    caller, _ = sorted(staff.items())[0]
    token = central.staff_token
    _staff(staff[caller], token, "PUT", "/halls/H0001/windows/1", {"queues": ["A"]})
    started = time.monotonic()
    called = _staff(staff[caller], token, "POST", "/halls/H0001/windows/1/call-next", {})
    assert called["call"]["display"] == ticket.display

    for pid, reply in replies.items():
        while True:  # the window's own change may come first; then the call
            event = json.dumps(_next_event(reply), ensure_ascii=False)
            if ticket.display in event:
                break
        assert time.monotonic() - started < 3, f"worker {pid} showed the call late"
    for conn in [*streams.values(), *staff.values()]:
        conn.close()


def test_sigterm_stops_the_parent_and_every_worker_and_no_secret_is_exposed(
    central: CentralProcess,
) -> None:
    central.start()
    assert len(central.worker_pids()) == WORKERS
    assert central.pid is not None
    workers = children_of(central.pid)  # and any helper process of theirs
    for pid in [central.pid, *workers]:  # the token and keys travel as file paths only
        seen = Path(f"/proc/{pid}/environ").read_bytes() + Path(f"/proc/{pid}/cmdline").read_bytes()
        assert central.staff_token.encode() not in seen
        assert central.id_hash_key_path.read_bytes() not in seen

    central.signal(signal.SIGTERM)

    assert central.wait(timeout=20) == 0
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == [], "orphan workers"
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{central.url}/api/v1/health", timeout=2)


def test_workers_refuse_to_start_on_a_schema_behind_and_start_none(
    pg_url: str, tmp_path: Path
) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), FIRST_REVISION)
    engine.dispose()
    cmd = [sys.executable, "-m", "central", "--db", pg_url, "--port", str(free_port())]
    cmd += ["--seal-key-file", str(tmp_path / "seal.key"), "--workers", "3"]
    cmd += ["--id-hash-key-file", str(tmp_path / "id_hash.key")]

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)

    assert done.returncode == 3
    assert "kiosk-central migrate" in done.stderr
    assert "Started server process" not in done.stderr, "a worker started"
    assert _rows(pg_url, "SELECT version_num FROM alembic_version") == [(FIRST_REVISION,)]
