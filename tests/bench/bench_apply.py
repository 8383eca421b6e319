"""Time one terminal application end to end in the core: walk the flow, submit, queue receipt.

Each round walks :class:`kiosk.session.ApplySession` from choice to review and submits through
:class:`kiosk.services.submit.SubmitService` into a real SQLite file (one write transaction:
receipt number, submission row, sealed outbox item, receipt print job). The commitment is
signed with one signed PDF made before the rounds (making it is the sign page's work, on its
own step). Prints ONE JSON line: median and p95 milliseconds per application over ``N``
rounds.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.services.submit import SubmitService  # noqa: E402
from kiosk.store import Store  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402
from tests.unit.apply_helpers import walk_to_review  # noqa: E402

N = 200
VALUES = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "kiosk.db")
        svc = SubmitService(
            store, hall_id="H0001", terminal_id="T01", hall_name="示范", terminal_name="T01"
        )
        first = walk_to_review("HJ-004", VALUES, commit=True)
        signed = next(m.document for m in first.application().materials if m.document)
        times = []
        for _ in range(N):
            start = time.perf_counter()
            walk_to_review("HJ-004", VALUES, commit=True, signed=signed).submit(svc.submit)
            times.append((time.perf_counter() - start) * 1000)
        store.close()
    times.sort()
    result: dict[str, object] = {
        "bench": "apply_submit",
        "rounds": N,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(N * 0.95) - 1], 2),
    }
    # No target set for this one yet: the line says so with empty targets.
    print(json.dumps(result | verdict(result, {})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
