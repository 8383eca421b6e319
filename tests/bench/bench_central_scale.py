"""Central at city scale (issue #19): many signed terminals, mixed load. Prints ONE JSON line.

The same load runs twice in one run: against ``kiosk-central --workers 4`` on a private
PostgreSQL 15 cluster (:mod:`tests.pg`) and against one process on SQLite. 500 simulated
terminals (25 halls) are coroutines sharing 64 connections, split over 8 ``httpx.AsyncClient``
pools (one pool of 64 cost the load generator most of a core: see :func:`load`); each request
is signed exactly as a terminal signs (:func:`kiosk.sync.client.signing_auth`).
Each terminal, without pause: takes a ticket (60 %), submits an application (25 %) or looks
up the status of its cases (15 %), for 60 s. That saturates central: its requests per second
are its capacity (the ratio compares them), and its latencies are mostly the queue in front of
a saturated server (with 64 requests always in flight, p95 is about 64 / capacity).

Then a paced phase against the same server: the same terminals and mix, each waiting a random
think time (exponential, mean BENCH_SCALE_PACE_S = 10 s: a terminal busy all day) before each
request, for BENCH_SCALE_PACED_SECONDS (30). Its latencies are what a terminal sees at a busy
hour's load, below capacity; both phases' p95 are reported and checked against the target.

Latency is one request's time on a pooled connection (taking the connection is not timed:
with a bounded pool and 500 terminals, waiting for one is the load generator's queue, not
central's). Afterwards the database is read: ticket numbers handed out twice (``duplicates``,
from the database and from the answers) and acknowledged submissions missing (``lost``).

The machine may have few cores shared by the load generator, central and PostgreSQL:
``cpu`` gives each one's share of the run (seconds of CPU over wall seconds × cores).

Environment: BENCH_SCALE_SECONDS (60), BENCH_SCALE_TERMINALS (500), BENCH_SCALE_WORKERS (4),
BENCH_SCALE_CONNECTIONS (64: the connections), BENCH_SCALE_POOLS (8: clients they are split
over, each terminal keeping to one), BENCH_SCALE_ENGINES ("pg,sqlite"), BENCH_SCALE_MIX
("ticket:60,submission:25,status:15": to see which kind of request limits the rate).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from central.auth import add_terminal  # noqa: E402
from central.db import Database  # noqa: E402
from central.testing import CentralProcess, children_of  # noqa: E402
from kiosk.contract import BatchItem, BatchRequest, CaseStatusQuery, TicketRequest  # noqa: E402
from kiosk.sync.client import Credentials, signing_auth  # noqa: E402
from tests.pg import PgCluster  # noqa: E402
from tests.sample_submissions import sample_submission  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SCALE_SECONDS", "60"))
TERMINALS = int(os.environ.get("BENCH_SCALE_TERMINALS", "500"))
WORKERS = int(os.environ.get("BENCH_SCALE_WORKERS", "4"))
CONNECTIONS = int(os.environ.get("BENCH_SCALE_CONNECTIONS", "64"))
POOLS = int(os.environ.get("BENCH_SCALE_POOLS", "8"))
ENGINES = os.environ.get("BENCH_SCALE_ENGINES", "pg,sqlite").split(",")
PACE_S = float(os.environ.get("BENCH_SCALE_PACE_S", "10"))
PACED_SECONDS = float(os.environ.get("BENCH_SCALE_PACED_SECONDS", "30"))
HALLS = 25
QUEUES = "ABC"
MIX = tuple(
    (kind, float(share) / 100)
    for kind, share in (
        part.split(":")
        for part in os.environ.get("BENCH_SCALE_MIX", "ticket:60,submission:25,status:15").split(
            ","
        )
    )
)
TARGETS = {"ratio": 5.0, "p95_ms": 200.0, "duplicates": 0, "lost": 0, "errors_5xx": 0}
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Sim:
    """One simulated terminal: its signer and what central acknowledged to it."""

    terminal_id: str
    hall_id: str
    auth: requests.auth.AuthBase
    cases: list[str] = field(default_factory=list)


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    errors_5xx: int = 0
    other_errors: dict[str, int] = field(default_factory=dict)
    tickets: list[tuple[str, str, str, int]] = field(default_factory=list)  # hall, q, id, n
    submissions: list[tuple[str, str, str]] = field(default_factory=list)  # tid, key, case


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of ``pids`` so far (Linux ``/proc``)."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def signed(sim: Sim, url: str, method: str, path: str, body: bytes, extra: dict[str, str]):
    request = requests.Request(
        method,
        f"{url}/api/v1{path}",
        data=body,
        headers={"Content-Type": "application/json", **extra},
    ).prepare()
    sim.auth(request)
    return dict(request.headers)


async def one(client: httpx.AsyncClient, gate: asyncio.Semaphore, sim: Sim, url: str, kind: str,
              tally: Tally) -> None:  # fmt: skip
    extra: dict[str, str] = {}
    if kind == "ticket":
        ticket_id = uuid.uuid4().hex
        queue = random.choice(QUEUES)
        body = TicketRequest(ticket_id=ticket_id, queue=queue).model_dump_json().encode()
        method, path, extra = "POST", "/queue/tickets", {"Idempotency-Key": ticket_id}
    elif kind == "submission":
        key = uuid.uuid4().hex
        sub = sample_submission(f"S{key[:20]}", sim.hall_id, sim.terminal_id)
        item = BatchItem(key=key, kind="submission", body=json.loads(sub.model_dump_json()))
        body = BatchRequest(items=[item]).model_dump_json().encode()
        method, path = "POST", "/intake/batch"
    else:
        cases = sim.cases[-5:] or ["C-none"]
        body = CaseStatusQuery(case_nos=cases).model_dump_json().encode()
        method, path = "POST", "/cases/status"
    headers = signed(sim, url, method, path, body, extra)
    async with gate:
        started = time.perf_counter()
        try:
            reply = await client.request(method, f"{url}/api/v1{path}", content=body,
                                         headers=headers)  # fmt: skip
        except httpx.HTTPError as exc:
            name = type(exc).__name__
            tally.other_errors[name] = tally.other_errors.get(name, 0) + 1
            return
        tally.latencies_ms.append((time.perf_counter() - started) * 1000)
    tally.by_kind[kind] = tally.by_kind.get(kind, 0) + 1
    if reply.status_code >= 500:
        tally.errors_5xx += 1
        return
    if reply.status_code >= 300:
        name = f"http_{reply.status_code}"
        tally.other_errors[name] = tally.other_errors.get(name, 0) + 1
        return
    answer = reply.json()
    if kind == "ticket":
        tally.tickets.append((sim.hall_id, queue, ticket_id, int(answer["number"])))
    elif kind == "submission":
        result = answer["results"][0]
        if result["status"] in (200, 201) and result["ack"]:
            case = result["ack"]["case_no"]
            sim.cases.append(case)
            tally.submissions.append((sim.terminal_id, key, case))


async def load(
    url: str, sims: list[Sim], seconds: float, pace_s: float = 0.0
) -> tuple[Tally, float]:
    """Every terminal in ``sims`` sends requests until ``seconds`` are up: back to back, or
    after a random think time of mean ``pace_s`` before each one."""
    tally = Tally()
    # The connections are split over POOLS clients, each terminal always using the same one:
    # httpcore matches queued requests to connections by scanning both lists (and asking
    # each connection's socket whether it expired), so one pool of 64 spent most of the
    # load generator's CPU on a machine whose cores central needs.
    per_pool = max(1, CONNECTIONS // POOLS)
    limits = httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    async with AsyncExitStack() as stack:
        pools = [
            (
                await stack.enter_async_context(httpx.AsyncClient(limits=limits, timeout=30.0)),
                asyncio.Semaphore(per_pool),
            )
            for _ in range(POOLS)
        ]
        deadline = time.monotonic() + seconds

        async def terminal(index: int, sim: Sim) -> None:
            client, gate = pools[index % POOLS]
            while time.monotonic() < deadline:
                if pace_s:
                    # Never past the deadline: the run's elapsed time must stay the window.
                    left = deadline - time.monotonic()
                    await asyncio.sleep(min(random.expovariate(1 / pace_s), max(0.0, left)))
                    if time.monotonic() >= deadline:
                        break
                kind = random.choices(kinds, weights)[0]
                await one(client, gate, sim, url, kind, tally)

        started = time.perf_counter()
        await asyncio.gather(*(terminal(i, s) for i, s in enumerate(sims)))
        elapsed = time.perf_counter() - started
    return tally, elapsed


def register(db_url: str, seal_key: Path | None) -> list[Sim]:
    db = Database(db_url, seal_key)
    try:
        sims = []
        for i in range(TERMINALS):
            tid, hall = f"S{i:04d}", f"H{i % HALLS + 1:04d}"
            secret = add_terminal(db, tid, hall)
            sims.append(Sim(tid, hall, signing_auth(Credentials(tid, secret.encode()))))
        return sims
    finally:
        db.close()


def check(db_url: str, tally: Tally) -> dict[str, int]:
    """Duplicates and losses, read from the database after the run."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            twice = conn.execute(
                text(
                    "SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM ticket "
                    "GROUP BY hall_id, queue, day, origin, number HAVING count(*) > 1) t"
                )
            ).scalar_one()
            tickets = {
                r[0]: r[1] for r in conn.execute(text("SELECT ticket_id, number FROM ticket"))
            }
            ledger = {
                (r[0], r[1])
                for r in conn.execute(
                    text("SELECT terminal_id, key FROM intake_item WHERE kind = 'submission'")
                )
            }
            cases = {r[0] for r in conn.execute(text("SELECT case_no FROM case_record"))}
    finally:
        engine.dispose()
    answered: dict[tuple[str, str, int], set[str]] = {}
    for hall, queue, ticket_id, number in tally.tickets:
        answered.setdefault((hall, queue, number), set()).add(ticket_id)
    answered_twice = sum(len(ids) - 1 for ids in answered.values())
    lost = sum(
        1 for tid, key, case in tally.submissions if (tid, key) not in ledger or case not in cases
    )
    tickets_lost = sum(1 for _h, _q, tid, n in tally.tickets if tickets.get(tid) != n)
    case_list = [c for _t, _k, c in tally.submissions]
    return {
        "duplicates": int(twice) + answered_twice,
        "duplicate_case_numbers": len(case_list) - len(set(case_list)),
        "lost": lost,
        "tickets_lost": tickets_lost,
    }


@contextmanager
def database(engine: str, work: Path) -> Iterator[tuple[str, Path | None, list[int]]]:
    """(URL, seal key file, PostgreSQL's server pids) of a fresh database of ``engine``."""
    if engine == "sqlite":
        yield f"sqlite:///{work / 'central.db'}", None, []
        return
    cluster = PgCluster()
    cluster.start()
    try:
        name = cluster.create_database()
        pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
        yield cluster.url(name), work / "seal.key", [pid]
    finally:
        cluster.stop()


def run(engine: str) -> dict[str, object]:
    workers = WORKERS if engine == "pg" else 1
    with tempfile.TemporaryDirectory() as tmp, database(engine, Path(tmp)) as (url, key, pg):
        work = Path(tmp)
        sims = register(url, key)
        with CentralProcess(work, db_url=url, seal_key_file=key, workers=workers) as central:
            central.start(wait_s=60)
            assert central.pid is not None
            servers = [central.pid, *central.worker_pids()]
            pg_all = [p for root in pg for p in [root, *children_of(root)]]
            before = (cpu_seconds(servers), cpu_seconds(pg_all), time.process_time())
            tally, elapsed = asyncio.run(load(central.url, sims, SECONDS))
            pg_all = [p for root in pg for p in [root, *children_of(root)]]
            after = (cpu_seconds(servers), cpu_seconds(pg_all), time.process_time())
            paced, paced_elapsed = asyncio.run(load(central.url, sims, PACED_SECONDS, PACE_S))
        found = check(url, tally)
        found_paced = check(url, paced)
    cores = os.cpu_count() or 1
    share = [round((b - a) / (elapsed * cores), 3) for a, b in zip(before, after, strict=True)]
    done = len(tally.latencies_ms)
    return {
        "workers": workers,
        "requests": done,
        "by_kind": tally.by_kind,
        "rps": round(done / elapsed, 1),
        "p50_ms": round(percentile(tally.latencies_ms, 0.50), 1),
        "p95_ms": round(percentile(tally.latencies_ms, 0.95), 1),
        "p99_ms": round(percentile(tally.latencies_ms, 0.99), 1),
        "errors_5xx": tally.errors_5xx,
        "other_errors": tally.other_errors,
        **found,
        "cpu_share": {"central": share[0], "postgres": share[1], "load_generator": share[2]},
        "paced": {
            "offered_rps": round(len(sims) / PACE_S, 1),
            "rps": round(len(paced.latencies_ms) / paced_elapsed, 1),
            "p50_ms": round(percentile(paced.latencies_ms, 0.50), 1),
            "p95_ms": round(percentile(paced.latencies_ms, 0.95), 1),
            "p99_ms": round(percentile(paced.latencies_ms, 0.99), 1),
            "errors_5xx": paced.errors_5xx,
            "other_errors": paced.other_errors,
            "duplicates": found_paced["duplicates"],
            "lost": found_paced["lost"],
        },
    }


def main() -> int:
    random.seed(19)
    results = {engine: run(engine) for engine in ENGINES}
    pg, lite = results.get("pg"), results.get("sqlite")
    ratio = round(float(pg["rps"]) / float(lite["rps"]), 2) if pg and lite and lite["rps"] else None  # type: ignore[arg-type]
    passed: dict[str, bool] = {}
    if ratio is not None:
        passed["ratio"] = ratio >= TARGETS["ratio"]
    for name, res in results.items():
        passed[f"{name}_p95_ms"] = float(res["p95_ms"]) <= TARGETS["p95_ms"]  # type: ignore[arg-type]
        paced = res["paced"]
        passed[f"{name}_paced_p95_ms"] = float(paced["p95_ms"]) <= TARGETS["p95_ms"]  # type: ignore[index]
        for what in ("duplicates", "lost", "errors_5xx"):
            passed[f"{name}_{what}"] = res[what] == TARGETS[what]
    print(
        json.dumps(
            {
                "bench": "central_scale",
                "seconds": SECONDS,
                "terminals": TERMINALS,
                "halls": HALLS,
                "connections": CONNECTIONS,
                "paced_seconds": PACED_SECONDS,
                "pace_s": PACE_S,
                "mix": dict(MIX),
                "cores": os.cpu_count(),
                **results,
                "pg_rps_over_sqlite_rps": ratio,
                "targets": TARGETS,
                "pass": passed,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
