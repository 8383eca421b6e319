"""Child process of test_crash_sync: accepts submissions and syncs until it is killed.

Arguments: DATA_DIR CENTRAL_URL TERMINAL_ID SECRET PRINTED_FILE SEED. After each commit it
appends the receipt number to PRINTED_FILE (the printer stand-in: a receipt is printed only
after the commit). Prints "ready" once the worker runs.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from sqlalchemy import text

from kiosk.store import Store
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.runner import SyncRunner
from kiosk.sync.worker import SyncWorker, WorkerTimings
from tests.sample_submissions import accept_submission, sample_submission


def main() -> None:
    data_dir, url, terminal_id, secret, printed, seed = sys.argv[1:7]
    rng = random.Random(int(seed))
    store = Store(Path(data_dir) / "kiosk.db")
    cipher = FieldCipher.for_data_dir(Path(data_dir))
    client = CentralClient(url, Credentials(terminal_id, secret.encode()), timeout=(1.0, 2.0))
    runner = SyncRunner(
        store, client, cipher, batch_size=rng.randint(1, 20), backoff=Backoff(0.02, 0.2), rng=rng
    )
    worker = SyncWorker(runner, timings=WorkerTimings(poll_s=0.02, catalog_s=1e9, status_s=1e9))
    worker.start()
    with store.session() as s:
        n = int(s.execute(text("SELECT count(*) FROM submission")).scalar() or 0)
    print("ready", flush=True)
    with open(printed, "a", encoding="utf-8") as out:
        while True:
            receipt = f"C{n:06d}"
            accept_submission(store, sample_submission(receipt, terminal_id=terminal_id), cipher)
            out.write(receipt + "\n")
            out.flush()
            os.fsync(out.fileno())
            worker.notify()
            n += 1
            time.sleep(rng.uniform(0, 0.01))


if __name__ == "__main__":
    main()
