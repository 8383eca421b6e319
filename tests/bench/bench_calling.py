"""Eight windows call while eight terminals take tickets, against kiosk-central on loopback.

For ``KIOSK_BENCH_CALLING_S`` seconds (default 60) eight terminal threads each take a ticket
every 0.3-1.0 s (signed, as terminals do) and eight window threads call the next ticket,
"serve" it for 0.3-1.5 s and finish it (one in ten is 过号 instead). A ninth thread watches
the hall display's event stream. The latency of a call is from the moment its window sent
``call-next`` to the moment the display's stream carried it (as a current call or among the
last calls). Afterwards central's database is checked: every ticket taken is there once, was
called at most once, and is either called or still waiting.

Target: display p95 <= 500 ms, 0 tickets called twice, 0 lost. Prints ONE JSON line (``ok``
says whether every target was met); exits 1 only when a ticket was lost or called twice.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from central.testing import CentralProcess  # noqa: E402
from kiosk.contract import TicketRequest  # noqa: E402
from kiosk.sync.client import CentralClient, Credentials  # noqa: E402
from tests.bench.timing import verdict  # noqa: E402

DURATION_S = float(os.environ.get("KIOSK_BENCH_CALLING_S", "60"))
WINDOWS = 8
TERMINALS = 8
TARGET_P95_MS = 500


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    stop = threading.Event()
    taken: list[str] = []
    calls: dict[str, float] = {}  # ticket id -> when its call-next was sent
    answered: dict[str, float] = {}  # ticket id -> when central's answer to call-next came
    seen: dict[str, float] = {}  # key -> when the display stream carried it
    errors: list[str] = []
    answers_seen: list[str] = []
    lock = threading.Lock()
    with tempfile.TemporaryDirectory() as tmp, CentralProcess(Path(tmp)) as central:
        secrets = {f"TC{i}": central.add_terminal(f"TC{i}") for i in range(TERMINALS)}
        central.start()
        for no in range(1, WINDOWS + 1):
            queues = ["B", "A"] if no % 4 == 0 else ["A", "B"]
            central.staff("PUT", f"/halls/H0001/windows/{no}", {"queues": queues})
        staff = {"Authorization": f"Bearer {central.staff_token}"}
        day = datetime.now(UTC).astimezone().date()

        def terminal(terminal_id: str, secret: str, seed: int) -> None:
            rng = random.Random(seed)
            client = CentralClient(central.url, Credentials(terminal_id, secret.encode()))
            try:
                while not stop.is_set():
                    ticket_id = uuid.uuid4().hex
                    queue = "A" if rng.random() < 0.7 else "B"
                    request = TicketRequest(ticket_id=ticket_id, queue=queue, day=day)
                    client.take_ticket(request, ticket_id)
                    with lock:
                        taken.append(ticket_id)
                    stop.wait(rng.uniform(0.3, 1.0))
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(f"terminal {terminal_id}: {exc!r}")
            finally:
                client.close()

        def window(no: int, seed: int) -> None:
            rng = random.Random(seed)
            http = requests.Session()
            base = f"{central.url}/api/v1/staff/halls/H0001"
            try:
                while not stop.is_set():
                    sent = time.monotonic()
                    reply = http.post(f"{base}/windows/{no}/call-next", headers=staff, timeout=10)
                    reply.raise_for_status()
                    call = reply.json()["call"]
                    if call is None:
                        stop.wait(0.2)
                        continue
                    key = call["ticket_id"]  # windows here never recall: one call a ticket
                    with lock:
                        answers_seen.append(key)
                        calls[key] = sent
                        answered[key] = time.monotonic()
                    stop.wait(rng.uniform(0.3, 1.5))
                    end = "no-show" if rng.random() < 0.1 else "finish"
                    http.post(f"{base}/calls/{call['ticket_id']}/{end}", headers=staff, timeout=10)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(f"window {no}: {exc!r}")
            finally:
                http.close()

        def display() -> None:
            url = f"{central.url}/hall/H0001/display/events"
            try:
                with requests.get(url, stream=True, timeout=(5, 30)) as reply:
                    for line in reply.iter_lines(decode_unicode=True):
                        if stop.is_set() and time.monotonic() > deadline + 2:
                            break
                        if not line or not line.startswith("data: "):
                            continue
                        now = time.monotonic()
                        state = json.loads(line[6:])
                        with lock:
                            for item in state["current"] + state["recent"]:
                                seen.setdefault(item["key"].split(":", 1)[0], now)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                if not stop.is_set():  # central going away at the end is not an error
                    errors.append(f"display: {exc!r}")

        deadline = time.monotonic() + DURATION_S
        threads = [threading.Thread(target=display, daemon=True)]
        threads += [
            threading.Thread(target=terminal, args=(tid, sec, i), daemon=True)
            for i, (tid, sec) in enumerate(secrets.items())
        ]
        threads += [
            threading.Thread(target=window, args=(no, 100 + no), daemon=True)
            for no in range(1, WINDOWS + 1)
        ]
        for t in threads:
            t.start()
        time.sleep(DURATION_S)
        stop.set()
        for t in threads[1:]:
            t.join(30)
        time.sleep(1.0)  # the stream's last update
        threads[0].join(5)

        with sqlite3.connect(central.db_path) as db:
            rows = db.execute("SELECT ticket_id FROM ticket").fetchall()
            call_rows = db.execute("SELECT ticket_id, state FROM ticket_call").fetchall()
        in_db = [r[0] for r in rows]
        called_ids = [r[0] for r in call_rows]
        lost = len(set(taken) - set(in_db)) + (len(in_db) - len(set(in_db)))
        called_twice = len(called_ids) - len(set(called_ids))
        answered_twice = len(answers_seen) - len(calls)  # the same ticket handed to two windows

    latencies = [(seen[k] - sent) * 1000 for k, sent in calls.items() if k in seen]
    missed = sum(1 for k in calls if k not in seen)
    # Where the time goes: central answering the window, then the stream carrying it.
    answer_ms = [(answered[k] - sent) * 1000 for k, sent in calls.items()]
    stream_ms = [(seen[k] - answered[k]) * 1000 for k in calls if k in seen]
    p95 = percentile(latencies, 0.95)
    result = {
        "bench": "calling",
        "duration_s": DURATION_S,
        "windows": WINDOWS,
        "terminals": TERMINALS,
        "tickets": len(taken),
        "calls": len(calls),
        "display_p50_ms": round(percentile(latencies, 0.5), 1),
        "display_p95_ms": round(p95, 1),
        "display_max_ms": round(max(latencies), 1) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "call_answer_p95_ms": round(percentile(answer_ms, 0.95), 1),
        "stream_after_answer_p95_ms": round(percentile(stream_ms, 0.95), 1),
        "missed_on_display": missed,
        "called_twice": called_twice + answered_twice,
        "lost": lost,
        "errors": errors[:5],
        "target_p95_ms": TARGET_P95_MS,
    }
    correct = not (called_twice or answered_twice or lost or errors)
    result["ok"] = correct and p95 <= TARGET_P95_MS and not missed
    targets = {
        "display_p95_ms": TARGET_P95_MS,
        "called_twice": 0,
        "lost": 0,
        "missed_on_display": 0,
    }
    result |= verdict(result, targets)
    print(json.dumps(result, ensure_ascii=False))
    # A wrong answer fails `make bench`; a missed latency target is reported in the line.
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
