"""Demo mode helpers: the reference central service started in-process on 127.0.0.1."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class InProcessCentral:
    """The reference central service served by uvicorn on a background thread."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._db_url = f"sqlite:///{data_dir / 'demo-central.db'}"
        self.staff_token = secrets.token_urlsafe(16)
        self._app: Any = None
        self._server: Any = None
        self._thread: threading.Thread | None = None

    def start(self, wait_s: float = 10.0) -> None:
        """Start serving; returns once the server accepts connections (or after ``wait_s``)."""
        import uvicorn

        from central.app import create_app

        self._app = create_app(self._db_url, staff_token=self.staff_token)
        config = uvicorn.Config(
            self._app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="demo-central", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and not self._server.started:
            time.sleep(0.02)
        log.info("demo central service on %s", self.url)

    def provision_terminal(self, terminal_id: str, hall_id: str) -> tuple[str, str]:
        """Register ``terminal_id`` with a fresh secret (after :meth:`start`); returns
        ``(terminal_id, secret)`` for the terminal's client. Demo only: a real terminal gets
        its secret from ``kiosk-central add-terminal`` at install time."""
        from central.auth import add_terminal

        if self._app is None:
            raise RuntimeError("start the demo central service first")
        return terminal_id, add_terminal(self._app.state.db, terminal_id, hall_id)

    def stop(self) -> None:
        """Ask the server to finish and wait briefly for it."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
