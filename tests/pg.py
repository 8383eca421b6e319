"""A private PostgreSQL 15 cluster for tests: ``initdb`` into a temp folder, ``pg_ctl`` on a
free loopback port with its socket in that folder, one fresh database per test.

The server refuses to run as root, so as root every server command runs as the ``postgres``
user (Debian's ``postgresql`` package creates it) through ``runuser``; the folder is handed
to that user. Clients connect over TCP on 127.0.0.1 as the superuser role ``kiosk``
(``-A trust``: the cluster lives only as long as the test session and listens on loopback).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from central.testing import free_port

PG_BIN = Path(os.environ.get("KIOSK_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
ROLE = "kiosk"
MISSING = (
    f"PostgreSQL 15 is not installed ({PG_BIN}/initdb is missing): run `make setup` "
    "(it installs Debian's postgresql package) to run central's tests on PostgreSQL"
)


class PgUnavailable(RuntimeError):
    """The PostgreSQL binaries are missing or the cluster did not start."""


class PgCluster:
    """One throwaway cluster; :meth:`start` it, :meth:`create_database` per test, :meth:`stop`."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").is_file():
            raise PgUnavailable(MISSING)
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-test-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._running = False
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres")
            self._as_postgres = ["runuser", "-u", "postgres", "--"]

    def _run(self, *cmd: str, timeout: float = 60) -> None:
        done = subprocess.run(
            [*self._as_postgres, *cmd], capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgUnavailable(
                f"{Path(cmd[0]).name} failed ({done.returncode}): {done.stderr.strip()}\n{log}"
            )

    def start(self) -> None:
        """initdb, then start the server on a free port (a port taken meanwhile: another)."""
        self._run(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", ROLE,
            "-E", "UTF8", "--locale", "C", "--no-sync",
        )  # fmt: skip
        for attempt in range(3):
            self.port = free_port()
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=200 -c timezone=Asia/Shanghai"
            )  # the zone of a real deployment: naive timestamps must not depend on it
            try:
                self._run(
                    str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options,
                    "-l", str(self.log), "-w", "-t", "60", "start",
                )  # fmt: skip
            except PgUnavailable:
                if attempt == 2:
                    raise
                continue
            self._running = True
            return

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` in this cluster."""
        return f"postgresql+psycopg://{ROLE}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run ``sql`` as the superuser in the ``postgres`` database (autocommit)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=ROLE, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A fresh, empty database; its name."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        """Drop ``name``, ending whatever connections a test left open to it."""
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove the folder."""
        if self._running:
            self._running = False
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
