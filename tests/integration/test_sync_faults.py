"""Sync through a fault-injecting proxy: everything drains once, rejected items stay dead."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.contract import BatchItem, IntakeKind
from kiosk.store import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import enqueue
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status
from tests.central_ledger import intake_bodies
from tests.integration.faultproxy import FaultProxy
from tests.sample_submissions import accept_submission, sample_submission
from tests.waiting import wait_for

FAULTS = ["slow_after", "reset_before", "500_before", "503_after", "429", "reset_after"]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralProcess]:
    proc = CentralProcess(tmp_path_factory.mktemp("central"))
    proc.start()
    yield proc
    proc.stop()


def runner_via(url: str, store: Store, tid: str, secret: str, batch: int = 5) -> SyncRunner:
    client = CentralClient(url, Credentials(tid, secret.encode()), timeout=(1.0, 1.0))
    return SyncRunner(
        store,
        client,
        FieldCipher.for_data_dir(store.path.parent),
        batch_size=batch,
        backoff=Backoff(base_s=0.05, cap_s=0.3),
        rng=random.Random(7),
    )


def run_until_settled(runner: SyncRunner, store: Store) -> None:
    def settled() -> bool:
        runner.send_due()
        st = sync_status(store)
        return st.pending == 0 and st.sending == 0

    wait_for(settled, "the outbox settles")


def receipts_at_central(central: CentralProcess, tid: str) -> list[str]:
    bodies = intake_bodies(central, kind="submission", terminal_id=tid)
    return [b["receipt_no"] for b in bodies]


def test_every_fault_is_survived_and_central_holds_each_item_once(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("TF1")
    for i in range(30):
        accept_submission(store, sample_submission(f"F{i:02d}", terminal_id="TF1"))
    with FaultProxy(central.url, FAULTS * 2, slow_s=1.5) as proxy:
        run_until_settled(runner_via(proxy.url, store, "TF1", secret), store)
    st = sync_status(store)
    assert (st.sent, st.dead) == (30, 0)
    receipts = receipts_at_central(central, "TF1")
    assert sorted(receipts) == [f"F{i:02d}" for i in range(30)]  # each exactly once
    # Faults after commit made the terminal resend items central already had: absorbed.
    assert any(b'"replayed":true' in body for _a, body, _s in proxy.log)
    with store.session() as s:
        missing = s.execute(text("SELECT count(*) FROM submission WHERE case_no IS NULL")).scalar()
    assert missing == 0


def test_an_item_refused_with_422_is_dead_lettered_and_not_retried(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("TF2")
    for i in range(6):
        accept_submission(store, sample_submission(f"G{i}", terminal_id="TF2"))
    with store.session() as s:
        bad_key = s.execute(text("SELECT idempotency_key FROM outbox WHERE id=3")).scalar()
    with FaultProxy(central.url, []) as proxy:
        proxy.refuse_key = bad_key
        runner = runner_via(proxy.url, store, "TF2", secret, batch=10)
        run_until_settled(runner, store)
        tries = sum(1 for _a, body, _s in proxy.log if bad_key.encode() in body)
        for _ in range(5):
            runner.send_due()
        assert sum(1 for _a, body, _s in proxy.log if bad_key.encode() in body) == tries
    st = sync_status(store)
    assert (st.sent, st.dead) == (5, 1)
    with store.session() as s:
        state, error, attempts = s.execute(
            text("SELECT state, last_error, attempts FROM outbox WHERE id=3")
        ).one()
    assert state == "dead" and "422" in error and attempts == 1


def test_a_key_reused_with_another_body_is_dead_lettered_by_central(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("TF3")
    client = CentralClient(central.url, Credentials("TF3", secret.encode()))
    first = sample_submission("H1", terminal_id="TF3")
    client.send_batch(
        [
            BatchItem(
                key="key-reused-1", kind=IntakeKind.SUBMISSION, body=first.model_dump(mode="json")
            )
        ]
    )
    with store.session(write=True) as s:
        enqueue(s, "submission", sample_submission("H2", terminal_id="TF3"), key="key-reused-1")
    run_until_settled(runner_via(central.url, store, "TF3", secret), store)
    assert sync_status(store).dead == 1
    assert receipts_at_central(central, "TF3") == ["H1"]


def test_a_terminal_with_a_wrong_secret_keeps_its_items_and_does_not_hammer(
    central: CentralProcess, store: Store
) -> None:
    # Issue #20, item 1: a 401 is the terminal's problem, not the items'. They stay queued
    # and the whole outbox backs off (30 s and more), so central sees one request.
    central.add_terminal("TF4")
    accept_submission(store, sample_submission("W1", terminal_id="TF4"))
    accept_submission(store, sample_submission("W2", terminal_id="TF4"))
    runner = runner_via(central.url, store, "TF4", "wrong-secret")
    deadline = time.monotonic() + 2
    refused = 0
    while time.monotonic() < deadline:
        refused += runner.send_due().auth_failed
        time.sleep(0.05)
    with store.session() as s:
        errors = [r[0] for r in s.execute(text("SELECT last_error FROM outbox"))]
    st = sync_status(store)
    assert (st.pending, st.dead) == (2, 0) and all(e.startswith("auth: ") for e in errors)
    assert refused == 1  # one refused batch, then the whole outbox backs off
    assert st.auth_failure is not None and st.auth_failure["count"] == 1
    assert receipts_at_central(central, "TF4") == []
