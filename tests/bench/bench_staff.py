"""Benchmark: staff PIN check (scrypt) and audit log reads, on a real SQLite file.

Prints ONE JSON line: median and max ms of a right-PIN verify and of a wrong-PIN verify (the
staff screen waits this long, off the GUI thread), audit insert rate, and the time to read the
newest 1,000 of 20,000 audit entries (``kioskctl audit``).
Target: verify < 250 ms on the kiosk board; "targets" and "pass" in the line.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.staff import StaffAccess  # noqa: E402
from kiosk.store import Store  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402

PIN = "480913"


def _timed_ms(call: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "kiosk.db")
        try:
            access = StaffAccess(store)
            access.set_pin(PIN, "bench")
            right = _timed_ms(lambda: access.verify(PIN), 10)
            wrong = []
            for _ in range(3):  # stay below the lockout
                wrong += _timed_ms(lambda: access.verify("135792"), 1)
            access.verify(PIN)
            start = time.perf_counter()
            for i in range(20_000):
                access.audit("staff", "bench", f"n={i}")
            insert_s = time.perf_counter() - start
            read = _timed_ms(lambda: access.entries(limit=1000), 5)
        finally:
            store.close()
    result: dict[str, object] = {
        "bench": "staff",
        "verify_right_ms_median": round(statistics.median(right), 1),
        "verify_right_ms_max": round(max(right), 1),
        "verify_wrong_ms_median": round(statistics.median(wrong), 1),
        "audit_inserts_per_s": round(20_000 / insert_s),
        "audit_read_1000_of_20000_ms_median": round(statistics.median(read), 1),
    }
    print(
        json.dumps(
            result | verdict(result, {"verify_right_ms_median": 250, "verify_wrong_ms_median": 250})
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
