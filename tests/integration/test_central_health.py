"""Central's ``/health`` asks the database: 200 while it answers, 503 with a reason when it
does not (a load balancer then sends terminals to another worker), and 200 again once it is
back (the pool replaces the dead connections: ``pool_pre_ping``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from kiosk.contract import API_PREFIX
from tests.conftest import CentralDb
from tests.integration.central_server import CentralServer
from tests.pg import PgCluster


def test_health_answers_ok_while_the_database_answers(
    tmp_path: Path, central_db: CentralDb
) -> None:
    with CentralServer(tmp_path, central_db) as server:
        reply = requests.get(f"{server.url}{API_PREFIX}/health", timeout=10)
    assert reply.status_code == 200 and reply.json()["status"] == "ok"


@pytest.mark.pg
@pytest.mark.slow
@pytest.mark.parametrize("central_engine", ["postgresql"], ids=["pg"])
def test_health_says_503_while_the_database_refuses_and_recovers_after(
    tmp_path: Path, central_db: CentralDb, pg_cluster: PgCluster
) -> None:
    name = central_db.url.rsplit("/", 1)[1]
    with CentralServer(tmp_path, central_db) as server:
        health = f"{server.url}{API_PREFIX}/health"
        assert requests.get(health, timeout=10).status_code == 200
        pg_cluster.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        pg_cluster.admin(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        down = requests.get(health, timeout=10)
        assert down.status_code == 503
        assert down.json()["status"] == "unavailable"
        assert down.json()["reason"].startswith("database unavailable")
        assert name not in down.text and "127.0.0.1" not in down.text  # no URL leaks
        pg_cluster.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert requests.get(health, timeout=10).status_code == 200
