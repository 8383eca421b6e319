"""Central works on as many requests at once as its pool keeps connections (issue #19).

More threads than connections only queued for a connection, and under load cost the cores
(see ``central.app._request_threads``). Measured through the app's own lifespan, served by
uvicorn over HTTP on 127.0.0.1 (``CentralServer``): a route that holds its thread for a while,
called from more client threads than the limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import requests
from anyio import to_thread

from central.db import PoolSettings
from tests.integration.central_server import CentralServer


@contextmanager
def _served(tmp_path: Path, pool: PoolSettings | None) -> Iterator[tuple[str, dict[str, int]]]:
    """Central on a SQLite file with two routes of the test's own (one that holds its thread
    150 ms, counting how many run at once; one that reads the limit), served on loopback."""
    central = CentralServer(tmp_path, pool=pool)
    seen = {"now": 0, "most": 0}
    lock = threading.Lock()

    @central.app.get("/probe/slow")  # not under the API prefix: no signature needed
    def slow() -> dict[str, int]:
        with lock:
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
        time.sleep(0.15)
        with lock:
            seen["now"] -= 1
        return {"ok": 1}

    @central.app.get("/probe/threads")
    async def threads() -> dict[str, float]:
        return {"tokens": to_thread.current_default_thread_limiter().total_tokens}

    with central:
        yield central.url, seen


def _burst(url: str, count: int) -> list[int]:
    with ThreadPoolExecutor(count) as pool:
        return list(
            pool.map(
                lambda _: requests.get(f"{url}/probe/slow", timeout=30).status_code, range(count)
            )
        )


def test_at_most_pool_size_requests_run_at_once_and_the_others_wait_their_turn(tmp_path):
    with _served(tmp_path, PoolSettings(size=3)) as (url, seen):
        codes = _burst(url, 9)
        limit = requests.get(f"{url}/probe/threads", timeout=10).json()
    assert codes == [200] * 9  # none refused: the others waited
    assert limit == {"tokens": 3}
    assert seen["most"] == 3


def test_the_default_is_the_default_pool_size(tmp_path):
    with _served(tmp_path, None) as (url, _):
        limit = requests.get(f"{url}/probe/threads", timeout=10).json()
    assert limit == {"tokens": PoolSettings().size} and PoolSettings().size == 10
