"""Central works on as many requests at once as its pool keeps connections (issue #19).

More threads than connections only queued for a connection, and under load cost the cores
(see ``central.app._request_threads``). Measured here through the app's own lifespan: routes
that hold their thread for a while, sent from more client threads than the limit.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from anyio import to_thread
from fastapi.testclient import TestClient

from central.app import create_app
from central.db import PoolSettings


def _app(tmp_path: Path, pool: PoolSettings | None) -> tuple[TestClient, dict[str, int]]:
    """Central on a SQLite file, with two routes of the test's own: one that holds its
    thread for 150 ms, counting how many run at once, and one that reads the limit."""
    app = create_app(f"sqlite:///{tmp_path / 'central.db'}", pool=pool, id_hash_key=b"k" * 32)
    seen = {"now": 0, "most": 0}
    lock = threading.Lock()

    @app.get("/probe/slow")  # not under the API prefix: no signature needed
    def slow() -> dict[str, int]:
        with lock:
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
        time.sleep(0.15)
        with lock:
            seen["now"] -= 1
        return {"ok": 1}

    @app.get("/probe/threads")
    async def threads() -> dict[str, float]:
        return {"tokens": to_thread.current_default_thread_limiter().total_tokens}

    return TestClient(app), seen


def _burst(client: TestClient, count: int) -> list[int]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _: client.get("/probe/slow").status_code, range(count)))


def test_at_most_pool_size_requests_run_at_once_and_the_others_wait_their_turn(tmp_path):
    client, seen = _app(tmp_path, PoolSettings(size=3))
    with client:
        codes = _burst(client, 9)
        assert client.get("/probe/threads").json() == {"tokens": 3}
    assert codes == [200] * 9  # none refused: the others waited
    assert seen["most"] == 3


def test_the_default_is_the_default_pool_size(tmp_path):
    client, _ = _app(tmp_path, None)
    with client:
        assert client.get("/probe/threads").json() == {"tokens": PoolSettings().size}
    assert PoolSettings().size == 10
