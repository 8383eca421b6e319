"""A database that does not answer in time is a 503 with ``Retry-After``, never a 500.

Central on a private PostgreSQL cluster with a 300 ms statement timeout; the test holds a
table lock from its own connection so central's statement waits past the timeout, first in
the signature check (the nonce's table), then in the request's work (the idempotency
table). The terminal's client reads both as "busy, come back", and once the lock is gone the
same request goes through exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from central.testing import CentralProcess
from kiosk.contract import TicketRequest
from kiosk.sync.client import TransientError
from tests.integration.services_env import client_for

pytestmark = [pytest.mark.pg, pytest.mark.slow, pytest.mark.timeout(180)]


@pytest.fixture
def central(pg_url: str, tmp_path: Path) -> Iterator[CentralProcess]:
    proc = CentralProcess(
        tmp_path,
        db_url=pg_url,
        seal_key_file=tmp_path / "seal.key",
        extra_args=["--db-statement-timeout-ms", "300"],
    )
    with proc:
        yield proc


def _locked(url: str, table: str) -> psycopg.Connection:
    """A connection holding ``table`` locked against every write until it is closed."""
    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
    conn.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
    return conn


@pytest.mark.parametrize("table", ["seen_signature", "idempotency_record"])
def test_a_statement_waiting_past_the_timeout_is_a_503_and_the_retry_goes_through_once(
    central: CentralProcess, pg_url: str, table: str
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = client_for(central.url, "T01", secret)
    key = uuid.uuid4().hex
    request = TicketRequest(ticket_id=key, queue="A")
    lock = _locked(pg_url, table)
    try:
        with pytest.raises(TransientError) as busy:
            client.take_ticket(request, key)
    finally:
        lock.close()
    assert (busy.value.status, busy.value.reason) == (503, "server_busy")
    assert busy.value.retry_after_s == 2
    ticket = client.take_ticket(request, key)
    again = client.take_ticket(request, key)
    assert ticket.number == again.number == 1
    client.close()
    log = (central.workdir / "central.log").read_text(errors="replace")
    assert "the database did not answer (QueryCanceled)" in log
    assert "Traceback" not in log
