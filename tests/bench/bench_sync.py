"""Drain 5,000 queued submissions into kiosk-central on loopback; compare with bare POSTs.

Design: the worker sends batches (``POST /api/v1/intake/batch``, 200 items, one idempotency
key per item), because one signed request per item would spend most of the time on HTTP and
per-request signature checks. The baseline is therefore the same thing without the terminal:
a bare ``requests.Session`` loop POSTing the same 200-item batches (same payloads, fresh keys,
signed — central refuses unsigned calls) to the same server. ``ratio`` = worker / baseline.
Prints ONE JSON line.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from central.testing import CentralProcess  # noqa: E402
from kiosk.contract import API_PREFIX, BatchItem, BatchRequest, IntakeKind  # noqa: E402
from kiosk.store import Store  # noqa: E402
from kiosk.sync.client import CentralClient, Credentials  # noqa: E402
from kiosk.sync.crypto import FieldCipher  # noqa: E402
from kiosk.sync.outbox import enqueue  # noqa: E402
from kiosk.sync.runner import SyncRunner  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402
from tests.sample_submissions import sample_submission  # noqa: E402

N = 5000
BATCH = 200


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with CentralProcess(work) as central:
            secret = central.add_terminal("TB1")
            base_secret = central.add_terminal("TB2")
            central.start()
            subs = [sample_submission(f"B{i:05d}", terminal_id="TB1") for i in range(N)]

            store = Store(work / "kiosk.db")
            cipher = FieldCipher.for_data_dir(work)
            with store.session(write=True) as s:
                for sub in subs:
                    enqueue(s, "submission", sub, cipher=cipher)

            # Baseline first (it then faces the smaller database: conservative for the ratio).
            base = CentralClient(central.url, Credentials("TB2", base_secret.encode()))
            http = requests.Session()
            bodies = [sub.model_dump(mode="json") for sub in subs]
            started = time.perf_counter()
            for i in range(0, N, BATCH):
                items = [
                    BatchItem(key=uuid.uuid4().hex, kind=IntakeKind.SUBMISSION, body=b)
                    for b in bodies[i : i + BATCH]
                ]
                reply = http.post(
                    f"{central.url}{API_PREFIX}/intake/batch",
                    data=BatchRequest(items=items).model_dump_json().encode(),
                    headers={"Content-Type": "application/json"},
                    auth=base._auth,
                    timeout=60,
                )
                reply.raise_for_status()
            baseline_s = time.perf_counter() - started

            client = CentralClient(
                central.url, Credentials("TB1", secret.encode()), timeout=(3, 60)
            )
            runner = SyncRunner(store, client, cipher, batch_size=BATCH)
            started = time.perf_counter()
            result = runner.drain()
            seconds = time.perf_counter() - started
            store.close()
            if result.sent != N:
                print(json.dumps({"error": f"sent {result.sent} of {N}"}))
                return 1
    per_second = N / seconds
    baseline = N / baseline_s
    line: dict[str, object] = {
        "submissions": N,
        "seconds": round(seconds, 3),
        "per_second": round(per_second, 1),
        "baseline_per_second": round(baseline, 1),
        "ratio": round(per_second / baseline, 3),
        "batch_size": BATCH,
    }
    # No target set for this one yet: the line says so with empty targets.
    print(json.dumps(line | verdict(line, {})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
