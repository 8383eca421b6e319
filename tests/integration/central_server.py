"""The reference central app served by uvicorn on a loopback port, in this process.

Unlike ``CentralProcess`` (a subprocess) the test can pass ``create_app`` options and reach the
database directly; requests still travel over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
import uvicorn

from central.app import create_app
from central.auth import add_terminal
from central.testing import free_port
from kiosk.contract import API_PREFIX
from kiosk.sync.client import CentralClient, Credentials
from tests.waiting import wait_for

if TYPE_CHECKING:
    from tests.conftest import CentralDb


class CentralServer:
    """``create_app(**options)`` on ``http://127.0.0.1:<free port>``; use as a context.

    Its database is ``db`` (the ``central_db`` fixture: SQLite or PostgreSQL), by default a
    SQLite file in ``folder``."""

    staff_token = "staff-token-for-tests"

    def __init__(self, folder: Path, db: CentralDb | None = None, **options: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        options.setdefault("staff_token", self.staff_token)
        db_url = db.url if db is not None else f"sqlite:///{folder / 'central.db'}"
        if db is not None and db.seal_key_file is not None:
            options.setdefault("seal_key_file", db.seal_key_file)
        self.app = create_app(db_url, **options)
        self.db = self.app.state.db
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="test-central", daemon=True)

    def __enter__(self) -> CentralServer:
        self._thread.start()
        wait_for(lambda: self._server.started, "central starts", poll_s=0.02)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.db.close()

    def terminal(self, terminal_id: str, hall_id: str) -> CentralClient:
        """Register a terminal and return its signed client (short timeouts)."""
        secret = add_terminal(self.db, terminal_id, hall_id)
        return CentralClient(self.url, Credentials(terminal_id, secret.encode()), timeout=(2, 20))

    def staff(self, method: str, path: str, body: Any = None) -> requests.Response:
        """One staff API call; the raw answer."""
        return requests.request(
            method,
            f"{self.url}{API_PREFIX}/staff{path}",
            json=body,
            headers={"Authorization": f"Bearer {self.staff_token}"},
            timeout=10,
        )
