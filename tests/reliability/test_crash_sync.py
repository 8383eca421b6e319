"""SIGKILL the terminal at random moments while it accepts and syncs; nothing is lost or doubled.

``KIOSK_CRASH_KILLS`` sets the number of kills (default 30).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.store import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import recover
from kiosk.sync.runner import SyncRunner
from kiosk.sync.status import sync_status

KILLS = int(os.environ.get("KIOSK_CRASH_KILLS", "30"))
CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]


def printed_receipts(path: Path) -> list[str]:
    if not path.exists():
        return []
    # A kill may tear the last line: only complete lines were "printed".
    return [line for line in path.read_text().split("\n")[:-1] if line]


def run_child_and_kill(args: list[str], rng: random.Random) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until "ready" (or EOF if the child died)
        assert line.strip() == b"ready", "child did not start"
        time.sleep(rng.uniform(0.0, 0.25))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.timeout(max(120, KILLS * 3))
def test_kills_during_submit_and_sync_lose_and_double_nothing(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("KIOSK_CRASH_SEED", "20240601")))
    data = tmp_path / "terminal"
    data.mkdir()
    printed = data / "printed.txt"
    with CentralProcess(tmp_path) as central:
        secret = central.add_terminal("TC1")
        central.start()
        for n in range(KILLS):
            args = [str(data), central.url, "TC1", secret, str(printed), str(n)]
            run_child_and_kill(args, rng)

        store = Store(data / "kiosk.db")
        try:
            recover(store)
            client = CentralClient(central.url, Credentials("TC1", secret.encode()))
            runner = SyncRunner(
                store, client, FieldCipher.for_data_dir(data), backoff=Backoff(0.01, 0.05)
            )
            deadline = time.monotonic() + 60
            while sync_status(store).pending and time.monotonic() < deadline:
                runner.drain()
                time.sleep(0.05)
            status = sync_status(store)
            with store.session() as s:
                local = [r[0] for r in s.execute(text("SELECT receipt_no FROM submission"))]
                unlinked = s.execute(
                    text("SELECT count(*) FROM submission WHERE case_no IS NULL")
                ).scalar()
            integrity = store.integrity_check()
        finally:
            store.close()
        with sqlite3.connect(central.db_path) as conn:
            bodies = conn.execute(
                "SELECT body FROM intake_item WHERE terminal_id='TC1' AND kind='submission'"
            ).fetchall()
    at_central = Counter(json.loads(b[0])["receipt_no"] for b in bodies)
    receipts = printed_receipts(printed)

    assert receipts, "no receipt was printed: the kills came too early to test anything"
    assert (status.pending, status.sending, status.dead) == (0, 0, 0)
    assert integrity == "ok"
    assert set(receipts) <= set(local)  # printed only after commit
    assert all(at_central[r] == 1 for r in receipts)  # every printed receipt exactly once
    assert set(at_central) == set(local) and max(at_central.values()) == 1
    assert unlinked == 0
