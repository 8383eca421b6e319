"""Shared fixtures. Qt always runs offscreen with the software renderer in tests."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.root_logger import root_logger_restored
from ui.fonts import use_screen_fonts

if TYPE_CHECKING:
    from drivers.printers.sim.emulator import EscposEmulator
    from drivers.printers.sim.server import TcpPrinterServer
    from kiosk.store import Store
    from tests.cups import CupsServer
    from tests.pg import PgCluster

# Hermetic: every test process gets a home and XDG folders of its own, so nothing depends on
# what an earlier run, another user or the developer's own machine left in ~/.config, ~/.cache
# or ~/.local (Qt's caches and settings, the keyboard's dictionary, the kiosk's default data).
TEST_HOME = Path(tempfile.mkdtemp(prefix="kiosk-test-home-"))
for _name, _sub in (
    ("HOME", ""),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_STATE_HOME", ".local/state"),
):
    (TEST_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_name] = str(TEST_HOME / _sub)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")  # as ui.main sets it
use_screen_fonts()  # the screens' fontconfig (and cut font once built), as ui.main sets it

REPO = Path(__file__).resolve().parent.parent


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(TEST_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _root_logger_restored() -> Iterator[None]:
    """Each test ends with the root logger as it found it.

    An entry point run in-process (``kiosk.cli.main``, ``ui.main.main``) configures logging
    for its process: a stream handler on the stderr of that moment, pytest's capture. Left
    behind, it outlives the capture, and a later log line (a worker thread at the session's
    end) fails with "I/O operation on closed file". Pytest's own capture handlers, which
    change with each phase of a test, are left to pytest."""
    with root_logger_restored():
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store file in a temporary folder."""
    from kiosk.store import Store

    s = Store(tmp_path / "kiosk.db")
    yield s
    s.close()


@pytest.fixture
def printer_emulator() -> EscposEmulator:
    """An ESC/POS printer in memory, 58 mm paper (384 dots)."""
    from drivers.printers.sim.emulator import EscposEmulator

    return EscposEmulator(384)


@pytest.fixture
def printer_server(printer_emulator: EscposEmulator) -> Iterator[TcpPrinterServer]:
    """``printer_emulator`` on a loopback TCP port (``printer_server.uri``)."""
    from drivers.printers.sim.server import TcpPrinterServer

    with TcpPrinterServer(printer_emulator) as srv:
        yield srv


@pytest.fixture(scope="module")
def sample_catalog() -> dict[str, Any]:
    """The bundled sample catalog document, read once per module: copy it before changing it."""
    from kiosk.catalog import BUNDLED_CATALOG

    return json.loads(BUNDLED_CATALOG.read_text(encoding="utf-8"))


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No KIOSK_* variables from the developer's shell leak into a test."""
    for key in list(os.environ):
        if key.startswith("KIOSK_"):
            monkeypatch.delenv(key)


@dataclass(frozen=True)
class CentralDb:
    """Where a test's central keeps its data: a SQLAlchemy URL and, for any database other
    than a SQLite file, the seal key file it needs (``central.sealing``)."""

    engine: str  # "sqlite" or "postgresql"
    url: str
    seal_key_file: Path | None = None


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's private PostgreSQL cluster, started by the first test that needs it and
    stopped (fast) at the end. Missing binaries fail those tests: never a silent skip."""
    from tests.pg import PgCluster, PgUnavailable

    try:
        cluster = PgCluster()
        cluster.start()
    except PgUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh database in the session's cluster (its SQLAlchemy URL), dropped after."""
    name = pg_cluster.create_database()
    try:
        yield pg_cluster.url(name)
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    """The session's private cupsd (tests/cups.py), started by the first test that needs it
    and stopped by its PID at the end. Skipped, saying why, only when CUPS is not installed."""
    from tests.cups import CupsServer, CupsUnavailable, cups_missing

    missing = cups_missing()
    if missing:
        pytest.skip(missing)
    server = CupsServer()
    try:
        server.start()
    except CupsUnavailable as exc:
        server.stop()
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@dataclass(frozen=True)
class PdfQueue:
    """A cups-pdf queue of the private cupsd: its name, server and output folder."""

    name: str
    server: str
    out: Path

    @property
    def uri(self) -> str:
        """``cups://127.0.0.1:PORT/NAME``."""
        return f"cups://{self.server}/{self.name}"


@pytest.fixture
def pdf_queue(cups_server: CupsServer) -> Iterator[PdfQueue]:
    """A fresh cups-pdf queue for one test, deleted after it."""
    name, out = cups_server.add_pdf_queue()
    try:
        yield PdfQueue(name, cups_server.server, out)
    finally:
        cups_server.delete_queue(name)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="pg", marks=[pytest.mark.pg, pytest.mark.slow]),
    ]
)
def central_engine(request: pytest.FixtureRequest) -> str:
    """The engine central runs on in this test: every central-facing test runs on both."""
    return str(request.param)


@pytest.fixture
def central_db(
    central_engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[CentralDb]:
    """Central's database for one test: a SQLite file in ``tmp_path``, or a fresh database
    (``CREATE DATABASE … TEMPLATE template0``) in the session's cluster, dropped after."""
    if central_engine == "sqlite":
        yield CentralDb("sqlite", f"sqlite:///{tmp_path / 'central.db'}")
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = cluster.create_database()
    try:
        yield CentralDb("postgresql", cluster.url(name), tmp_path / "central.seal-key")
    finally:
        cluster.drop_database(name)
